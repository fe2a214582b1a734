"""A record's story: from the reports of one event to its status, best date and conflicts.

The reports (``history``) are ordered by publication: article date, then article id, then
event id, so every rule below gives the same answer whatever order articles arrived in.

**Current status.** The claim of the latest report, where reports of one day rank
occurred > ongoing > cancelled > denied > postponed > planned > hypothetical. Two exceptions:
once a report says the event occurred or is ongoing, later planned, postponed or hypothetical
reports do not undo it (an outlet behind the news); and a hypothetical report ("could meet")
never overrides a firmer claim.

**Best date.** For an event that happened: the date given by the most articles among the
reports that it happened (a tie goes to the narrowest date, then the first published).
Otherwise: the date of the latest dated report (a reschedule replaces the old plan). Dates
that name no calendar span (``PAST_REF``) are not candidates.

**Conflicts** (shown, never resolved silently):

- ``dates disagree``: reports that it happened give dates that do not overlap; or planned
  dates published since the last postponement or cancellation do not overlap;
- ``held on a different date than planned``: it happened off the last planned date and no
  report said it was postponed;
- ``sources disagree whether it took place``: one report says it happened, another that it
  was cancelled or denied, with no new plan reported between the two;
- ``places disagree``: reports put it in places that cannot be one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.link.cues import EventCues
from dateline.link.records import EventRecord, HistoryEntry, RecordDate
from dateline.link.rules import LinkFeatures, same_place
from dateline.model import Event, Location, Participant, content_id
from dateline.store.dates import event_span

HAPPENED = ("occurred", "ongoing")
CALLED_OFF = ("cancelled", "denied")
#: Same-day reports rank in this order, strongest first.
STATUS_PRECEDENCE = (
    "occurred", "ongoing", "cancelled", "denied", "postponed", "planned", "hypothetical",
)
_PLAN_BREAKS = ("postponed", "cancelled")


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What a history entry shows of its article."""

    date: date
    source: str | None = None
    title: str | None = None


def report_order(event: Event) -> tuple[date, str, str]:
    """The canonical order of reports: by publication, then article id, then event id."""
    assert event.article_date is not None and event.article_id is not None, event.id
    return (event.article_date, event.article_id, event.id)


def record_id_for(article_id: str, event_id: str) -> str:
    """A record's id, from its first report: the same stored events give the same ids."""
    return "rec-" + content_id("record", article_id, event_id, length=12)


def _rank(status: str) -> int:
    return STATUS_PRECEDENCE.index(status) if status in STATUS_PRECEDENCE else len(
        STATUS_PRECEDENCE)


def current_status(history: Sequence[HistoryEntry]) -> str:
    """The status the reports add up to (rules in the module's docstring)."""
    firm = [h for h in history if h.status != "hypothetical"] or list(history)
    status: str | None = None
    by_day: dict[date, list[HistoryEntry]] = {}
    for entry in firm:
        by_day.setdefault(entry.article_date, []).append(entry)
    for day in sorted(by_day):
        claim = min((h.status for h in by_day[day]), key=_rank)
        if status in HAPPENED and claim in ("planned", "postponed", "hypothetical"):
            continue
        status = claim
    assert status is not None, "a record has at least one report"
    return status


def _span(entry: HistoryEntry) -> tuple[date, date] | None:
    return event_span(entry.date)


def _describe(entry: HistoryEntry) -> str:
    who = entry.article_source or entry.article_id
    return f"{who}, {entry.article_date.isoformat()}"


