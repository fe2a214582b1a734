"""The events stage scored against hand-labelled news items (``tests/data/events_gold.jsonl``).

The labelled set is JSON Lines, one item per line (the full format is in
``tests/data/README.md``)::

    {"id": "ev-0001", "date": "2025-10-27", "text": "...",
     "events": [{"type": "CONSULT", "mode": "visit", "trigger": "travel",
                 "mentions": ["talks"],
                 "participants": [{"text": "Ishaq Dar", "country": "PAK", "role": "source"}],
                 "status": "planned", "date": "2025-10-29"}]}

Matching. Every labelled word is found with ``text.find`` (its first occurrence, as the
format prescribes): the gold event's *spans* are its ``trigger`` and each of its
``mentions``. A system event *matches* a gold event when one of the system event's mentions
overlaps one of the gold spans by at least one character. Matching is one to one: first
pairs with the same type are made (gold events in text order, each taking the earliest
free system event), then any remaining overlapping pairs whatever their type.

Figures:

- detection P/R/F1: matched system events / system events, matched gold events / gold events;
- type P/R/F1: the same, counting only matched pairs whose types agree (a system event of
  the wrong type is both a false positive and a false negative); per-type figures the same
  way, by the gold type for recall and the system type for precision;
- mode accuracy: matched pairs of the right type whose modes agree (``null`` = ``null``);
- participant-country accuracy: over the gold participants (with a non-null country) of
  matched events, the share whose country is the country of some participant of the
  matched system event;
- status accuracy: matched pairs whose statuses agree;
- date accuracy: matched pairs whose dates agree (TIMEX3 value, or both unknown); a time on
  the labelled day ("2025-11-03TMO", "2025-11-03T10:00") agrees with that day, since the
  labels give days.

Items can be restricted to the odd or the even ids (``subset``), so that one half serves
for development and the other for checking.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.eval.metrics import f1, prf, ratio
from dateline.model import EVENT_TYPES, Article, Event, Extraction

SUBSETS = ("all", "odd", "even")


@dataclass(slots=True)
class GoldEvent:
    type: str
    mode: str | None
    status: str
    date: str | None
    spans: list[tuple[int, int]]
    trigger: str
    countries: list[str]


@dataclass(slots=True)
class LabelledItem:
    id: str
    day: date
    text: str
    events: list[GoldEvent]


@dataclass(slots=True)
class Miss:
    item: str
    what: str  # missed, spurious, type, status, date, country
    detail: str


@dataclass
class EventReport:
    items: int = 0
    gold: int = 0
    system: int = 0
    matched: int = 0
    type_correct: int = 0
    mode_correct: int = 0
    status_correct: int = 0
    date_correct: int = 0
    countries: int = 0
    countries_correct: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    system_by_type: Counter[str] = field(default_factory=Counter)
    correct_by_type: Counter[str] = field(default_factory=Counter)
    status_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    subset: str = "all"

    @property
    def detection_precision(self) -> float:
        return ratio(self.matched, self.system)

    @property
    def detection_recall(self) -> float:
        return ratio(self.matched, self.gold)

    @property
    def type_precision(self) -> float:
        return ratio(self.type_correct, self.system)

    @property
    def type_recall(self) -> float:
        return ratio(self.type_correct, self.gold)

    @property
    def type_f1(self) -> float:
        return f1(self.type_precision, self.type_recall)

    @property
    def mode_accuracy(self) -> float:
        return ratio(self.mode_correct, self.type_correct)

    @property
    def status_accuracy(self) -> float:
        return ratio(self.status_correct, self.matched)

    @property
    def date_accuracy(self) -> float:
        return ratio(self.date_correct, self.matched)

    @property
    def country_accuracy(self) -> float:
        return ratio(self.countries_correct, self.countries)

    def per_type(self, event_type: str) -> tuple[float, float, float]:
        return prf(self.correct_by_type[event_type], self.system_by_type[event_type],
                   self.gold_by_type[event_type])

    def render(self, show_misses: int = 0) -> str:
        dp, dr = self.detection_precision, self.detection_recall
        lines = [
            f"Events on {self.items} labelled items ({self.subset}): {self.gold} gold events, "
            f"{self.system} system events, {self.matched} matched",
            f"  detection      P {dp:.3f}  R {dr:.3f}  F1 {f1(dp, dr):.3f}",
            f"  type           P {self.type_precision:.3f}  R {self.type_recall:.3f}  "
            f"F1 {self.type_f1:.3f}",
            f"  mode accuracy             {self.mode_accuracy:.3f}  (of {self.type_correct} "
            "matched with the right type)",
            f"  participant-country acc.  {self.country_accuracy:.3f}  "
            f"({self.countries_correct}/{self.countries})",
            f"  status accuracy           {self.status_accuracy:.3f}  "
            f"({self.status_correct}/{self.matched})",
            f"  date accuracy             {self.date_accuracy:.3f}  "
            f"({self.date_correct}/{self.matched})",
            "  by type:        P      R      F1   gold",
        ]
        for event_type in EVENT_TYPES:
            p, r, f = self.per_type(event_type)
            lines.append(f"    {event_type:<10} {p:6.3f} {r:6.3f} {f:6.3f}  "
                         f"{self.gold_by_type[event_type]:4d}")
        wrong_status = [(k, v) for k, v in self.status_confusion.most_common() if k[0] != k[1]]
        if wrong_status:
            lines.append("  status errors (gold -> system): " + ", ".join(
                f"{g}->{s} {n}" for (g, s), n in wrong_status[:8]))
        if self.misses and show_misses:
            shown = self.misses[:show_misses]
            lines.append(f"  first {len(shown)} of {len(self.misses)} misses:")
            lines.extend(f"    {m.item} [{m.what}] {m.detail}" for m in shown)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subset": self.subset, "items": self.items, "gold": self.gold,
            "system": self.system, "matched": self.matched,
            "detection_precision": round(self.detection_precision, 4),
            "detection_recall": round(self.detection_recall, 4),
            "type_precision": round(self.type_precision, 4),
            "type_recall": round(self.type_recall, 4),
            "type_f1": round(self.type_f1, 4),
            "mode_accuracy": round(self.mode_accuracy, 4),
            "country_accuracy": round(self.country_accuracy, 4),
            "status_accuracy": round(self.status_accuracy, 4),
            "date_accuracy": round(self.date_accuracy, 4),
            "recall_by_type": {t: round(self.per_type(t)[1], 4) for t in EVENT_TYPES},
        }


def _find(text: str, words: str, path: str, line: int) -> tuple[int, int]:
    start = text.find(words)
    if start < 0:
        raise InputError(path, f"{words!r} is not in the item's text",
                         "Labelled triggers, mentions and participants must be substrings "
                         "of text", line)
    return start, start + len(words)


def _gold_event(raw: dict[str, Any], text: str, path: str, line: int) -> GoldEvent:
    spans = [_find(text, raw["trigger"], path, line)]
    spans += [_find(text, m, path, line) for m in raw.get("mentions") or []]
    countries = [p["country"] for p in raw.get("participants") or [] if p.get("country")]
    return GoldEvent(type=raw["type"], mode=raw.get("mode"), status=raw["status"],
                     date=raw.get("date"), spans=spans, trigger=raw["trigger"],
                     countries=countries)


def _item_number(item_id: str) -> int | None:
    digits = "".join(ch for ch in item_id if ch.isdigit())
    return int(digits) if digits else None


def read_labelled(path: str | Path, subset: str = "all") -> list[LabelledItem]:
    """The labelled items of ``path``; ``subset`` "odd" or "even" keeps those ids only."""
    if subset not in SUBSETS:
        raise ValueError(f"subset {subset!r}: use one of {', '.join(SUBSETS)}")
    items = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                text = data["text"]
                item = LabelledItem(
                    id=str(data.get("id", number)), day=date.fromisoformat(data["date"]),
                    text=text,
                    events=[_gold_event(e, text, str(path), number) for e in data["events"]],
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(str(path), f"not a labelled item ({exc!r})",
                                 'Each line needs "text", "date" (YYYY-MM-DD) and "events" '
                                 "(see tests/data/README.md)", number) from None
            parity = _item_number(item.id)
            if subset != "all" and (parity is None or parity % 2 != (subset == "odd")):
                continue
            items.append(item)
    return items


def _overlaps(event: Event, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < end and start < m.end for m in event.mentions for start, end in spans)


def match(gold: list[GoldEvent], system: list[Event]) -> list[tuple[GoldEvent, Event]]:
    """One-to-one pairs of overlapping events, same-type pairs first (see module docstring)."""
    pairs: list[tuple[GoldEvent, Event]] = []
    used: set[int] = set()
    paired: set[int] = set()
    for same_type in (True, False):
        for g_index, g in enumerate(gold):
            if g_index in paired:
                continue
            for s_index, s in enumerate(system):
                if s_index in used or (same_type and s.type != g.type):
                    continue
                if _overlaps(s, g.spans):
                    pairs.append((g, s))
                    used.add(s_index)
                    paired.add(g_index)
                    break
    return pairs


def score_item(report: EventReport, item: LabelledItem, events: list[Event]) -> None:
    report.items += 1
    report.gold += len(item.events)
    report.system += len(events)
    for g in item.events:
        report.gold_by_type[g.type] += 1
    for s in events:
        report.system_by_type[s.type] += 1
    pairs = match(item.events, events)
    report.matched += len(pairs)
    paired_gold = {id(g) for g, _ in pairs}
    paired_system = {id(s) for _, s in pairs}
    for g in item.events:
        if id(g) not in paired_gold:
            report.misses.append(Miss(item.id, "missed", f"{g.type} {g.trigger!r}"))
    for s in events:
        if id(s) not in paired_system:
            report.misses.append(Miss(item.id, "spurious", f"{s.type} {s.mentions[0].text!r}"))
    for g, s in pairs:
        if g.type == s.type:
            report.type_correct += 1
            report.correct_by_type[g.type] += 1
            report.mode_correct += g.mode == s.mode
        else:
            report.misses.append(Miss(item.id, "type", f"{g.trigger!r}: {g.type} got {s.type}"))
        report.status_confusion[(g.status, s.status)] += 1
        if g.status == s.status:
            report.status_correct += 1
        else:
            report.misses.append(Miss(item.id, "status",
                                      f"{g.trigger!r}: {g.status} got {s.status}"))
        got_date = s.date.value if s.date else None
        if _same_date(g.date, got_date):
            report.date_correct += 1
        else:
            report.misses.append(Miss(item.id, "date", f"{g.trigger!r}: {g.date} got {got_date}"))
        system_countries = {p.country for p in s.participants if p.country}
        for country in g.countries:
            report.countries += 1
            if country in system_countries:
                report.countries_correct += 1
            else:
                report.misses.append(Miss(item.id, "country",
                                          f"{g.trigger!r}: {country} not among "
                                          f"{sorted(system_countries)}"))


def _same_date(gold: str | None, got: str | None) -> bool:
    """Whether a system date agrees with a labelled one (a time on the labelled day does)."""
    if got == gold:
        return True
    return bool(gold and got and "T" in got and got.split("T", 1)[0] == gold)


def extract_items(items: Iterable[LabelledItem]) -> list[Extraction]:
    """Run the pipeline on the items' texts exactly as labelled (no ingest cleanup, so the
    offsets of the labels hold)."""
    from dateline.pipeline import extract_batch

    articles = [Article(Article.make_id(i.day, i.text), i.day, i.text) for i in items]
    return extract_batch(articles) if articles else []


def evaluate(path: str | Path, subset: str = "all") -> EventReport:
    """Extract every labelled item and score the events (see the module docstring)."""
    items = read_labelled(path, subset)
    report = EventReport(subset=subset)
    for item, extraction in zip(items, extract_items(items), strict=True):
        score_item(report, item, extraction.events)
    return report
