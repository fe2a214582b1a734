"""The other readings of trigger words that the parse settles: a fight against corruption,
a heart attack, meeting a deadline, hosting the Games, an executive's trip, a party's
verbal attack, the condition of a threat.

``reading(entry, match, arguments)`` returns the entry the trigger stands for here (the
lexicon's, or criticism for a verbal attack), or None when it reports no event. The word
lists live in ``data/readings.yaml``; the lexicon's own ``senses`` choose readings by the
words of a sentence, these by the trigger's grammatical neighbours.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from dateline.events.arguments import Argument
from dateline.events.lexicon import TriggerEntry, TriggerMatch
from dateline.model import Actor

VERBAL_ATTACK = TriggerEntry("ACCUSE", "criticism", "111")
#: Conjunctions that make a clause the condition of another.
CONDITION_MARKS = frozenset({"if", "unless"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "oneself"})
#: Sectors of actors whose travel is a visit in the PLOVER sense.
VISITING_SECTORS = frozenset({"GOV", "MIL", "IGO", "NGO", "PTY", "REB", "OPP", "JUD", "LEG"})


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/readings.yaml``."""
    text = resources.files("dateline.events").joinpath("data/readings.yaml").read_text("utf-8")
    return {key: frozenset(str(w).lower() for w in values)
            for key, values in yaml.safe_load(text).items()}


def reading(entry: TriggerEntry, match: TriggerMatch,
            arguments: list[Argument]) -> TriggerEntry | None:
    """The entry ``match`` stands for where it is, or None if it reports no event."""
    trigger = match.head
    if is_a_condition(trigger):
        return None  # "... if militants attacked Pakistani cities": the condition of a threat
    if entry.type == "ASSAULT" and (against_an_ill(trigger) or not_violence(trigger)):
        return None  # "fighting corruption", "a heart attack", "killed themselves"
    if entry.mode == "host" and hosts_a_spectacle(trigger):
        return None  # "Thailand will host the Southeast Asian Games"
    if entry.type == "CONSULT" and trigger.lemma_.lower() == "meet" and meets_a_thing(trigger):
        return None  # "to meet the needs of the institutions", "met its targets"
    if entry.mode == "visit" and not match.nominal and not any(
            can_visit(a.actor) for a in arguments if a.role == "source"):
        return None  # "the executive arrived at Kansai airport": travel, no visit of state
    if entry.type == "ASSAULT" and (between_parties(arguments)
                                    or aimed_at_words_or_policy(trigger)):
        # "Labour, in its latest attack on the Tories", "attacked the budget plan".
        return VERBAL_ATTACK
    return entry


def leaves_its_object_as_it_was(verb: Token) -> bool:
    """"would not affect joint operations": the negation says nothing of the operations."""
    return verb.lemma_.lower() in words()["uncommitted_verbs"]


def is_a_condition(trigger: Token) -> bool:
    """A verb of an "if" or "unless" clause: what another event depends on, not news."""
    return (trigger.pos_ in ("VERB", "AUX") and trigger.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                    for c in trigger.children))


def _objects(trigger: Token, preps: tuple[str, ...]) -> list[Token]:
    """The trigger's direct objects and the objects of the given prepositions after it."""
    found = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    found += [obj for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ in preps
              for obj in prep.children if obj.dep_ == "pobj"]
    return found


def against_an_ill(trigger: Token) -> bool:
    objects = _objects(trigger, ("against", "on"))
    ills = words()["ills"]
    return bool(objects) and all(o.lemma_.lower() in ills or o.lower_ in ills for o in objects)


def not_violence(trigger: Token) -> bool:
    """"a heart attack" is an illness, "killed themselves" a suicide: no one attacked."""
    if any(c.dep_ in ("compound", "amod") and c.lower_ in words()["medical_modifiers"]
           for c in trigger.children):
        return True
    # Only "kill": "a suicide bomber blew himself up" attacked others.
    return trigger.lemma_.lower() == "kill" and any(
        c.dep_ in ("dobj", "obj") and c.lower_ in REFLEXIVES for c in trigger.children)


def hosts_a_spectacle(verb: Token) -> bool:
    spectacles = words()["spectacles"]
    objects = _objects(verb, ())
    return bool(objects) and all(
        o.lower_ in spectacles or o.lemma_.lower() in spectacles
        or any(c.dep_ == "compound" and c.lower_ in spectacles for c in o.children)
        for o in objects)


def meets_a_thing(verb: Token) -> bool:
    """"meet the needs", "meet credit requirements": the other sense of "meet"."""
    objects = _objects(verb, ())
    return bool(objects) and all(o.lemma_.lower() in words()["met_things"] for o in objects)


def can_visit(actor: Actor) -> bool:
    """A state, an organisation, or a person known to the knowledge base or in public
    life (an official, an officer, a party or rebel leader): who makes visits that are
    news of relations, not a business trip."""
    if actor.kind == "group" and actor.sector != "GOV":
        return False  # "the first refugees arrived in Italy", "the soldiers would travel"
    return (actor.kind in ("country", "organisation", "group") or actor.known
            or actor.sector in VISITING_SECTORS)


def aimed_at_words_or_policy(trigger: Token) -> bool:
    targets = _objects(trigger, ("on", "against"))
    policy = words()["policy_words"]
    return bool(targets) and all(t.lemma_.lower() in policy or t.lower_.endswith("ism")
                                 for t in targets)


def between_parties(arguments: list[Argument]) -> bool:
    """Whether an attack's author is a political party: its attacks are words."""
    sources = [a.actor for a in arguments if a.role in ("source", "participant")]
    return bool(sources) and all(actor.sector == "PTY" for actor in sources)
