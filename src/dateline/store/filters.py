"""The event filters shared by ``Store.events`` and ``Store.timeline``, built in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, or_, select

from dateline.store.schema import ActorRow, EventRow, ParticipantRow


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every given criterion must hold.

    ``actor``: a participant's actor id (exact) or a case-insensitive part of its name (as
    written in the event, or the actor's canonical name). ``country``: ISO 3166 alpha-3 of any
    participant or of the location. ``since``/``until``: the event's dates overlap the range,
    using the article date when the event date is unknown. ``type``/``status``: any case.
    """

    actor: str | None = None
    type: str | None = None
    status: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = []
        if self.actor is not None:
            clauses.append(_has_participant(_actor_matches(self.actor)))
        if self.type is not None:
            clauses.append(func.upper(EventRow.type) == self.type.strip().upper())
        if self.status is not None:
            clauses.append(func.lower(EventRow.status) == self.status.strip().lower())
        if self.country is not None:
            code = self.country.strip().upper()
            clauses.append(or_(
                func.upper(EventRow.location_country) == code,
                _has_participant(func.upper(ParticipantRow.country) == code),
            ))
        if self.since is not None:
            clauses.append(EventRow.timeline_date_end >= self.since)
        if self.until is not None:
            clauses.append(EventRow.timeline_date <= self.until)
        return clauses


def _has_participant(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """True for events with at least one participant meeting ``condition``."""
    return (
        select(ParticipantRow.position)
        .where(
            ParticipantRow.article_id == EventRow.article_id,
            ParticipantRow.event_id == EventRow.id,
            condition,
        )
        .exists()
    )


def _actor_matches(actor: str) -> ColumnElement[bool]:
    needle = actor.strip().lower()
    actors_named = select(ActorRow.id).where(
        func.lower(ActorRow.name).contains(needle, autoescape=True)
    )
    return or_(
        ParticipantRow.actor_id == actor.strip(),
        func.lower(ParticipantRow.name).contains(needle, autoescape=True),
        ParticipantRow.actor_id.in_(actors_named),
    )
