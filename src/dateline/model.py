"""The data model every stage reads and writes.

These dataclasses are the single shape of Dateline's output: the pipeline fills them, the
store saves and loads them, the CLI and the web API serialise them with ``to_dict``. The
dictionary form is the extraction document of DESIGN.md ("Contract"); change it only by
adding fields.

Every extracted field keeps its evidence as character offsets into ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: PLOVER event types (https://github.com/openeventdata/PLOVER), in the order of the spec.
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: What an article claims about an event.
STATUSES = ("planned", "occurred", "ongoing", "cancelled", "postponed", "denied", "hypothetical")

#: Kinds of actor.
ACTOR_KINDS = ("person", "organisation", "country", "place", "group")

#: Roles a participant plays in an event.
PARTICIPANT_ROLES = ("source", "target", "participant")


def content_id(*parts: str, length: int = 16) -> str:
    """A stable id from content, so that the same input always gets the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(slots=True)
class Span:
    """A piece of evidence: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    id: str
    date: dt.date
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    #: captions, credits, licence lines and subheadings moved out of the body by cleanup,
    #: plus whatever else the reader kept (``origin``: the file and line it came from).
    metadata: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def make_id(date_value: dt.date, text: str) -> str:
        return content_id(date_value.isoformat(), text)

    def to_dict(self) -> dict[str, Any]:
        metadata: dict[str, Any] = {"captions": [], "credits": [], "subheadings": []}
        metadata.update(self.metadata)
        return {
            "id": self.id, "date": self.date.isoformat(), "title": self.title,
            "source": self.source, "url": self.url, "text": self.text, "metadata": metadata,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"], date=dt.date.fromisoformat(data["date"]), text=data["text"],
            title=data.get("title"), source=data.get("source"), url=data.get("url"),
            metadata=dict(data.get("metadata") or {}),
        )


@dataclass(slots=True)
class Timex:
    """A TimeML TIMEX3: ``type`` is DATE, TIME, DURATION or SET; ``value`` its TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    #: The tightest calendar bounds known for the value (ISO dates), when it is not one day.
    earliest: str | None = None
    latest: str | None = None
    #: TIMEX3 ``mod`` (APPROX, START, END, BEFORE, AFTER, ...), when the text qualifies it.
    mod: str | None = None
    #: What the value was computed against: "dct", "timex:<start>", "event:<id>" or None.
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start, "end": self.end, "text": self.text,
            "type": self.type, "value": self.value,
        }
        for name in ("earliest", "latest", "mod", "anchor"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        return cls(
            start=int(data["start"]), end=int(data["end"]), text=data["text"],
            type=data["type"], value=data["value"], earliest=data.get("earliest"),
            latest=data.get("latest"), mod=data.get("mod"), anchor=data.get("anchor"),
        )


@dataclass(slots=True)
class Actor:
    """A canonical actor resolved within one article, with every mention of it."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    #: True when the knowledge base knows this actor, False for a name only seen in text.
    known: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
            "sector": self.sector, "roles": list(self.roles),
            "mentions": [asdict(m) for m in self.mentions], "known": self.known,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"], name=data["name"], kind=data["kind"], country=data.get("country"),
            sector=data.get("sector"), roles=list(data.get("roles") or []),
            mentions=[Span(**m) for m in data.get("mentions") or []],
            known=bool(data.get("known", False)),
        )


@dataclass(slots=True)
class Participant:
    actor_id: str | None
    name: str
    country: str | None
    role: str  # one of PARTICIPANT_ROLES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Source:
    """One link in an attribution chain: who said so (``kind``: media, official, anonymous,
    person, organisation, document, unspecified)."""

    name: str
    kind: str
    actor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.actor_id is not None:
            out["actor_id"] = self.actor_id
        return out


@dataclass(slots=True)
class EventDate:
    value: str
    text: str
    earliest: str | None = None
    latest: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "text": self.text}
        if self.earliest is not None:
            out["earliest"] = self.earliest
        if self.latest is not None:
            out["latest"] = self.latest
        return out


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    id: str
    type: str  # one of EVENT_TYPES
    mode: str | None
    cameo: str | None
    status: str  # one of STATUSES
    date: EventDate | None = None
    location: Location | None = None
    participants: list[Participant] = field(default_factory=list)
    attribution: list[Source] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    #: Filled by the store: the article the event was read from and that article's date.
    article_id: str | None = None
    article_date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "type": self.type, "mode": self.mode, "cameo": self.cameo,
            "status": self.status,
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "participants": [p.to_dict() for p in self.participants],
            "attribution": [s.to_dict() for s in self.attribution],
            "mentions": [asdict(m) for m in self.mentions],
            "confidence": round(self.confidence, 3),
        }
        if self.article_id is not None:
            out["article_id"] = self.article_id
        if self.article_date is not None:
            out["article_date"] = self.article_date.isoformat()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        article_date = data.get("article_date")
        return cls(
            id=data["id"], type=data["type"], mode=data.get("mode"), cameo=data.get("cameo"),
            status=data["status"],
            date=EventDate(**data["date"]) if data.get("date") else None,
            location=Location(**data["location"]) if data.get("location") else None,
            participants=[Participant(**p) for p in data.get("participants") or []],
            attribution=[Source(**s) for s in data.get("attribution") or []],
            mentions=[Span(**m) for m in data.get("mentions") or []],
            confidence=float(data.get("confidence", 0.5)),
            article_id=data.get("article_id"),
            article_date=dt.date.fromisoformat(article_date) if article_date else None,
        )


@dataclass(slots=True)
class ActorRef:
    actor_id: str | None
    name: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quote:
    """Words in quotation marks; ``start``/``end`` cover the quoted words without the marks."""

    start: int
    end: int
    text: str
    speaker: ActorRef | None = None
    via: list[ActorRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "via": [v.to_dict() for v in self.via],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        speaker = data.get("speaker")
        return cls(
            start=data["start"], end=data["end"], text=data["text"],
            speaker=ActorRef(**speaker) if speaker else None,
            via=[ActorRef(**v) for v in data.get("via") or []],
        )


@dataclass(slots=True)
class Extraction:
    """Everything Dateline read out of one article."""

    article: Article
    timexes: list[Timex] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "timexes": [t.to_dict() for t in self.timexes],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            article=Article.from_dict(data["article"]),
            timexes=[Timex.from_dict(t) for t in data.get("timexes") or []],
            actors=[Actor.from_dict(a) for a in data.get("actors") or []],
            events=[Event.from_dict(e) for e in data.get("events") or []],
            quotes=[Quote.from_dict(q) for q in data.get("quotes") or []],
        )
