"""From a recognised expression to its TIMEX3 type and value.

Each handler gets the regex match of one rule and the running ``Context`` of the document
(article date, the moving reference time, the tense of the clause) and returns zero or more
``Found`` expressions. Handlers run in document order, so that "the next day" can use the
date the previous sentence spoke of.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.timex.holidays import holidays
from dateline.timex.lexicon import alternation, lexicon
from dateline.timex.patterns import following_day
from dateline.timex.points import (
    Grain,
    Point,
    covering_value,
    safe_add_days,
    season_of,
    weekday_near,
)
from dateline.timex.tense import Tense, clause_tense, names_an_arrangement, parsed_verb_tense

if TYPE_CHECKING:  # spaCy is only needed when a parse is passed in
    from spacy.tokens import Doc, Token

#: The TIMEX3 value of a day that depends on something not yet known.
UNKNOWN_DAY = "XXXX-XX-XX"

_GRAIN_OF_UNIT = {
    "S": Grain.MINUTE, "M": Grain.MONTH, "H": Grain.MINUTE, "D": Grain.DAY, "W": Grain.WEEK,
    "WE": Grain.WEEKEND, "Q": Grain.QUARTER, "Y": Grain.YEAR, "DE": Grain.DECADE,
    "CE": Grain.CENTURY, "ML": Grain.CENTURY,
}

_MOD_OF = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the first half of": "START", "late": "END", "the end of": "END", "the close of": "END",
    "the second half of": "END", "the latter half of": "END", "the last half of": "END",
    "mid": "MID", "the middle of": "MID", "the turn of": "START", "around": "APPROX",
    "about": "APPROX", "approximately": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "more than": "MORE_THAN", "less than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
}


@dataclass(slots=True)
class Found:
    """One normalised expression, before it becomes a ``Timex``."""

    start: int
    end: int
    type: str
    value: str
    point: Point | None = None
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    anchor: str | None = None
    #: For expressions anchored on an event: the anchoring noun phrase and the offset.
    anchor_np: tuple[int, int] | None = None
    offset: tuple[int, Grain] | None = None
    #: "the day before", "the week after" with no noun phrase: the offset, which counts from
    #: a date named right after it ("the day before last Tuesday") when there is one.
    offset_from_next: tuple[int, Grain] | None = None
    #: False for expressions that must not move the reference time (durations, sets).
    moves_reference: bool = True


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”)]*\s+[\"“(]?[A-Z]|\n\s*\n")
_APPOSITION = re.compile(r"\s*(?:,|--|—|–)\s*")
#: A month written out (or in figures) in a date: "October 21, 1987", "Oct. 21", "21/10".
_MONTH_WRITTEN = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s|\d/\d")


@dataclass
class Context:
    """What normalisation knows while it walks a document: the article date, the moving
    reference time (the last date spoken of) and the quarter under discussion."""

    text: str
    dct: date
    doc: Doc | None = None
    quarter: Point | None = None
    #: Set when an earnings report turns from its quarter to the months of the year so far
    #: ("For the nine months, net was ..."); a later quarter turns it back.
    year_to_date: bool = False
    #: Start offset of the timex that set the reference time; None while it is the DCT.
    reference_from: int | None = None
    #: Its end offset.
    reference_to: int | None = None
    #: Set when a handler reads the reference time, so that its result can say so.
    reference_read: bool = False
    _reference: Point = field(init=False)

    def __post_init__(self) -> None:
        self._reference = Point.of_day(self.dct)

    @property
    def reference(self) -> Point:
        self.reference_read = True
        return self._reference

    def move_reference(self, point: Point, start: int, end: int) -> None:
        self._reference = point
        self.reference_from = start
        self.reference_to = end

    def restated_day(self, start: int) -> Point | None:
        """The day an expression at ``start`` restates, set off after it by a comma or a
        dash: "on Thursday -- the day after police found the bodies", "Oct. 12, the day
        before the plunge"."""
        if self.reference_to is None or self._reference.grain < Grain.DAY:
            return None
        between = self.text[self.reference_to:start]
        return self._reference if _APPOSITION.fullmatch(between) else None

    @property
    def compared_quarter(self) -> Point | None:
        """The quarter a comparison ("a year earlier", "the year-ago period") repeats: the one
        under discussion, unless the report has moved on to the year so far, whose
        comparison is the year before."""
        return None if self.year_to_date else self.quarter

    @property
    def today(self) -> Point:
        return Point.of_day(self.dct)

    def tense(self, start: int, end: int) -> Tense | None:
        return clause_tense(self.text, start, end, self.doc)

    def parsed_tense(self, start: int, end: int) -> Tense | None:
        """The tense of the verb the parse hangs the expression on, when it has a plain one
        ("was ousted in June", "will meet in June"); None without a parse."""
        return parsed_verb_tense(self.doc, start, end) if self.doc is not None else None

    def narrative_reference(self, start: int) -> Point:
        """The time spoken of, as a bare clock time or "the end of the month" at ``start``
        takes it: the time last spoken of in its own sentence; from an earlier sentence (of
        this paragraph or the one before) only a past date written out, the anchor of a
        narrative ("On October 21, 1987, the market fell. At 10 a.m., ..."); else the
        article's date ("Markets will be closed on Tuesday. The bond market will close
        early, at 2 p.m." is today; "In December 2010 ... Milder air could return by the end
        of the month" is this month)."""
        since = self.reference_from
        if since is None or self.reference_to is None:
            return self.reference
        if len(_PARAGRAPH_BREAK.findall(self.text, since, start)) > 1:
            return self.today
        if _SENTENCE_BREAK.search(self.text, self.reference_to, start) and not (
                self._reference.grain >= Grain.DAY and self._reference.day <= self.dct
                and _MONTH_WRITTEN.search(self.text, since, self.reference_to)):
            return self.today
        return self.reference

    def day_of_clock(self, start: int) -> date:
        """The day a bare clock time or part of the day at ``start`` is on (see
        ``narrative_reference``)."""
        reference = self.narrative_reference(start)
        return reference.day if reference.grain >= Grain.DAY else self.dct

    def reference_day(self) -> date:
        """The day "the next day" counts from: the last day spoken of, else the article date."""
        reference = self.reference
        if reference.grain >= Grain.DAY:
            return reference.day
        return self.dct


Handler = Callable[[re.Match[str], Context], list[Found]]
HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[name] = function
        return function
    return register


# ----- helpers -------------------------------------------------------------------------------
def _span(match: re.Match[str]) -> tuple[int, int]:
    if "t" in match.re.groupindex and match.group("t") is not None:
        return match.span("t")
    return match.span()


def _mod(match: re.Match[str]) -> str | None:
    if "mod" not in match.re.groupindex or not match.group("mod"):
        return None
    return _MOD_OF.get(" ".join(match.group("mod").lower().split()))


def date_found(start: int, end: int, point: Point, mod: str | None = None,
                type_: str | None = None) -> Found:
    first, last = point.bounds
    wide = point.grain < Grain.DAY
    return Found(
        start, end, type_ or ("TIME" if point.grain > Grain.DAY else "DATE"), point.value,
        point=point, mod=mod,
        earliest=first.isoformat() if wide else None,
        latest=last.isoformat() if wide else None,
    )


def _month_number(word: str) -> int | None:
    return lexicon().months.get(word.lower().rstrip("."))


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _year_of(two_digits: str, dct: date) -> int:
    """A two-digit year read in the century that puts it nearest the article date."""
    value = int(two_digits)
    century = dct.year - dct.year % 100
    candidates = (century - 100 + value, century + value, century + 100 + value)
    return min(candidates, key=lambda y: abs(y - dct.year))


def _direction(tense: Tense | None) -> int:
    return {"PAST": -1, "FUTURE": 1}.get(tense or "", 0)


def _year_said(ctx: Context, word: str) -> int:
    """The year "last year", "this year", "next year" names (the article's for any other
    word: "the year")."""
    return ctx.dct.year + {"last": -1, "next": 1}.get(word.lower(), 0)


def _year_for(month: int, day: int | None, ctx: Context, start: int, end: int) -> int:
    """The year of a month (and day) written without one."""
    def gap(year: int) -> int | None:
        try:
            there = date(year, month, day or 15)
        except ValueError:
            there = date(year, month, 28)
        return (there - ctx.dct).days
    # A date up to six weeks (a month up to three months) on the wrong side of the article
    # date is more likely a tense misread than a year away: lexical tense cues are noisy,
    # and on TimeBank tighter margins lose more than they win.
    return _nearest_year(gap, ctx, start, end, margin=45 if day is not None else 92)


def _nearest_year(gap: Callable[[int], int | None], ctx: Context, start: int, end: int,
                  margin: int) -> int:
    """The year in which something that recurs yearly (a month, a day, a holiday) is meant.

    ``gap(year)`` is how many days that year's occurrence lies after the article date (None
    if it has none). The occurrence nearest the article date wins; the tense of the clause
    overrules it only when the nearest one lies more than ``margin`` days on the wrong side
    (a past-tense "in May" written in January is last May), because a near date is rarely
    wrong while tense cues often are.
    """
    dct = ctx.dct
    years = tuple(y for y in (dct.year - 1, dct.year, dct.year + 1)
                  if 1 <= y <= 9999 and gap(y) is not None)
    if not years:
        return dct.year
    direction = _direction(ctx.tense(start, end))
    if ctx.doc is not None and names_an_arrangement(ctx.doc, start, end):
        # "China blocked a trip scheduled for June 7": the clause's past is not the trip's.
        direction = 0
    # Without a cue, news more often recalls than announces: a date ahead must be twice as
    # near as one behind to win.
    ahead_weight = 2 if direction == 0 else 1

    def distance(year: int) -> int:
        days = gap(year) or 0
        return days * ahead_weight if days > 0 else -days

    nearest = min(years, key=lambda y: (distance(y), -y))
    nearest_gap = gap(nearest) or 0
    if direction != 0 and _direction(ctx.parsed_tense(start, end)) == direction:
        # The verb the date hangs on has that tense itself: a surer cue than a word nearby.
        margin = min(margin, 45)
    if direction < 0 and nearest_gap > margin and nearest - 1 in years:
        return nearest - 1
    if direction > 0 and nearest_gap < -margin and nearest + 1 in years:
        return nearest + 1
    return nearest


def _quantity(words: str | None) -> float | None:
    if words is None:
        return None
    cleaned = " ".join(words.lower().split())
    if cleaned in ("a", "an", "one"):
        return 1
    if cleaned in ("a half", "half a", "half an"):
        return 0.5
    if cleaned in ("a couple of", "couple of"):
        return 2
    fraction = re.fullmatch(r"(\d+)\s+1/2", cleaned)
    if fraction:
        return int(fraction.group(1)) + 0.5
    half = cleaned.endswith(" and a half")
    if half:
        cleaned = cleaned[: -len(" and a half")]
    value = lexicon().number(cleaned)
    if value is None:
        return None
    return value + 0.5 if half else value


def _unit_code(word: str) -> tuple[str, bool, int]:
    """TIMEX3 unit code, whether it is a time unit, and a multiplier, for a unit word."""
    lowered = word.lower()
    singular = {"centuries": "century", "millennia": "millennium"}.get(lowered)
    if singular is None:
        singular = lowered[:-1] if lowered.endswith("s") and lowered[:-1] in lexicon().units \
            else lowered
    info = lexicon().units.get(singular, {"code": "D"})
    return str(info["code"]), bool(info.get("time", False)), int(info.get("factor", 1))


#: For a fractional amount: the next smaller unit, how many of it make one, and whether
#: it is written after "T".
_SMALLER = {("Y", False): ("M", 12, False), ("M", False): ("D", 30, False),
            ("W", False): ("D", 7, False), ("D", False): ("H", 24, True),
            ("H", True): ("M", 60, True), ("M", True): ("S", 60, True),
            ("DE", False): ("Y", 10, False), ("CE", False): ("Y", 100, False),
            ("Q", False): ("M", 3, False)}


def duration_value(amount: float | None, code: str, is_time: bool) -> str:
    """A TIMEX3 duration: ``P3Y``, ``PT30M``, ``P2Y6M``; ``PXM`` when the amount is vague."""
    if code == "WE":
        code, is_time = "D", False
        amount = None if amount is None else amount * 2
    if amount is None:
        return f"PTX{code}" if is_time else f"PX{code}"
    whole = int(amount)
    if amount == whole:
        return f"PT{whole}{code}" if is_time else f"P{whole}{code}"
    if (code, is_time) not in _SMALLER:
        return f"PT{amount:g}{code}" if is_time else f"P{amount:g}{code}"
    smaller, factor, smaller_is_time = _SMALLER[(code, is_time)]
    rest = round((amount - whole) * factor)
    head = f"{whole}{code}" if whole else ""
    tail = f"{rest}{smaller}"
    if is_time:
        return f"PT{head}{tail}"
    if smaller_is_time:
        return f"P{head}T{tail}"
    return f"P{head}{tail}"


