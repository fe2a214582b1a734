"""The trigger lexicon: phrase patterns with gaps and heads, senses, and refusing bad data."""

from __future__ import annotations

import pytest

from dateline.errors import DatelineError
from dateline.events.lexicon import find_triggers, load, parse_lexicon
from dateline.model import EVENT_TYPES


def test_every_shipped_entry_has_a_plover_type_and_a_cameo_code():
    lexicon = load()
    entries = [*lexicon.verbs.values(), *lexicon.nouns.values(),
               *(p.entry for p in lexicon.phrases)]
    assert {e.type for e in entries} == set(EVENT_TYPES)
    assert all(e.cameo and e.cameo.isdigit() for e in entries)


def test_gap_in_a_phrase_spans_the_words_between(nlp):
    doc = nlp("The navy placed its destroyer squadrons on alert.")
    [match] = [m for m in find_triggers(doc) if m.entry.type == "MOBILIZE"]
    assert doc[match.start:match.end].text == "placed its destroyer squadrons on alert"
    assert match.head.text == "placed"


def test_gap_does_not_cross_punctuation(nlp):
    lexicon = parse_lexicon(
        {"phrases": [{"pattern": "put ~ on alert", "type": "MOBILIZE"}]}, "mine.yaml")
    assert find_triggers(nlp("They put units on alert."), lexicon)
    assert not find_triggers(nlp("They put units, ships, on alert."), lexicon)


def test_modifier_first_phrase_hangs_arguments_on_its_noun(nlp):
    doc = nlp("The phone call lasted an hour.")
    [match] = find_triggers(doc)
    assert match.head.text == "call" and match.nominal


def test_phrase_wins_over_the_single_word_it_covers(nlp):
    doc = nlp("Kenya called for calm.")
    [match] = find_triggers(doc)
    assert match.entry.type == "REQUEST"


def test_pattern_may_not_start_with_a_gap():
    with pytest.raises(DatelineError, match="phrases\\[0\\]"):
        parse_lexicon({"phrases": [{"pattern": "~ talks", "type": "CONSULT"}]}, "mine.yaml")


def test_head_must_point_at_a_word_of_the_pattern():
    with pytest.raises(DatelineError, match="head 1"):
        parse_lexicon({"phrases": [{"pattern": "open ~ fire", "type": "ASSAULT", "head": 1}]},
                      "mine.yaml")


def test_sense_needs_exactly_one_cue():
    raw = {"nouns": {"strike": {"type": "ASSAULT", "senses": [{"type": "PROTEST"}]}}}
    with pytest.raises(DatelineError, match="senses\\[0\\]"):
        parse_lexicon(raw, "mine.yaml")


def test_unknown_condition_is_refused_with_the_entry_named():
    with pytest.raises(DatelineError, match="verbs.parley"):
        parse_lexicon({"verbs": {"parley": {"type": "CONSULT", "needs": ["sunny"]}}},
                      "mine.yaml")


def test_shipped_lexicon_names_no_word_twice_in_one_section():
    from importlib import resources

    import yaml

    class StrictLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
            duplicates = {k for k in keys if keys.count(k) > 1}
            assert not duplicates, f"listed twice: {sorted(duplicates)}"
            return super().construct_mapping(node, deep=deep)

    text = resources.files("dateline.events").joinpath("data/triggers.yaml").read_text("utf-8")
    yaml.load(text, Loader=StrictLoader)  # noqa: S506 - a SafeLoader subclass
