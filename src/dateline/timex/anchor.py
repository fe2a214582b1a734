"""Expressions anchored on an event, and resolving them once the event's date is known.

"On the eve of the summit", "two days after the talks", "the day before the meeting": the
day these name depends on an event, not on the article date. ``tag`` leaves such a day
unknown (``XXXX-XX-XX``; "two days" stays the DURATION ``P2D``) rather than guess; the
events stage asks for them with ``anchored_timexes``, finds the anchoring event through the
noun phrase span (``anchor_start``/``anchor_end``, e.g. "the summit"), and calls ``resolve``
with that event's date to get a dated ``Timex`` whose span covers the whole expression
("two days after the talks") and whose ``anchor`` is ``event:<id>``.

When the noun phrase itself holds a date ("the day before the March 3 meeting", "the eve of
last week's summit"), ``tag`` already bounds the expression by it (``anchor`` is then
``timex:<start>``); the events stage may still refine it with the event's own date.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dateline.errors import DatelineError
from dateline.model import Timex
from dateline.timex.points import Grain, Point, covering_value
from dateline.timex.tagger import Anchored, analyse

if TYPE_CHECKING:  # spaCy is only needed when a parse is passed in
    from spacy.tokens import Doc


class AnchorDateError(DatelineError, ValueError):
    """An event date given to ``resolve`` is not a TIMEX3 calendar value."""


def anchored_timexes(text: str, dct: date, doc: Doc | None = None) -> list[Anchored]:
    """The expressions of ``text`` whose date depends on an event named in it."""
    return analyse(text, dct, doc)[1]


def parse_calendar_value(value: str) -> Point:
    """A TIMEX3 calendar value (``2024-03-08``, ``2024-03``, ``2024``, ``2024-W10``,
    ``2024-Q1``, or with a time part) as a ``Point``."""
    raw = value.strip()
    head = raw.split("T", 1)[0]
    try:
        if len(head) == 10:
            return Point.of_day(date.fromisoformat(head))
        if len(head) == 7 and head[4] == "-" and head[5:].isdigit():
            return Point.of_month(int(head[:4]), int(head[5:]))
        if len(head) == 4 and head.isdigit():
            return Point.of_year(int(head))
        if len(head) == 8 and head[5] == "W":
            monday = date.fromisocalendar(int(head[:4]), int(head[6:]), 1)
            return Point.of_week(monday)
        if len(head) == 7 and head[5] == "Q":
            return Point.of_quarter(int(head[:4]), int(head[6]))
    except ValueError:
        pass
    raise AnchorDateError(
        f"event date {value!r} is not a calendar value; give an ISO date such as "
        "2024-03-08 (or 2024-03, 2024, 2024-W10, 2024-Q1)"
    )


def resolve(anchored: Anchored, event_date: str, event_id: str | None = None,
            text: str | None = None) -> Timex:
    """The anchored expression dated against its event.

    ``event_date`` is the anchoring event's TIMEX3 date. The result is never more precise than
    that date: "the day before" an event known only as "March 2024" is ``2024-03`` with its
    bounds widened by the offset. When ``text`` (the article text) is given, the span grows to
    the end of the anchoring noun phrase.
    """
    base = parse_calendar_value(event_date)
    unit = Grain[anchored.unit]
    first, last = base.bounds
    low_point = Point.of_day(first).shift(anchored.amount, unit)
    high_point = Point.of_day(last).shift(anchored.amount, unit)
    if unit < Grain.DAY:
        low_point, high_point = low_point.at_grain(unit), high_point.at_grain(unit)
    low, high = low_point.bounds[0], high_point.bounds[1]
    value = covering_value(low, high)
    wide = low != high
    earliest, latest = (low.isoformat(), high.isoformat()) if wide else (None, None)
    timex = anchored.timex
    end = max(timex.end, anchored.anchor_end) if text is not None else timex.end
    return Timex(
        start=timex.start, end=end,
        text=text[timex.start:end] if text is not None else timex.text,
        type="DATE", value=value, earliest=earliest, latest=latest, mod=timex.mod,
        anchor=f"event:{event_id}" if event_id else "event",
    )