def _duration_found(start: int, end: int, amount: float | None, unit: str,
                   mod: str | None = None) -> Found:
    """A DURATION of ``amount`` ``unit`` words ("three days" P3D), vague when the amount is
    None ("days" PXD)."""
    code, is_time, factor = _unit_code(unit)
    value = duration_value(None if amount is None else amount * factor, code, is_time)
    return Found(start, end, "DURATION", value, mod=mod, moves_reference=False)


# ----- calendar dates -------------------------------------------------------------------------
@handler("iso_date")
def _iso_date(match: re.Match[str], ctx: Context) -> list[Found]:
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return []
    if match["hh"]:
        point = Point(day, Grain.MINUTE, clock=f"{match['hh']}:{match['mi']}")
        return [date_found(*match.span(), point, type_="TIME")]
    return [date_found(*match.span(), Point.of_day(day))]


@handler("slash_date")
def _slash_date(match: re.Match[str], ctx: Context) -> list[Found]:
    year = int(match["y"])
    if year < 100:
        year = _year_of(match["y"], ctx.dct)
    try:
        day = date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        return []
    return [date_found(*match.span(), Point.of_day(day))]


def _capitalised_month(match: re.Match[str]) -> bool:
    word = match["mon"]
    return word[:1].isupper()


@handler("month_day")
def _month_day(match: re.Match[str], ctx: Context) -> list[Found]:
    if not _capitalised_month(match):
        return []
    month = _month_number(match["mon"])
    if month is None:
        return []
    first = _day_number(match["d"])
    if match["y"]:
        year = int(match["y"])
    elif match["yy"]:
        year = _year_of(match["yy"], ctx.dct)
    elif match["ry"]:
        year = _year_said(ctx, match["ry"])
    else:
        year = None
    found: list[Found] = []
    start, end = match.span()
    rel = (match["rel"] or "").lower()
    if rel:
        start = match.start("mon") if not match["mod"] else match.start("mod")
    second = _day_number(match["d2"]) if match["d2"] else None
    if second is not None and not (first < second <= 31):
        return []
    if second is not None:
        end = match.end("d")
    if year is None and rel in ("last", "past"):
        year = ctx.dct.year if (month, first) < (ctx.dct.month, ctx.dct.day) else ctx.dct.year - 1
    elif year is None and rel in ("next", "coming"):
        year = ctx.dct.year if (month, first) > (ctx.dct.month, ctx.dct.day) else ctx.dct.year + 1
    elif year is None and rel == "this":
        year = ctx.dct.year
    if year is None:
        year = _year_for(month, first, ctx, start, end)
    try:
        day = date(year, month, first)
    except ValueError:
        return []
    found.append(date_found(start, end, Point.of_day(day), _mod(match)))
    if second is not None:
        try:
            last = date(year, month, second)
        except ValueError:
            return found
        found.append(date_found(match.start("d2"), match.end("d2"), Point.of_day(last)))
        if match["y"]:
            # "March 3 and 5, 1998": the year belongs to both days; give it to the second.
            found[-1].end = match.end()
    return found


def _named_day(match: re.Match[str], ctx: Context, start: int, end: int) -> date | None:
    """The calendar day a "March 6" / "6 March [1998]" match names: the year written, else
    the one the context implies; None when the month is lower case or the day impossible."""
    if not _capitalised_month(match):
        return None
    month = _month_number(match["mon"])
    if month is None:
        return None
    number = _day_number(match["d"])
    if match["y"]:
        year = int(match["y"])
    elif "ry" in match.re.groupindex and match["ry"]:
        year = _year_said(ctx, match["ry"])
    else:
        year = _year_for(month, number, ctx, start, end)
    try:
        return date(year, month, number)
    except ValueError:
        return None


@handler("day_month")
def _day_month(match: re.Match[str], ctx: Context) -> list[Found]:
    start, end = match.span()
    day = _named_day(match, ctx, start, end)
    return [date_found(start, end, Point.of_day(day))] if day else []


@handler("week_of")
def _week_of(match: re.Match[str], ctx: Context) -> list[Found]:
    """"the week of March 6": the calendar week that holds the day."""
    start, end = _span(match)
    day = _named_day(match, ctx, start, end)
    return [date_found(start, end, Point.of_week(day))] if day else []


_NTH_WEEK = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


@handler("nth_week_of")
def _nth_week_of(match: re.Match[str], ctx: Context) -> list[Found]:
    """"the first week of March": days 1 to 7 of the month, valued as the ISO week that
    holds most of them (the one holding the 4th), with the seven days as bounds."""
    if not _capitalised_month(match):
        return []
    month = _month_number(match["mon"])
    if month is None:
        return []
    start, end = _span(match)
    year = int(match["y"]) if match["y"] else _year_for(month, None, ctx, start, end)
    first_of_month, last_of_month = Point.of_month(year, month).bounds
    nth = _NTH_WEEK[match["nth"].lower()]
    if nth > 0:
        first = first_of_month.replace(day=7 * (nth - 1) + 1)
        last = first.replace(day=first.day + 6)
    else:
        last = last_of_month
        first = last.replace(day=last.day - 6)
    middle = first.replace(day=first.day + 3)
    found = date_found(start, end, Point.of_week(middle))
    found.earliest, found.latest = first.isoformat(), last.isoformat()
    return [found]


@handler("ordinal_day")
def _ordinal_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """"on the 15th": that day of the month last spoken of, else of the article's month or
    the month next to it that the tense of the clause points to."""
    start, end = _span(match)
    number = _day_number(match["d"])
    reference = ctx.reference
    if ctx.reference_from is not None and Grain.MONTH <= reference.grain:
        months = [(reference.day.year, reference.day.month)]
    else:
        ctx.reference_read = False
        dct = ctx.dct
        this_month = Point.of_month(dct.year, dct.month)
        months = [(p.day.year, p.day.month) for p in (
            this_month.shift(-1), this_month, this_month.shift(1))]
    candidates = []
    for year, month in months:
        try:
            candidates.append(date(year, month, number))
        except ValueError:
            continue
    if not candidates:
        return []
    if len(candidates) == 1:
        return [date_found(start, end, Point.of_day(candidates[0]))]
    direction = _direction(ctx.tense(start, end))
    if direction < 0:
        candidates = [day for day in candidates if day <= ctx.dct] or candidates
    elif direction > 0:
        candidates = [day for day in candidates if day >= ctx.dct] or candidates
    day = min(candidates, key=lambda d: abs((d - ctx.dct).days))
    return [date_found(start, end, Point.of_day(day))]


@handler("month_year")
def _month_year(match: re.Match[str], ctx: Context) -> list[Found]:
    if not _capitalised_month(match):
        return []
    month = _month_number(match["mon"])
    if month is None:
        return []
    return [date_found(*match.span(), Point.of_month(int(match["y"]), month), _mod(match))]


@handler("month_rel_year")
def _month_rel_year(match: re.Match[str], ctx: Context) -> list[Found]:
    if not _capitalised_month(match):
        return []
    month = _month_number(match["mon"])
    if month is None:
        return []
    rel = " ".join(match["ry"].lower().split())
    if rel in ("that", "the same"):
        year = ctx.reference.day.year
    elif rel in ("the following", "the previous"):
        year = ctx.reference.day.year + (1 if rel == "the following" else -1)
    else:
        year = _year_said(ctx, rel)
    return [date_found(*match.span(), Point.of_month(year, month), _mod(match))]


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|of|before|after|to|last|next|this|"
    r"early|late|mid|between|and|or|each|every|that|as\s+of|the\s+end\s+of)\s*-?|[(,])\s*$",
    re.I,
)


#: Before a month name, context that a listed person's first name shares: a comma, "and".
_NAME_CONTEXT = re.compile(r"(?:[(,]|\b(?:and|or))\s*$", re.I)
_CAPITALISED_WORD = re.compile(r"\s+[A-Z][a-z]+\b")
_DAY_AFTER = re.compile(r"\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w:%]|[.,]\d)")


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
_NOT_NOUNS = frozenset({"of", "on", "in", "to", "at", "for", "and", "or", "is", "was", "has",
                        "had", "will", "would", "said", "says"})


def _dates_the_noun_after(text: str, before: str, end: int) -> bool:
    """"the March surplus", "the May meeting": a month dating the noun after it (not "the
    May government", whose May is a person)."""
    following = _NOUN_AFTER.match(text, end)
    return bool(_THE_BEFORE.search(before)) and following is not None \
        and following.group(1) not in _NOT_NOUNS \
        and following.group(1) not in lexicon().roles_and_bodies


