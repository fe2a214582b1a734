"""iCalendar export: planned and held events as all-day VEVENTs an analyst can subscribe to.

One VEVENT per record whose status is planned, occurred or ongoing and whose best date is
known. ``UID`` is the record id (stable: the same stored events give the same ids), and
``SEQUENCE`` counts the reports, so a calendar that re-reads the file updates an event when
news of it arrives. ``STATUS`` is TENTATIVE for plans and CONFIRMED for events that happened;
the description lists every report (date, outlet, claim, who said so) and any conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from dateline.errors import DatelineError
from dateline.link.records import EventRecord, HistoryEntry

#: Record statuses exported as calendar entries.
CALENDAR_STATUSES = ("planned", "occurred", "ongoing")
_ICAL_STATUS = {"planned": "TENTATIVE", "occurred": "CONFIRMED", "ongoing": "CONFIRMED"}


def _summary(record: EventRecord) -> str:
    names = ", ".join(p.name for p in record.participants) or "unknown participants"
    kind = record.type + (f" ({record.mode})" if record.mode else "")
    return f"{kind}: {names} [{record.status}]"


def _report_line(entry: HistoryEntry) -> str:
    preposition = "on" if entry.status in ("occurred", "ongoing") else "for"
    claimed = f" {preposition} {entry.date.value}" if entry.date else ""
    says = " <- ".join(s.name for s in entry.attribution)
    outlet = entry.article_source or "article"
    line = f"- {entry.article_date.isoformat()} {outlet} ({entry.article_id}): {entry.status}"
    return line + claimed + (f", according to {says}" if says else "")


def _description(record: EventRecord) -> str:
    lines = [f"Status: {record.status}, from {record.source_count} source(s).", "Reports:"]
    lines.extend(_report_line(entry) for entry in record.history)
    if record.conflicts:
        lines.append("Sources disagree:")
        lines.extend(f"- {conflict}" for conflict in record.conflicts)
    lines.append(f"Dateline record {record.id}")
    return "\n".join(lines)


def ical_bytes(records: Sequence[EventRecord]) -> bytes:
    """An iCalendar (RFC 5545) file of the planned and held ``records`` that have a date."""
    try:
        from icalendar import Calendar
        from icalendar import Event as CalendarEvent
    except ImportError as error:
        raise DatelineError(
            f"iCalendar export needs the icalendar package, which is not installed ({error}). "
            "Install it: pip install icalendar"
        ) from error
    calendar = Calendar()
    calendar.add("prodid", "-//Dateline//dateline export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Dateline events")
    for record in records:
        if record.status not in CALENDAR_STATUSES or record.date is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"{record.id}@dateline")
        # The last report's day, not the clock: the same records give the same file.
        entry.add("dtstamp", datetime.combine(record.last_reported, time(), UTC))
        entry.add("dtstart", record.date.earliest)
        entry.add("dtend", record.date.latest + timedelta(days=1))  # DTEND is exclusive
        entry.add("summary", _summary(record))
        entry.add("description", _description(record))
        entry.add("status", _ICAL_STATUS[record.status])
        entry.add("sequence", len(record.history) - 1)
        entry.add("categories", [record.type])
        if record.location is not None:
            place = record.location.name + (
                f", {record.location.country}" if record.location.country else "")
            entry.add("location", place)
            if record.location.lat is not None and record.location.lon is not None:
                entry.add("geo", (record.location.lat, record.location.lon))
        calendar.add_component(entry)
    return bytes(calendar.to_ical())
