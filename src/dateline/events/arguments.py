"""Who took part in an event, and when and where, read off the dependency parse.

Everything here works on spaCy tokens and maps them to the article's actors through their
mention offsets, so each participant keeps the evidence it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.model import Actor, Timex

#: Verbs that carry a nominal event without adding meaning of their own: "held talks".
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "attend", "host", "begin", "start", "open", "end", "finish",
    "resume", "launch", "stage", "make", "carry", "join", "chair", "convene", "organize",
    "organise", "plan", "schedule", "arrange", "announce", "postpone", "cancel", "delay",
    "call", "seek", "propose", "agree", "mount", "wage", "impose", "conclude", "skip",
})

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
#: Prepositions whose object is the other side of a meeting, call or agreement.
PARTNER_PREPS = frozenset({"with", "between", "among", "to", "against", "on", "upon"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "from"})
PARTICIPANT_KINDS = frozenset({"person", "organisation", "country", "group"})


class ActorIndex:
    """Maps character ranges of the text to the article's actors."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._by_char: dict[int, Actor] = {}
        for actor in actors:
            for mention in actor.mentions:
                for pos in range(mention.start, mention.end):
                    # First actor wins: mentions do not overlap after resolution.
                    self._by_char.setdefault(pos, actor)

    def at_token(self, token: Token) -> Actor | None:
        return self._by_char.get(token.idx) or self._by_char.get(token.idx + len(token) - 1)

    def for_phrase(self, head: Token) -> Actor | None:
        """The actor a noun phrase names: its head first, then the head's name parts and
        modifiers ("Chinese officials" names China's officials when nothing better is known)."""
        actor = self.at_token(head)
        if actor is not None:
            return actor
        for child in head.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "appos", "flat"):
                actor = self.at_token(child)
                if actor is not None:
                    return actor
        return None


@dataclass(slots=True)
class Argument:
    actor: Actor
    role: str
    token: Token


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def governing_verb(trigger: Token) -> Token | None:
    """The verb whose clause the trigger belongs to: itself for a verb, the verb a noun hangs
    from ("the talks were postponed" -> postponed; "held talks" -> held)."""
    if trigger.pos_ == "VERB":
        return trigger
    token = trigger
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    """Active and passive subjects of a verb, following control ("X plans to meet Y") and
    relative clauses ("the minister who met Y")."""
    active = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not active and not passive:
        if verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
            return _subjects(verb.head)
        if verb.dep_ == "relcl":
            active = [verb.head]
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return _subjects(verb.head)
    return active, passive


def _prep_objects(token: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child.lower_, obj
        elif child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield "by", obj


def find_participants(trigger: Token, nominal: bool, index: ActorIndex) -> list[Argument]:
    found: list[Argument] = []
    seen: set[str] = set()

    def add(token: Token, role: str) -> None:
        for tok in with_conjuncts(token):
            actor = index.for_phrase(tok)
            if actor is None or actor.kind not in PARTICIPANT_KINDS or actor.id in seen:
                continue
            seen.add(actor.id)
            found.append(Argument(actor, role, tok))

    if nominal:
        # Name modifiers: "the Modi-Xi meeting", "Friday's Geneva talks", "US sanctions".
        for child in trigger.children:
            if child.dep_ in ("compound", "poss", "amod", "nmod"):
                add(child, "participant")
        for prep, obj in _prep_objects(trigger, PARTNER_PREPS | {"by", "of"}):
            if prep == "between":
                add(obj, "participant")
            elif prep in ("by", "of") and not found:
                add(obj, "source")
            else:
                add(obj, "target")
        verb = trigger.head
        if trigger.dep_ in OBJECT_DEPS and verb.lemma_.lower() in LIGHT_VERBS:
            active, _ = _subjects(verb)
            for subj in active:
                add(subj, "source")
            for prep, obj in _prep_objects(verb, PARTNER_PREPS):
                add(obj, "participant" if prep == "between" else "target")
        elif trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
            # "X met Y at the summit" is not the summit's participants; "X took part in talks" is.
            pass
    else:
        active, passive = _subjects(trigger)
        objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
        # Only prepositional objects that name actors: "on Friday" is no partner.
        partner_preps = [
            (prep, obj) for prep, obj in _prep_objects(trigger, PARTNER_PREPS | {"by"})
            if index.for_phrase(obj) is not None
        ]
        for subj in active:
            if subj.conjuncts and not objects and not partner_preps:
                add(subj, "participant")
            else:
                add(subj, "source")
        for subj in passive:
            add(subj, "target")
        for obj in objects:
            add(obj, "target")
        for prep, obj in partner_preps:
            if prep == "by":
                add(obj, "source")
            elif prep == "between":
                add(obj, "participant")
            else:
                add(obj, "target")
        # "X accused Y of ...", "X called on Y to ...": the object may sit under a particle.
        for child in trigger.children:
            if child.dep_ == "prt":
                for _, obj in _prep_objects(child, PARTNER_PREPS):
                    add(obj, "target")
    return found


def _clause_head(token: Token, stop: Token) -> Token | None:
    """Walk up from ``token`` to the first verb or to ``stop``; the clause it belongs to."""
    current = token
    for _ in range(8):
        if current.i == stop.i:
            return stop
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def attaches_to(doc: Doc, start: int, end: int, trigger: Token, verb: Token | None) -> bool:
    """Whether the text at start..end belongs to the trigger's own clause."""
    root = _span_root(doc, start, end)
    if root is None:
        return False
    for anchor in (trigger, verb):
        if anchor is None:
            continue
        head = _clause_head(root, anchor)
        if head is not None and head.i == anchor.i:
            return True
    return False


def find_date(doc: Doc, trigger: Token, verb: Token | None, timexes: list[Timex]) -> Timex | None:
    """The date or time of the trigger's clause, the nearest one when there are several."""
    candidates = [
        t for t in timexes
        if t.type in ("DATE", "TIME") and attaches_to(doc, t.start, t.end, trigger, verb)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.start - trigger.idx))


def find_place(doc: Doc, trigger: Token, verb: Token | None, index: ActorIndex) -> Actor | None:
    """A place (or country) named with "in/at ..." in the trigger's clause."""
    for anchor in (trigger, verb):
        if anchor is None:
            continue
        for _, obj in _prep_objects(anchor, PLACE_PREPS):
            actor = index.for_phrase(obj)
            if actor is not None and actor.kind in ("place", "country"):
                return actor
    # "the Geneva talks": a place as a modifier of a nominal trigger.
    for child in trigger.children:
        if child.dep_ in ("compound", "nmod"):
            actor = index.at_token(child)
            if actor is not None and actor.kind == "place":
                return actor
    return None