@handler("month")
def _month(match: re.Match[str], ctx: Context) -> list[Found]:
    word = match["mon"]
    if not word[:1].isupper():
        return []
    key = word.lower().rstrip(".")
    month = _month_number(word)
    if month is None:
        return []
    start, end = match.span()
    rel = " ".join((match["rel"] or "").lower().split())
    mod = _mod(match)
    if key in lexicon().ambiguous_months and not rel and not mod:
        before = ctx.text[max(0, start - 16):start]
        if not (_MONTH_CONTEXT.search(before) or _dates_the_noun_after(ctx.text, before, end)):
            return []
        if _NAME_CONTEXT.search(before) and _CAPITALISED_WORD.match(ctx.text, end):
            # "the Czech foreign minister, Jan Kavan": a first name, not a month.
            return []
        if key == "may" and re.match(r"\s+(?:be|have|not|also|well|still|never|need)\b",
                                     ctx.text[end:end + 8]):
            return []
        if word.isupper() and re.match(r"\s+[A-Z]{2,}\b", ctx.text[end:end + 12]):
            return []  # "THIS COPY MAY NOT BE IN ITS FINAL FORM": a line in capitals
    if rel and _DAY_AFTER.match(ctx.text, end):
        # "last Oct. 23" names a day: the month-and-day rule tags it.
        return []
    dct = ctx.dct
    if rel in ("last", "past", "previous", "the previous", "the last", "the past"):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in ("next", "coming", "the coming", "the next", "following", "the following"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel in ("this", "the current", "current"):
        year = dct.year
    elif rel in ("that", "the same", "same"):
        year = ctx.reference.day.year
    else:
        year = _year_for(month, None, ctx, start, end)
    return [date_found(start, end, Point.of_month(year, month), mod)]


@handler("year_range")
def _year_range(match: re.Match[str], ctx: Context) -> list[Found]:
    first = int(match["y"])
    tail = match["y2"]
    second = int(tail) if len(tail) == 4 else (first - first % 100) + int(tail)
    if not first < second <= first + 100:
        return []
    return [
        date_found(match.start("y"), match.end("y"), Point.of_year(first)),
        date_found(match.start("y2"), match.end("y2"), Point.of_year(second)),
    ]


#: A capitalised word inside a sentence, right before a year: "Euro 2024", "Vision 2030".
_NAME_BEFORE_YEAR = re.compile(r"(?<=[a-z,;:] )(?P<w>[A-Z][A-Za-z]+) $")
#: A headline's label at the start of a line: "Election 2015: Conservatives win majority".
_LABEL_BEFORE_YEAR = re.compile(r"(?:^|\n)\s*(?P<w>[A-Z][A-Za-z]+) $")


def _names_an_edition(text: str, start: int) -> bool:
    """Whether a year is part of a name ("Euro 2024", "Vision 2030", "the Paris 2024
    organisers"), which TimeML leaves untagged: it follows a capitalised word inside a
    sentence that is not itself a time word (a month, a weekday, a holiday, "Spring")."""
    match = _NAME_BEFORE_YEAR.search(text, max(0, start - 30), start) or \
        _LABEL_BEFORE_YEAR.search(text, max(0, start - 30), start)
    if match is None:
        return False
    if match.re is _LABEL_BEFORE_YEAR and not text.startswith(":", start + 4):
        return False
    word = match["w"].lower()
    lex = lexicon()
    return not (word in lex.weekdays or _month_number(word) is not None
                or word in lex.seasons or word in _WORDS_BEFORE_A_PLAIN_YEAR
                or holidays().get(word) is not None)


#: Capitalised words before a year that do not make it part of a name: "Fiscal 2024", and a
#: headline's capitalised prepositions ("Signals Cuts In 2024", "Toughest Race Since 2003").
_WORDS_BEFORE_A_PLAIN_YEAR = frozenset({
    "fiscal", "fy", "year", "class", "calendar", "in", "since", "by", "from", "until", "till",
    "to", "before", "after", "of", "at", "on", "for", "during", "through", "between",
    "around", "about", "and", "or", "than", "as", "mid", "early", "late", "end", "start",
    "beginning", "spring", "summer", "autumn", "fall", "winter"})


@handler("year")
def _year(match: re.Match[str], ctx: Context) -> list[Found]:
    year = int(match["y"])
    start, end = match.span()
    pre = (match["pre"] or "").strip().lower()
    # A bare four-digit number far from the article date is more often a count or a model
    # number than a year; words like "fiscal" or "in" vouch for it.
    if not pre and not match["mod"] and abs(year - ctx.dct.year) > 60:
        before = ctx.text[max(0, start - 12):start].lower()
        if not re.search(r"\b(?:in|since|of|from|until|by|to|before|after|year)\s*$", before):
            return []
    if not pre and not match["mod"] and _names_an_edition(ctx.text, start):
        return []
    if pre == "the":
        # "the 1988 period" keeps the article; "the 1990" alone is odd: keep the year only.
        start = match.start("y") if not match["mod"] else start
    half = " ".join((match["mod"] or "").lower().split())
    if half in ("the first half of", "the second half of", "the latter half of",
                "the last half of"):
        number = 1 if half == "the first half of" else 2
        return [date_found(start, end, Point.of_half(year, number))]
    return [date_found(start, end, Point.of_year(year), _mod(match))]


@handler("fiscal_short")
def _fiscal_short(match: re.Match[str], ctx: Context) -> list[Found]:
    return [date_found(*match.span(), Point.of_year(_year_of(match["yy"], ctx.dct)))]


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


@handler("decade")
def _decade(match: re.Match[str], ctx: Context) -> list[Found]:
    if match["c"]:
        year = int(match["c"]) * 100 + int(match["dd"]) * 10
        if int(match["dd"]) == 0 and not match["mod"]:
            # "the 1900s" names the century far more often than its first decade.
            point = Point.of_century(year)
            return [date_found(*match.span(), point)]
    else:
        digit = int(match["dd2"]) if match["dd2"] else _DECADE_WORDS[match["dw"].lower()]
        century = ctx.dct.year - ctx.dct.year % 100
        year = century + digit * 10
        if year > ctx.dct.year:
            year -= 100
    return [date_found(*match.span(), Point.of_decade(year), _mod(match))]


@handler("century")
def _century(match: re.Match[str], ctx: Context) -> list[Found]:
    number = int(match["cn"]) if match["cn"] else lexicon().ordinals[match["co"].lower()]
    if not 1 <= number <= 30:
        return []
    return [date_found(*match.span(), Point.of_century((number - 1) * 100), _mod(match))]


_NEXT_WORDS = ("next", "coming", "the next", "the coming", "following", "the following")
_LAST_WORDS = ("last", "past", "previous", "the previous", "the last", "the past",
               "the preceding", "the prior")


@handler("this_century")
def _this_century(match: re.Match[str], ctx: Context) -> list[Found]:
    unit = match["unit"].lower()
    rel = " ".join(match["rel"].lower().split())
    grain = {"century": Grain.CENTURY, "decade": Grain.DECADE}.get(unit, Grain.CENTURY)
    if rel in ("the past", "the last", "the next", "the coming", "past"):
        years = {"century": 100, "decade": 10}.get(unit, 1000)
        return [Found(*match.span(), "DURATION", f"P{years}Y", moves_reference=False)]
    point = ctx.today.at_grain(grain)
    if rel in _NEXT_WORDS:
        point = point.shift(1)
    elif rel in _LAST_WORDS:
        point = point.shift(-1)
    return [date_found(*match.span(), point, _mod(match))]


# ----- weekdays and days relative to the article ---------------------------------------------
def _part_point(day: date, pod: str | None) -> Point:
    if not pod:
        return Point.of_day(day)
    code = lexicon().parts_of_day.get(pod.lower(), "NI")
    return Point(day, Grain.PART_OF_DAY, part=code)


@handler("weekday")
def _weekday(match: re.Match[str], ctx: Context) -> list[Found]:
    weekday = lexicon().weekdays.get(match["wd"].lower().rstrip("."))
    if weekday is None:
        return []
    start, end = match.span()
    written = " ".join((match["rel"] or "").lower().split())
    # "early on Sunday" is "early Sunday".
    rel = written.removesuffix(" on")
    if written in ("early on", "late on") and _modifies_the_verb_before(ctx, start):
        # "stores will close early on Tuesday": "early" is when they close, not part of the
        # day; the day alone is the expression ("was published late Monday" keeps it).
        rel, start = "", match.start("wd")
    dct = ctx.dct
    if rel in ("the following", "the next"):
        # Counted from the day last spoken of: "On March 3 ... the following Monday".
        day = weekday_near(safe_add_days(ctx.reference_day(), 1), weekday, 1)
    elif rel in ("the previous", "the preceding"):
        day = weekday_near(safe_add_days(ctx.reference_day(), -1), weekday, -1)
    elif rel in ("last", "past", "previous"):
        day = weekday_near(safe_add_days(dct, -1), weekday, -1)
    elif rel in ("next", "coming", "following"):
        day = weekday_near(safe_add_days(dct, 1), weekday, 1)
    elif rel == "this":
        day = weekday_near(dct, weekday, _direction(ctx.tense(start, end)) or 0)
    else:
        if rel in ("earlier", "later"):
            # "Earlier Sunday": a signal relating the day to what came before, not part of
            # the TIMEX3 extent; "early Sunday" is (with mod START).
            start = match.start("wd")
        # News names the weekday of the last seven days for what happened, of the next seven
        # for what is coming; without a cue the report most likely looks back.
        if not rel and _POSSESSIVE.match(ctx.text, end) \
                and ctx.parsed_tense(start, end) != "FUTURE":
            # (Unless the clause looks ahead: "will look ahead to Friday's report".)
            day = _nearest_weekday(dct, weekday)
        else:
            direction = -1 if rel == "earlier" else _direction(ctx.tense(start, end)) or -1
            day = weekday_near(dct, weekday, direction)
    # "Friday night" is a TIME with the part of the day (2000-01-07TNI), as the TimeML
    # guidelines value it.
    mod = {"early": "START", "late": "END"}.get(rel)
    return [date_found(start, end, _part_point(day, match["pod"]), mod)]


_POSSESSIVE = re.compile(r"['’]s\b")


def _nearest_weekday(dct: date, weekday: int) -> date:
    """The day meant by "Thursday's elections", "Tuesday's ruling": a day naming an event,
    whatever the tense of the clause around it. The nearer occurrence, a day ahead counting
    double as elsewhere (news recalls more than it announces)."""
    back = weekday_near(dct, weekday, -1)
    ahead = weekday_near(dct, weekday, 1)
    return ahead if 2 * (ahead - dct).days < (dct - back).days else back


def _modifies_the_verb_before(ctx: Context, start: int) -> bool:
    """Whether the word at ``start`` ("early", "late") is an adverb of the verb right before
    it ("close early"), by the parse; without one, no."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = ctx.doc[span.start - 1]
    return before.pos_ in ("VERB", "AUX") and before.dep_ != "aux"


@handler("weekday_plural")
def _weekday_plural(match: re.Match[str], ctx: Context) -> list[Found]:
    weekday = lexicon().weekdays[match["wd"].lower()]
    start = match.start("wd")
    part = (match["pods"] or match["podn"] or "").lower()
    time = f"T{lexicon().parts_of_day[part]}" if part else ""
    return [Found(start, match.end("t"), "SET", f"XXXX-WXX-{weekday + 1}{time}",
                  moves_reference=False)]


_RELATIVE_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}


#: A capitalised word right before, on the same line: "VOA Today", "High Noon".
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w&'-]*[ \t]+$")


def _names_a_work(text: str, start: int, end: int) -> bool:
    """Whether a common time word is capitalised as part of a name (a programme, film or
    paper: "This Week", "VOA Today", "High Noon"), which TimeML does not annotate: every
    word of a phrase capitalised, or one word capitalised after a capitalised word."""
    words = text[start:end].split()
    # Title case only: a text in capitals ("TALKS RESUME NEXT WEEK") names no work.
    if not words or not all(w.istitle() for w in words):
        return False
    if len(words) > 1:
        return True
    return bool(_CAPITALISED_BEFORE.search(text, max(0, start - 30), start))


@handler("relative_day")
def _relative_day(match: re.Match[str], ctx: Context) -> list[Found]:
    if _names_a_work(ctx.text, match.start("w"), match.end("w")):
        return []
    word = " ".join(match["w"].lower().split())
    day = safe_add_days(ctx.dct, _RELATIVE_DAY[word])
    pod = match["pod"] or ("night" if word == "tonight" else None)
    # "late yesterday" keeps its modifier (mod END); "later today" does not: "later" is a
    # signal, not part of the expression.
    early = (match["early"] or "").lower()
    start = match.start("w") if early in ("earlier", "later") else match.start()
    mod = {"early": "START", "late": "END"}.get((match["early"] or "").lower())
    return [date_found(start, match.end(), _part_point(day, pod), mod)]


@handler("overnight")
def _overnight(match: re.Match[str], ctx: Context) -> list[Found]:
    """The night before the day spoken of ("Israel said on Sunday it intercepted drones
    overnight"), or that day's coming night in a clause about what is ahead."""
    start, end = match.span("t")
    if _AN_BEFORE.search(ctx.text, max(0, start - 4), start):
        return []  # "an overnight success", "an overnight sensation": the idiom, no night
    future = ctx.tense(start, end) == "FUTURE"
    day = ctx.reference_day()
    following = _DAY_LATER_IN_SENTENCE.match(ctx.text, end)
    if following is not None:
        # "arrested more teachers overnight and deployed police Wednesday", "overnight
        # Tuesday to Wednesday": the night before the day the sentence goes on to name.
        day = _day_named_or_current(following["day"], ctx, start, end)
    if not future or following is not None:
        day = safe_add_days(day, -1)
    found = date_found(start, end, _part_point(day, "night"))
    # A night glimpsed in passing: "later that day" still means the day spoken of.
    found.moves_reference = False
    return [found]


#: The day named after "overnight" in the same sentence, close by: the second of "overnight
#: Tuesday to Wednesday", else the first.
_DAY_LATER_IN_SENTENCE = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"\s+(?:to|into)\s+|[^.;!?\n]{0,60}?\b)"
    r"(?P<day>today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")

#: "the overnight strikes" is a night; "an overnight success" is the idiom.
_AN_BEFORE = re.compile(r"\ban\s+$", re.I)


@handler("this_part")
def _this_part(match: re.Match[str], ctx: Context) -> list[Found]:
    rel = " ".join(match["rel"].lower().split()).split()[-1]
    pod = match["pod"].lower()
    if rel == "that":
        day = ctx.reference_day()
    elif rel == "yesterday" or (rel == "last" and pod in ("night", "evening")):
        day = safe_add_days(ctx.dct, -1)
    elif rel == "tomorrow":
        day = safe_add_days(ctx.dct, 1)
    elif rel == "last":
        return []
    else:
        day = ctx.dct
    start = match.start()
    if match["rel"].lower().startswith(("early", "late", "later", "earlier")):
        start = match.start("rel") + match["rel"].lower().find(rel)
    return [date_found(start, match.end(), _part_point(day, pod))]


_UNIT_GRAIN = {"day": Grain.DAY, "night": Grain.DAY, "morning": Grain.DAY,
               "afternoon": Grain.DAY, "evening": Grain.DAY, "week": Grain.WEEK,
               "weekend": Grain.WEEKEND, "month": Grain.MONTH, "year": Grain.YEAR,
               "quarter": Grain.QUARTER, "decade": Grain.DECADE, "century": Grain.CENTURY}


def _reference_at(ctx: Context, grain: Grain, reference: Point | None = None) -> Point:
    """The period of ``grain`` last spoken of ("that week"), or of ``reference`` when given
    ("the end of the month" takes its ``Context.narrative_reference``).

    A reference coarser than the grain asked for cannot say which one ("last summer ... by
    the end of the week"): as for days, the article date stands in for it.
    """
    if reference is None:
        if grain >= Grain.DAY:
            return Point.of_day(ctx.reference_day())
        reference = ctx.reference
    if reference.grain < grain:
        return ctx.today.at_grain(grain)
    return reference.at_grain(grain)


@handler("same_day")
def _same_day(match: re.Match[str], ctx: Context) -> list[Found]:
    start, end = _span(match)
    text = " ".join(match["t"].lower().split())
    if text.endswith("the eve"):
        # "on the eve" with no "of ...": the day before the reference.
        start = match.start("t") + (3 if text.startswith("on ") else 0)
        day = safe_add_days(ctx.reference_day(), -1)
        return [date_found(start, end, Point.of_day(day))]
    unit = (match["unit"] or match["unit2"]).lower()
    grain = _UNIT_GRAIN[unit]
    point = _reference_at(ctx, grain)
    rel = (match["rel2"] or "").lower()
    if rel in ("next", "following", "succeeding"):
        point = point.shift(1)
    elif rel in ("previous", "preceding", "prior"):
        point = point.shift(-1)
    if unit in ("night", "morning", "afternoon", "evening"):
        point = _part_point(point.day, unit)
    return [date_found(start, end, point)]


def _anchored(match: re.Match[str], ctx: Context, amount: int, grain: Grain) -> list[Found]:
    """An expression whose day depends on an event named by a noun phrase (unless it only
    restates the day just named)."""
    start, end = _span(match)
    restated = ctx.restated_day(start)
    if restated is not None:
        found = date_found(start, end, Point.of_day(restated.day))
        found.moves_reference = False
        return [found]
    np_start, np_end = match.span("np")
    return [Found(start, end, "DATE", UNKNOWN_DAY, anchor_np=(np_start, np_end),
                  offset=(amount, grain), moves_reference=False)]


#: A clause or noun phrase goes on after "the day after": it names what the day is counted
#: from ("the day after police found ..."), not the day last spoken of.
_CLAUSE_AFTER = re.compile(r"\s+(?!(?:and|but|or|when|that|,)\b)[a-z]", re.I)


@handler("day_before")
def _day_before(match: re.Match[str], ctx: Context) -> list[Found]:
    unit = match["unit"].lower()
    grain = _UNIT_GRAIN[unit]
    sign = -1 if match["dir"].lower() in ("before", "earlier") else 1
    if match["np"] and match["dir"].lower() in ("before", "after"):
        return _anchored(match, ctx, sign, grain)
    start, end = _span(match)
    restated = ctx.restated_day(start) if grain == Grain.DAY else None
    if restated is not None and match["dir"].lower() in ("before", "after") \
            and _CLAUSE_AFTER.match(ctx.text, end):
        # "on Thursday -- the day after police found the bodies": Thursday, said again.
        found = date_found(start, end, Point.of_day(restated.day))
        found.moves_reference = False
        return [found]
    found = date_found(start, end, _reference_at(ctx, grain).shift(sign))
    found.offset_from_next = (sign, grain)
    return [found]


@handler("eve_of")
def _eve_of(match: re.Match[str], ctx: Context) -> list[Found]:
    return _anchored(match, ctx, -1, Grain.DAY)


@handler("anchored_offset")
def _anchored_offset(match: re.Match[str], ctx: Context) -> list[Found]:
    amount = _quantity(match["q"])
    code, is_time, factor = _unit_code(match["unit"])
    grain = _GRAIN_OF_UNIT.get(code, Grain.DAY)
    direction = match["dir"].lower()
    sign = -1 if direction.startswith(("before", "ahead", "prior")) else 1
    start, _ = match.span("t")
    end = match.end("unit")
    if amount is None or is_time:
        return [Found(start, end, "DURATION", duration_value(amount, code, is_time),
                      moves_reference=False)]
    found = Found(start, end, "DURATION", duration_value(amount * factor, code, is_time),
                  anchor_np=match.span("np"), offset=(sign * int(amount * factor), grain),
                  moves_reference=False)
    return [found]


# ----- offsets from the reference time --------------------------------------------------------
_THAN_AFTER = re.compile(r"\s+than\b", re.I)

#: A point reached by "more than two years ago" lies before the date two years back: TimeML
#: gives points BEFORE/AFTER where durations take MORE_THAN/LESS_THAN.
_POINT_MODS = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "EQUAL_OR_MORE": "ON_OR_BEFORE",
               "EQUAL_OR_LESS": "ON_OR_AFTER"}
