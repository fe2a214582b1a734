"""Linking on ingest: new events join the records of the stored events they describe.

Runs inside ``Store.add``'s transaction, after the batch's rows are written, so a crash
never leaves half an article or half a link. For each new event it reads only the stored
events sharing a blocking key whose reach overlaps (``dateline.link.rules``), links it with
the compatible ones and merges their components (connected groups of linked events); each
component touched is then split into records again, in report order, and its records are
rebuilt from their members (``dateline.link.lifecycle``). Back-reference cues
(``dateline.link.cues``) are read from each new article; for stored events, from the keys
that matched (when searching candidates) or from their articles (when splitting). Both
steps depend only on the set of stored events, and ids come from first reports, so the same
stored events give the same records whatever order the articles were added in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session, raiseload

from dateline.link.cues import EventCues, article_focus, event_cues, may_recall
from dateline.link.lifecycle import ArticleInfo, build_record, link_features, report_order
from dateline.link.records import EventRecord
from dateline.link.rules import LinkFeatures, compatible, settings, split_component
from dateline.model import Event, Extraction, content_id
from dateline.store.rows import event_from_row
from dateline.store.schema import (
    ActorMentionRow,
    ArticleActorRow,
    ArticleRow,
    AttributionRow,
    EventMentionRow,
    EventRow,
    LinkKeyRow,
    ParticipantRow,
    RecordEventRow,
    RecordRow,
)

EventKey = tuple[str, str]  # (article_id, event_id)
Child = TypeVar("Child", ParticipantRow, AttributionRow, EventMentionRow)
GroupColumn = InstrumentedAttribute[str]  # record_events.record_id or .component_id

# Record ids per IN (...) list: below SQLite's oldest limit of 999 bound parameters.
_IDS_PER_QUERY = 500


# Any constant shared by all Dateline processes: the advisory lock serialising linking.
_LINK_LOCK_KEY = 0x6C696E6B  # "link"


def _lock_linking(session: Session) -> None:
    """On PostgreSQL, link one writer at a time until commit: a component may span keys two
    writers touch at once, and each must see the other's events to split it the same way.
    The lock comes after the batch's inserts, so writers still write their rows in
    parallel. SQLite's write lock already serialises whole transactions."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_LINK_LOCK_KEY)))


# The events columns linking reads, next to record_events.actor_ids.
_FEATURE_COLUMNS = (
    RecordEventRow.actor_ids, EventRow.type, EventRow.mode, EventRow.status,
    EventRow.event_date, EventRow.event_date_end, EventRow.article_date,
    EventRow.location_name, EventRow.location_country, EventRow.location_lat,
    EventRow.location_lon,
)


def _features_from_row(row: Any, cues: EventCues) -> LinkFeatures:  # a Row of _candidates
    span = (row.event_date, row.event_date_end) if row.event_date is not None else None
    return LinkFeatures(
        type=row.type, mode=row.mode, status=row.status, span=span,
        article_date=row.article_date,
        actor_ids=frozenset(row.actor_ids.split()) if row.actor_ids else frozenset(),
        location_name=row.location_name, location_country=row.location_country,
        location_lat=row.location_lat, location_lon=row.location_lon,
        named=cues.named, recalls=cues.recalls,
    )


def _matched_cues(keys: Sequence[str]) -> EventCues:
    """A stored event's cues as far as they meet the searching event's: the ``named:`` and
    ``recall:`` keys that matched, which are all ``rules.points_back`` compares."""
    named, recalls = set(), set()
    for key in keys:
        kind, _, cue = key.partition("|")[2].partition(":")
        if kind == "named":
            named.add(cue)
        elif kind == "recall":
            recalls.add(cue)
    return EventCues(named=frozenset(named), recalls=frozenset(recalls))


