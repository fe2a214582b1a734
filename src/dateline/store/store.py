"""``Store``: write extractions in atomic batches, read events, timelines and actors back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import InstrumentedAttribute, Session

from dateline.errors import StoreError
from dateline.model import Article, Event, Extraction
from dateline.store.engine import WRITE_OPTION, display_url, open_engine
from dateline.store.filters import EventFilter
from dateline.store.rows import (
    article_from_row,
    check_storable,
    event_from_row,
    extraction_from_rows,
    extraction_rows,
    merge_actor,
    new_actor_row,
)
from dateline.store.schema import (
    INSERT_ORDER,
    ActorMentionRow,
    ActorRow,
    ArticleActorRow,
    ArticleRow,
    AttributionRow,
    EventMentionRow,
    EventRow,
    ParticipantRow,
    QuoteRow,
    QuoteViaRow,
    TimexRow,
)

DEFAULT_URL = "sqlite:///dateline.db"

# Ids per IN (...) list: below SQLite's oldest limit of 999 bound parameters.
_IDS_PER_QUERY = 500

# Tries per batch when a concurrent writer stored some of the same rows first.
_WRITE_ATTEMPTS = 3

T = TypeVar("T")


def _chunks(items: Iterable[T], size: int = _IDS_PER_QUERY) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(slots=True)
class ActorSummary:
    """One canonical actor with how often the store has seen it."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    roles: list[str] = field(default_factory=list)
    mention_count: int = 0
    article_count: int = 0
    event_count: int = 0
    known: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
            "sector": self.sector, "roles": list(self.roles),
            "mention_count": self.mention_count, "article_count": self.article_count,
            "event_count": self.event_count, "known": self.known,
        }