_OPPOSITE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "ON_OR_BEFORE": "ON_OR_AFTER",
             "ON_OR_AFTER": "ON_OR_BEFORE"}


def _point_mod(match: re.Match[str], sign: int) -> str | None:
    """The mod of a date counted back (``sign`` -1) or on (+1) by a modified amount: "more
    than a year ago" is BEFORE, "more than a year later" AFTER, "almost two years ago"
    AFTER; approximations and the rest keep their mod."""
    mod = _mod(match)
    if mod not in _POINT_MODS:
        return mod
    point_mod = _POINT_MODS[mod]
    return point_mod if sign < 0 else _OPPOSITE[point_mod]


@handler("offset")
def _offset(match: re.Match[str], ctx: Context) -> list[Found]:
    amount = _quantity(match["q"])
    if match["half"] and amount is not None:
        amount += 0.5  # "a year and a half ago"
    code, is_time, factor = _unit_code(match["unit"])
    direction = " ".join(match["dir"].lower().split())
    start, end = match.span()
    if direction in ("later", "earlier") and _THAN_AFTER.match(ctx.text, end):
        # "two days later than expected": a comparison; only the duration is an expression.
        return [_duration_found(start, match.end("unit"), amount, match["unit"])]
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
    grain = _GRAIN_OF_UNIT.get(code, Grain.DAY)
    if is_time or (code in ("DE", "CE", "ML") and amount is None):
        # "two hours later" says how long, not which day: keep the duration.
        return [_duration_found(start, match.end("unit"), amount, match["unit"], _mod(match))]
    if code in ("DE", "CE", "ML"):
        # "a decade ago" is a year, not a decade.
        factor *= {"DE": 10, "CE": 100, "ML": 1000}[code]
        grain = Grain.YEAR
    # "ago" and "from now" count from the article date; "earlier" and "later" from the
    # moving reference time.
    base = ctx.today if direction in ("ago", "from now", "hence") else ctx.reference
    if amount is None:
        if direction == "ago":
            return [Found(start, end, "DATE", "PAST_REF", latest=ctx.dct.isoformat(),
                          moves_reference=False)]
        # "A few days later": how long, not which day.
        return [Found(start, match.end("unit"), "DURATION", duration_value(None, code, False),
                      moves_reference=False)]
    steps = amount * factor
    # "A year earlier" after "the third quarter" compares quarters: keep the finer grain of
    # the reference when the unit divides into it. Only one year: "four years ago" in an
    # earnings report is a date in the company's history, not a quarter compared.
    target_grain = grain
    compared = ctx.compared_quarter
    if grain == Grain.YEAR and compared is not None and steps == 1:
        point = compared.shift(4 * sign)
        found = date_found(start, end, point, _point_mod(match, sign))
        # A comparison, not a move: "the quarter" after it is still the reported one.
        found.moves_reference = False
        return [found]
    if grain == Grain.YEAR and base.grain in (Grain.MONTH, Grain.HALF) and direction != "ago":
        target_grain = base.grain
    if grain == Grain.WEEK and base.grain >= Grain.DAY and ctx.reference_from is not None \
            and direction not in ("ago", "from now", "hence"):
        # "the runoff on June 30 ... the second round a week later": counted from a day, a
        # week later is a day (July 7), not the week that holds it.
        target_grain = Grain.DAY
    if steps != int(steps):
        smaller = {Grain.YEAR: (Grain.MONTH, 12), Grain.MONTH: (Grain.DAY, 30),
                   Grain.WEEK: (Grain.DAY, 7), Grain.DAY: (Grain.DAY, 1)}.get(grain)
        if smaller is None:
            return []
        grain, multiplier = smaller
        steps = round(steps * multiplier)
        target_grain = grain
    if base.grain < Grain.DAY and base.grain < target_grain:
        # "In March 1995 ... two days later": the reference gives no day, so neither does
        # the result: its bounds are the reference's moved by the offset, its value the
        # finest period that holds them.
        first, last = base.bounds
        low = Point.of_day(first).shift(int(steps) * sign, grain).at_grain(target_grain)
        high = Point.of_day(last).shift(int(steps) * sign, grain).at_grain(target_grain)
        earliest, latest = low.bounds[0], high.bounds[1]
        return [Found(start, end, "DATE", covering_value(earliest, latest),
                      earliest=earliest.isoformat(), latest=latest.isoformat(),
                      mod=_point_mod(match, sign), moves_reference=False)]
    point = Point.of_day(base.day).shift(int(steps) * sign, grain).at_grain(target_grain)
    return [date_found(start, end, point, _point_mod(match, sign))]


@handler("rel_earlier")
def _rel_earlier(match: re.Match[str], ctx: Context) -> list[Found]:
    word = match["el"].lower()
    rel = match["rel"].lower()
    unit = match["unit"].lower()
    mod: str | None = "START" if word in ("early", "earlier") else "END"
    if word in ("earlier", "later") and rel == "this":
        mod = None
    if unit in lexicon().seasons:
        code = lexicon().seasons[unit]
        year = ctx.dct.year
        point = Point.of_season(year, code)
        if rel == "last":
            point = point.shift(-4)
        elif rel == "next":
            point = point.shift(4)
        return [date_found(*match.span(), point, mod)]
    grain = _UNIT_GRAIN[unit]
    point = ctx.reference.at_grain(grain) if rel == "that" else ctx.today.at_grain(grain)
    if rel == "last":
        point = point.shift(-1)
    elif rel == "next":
        point = point.shift(1)
    return [date_found(*match.span(), point, mod)]


@handler("relative_unit")
def _relative_unit(match: re.Match[str], ctx: Context) -> list[Found]:
    rel = " ".join(match["rel"].lower().split())
    unit = match["unit"].lower()
    start, end = match.span()
    if _names_a_work(ctx.text, match.start("rel"), end):
        return []
    mod = _mod(match)
    if unit == "fortnight":
        if rel in ("the past", "the last", "the next", "the coming", "past"):
            return [Found(start, end, "DURATION", "P2W", moves_reference=False)]
        return []
    if unit == "season":
        return []
    # "the past year", "the next month": a stretch of time, not a calendar period.
    if rel in ("the past", "the last", "the next", "the coming", "past"):
        code, _, _ = _unit_code(unit if unit != "half" else "month")
        amount = 6 if unit == "half" else 1
        if unit == "weekend":
            return [Found(start, end, "DURATION", "P2D", moves_reference=False)]
        return [Found(start, end, "DURATION", f"P{amount}{code}", mod=mod,
                      moves_reference=False)]
    grain = {"half": Grain.HALF}.get(unit) or _UNIT_GRAIN[unit]
    if grain == Grain.QUARTER:
        return _quarter_relative(match, ctx, rel, start, end)
    if rel in ("that", "the same", "same"):
        point = ctx.reference.at_grain(grain)
    elif rel.startswith(("the previous", "the preceding", "the prior", "the following")):
        point = ctx.reference.at_grain(grain).shift(
            1 if rel == "the following" else -1)
    elif rel in ("the year-earlier", "the year-ago", "the year earlier", "the year ago",
                 "the comparable", "the corresponding", "the prior-year"):
        point = ctx.reference.at_grain(grain).shift(-1, Grain.YEAR)
    elif rel in ("the latest", "the most recent"):
        point = ctx.today.at_grain(grain).shift(-1)
    else:
        point = ctx.today.at_grain(grain)
        if rel in ("next", "coming", "following"):
            point = point.shift(1)
        elif rel in ("last", "previous", "the previous"):
            point = point.shift(-1)
    return [date_found(start, end, point, mod)]


def _quarter_relative(match: re.Match[str], ctx: Context, rel: str, start: int,
                      end: int) -> list[Found]:
    current = ctx.today.at_grain(Grain.QUARTER)
    if rel in ("that", "the same", "same"):
        point = ctx.quarter or current
    elif rel in ("the previous", "the preceding", "the prior"):
        point = (ctx.quarter or current).shift(-1)
    elif rel in ("the year-earlier", "the year-ago", "the year earlier", "the year ago",
                 "the comparable", "the corresponding", "the prior-year"):
        point = (ctx.quarter or current.shift(-1)).shift(-4)
    elif rel in ("the latest", "the most recent"):
        # The latest quarter reported is a finished one: the one under discussion, unless
        # that one has not ended yet.
        last_finished = current.shift(-1)
        point = ctx.quarter if ctx.quarter and ctx.quarter.day <= last_finished.day \
            else last_finished
    elif rel in ("the current", "current", "this"):
        point = current
    elif rel in ("next", "coming", "the following", "following"):
        point = current.shift(1)
    elif rel in ("last", "previous"):
        point = current.shift(-1)
    else:
        point = current
    found = date_found(start, end, point, _mod(match))
    if rel in _YEAR_AGO:
        # A comparison quarter: a later "the quarter" still means the one being reported.
        found.moves_reference = False
    return [found]


_YEAR_AGO = frozenset({"the year-earlier", "the year-ago", "the year earlier", "the year ago",
                       "the comparable", "the corresponding", "the prior-year"})


@handler("the_week")
def _the_week(match: re.Match[str], ctx: Context) -> list[Found]:
    """"the weekend", "the week": the one the clause is about, by tense."""
    start, end = _span(match)
    unit = match["unit"].lower()
    prep = (match["prep"] or "").lower()
    if match["ahead"]:
        # "the week ahead": the coming seven days, valued as the ISO week most of them are
        # in (written on a Sunday, next week); "the weekend ahead" is the coming one.
        if unit == "week":
            return [date_found(start, end, Point.of_week(safe_add_days(ctx.dct, 3)))]
        return [date_found(start, end, Point.of_weekend(weekday_near(ctx.dct, 5, 1)))]
    if unit == "week":
        if prep in ("for", "throughout", "during"):
            return [Found(start, end, "DURATION", "P1W", moves_reference=False)]
        return [date_found(start, end, _reference_at(ctx, Grain.WEEK))]
    weekend = Point.of_weekend(ctx.dct)
    direction = _direction(ctx.tense(start, end))
    if ctx.dct.weekday() < 5 and direction <= 0:
        # On a weekday, "the weekend" in a report is the one just past.
        weekend = weekend.shift(-1)
    return [date_found(start, end, weekend)]