def _candidates(
    session: Session, features: LinkFeatures, keys: list[str], itself: EventKey
) -> list[tuple[str, LinkFeatures]]:
    """(component id, features) of stored events sharing a key and a reach with
    ``features``."""
    rules = settings()
    start, end = features.reach()
    lowest = start - rules.date_tolerance - rules.longest_reach
    highest = end + rules.date_tolerance
    near = (
        select(LinkKeyRow.article_id, LinkKeyRow.event_id, LinkKeyRow.key)
        .where(
            LinkKeyRow.key.in_(keys),
            # Both bounds on reach_start keep the index scan to the neighbourhood.
            LinkKeyRow.reach_start >= lowest,
            LinkKeyRow.reach_start <= highest,
            LinkKeyRow.reach_end >= start - rules.date_tolerance,
        )
        .subquery()
    )
    # One row per matching key: the keys tell the candidate's back-reference cues.
    query = (
        select(RecordEventRow.article_id, RecordEventRow.event_id, RecordEventRow.component_id,
               near.c.key, *_FEATURE_COLUMNS)
        .join(near, (near.c.article_id == RecordEventRow.article_id)
              & (near.c.event_id == RecordEventRow.event_id))
        .join(EventRow, (EventRow.article_id == RecordEventRow.article_id)
              & (EventRow.id == RecordEventRow.event_id))
    )
    rows: dict[EventKey, Any] = {}
    matched: dict[EventKey, list[str]] = defaultdict(list)
    for row in session.execute(query):
        event_key = (row.article_id, row.event_id)
        if event_key != itself:
            rows.setdefault(event_key, row)
            matched[event_key].append(row.key)
    return [
        (row.component_id, _features_from_row(row, _matched_cues(matched[event_key])))
        for event_key, row in rows.items()
    ]


def link_new_events(session: Session, extractions: Sequence[Extraction]) -> None:
    """Give every event of ``extractions`` (just written in ``session``) its record."""
    new: list[tuple[EventKey, LinkFeatures]] = []
    for extraction in extractions:
        article = extraction.article
        focus = article_focus((a.country, len(a.mentions)) for a in extraction.actors)
        for event in extraction.events:
            cues = event_cues(event, article.text, focus)
            new.append(((article.id, event.id), link_features(event, article.date, cues)))
    if not new:
        return
    new.sort(key=lambda item: (item[1].article_date, *item[0]))
    _lock_linking(session)

    labels: dict[EventKey, str] = {}
    membership: list[dict[str, Any]] = []
    key_rows: list[dict[str, Any]] = []
    for (article_id, event_id), features in new:
        start, end = features.reach()
        # Every new event starts as a component of its own, labelled by its own key.
        label = f"new:{article_id}:{event_id}"
        labels[(article_id, event_id)] = label
        membership.append({
            "article_id": article_id, "event_id": event_id, "record_id": label,
            "component_id": label, "actor_ids": " ".join(sorted(features.actor_ids)),
            "reach_start": start, "reach_end": end,
        })
        key_rows.extend(
            {"key": key, "article_id": article_id, "event_id": event_id,
             "reach_start": start, "reach_end": end}
            for key in features.keys()
        )
    session.execute(insert(RecordEventRow), membership)
    if key_rows:
        session.execute(insert(LinkKeyRow), key_rows)

    touched: set[str] = set(labels.values())
    for key, features in new:
        keys = features.search_keys()
        if not keys:
            continue  # no actors, place or back-reference: nothing to link on
        linked = {
            component for component, other in _candidates(session, features, keys, key)
            if compatible(features, other)
        }
        # Labels change as components merge: read the new event's current one.
        own = session.scalar(
            select(RecordEventRow.component_id).where(
                RecordEventRow.article_id == key[0], RecordEventRow.event_id == key[1])
        ) or labels[key]
        linked.discard(own)
        if not linked:
            continue
        merged = min(linked | {own})
        session.execute(
            update(RecordEventRow)
            .where(RecordEventRow.component_id.in_((linked | {own}) - {merged}))
            .values(component_id=merged)
        )
        touched |= linked | {own}
    _split_components(session, touched)


