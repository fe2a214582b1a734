"""The events stage: PLOVER-typed events with participants, time, place, status, attribution
and evidence, plus the article's quotes.

``extract_events(article, doc, actors, timexes)`` finds triggers (``lexicon``), reads their
arguments off the parse (``arguments``), decides what the article claims about each
(``status``) and according to whom (``attribution``), then joins mentions of the same event
("the meeting", "the talks" after "X will meet Y") into one event.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.events.arguments import (
    ActorIndex,
    find_date,
    find_participants,
    find_place,
    governing_verb,
)
from dateline.events.attribution import chain_for
from dateline.events.lexicon import TriggerMatch, find_triggers
from dateline.events.quotes import extract_quotes
from dateline.events.status import classify, is_negated
from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    Location,
    Participant,
    Quote,
    Source,
    Span,
    Timex,
    content_id,
)

__all__ = ["extract_events", "extract_quotes", "ActorIndex", "run"]

#: When mentions of one event disagree, the status that reports more of the story wins:
#: "the talks planned for Friday were postponed" is postponed.
STATUS_PRECEDENCE = ("cancelled", "postponed", "denied", "occurred", "ongoing", "planned",
                     "hypothetical")
#: Determiners that make a nominal trigger point back to an event already reported.
ANAPHORIC_DETERMINERS = frozenset({"the", "that", "this", "those", "these"})


def _geocode(actor: Actor) -> Location:
    from dateline.actors.geo import geocode

    found = geocode(actor.name, actor.country)
    if found is not None:
        return found
    return Location(name=actor.name, country=actor.country)


def _event_from_trigger(
    article: Article, doc: Doc, match: TriggerMatch, index: ActorIndex, timexes: list[Timex],
    quote_sources: list[tuple[int, int, Source]],
) -> Event | None:
    trigger = match.head
    verb = governing_verb(trigger)
    if is_negated(trigger, verb):
        return None
    arguments = find_participants(trigger, match.nominal, index)
    entry = match.entry
    if "actor_subject" in entry.needs and not any(a.role in ("source", "participant")
                                                  for a in arguments):
        return None
    if "actor_object" in entry.needs and not any(a.role == "target" for a in arguments):
        return None
    timex = find_date(doc, trigger, verb, timexes)
    place = find_place(doc, trigger, verb, index)
    status = classify(trigger, verb, timex, article.date)
    quote_speaker = next(
        (src for start, end, src in quote_sources if start <= trigger.idx < end), None
    )
    attribution = chain_for(trigger, verb, index, quote_speaker)
    first, last = doc[match.start], doc[match.end - 1]
    mention = Span(first.idx, last.idx + len(last), article.text[first.idx:last.idx + len(last)])
    participants = [
        Participant(actor_id=a.actor.id, name=a.actor.name, country=a.actor.country, role=a.role)
        for a in arguments
    ]
    confidence = 0.4 + 0.15 * min(len(participants), 2) + (0.1 if timex else 0.0) + (
        0.1 if any(a.actor.known for a in arguments) else 0.0
    )
    return Event(
        id=content_id(article.id, str(mention.start), entry.type),
        type=entry.type, mode=entry.mode, cameo=entry.cameo, status=status,
        date=EventDate(timex.value, timex.text, timex.earliest, timex.latest) if timex else None,
        location=_geocode(place) if place else None,
        participants=participants, attribution=attribution, mentions=[mention],
        confidence=min(confidence, 0.95),
    )


def _is_anaphoric(doc: Doc, event: Event) -> bool:
    """"the meeting", "that conversation", "the upcoming talks": points back to an event."""
    mention = event.mentions[0]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in span.root.children)


def _actor_ids(event: Event) -> set[str]:
    return {p.actor_id for p in event.participants if p.actor_id}


#: Modes that can name the same gathering: "the meeting" may be the summit or the visit.
IN_PERSON_MODES = frozenset({"meeting", "visit", "host", "multilateral", "negotiation",
                             "third-party"})


def _modes_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return "meeting" in (a, b) and a in IN_PERSON_MODES and b in IN_PERSON_MODES


def _compatible(earlier: Event, later: Event, anaphoric: bool) -> bool:
    if earlier.type != later.type or not _modes_compatible(earlier.mode, later.mode):
        return False
    if earlier.date and later.date and earlier.date.value != later.date.value:
        return False
    ids_a, ids_b = _actor_ids(earlier), _actor_ids(later)
    if ids_b and ids_a:
        # The same participants, or a later mention that names a subset of them.
        return ids_b <= ids_a or ids_a <= ids_b if anaphoric else ids_a == ids_b
    return anaphoric


def _merge(into: Event, other: Event) -> None:
    into.mentions.extend(other.mentions)
    known = _actor_ids(into)
    into.participants.extend(p for p in other.participants if p.actor_id not in known)
    if into.date is None:
        into.date = other.date
    if into.location is None:
        into.location = other.location
    if into.mode is None:
        into.mode = other.mode
    if STATUS_PRECEDENCE.index(other.status) < STATUS_PRECEDENCE.index(into.status):
        into.status = other.status
    for source in other.attribution:
        if source not in into.attribution:
            into.attribution.append(source)
    into.confidence = min(0.95, max(into.confidence, other.confidence) + 0.05)


def join_mentions(doc: Doc, events: list[Event]) -> list[Event]:
    """Fold later mentions of an event into the record that introduced it."""
    joined: list[Event] = []
    for event in events:
        anaphoric = _is_anaphoric(doc, event)
        candidates = [e for e in reversed(joined) if _compatible(e, event, anaphoric)]
        # "the summit" points back to the summit, before any other compatible gathering.
        word = event.mentions[0].text.lower()
        target = next(
            (e for e in candidates if any(m.text.lower() == word for m in e.mentions)),
            candidates[0] if candidates else None,
        )
        if target is None:
            joined.append(event)
        else:
            _merge(target, event)
    return joined


def extract_events(
    article: Article, doc: Doc, actors: list[Actor], timexes: list[Timex],
    quotes: list[Quote] | None = None, index: ActorIndex | None = None,
) -> list[Event]:
    index = index or ActorIndex(actors)
    quote_sources = [
        (q.start, q.end, Source(name=q.speaker.name, kind="person", actor_id=q.speaker.actor_id))
        for q in quotes or [] if q.speaker is not None
    ]
    events = []
    for match in find_triggers(doc):
        event = _event_from_trigger(article, doc, match, index, timexes, quote_sources)
        if event is not None:
            events.append(event)
    return join_mentions(doc, events)


def run(
    article: Article, doc: Doc, actors: list[Actor], timexes: list[Timex]
) -> tuple[list[Event], list[Quote]]:
    """The stage as the pipeline calls it: quotes first, so events inside a quote are
    attributed to its speaker."""
    index = ActorIndex(actors)
    quotes = extract_quotes(article.text, doc, actors, index)
    events = extract_events(article, doc, actors, timexes, quotes, index)
    return events, quotes
