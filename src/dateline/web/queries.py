"""Queries the web needs and ``Store`` does not offer (yet): candidates to move into the store.

All are SQLAlchemy expressions with bound parameters on ``store.engine`` and the schema
classes, so they run the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dateline.model import Event, EventDate, Location, Participant, Source, Span
from dateline.store import ActorSummary
from dateline.store.filters import EventFilter
from dateline.store.schema import (
    ActorMentionRow,
    ActorRow,
    ArticleActorRow,
    ArticleRow,
    AttributionRow,
    EventMentionRow,
    EventRow,
    ParticipantRow,
    QuoteRow,
)

log = logging.getLogger(__name__)

_LEAD_CHARS = 110


def _lead(text: str | None) -> str:
    words = " ".join((text or "").split())
    if len(words) < _LEAD_CHARS - 10:
        return words
    return words[:words.rfind(" ", 0, _LEAD_CHARS - 10)] + "…"


@dataclass(slots=True)
class ArticleSummary:
    """One stored article without its text, with how much was read from it."""

    id: str
    date: date
    title: str | None
    source: str | None
    url: str | None
    event_count: int = 0
    actor_count: int = 0
    #: The first words of the text, to name an article that has no title.
    lead: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "date": self.date.isoformat(), "title": self.title,
            "source": self.source, "url": self.url, "event_count": self.event_count,
            "actor_count": self.actor_count, "lead": self.lead,
        }


def count_events(engine: Engine, wanted: EventFilter) -> int:
    """How many events match ``wanted`` (for the total shown beside a page of events)."""
    query = select(func.count()).select_from(EventRow).where(*wanted.clauses())
    with Session(engine) as session:
        return session.scalar(query) or 0


def actor_summary(engine: Engine, actor_id: str) -> ActorSummary | None:
    """One canonical actor with its counts (``Store.actors`` lists them all)."""
    with Session(engine) as session:
        row = session.get(ActorRow, actor_id)
        if row is None:
            return None
        mentions = session.scalar(
            select(func.count()).select_from(ActorMentionRow)
            .where(ActorMentionRow.actor_id == actor_id)
        ) or 0
        articles = session.scalar(
            select(func.count()).select_from(ArticleActorRow)
            .where(ArticleActorRow.actor_id == actor_id)
        ) or 0
        event_keys = (
            select(ParticipantRow.article_id, ParticipantRow.event_id)
            .where(ParticipantRow.actor_id == actor_id).distinct().subquery()
        )
        events = session.scalar(select(func.count()).select_from(event_keys)) or 0
        return ActorSummary(
            id=row.id, name=row.name, kind=row.kind, country=row.country, sector=row.sector,
            roles=list(row.roles or []), mention_count=mentions, article_count=articles,
            event_count=events, known=row.known,
        )


def articles_page(
    engine: Engine, since: date | None, until: date | None, limit: int, offset: int
) -> list[ArticleSummary]:
    """A page of articles, newest first, with their event and actor counts."""
    events = (
        select(EventRow.article_id, func.count().label("n"))
        .group_by(EventRow.article_id).subquery()
    )
    actors = (
        select(ArticleActorRow.article_id, func.count().label("n"))
        .group_by(ArticleActorRow.article_id).subquery()
    )
    query = (
        select(ArticleRow.id, ArticleRow.date, ArticleRow.title, ArticleRow.source,
               ArticleRow.url, func.coalesce(events.c.n, 0), func.coalesce(actors.c.n, 0),
               func.substr(ArticleRow.text, 1, _LEAD_CHARS))
        .outerjoin(events, events.c.article_id == ArticleRow.id)
        .outerjoin(actors, actors.c.article_id == ArticleRow.id)
        .order_by(ArticleRow.date.desc(), ArticleRow.id)
        .limit(limit).offset(offset)
    )
    if since is not None:
        query = query.where(ArticleRow.date >= since)
    if until is not None:
        query = query.where(ArticleRow.date <= until)
    with Session(engine) as session:
        return [
            ArticleSummary(id=row[0], date=row[1], title=row[2], source=row[3], url=row[4],
                           event_count=row[5], actor_count=row[6], lead=_lead(row[7]))
            for row in session.execute(query)
        ]


def actor_quotes(engine: Engine, actor_id: str, limit: int = 50) -> list[tuple[str, date, str]]:
    """(article id, article date, words) of the quotes spoken by ``actor_id``, newest first."""
    query = (
        select(QuoteRow.article_id, ArticleRow.date, QuoteRow.text)
        .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
        .where(QuoteRow.speaker_actor_id == actor_id)
        .order_by(ArticleRow.date.desc(), QuoteRow.article_id, QuoteRow.position)
        .limit(limit)
    )
    with Session(engine) as session:
        return [(row[0], row[1], row[2]) for row in session.execute(query)]


def events_page(
    engine: Engine, wanted: EventFilter, order: str, limit: int, offset: int
) -> list[Event]:
    """A page of events as ``Store.events`` (order "reported") or ``Store.timeline``
    (order "timeline") return them, read with four plain SELECTs instead of ORM objects.

    The API's hot path: on 50 events the ORM's per-object bookkeeping costs about four
    times the queries themselves. Children are fetched for the page's articles and matched
    to events here, so the queries need no row-value IN (portable to any database).
    """
    columns = EventRow.__table__.c
    sort = (
        (columns.timeline_date, columns.timeline_date_end, columns.article_date,
         columns.article_id, columns.position)
        if order == "timeline"
        else (columns.article_date, columns.article_id, columns.position)
    )
    query = (select(EventRow.__table__).where(*wanted.clauses()).order_by(*sort)
             .limit(limit).offset(offset))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        if not rows:
            return []
        article_ids = sorted({row.article_id for row in rows})
        keys = {(row.article_id, row.id) for row in rows}
        children: dict[str, dict[tuple[str, str], list[Any]]] = {}
        for name, table in (("mentions", EventMentionRow), ("participants", ParticipantRow),
                            ("attribution", AttributionRow)):
            found: dict[tuple[str, str], list[Any]] = {}
            child = table.__table__.c
            child_rows = connection.execute(
                select(table.__table__).where(child.article_id.in_(article_ids))
                .order_by(child.article_id, child.event_id, child.position)
            )
            for child_row in child_rows:
                key = (child_row.article_id, child_row.event_id)
                if key in keys:
                    found.setdefault(key, []).append(child_row)
            children[name] = found
    return [_event_of(row, children) for row in rows]


def _event_of(row: Any, children: dict[str, dict[tuple[str, str], list[Any]]]) -> Event:
    key = (row.article_id, row.id)
    return Event(
        id=row.id, type=row.type, mode=row.mode, cameo=row.cameo, status=row.status,
        date=EventDate(value=row.date_value, text=row.date_text or "",
                       earliest=row.date_earliest, latest=row.date_latest)
        if row.date_value is not None else None,
        location=Location(name=row.location_name, country=row.location_country,
                          lat=row.location_lat, lon=row.location_lon)
        if row.location_name is not None else None,
        participants=[Participant(actor_id=p.actor_id, name=p.name, country=p.country,
                                  role=p.role) for p in children["participants"].get(key, [])],
        attribution=[Source(name=s.name, kind=s.kind, actor_id=s.actor_id)
                     for s in children["attribution"].get(key, [])],
        mentions=[Span(m.start_char, m.end_char, m.text)
                  for m in children["mentions"].get(key, [])],
        confidence=row.confidence, article_id=row.article_id, article_date=row.article_date,
    )
