"""Find temporal expressions in a text and give each its TIMEX3 type and value.

Three steps: every pattern proposes candidates; the longest non-overlapping ones are kept;
the survivors are normalised in document order, so that a moving reference time carries
"On March 3 ..." over to "the next day".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dateline.model import Timex
from dateline.timex.normalize import (
    HANDLERS,
    UNKNOWN_DAY,
    Context,
    Found,
    date_found,
    normalise,
)
from dateline.timex.patterns import Rule, rules, token_keys
from dateline.timex.points import Grain, Point, covering_value

if TYPE_CHECKING:  # spaCy is only needed when a parse is passed in
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match_start: int
    match_end: int
    match: object  # re.Match[str]; kept loose so the dataclass stays hashable


@dataclass(slots=True)
class Anchored:
    """A recognised expression whose value waits for an event's date (see ``anchor``)."""

    timex: Timex
    anchor_start: int
    anchor_end: int
    anchor_text: str
    amount: int
    unit: str


#: How far a match can reach before and after its trigger word, in characters.
_REACH_BEFORE = 90
_REACH_AFTER = 110

_TOKEN = re.compile(r"[^\W_]+")


def _trigger_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger key occurs: word tokens lower-cased, plus token classes."""
    index: dict[str, list[tuple[int, int]]] = {}
    for match in _TOKEN.finditer(text):
        for key in token_keys(match.group().lower()):
            index.setdefault(key, []).append(match.span())
    return index


def _windows(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Merged stretches of text around the trigger spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        low, high = max(0, start - _REACH_BEFORE), min(length, end + _REACH_AFTER)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _matches(rule: Rule, text: str,
             index: dict[str, list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    """The rule's matches, searched only near its trigger words. A window's end looks like
    the end of the text to the regex, so matches that touch it are dropped; windows reach
    far enough past the trigger that no real match does."""
    spans = [span for key in rule.triggers for span in index.get(key, ())]
    for low, high in _windows(spans, len(text)):
        for match in rule.regex.finditer(text, low, high):
            if match.end() < high or high == len(text):
                yield match


def _candidates(text: str, dct: date) -> list[Candidate]:
    """Every match whose handler accepts it, spanning what the handler would tag.

    Handlers are tried here against the article date alone (a scratch context), so that a
    match the handler rejects ("May" the modal) cannot hide a shorter valid one, and so that
    the longest-match rule compares the spans actually tagged, not the context around them.
    """
    found: list[Candidate] = []
    index = _trigger_index(text)
    scratch = Context(text=text, dct=dct)
    for rule in rules():
        for match in _matches(rule, text, index):
            if match.end() == match.start():
                continue
            try:
                results = HANDLERS[rule.name](match, scratch)
            except (ValueError, OverflowError):
                continue  # no representable value near the ends of the calendar
            if not results:
                continue
            start = min(r.start for r in results)
            end = max(r.end for r in results)
            found.append(Candidate(start, end, rule, match.start(), match.end(), match))
    return found


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then by rule priority; a candidate is dropped if it overlaps a kept one."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rule.priority, c.start))
    taken: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    for candidate in ordered:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        taken.append((candidate.start, candidate.end))
        kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return kept


def _trim(text: str, found: Found) -> Found | None:
    """Shrink a span to its words: no surrounding spaces or punctuation."""
    start, end = found.start, found.end
    while start < end and not (text[start].isalnum() or text[start] in "'"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".'"):
        end -= 1
    if end > start and text[end - 1] == "." and not _keeps_period(text, start, end):
        end -= 1
    if start >= end:
        return None
    found.start, found.end = start, end
    return found


def _keeps_period(text: str, start: int, end: int) -> bool:
    """"Jan." and "a.m." keep their final period; a sentence's full stop does not."""
    words = text[start:end].split()
    last = words[-1].lower() if words else ""
    return last.endswith(("a.m.", "p.m.")) or (len(last) <= 6 and last[:-1].isalpha()
                                               and last[:-1] in _ABBREVIATIONS)


_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
})


