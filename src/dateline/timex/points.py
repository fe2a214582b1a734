"""Calendar points at a granularity, their TIMEX3 values and their day bounds.

A ``Point`` is a day plus the granularity at which the text spoke of it: "last month" on
2024-03-04 is the point (2024-02-01, MONTH), whose TIMEX3 value is ``2024-02`` and whose bounds
are 2024-02-01 .. 2024-02-29. Arithmetic happens on the day; the granularity decides how the
value is written and how wide the bounds are, so no value ever claims more precision than the
text gave.
"""

from __future__ import annotations

import calendar as _calendar
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import IntEnum


class Grain(IntEnum):
    """How precisely a point is known; a larger number is a finer grain."""

    CENTURY = 1
    DECADE = 2
    YEAR = 3
    HALF = 4
    QUARTER = 5
    SEASON = 6
    MONTH = 7
    WEEK = 8
    WEEKEND = 9
    DAY = 10
    PART_OF_DAY = 11
    MINUTE = 12


#: TIMEX3 codes of seasons, by the month each one starts in (northern hemisphere, the
#: convention of TimeML): spring from March, summer from June, fall from September, winter
#: from December.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_of(day: date) -> tuple[int, str]:
    """The (year, code) of the season containing ``day``; January and February belong to the
    winter that began in the previous December, whose TIMEX3 year is that December's year."""
    month = day.month
    if month in (12, 1, 2):
        return (day.year if month == 12 else day.year - 1), "WI"
    if month < 6:
        return day.year, "SP"
    if month < 9:
        return day.year, "SU"
    return day.year, "FA"


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the last day of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    year = max(1, min(9999, year))
    last = _calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def safe_add_days(day: date, days: int) -> date:
    """``day`` moved by days, kept inside the range ``datetime.date`` can hold."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point: a representative day and the grain the text gave it.

    ``day`` is the first day of the period for coarse grains (first of the month, Monday of
    the week, first day of the quarter). ``part`` is a TIMEX3 part-of-day code (MO, AF, EV,
    NI) for ``PART_OF_DAY``; ``clock`` is ``HH:MM`` for ``MINUTE``.
    """

    day: date
    grain: Grain
    part: str | None = None
    clock: str | None = None
    season: str | None = None

    # ----- construction -------------------------------------------------------------------
    @classmethod
    def of_day(cls, day: date) -> Point:
        return cls(day, Grain.DAY)

    @classmethod
    def of_month(cls, year: int, month: int) -> Point:
        return cls(date(year, month, 1), Grain.MONTH)

    @classmethod
    def of_year(cls, year: int) -> Point:
        return cls(date(year, 1, 1), Grain.YEAR)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Point:
        return cls(date(year, 3 * (quarter - 1) + 1, 1), Grain.QUARTER)

    @classmethod
    def of_half(cls, year: int, half: int) -> Point:
        return cls(date(year, 1 if half == 1 else 7, 1), Grain.HALF)

    @classmethod
    def of_season(cls, year: int, code: str) -> Point:
        return cls(date(year, SEASON_START[code], 1), Grain.SEASON, season=code)

    @classmethod
    def of_week(cls, day: date) -> Point:
        return cls(day - timedelta(days=day.weekday()), Grain.WEEK)

    @classmethod
    def of_weekend(cls, day: date) -> Point:
        return cls(day - timedelta(days=day.weekday()), Grain.WEEKEND)

    @classmethod
    def of_decade(cls, year: int) -> Point:
        return cls(date(year - year % 10 or 1, 1, 1), Grain.DECADE)

    @classmethod
    def of_century(cls, year: int) -> Point:
        return cls(date(year - year % 100 or 1, 1, 1), Grain.CENTURY)

    def at_grain(self, grain: Grain) -> Point:
        """The same moment seen at another (usually coarser) grain."""
        day = self.day
        if grain == Grain.DAY:
            return Point.of_day(day)
        if grain == Grain.MONTH:
            return Point.of_month(day.year, day.month)
        if grain == Grain.YEAR:
            return Point.of_year(day.year)
        if grain == Grain.QUARTER:
            return Point.of_quarter(day.year, (day.month - 1) // 3 + 1)
        if grain == Grain.HALF:
            return Point.of_half(day.year, 1 if day.month <= 6 else 2)
        if grain == Grain.WEEK:
            return Point.of_week(day)
        if grain == Grain.WEEKEND:
            return Point.of_weekend(day)
        if grain == Grain.SEASON:
            year, code = season_of(day)
            return Point.of_season(year, code)
        if grain == Grain.DECADE:
            return Point.of_decade(day.year)
        if grain == Grain.CENTURY:
            return Point.of_century(day.year)
        return replace(self, grain=grain)

    # ----- arithmetic ---------------------------------------------------------------------
    def shift(self, amount: int, unit: Grain | None = None) -> Point:
        """Move by ``amount`` units (default: this point's own grain), keeping the grain."""
        unit = unit or self.grain
        day = self.day
        try:
            if unit in (Grain.DAY, Grain.PART_OF_DAY, Grain.MINUTE):
                day = day + timedelta(days=amount)
            elif unit in (Grain.WEEK, Grain.WEEKEND):
                day = day + timedelta(weeks=amount)
            elif unit == Grain.MONTH:
                day = add_months(day, amount)
            elif unit in (Grain.QUARTER, Grain.SEASON):
                day = add_months(day, 3 * amount)
            elif unit == Grain.HALF:
                day = add_months(day, 6 * amount)
            elif unit == Grain.YEAR:
                day = add_months(day, 12 * amount)
            elif unit == Grain.DECADE:
                day = add_months(day, 120 * amount)
            elif unit == Grain.CENTURY:
                day = add_months(day, 1200 * amount)
        except (OverflowError, ValueError):
            return self
        moved = replace(self, day=day)
        # Re-derive the coarse representative day (and the season code) after the move.
        if self.grain in (Grain.PART_OF_DAY, Grain.MINUTE):
            return moved
        return moved.at_grain(self.grain)

    # ----- output -------------------------------------------------------------------------
    @property
    def value(self) -> str:
        """The TIMEX3 value of this point."""
        day = self.day
        if self.grain == Grain.CENTURY:
            return f"{day.year // 100:02d}"
        if self.grain == Grain.DECADE:
            return f"{day.year // 10:03d}"
        if self.grain == Grain.YEAR:
            return f"{day.year:04d}"
        if self.grain == Grain.HALF:
            return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
        if self.grain == Grain.QUARTER:
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        if self.grain == Grain.SEASON:
            year, code = season_of(day)
            return f"{year:04d}-{self.season or code}"
        if self.grain == Grain.MONTH:
            return f"{day.year:04d}-{day.month:02d}"
        if self.grain in (Grain.WEEK, Grain.WEEKEND):
            iso_year, week, _ = day.isocalendar()
            suffix = "-WE" if self.grain == Grain.WEEKEND else ""
            return f"{iso_year:04d}-W{week:02d}{suffix}"
        if self.grain == Grain.PART_OF_DAY and self.part:
            return f"{day.isoformat()}T{self.part}"
        if self.grain == Grain.MINUTE and self.clock:
            return f"{day.isoformat()}T{self.clock}"
        return day.isoformat()

    @property
    def bounds(self) -> tuple[date, date]:
        """First and last day of the period this point names."""
        day = self.day
        try:
            if self.grain >= Grain.DAY:
                return day, day
            if self.grain == Grain.WEEK:
                return day, day + timedelta(days=6)
            if self.grain == Grain.WEEKEND:
                return day + timedelta(days=5), day + timedelta(days=6)
            if self.grain == Grain.MONTH:
                return day, add_months(day, 1) - timedelta(days=1)
            if self.grain in (Grain.QUARTER, Grain.SEASON):
                return day, add_months(day, 3) - timedelta(days=1)
            if self.grain == Grain.HALF:
                return day, add_months(day, 6) - timedelta(days=1)
            if self.grain == Grain.YEAR:
                return day, date(day.year, 12, 31)
            if self.grain == Grain.DECADE:
                return day, date(min(9999, day.year + 9), 12, 31)
            if self.grain == Grain.CENTURY:
                return day, date(min(9999, day.year + 99), 12, 31)
        except (OverflowError, ValueError):
            pass
        return day, day


def weekday_near(reference: date, weekday: int, direction: int) -> date:
    """The day with ``weekday`` (Monday=0) nearest ``reference`` in ``direction``.

    ``direction`` -1 looks back, +1 forward, both including the reference day itself: news
    wires name the weekday even for the day of writing ("said Tuesday" in a Tuesday story,
    "will meet Tuesday" in a Tuesday-morning one). 0 takes whichever is nearer.
    """
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if direction < 0:
        return safe_add_days(reference, -back)
    if direction > 0:
        return safe_add_days(reference, ahead)
    return safe_add_days(reference, -back) if back <= ahead else safe_add_days(reference, ahead)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 for last) ``weekday`` of a month."""
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = date(year, month, _calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def passover(year: int) -> date:
    """The first day of Passover (15 Nisan) in the Gregorian ``year``, by Gauss's Passover
    formula. The Hebrew calendar's other feasts are a fixed number of days from it (Rosh
    Hashanah 163 days later), because the months between have fixed lengths."""
    a = (12 * year + 12) % 19
    b = year % 4
    moon = 20.0955877 + 1.5542418 * a + 0.25 * b - 0.003177794 * year
    day = int(moon // 1)
    fraction = moon - day
    weekday = (day + 3 * year + 5 * b + 1) % 7
    # The postponement rules: Passover never falls on a Monday, Wednesday or Friday.
    if weekday in (2, 4, 6):
        day += 1
    elif weekday == 1 and a > 6 and fraction >= 0.63287037:
        day += 2
    elif weekday == 0 and a > 11 and fraction >= 0.89772376:
        day += 1
    # ``day`` counts from the first of March in the Julian calendar.
    julian_to_gregorian = year // 100 - year // 400 - 2
    return date(year, 3, 1) + timedelta(days=day - 1 + julian_to_gregorian)


def hijri_in_year(year: int, month: int, day: int) -> date | None:
    """The Gregorian date in ``year`` of ``day`` ``month`` of the Islamic calendar, by the
    arithmetic (tabular) calendar; None when none falls in that year. Observed dates follow
    the sighting of the moon and can differ from it by a day."""
    approximate = round((year - 622) * 33 / 32)
    for hijri_year in range(approximate - 2, approximate + 3):
        days = (day + math.ceil(29.5 * (month - 1)) + (hijri_year - 1) * 354
                + (3 + 11 * hijri_year) // 30)
        found = _HIJRI_EPOCH + timedelta(days=days - 1)
        if found.year == year:
            return found
    return None


#: 1 Muharram of year 1 in the arithmetic Islamic calendar (16 July 622, Julian).
_HIJRI_EPOCH = date(622, 7, 19)


def covering_value(low: date, high: date) -> str:
    """The finest TIMEX3 value whose period holds every day from ``low`` to ``high``."""
    if low == high:
        return low.isoformat()
    for grain in (Grain.WEEK, Grain.MONTH, Grain.QUARTER, Grain.YEAR, Grain.DECADE,
                  Grain.CENTURY):
        point = Point.of_day(low).at_grain(grain)
        first, last = point.bounds
        if first <= low and high <= last:
            return point.value
    return Point.of_day(low).at_grain(Grain.CENTURY).value