def _date_text(span: tuple[date, date]) -> str:
    start, end = span
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def best_date(history: Sequence[HistoryEntry], status: str) -> RecordDate | None:
    """The record's date (rules in the module's docstring)."""
    dated = [(h, s) for h in history if h.date is not None and (s := _span(h)) is not None]
    if status in HAPPENED:
        happened = [(h, s) for h, s in dated if h.status in HAPPENED]
        if happened:
            articles: dict[tuple[date, date], set[str]] = {}
            first_seen: dict[tuple[date, date], int] = {}
            for index, (entry, span) in enumerate(happened):
                articles.setdefault(span, set()).add(entry.article_id)
                first_seen.setdefault(span, index)
            span = min(articles, key=lambda s: (
                -len(articles[s]), (s[1] - s[0]).days, first_seen[s]))
            entry = happened[first_seen[span]][0]
            assert entry.date is not None
            return RecordDate(entry.date.value, span[0], span[1])
    firm = [(h, s) for h, s in dated if h.status != "hypothetical"] or dated
    if not firm:
        return None
    last_day = firm[-1][0].article_date
    latest = [(h, s) for h, s in firm if h.article_date == last_day]
    counts = Counter(s for _, s in latest)
    entry, span = min(latest, key=lambda hs: (-counts[hs[1]], (hs[1][1] - hs[1][0]).days))
    assert entry.date is not None
    return RecordDate(entry.date.value, span[0], span[1])


def _disagreeing_dates(entries: Sequence[HistoryEntry]) -> list[str]:
    flags = []
    shown: set[tuple[tuple[date, date], tuple[date, date]]] = set()
    dated = [(h, s) for h in entries if (s := _span(h)) is not None]
    for i, (first, first_span) in enumerate(dated):
        for second, second_span in dated[i + 1:]:
            pair = (min(first_span, second_span), max(first_span, second_span))
            if _overlap(first_span, second_span) or pair in shown:
                continue
            shown.add(pair)
            flags.append(
                f"dates disagree: {_date_text(first_span)} ({_describe(first)}) vs "
                f"{_date_text(second_span)} ({_describe(second)})"
            )
    return flags


def _status_conflicts(history: Sequence[HistoryEntry]) -> list[str]:
    flags = []
    for i, first in enumerate(history):
        for second in history[i + 1:]:
            statuses = {first.status, second.status}
            if not (statuses & set(HAPPENED) and statuses & set(CALLED_OFF)):
                continue
            between = history[i + 1:history.index(second)]
            if any(h.status == "planned" for h in between):
                continue  # called off, then planned again, then held: a story, not a conflict
            flags.append(
                f"sources disagree whether it took place: {first.status} ({_describe(first)}) "
                f"vs {second.status} ({_describe(second)})"
            )
    return flags


def _plan_conflicts(history: Sequence[HistoryEntry], status: str) -> list[str]:
    breaks = [i for i, h in enumerate(history) if h.status in _PLAN_BREAKS]
    since_break = history[breaks[-1] + 1:] if breaks else history
    plans = [h for h in since_break if h.status == "planned"]
    flags = _disagreeing_dates(plans)
    if status in HAPPENED and not breaks:
        first_happened = next(i for i, h in enumerate(history) if h.status in HAPPENED)
        planned_before = [
            (h, s) for h in history[:first_happened]
            if h.status == "planned" and (s := _span(h)) is not None
        ]
        happened = [(h, s) for h in history if h.status in HAPPENED
                    and (s := _span(h)) is not None]
        if planned_before and happened:
            plan, plan_span = planned_before[-1]
            held, held_span = happened[0]
            if not _overlap(plan_span, held_span):
                flags.append(
                    f"held on a different date than planned: {_date_text(held_span)} "
                    f"({_describe(held)}) vs planned {_date_text(plan_span)} "
                    f"({_describe(plan)})"
                )
    return flags


def _place_conflicts(events: Sequence[Event]) -> list[str]:
    located = [e for e in events if e.location is not None]
    names: dict[str, Event] = {}
    for event in located:
        assert event.location is not None
        names.setdefault(event.location.name.strip().casefold(), event)
    distinct = list(names.values())
    flags = []
    for i, first in enumerate(distinct):
        for second in distinct[i + 1:]:
            if not same_place(link_features(first), link_features(second)):
                assert first.location is not None and second.location is not None
                flags.append(
                    f"places disagree: {first.location.name} ({first.article_id}) vs "
                    f"{second.location.name} ({second.article_id})"
                )
    return flags


