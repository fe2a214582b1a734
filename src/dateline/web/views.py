"""What the pages and API show, assembled from the store's events and linked records.

A *record* (``dateline.link``) is one real-world event as reported by one or more articles,
with its status history; an *event* is one article's report of it. The timeline, the event
page, the actor page and the upcoming page show records; ``/api/events`` lists the reports,
as ``dateline events`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.link.records import EventRecord
from dateline.model import Event, Extraction
from dateline.store import Store
from dateline.web.highlight import Annotation

#: Ids of records start with this (``rec-...``); anything else is taken as an event id.
RECORD_PREFIX = "rec-"


@dataclass(frozen=True, slots=True)
class Plotted:
    """One thing on a time axis: a record or an event, with the days it covers."""

    id: str
    type: str
    status: str
    first: date
    last: date
    #: False when no date was read and the mark stands on the report date instead.
    dated: bool
    title: str


def plot_record(record: EventRecord) -> Plotted:
    if record.date is not None:
        first, last, when = record.date.earliest, record.date.latest, record.date.value
    else:
        # Undated: the days it was reported on, as the store's date filters read it.
        first, last = record.first_reported, record.last_reported
        when = f"reported {record.first_reported}" + (
            f" to {record.last_reported}" if last != first else "")
    return Plotted(record.id, record.type, record.status, first, last, record.date is not None,
                   _title(record.type, record.status, when, record.participants,
                          record.location.name if record.location else None,
                          record.source_count))


def _title(event_type: str, status: str, when: str, participants: Sequence[Any],
           place: str | None, sources: int | None = None) -> str:
    parts = [event_type, status, when]
    names = ", ".join(p.name for p in participants)
    if names:
        parts.append(names)
    if place:
        parts.append(place)
    if sources and sources > 1:
        parts.append(f"{sources} sources")
    return " · ".join(parts)


def find_record(store: Store, id: str) -> EventRecord | None:
    """The record with this id (``rec-...``) or the record of the event with this id."""
    if id.startswith(RECORD_PREFIX):
        return store.record(id)
    return store.record_of(id)


@dataclass(slots=True)
class Tie:
    """Records shared by two actors: ``source_id`` did ``types`` to ``target_id`` (directed
    when the records name a source and a target, else ``directed`` is False)."""

    source_id: str
    target_id: str
    directed: bool
    types: dict[str, int] = field(default_factory=dict)

    @property
    def weight(self) -> int:
        return sum(self.types.values())

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source_id, "target": self.target_id, "directed": self.directed,
            "types": dict(self.types), "weight": self.weight,
        }


def ties_among(records: Iterable[EventRecord]) -> tuple[list[Tie], dict[str, str]]:
    """Who did what with whom: ties between the resolved participants of each record
    (source -> target when it names both, else undirected), and the actors' names."""
    ties: dict[tuple[str, str, bool], Tie] = {}
    names: dict[str, str] = {}
    for record in records:
        people = [p for p in record.participants if p.actor_id]
        for p in people:
            names.setdefault(p.actor_id or "", p.name)
        for index, one in enumerate(people):
            for other in people[index + 1:]:
                a_id, b_id = one.actor_id or "", other.actor_id or ""
                if a_id == b_id:
                    continue
                roles = (one.role, other.role)
                if roles == ("target", "source"):
                    a_id, b_id, roles = b_id, a_id, ("source", "target")
                directed = roles == ("source", "target")
                if not directed:
                    a_id, b_id = sorted((a_id, b_id))
                tie = ties.setdefault((a_id, b_id, directed), Tie(a_id, b_id, directed))
                tie.types[record.type] = tie.types.get(record.type, 0) + 1
    ordered = sorted(ties.values(), key=lambda t: (-t.weight, t.source_id, t.target_id))
    return ordered, names


@dataclass(slots=True)
class Evidence:
    """Words of an article supporting one field of an event."""

    kind: str  # highlight kind: event, timex, actor, place, source
    field: str  # mention, date, participant, location, attribution
    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "field": self.field, "start": self.start, "end": self.end,
                "text": self.text, "label": self.label}

    def annotation(self, event_id: str, number: int) -> Annotation:
        return Annotation(self.start, self.end, self.kind, self.label,
                          anchor=f"evidence-{event_id}-{number}", ref=event_id)


def evidence_for(event: Event, extraction: Extraction) -> list[Evidence]:
    """The words of the event's article behind each field: its mentions, then for the date,
    each participant, the place and each source the occurrence nearest the first mention."""
    text = extraction.article.text
    anchor = event.mentions[0].start if event.mentions else 0
    found = [
        Evidence("event", "mention", m.start, m.end, m.text, f"{event.type} {event.status}")
        for m in event.mentions
    ]

    def add(kind: str, field_name: str, spans: list[tuple[int, int]], label: str) -> None:
        nearest = min(spans, key=lambda s: (abs(s[0] - anchor), s[0]), default=None)
        if nearest is not None:
            found.append(Evidence(kind, field_name, nearest[0], nearest[1],
                                  text[nearest[0]:nearest[1]], label))

    if event.date is not None and event.date.text:
        spans = [(t.start, t.end) for t in extraction.timexes if t.text == event.date.text]
        add("timex", "date", spans or _occurrences(text, event.date.text),
            f"date {event.date.value}")
    actors = {actor.id: actor for actor in extraction.actors}
    for participant in event.participants:
        actor = actors.get(participant.actor_id or "")
        spans = ([(m.start, m.end) for m in actor.mentions] if actor
                 else _occurrences(text, participant.name))
        add("actor", "participant", spans, f"{participant.role}: {participant.name}")
    if event.location is not None and event.location.name:
        add("place", "location", _occurrences(text, event.location.name),
            f"place: {event.location.name}")
    for source in event.attribution:
        add("source", "attribution", _occurrences(text, source.name),
            f"says who: {source.name} ({source.kind})")
    return found


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    if not words.strip():
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]
