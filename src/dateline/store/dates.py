"""Calendar bounds of TIMEX3 date values, so that events can be sorted and filtered by date.

A TIMEX3 value names a calendar span at some granularity: ``2024-03-08`` (a day),
``2024-W10`` (an ISO week), ``2024-03`` (a month), ``2024-Q1``, ``2024-SU`` (a season),
``2024`` (a year), ``202`` (a decade). Values such as ``PAST_REF``, ``XXXX-03-08`` or ``P4Y``
name no calendar span and give ``None``: the store then falls back to the article date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateline.model import EventDate

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(\d|WE))?(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")

# Meteorological seasons of the northern hemisphere, as (first month, number of months):
# TIMEX3 gives no hemisphere, and news in English mostly means the northern one.
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}


def _months(year: int, first_month: int, count: int) -> tuple[date, date]:
    last_year, last_month = divmod(first_month - 1 + count - 1, 12)
    last_year += year
    last_month += 1
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(year, first_month, 1), date(last_year, last_month, last_day)


def _week(year: int, week: int, day: str | None) -> tuple[date, date]:
    monday = date.fromisocalendar(year, week, 1)
    if day is None:
        return monday, monday + timedelta(days=6)
    if day == "WE":
        return monday + timedelta(days=5), monday + timedelta(days=6)
    one_day = date.fromisocalendar(year, week, int(day))
    return one_day, one_day


def calendar_span(value: str) -> tuple[date, date] | None:
    """First and last day of the calendar span a TIMEX3 value names, or None if it names none."""
    value = value.strip()
    try:
        if match := _DAY.fullmatch(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
        if match := _WEEK.fullmatch(value):
            return _week(int(match[1]), int(match[2]), match[3])
        if match := _MONTH.fullmatch(value):
            return _months(int(match[1]), int(match[2]), 1)
        if match := _QUARTER.fullmatch(value):
            return _months(int(match[1]), 3 * int(match[2]) - 2, 3)
        if match := _HALF.fullmatch(value):
            return _months(int(match[1]), 6 * int(match[2]) - 5, 6)
        if match := _SEASON.fullmatch(value):
            return _months(int(match[1]), *_SEASONS[match[2]])
        if match := _YEAR.fullmatch(value):
            return _months(int(match[1]), 1, 12)
        if match := _DECADE.fullmatch(value):
            return _months(int(match[1]) * 10, 1, 120)
        if match := _CENTURY.fullmatch(value):
            return _months(int(match[1]) * 100, 1, 1200)
    except ValueError:
        # Month 13, ISO week 54 and the like: well formed but not on any calendar.
        return None
    return None


def event_span(event_date: EventDate | None) -> tuple[date, date] | None:
    """The calendar span of an event's date: ``earliest``/``latest`` when the pipeline gave
    them (they are tighter than the value), otherwise the span of the value itself."""
    if event_date is None:
        return None
    value_span = calendar_span(event_date.value)
    earliest = calendar_span(event_date.earliest) if event_date.earliest else None
    latest = calendar_span(event_date.latest) if event_date.latest else None
    start = earliest[0] if earliest else value_span[0] if value_span else None
    end = latest[1] if latest else value_span[1] if value_span else None
    if start is None and end is None:
        return None
    # One known bound is still a place on the calendar: use it for both.
    start = start or end
    end = end or start
    assert start is not None and end is not None
    return (start, end) if start <= end else (end, start)
