"""The trigger lexicon: which words report which kind of event.

The vocabulary lives in ``data/triggers.yaml`` (see the comments there); this module loads it
once per process and finds trigger occurrences in a parsed document. A user's own lexicon
replaces the shipped one when ``$DATELINE_TRIGGERS`` names a file of the same shape.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from dateline.errors import DatelineError
from dateline.model import EVENT_TYPES

CONDITIONS = ("actor_object", "actor_subject", "anaphoric", "no_event_inside", "active",
              "passive", "transitive", "predicate", "future", "named_agent")
#: What a sense of a word (see triggers.yaml, ``senses``) can be chosen by.
SENSE_CUES = ("sentence_has", "subject")
SUBJECT_CUES = ("state",)
#: In a phrase pattern, a gap of up to this many words of any kind but punctuation
#: (quotation marks excepted).
GAP = "~"
GAP_WIDTH = 3
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
#: Words of an amount that a gap skips besides its GAP_WIDTH words ("at least 450").
AMOUNT_WORDS = frozenset({"at", "least", "more", "than", "about", "some", "nearly", "almost",
                          "around", "over", "up", "to", "million", "billion", "dozens",
                          "hundreds", "thousands", "of", "another", "additional"})
MAX_AMOUNT_WORDS = 4
#: Phrases whose first word is a modifier of the noun that carries the event ("phone call").
MODIFIER_FIRST_WORDS = frozenset({
    "phone", "telephone", "video", "humanitarian", "military", "joint", "hunger", "economic",
    "financial", "naval", "air", "bilateral", "trilateral", "stern", "strong", "formal",
})


@dataclass(frozen=True, slots=True)
class Sense:
    """Another reading of a trigger word, chosen when its cue holds: ``sentence_has`` (any of
    these lemmas in the sentence) or ``subject`` ("state": a country or government actor)."""

    entry: TriggerEntry
    sentence_has: frozenset[str] = frozenset()
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    type: str
    mode: str | None
    cameo: str | None
    needs: tuple[str, ...] = ()
    senses: tuple[Sense, ...] = ()
    #: a state that lasts once entered ("on alert"): real, it is ongoing
    state: bool = False
    #: an act only in prospect ("could face seven years in prison"): it is hypothetical
    prospect: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    #: one tuple of alternative lower-case words per position; ``(GAP,)`` is a gap
    words: tuple[tuple[str, ...], ...]
    entry: TriggerEntry
    #: index into ``words`` of the head word, or None for the default (see triggers.yaml)
    head: int | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, TriggerEntry]
    nouns: dict[str, TriggerEntry]
    phrases: tuple[Phrase, ...]
    #: phrases by each alternative of their first word, longest first
    by_first_word: dict[str, tuple[Phrase, ...]]


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger in a document: ``head`` is the token arguments and status hang from;
    ``start``/``end`` are token indices of the whole trigger (phrases span several)."""

    head: Token
    start: int
    end: int
    entry: TriggerEntry
    nominal: bool


def _entry(raw: dict[str, Any], where: str) -> TriggerEntry:
    event_type = str(raw.get("type", "")).upper()
    if event_type not in EVENT_TYPES:
        raise DatelineError(
            f"{where}: type {raw.get('type')!r} is not a PLOVER type; use one of "
            + ", ".join(EVENT_TYPES)
        )
    needs = tuple(raw.get("needs") or ())
    unknown = [n for n in needs if n not in CONDITIONS]
    if unknown:
        raise DatelineError(f"{where}: unknown condition {unknown}; use {', '.join(CONDITIONS)}")
    cameo = raw.get("cameo")
    senses = []
    for k, sense in enumerate(raw.get("senses") or []):
        cues = [c for c in SENSE_CUES if c in sense]
        if len(cues) != 1:
            raise DatelineError(f"{where}: senses[{k}] needs exactly one of "
                                + ", ".join(SENSE_CUES))
        subject = sense.get("subject")
        if subject is not None and subject not in SUBJECT_CUES:
            raise DatelineError(f"{where}: senses[{k}]: subject {subject!r}; use "
                                + ", ".join(SUBJECT_CUES))
        words = frozenset(w.lower() for w in sense.get("sentence_has") or ())
        senses.append(Sense(_entry(sense, f"{where}.senses[{k}]"), words, subject))
    return TriggerEntry(event_type, raw.get("mode"), str(cameo) if cameo else None, needs,
                        tuple(senses), bool(raw.get("state", False)),
                        bool(raw.get("prospect", False)))


def parse_lexicon(data: dict[str, Any], source: str) -> Lexicon:
    verbs = {
        k.lower(): _entry(v, f"{source}: verbs.{k}") for k, v in (data.get("verbs") or {}).items()
    }
    nouns = {
        k.lower(): _entry(v, f"{source}: nouns.{k}") for k, v in (data.get("nouns") or {}).items()
    }
    phrases = []
    for i, raw in enumerate(data.get("phrases") or []):
        where = f"{source}: phrases[{i}]"
        words = tuple(tuple(alt.lower() for alt in w.split("|")) for w in raw["pattern"].split())
        if not words or words[0] == (GAP,) or words[-1] == (GAP,):
            raise DatelineError(f"{where}: a pattern must start and end with a word, not {GAP!r}")
        head = raw.get("head")
        if head is not None and not (0 <= int(head) < len(words) and words[int(head)] != (GAP,)):
            raise DatelineError(f"{where}: head {head} is not the index of a word of the pattern")
        phrases.append(Phrase(words, _entry(raw, where), None if head is None else int(head)))
    # Longest phrases first, so "speak over the phone" wins over anything shorter.
    phrases.sort(key=lambda p: -len(p.words))
    by_first: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        for alternative in phrase.words[0]:
            by_first.setdefault(alternative, []).append(phrase)
    return Lexicon(verbs, nouns, tuple(phrases), {k: tuple(v) for k, v in by_first.items()})


