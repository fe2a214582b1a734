"""Holidays and named days from ``data/holidays.yaml``: their names and their dates by year."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from dateline.timex.lexicon import LexiconError, holiday_table
from dateline.timex.points import easter, hijri_in_year, nth_weekday, passover

#: Feasts computed for any year, from which other holidays are counted in days.
_MOVABLE_FEASTS: dict[str, Callable[[int], date]] = {"easter": easter, "passover": passover}


@dataclass(frozen=True)
class Holiday:
    """One named day or period and how to find its dates in a given year."""

    names: tuple[str, ...]
    rule: dict[str, Any]

    def days(self, year: int) -> tuple[date, date] | None:
        """First and last day in ``year``, or None when the table does not cover that year."""
        rule = self.rule
        try:
            if "fixed" in rule:
                month, day = (int(p) for p in str(rule["fixed"]).split("-"))
                one = date(year, month, day)
                return one, one
            if "nth_weekday" in rule:
                month, weekday, nth = rule["nth_weekday"]
                one = nth_weekday(year, month, weekday, nth)
                one += timedelta(days=int(rule.get("offset_days", 0)))
                return one, one
            for feast, day_of in _MOVABLE_FEASTS.items():
                # Days counted from a computed feast: "easter: -2", "passover_span: [0, 6]".
                if feast in rule:
                    one = day_of(year) + timedelta(days=int(rule[feast]))
                    return one, one
                if f"{feast}_span" in rule:
                    first, last = rule[f"{feast}_span"]
                    anchor = day_of(year)
                    return anchor + timedelta(days=first), anchor + timedelta(days=last)
            if "dates" in rule:
                observed = rule["dates"].get(year)
                if observed is None:
                    return self._computed(year)
                month, day = (int(p) for p in str(observed).split("-"))
                one = date(year, month, day)
                return one, one
            if "span" in rule:
                pair = rule["span"].get(year)
                if pair is None:
                    return self._computed(year)
                first, last = (date(year, *(int(p) for p in str(d).split("-"))) for d in pair)
                return first, last
        except (TypeError, ValueError) as exc:
            raise LexiconError(
                f"src/dateline/timex/data/holidays.yaml: entry {self.names[0]!r} has a bad "
                f"rule ({exc}). Write dates as MM-DD and weekday rules as [month, weekday, n]."
            ) from exc
        return None


    def _computed(self, year: int) -> tuple[date, date] | None:
        """Outside its table of observed dates, an Islamic holiday's date by the arithmetic
        calendar (``hijri: [month, day]``, or ``hijri_month: N`` for the whole month), which
        the moon's sighting can move by a day; other lunar holidays have none."""
        rule = self.rule
        if "hijri" in rule:
            month, day = (int(p) for p in rule["hijri"])
            one = hijri_in_year(year, month, day)
            return (one, one) if one else None
        if "hijri_month" in rule:
            month = int(rule["hijri_month"])
            first = hijri_in_year(year, month, 1)
            following = hijri_in_year(year, month % 12 + 1, 1) if first else None
            if first is None or following is None or following < first:
                return None
            return first, following - timedelta(days=1)
        return None


@lru_cache(maxsize=1)
def holidays() -> dict[str, Holiday]:
    """Every holiday by each of its names, lower-cased."""
    table = holiday_table()
    by_name: dict[str, Holiday] = {}
    for section in table.values():
        for entry in section or []:
            names = tuple(str(n) for n in entry["names"])
            rule = {k: v for k, v in entry.items() if k != "names"}
            holiday = Holiday(names, rule)
            for name in names:
                by_name[name.lower()] = holiday
    return by_name