@handler("duration_range_first")
def _duration_range_first(match: re.Match[str], ctx: Context) -> list[Found]:
    """The "24" of "between 24 and 48 hours": 24 hours (the rest is another expression)."""
    amount = _quantity(match["q"])
    if amount is None:
        return []
    return [_duration_found(*match.span("t"), amount, match["unit"])]


@handler("months_of_year")
def _months_of_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """"the first three months of 1997" = 1997-Q1, "the last six months of the year" = H2,
    "the first two quarters of 1990" = 1990-H1."""
    if match["y"]:
        year = int(match["y"])
    else:
        year = _year_said(ctx, match["ry"])
    first = match["edge"].lower() == "first"
    if match["n"] in ("three", "3"):
        point = Point.of_quarter(year, 1 if first else 4)
    else:
        point = Point.of_half(year, 1 if first else 2)
    return [date_found(*match.span("t"), point)]


@handler("period_to")
def _period_to(match: re.Match[str], ctx: Context) -> list[Found]:
    """"the year to March 1998": a year long, whichever year it is (the month says when)."""
    amount = lexicon().number(match["q"]) if match["q"] else 1
    return [_duration_found(*match.span("t"), amount, match["unit"])]


@handler("in_the_period")
def _in_the_period(match: re.Match[str], ctx: Context) -> list[Found]:
    """"later in the month", "early in the year": the period spoken of, as "later this
    month" is (early/late give the part as mod)."""
    grain = _UNIT_GRAIN[match["unit"].lower()]
    mod = {"early": "START", "late": "END"}.get(match["el"].lower())
    return [date_found(*match.span("t"), _reference_at(ctx, grain), mod)]


@handler("new_year")
def _new_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """"until the new year": the coming year, unless written in its first two months
    ("early in the new year", written in January, is the year just begun)."""
    year = ctx.dct.year if ctx.dct.month <= 2 else ctx.dct.year + 1
    return [date_found(*match.span("t"), Point.of_year(year))]


_SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


@handler("spoken_year")
def _spoken_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Years as broadcast transcripts write them: "nineteen ninety-six", "two thousand"."""
    if match["hi"]:
        low = lexicon().number(match["lo"].replace("o-", "").replace("o ", ""))
        if low is None:
            return []
        year = (19 if match["hi"].lower() == "nineteen" else 20) * 100 + int(low)
    else:
        year = 2000 + _SPOKEN_UNITS.get((match["lo2"] or "").lower(), 0)
    start, end = match.span()
    if match["mon"]:
        month = _month_number(match["mon"])
        if month is not None:
            return [date_found(start, end, Point.of_month(year, month))]
    if match["season"]:
        # "the winter of nineteen ninety-four"
        code = lexicon().seasons[match["season"].lower()]
        return [date_found(start, end, Point.of_season(year, code))]
    if match.start("t0") > start:
        # "the year two thousand": the whole phrase names the year.
        return [date_found(start, end, Point.of_year(year))]
    return [date_found(match.start("t0"), end, Point.of_year(year))]


@handler("year_ago_adj")
def _year_ago_adj(match: re.Match[str], ctx: Context) -> list[Found]:
    """"year-earlier", "year-ago": the period under discussion, a year before."""
    compared = ctx.compared_quarter
    base = compared if compared is not None else ctx.reference
    if (base.grain < Grain.MONTH and base is not compared) or ctx.year_to_date:
        base = ctx.today.at_grain(Grain.YEAR)
    grain = base.grain if base.grain < Grain.DAY else Grain.YEAR
    point = Point.of_day(base.day).shift(-1, Grain.YEAR).at_grain(grain)
    found = date_found(*_span(match), point)
    found.moves_reference = False
    return [found]


@handler("period_edge")
def _period_edge(match: re.Match[str], ctx: Context) -> list[Found]:
    """"by the end of the month": the month (or week) spoken of, with the part as mod."""
    mod = _mod(match)
    if mod not in ("START", "MID", "END"):
        return []
    grain = Grain.MONTH if match["unit"].lower() == "month" else Grain.WEEK
    point = _reference_at(ctx, grain, ctx.narrative_reference(match.start()))
    return [date_found(*match.span(), point, mod)]


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)


@handler("year_end")
def _year_end(match: re.Match[str], ctx: Context) -> list[Found]:
    text = match["t"].lower()
    mod = "START" if ("beginning" in text or "start" in text) else "END"
    year = ctx.today.at_grain(Grain.YEAR)
    if mod == "END" and _SINCE_BEFORE.search(ctx.text, max(0, match.start() - 12),
                                             match.start()):
        # "up 20% since year-end": the last year-end passed, the previous year's.
        year = year.shift(-1)
    return [date_found(*_span(match), year, mod)]


@handler("the_year")
def _the_year(match: re.Match[str], ctx: Context) -> list[Found]:
    start, end = _span(match)
    prep = (match["prep"] or "").lower()
    # "the year ended Sept. 30" and "throughout the year" measure a stretch; "for the year"
    # in a results story names the calendar or fiscal year.
    if re.match(r"\s+(?:ended|ending|to\s+date)\b", ctx.text[end:end + 12]) or prep in (
            "during", "over", "throughout"):
        return [Found(start, end, "DURATION", "P1Y", moves_reference=False)]
    # "The year" of a news story is the current one; a narrative year ("In 1995 ... that
    # year") is written with "that", which the same-day rule reads against the reference.
    year = ctx.dct.year
    if ctx.reference_to is not None and ctx.reference.grain > Grain.YEAR \
            and not _SENTENCE_BREAK.search(ctx.text, ctx.reference_to, start):
        # "on death row in September 1996, with 45 sentences passed in the course of the
        # year": the year of a date earlier in the same sentence (a month or a day: "its
        # worst December since 1931 ... left in the year" is this year).
        year = ctx.reference.day.year
    elif ctx.dct.month <= 2 and not match["half"] and ctx.tense(start, end) == "PAST" \
            and re.search(r"\b(?:full|whole|entire)\b", match["t"], re.I):
        # "For the full year, Halden earned $1.46 billion", reported in January: the year
        # just ended.
        year -= 1
    if match["half"]:
        # "the latter half of the year": that half, as "the second half of 1997" is.
        number = 1 if match["half"].lower() == "first" else 2
        return [date_found(start, end, Point.of_half(year, number))]
    return [date_found(start, end, Point.of_year(year))]


# ----- quarters, halves, seasons ---------------------------------------------------------------
_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                     "fourth": 4, "4th": 4, "final": 4}


@handler("quarter")
def _quarter(match: re.Match[str], ctx: Context) -> list[Found]:
    if not match["ago"]:
        return _quarter_named(match, ctx)
    rel = " ".join((match["rel"] or "").lower().split())
    if match["kind"].lower() == "period" and not match["ord"]:
        return _period_a_year_before(match, ctx)
    found = _quarter_named(match, ctx)
    if rel in _YEAR_AGO or "year-ago" in rel or "year-earlier" in rel:
        # "the comparable quarter last year": the year is already counted back.
        return found
    # "the quarter a year ago": the period the words name, moved back a year; a comparison,
    # so the period under discussion stays the reported one.
    for index, item in enumerate(found):
        if item.point is None or item.point.grain not in (Grain.QUARTER, Grain.HALF,
                                                           Grain.YEAR):
            return []
        point = Point.of_day(item.point.day).shift(-1, Grain.YEAR).at_grain(item.point.grain)
        found[index] = date_found(item.start, item.end, point)
        found[index].moves_reference = False
    return found


#: Grains of a period under discussion that "the same period last year" can repeat.
_PERIOD_GRAINS = (Grain.HALF, Grain.QUARTER, Grain.SEASON, Grain.MONTH, Grain.WEEK)


def _period_a_year_before(match: re.Match[str], ctx: Context) -> list[Found]:
    """"the same period last year", "the corresponding period a year ago": the period under
    discussion (the reported quarter, else the last month or season spoken of) a year
    before; without one, only the year is known."""
    start, end = _span(match)
    base: Point | None = ctx.compared_quarter
    if base is None and not ctx.year_to_date:
        reference = ctx.reference
        if reference.grain in _PERIOD_GRAINS and reference.day <= ctx.dct:
            base = reference
        else:
            ctx.reference_read = False
    if base is None:
        found = date_found(start, end, ctx.today.at_grain(Grain.YEAR).shift(-1))
    else:
        point = Point.of_day(base.day).shift(-1, Grain.YEAR).at_grain(base.grain)
        found = date_found(start, end, point)
    found.moves_reference = False
    return [found]


def _quarter_named(match: re.Match[str], ctx: Context) -> list[Found]:
    start, end = _span(match)
    kind = match["kind"].lower()
    ordinal = (match["ord"] or "").lower()
    rel = " ".join((match["rel"] or "").lower().split())
    text = " ".join(match["t"].lower().split())
    year_word = (match["ry"] or match["ryr"] or "").lower()
    explicit_year = match["y"] or match["yr"]
    if kind == "period" and not (explicit_year or rel or "year-ago" in text
                                 or "year-earlier" in text or "latest" in text
                                 or "same" in text or "comparable" in text):
        return []
    if kind == "period" and ctx.compared_quarter is None:
        if explicit_year:
            return [date_found(start, end, Point.of_year(int(explicit_year)))]
        if ctx.year_to_date and rel in _YEAR_AGO | {"the same"}:
            # "For the nine months, ... from $163 million in the year-earlier period".
            found = date_found(start, end, ctx.today.at_grain(Grain.YEAR).shift(-1))
            found.moves_reference = False
            return [found]
        if "latest" not in text:
            return []
    if kind == "half":
        if ordinal not in ("first", "second", "1st", "2nd", "last", "final"):
            if not (text.startswith("the ") and rel in ("", "the latest")) or ordinal:
                return []
            return []
        half = 1 if ordinal in ("first", "1st") else 2
        if explicit_year:
            year = int(explicit_year)
        elif year_word:
            year = _year_said(ctx, year_word)
        else:
            year = ctx.dct.year
            if half == 2 and ctx.dct.month <= 6 and ctx.tense(start, end) == "PAST":
                year -= 1
        return [date_found(start, end, Point.of_half(year, half))]
    if not ordinal or ordinal == "last":
        if ordinal == "last" and not rel:
            rel = "last"
        if not text.startswith(("the", "this", "last", "next", "that")) and not rel \
                and not explicit_year:
            return []
        if "year-ago" in text or "year-earlier" in text or "prior-year" in text:
            rel = "the year-ago"
        elif "latest" in text or "most recent" in text:
            rel = "the latest"
        elif "comparable" in text or "same" in text:
            rel = "the same"
        elif text in ("the quarter", "the fiscal quarter"):
            rel = "the same"
        if year_word in ("last", "next") and match["ryr"]:
            # "last year's quarter": the quarter under discussion, a year away.
            base = ctx.quarter or ctx.today.at_grain(Grain.QUARTER).shift(-1)
            point = base.shift(4 if year_word == "next" else -4)
            found = date_found(start, end, point)
            found.moves_reference = False
            return [found]
        if explicit_year:
            # "the 1988 quarter": the quarter under discussion, in that year.
            number = (ctx.quarter or ctx.today.at_grain(Grain.QUARTER).shift(-1)).day.month
            point = Point.of_quarter(int(explicit_year), (number - 1) // 3 + 1)
            found = date_found(start, end, point)
            found.moves_reference = False
            return [found]
        # (A quarter already under discussion keeps its own, perhaps fiscal, name: "the
        # fiscal first quarter ... the quarter ended Sept. 29".)
        ended = _quarter_ending(ctx, end) if text in ("the quarter", "the fiscal quarter") \
            and ctx.quarter is None else None
        if ended is not None:
            return [date_found(start, end, ended)]
        found_list = _quarter_relative(match, ctx, rel or "the same", start, end)
        if rel == "the year-ago":
            for item in found_list:
                item.moves_reference = False
        return found_list
    number = _QUARTER_ORDINALS[ordinal]
    if explicit_year:
        year = int(explicit_year)
    elif year_word:
        year = ctx.dct.year + {"last": -1, "next": 1, "the previous": -1}.get(year_word, 0)
    elif "year-ago" in text or "year-earlier" in text or "prior-year" in text:
        year = ctx.dct.year - 1
    else:
        year = _quarter_year(number, ctx, start, end)
    found = date_found(start, end, Point.of_quarter(year, number))
    if "year-ago" in text or "year-earlier" in text or "prior-year" in text:
        # A comparison quarter: later "the quarter" still means the one being reported.
        found.moves_reference = False
    return [found]


#: "the quarter ended July 31", "the quarter ending Sept. 30, 1989".
_QUARTER_ENDING = re.compile(
    r"\s*,?\s*(?:which\s+|that\s+)?end(?:ed|ing)\s+(?:on\s+)?(?P<month>[A-Z][a-z]+)\.?\s+"
    r"(?P<day>\d{1,2})\b(?:,?\s+(?P<year>\d{4})\b)?")


def _quarter_ending(ctx: Context, end: int) -> Point | None:
    """The calendar quarter that holds most of a quarter said to end on a day: a fiscal
    quarter ended July 31 ran May to July, mostly the second quarter. Without a year, the
    last such day by the article date when it "ended", else the nearest one."""
    found = _QUARTER_ENDING.match(ctx.text, end)
    month = lexicon().months.get(found["month"].lower()) if found else None
    if found is None or month is None:
        return None
    if found["year"]:
        year = int(found["year"])
    else:
        try:
            last_day = date(ctx.dct.year, month, int(found["day"]))
        except ValueError:
            return None
        year = ctx.dct.year
        if "ended" in found.group() and last_day > ctx.dct:
            year -= 1
        elif (last_day - ctx.dct).days > 183:
            year -= 1
        elif (ctx.dct - last_day).days > 183:
            year += 1
    middle = date(year, month, 1) - timedelta(days=1)  # the month before the last
    return Point.of_quarter(middle.year, (middle.month - 1) // 3 + 1)


def _quarter_year(number: int, ctx: Context, start: int, end: int) -> int:
    """The year of "the third quarter": the nearest such quarter that has begun, unless the
    tense points the other way and the gap is more than one quarter."""
    here = ctx.dct.year * 4 + (ctx.dct.month - 1) // 3
    def gap(year: int) -> int:
        return year * 4 + number - 1 - here
    years = (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
    # Reports speak of quarters that have begun far more than of coming ones: a quarter
    # ahead counts as one step further away than the same distance back.
    nearest = min(years, key=lambda y: abs(gap(y)) + (1 if gap(y) > 0 else 0))
    tense = ctx.tense(start, end)
    if tense == "PAST" and gap(nearest) > 0:
        return nearest - 1
    if tense == "FUTURE" and gap(nearest) < -1:
        return nearest + 1
    return nearest


@handler("q_code")
def _q_code(match: re.Match[str], ctx: Context) -> list[Found]:
    year_text = match["y"]
    if year_text:
        year = int(year_text) if len(year_text) == 4 else _year_of(year_text, ctx.dct)
    else:
        year = ctx.dct.year
    return [date_found(*_span(match), Point.of_quarter(year, int(match["n"])))]


_FALL_AS_DECLINE = re.compile(
    r"\s+(?:of|in|from|to|was|is|has|had|came|comes|would|will)\s+(?!\d)", re.I)

def _noun_it_modifies(ctx: Context, start: int, end: int) -> Token | None:
    """The noun after the word ``text[start:end]`` that the parse makes it a modifier of
    ("night" in "a night landing"); None without a parse."""
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    if token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i \
            and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    return None


def _season_names_a_thing(ctx: Context, start: int, end: int) -> bool:
    """"the winter capital", "the summer time" (daylight saving): the season word only
    describes the thing after it."""
    noun = _noun_it_modifies(ctx, start, end)
    return noun is not None and noun.lower_ in lexicon().seasonal_things


@handler("season")
def _season(match: re.Match[str], ctx: Context) -> list[Found]:
    word = match["season"]
    code = lexicon().seasons[word.lower()]
    rel = (match["rel"] or "").lower()
    start, end = match.span()
    mod = _mod(match)
    if not rel and not match["y"] and not mod:
        before = ctx.text[max(0, start - 12):start]
        if not re.search(r"\b(?:in|since|until|by|during|through|this|last|next|of|"
                         r"early|late)\s*$", before, re.I):
            return []
    if rel in ("every", "each"):
        return [Found(start, end, "SET", f"XXXX-{code}", moves_reference=False)]
    if word.lower() == "fall" and rel in ("", "the") and not match["y"] \
            and _FALL_AS_DECLINE.match(ctx.text, end):
        # "prices fall in ...", "led the fall in banking stocks", "The fall was caused by":
        # a decline; "last fall in his home" is the season.
        return []
    if rel == "the":
        after = ctx.text[end:end + 5].lower()
        if after.startswith(" of ") and not match["y"]:
            return []
    if rel not in ("every", "each") and _season_names_a_thing(ctx, match.start("season"), end):
        return []  # "the winter capital", "the next Summer Games"
    if match["y"]:
        year = int(match["y"])
        return [date_found(start, end, Point.of_season(year, code), mod)]
    current_year, current_code = season_of(ctx.dct)
    point = Point.of_season(ctx.dct.year if code != "WI" else current_year, code)
    here = Point.of_season(current_year, current_code)
    if rel == "that":
        point = Point.of_season(ctx.reference.day.year, code)
    elif rel in ("last", "past"):
        while point.day >= here.day:
            point = point.shift(-4)
    elif rel in ("next", "coming"):
        while point.day <= here.day:
            point = point.shift(4)
    elif rel != "this":
        direction = _direction(ctx.tense(start, end))
        if direction < 0:
            while point.day > here.day:
                point = point.shift(-4)
        elif direction > 0:
            while point.day < here.day:
                point = point.shift(4)
    return [date_found(start, end, point, mod)]


# ----- durations --------------------------------------------------------------------------------
_MODALS = r"will|would|could|might|may|can|shall|should|'ll"
_MODAL_BEFORE = re.compile(rf"\b(?:{_MODALS})\s+$", re.I)

#: Before "last", words that make it the verb ("to last", "could last", "did not last").
_VERB_LAST_BEFORE = re.compile(rf"\b(?:to|{_MODALS}|must|not|n't|did|does|do)\s+$", re.I)


#: "three quarters of a percentage point": a fraction, unless of a span of time.
_FRACTION_OF = re.compile(
    r"\s+of\s+(?:(?:a|an|the|its|their|all)\s+(?!(?:century|year|hour|minute|second|day"
    r"|decade|month|season|game|match|fiscal|financial|calendar|current|past|previous|last"
    r"|next|this|coming)\b)|(?-i:[A-Z])(?!\w*\s+\d))", re.I)


def _after_verb_last(match: re.Match[str], ctx: Context, start: int) -> int:
    """Where the expression starts once a verb "last" is left out: "expected to last three
    weeks" is the duration "three weeks", not "the last three weeks"."""
    rel = match["rel"] or ""
    if rel.lower() != "last" or not _VERB_LAST_BEFORE.search(
            ctx.text, max(0, match.start("rel") - 12), match.start("rel")):
        return start
    after = match.end("rel")
    return after + len(ctx.text[after:match.end()]) - len(ctx.text[after:match.end()].lstrip())