@lru_cache(maxsize=1)
def load() -> Lexicon:
    override = os.environ.get("DATELINE_TRIGGERS")
    if override:
        path = Path(override)
        return parse_lexicon(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    text = resources.files("dateline.events").joinpath("data/triggers.yaml").read_text("utf-8")
    return parse_lexicon(yaml.safe_load(text), "dateline/events/data/triggers.yaml")


def _word_matches(token: Token, alternatives: tuple[str, ...]) -> bool:
    return token.lower_ in alternatives or token.lemma_.lower() in alternatives


def _is_gerund_noun(token: Token) -> bool:
    """A gerund with no subject of its own used as a noun ("despite fighting", "accused
    them of killing two workers")."""
    return (token.tag_ == "VBG" and token.dep_ in ("pcomp", "pobj", "nsubj", "dobj")
            and not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in token.children))


def _match_at(doc: Doc, start: int, words: tuple[tuple[str, ...], ...]) -> list[int] | None:
    """Token positions of each pattern word when the pattern matches at ``start``
    (a gap takes as few words as it can)."""
    positions: list[int] = []

    def walk(k: int, i: int) -> bool:
        if k == len(words):
            # "resume trade talks": a phrase never ends on a word that only modifies the
            # noun after it; a longer gap may still reach that noun ("sanctions package").
            last = doc[positions[-1]]
            return not (last.dep_ == "compound" and last.head.i > last.i
                        and last.head.pos_ == "NOUN")

        if words[k] == (GAP,):
            content = 0
            for skip in range(GAP_WIDTH + MAX_AMOUNT_WORDS + 1):
                if skip:
                    if i + skip - 1 >= len(doc):
                        return False
                    word = doc[i + skip - 1]
                    # Quotes and hyphens may sit in a gap: 'lodged a "stern protest"', "joint
                    # counter-narcotics operations".
                    if ((word.is_punct and not word.is_quote and word.text not in HYPHENS)
                            or word.is_sent_start):
                        return False
                    # Amounts and hyphens do not use up the gap: "fired at least one
                    # ballistic missile", "pledged $5 million in aid".
                    if not (word.like_num or word.lower_ in AMOUNT_WORDS or word.is_currency
                            or word.text in HYPHENS):
                        content += 1
                        if content > GAP_WIDTH:
                            return False
                positions.append(i + skip - 1)
                if walk(k + 1, i + skip):
                    return True
                positions.pop()
            return False
        if i >= len(doc) or not _word_matches(doc[i], words[k]):
            return False
        positions.append(i)
        if walk(k + 1, i + 1):
            return True
        positions.pop()
        return False

    return positions if walk(0, start) else None


def _phrase_match(doc: Doc, start: int, phrase: Phrase) -> TriggerMatch | None:
    positions = _match_at(doc, start, phrase.words)
    if positions is None:
        return None
    end = positions[-1] + 1
    if phrase.head is not None:
        head = doc[positions[phrase.head]]
        return TriggerMatch(head, start, end, phrase.entry, head.pos_ in ("NOUN", "PROPN"))
    first = doc[start]
    nominal = first.pos_ in ("NOUN", "PROPN", "ADJ") or phrase.words[0][0] in MODIFIER_FIRST_WORDS
    # In "phone call" the noun that carries the arguments is the last word.
    head = doc[end - 1] if nominal else first
    return TriggerMatch(head, start, end, phrase.entry, nominal)


def find_triggers(doc: Doc, lexicon: Lexicon | None = None) -> list[TriggerMatch]:
    """Every trigger occurrence in ``doc``, in text order; phrases win over single words
    (the longest phrase starting at a word first)."""
    lexicon = lexicon or load()
    matches: list[TriggerMatch] = []
    covered: set[int] = set()
    for token in doc:
        if token.i in covered:
            continue
        candidates = lexicon.by_first_word.get(token.lower_, ())
        lemma = token.lemma_.lower()
        if lemma != token.lower_:
            extra = lexicon.by_first_word.get(lemma, ())
            if extra:
                candidates = tuple(sorted({id(p): p for p in (*candidates, *extra)}.values(),
                                          key=lambda p: -len(p.words)))
        for phrase in candidates:
            found = _phrase_match(doc, token.i, phrase)
            if found is not None and not any(j in covered for j in range(found.start, found.end)):
                matches.append(found)
                covered.update(range(found.start, found.end))
                break
    for token in doc:
        if token.i in covered:
            continue
        lemma = token.lemma_.lower()
        if _is_gerund_noun(token) and token.lower_ in lexicon.nouns:
            # "despite fighting in several states": a gerund standing for the event.
            matches.append(TriggerMatch(token, token.i, token.i + 1,
                                        lexicon.nouns[token.lower_], True))
        elif token.pos_ == "VERB" and lemma in lexicon.verbs:
            matches.append(TriggerMatch(token, token.i, token.i + 1, lexicon.verbs[lemma], False))
        elif token.pos_ == "NOUN":
            entry = lexicon.nouns.get(token.lower_) or lexicon.nouns.get(lemma)
            if entry is not None:
                matches.append(TriggerMatch(token, token.i, token.i + 1, entry, True))
    matches.sort(key=lambda m: m.start)
    return matches
