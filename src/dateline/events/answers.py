"""Events that answer other events of the same article: a rejection, welcome or denial
takes the authors of what it answers as its target ("Tokyo rejected the demand" after
"China demanded ..."), and denying involvement in an act one is accused of makes that act
denied rather than adding a rejection (the labelling convention of tests/data/README.md).
Both run after mentions are joined, on the article's final events.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from dateline.model import Event, Participant

#: Events that answer another ("rejected the demand", "welcomed the decision") and take its
#: authors as their target.
ANSWER_TYPES = frozenset({"REJECT", "SUPPORT", "ACCUSE", "CONCEDE", "AGREE"})


def answered(doc: Doc, events: list[Event], answers: list[tuple[Event, str]]) -> None:
    """"Tokyo rejected the demand" after "China demanded ...": the authors of the event
    that the answer's object names are the answer's target. ``answers`` pairs an answer
    with the type of an event its object points back to ("rejected the accusation")."""
    for answer, answered_type in answers:
        if answer not in events:
            continue
        before = events[:events.index(answer)]
        other = next((e for e in reversed(before) if e.type == answered_type), None)
        if other is not None:
            _take_authors_as_targets(answer, other)
    by_char: dict[int, Event] = {}
    for event in events:
        for mention in event.mentions:
            by_char.setdefault(mention.start, event)
    for event in events:
        if event.type not in ANSWER_TYPES or any(p.role == "target"
                                                 for p in event.participants):
            continue
        span = doc.char_span(event.mentions[0].start, event.mentions[0].end,
                             alignment_mode="expand")
        if span is None:
            continue
        for obj in (c for c in span.root.children if c.dep_ in ("dobj", "obj")):
            other = next((by_char[t.idx] for t in obj.subtree if t.idx in by_char), None)
            if other is None or other is event:
                continue
            _take_authors_as_targets(event, other)
            break


#: What an accused party denies when it denies the act it is accused of.
INVOLVEMENT_NOUNS = frozenset({"involvement", "role", "responsibility", "part", "link",
                               "links", "hand", "complicity"})


def denials_of_accused_acts(doc: Doc, events: list[Event]) -> list[Event]:
    """"Lithuania accused Minsk of waging a hybrid attack. Lukashenko denied any
    involvement": the attack is denied, no separate rejection (the labelling convention).
    The REJECT stays when the accusation names no event of its own."""
    spans = {id(e): doc.char_span(e.mentions[0].start, e.mentions[0].end,
                                  alignment_mode="expand") for e in events}
    kept: list[Event] = []
    for event in events:
        span = spans[id(event)]
        root = span.root if span is not None else None
        denial = (event.type == "REJECT" and root is not None
                  and root.lemma_.lower() == "deny"
                  and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in INVOLVEMENT_NOUNS
                          for c in root.children))
        accused = _accused_act(kept, spans) if denial else None
        if accused is not None:
            accused.status = "denied"
            continue
        kept.append(event)
    return kept


def _accused_act(earlier: list[Event], spans: dict[int, Any]) -> Event | None:
    """The latest event reported as what someone is accused of ("accused X of waging an
    attack"): its mention lies inside an accusation's clause."""
    accusations = [spans[id(e)].root for e in earlier
                   if e.type == "ACCUSE" and spans[id(e)] is not None]
    for event in reversed(earlier):
        span = spans[id(event)]
        if event.type in ("ACCUSE", "REJECT") or span is None:
            continue
        if any(_directly_under(span.root, accuser) for accuser in accusations):
            return event
    return None


def _directly_under(token: Token, governor: Token) -> bool:
    """Whether ``token`` is in ``governor``'s complement without passing a relative clause
    ("accused X of waging an attack", not "of links to a cell that planned attacks")."""
    for _ in range(8):
        if token.i == governor.i:
            return True
        if token.dep_ in ("relcl", "acl") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _take_authors_as_targets(answer: Event, other: Event) -> None:
    if any(p.role == "target" for p in answer.participants):
        return
    answering = {p.actor_id for p in answer.participants}
    answer.participants.extend(
        Participant(actor_id=p.actor_id, name=p.name, country=p.country, role="target")
        for p in other.participants
        if p.role in ("source", "participant") and p.actor_id not in answering)