_SPEED_BEFORE = re.compile(
    r"\b(?:kilomet(?:er|re)s?|km|miles?|metres?|meters?|feet|knots)\s*(?:\([^()]{1,30}\))?\s*$",
    re.I)


_IN_THE_FUTURE = re.compile(r",?\s+in\s+the\s+(?:[\w-]+\s+){0,3}future\b", re.I)


@handler("duration")
def _duration(match: re.Match[str], ctx: Context) -> list[Found]:
    amount = _quantity(match["q"])
    code, is_time, factor = _unit_code(match["unit"])
    start, end = match.span()
    if amount is None and not match["unit"].lower().endswith(("s", "millennia")):
        # "thousands of day laborers": a vague count takes a plural unit when it is one.
        return []
    if " ".join(match.group().lower().split()) == "one day" and _IN_THE_FUTURE.match(
            ctx.text, end):
        return []  # "one day in the not too distant future": the future phrase is the time
    if (" ".join(match.group().lower().split()) == "one day"
            and _MODAL_BEFORE.search(ctx.text, max(0, start - 12), start)):
        # "Islam will one day be ...": "some day", the future without a date.
        return [Found(start, end, "DATE", "FUTURE_REF", earliest=ctx.dct.isoformat(),
                      moves_reference=False)]
    if match["unit"].lower() == "second" and not re.match(
            r"\s*(?:[.,;:!?)]|$|(?:later|ago|earlier|before|after|or|and|of|to|in)\b)",
            ctx.text[end:end + 12]):
        # "a second round", "a second term": the ordinal, not the unit.
        return []
    if match["unit"].lower() == "second" and (match["q"] or "").lower() == "a" and re.match(
            r"\s+(?:in|on|at|of)\b", ctx.text[end:end + 6]) and not re.search(
            r"\b(?:for|in|within|than|split|just|only|about|every|per|after)\s+$",
            ctx.text[max(0, start - 10):start], re.I):
        return []  # "a first operation in September and a second in December"
    start = _after_verb_last(match, ctx, start)
    if match["unit"].lower().startswith("quarter") and _FRACTION_OF.match(ctx.text, end):
        return []
    if _SPEED_BEFORE.search(ctx.text, max(0, start - 40), start):
        return []  # "450 kilometres (280 miles) an hour": a speed, not a stretch of time
    noun = _noun_it_modifies(ctx, match.start("unit"), end)
    following = _WORD_AFTER.match(ctx.text, end)
    if (match["q"] or "").lower() in ("a", "an") and noun is not None and noun.pos_ == "NOUN" \
            and following is not None and following.start(1) == noun.idx:
        return []  # "a night landing", "a day trip": a kind of thing, not how long
    if match["half"] and amount is not None:
        amount += 0.5
    if code in ("DE", "CE") and amount is not None:
        # Counted decades and centuries are written in years, as TimeML corpora do
        # ("two decades" = P20Y); a vague "decades" stays PXDE.
        amount, code = amount * (10 if code == "DE" else 100), "Y"
    value = duration_value(None if amount is None else amount * factor, code, is_time)
    if code == "WE":
        value = "P2D" if amount in (None, 1) else duration_value(amount, "WE", False)
    return [Found(start, end, "DURATION", value, mod=_mod(match), moves_reference=False)]


@handler("duration_adj")
def _duration_adj(match: re.Match[str], ctx: Context) -> list[Found]:
    word = match["q"].lower()
    amount = None if word in ("several", "multi", "few") else _quantity(word)
    if word == "half":
        amount = 0.5
    code, is_time, factor = _unit_code(match["unit"])
    if amount is not None:
        amount *= factor
    if "and-a-half" in match.group().lower() and amount is not None:
        amount += 0.5
    if code in ("DE", "CE") and amount is not None:
        # "a four-decade embargo" = P40Y, written in years like "four decades".
        amount, code = amount * (10 if code == "DE" else 100), "Y"
    return [Found(*match.span(), "DURATION", duration_value(amount, code, is_time),
                  moves_reference=False)]


@handler("duration_compound")
def _duration_compound(match: re.Match[str], ctx: Context) -> list[Found]:
    """"27 years and three months" = P27Y3M, "two hours and 15 minutes" = PT2H15M: the
    larger unit first, each part whole."""
    parts = []
    for amount_group, unit_group in (("q1", "u1"), ("q2", "u2")):
        amount = _quantity(match[amount_group])
        code, is_time, factor = _unit_code(match[unit_group])
        if amount is None or amount != int(amount) or code in ("DE", "CE", "ML", "WE", "Q"):
            return []
        parts.append((int(amount * factor), code, is_time))
    (first, first_code, first_time), (second, second_code, second_time) = parts
    if first_time and not second_time:
        return []  # "two hours and three days": not one duration, largest unit first
    if not first_time and not second_time and _DATE_UNIT_ORDER.index(first_code) >= \
            _DATE_UNIT_ORDER.index(second_code):
        return []
    if first_time and second_time and _TIME_UNIT_ORDER.index(first_code) >= \
            _TIME_UNIT_ORDER.index(second_code):
        return []
    head = f"P{first}{first_code}" if not first_time else f"PT{first}{first_code}"
    if first_time or not second_time:
        value = f"{head}{second}{second_code}"
    else:
        value = f"{head}T{second}{second_code}"
    return [Found(*match.span("t"), "DURATION", value, moves_reference=False)]


_DATE_UNIT_ORDER = ("Y", "M", "W", "D")
_TIME_UNIT_ORDER = ("H", "M", "S")