def _children(
    session: Session, table: type[Child], group: GroupColumn, ids: Sequence[str],
    until: date | None,
) -> dict[EventKey, list[Child]]:
    """Child rows (participants, attribution, mentions) of the member events of the records
    or components ``ids``, in position order. Joined through record_events rather than
    loaded per event: SQLite does not use an index for ``(a, b) IN (VALUES ...)``."""
    query = (
        select(table)
        .join(RecordEventRow, (RecordEventRow.article_id == table.article_id)
              & (RecordEventRow.event_id == table.event_id))
        .where(group.in_(ids))
        .order_by(table.article_id, table.event_id, table.position)
    )
    if until is not None:
        query = query.join(EventRow, (EventRow.article_id == table.article_id)
                           & (EventRow.id == table.event_id)).where(
            EventRow.article_date <= until)
    children: dict[EventKey, list[Child]] = defaultdict(list)
    for child in session.scalars(query):
        children[(child.article_id, child.event_id)].append(child)
    return children


def _members(
    session: Session,
    ids: Sequence[str],
    until: date | None = None,
    group: GroupColumn = RecordEventRow.record_id,
) -> tuple[dict[str, list[Event]], dict[str, ArticleInfo]]:
    """Member events per record id (or per component id, with ``group``), optionally only
    those published by ``until``, and the articles they come from."""
    members: dict[str, list[Event]] = defaultdict(list)
    articles: dict[str, ArticleInfo] = {}
    for start in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[start:start + _IDS_PER_QUERY]
        query = (
            select(group, EventRow, ArticleRow.source, ArticleRow.title)
            .join(EventRow, (EventRow.article_id == RecordEventRow.article_id)
                  & (EventRow.id == RecordEventRow.event_id))
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(group.in_(chunk))
            .options(raiseload(EventRow.participants), raiseload(EventRow.attribution),
                     raiseload(EventRow.mentions))
        )
        if until is not None:
            query = query.where(EventRow.article_date <= until)
        participants = _children(session, ParticipantRow, group, chunk, until)
        attribution = _children(session, AttributionRow, group, chunk, until)
        mentions = _children(session, EventMentionRow, group, chunk, until)
        for group_id, row, source, title in session.execute(query):
            key = (row.article_id, row.id)
            members[group_id].append(event_from_row(
                row, participants.get(key, []), attribution.get(key, []),
                mentions.get(key, [])))
            articles[row.article_id] = ArticleInfo(row.article_date, source, title)
    return members, articles


def load_records(
    session: Session,
    record_ids: Sequence[str],
    keep_events: bool = False,
    until: date | None = None,
) -> list[EventRecord]:
    """The records with these ids, in the order given (ids without members are left out)."""
    members, articles = _members(session, list(record_ids), until)
    return [
        build_record(members[record_id], articles, keep_events=keep_events)
        for record_id in record_ids if members.get(record_id)
    ]


def _record_row(record: EventRecord) -> dict[str, object]:
    location = record.location
    return {
        "id": record.id, "type": record.type, "mode": record.mode, "cameo": record.cameo,
        "status": record.status,
        "date_value": record.date.value if record.date else None,
        "date_earliest": record.date.earliest if record.date else None,
        "date_latest": record.date.latest if record.date else None,
        "timeline_date": record.date.earliest if record.date else record.first_reported,
        "timeline_date_end": record.date.latest if record.date else record.last_reported,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "location_lat": location.lat if location else None,
        "location_lon": location.lon if location else None,
        "participants": [p.to_dict() for p in record.participants],
        "source_count": record.source_count, "event_count": len(record.event_ids),
        "first_reported": record.first_reported, "last_reported": record.last_reported,
        "conflicts": list(record.conflicts),
    }


def component_id_for(first: Event) -> str:
    """A component's id, from its first report (as records' ids)."""
    assert first.article_id is not None
    return "cmp-" + content_id("component", first.article_id, first.id, length=12)


