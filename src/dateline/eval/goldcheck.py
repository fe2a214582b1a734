"""Check gold TIMEX3 annotation against its own words, before trusting a score made with it.

A gold value can be checked without any judgement where the expression spells out what the
value must say. ``check_timexes`` reports each gold timex whose value

- is not TIMEX3 syntax, or does not fit its type (a DURATION valued as a date, a DATE as a
  period);
- falls on another weekday than the one its text names ("Wednesday" valued 1999-02-09, a
  Tuesday);
- gives another month, day of the month or year than its text writes ("Sept. 27, 1989"
  valued 1989-11-27);
- measures another length than its text ("six months" valued P6D, "13 years" P12Y; equal
  lengths in other units, "24 hours" as P1D, pass).

Everything else (which Friday, which convention) needs a reader, and is left alone. ``check``
runs the checks over a folder of TimeML files or a standoff JSON-lines gold
(``dateline.eval.timeml.read_standoff``) and names the file and line of each finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from dateline.eval.timeml import read_timeml, standoff_rows, standoff_timex, timeml_files
from dateline.model import Timex
from dateline.timex.lexicon import alternation, lexicon


@dataclass(frozen=True)
class GoldProblem:
    """One gold timex whose value contradicts its own text (or TIMEX3 syntax)."""

    file: str
    line: int | None
    text: str
    type: str
    value: str
    problem: str

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.text!r} {self.type} {self.value}: {self.problem}"


# ----- TIMEX3 value syntax ----------------------------------------------------------------------
_YEAR = r"(?:(?:BC|FY)?\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX|\d{3}|\d{2}|\dX|XX|\d{2}X)"
_CALENDAR = (
    rf"{_YEAR}(?:-(?:\d{{2}}|XX)(?:-(?:\d{{2}}|XX))?"
    r"|-W(?:\d{2}|XX)(?:-(?:[1-7X]|WE))?"
    r"|-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI))?")
_CLOCK = r"T(?:\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)(?:Z|[+-]\d{2}(?::?\d{2})?)?"
_REFERENCE = r"PAST_REF|PRESENT_REF|FUTURE_REF"
_PERIOD = (r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|H|DE|CE|ML|WE|E|C|L|X))*"
           r"(?:T(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))+)?")
_POINT_VALUE = re.compile(rf"(?:{_CALENDAR}(?:{_CLOCK})?|{_CLOCK}|{_REFERENCE})")
_PERIOD_VALUE = re.compile(_PERIOD)


def _syntax_problem(kind: str, value: str) -> str | None:
    if value in ("", "P", "PT"):
        return "has no value"
    is_point = _POINT_VALUE.fullmatch(value) is not None
    is_period = _PERIOD_VALUE.fullmatch(value) is not None
    if not (is_point or is_period):
        return ("is not TIMEX3 syntax (dates are YYYY-MM-DD, weeks YYYY-Www with two digits, "
                "periods P3M)")
    if kind == "DURATION" and not is_period:
        return "is a DURATION valued as a point in time (a period is written P3M, PT5H)"
    if kind in ("DATE", "TIME") and not is_point:
        return f"is a {kind} valued as a period (a {kind} names a point or a stretch of calendar)"
    return None


# ----- what the words say -------------------------------------------------------------------
@dataclass(frozen=True)
class _Words:
    weekdays: re.Pattern[str]
    months: re.Pattern[str]
    day_after_month: re.Pattern[str]
    day_before_month: re.Pattern[str]
    amount: re.Pattern[str]


#: Length of one unit in days, to compare "24 hours" with P1D.
_DAYS = {"S": 1 / 86400, "TM": 1 / 1440, "H": 1 / 24, "D": 1.0, "W": 7.0, "WE": 2.0,
         "M": 30.44, "Q": 91.31, "Y": 365.25, "DE": 3652.5, "CE": 36525.0, "ML": 365250.0}


@lru_cache(maxsize=1)
def _the_words() -> _Words:
    lex = lexicon()
    # Full names, or an abbreviation with its period: "Sept." is a month, "sun" is not.
    weekdays = [w for w in lex.weekdays if len(w) > 4]
    months = [m for m in lex.months if len(m) > 3 and m != "sept"]
    abbreviations = [m for m in lex.months if m not in months]
    month = (rf"(?P<month>{alternation(months)}|(?:{alternation(abbreviations)})\.)")
    number = alternation(lex.numbers)
    units = alternation(lex.units)
    return _Words(
        weekdays=re.compile(rf"\b(?:{alternation(weekdays)}|"
                            rf"(?:{alternation(w for w in lex.weekdays if len(w) <= 4)})\.)"
                            r"(?!s\b)", re.I),
        months=re.compile(rf"\b{month}(?!\w)", re.I),
        day_after_month=re.compile(rf"\b{month}\s+(?P<day>\d{{1,2}})(?!\d|,\d)(?:st|nd|rd|th)?\b",
                                   re.I),
        day_before_month=re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}",
                                    re.I),
        amount=re.compile(
            rf"^(?:the\s+|a\s+|an\s+)?(?:(?:past|last|next|first|coming|previous|following|"
            rf"about|nearly|almost|some|over|more\s+than|less\s+than|at\s+least|at\s+most)\s+)*"
            rf"(?P<number>\d+(?:\.\d+)?|(?:{number})(?:[\s-]+(?:{number}))*)[\s-]+"
            rf"(?P<unit>{units})s?$", re.I))


def _one(found: set[int]) -> int | None:
    return next(iter(found)) if len(found) == 1 else None


#: A year written out; not a clock time ("1530 GMT", "at 1100 hours") or an amount.
_YEAR_WRITTEN = re.compile(
    r"(?<![\d'$.,:])(?<!\bat )(1[0-9]{3}|20[0-9]{2})(?![\d%s:]|\s*(?:GMT|UTC|[A-Z]{2,4}T\b|hours?"
    r"\b|hrs\b|h\b|local\b))")


def _calendar_problem(text: str, kind: str, value: str) -> str | None:
    """A DATE/TIME value at odds with a weekday, month, day or year written in its text."""
    if kind not in ("DATE", "TIME"):
        return None
    words, lex = _the_words(), lexicon()
    full = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    weekday = _one({lex.weekdays[m.group().rstrip(".").lower()]
                    for m in words.weekdays.finditer(text)})
    if full and weekday is not None:
        try:
            day = date(int(full[1]), int(full[2]), int(full[3]))
        except ValueError:
            return f"{full.group()} is not a day of the calendar"
        if day.weekday() != weekday:
            return f"{full.group()} is a {day:%A}, not the weekday the text names"
    month = _one({lex.months[m.group("month").rstrip(".").lower()]
                  for m in words.months.finditer(text)})
    in_value = re.match(r"\d{4}-(\d{2})(?!\d)", value)
    if month is not None and in_value and int(in_value[1]) != month:
        return f"the text names month {month:02d}, the value month {in_value[1]}"
    days = {int(m.group("day")) for pattern in (words.day_after_month, words.day_before_month)
            for m in pattern.finditer(text)}
    day_written = _one(days)
    if full and day_written is not None and int(full[3]) != day_written:
        return f"the text writes day {day_written}, the value day {full[3]}"
    if "fiscal" not in text.lower():  # (fiscal years are named either way)
        years = {int(y) for y in _YEAR_WRITTEN.findall(text)}
        year = _one(years)
        if year is not None and re.match(r"\d{4}", value) and int(value[:4]) != year:
            return f"the text writes {year}, the value {value[:4]}"
    return None


def _length_problem(text: str, kind: str, value: str) -> str | None:
    """A DURATION whose length differs from the amount and unit its text spells out."""
    if kind != "DURATION" or re.search(r"\b(?:or|to|and|between)\b", text, re.I):
        return None
    found = _the_words().amount.match(" ".join(text.split()))
    measured = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?)(DE|CE|ML|WE|[YMWDQHS])", value)
    if not found or not measured:
        return None
    amount = lexicon().number(found.group("number"))
    unit = lexicon().units.get(found.group("unit").lower())
    if amount is None or unit is None:
        return None
    code = "TM" if unit.get("time") and unit["code"] == "M" else unit["code"]
    said = amount * float(unit.get("factor", 1)) * _DAYS[code]
    value_code = "TM" if measured[1] and measured[3] == "M" else measured[3]
    valued = float(measured[2]) * _DAYS[value_code]
    if abs(said - valued) > 0.02 * said:
        return f"the text says {found.group('number')} {found.group('unit')}(s), the value {value}"
    return None


def check_timexes(timexes: list[Timex]) -> list[tuple[Timex, str]]:
    """Each gold timex whose value contradicts its text or TIMEX3 syntax, with the reason."""
    problems = []
    for timex in timexes:
        reason = (_syntax_problem(timex.type, timex.value)
                  or _calendar_problem(timex.text, timex.type, timex.value)
                  or _length_problem(timex.text, timex.type, timex.value))
        if reason:
            problems.append((timex, reason))
    return problems


# ----- over a gold standard ---------------------------------------------------------------------
def _timex_lines(source: str) -> list[int]:
    """The line of each TIMEX3 inside <TEXT>, in document order."""
    body = source.find("<TEXT")
    if body < 0:
        return []
    return [source.count("\n", 0, m.start()) + 1
            for m in re.compile(r"<TIMEX3\b").finditer(source, body)]


def _problems_in_timeml(root: Path) -> Iterator[GoldProblem]:
    for file in timeml_files(root):
        _, _, gold = read_timeml(file)
        gold.sort(key=lambda t: t.start)
        lines: list[int | None] = list(_timex_lines(file.read_text(encoding="utf-8")))
        if len(lines) != len(gold):  # (nested or unreadable tags: no line numbers)
            lines = [None] * len(gold)
        for timex, line in zip(gold, lines, strict=True):
            for _, reason in check_timexes([timex]):
                yield GoldProblem(str(file.relative_to(root)), line, timex.text, timex.type,
                                  timex.value, reason)


def _problems_in_standoff(path: Path, articles: Path) -> Iterator[GoldProblem]:
    texts: dict[str, str] = {}
    for number, row in standoff_rows(path):
        if "start" not in row:
            continue
        article = str(row["article"])
        if article not in texts:
            texts[article] = read_timeml(articles / article)[0]
        timex = standoff_timex(row, texts[article], path, number)
        for _, reason in check_timexes([timex]):
            yield GoldProblem(str(path), number, timex.text, timex.type, timex.value, reason)


def check(gold: str | Path, articles: str | Path | None = None) -> list[GoldProblem]:
    """Every gold timex under ``gold`` (a folder of TimeML, or a standoff JSON-lines file with
    the ``articles`` folder it points into) whose value contradicts its own words."""
    path = Path(gold)
    if path.is_dir():
        return list(_problems_in_timeml(path))
    if articles is None:
        raise ValueError("a standoff gold file needs the folder of its articles")
    return list(_problems_in_standoff(path, Path(articles)))