def _to_timex(text: str, found: Found) -> Timex:
    return Timex(
        start=found.start, end=found.end, text=text[found.start:found.end], type=found.type,
        value=found.value, earliest=found.earliest, latest=found.latest, mod=found.mod,
        anchor=found.anchor,
    )


def analyse(text: str, dct: date, doc: Doc | None = None) -> tuple[list[Timex], list[Anchored]]:
    """Every temporal expression of ``text`` and, apart, those anchored on an event."""
    ctx = Context(text=text, dct=dct, doc=doc)
    timexes: list[Timex] = []
    anchored: list[Anchored] = []
    points: dict[int, Point] = {}
    last_end = 0
    offset_before: Found | None = None  # "the day before", waiting for a date right after
    for candidate in _select(_candidates(text, dct)):
        if candidate.start < last_end:
            continue
        for found in normalise(candidate.rule.name, candidate.match, ctx):  # type: ignore[arg-type]
            trimmed = _trim(text, found)
            if trimmed is None or trimmed.start < last_end:
                continue
            if offset_before is not None and _counts_from(text, offset_before, trimmed):
                trimmed = _joined(offset_before, trimmed, ctx)
                timexes.pop()
            offset_before = trimmed if trimmed.offset_from_next else None
            timex = _to_timex(text, trimmed)
            timexes.append(timex)
            if trimmed.point is not None:
                points[timex.start] = trimmed.point
            last_end = trimmed.end
            if trimmed.anchor_np is not None and trimmed.offset is not None:
                np_start, np_end = trimmed.anchor_np
                amount, grain = trimmed.offset
                anchored.append(Anchored(timex, np_start, np_end, text[np_start:np_end],
                                         amount, grain.name))
    for item in anchored:
        _bound_by_timex_in_anchor(item, timexes, points)
    _order_ranges(text, dct, timexes, points)
    _weekdays_agree_with_named_days(text, timexes, points)
    return timexes, anchored


#: A weekday and the named day beside it: "the Fourth of July on Thursday", "on Friday --
#: Valentine's Day --", "Tuesday (New Year's Day)".
_WEEKDAY_OF = re.compile(r"\s+on\s+$")
_NAMED_BESIDE = re.compile(r"\s*(?:,|-|--|\u2014|\u2013|\()\s*$")


def _weekdays_agree_with_named_days(text: str, timexes: list[Timex],
                                    points: dict[int, Point]) -> None:
    """A weekday said to fall on a named day is that day: each was placed by its own
    reading ("with the Fourth of July on Thursday" has no verb to say which Thursday), but
    the named day's date settles it when it is that weekday."""
    for first, second in zip(timexes, timexes[1:], strict=False):
        between = text[first.end:second.start]
        if _WEEKDAY_NAME.fullmatch(second.text) and _WEEKDAY_OF.fullmatch(between):
            weekday, named = second, first
        elif _WEEKDAY_NAME.fullmatch(first.text) and _NAMED_BESIDE.fullmatch(between):
            weekday, named = first, second
        else:
            continue
        day, other = points.get(named.start), points.get(weekday.start)
        if day is None or other is None or day.grain != Grain.DAY or other.grain != Grain.DAY:
            continue
        if day.day != other.day and day.day.weekday() == other.day.weekday():
            points[weekday.start] = day
            weekday.value = day.value


#: Between the two ends of a range: "from Monday to Wednesday", "between Tuesday and Thursday".
_RANGE_LINK = re.compile(r"\s*(?:to|through|until|till|and|-|\u2013)\s*$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_WEEKDAY_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")
#: An end of a range whose year the text gives: "March 1998", "May '98", "May last year".
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b|\byear\b", re.I)