class Store:
    """Extractions in a database: SQLite file by default, any SQLAlchemy URL otherwise.

    >>> store = Store("sqlite:///dateline.db")        # doctest: +SKIP
    >>> store.add(extractions)                         # doctest: +SKIP
    >>> store.timeline(actor="Wang Yi", since=date(2024, 3, 1))   # doctest: +SKIP
    """

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url
        self._engine = open_engine(url)
        self._writer = self._engine.execution_options(**{WRITE_OPTION: True})

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for your own SQL (``pandas.read_sql(..., store.engine)``)."""
        return self._engine

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def add(self, extractions: Sequence[Extraction]) -> int:
        """Store a batch in one transaction; return how many articles were new.

        Articles already stored (same id) are skipped, so adding the same article twice
        changes nothing. Either the whole batch is stored or, on any error or crash, none of
        it: a store never holds half an article.
        """
        batch: dict[str, Extraction] = {}
        for extraction in extractions:
            check_storable(extraction)
            batch.setdefault(extraction.article.id, extraction)
        if not batch:
            return 0
        for attempt in range(1, _WRITE_ATTEMPTS + 1):
            try:
                new = self._write_new(batch)
                break
            except IntegrityError as error:
                # Another writer stored one of these articles or actors between our check
                # and our insert: everything was rolled back, and the next attempt skips what
                # it stored. Bad data fails the same way every time and is reported below.
                if attempt == _WRITE_ATTEMPTS:
                    raise self._write_error(batch, error) from error
            except StatementError as error:  # a database error, or a value it cannot take
                raise self._write_error(batch, error) from error
        for extraction in new:
            # The store fills these (model.Event): callers holding the batch see them too.
            for event in extraction.events:
                event.article_id = extraction.article.id
                # model.py's `date` field shadows the type for mypy; the value is a date.
                event.article_date = extraction.article.date  # type: ignore[assignment]
        return len(new)

    def _write_new(self, batch: dict[str, Extraction]) -> list[Extraction]:
        """Write the articles of ``batch`` not stored yet, in one transaction; return them."""
        with Session(self._writer) as session, session.begin():
            stored = self._stored_ids(session, batch)
            new = [e for article_id, e in batch.items() if article_id not in stored]
            if not new:
                return []
            self._merge_actors(session, new)
            rows_by_table = extraction_rows(new)
            for table in INSERT_ORDER:
                if rows_by_table.get(table):
                    session.execute(insert(table), rows_by_table[table])
        return new

    def _write_error(self, batch: dict[str, Extraction], error: StatementError) -> StoreError:
        return StoreError(
            f"could not write {len(batch)} article(s) ({', '.join(list(batch)[:3])}"
            f"{', ...' if len(batch) > 3 else ''}) to {display_url(self.url)!r}: "
            f"{error.orig}. Nothing of this batch was stored; fix the cause and add it again"
        )

    @staticmethod
    def _stored_ids(session: Session, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(ids):
            found.update(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(chunk))))
        return found

    @staticmethod
    def _merge_actors(session: Session, extractions: Sequence[Extraction]) -> None:
        actor_ids = {actor.id for e in extractions for actor in e.actors}
        rows: dict[str, ActorRow] = {}
        for chunk in _chunks(sorted(actor_ids)):
            # FOR UPDATE (PostgreSQL; SQLite's write lock covers it): a concurrent writer
            # merging the same actors waits for us instead of overwriting our roles. In id
            # order, so that two writers lock shared actors in the same order.
            query = (
                select(ActorRow).where(ActorRow.id.in_(chunk))
                .order_by(ActorRow.id).with_for_update()
            )
            for row in session.scalars(query):
                rows[row.id] = row
        for extraction in extractions:
            for actor in extraction.actors:
                if actor.id in rows:
                    merge_actor(rows[actor.id], actor)
                else:
                    rows[actor.id] = new_actor_row(actor)
                    session.add(rows[actor.id])
        # Actors must exist before article_actors rows point at them.
        session.flush()

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already (ingest skips them before parsing)."""
        with Session(self._engine) as session:
            return self._stored_ids(session, ids)

    # -- reading ---------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        status: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events matching every given filter (see ``EventFilter``), in reading order:
        by article date, then article, then the order of the events in the article."""
        wanted = EventFilter(actor, type, status, country, since, until)
        order = (EventRow.article_date, EventRow.article_id, EventRow.position)
        return self._select_events(wanted, order, limit, offset)

    def timeline(
        self,
        actor: str | None = None,
        type: str | None = None,
        status: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events matching every given filter, ordered by when they happen (the event date,
        or the article date when unknown), then by when they were reported."""
        wanted = EventFilter(actor, type, status, country, since, until)
        order = (
            EventRow.timeline_date, EventRow.timeline_date_end, EventRow.article_date,
            EventRow.article_id, EventRow.position,
        )
        return self._select_events(wanted, order, limit, offset)

    def _select_events(
        self,
        wanted: EventFilter,
        order: Sequence[InstrumentedAttribute[Any]],
        limit: int | None,
        offset: int,
    ) -> list[Event]:
        query = select(EventRow).where(*wanted.clauses()).order_by(*order).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with Session(self._engine) as session:
            return [event_from_row(row) for row in session.scalars(query)]

    def event(self, id: str) -> Event | None:
        """The event with this id (ids are unique within an article; if two articles reuse
        one, the earliest reported is returned)."""
        query = (
            select(EventRow).where(EventRow.id == id)
            .order_by(EventRow.article_date, EventRow.article_id).limit(1)
        )
        with Session(self._engine) as session:
            row = session.scalar(query)
            return event_from_row(row) if row is not None else None

    def article(self, id: str) -> Article | None:
        with Session(self._engine) as session:
            row = session.get(ArticleRow, id)
            return article_from_row(row) if row is not None else None

    def extraction(self, article_id: str) -> Extraction | None:
        """The whole document stored for one article, as it was added."""
        with Session(self._engine) as session:
            article = session.get(ArticleRow, article_id)
            if article is None:
                return None

            return extraction_from_rows(
                article,
                timexes=session.scalars(
                    select(TimexRow).where(TimexRow.article_id == article_id)
                    .order_by(TimexRow.position)
                ).all(),
                actors=session.scalars(
                    select(ArticleActorRow).where(ArticleActorRow.article_id == article_id)
                    .order_by(ArticleActorRow.position)
                ).all(),
                events=session.scalars(
                    select(EventRow).where(EventRow.article_id == article_id)
                    .order_by(EventRow.position)
                ).all(),
                quotes=session.scalars(
                    select(QuoteRow).where(QuoteRow.article_id == article_id)
                    .order_by(QuoteRow.position)
                ).all(),
            )

    def actors(self, known: bool | None = None, limit: int | None = None) -> list[ActorSummary]:
        """Canonical actors, most mentioned first; ``known`` keeps only actors the knowledge
        base knows (True) or only names seen in text (False)."""
        mentions = (
            select(ActorMentionRow.actor_id, func.count().label("n"))
            .group_by(ActorMentionRow.actor_id).subquery()
        )
        articles = (
            select(ArticleActorRow.actor_id, func.count().label("n"))
            .group_by(ArticleActorRow.actor_id).subquery()
        )
        # An actor may take two parts in one event (source and target): count events once.
        event_parts = (
            select(ParticipantRow.actor_id, ParticipantRow.article_id, ParticipantRow.event_id)
            .where(ParticipantRow.actor_id.is_not(None))
            .distinct().subquery()
        )
        events = (
            select(event_parts.c.actor_id, func.count().label("n"))
            .group_by(event_parts.c.actor_id).subquery()
        )
        mention_count = func.coalesce(mentions.c.n, 0)
        query = (
            select(
                ActorRow, mention_count, func.coalesce(articles.c.n, 0),
                func.coalesce(events.c.n, 0),
            )
            .outerjoin(mentions, mentions.c.actor_id == ActorRow.id)
            .outerjoin(articles, articles.c.actor_id == ActorRow.id)
            .outerjoin(events, events.c.actor_id == ActorRow.id)
            .order_by(mention_count.desc(), ActorRow.name, ActorRow.id)
        )
        if known is not None:
            query = query.where(ActorRow.known.is_(known))
        if limit is not None:
            query = query.limit(limit)
        with Session(self._engine) as session:
            return [
                ActorSummary(
                    id=row.id, name=row.name, kind=row.kind, country=row.country,
                    sector=row.sector, roles=list(row.roles or []), mention_count=n_mentions,
                    article_count=n_articles, event_count=n_events, known=row.known,
                )
                for row, n_mentions, n_articles, n_events in session.execute(query)
            ]

    def counts(self) -> dict[str, int]:
        """Rows per table, keyed by table name (``articles``, ``events``, ...)."""
        tables = (
            ArticleRow, ActorRow, ArticleActorRow, ActorMentionRow, EventRow, EventMentionRow,
            ParticipantRow, AttributionRow, QuoteRow, QuoteViaRow, TimexRow,
        )
        with Session(self._engine) as session:
            return {
                table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
                for table in tables
            }