@handler("month_span_quarter")
def _month_span_quarter(match: re.Match[str], ctx: Context) -> list[Found]:
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    if first is None or last is None or first % 3 != 1 or last != first + 2:
        return []  # not a calendar quarter: each month stays its own expression
    year = _year_for(last, None, ctx, *match.span("t"))
    return [date_found(*match.span("t"), Point.of_quarter(year, (first - 1) // 3 + 1))]


@handler("unit_long")
def _unit_long(match: re.Match[str], ctx: Context) -> list[Found]:
    unit = match["unit"].lower()
    plural = (match["pl"] or "").lower() in ("s", "ies")
    if unit == "centur" and not match["pl"]:
        return []
    code, is_time, _ = _unit_code(unit + ("y" if unit == "centur" else ""))
    return [Found(*match.span("t"), "DURATION", duration_value(None if plural else 1, code,
                                                               is_time),
                  moves_reference=False)]


@handler("vague_plural")
@handler("duration_either")
def _vague_plural(match: re.Match[str], ctx: Context) -> list[Found]:
    """"for years" PXY; "four or five days" PXD (a range the value cannot hold)."""
    return [_duration_found(*_span(match), None, match["unit"])]


#: How far ahead or back "the coming weeks" and "recent months" reach, in days, per unit:
#: used only for the earliest/latest bounds of a FUTURE_REF or PAST_REF.
_VAGUE_REACH = {"hours": 2, "days": 14, "weeks": 56, "months": 365, "quarters": 730,
                "years": 365 * 5,
                "decades": 365 * 30, "centuries": 365 * 300}


@handler("recent_plural")
def _recent_plural(match: re.Match[str], ctx: Context) -> list[Found]:
    rel = match["rel"].lower()
    unit = match["unit"].lower()
    start, end = _span(match)
    verb_last_end = _after_verb_last(match, ctx, start)
    if verb_last_end != start:
        # "could last several months": how long, with no stretch of the calendar meant.
        code, is_time, _ = _unit_code(unit)
        return [Found(verb_last_end, end, "DURATION", duration_value(None, code, is_time),
                      moves_reference=False)]
    if rel in ("past", "last", "previous", "preceding") and match["q"]:
        code, is_time, _ = _unit_code(unit)
        return [Found(start, end, "DURATION", duration_value(None, code, is_time),
                      moves_reference=False)]
    if rel in ("past", "last") and ctx.text[start:start + 4].lower() == "the ":
        code, is_time, _ = _unit_code(unit)
        return [Found(start, end, "DURATION", duration_value(None, code, is_time),
                      moves_reference=False)]
    if rel == "future":
        # "future quarters", "in future years": no stretch is measured, only the future.
        if match["q"]:
            return []
        return [Found(start, end, "DATE", "FUTURE_REF", earliest=ctx.dct.isoformat(),
                      moves_reference=False)]
    # "In the coming weeks" / "in recent months": a stretch of unknown length next to the
    # article date. TimeML writes it as a vague duration (PXW); the bounds say where it lies
    # so that nobody reads a day into it.
    reach = _VAGUE_REACH[unit]
    looking_ahead = rel in ("coming", "next", "upcoming", "following", "ensuing")
    if looking_ahead:
        first, last = ctx.dct, safe_add_days(ctx.dct, reach)
    else:
        first, last = safe_add_days(ctx.dct, -reach), ctx.dct
    code, is_time, _ = _unit_code(unit)
    return [Found(start, end, "DURATION", duration_value(None, code, is_time),
                  earliest=first.isoformat(), latest=last.isoformat(),
                  moves_reference=False)]


@handler("units_ahead")
def _units_ahead(match: re.Match[str], ctx: Context) -> list[Found]:
    """"in the weeks ahead": a stretch of unknown length after the article date."""
    unit = match["unit"].lower()
    code, is_time, _ = _unit_code(unit)
    start, end = _span(match)
    return [Found(start, end, "DURATION", duration_value(None, code, is_time),
                  earliest=ctx.dct.isoformat(),
                  latest=safe_add_days(ctx.dct, _VAGUE_REACH[unit]).isoformat(),
                  moves_reference=False)]


# ----- references, sets, holidays, clock times -------------------------------------------------
#: A word after "recent" that makes it attributive ("the recent sale", "recent SEC filing").
_ATTRIBUTIVE = re.compile(r"\s+(?!(?:and|or|but|as|than|to|in|of)\b)[A-Za-z]")
_SOON_CONNECTIVE = re.compile(r"\b(?:as\s+soon\s+as|soon\s+(?:after|afterwards?|thereafter)"
                              r"|how\s+soon|too\s+soon)\b", re.I)


_THEN_BEFORE = re.compile(r"\bthen[\s-]$", re.I)


_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")


def _names_someone_to_be(text: str, end: int) -> bool:
    following = _WORD_AFTER.match(text, end)
    if following is None:
        return False
    noun = following.group(1)
    return noun[:1].isupper() or noun.lower() in lexicon().roles_and_bodies


@handler("reference")
def _reference(match: re.Match[str], ctx: Context) -> list[Found]:
    word = " ".join(match["t"].lower().split())
    value = lexicon().references[word]
    start, end = _span(match)
    after = ctx.text[end:end + 24].lower()
    if word == "future" and re.match(r"\s+(?:contracts?|prices?|markets?|trading|delivery)\b",
                                     after):
        return []
    if word == "current" and after.startswith(" of "):
        return []  # "the strong current of morality": the noun, a flow
    if word in ("future", "the future") and _names_someone_to_be(ctx.text, end):
        # "the future government", "the future Hong Kong SAR": who or what is to be, not
        # when ("future losses" stays a time, as TimeBank tags it).
        return []
    if word == "the past" and _counts().number_after.match(ctx.text, end):
        return []  # "the past five elections": an adjective counting back, not PAST_REF
    if word in ("once", "formerly") or (word == "now" and re.match(r"-", after)):
        return []
    if word == "soon" and (_SOON_CONNECTIVE.search(ctx.text, max(0, start - 8), end + 12)
                           or not (ctx.text[max(0, start - 3):start].lower() == "to "
                                   or ctx.tense(start, end) == "FUTURE")):
        # "as soon as", "soon after" relate two events; "soon became" is narrative past.
        return []
    then = _THEN_BEFORE.search(ctx.text, max(0, start - 6), start)
    if word == "current" and not then and _ATTRIBUTIVE.match(after):
        # "current costs", "the current crisis": the adjective is not tagged (TimeBank tags
        # fewer than half, annotators of wire copy none); "the then-current price" is.
        return []
    if value == "PRESENT_REF" and then:
        # "the then-current price": the present of a past moment.
        start, value = then.start(), "PAST_REF"
    found = Found(start, end, "DATE", value, moves_reference=False)
    if value == "PRESENT_REF":
        found.earliest = found.latest = ctx.dct.isoformat()
    elif value == "PAST_REF":
        found.latest = ctx.dct.isoformat()
    else:
        found.earliest = ctx.dct.isoformat()
    return [found]


@handler("term")
def _term(match: re.Match[str], ctx: Context) -> list[Found]:
    """"the near term", "the long term", "a later date": the future without a date."""
    return [Found(*_span(match), "DATE", "FUTURE_REF", earliest=ctx.dct.isoformat(),
                  moves_reference=False)]


#: "the daily Haaretz", "the business daily Nikkei", "the Communist Party daily Granma": a
#: newspaper named right after (a frequency at a clause's end stays one: "The paper appears
#: daily.").
_PUBLICATION_BEFORE = re.compile(r"\bthe\s+(?:[a-z-]+\s+){0,2}$", re.I)
_PUBLICATION_AFTER = re.compile(
    r"\s+(?:(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May"
    r"|June|July|August|September|October|November|December)[A-Z]"
    r"|(?:newspaper|paper|magazine|tabloid)\b)")


#: A determiner opening the noun phrase a frequency word ends: "the daily", "a radical
#: daily", "the Media Indonesia daily" (up to three words between).
_DETERMINER_PHRASE = re.compile(r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,3})$", re.I)
_NEXT_WORD = re.compile(r"\s*([\w-]+|[.,;:!?)\"'])")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|[\"“\n]\s*)$")


def _not_a_frequency(ctx: Context, start: int, end: int) -> bool:
    """Whether "daily" (or "weekly", ...) here is a newspaper or means ordinary: "the
    Kookmin Daily", "the daily said", "the leading economic daily", "daily life", "a weekly
    magazine" (not "daily flights", "meets weekly", "the paper appears daily")."""
    lex = lexicon()
    if ctx.text[start].isupper() and not _SENTENCE_OPENS.search(ctx.text[max(0, start - 3):start]):
        return True  # part of a name: "Kookmin Daily", "the Daily Telegraph"
    following = _NEXT_WORD.match(ctx.text, end)
    after = following.group(1).lower() if following else "."
    if after in lex.everyday_nouns or after in lex.publication_nouns:
        return True
    if _PUBLICATION_BEFORE.search(ctx.text, max(0, start - 40), start) and \
            _PUBLICATION_AFTER.match(ctx.text, end):
        return True  # "the business daily Nikkei"
    if ctx.doc is not None:
        word = ctx.doc.char_span(start, end, alignment_mode="expand")
        if word is not None and len(word) == 1 and word[0].pos_ == "ADV":
            return False  # "takes the pill daily."
    phrase = _DETERMINER_PHRASE.search(ctx.text, max(0, start - 60), start)
    # The word ends its noun phrase: a verb of reporting or punctuation follows ("the daily
    # said", "an economic daily."), not another word ("a daily two-hour pause").
    if phrase is None or not (after in lex.publication_followers or not after[:1].isalnum()):
        return False
    # The frequency word heads a noun phrase ("the daily said") unless a verb comes between
    # the determiner and it ("the paper appears daily").
    between = phrase.group(1).split()
    if ctx.doc is not None:
        span = ctx.doc.char_span(phrase.start(1), start, alignment_mode="expand")
        return span is None or not any(t.pos_ in ("VERB", "AUX") for t in span)
    return all(w[:1].isupper() or w.lower() in lex.publication_describers for w in between)


@handler("set_adverb")
def _set_adverb(match: re.Match[str], ctx: Context) -> list[Found]:
    word = match["t"].lower()
    start, end = _span(match)
    if _not_a_frequency(ctx, start, end):
        return []
    return [Found(*_span(match), "SET", lexicon().frequency_adverbs[word],
                  moves_reference=False)]


@handler("set_every")
def _set_every(match: re.Match[str], ctx: Context) -> list[Found]:
    start, end = _span(match)
    text = match["t"].lower()
    every_other = " other " in text
    if match["wd"]:
        weekday = lexicon().weekdays[match["wd"].lower()]
        return [Found(start, end, "SET", f"XXXX-WXX-{weekday + 1}", moves_reference=False)]
    if match["season"]:
        code = lexicon().seasons[match["season"].lower()]
        return [Found(start, end, "SET", f"XXXX-{code}", moves_reference=False)]
    if match["mon"]:
        month = _month_number(match["mon"])
        if month is None or not match["mon"][:1].isupper():
            return []
        return [Found(start, end, "SET", f"XXXX-{month:02d}", moves_reference=False)]
    if match["pod"]:
        code = lexicon().parts_of_day[match["pod"].lower()]
        return [Found(start, end, "SET", f"XXXX-XX-XXT{code}", moves_reference=False)]
    unit = match["unit"].lower()
    if unit == "night" and not match["q"] and " other " not in text:
        # "each night", like "every evening": that part of every day.
        return [Found(start, end, "SET", "XXXX-XX-XXTNI", moves_reference=False)]
    if unit == "season":
        # "each season" is a set of seasons (Dateline issue 3): every recurrence of the
        # season under discussion, the last one named, else the article's own ("each
        # season" in a January story is XXXX-WI, like "each winter").
        reference = ctx.reference
        season = reference.season if reference.grain == Grain.SEASON else None
        # Only a season spoken of anchors the set; any other reference time is not read.
        ctx.reference_read = season is not None
        code = season or season_of(ctx.dct)[1]
        return [Found(start, end, "SET", f"XXXX-{code}", moves_reference=False)]
    code, is_time, factor = _unit_code(unit)
    if match["q"] and match["q"].lower().split()[0] in ("few", "several", "couple"):
        # "every few hours": a set whose period is vague.
        return [Found(start, end, "SET", duration_value(None, code, is_time),
                      moves_reference=False)]
    amount = _quantity(match["q"]) if match["q"] else 1
    if amount is None:
        return []
    amount = amount * factor * (2 if every_other else 1)
    if code == "WE":
        return [Found(start, end, "SET", "XXXX-WXX-WE", moves_reference=False)]
    return [Found(start, end, "SET", duration_value(amount, code, is_time),
                  moves_reference=False)]


@handler("set_times")
def _set_times(match: re.Match[str], ctx: Context) -> list[Found]:
    code, is_time, _ = _unit_code(match["unit"])
    return [Found(*_span(match), "SET", duration_value(1, code, is_time),
                  moves_reference=False)]


@dataclass(frozen=True)
class _Counts:
    """Counts written before or after an expression, in digits or in the lexicon's words."""

    #: "the past five elections": a count right after.
    number_after: re.Pattern[str]
    #: "100 flights a day", "several trips a week": a counted plural noun right before.
    count_before: re.Pattern[str]


@lru_cache(maxsize=1)
def _counts() -> _Counts:
    words = alternation(lexicon().count_words | {"hundreds", "thousand", "thousands", "dozens"})
    return _Counts(
        number_after=re.compile(rf"\s+(?:\d|(?:{words})\b)", re.I),
        count_before=re.compile(rf"(?<![\w-])(?:\d[\d,.]*|{words})\s+(?:[a-z]+\s+)?[a-z]+s\s+$",
                                re.I))


@handler("set_rate_count")
def _set_rate_count(match: re.Match[str], ctx: Context) -> list[Found]:
    start = match.start("t")
    if not _counts().count_before.search(ctx.text, max(0, start - 48), start):
        return []
    return _set_rate(match, ctx)


@handler("set_rate")
def _set_rate(match: re.Match[str], ctx: Context) -> list[Found]:
    code, is_time, _ = _unit_code(match["unit"])
    return [Found(*_span(match), "SET", duration_value(1, code, is_time),
                  moves_reference=False)]


@handler("holiday")
def _holiday(match: re.Match[str], ctx: Context) -> list[Found]:
    name = " ".join(match["h"].split())
    if not name[:1].isupper():
        return []
    holiday = holidays().get(name.lower())
    if holiday is None:
        return []
    start, end = match.span()
    rel = " ".join((match["rel"] or "").lower().split())
    if match["y"]:
        year = int(match["y"])
    elif rel in ("last", "last year's"):
        year = ctx.dct.year - 1
        this_year = holiday.days(ctx.dct.year)
        if rel == "last" and this_year and this_year[1] < ctx.dct:
            year = ctx.dct.year
    elif rel in ("next", "next year's"):
        year = ctx.dct.year + 1
        this_year = holiday.days(ctx.dct.year)
        if rel == "next" and this_year and this_year[0] > ctx.dct:
            year = ctx.dct.year
    elif rel in ("this", "this year's"):
        year = ctx.dct.year
    else:
        def gap(year: int) -> int | None:
            days = holiday.days(year)
            if days is None:
                return None
            first, last = days
            if first <= ctx.dct <= last:
                return 0  # under way: "during Ramadan" written in Ramadan
            return (first - ctx.dct).days if first > ctx.dct else (last - ctx.dct).days
        # A holiday is named for the coming one or the one just past by tense; only one a
        # few days off on the other side ("as Easter week began", six days before Easter)
        # is more likely the current one than a year away.
        year = _nearest_year(gap, ctx, start, end, margin=7)
    days = holiday.days(year)
    if days is None:
        # The table does not cover this year: say the year, never a guessed day.
        return [date_found(start, end, Point.of_year(year))]
    first, last = days
    if match["wk"]:
        # "Easter week", "Thanksgiving weekend": the (ISO) week or weekend the day falls in;
        # a Monday holiday's weekend is the one it ends ("Memorial Day weekend").
        if match["wk"].lower() == "weekend":
            week = Point.of_weekend(first - timedelta(days=1) if first.weekday() == 0
                                    else first)
        else:
            week = Point.of_week(first)
        return [date_found(start, end, week)]
    if first == last:
        return [date_found(start, end, Point.of_day(first))]
    # A named period: the coarsest TIMEX3 value that holds all of it, with exact bounds.
    point = Point.of_month(first.year, first.month) if (first.year, first.month) == (
        last.year, last.month) else Point.of_year(first.year)
    return [Found(start, end, "DATE", point.value, point=point, earliest=first.isoformat(),
                  latest=last.isoformat())]


def _clock_found(match: re.Match[str], ctx: Context, hour: int, minute: int) -> list[Found]:
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return []
    day_words: re.Match[str] = match
    if not ("dayref" in match.re.groupindex and match["dayref"]):
        # The day may follow the zone or a bracketed conversion, outside the expression.
        day_words = following_day().match(ctx.text, match.end()) or match
    dayref = next((day_words[name] for name in ("dayref", "bday")
                   if name in day_words.re.groupindex and day_words[name]), "")
    if "dmon" in day_words.re.groupindex and day_words["dmon"]:
        month = _month_number(day_words["dmon"]) or 1
        number = _day_number(day_words["dd"])
        year = _year_for(month, number, ctx, *match.span())
        try:
            day = date(year, month, number)
        except ValueError:
            return []
    elif "daily" in match.re.groupindex and match["daily"]:
        # "by 7:00 p.m. every evening": the clock time of every day.
        return [Found(*match.span(), "SET", f"XXXX-XX-XXT{hour:02d}:{minute:02d}",
                      moves_reference=False)]
    else:
        word = dayref.lower()
        if "every" in match.re.groupindex and match["every"] and word in lexicon().weekdays:
            # "at 10 p.m. on Fridays": that clock time each week on that day.
            weekly = f"XXXX-WXX-{lexicon().weekdays[word] + 1}T{hour:02d}:{minute:02d}"
            return [Found(*match.span(), "SET", weekly, moves_reference=False)]
        rel = (match["dayrel"] or "").lower() if "dayrel" in match.re.groupindex else ""
        day = _day_named_or_current(word, ctx, *match.span(), rel=rel)
        if "bday" in day_words.re.groupindex and day_words["bday"]:
            day = _local_day(day, hour * 60 + minute, day_words["bclock"])
    point = Point(day, Grain.MINUTE, clock=f"{hour:02d}:{minute:02d}")
    approximate = "approx" in match.re.groupindex and match["approx"]
    found = date_found(*match.span(), point, "APPROX" if approximate else None, type_="TIME")
    return [found]


#: The GMT clock of a bracketed conversion: "(2330 GMT Thursday)".
_GMT_CLOCK = re.compile(r"(?P<h>[01]?\d|2[0-3])[:.]?(?P<mi>[0-5]\d)\s*(?:GMT|UTC)$")


def _local_day(named: date, local_minutes: int, bracket: str) -> date:
    """The local day of a clock time whose bracketed conversion names the GMT day: "8:30
    a.m. (2330 GMT Thursday)" in Tokyo is Friday morning. The local day is the one, of the
    named day and its neighbours, that puts the two clocks within 14 hours of each other."""
    gmt = _GMT_CLOCK.search(bracket.strip())
    if gmt is None:
        return named
    gmt_minutes = int(gmt["h"]) * 60 + int(gmt["mi"])
    return min((safe_add_days(named, shift) for shift in (0, -1, 1)),
               key=lambda day: abs((day - named).days * 1440 + local_minutes - gmt_minutes))


@handler("clock")
def _clock(match: re.Match[str], ctx: Context) -> list[Found]:
    hour = int(match["h"])
    minute = int(match["mi"] or 0)
    if not 1 <= hour <= 12:
        return []
    meridiem = match["ap"].lower().replace(".", "")
    if meridiem == "pm" and hour != 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return _clock_found(match, ctx, hour, minute)


@handler("clock24")
def _clock24(match: re.Match[str], ctx: Context) -> list[Found]:
    return _clock_found(match, ctx, int(match["h"]), int(match["mi"]))


@handler("clock_mil")
@handler("clock_colon")
def _clock_mil(match: re.Match[str], ctx: Context) -> list[Found]:
    return _clock_found(match, ctx, int(match["h"]), int(match["mi"]))


@handler("clock_at")
def _clock_at(match: re.Match[str], ctx: Context) -> list[Found]:
    found = _clock_found(match, ctx, int(match["h"]), int(match["mi"]))
    start, end = match.span("t")
    for item in found:
        item.start, item.end = start, end
    return found


def _day_named_or_current(dayref: str, ctx: Context, start: int, end: int,
                          rel: str = "") -> date:
    """The day a clock time or part of the day at ``start``-``end`` is on: the one named
    with it (``dayref``: "yesterday", "Tuesday", "last Thursday"; a bare weekday by the
    clause's tense), else the day last spoken of."""
    dayref = dayref.lower()
    if dayref in _RELATIVE_DAY:
        return safe_add_days(ctx.dct, _RELATIVE_DAY[dayref])
    if dayref:
        weekday = lexicon().weekdays[dayref]
        if rel in ("last", "next"):
            return weekday_near(safe_add_days(ctx.dct, -1 if rel == "last" else 1), weekday,
                                -1 if rel == "last" else 1)
        return weekday_near(ctx.dct, weekday, _direction(ctx.tense(start, end)) or -1)
    return ctx.day_of_clock(start)


@handler("part_of_day")
def _part_of_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """"in the morning", "by mid afternoon", "at mid-afternoon yesterday": that part of the
    day named, else of the day last spoken of."""
    start, end = _span(match)
    day = _day_named_or_current(match["dayref"] or "", ctx, start, end)
    return [date_found(start, end, _part_point(day, match["pod"]), _mod(match))]


@handler("trading_session")
def _trading_session(match: re.Match[str], ctx: Context) -> list[Found]:
    """"in morning trade": that part of the day last spoken of (in a market report, the
    article's)."""
    start, end = _span(match)
    return [date_found(start, end, _part_point(ctx.day_of_clock(start), match["pod"]))]


@handler("day_edge")
def _day_edge(match: re.Match[str], ctx: Context) -> list[Found]:
    """"at dawn on Tuesday", "by nightfall", "in the early hours of Sunday": dawn opens the
    morning, dusk the evening, and the small hours are the start of the morning."""
    start, end = _span(match)
    day = _day_named_or_current(match["dayref"] or "", ctx, start, end)
    pod = " ".join(match["pod"].lower().split()) if match["pod"] else "morning"
    mod = None if match["pod"] else "START"
    return [date_found(start, end, _part_point(day, pod), mod)]


@handler("clock_pod")
def _clock_pod(match: re.Match[str], ctx: Context) -> list[Found]:
    """"4 in the morning", "7:30 in the evening": a clock time on the day last spoken of."""
    hour = int(match["h"])
    pod = match["pod"].lower()
    if pod in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif pod == "morning" and hour == 12:
        hour = 0
    return _clock_found(match, ctx, hour, int(match["mi"] or 0))


@handler("noon")
def _noon(match: re.Match[str], ctx: Context) -> list[Found]:
    if _names_a_work(ctx.text, match.start("w"), match.end("w")):
        return []
    word = match["w"].lower()
    # TIMEX3 writes midnight as hour 24 of the day it ends.
    hour = 24 if word == "midnight" else 12
    return _clock_found(match, ctx, hour, 0)


#: "the fourth quarter ended Aug. 26": a fiscal quarter, over whatever its calendar name.
_ENDED = re.compile(r"\s*,?\s*(?:which\s+|that\s+)?ended\b")


def _finished_quarter(item: Found, ctx: Context) -> bool:
    """Over by the article date, or reported as over: "the quarter ended Aug. 26",
    "reported a decline in fourth-quarter earnings" (a fiscal quarter may end before its
    calendar namesake)."""
    assert item.point is not None
    first, last = item.point.bounds
    if last < ctx.dct or _ENDED.match(ctx.text, item.end):
        return True
    if _CURRENT.search(ctx.text, item.start, item.end):
        return False  # "its forecast for the current quarter fell short"
    return first <= ctx.dct and ctx.tense(item.start, item.end) == "PAST"


_CURRENT = re.compile(r"\b(?:current|this|present)\b", re.I)


#: The months of the year so far, as an earnings report names them after its quarter: "the
#: nine months", "the first six months" (not "for six months", a length of time).
_YEAR_SO_FAR = re.compile(r"the\s+(?:first\s+|latest\s+)?(?:six|nine|6|9)\s+months", re.I)


def normalise(rule: str, match: re.Match[str], ctx: Context) -> list[Found]:
    """Run the handler of ``rule`` on ``match``; update the reference time from its result."""
    ctx.reference_read = False
    try:
        found = HANDLERS[rule](match, ctx)
    except (ValueError, OverflowError):
        # Only near the ends of the calendar datetime can hold (years 1 and 9999): such an
        # expression has no representable value, so it is left untagged.
        return []
    anchor = f"timex:{ctx.reference_from}" if ctx.reference_read and \
        ctx.reference_from is not None else None
    for item in found:
        if item.anchor is None and anchor is not None:
            item.anchor = anchor
        if item.point is not None and item.point.grain == Grain.QUARTER:
            ctx.year_to_date = False
        elif item.type == "DURATION" and _YEAR_SO_FAR.fullmatch(ctx.text, item.start, item.end):
            ctx.year_to_date = True
        if item.point is not None and item.moves_reference:
            ctx.move_reference(item.point, item.start, item.end)
            if item.point.grain == Grain.QUARTER and _finished_quarter(item, ctx) and (
                    ctx.quarter is None or item.point.day > ctx.quarter.day):
                # Only a finished quarter can be the one reported; a quarter not yet over
                # is a forecast, so "a year ago" and "the year-ago period" keep comparing
                # the reported one. An earlier quarter is background ("after a flat second
                # quarter"), not a new report.
                ctx.quarter = item.point
    return found


__all__ = [
    "Context", "Found", "HANDLERS", "UNKNOWN_DAY", "date_found", "duration_value", "normalise",
]
