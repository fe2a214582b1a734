"""Short news stories for the linking tests, built in Python: one Extraction per report.

``report(...)`` writes a one-sentence article of our own ("AFP: Narendra Modi and Xi Jinping
will meet in Geneva on 2025-11-23.") and the Extraction the pipeline would make of it, with
every span's text equal to ``article.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.link.lifecycle import ArticleInfo, build_record
from dateline.link.records import EventRecord
from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    Extraction,
    Location,
    Participant,
    Source,
    Span,
)


@dataclass(frozen=True)
class Leader:
    id: str
    name: str
    country: str


MODI = Leader("p-modi", "Narendra Modi", "IND")
XI = Leader("p-xi", "Xi Jinping", "CHN")
PUTIN = Leader("p-putin", "Vladimir Putin", "RUS")
LULA = Leader("p-lula", "Luiz Inacio Lula da Silva", "BRA")

GENEVA = Location("Geneva", "CHE", 46.2, 6.14)
LAUSANNE = Location("Lausanne", "CHE", 46.52, 6.63)
VIENNA = Location("Vienna", "AUT", 48.21, 16.37)

_VERBS = {
    "planned": "will meet", "occurred": "met", "ongoing": "are meeting",
    "cancelled": "called off a meeting", "postponed": "postponed a meeting",
    "denied": "denied plans to meet", "hypothetical": "could meet",
}


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece), piece)


def report(
    article_id: str,
    published: str,
    status: str,
    when: str | None = None,
    *,
    who: tuple[Leader, ...] = (MODI, XI),
    place: Location | None = GENEVA,
    source: str = "AFP",
    event_type: str = "CONSULT",
    mode: str | None = "visit",
) -> Extraction:
    """One article reporting one event: ``status`` of ``who`` meeting ``when`` (YYYY-MM-DD,
    or None for no date), published on ``published``."""
    names = " and ".join(leader.name for leader in who)
    verb = _VERBS[status]
    text = f"{source}: {names} {verb}"
    if place is not None:
        text += f" in {place.name}"
    if when is not None:
        text += f" on {when}"
    text += ", officials said."
    article = Article(id=article_id, date=date.fromisoformat(published), text=text,
                      source=source)
    actors = [
        Actor(id=leader.id, name=leader.name, kind="person", country=leader.country,
              sector="GOV", mentions=[_span(text, leader.name)], known=True)
        for leader in who
    ]
    roles = ["source"] + ["target"] * (len(who) - 1)
    event = Event(
        id=f"{article_id}-e1", type=event_type, mode=mode, cameo="043", status=status,
        date=EventDate(value=when, text=f"on {when}") if when else None,
        location=place,
        participants=[
            Participant(leader.id, leader.name, leader.country, role)
            for leader, role in zip(who, roles, strict=True)
        ],
        attribution=[Source(source, "media"), Source("officials", "official")],
        mentions=[_span(text, verb)], confidence=0.8,
    )
    return Extraction(article=article, actors=actors, events=[event])


def record_from(*reports: Extraction) -> EventRecord:
    """The record the store would build if ``reports`` were linked, without a store."""
    events = []
    articles = {}
    for extraction in reports:
        article = extraction.article
        articles[article.id] = ArticleInfo(article.date, article.source, article.title)
        for event in extraction.events:
            event.article_id, event.article_date = article.id, article.date
            events.append(event)
    return build_record(events, articles)