def conflicts(history: Sequence[HistoryEntry], events: Sequence[Event], status: str) -> list[str]:
    """Human-readable disagreements between the reports (rules in the module's docstring)."""
    happened = [h for h in history if h.status in HAPPENED]
    return [
        *_disagreeing_dates(happened),
        *_plan_conflicts(history, status),
        *_status_conflicts(history),
        *_place_conflicts(events),
    ]


def link_features(
    event: Event, article_date: date | None = None, cues: EventCues | None = None
) -> LinkFeatures:
    """What the linking rules read of an event published on ``article_date`` (by default
    the date the event carries, as events read from the store do), with the back-reference
    ``cues`` of its article (``dateline.link.cues``; none by default)."""
    published = article_date or event.article_date
    assert published is not None, f"event {event.id} has no article date"
    location = event.location
    cues = cues or EventCues()
    return LinkFeatures(
        type=event.type, mode=event.mode, status=event.status, span=event_span(event.date),
        article_date=published,
        actor_ids=frozenset(p.actor_id for p in event.participants if p.actor_id),
        location_name=location.name if location else None,
        location_country=location.country if location else None,
        location_lat=location.lat if location else None,
        location_lon=location.lon if location else None,
        named=cues.named, recalls=cues.recalls,
    )


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value, the first seen winning a tie."""
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    return max(present, key=lambda v: (counts[v], -present.index(v)))


def _location(events: Sequence[Event]) -> Location | None:
    located = [e.location for e in events if e.location is not None]
    if not located:
        return None
    key = _most_common(loc.name.strip().casefold() for loc in located)
    same = [loc for loc in located if loc.name.strip().casefold() == key]
    return next((loc for loc in same if loc.lat is not None), same[0])


def _participants(events: Sequence[Event]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for event in events:
        for participant in event.participants:
            key = participant.actor_id or "name:" + participant.name.strip().casefold()
            seen.setdefault(key, participant)
    return list(seen.values())


def history_entry(event: Event, article: ArticleInfo | None) -> HistoryEntry:
    assert event.article_id is not None and event.article_date is not None, event.id
    return HistoryEntry(
        status=event.status, date=event.date, article_id=event.article_id,
        article_date=event.article_date, event_id=event.id,
        attribution=list(event.attribution), evidence=list(event.mentions),
        article_source=article.source if article else None,
        article_title=article.title if article else None, confidence=event.confidence,
    )


def build_record(
    events: Sequence[Event],
    articles: Mapping[str, ArticleInfo],
    keep_events: bool = False,
) -> EventRecord:
    """The record of ``events`` (the reports of one real event, each carrying its article
    id and date); ``articles`` gives their outlets and titles for the history."""
    if not events:
        raise ValueError("a record needs at least one event")
    ordered = sorted(events, key=report_order)
    history = [
        history_entry(e, articles.get(e.article_id or "")) for e in ordered
    ]
    status = current_status(history)
    first = ordered[0]
    assert first.article_id is not None
    event_type = _most_common(e.type for e in ordered) or first.type
    return EventRecord(
        id=record_id_for(first.article_id, first.id),
        type=event_type,
        mode=_most_common(e.mode for e in ordered if e.type == event_type),
        cameo=_most_common(e.cameo for e in ordered if e.type == event_type),
        status=status,
        date=best_date(history, status),
        location=_location(ordered),
        participants=_participants(ordered),
        source_count=len({e.article_id for e in ordered}),
        history=history,
        conflicts=conflicts(history, ordered, status),
        event_ids=[e.id for e in ordered],
        first_reported=history[0].article_date,
        last_reported=history[-1].article_date,
        events=list(ordered) if keep_events else [],
    )
