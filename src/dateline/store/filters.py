"""The filters of ``Store.events``, ``Store.timeline`` and ``Store.records``, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, or_, select, tuple_

from dateline.store.schema import (
    ActorRow,
    EventRow,
    ParticipantRow,
    RecordEventRow,
    RecordRow,
    name_key,
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every given criterion must hold.

    ``actor``: a participant's actor id (exact) or a case-insensitive part of its name (as
    written in the event, or the actor's canonical name). ``country``: ISO 3166 alpha-3 of any
    participant or of the location. ``since``/``until``: the event's dates overlap the range,
    using the article date when the event date is unknown. ``type``/``status``: any case
    (the store keeps them in canonical case, so the columns compare as they are, indexed).
    """

    actor: str | None = None
    type: str | None = None
    status: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None

    def keywords(self) -> dict[str, Any]:
        """The criteria as keyword arguments of ``Store.events``, ``Store.timeline``,
        ``Store.records`` and their counts, which take them one by one."""
        return {criterion.name: getattr(self, criterion.name) for criterion in fields(self)}

    def clauses(self) -> list[ColumnElement[bool]]:
        return _clauses(self, EventRow, _has_participant)


def _clauses(
    wanted: EventFilter,
    table: type[EventRow] | type[RecordRow],
    has_participant: Callable[[ColumnElement[bool]], ColumnElement[bool]],
) -> list[ColumnElement[bool]]:
    """The criteria of ``wanted`` on events or records: both tables carry type, status,
    place country and the timeline date range; they reach participants differently."""
    clauses: list[ColumnElement[bool]] = []
    if wanted.actor is not None:
        clauses.append(has_participant(_actor_matches(wanted.actor)))
    if wanted.type is not None:
        clauses.append(table.type == wanted.type.strip().upper())
    if wanted.status is not None:
        clauses.append(table.status == wanted.status.strip().lower())
    if wanted.country is not None:
        code = wanted.country.strip().upper()
        clauses.append(or_(
            table.location_country == code,
            has_participant(ParticipantRow.country == code),
        ))
    if wanted.since is not None:
        clauses.append(table.timeline_date_end >= wanted.since)
    if wanted.until is not None:
        clauses.append(table.timeline_date <= wanted.until)
    return clauses


def _has_participant(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """True for events with at least one participant meeting ``condition``.

    An uncorrelated ``(article_id, id) IN (...)``: the matching participants are found once.
    A correlated EXISTS let SQLite walk the participants' country index once per event row
    (seconds on 10k events)."""
    matching = select(ParticipantRow.article_id, ParticipantRow.event_id).where(condition)
    return tuple_(EventRow.article_id, EventRow.id).in_(matching)


def _actor_matches(actor: str) -> ColumnElement[bool]:
    needle = name_key(actor.strip())
    actors_named = select(ActorRow.id).where(ActorRow.name_key.contains(needle, autoescape=True))
    return or_(
        ParticipantRow.actor_id == actor.strip(),
        ParticipantRow.name_key.contains(needle, autoescape=True),
        ParticipantRow.actor_id.in_(actors_named),
    )


@dataclass(frozen=True, slots=True)
class RecordFilter(EventFilter):
    """Which records (linked events) to return; every given criterion must hold.

    ``actor``: any report's participant, matched as in ``EventFilter``. ``country``: ISO
    3166 alpha-3 of the record's place or of any report's participant. ``since``/``until``:
    the record's best date overlaps the range (the first and last report dates when no date
    is known). ``type``/``status``: the record's type and current status, any case.
    """

    def clauses(self) -> list[ColumnElement[bool]]:
        return _clauses(self, RecordRow, _record_has_participant)


def _record_has_participant(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """True for records with a member event that has a participant meeting ``condition``
    (uncorrelated, as in ``_has_participant``)."""
    matching = (
        select(RecordEventRow.record_id)
        .join(ParticipantRow, (RecordEventRow.article_id == ParticipantRow.article_id)
              & (RecordEventRow.event_id == ParticipantRow.event_id))
        .where(condition)
    )
    return RecordRow.id.in_(matching)
