"""``Store``: write extractions in atomic batches, read events, timelines and actors back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import InstrumentedAttribute, Session

from dateline.errors import StoreError
from dateline.link.records import EventRecord
from dateline.model import Article, Event, Extraction
from dateline.store.engine import WRITE_OPTION, display_url, open_engine
from dateline.store.filters import EventFilter, RecordFilter
from dateline.store.linking import link_new_events, load_records, record_id_of_event
from dateline.store.rows import (
    CountryElection,
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
    Base,
    EventMentionRow,
    EventRow,
    LinkKeyRow,
    ParticipantRow,
    QuoteRow,
    QuoteViaRow,
    RecordEventRow,
    RecordRow,
    TimexRow,
    name_key,
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


#: Characters of an article's text read for its lead (``ArticleSummary.lead``).
_LEAD_CHARS = 110


def _lead(text: str | None) -> str:
    """The first words of ``text``, cut at a word, to name an article that has no title."""
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

        In the same transaction the new events are linked with the stored events that
        describe the same real event (``dateline.link``): read them back with ``records()``.
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
            # One election per transaction: the stored votes it reads hold only inside it.
            self._merge_actors(session, new, CountryElection())
            rows_by_table = extraction_rows(new)
            for table in INSERT_ORDER:
                if rows_by_table.get(table):
                    session.execute(insert(table), rows_by_table[table])
            link_new_events(session, new)
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
    def _merge_actors(
        session: Session, extractions: Sequence[Extraction], election: CountryElection,
    ) -> None:
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
                    merge_actor(rows[actor.id], actor, election)
                else:
                    rows[actor.id] = new_actor_row(actor, election)
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
        """The events ``wanted`` in ``order``, read with plain SELECTs instead of ORM objects.

        The API's hot path: on 50 events the ORM's per-object bookkeeping costs about four
        times the queries themselves. Children are fetched for the events' articles and
        matched to events here, so the queries need no row-value IN (portable to any
        database)."""
        query = (
            select(EventRow.__table__).where(*wanted.clauses()).order_by(*order).offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._engine.connect() as connection:
            rows: list[Any] = list(connection.execute(query))
            if not rows:
                return []
            keys = {(row.article_id, row.id) for row in rows}
            article_ids = sorted({article_id for article_id, _ in keys})
            children: dict[str, dict[tuple[str, str], list[Any]]] = {}
            for name, table in (("mentions", EventMentionRow),
                                ("participants", ParticipantRow),
                                ("attribution", AttributionRow)):
                found: dict[tuple[str, str], list[Any]] = {}
                child = table.__table__.c
                for chunk in _chunks(article_ids):
                    child_rows = connection.execute(
                        select(table.__table__).where(child.article_id.in_(chunk))
                        .order_by(child.article_id, child.event_id, child.position)
                    )
                    for child_row in child_rows:
                        key = (child_row.article_id, child_row.event_id)
                        if key in keys:
                            found.setdefault(key, []).append(child_row)
                children[name] = found
        return [
            event_from_row(
                row,
                participants=children["participants"].get((row.article_id, row.id), []),
                attribution=children["attribution"].get((row.article_id, row.id), []),
                mentions=children["mentions"].get((row.article_id, row.id), []),
            )
            for row in rows
        ]

    def event_count(
        self,
        actor: str | None = None,
        type: str | None = None,
        status: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> int:
        """How many events ``events()`` returns with these filters and no limit (for
        paging)."""
        return self._count(EventRow, EventFilter(actor, type, status, country, since, until))

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

    def articles(
        self,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Stored articles published from ``since`` to ``until`` (both included), newest
        first, without their text, with their event and actor counts."""
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
            .offset(offset)
        )
        if since is not None:
            query = query.where(ArticleRow.date >= since)
        if until is not None:
            query = query.where(ArticleRow.date <= until)
        if limit is not None:
            query = query.limit(limit)
        with Session(self._engine) as session:
            return [
                ArticleSummary(id=id, date=day, title=title, source=source, url=url,
                               event_count=n_events, actor_count=n_actors, lead=_lead(text))
                for id, day, title, source, url, n_events, n_actors, text
                in session.execute(query)
            ]

    def actors(
        self, known: bool | None = None, limit: int | None = None, offset: int = 0,
        name: str | None = None,
    ) -> list[ActorSummary]:
        """Canonical actors, most mentioned first; ``known`` keeps only actors the knowledge
        base knows (True) or only names seen in text (False); ``name`` keeps actors whose
        name contains it, in any case."""
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
        if name:
            query = query.where(
                ActorRow.name_key.contains(name_key(name.strip()), autoescape=True))
        query = query.offset(offset)
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

    def actor(self, id: str) -> ActorSummary | None:
        """One canonical actor with its counts, as ``actors()`` lists them; None if unknown.
        Counts this actor's rows only, where ``actors()`` counts everyone's."""
        with Session(self._engine) as session:
            row = session.get(ActorRow, id)
            if row is None:
                return None
            mentions = session.scalar(
                select(func.count()).select_from(ActorMentionRow)
                .where(ActorMentionRow.actor_id == id)
            ) or 0
            articles = session.scalar(
                select(func.count()).select_from(ArticleActorRow)
                .where(ArticleActorRow.actor_id == id)
            ) or 0
            # An actor may take two parts in one event (source and target): count it once.
            event_keys = (
                select(ParticipantRow.article_id, ParticipantRow.event_id)
                .where(ParticipantRow.actor_id == id).distinct().subquery()
            )
            events = session.scalar(select(func.count()).select_from(event_keys)) or 0
            return ActorSummary(
                id=row.id, name=row.name, kind=row.kind, country=row.country,
                sector=row.sector, roles=list(row.roles or []), mention_count=mentions,
                article_count=articles, event_count=events, known=row.known,
            )

    def actor_quotes(self, actor_id: str, limit: int = 50) -> list[tuple[str, date, str]]:
        """(article id, article date, words) of the quotes spoken by ``actor_id``, newest
        first, then in the order of their articles."""
        query = (
            select(QuoteRow.article_id, ArticleRow.date, QuoteRow.text)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
            .where(QuoteRow.speaker_actor_id == actor_id)
            .order_by(ArticleRow.date.desc(), QuoteRow.article_id, QuoteRow.position)
            .limit(limit)
        )
        with Session(self._engine) as session:
            return [(article_id, day, words)
                    for article_id, day, words in session.execute(query)]

    # -- linked events (records) -----------------------------------------------------------

    def records(
        self,
        actor: str | None = None,
        type: str | None = None,
        status: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EventRecord]:
        """The timeline of real events: each linked event once, with its history and number
        of sources, ordered by best date (then first report, then id).

        Filters as in ``RecordFilter``: ``actor`` (any report's participant: actor id or
        part of a name), ``type``, ``status`` (current status), ``country`` (place or any
        participant), ``since``/``until`` (the best date overlaps; undated records use their
        report dates). ``limit``/``offset`` page through the result. The records' ``events``
        list is left empty here: ``record(id)`` fills it.
        """
        wanted = RecordFilter(actor, type, status, country, since, until)
        query = (
            select(RecordRow.id).where(*wanted.clauses())
            .order_by(RecordRow.timeline_date, RecordRow.timeline_date_end,
                      RecordRow.first_reported, RecordRow.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with Session(self._engine) as session:
            ids = list(session.scalars(query))
            return load_records(session, ids)

    def record_count(
        self,
        actor: str | None = None,
        type: str | None = None,
        status: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> int:
        """How many records ``records()`` returns with these filters and no limit (for
        paging)."""
        return self._count(RecordRow, RecordFilter(actor, type, status, country, since, until))

    def _count(self, table: type[Base], wanted: EventFilter | RecordFilter) -> int:
        query = select(func.count()).select_from(table).where(*wanted.clauses())
        with Session(self._engine) as session:
            return session.scalar(query) or 0

    def record(self, id: str) -> EventRecord | None:
        """The record with this id (``rec-...``), with its full history and its member
        events (``EventRecord.events``, with their evidence spans); None if unknown."""
        with Session(self._engine) as session:
            found = load_records(session, [id], keep_events=True)
        return found[0] if found else None

    def record_of(self, event_id: str) -> EventRecord | None:
        """The record an event belongs to (as ``record``); None if no event has this id."""
        with Session(self._engine) as session:
            record_id = record_id_of_event(session, event_id)
            if record_id is None:
                return None
            found = load_records(session, [record_id], keep_events=True)
        return found[0] if found else None

    def latest_article_date(self) -> date | None:
        """The publication date of the newest stored article (None for an empty store)."""
        with Session(self._engine) as session:
            return session.scalar(select(func.max(ArticleRow.date)))

    def upcoming(
        self,
        as_of: date | None = None,
        days: int = 14,
        overdue_days: int | None = None,
    ) -> tuple[list[EventRecord], list[EventRecord]]:
        """What is planned, as known on ``as_of`` (default: the newest article's date).

        Returns ``(ahead, overdue)``, both ordered by date. Only reports published on or
        before ``as_of`` count, so asking about a past day shows what was known then.
        ``ahead``: records whose status is planned and whose best date falls within
        ``as_of`` .. ``as_of + days``. ``overdue``: records still planned whose date has
        passed with no report that they happened (or were called off); ``overdue_days``
        limits them to dates at most that many days before ``as_of`` (None: no limit).
        """
        if days < 0:
            raise ValueError(f"days must be 0 or more, not {days}")
        with Session(self._engine) as session:
            newest = session.scalar(select(func.max(ArticleRow.date)))
            as_of = as_of or newest
            if as_of is None or newest is None:
                return [], []
            horizon = as_of + timedelta(days=days)
            oldest = as_of - timedelta(days=overdue_days) if overdue_days is not None else None
            if as_of >= newest:
                # Every stored report counts: the stored summaries are what is known.
                query = select(RecordRow.id).where(
                    RecordRow.status == "planned", RecordRow.date_earliest <= horizon)
                if oldest is not None:
                    query = query.where(RecordRow.date_latest >= oldest)
            else:
                # Rebuild the records from the reports published by then.
                query = (
                    select(RecordEventRow.record_id)
                    .join(EventRow, (EventRow.article_id == RecordEventRow.article_id)
                          & (EventRow.id == RecordEventRow.event_id))
                    .where(
                        EventRow.status.in_(("planned", "postponed")),
                        EventRow.article_date <= as_of,
                        EventRow.timeline_date <= horizon,
                    )
                    .distinct()
                )
                if oldest is not None:
                    query = query.where(EventRow.timeline_date_end >= oldest)
            ids = sorted(session.scalars(query))
            known_then = load_records(session, ids, until=as_of)
        ahead, overdue = [], []
        for record in known_then:
            if record.status != "planned" or record.date is None:
                continue
            if record.date.latest < as_of:
                if oldest is None or record.date.latest >= oldest:
                    overdue.append(record)
            elif record.date.earliest <= horizon:
                ahead.append(record)
        order = lambda r: (r.date.earliest, r.date.latest, r.id)  # noqa: E731
        return sorted(ahead, key=order), sorted(overdue, key=order)

    def counts(self) -> dict[str, int]:
        """Rows per table, keyed by table name (``articles``, ``events``, ...)."""
        tables = (
            ArticleRow, ActorRow, ArticleActorRow, ActorMentionRow, EventRow, EventMentionRow,
            ParticipantRow, AttributionRow, QuoteRow, QuoteViaRow, TimexRow, RecordRow,
            RecordEventRow, LinkKeyRow,
        )
        with Session(self._engine) as session:
            return {
                table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
                for table in tables
            }