def _order_ranges(text: str, dct: date, timexes: list[Timex], points: dict[int, Point]) -> None:
    """A range cannot end before it starts: "between Tuesday and Thursday" said on a
    Wednesday about next week is Tuesday 21 to Thursday 23, not to the Thursday just past;
    "between Black Friday and Christmas" is this Christmas, whatever the clause said of last
    year. Each end was placed by its own reading; in a range ahead the end moves on (by
    weeks for a weekday, by years for a month or a holiday) to follow the start, in a range
    past the start moves back to precede the end. An end whose year is written stays."""
    for first, second in zip(timexes, timexes[1:], strict=False):
        if not (_RANGE_LINK.fullmatch(text[first.end:second.start])
                and _RANGE_OPEN.search(text, max(0, first.start - 10), first.start)):
            continue
        start, end = points.get(first.start), points.get(second.start)
        if start is None or end is None or end.day >= start.day or start.clock or end.clock:
            continue
        weekly = _WEEKDAY_NAME.search(first.text) and _WEEKDAY_NAME.fullmatch(second.text)
        if not weekly and (start.grain != end.grain or start.grain not in (Grain.MONTH,
                                                                           Grain.DAY)):
            continue
        unit = Grain.WEEK if weekly else Grain.YEAR
        # Weekdays: a range whose end is past is told in the past. Months and holidays: the
        # end nearer the article date is the one its reading got right.
        told_in_past = end.day <= dct if weekly else \
            abs((end.day - dct).days) < abs((start.day - dct).days)
        start_fixed = bool(_WRITTEN_YEAR.search(first.text))
        end_fixed = bool(_WRITTEN_YEAR.search(second.text))
        if start_fixed and end_fixed:
            continue
        if end_fixed or (told_in_past and not start_fixed):
            moved, timex, step = start, first, -1
            while moved.day > end.day:
                moved = moved.shift(step, unit)
        else:
            moved, timex, step = end, second, 1
            while moved.day < start.day:
                moved = moved.shift(step, unit)
        points[timex.start] = moved
        timex.value = moved.value


def _counts_from(text: str, offset: Found, following: Found) -> bool:
    """Whether ``following`` is the date ``offset`` counts from: a date named right after it
    ("the day before | last Tuesday", "the week after | Easter") and no coarser than the
    offset's unit ("the day after 1998" means nothing)."""
    if offset.offset_from_next is None or following.point is None or following.type != "DATE":
        return False
    if text[offset.end:following.start].strip():
        return False
    return following.point.grain >= offset.offset_from_next[1]


def _joined(offset: Found, following: Found, ctx: Context) -> Found:
    """One DATE for "the day before last Tuesday": the named date moved by the offset."""
    assert offset.offset_from_next is not None and following.point is not None
    amount, unit = offset.offset_from_next
    point = following.point.at_grain(unit).shift(amount)
    # The named date is now inside the expression: whatever it was counted from (its own
    # anchor, if any) is what the whole expression depends on.
    joined = date_found(offset.start, following.end, point)
    joined.anchor = following.anchor
    ctx.move_reference(point, offset.start, following.end)
    return joined


def _bound_by_timex_in_anchor(item: Anchored, timexes: list[Timex],
                              points: dict[int, Point]) -> None:
    """"On the eve of last week's summit": before the events stage knows the summit's date,
    the week named inside the noun phrase already bounds the eve. The day stays unknown
    unless that timex names a day."""
    timex = item.timex
    if timex.type != "DATE" or timex.value != UNKNOWN_DAY:
        return
    inside = [t for t in timexes if item.anchor_start <= t.start and t.end <= item.anchor_end
              and t.start in points and points[t.start].grain <= Grain.DAY]
    if not inside:
        return
    base = points[inside[0].start]
    unit = Grain[item.unit]
    first, last = base.bounds
    low = Point.of_day(first).shift(item.amount, unit).bounds[0]
    high = Point.of_day(last).shift(item.amount, unit).bounds[1]
    timex.value = covering_value(low, high)
    if low != high:
        timex.earliest, timex.latest = low.isoformat(), high.isoformat()
    timex.anchor = f"timex:{inside[0].start}"


def tag(text: str, dct: date, doc: Doc | None = None) -> list[Timex]:
    """The temporal expressions of ``text``, sorted by start and never overlapping.

    ``dct`` is the document creation time (the article date). ``doc``, when given, must be
    the spaCy parse of exactly ``text``; it sharpens the tense of clauses. Without it the
    tagger is pure pattern matching and fast.
    """
    return analyse(text, dct, doc)[0]
