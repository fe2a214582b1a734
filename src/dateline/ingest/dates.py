"""Dates of articles: ``YYYY-MM-DD`` (or a full ISO timestamp, of which we keep the day)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dateline.errors import InputError

# The day part of an ISO 8601 date or timestamp. A time, when present, is allowed but
# ignored: the dateline of an article is the day it was published where it was published.
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
# Day-first or month-first dates people write instead, so the error can show the fix.
_OTHER_ORDER = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value was read: the input, the line in it, and what the value is
    (``field "date"``, ``the dateline``...), so errors can say all three."""

    path: str
    line: int | None = None
    what: str = "date"


def parse_date(value: Any, where: Place | str = "date") -> date:
    """``value`` as a date; ``where`` names it in the error (a Place or the input's name).

    Accepts ``YYYY-MM-DD`` and ISO timestamps such as ``2024-03-04T10:00:00Z`` (the date
    part is kept, without converting time zones). Anything else raises InputError::

        line 12 of feed.jsonl: field "date" is "20-10-2025", expected YYYY-MM-DD.
    """
    place = where if isinstance(where, Place) else Place(path=where)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        kind = "a number" if isinstance(value, int | float) else type(value).__name__
        raise InputError(
            place.path, f"{place.what} is {value!r} ({kind}), expected a string YYYY-MM-DD",
            "Write the date as a string such as \"2024-03-04\".", place.line,
        )
    text = value.strip()
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise InputError(
            place.path, f'{place.what} is "{value}", expected YYYY-MM-DD', _suggest(text),
            place.line,
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(
            place.path, f'{place.what} is "{value}", which is not a day of the calendar',
            "Correct the date (YYYY-MM-DD).", place.line,
        ) from None


def _suggest(text: str) -> str:
    match = _OTHER_ORDER.fullmatch(text)
    if match is None:
        return "Write it as year-month-day, e.g. 2024-03-04."
    first, second, year = (int(part) for part in match.groups())
    readings = []
    for month, day in ((second, first), (first, second)):
        try:
            readings.append(date(year, month, day).isoformat())
        except ValueError:
            continue
    readings = list(dict.fromkeys(readings))
    if len(readings) == 1:
        return f"Write it as year-month-day: {readings[0]}."
    if readings:
        return f"Write it as year-month-day: {' or '.join(readings)}, whichever is meant."
    return "Write it as year-month-day, e.g. 2024-03-04."
