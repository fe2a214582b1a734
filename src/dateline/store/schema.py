"""The store's tables: a plain schema you can query with SQL from any tool.

Open the SQLite file with ``sqlite3 dateline.db``, Datasette, DuckDB or pandas. Every row of
evidence keeps character offsets (``start_char``/``end_char``) into ``articles.text``; order
inside an article is kept in ``position`` columns (0, 1, 2, ...). Child rows are deleted with
their article (``ON DELETE CASCADE``), so ``DELETE FROM articles WHERE id = ...`` removes one
article and everything read from it.

``articles`` - one row per article.
    id (primary key), date (publication date, the document creation time), title, source,
    url, text, metadata (JSON: captions, credits, subheadings, origin, ...).

``actors`` - one row per canonical actor, shared by all articles (merged by id).
    id (primary key), name, kind (person, organisation, country, place, group), country
    (ISO 3166 alpha-3), sector (GOV, MIL, REB, IGO, MED, ...), roles (JSON list: the union of
    the roles seen in any article), known (true when the knowledge base knows the actor).

``article_actors`` - an actor as resolved in one article.
    article_id, actor_id (primary key together), position, name, kind, country, sector,
    roles (JSON list: the roles held on that article's date), known.

``actor_mentions`` - every place an article names an actor.
    article_id, actor_id, position (primary key together), start_char, end_char, text.

``events`` - one row per event read from an article.
    article_id, id (primary key together: event ids are unique within an article), position,
    type (PLOVER: AGREE, CONSULT, ...), mode, cameo, status (planned, occurred, ongoing,
    cancelled, postponed, denied, hypothetical), confidence,
    date_value (TIMEX3 value), date_text, date_earliest, date_latest (as read),
    event_date, event_date_end (first and last calendar day the date names; NULL when it
    names none, e.g. PAST_REF), article_date (the article's publication date),
    timeline_date, timeline_date_end (event_date/event_date_end, or the article date when the
    event date is unknown: sort and filter on these),
    location_name, location_country, location_lat, location_lon.

``event_mentions`` - every place an article speaks of an event.
    article_id, event_id, position (primary key together), start_char, end_char, text.

``event_participants`` - who took part, and how.
    article_id, event_id, position (primary key together), actor_id (an ``actors.id``, or
    NULL for a name not resolved to an actor), name, country, role (source, target,
    participant).

``event_attribution`` - the chain of sources an event is reported on, outermost first.
    article_id, event_id, position (primary key together), name, kind (media, official,
    anonymous, person, organisation, document, unspecified), actor_id.

``quotes`` - words in quotation marks.
    article_id, position (primary key together), start_char, end_char, text,
    speaker_actor_id, speaker_name (both NULL when the speaker is unknown).

``quote_via`` - who relayed a quote, outermost first.
    article_id, quote_position, position (primary key together), actor_id, name.

``timexes`` - temporal expressions (TimeML TIMEX3).
    article_id, position (primary key together), start_char, end_char, text, type (DATE,
    TIME, DURATION, SET), value, earliest, latest, mod, anchor.

``event_records`` - one row per real-world event, linking the events of all articles that
    report it (see ``dateline.link``). A summary kept for filtering and ordering; the history
    is the member events themselves (``record_events``).
    id (primary key, ``rec-...``, derived from the first report so the same stored events
    always give the same ids), type, mode, cameo, status (current status), date_value (best
    date, TIMEX3), date_earliest, date_latest (its calendar days), timeline_date,
    timeline_date_end (the best date's days, or the first and last report dates when no date
    is known: sort and filter on these), location_name, location_country, location_lat,
    location_lon, participants (JSON list: the union by actor id), source_count (distinct
    articles), event_count, first_reported, last_reported, conflicts (JSON list of
    human-readable disagreements between sources).

``record_events`` - which record each event belongs to.
    article_id, event_id (primary key together; an ``events`` row), record_id (an
    ``event_records.id``), component_id (``cmp-...``: the connected group of linked events
    the record was split from, see ``dateline.link.rules``), actor_ids (the event's
    participant actor ids, space-separated, sorted), reach_start, reach_end (the days the
    event may fall on, for linking).

``link_keys`` - blocking keys: events can only link when they share a key.
    key (``<type family>|<actor id>``), article_id, event_id (primary key together),
    reach_start, reach_end. Indexed on (key, reach_start) so a new event finds its
    neighbours without reading the whole store.

``dateline_meta`` - key/value facts about the store itself (``schema_version``).

Example: who met whom in March 2024, in timeline order::

    SELECT e.timeline_date, e.type, e.status, p.name, p.role
    FROM events e JOIN event_participants p
      ON p.article_id = e.article_id AND p.event_id = e.id
    WHERE e.timeline_date_end >= '2024-03-01' AND e.timeline_date <= '2024-03-31'
    ORDER BY e.timeline_date, e.article_date;

Example: each real event once, with how many articles report it::

    SELECT timeline_date, type, status, source_count, participants FROM event_records
    ORDER BY timeline_date;
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Bump when a table or column changes; a store written with another version is refused.
SCHEMA_VERSION = "3"  # 2: event_records, record_events, link_keys; 3: name_key columns

# JSONB on PostgreSQL lets users index and query inside the JSON; plain JSON text elsewhere.
JsonColumn = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    __tablename__ = "dateline_meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String)
    url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JsonColumn)


def name_key(name: str) -> str:
    """A name as the name filters compare it: case-folded for every script ("Çavuş" and
    "ÇAVUŞ" alike), so a plain SQL LIKE matches it on SQLite and PostgreSQL, using no
    per-row Python function."""
    return name.casefold()


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String, index=True)
    #: ``name`` case-folded (see ``name_key``): name filters compare it in plain SQL.
    name_key: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String)
    sector: Mapped[str | None] = mapped_column(String)
    roles: Mapped[list[str]] = mapped_column(JsonColumn)
    known: Mapped[bool]


class ArticleActorRow(Base):
    __tablename__ = "article_actors"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String)
    sector: Mapped[str | None] = mapped_column(String)
    roles: Mapped[list[str]] = mapped_column(JsonColumn)
    known: Mapped[bool]

    mentions: Mapped[list[ActorMentionRow]] = relationship(
        order_by="ActorMentionRow.position", lazy="selectin"
    )


class ActorMentionRow(Base):
    __tablename__ = "actor_mentions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["article_id", "actor_id"],
            ["article_actors.article_id", "article_actors.actor_id"],
            ondelete="CASCADE",
        ),
        Index("ix_actor_mentions_actor_id", "actor_id"),
    )

    article_id: Mapped[str] = mapped_column(String, primary_key=True)
    actor_id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    # Reading order (Store.events, the API's default page order) sorts on these columns.
    __table_args__ = (Index("ix_events_reported", "article_date", "article_id", "position"),)

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String, primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String, index=True)
    mode: Mapped[str | None] = mapped_column(String)
    cameo: Mapped[str | None] = mapped_column(String)
    status: Mapped[str] = mapped_column(String, index=True)
    confidence: Mapped[float] = mapped_column(Float)
    date_value: Mapped[str | None] = mapped_column(String)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_earliest: Mapped[str | None] = mapped_column(String)
    date_latest: Mapped[str | None] = mapped_column(String)
    event_date: Mapped[date | None] = mapped_column(Date)
    event_date_end: Mapped[date | None] = mapped_column(Date)
    article_date: Mapped[date] = mapped_column(Date)
    timeline_date: Mapped[date] = mapped_column(Date, index=True)
    timeline_date_end: Mapped[date] = mapped_column(Date, index=True)
    location_name: Mapped[str | None] = mapped_column(String)
    location_country: Mapped[str | None] = mapped_column(String, index=True)
    location_lat: Mapped[float | None] = mapped_column(Float)
    location_lon: Mapped[float | None] = mapped_column(Float)

    mentions: Mapped[list[EventMentionRow]] = relationship(
        order_by="EventMentionRow.position", lazy="selectin"
    )
    participants: Mapped[list[ParticipantRow]] = relationship(
        order_by="ParticipantRow.position", lazy="selectin"
    )
    attribution: Mapped[list[AttributionRow]] = relationship(
        order_by="AttributionRow.position", lazy="selectin"
    )


def _event_foreign_key() -> ForeignKeyConstraint:
    # A new constraint object per table: SQLAlchemy binds each to exactly one table.
    return ForeignKeyConstraint(
        ["article_id", "event_id"], ["events.article_id", "events.id"], ondelete="CASCADE"
    )


class EventMentionRow(Base):
    __tablename__ = "event_mentions"
    __table_args__ = (_event_foreign_key(),)

    article_id: Mapped[str] = mapped_column(String, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ParticipantRow(Base):
    __tablename__ = "event_participants"
    __table_args__ = (
        _event_foreign_key(),
        Index("ix_event_participants_actor_id", "actor_id"),
        Index("ix_event_participants_country", "country"),
    )

    article_id: Mapped[str] = mapped_column(String, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No foreign key: a participant may be a name the actor stage did not resolve.
    actor_id: Mapped[str | None] = mapped_column(String)
    name: Mapped[str] = mapped_column(String)
    #: ``name`` case-folded (see ``name_key``): name filters compare it in plain SQL.
    name_key: Mapped[str] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String)
    role: Mapped[str] = mapped_column(String)


class AttributionRow(Base):
    __tablename__ = "event_attribution"
    __table_args__ = (_event_foreign_key(),)

    article_id: Mapped[str] = mapped_column(String, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    actor_id: Mapped[str | None] = mapped_column(String)


class QuoteRow(Base):
    __tablename__ = "quotes"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker_actor_id: Mapped[str | None] = mapped_column(String, index=True)
    speaker_name: Mapped[str | None] = mapped_column(String)

    via: Mapped[list[QuoteViaRow]] = relationship(
        order_by="QuoteViaRow.position", lazy="selectin"
    )


class QuoteViaRow(Base):
    __tablename__ = "quote_via"
    __table_args__ = (
        ForeignKeyConstraint(
            ["article_id", "quote_position"],
            ["quotes.article_id", "quotes.position"],
            ondelete="CASCADE",
        ),
    )

    article_id: Mapped[str] = mapped_column(String, primary_key=True)
    quote_position: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str | None] = mapped_column(String)
    name: Mapped[str] = mapped_column(String)


class TimexRow(Base):
    __tablename__ = "timexes"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String)
    value: Mapped[str] = mapped_column(String)
    earliest: Mapped[str | None] = mapped_column(String)
    latest: Mapped[str | None] = mapped_column(String)
    mod: Mapped[str | None] = mapped_column(String)
    anchor: Mapped[str | None] = mapped_column(String)


class RecordRow(Base):
    __tablename__ = "event_records"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    type: Mapped[str] = mapped_column(String, index=True)
    mode: Mapped[str | None] = mapped_column(String)
    cameo: Mapped[str | None] = mapped_column(String)
    status: Mapped[str] = mapped_column(String, index=True)
    date_value: Mapped[str | None] = mapped_column(String)
    date_earliest: Mapped[date | None] = mapped_column(Date)
    date_latest: Mapped[date | None] = mapped_column(Date)
    timeline_date: Mapped[date] = mapped_column(Date, index=True)
    timeline_date_end: Mapped[date] = mapped_column(Date, index=True)
    location_name: Mapped[str | None] = mapped_column(String)
    location_country: Mapped[str | None] = mapped_column(String, index=True)
    location_lat: Mapped[float | None] = mapped_column(Float)
    location_lon: Mapped[float | None] = mapped_column(Float)
    participants: Mapped[list[dict[str, Any]]] = mapped_column(JsonColumn)
    source_count: Mapped[int] = mapped_column(Integer)
    event_count: Mapped[int] = mapped_column(Integer)
    first_reported: Mapped[date] = mapped_column(Date)
    last_reported: Mapped[date] = mapped_column(Date)
    conflicts: Mapped[list[str]] = mapped_column(JsonColumn)


class RecordEventRow(Base):
    __tablename__ = "record_events"
    __table_args__ = (_event_foreign_key(),)

    article_id: Mapped[str] = mapped_column(String, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    # No foreign key: linking replaces a record's row when records merge, in one transaction.
    record_id: Mapped[str] = mapped_column(String, index=True)
    component_id: Mapped[str] = mapped_column(String, index=True)
    actor_ids: Mapped[str] = mapped_column(Text)
    reach_start: Mapped[date] = mapped_column(Date)
    reach_end: Mapped[date] = mapped_column(Date)


class LinkKeyRow(Base):
    __tablename__ = "link_keys"
    __table_args__ = (
        _event_foreign_key(),
        Index("ix_link_keys_key_reach", "key", "reach_start"),
    )

    key: Mapped[str] = mapped_column(String, primary_key=True)
    article_id: Mapped[str] = mapped_column(String, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    reach_start: Mapped[date] = mapped_column(Date)
    reach_end: Mapped[date] = mapped_column(Date)


#: Tables in the order rows must be inserted (parents before children).
INSERT_ORDER: tuple[type[Base], ...] = (
    ArticleRow, ArticleActorRow, ActorMentionRow, EventRow, EventMentionRow, ParticipantRow,
    AttributionRow, QuoteRow, QuoteViaRow, TimexRow,
)