def _stored_cues(session: Session, events: Sequence[Event]) -> dict[EventKey, EventCues]:
    """Back-reference cues of stored events, read again from their articles as on ingest.
    Only a component holding an event that may be a back-reference needs them."""
    if not any(may_recall(event) for event in events):
        return {}
    article_ids = sorted({event.article_id for event in events if event.article_id})
    recalling = {e.article_id for e in events if e.article_id and may_recall(e)}
    actor_mentions: dict[str, list[tuple[str | None, int]]] = defaultdict(list)
    texts: dict[str, str] = {}
    for start in range(0, len(article_ids), _IDS_PER_QUERY):
        chunk = article_ids[start:start + _IDS_PER_QUERY]
        focus_rows = session.execute(
            select(ArticleActorRow.article_id, ArticleActorRow.country,
                   func.count(ActorMentionRow.position))
            .outerjoin(ActorMentionRow,
                       (ActorMentionRow.article_id == ArticleActorRow.article_id)
                       & (ActorMentionRow.actor_id == ArticleActorRow.actor_id))
            .where(ArticleActorRow.article_id.in_(chunk))
            .group_by(ArticleActorRow.article_id, ArticleActorRow.actor_id,
                      ArticleActorRow.country)
        )
        for article_id, country, count in focus_rows:
            actor_mentions[article_id].append((country, count))
        texts.update((article_id, text) for article_id, text in session.execute(
            select(ArticleRow.id, ArticleRow.text)
            .where(ArticleRow.id.in_([a for a in chunk if a in recalling]))))
    return {
        (event.article_id, event.id): event_cues(
            event, texts.get(event.article_id), article_focus(actor_mentions[event.article_id]))
        for event in events if event.article_id
    }


def _split_components(session: Session, components: set[str]) -> None:
    """Split the components under ``components`` (some merged away) into records and replace
    their records' summary rows (``dateline.link.rules`` says how; the ids come from the
    first reports, so the same events always give the same ids)."""
    ordered = sorted(components)
    for start in range(0, len(ordered), _IDS_PER_QUERY):
        chunk = ordered[start:start + _IDS_PER_QUERY]
        old_records = select(RecordEventRow.record_id).where(
            RecordEventRow.component_id.in_(chunk)).distinct().scalar_subquery()
        session.execute(delete(RecordRow).where(RecordRow.id.in_(old_records)))
    members, articles = _members(session, ordered, group=RecordEventRow.component_id)
    assignments: list[dict[str, Any]] = []
    rows = []
    for events in members.values():
        in_order = sorted(events, key=report_order)
        component = component_id_for(in_order[0])
        cues = _stored_cues(session, in_order)
        split = split_component([
            (event, link_features(event, cues=cues.get((event.article_id or "", event.id))))
            for event in in_order
        ])
        for record_events in split:
            record = build_record(record_events, articles)
            rows.append(_record_row(record))
            assignments.extend(
                {"article_id": e.article_id, "event_id": e.id, "record_id": record.id,
                 "component_id": component}
                for e in record_events
            )
    if assignments:
        # Bulk UPDATE by primary key (article_id, event_id).
        session.execute(update(RecordEventRow), assignments)
    if rows:
        session.execute(insert(RecordRow), rows)


def record_id_of_event(session: Session, event_id: str) -> str | None:
    """The record of the event with this id (the earliest reported, if two articles reuse
    the id)."""
    query = (
        select(RecordEventRow.record_id)
        .join(EventRow, (EventRow.article_id == RecordEventRow.article_id)
              & (EventRow.id == RecordEventRow.event_id))
        .where(RecordEventRow.event_id == event_id)
        .order_by(EventRow.article_date, EventRow.article_id)
        .limit(1)
    )
    return session.scalar(query)


__all__ = ["link_new_events", "load_records", "record_id_of_event"]
