"""A linked event: one real-world event as reported by one or more articles, with its story.

``EventRecord`` is what ``Store.records()``, ``Store.record()``, ``Store.record_of()`` and
``Store.upcoming()`` return; ``HistoryEntry`` is one report in its history. Both serialise with
``to_dict()`` (dates as ISO strings), the shape the CLI's JSON and the web API give out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from dateline.model import Event, EventDate, Location, Participant, Source, Span


@dataclass(slots=True)
class RecordDate:
    """The best date of a record: a TIMEX3 ``value`` and the calendar days it spans."""

    value: str
    earliest: dt.date
    latest: dt.date

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value, "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
        }


@dataclass(slots=True)
class HistoryEntry:
    """One article's claim about the event: its status, the date it gave, who said so."""

    status: str
    #: The date the article gave for the event (None when it gave none).
    date: EventDate | None
    article_id: str
    article_date: dt.date
    event_id: str
    attribution: list[Source] = field(default_factory=list)
    #: Where the article speaks of the event (offsets into that article's text).
    evidence: list[Span] = field(default_factory=list)
    article_source: str | None = None
    article_title: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "date": self.date.to_dict() if self.date else None,
            "article_id": self.article_id,
            "article_date": self.article_date.isoformat(),
            "article_source": self.article_source,
            "article_title": self.article_title,
            "event_id": self.event_id,
            "attribution": [s.to_dict() for s in self.attribution],
            "evidence": [asdict(s) for s in self.evidence],
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class EventRecord:
    """One real-world event across articles (see ``dateline.link.lifecycle`` for the rules
    that give its status, date, place and conflicts).

    ``history`` lists every report in the order it was published; ``events`` holds the member
    events themselves with all their evidence, filled by ``Store.record``/``record_of`` and
    empty in lists (``Store.records``, ``Store.upcoming``) to keep those light.
    """

    id: str
    type: str
    mode: str | None
    cameo: str | None
    status: str
    date: RecordDate | None
    location: Location | None
    participants: list[Participant]
    #: Distinct articles reporting the event.
    source_count: int
    history: list[HistoryEntry]
    #: Human-readable disagreements between sources, e.g. "dates disagree: ...".
    conflicts: list[str]
    event_ids: list[str]
    first_reported: dt.date
    last_reported: dt.date
    events: list[Event] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        """The reporting articles, in the order they were published."""
        return list(dict.fromkeys(entry.article_id for entry in self.history))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "type": self.type, "mode": self.mode, "cameo": self.cameo,
            "status": self.status,
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "participants": [p.to_dict() for p in self.participants],
            "source_count": self.source_count,
            "first_reported": self.first_reported.isoformat(),
            "last_reported": self.last_reported.isoformat(),
            "history": [entry.to_dict() for entry in self.history],
            "conflicts": list(self.conflicts),
            "event_ids": list(self.event_ids),
        }
        if self.events:
            out["events"] = [e.to_dict() for e in self.events]
        return out
