"""Score the temporal tagger against TimeML gold, the way TempEval-3 does.

TempEval-3 (UzZaman et al., 2013) scores temporal expressions in two ways:

- extent: *strict* (same start and end) and *relaxed* (the spans overlap) precision, recall
  and F1;
- attributes: over the relaxed-matched pairs, a ``type`` or ``value`` counts when it is
  equal; attribute precision is correct/system and recall correct/gold, so attribute F1 is
  the relaxed F1 scaled by the attribute's accuracy on the matches.

``read_timeml`` reads one TimeML file (text of ``<TEXT>``, creation time from ``<DCT>``, gold
``TIMEX3``s with offsets into that text); ``score`` compares two lists of timexes;
``evaluate_dir`` runs the tagger over a folder and returns a ``Report``; ``evaluate_standoff``
does the same for gold offsets kept apart from the articles they annotate.
"""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.eval.metrics import prf
from dateline.model import Timex

Tagger = Callable[[str, date], list[Timex]]


# ----- reading ----------------------------------------------------------------------------------
def _collect(element: ElementTree.Element, parts: list[str], timexes: list[Timex],
             offset: list[int]) -> None:
    """Append the text under ``element`` to ``parts``, recording each TIMEX3's span."""
    if element.text:
        parts.append(element.text)
        offset[0] += len(element.text)
    for child in element:
        start = offset[0]
        _collect(child, parts, timexes, offset)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:offset[0]]
            timexes.append(Timex(start=start, end=offset[0], text=text,
                                 type=child.get("type", ""), value=child.get("value", ""),
                                 mod=child.get("mod")))
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)


def parse_timeml(source: str, name: str = "<string>") -> tuple[str, date, list[Timex]]:
    """Text, creation date and gold timexes of a TimeML document given as a string."""
    try:
        root = ElementTree.fromstring(source)
    except ElementTree.ParseError as exc:
        raise InputError(name, f"not well-formed XML ({exc})",
                         "Check that the file is TimeML (XML with <DCT> and <TEXT>).") from exc
    dct_timex = root.find("./DCT/TIMEX3")
    if dct_timex is None:
        dct_timex = next((t for t in root.iter("TIMEX3")
                          if t.get("functionInDocument") == "CREATION_TIME"), None)
    if dct_timex is None or not dct_timex.get("value"):
        raise InputError(name, "no document creation time",
                         'Add <DCT><TIMEX3 functionInDocument="CREATION_TIME" value="YYYY-MM-DD">')
    try:
        dct = date.fromisoformat(dct_timex.get("value", "")[:10])
    except ValueError as exc:
        raise InputError(name, f"creation time {dct_timex.get('value')!r} is not a date",
                         "Write it as YYYY-MM-DD.") from exc
    body = root.find("TEXT")
    if body is None:
        raise InputError(name, "no <TEXT> element", "Put the document body in <TEXT>.")
    parts: list[str] = []
    timexes: list[Timex] = []
    _collect(body, parts, timexes, [0])
    return "".join(parts), dct, timexes


def read_timeml(path: str | Path) -> tuple[str, date, list[Timex]]:
    """Text, creation date and gold timexes of a TimeML file."""
    file = Path(path)
    try:
        source = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(file), f"cannot be read ({exc})",
                         "Give a readable UTF-8 TimeML file.") from exc
    return parse_timeml(source, str(file))


# ----- scoring ----------------------------------------------------------------------------------
@dataclass
class Mismatch:
    file: str
    kind: str  # missed, spurious, type, value, extent
    gold: Timex | None
    system: Timex | None

    def render(self) -> str:
        gold = f"{self.gold.text!r} {self.gold.type} {self.gold.value}" if self.gold else "-"
        system = (f"{self.system.text!r} {self.system.type} {self.system.value}"
                  if self.system else "-")
        return f"{self.kind:8} {self.file}: gold {gold} | system {system}"


@dataclass
class Counts:
    """Raw counts from which every TempEval-3 figure follows."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_correct", "value_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def strict_prf(self) -> tuple[float, float, float]:
        return prf(self.strict, self.system, self.gold)

    def relaxed_prf(self) -> tuple[float, float, float]:
        return prf(self.relaxed, self.system, self.gold)

    @property
    def type_f1(self) -> float:
        return prf(self.type_correct, self.system, self.gold)[2]

    @property
    def value_f1(self) -> float:
        return prf(self.value_correct, self.system, self.gold)[2]


def _align(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping timexes, largest overlap first."""
    pairs = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((overlap, g.start, s.start, g, s))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matched = []
    for _, _, _, g, s in pairs:
        if id(g) in used_gold or id(s) in used_system:
            continue
        used_gold.add(id(g))
        used_system.add(id(s))
        matched.append((g, s))
    return matched


def score(gold: list[Timex], system: list[Timex], file: str = "") -> tuple[Counts,
                                                                           list[Mismatch]]:
    """TempEval-3 counts for one document, and every mismatch."""
    counts = Counts(gold=len(gold), system=len(system))
    mismatches: list[Mismatch] = []
    pairs = _align(gold, system)
    for g, s in pairs:
        counts.relaxed += 1
        if (g.start, g.end) == (s.start, s.end):
            counts.strict += 1
        else:
            mismatches.append(Mismatch(file, "extent", g, s))
        if g.type == s.type:
            counts.type_correct += 1
        else:
            mismatches.append(Mismatch(file, "type", g, s))
        if g.value == s.value:
            counts.value_correct += 1
        else:
            mismatches.append(Mismatch(file, "value", g, s))
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    mismatches += [Mismatch(file, "missed", g, None) for g in gold if id(g) not in matched_gold]
    mismatches += [Mismatch(file, "spurious", None, s) for s in system
                   if id(s) not in matched_system]
    mismatches.sort(key=lambda m: (m.gold or m.system).start)  # type: ignore[union-attr]
    return counts, mismatches


# ----- evaluating a folder ----------------------------------------------------------------------
@dataclass
class Report:
    """Figures per sub-corpus and overall, with every mismatch when asked."""

    root: str
    by_corpus: dict[str, Counts] = field(default_factory=dict)
    files: int = 0
    seconds: float = 0.0
    with_parse: bool = False
    mismatches: list[Mismatch] = field(default_factory=list)
    show_errors: bool = False

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_corpus.values():
            total.add(counts)
        return total

    def figures(self) -> dict[str, dict[str, float]]:
        """Figures by corpus name (and "overall"), as plain numbers."""
        out: dict[str, dict[str, float]] = {}
        for name, counts in [*sorted(self.by_corpus.items()), ("overall", self.overall)]:
            sp, sr, sf = counts.strict_prf()
            rp, rr, rf = counts.relaxed_prf()
            out[name] = {
                "gold": counts.gold, "system": counts.system,
                "strict_p": sp, "strict_r": sr, "strict_f1": sf,
                "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                "type_f1": counts.type_f1, "value_f1": counts.value_f1,
            }
        return out

    def render(self) -> str:
        header = (f"{'corpus':<12} {'gold':>5} {'sys':>5}  {'strict P':>8} {'R':>6} {'F1':>6}"
                  f"  {'relaxed P':>9} {'R':>6} {'F1':>6}  {'type F1':>7} {'value F1':>8}")
        lines = [f"TempEval-3 timex scores for {self.root} ({self.files} files, "
                 f"{self.seconds:.1f} s, {'with' if self.with_parse else 'without'} "
                 "spaCy parse)", header]
        for name, f in self.figures().items():
            lines.append(
                f"{name:<12} {int(f['gold']):>5} {int(f['system']):>5}  {f['strict_p']:>8.3f} "
                f"{f['strict_r']:>6.3f} {f['strict_f1']:>6.3f}  {f['relaxed_p']:>9.3f} "
                f"{f['relaxed_r']:>6.3f} {f['relaxed_f1']:>6.3f}  {f['type_f1']:>7.3f} "
                f"{f['value_f1']:>8.3f}")
        if self.show_errors:
            lines.append("")
            lines.append(f"{len(self.mismatches)} mismatches:")
            lines.extend(m.render() for m in self.mismatches)
        return "\n".join(lines)


def timeml_files(root: Path) -> Iterable[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in (".tml", ".xml")
                  and p.is_file())


def _default_tagger(with_parse: bool) -> Tagger:
    from dateline.timex import tag

    if not with_parse:
        return tag

    from dateline.nlp import parse

    def tag_with_parse(text: str, dct: date) -> list[Timex]:
        return tag(text, dct, parse(text))

    return tag_with_parse


def evaluate_dir(path: str | Path, show_errors: bool = False, with_parse: bool = False,
                 tagger: Tagger | None = None) -> Report:
    """Tag every TimeML file under ``path`` with its own creation time and score it.

    The sub-corpus of a file is the first folder under ``path`` on its way (TimeBank,
    AQUAINT); files directly in ``path`` count under the folder's own name. ``with_parse``
    gives the tagger the spaCy parse of each text (slower; sharper tense).
    """
    root = Path(path)
    if not root.is_dir():
        raise InputError(str(root), "is not a folder",
                         "Give the folder that holds the TimeML (.tml) files.")
    files = list(timeml_files(root))
    if not files:
        raise InputError(str(root), "holds no .tml or .xml files",
                         "Give the folder that holds the TimeML (.tml) files.")
    documents = []
    for file in files:
        text, dct, gold = read_timeml(file)
        relative = file.relative_to(root)
        corpus = relative.parts[0] if len(relative.parts) > 1 else root.name
        documents.append((str(relative), corpus, text, dct, gold))
    report = Report(root=str(root), with_parse=with_parse, show_errors=show_errors)
    return _score_documents(documents, report, tagger or _default_tagger(with_parse))


#: One document to score: its name, sub-corpus, text, creation date and gold timexes.
Document = tuple[str, str, str, date, list[Timex]]


def _score_documents(documents: Iterable[Document], report: Report, run: Tagger) -> Report:
    began = time.perf_counter()
    for name, corpus, text, dct, gold in documents:
        counts, mismatches = score(gold, run(text, dct), name)
        report.by_corpus.setdefault(corpus, Counts()).add(counts)
        if report.show_errors:
            report.mismatches.extend(mismatches)
        report.files += 1
    report.seconds = time.perf_counter() - began
    return report


def standoff_rows(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a standoff gold file with their line numbers, each checked to name an
    article and, when it has offsets, a start, end, type and value."""
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(file), f"cannot be read ({exc})",
                         "Give a UTF-8 JSON-lines file of gold timexes.") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            str(row["article"])
            if "start" in row:  # (a line without offsets: an article with no timex)
                int(row["start"]), int(row["end"]), str(row["type"]), str(row["value"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(str(file), f"not a gold timex ({exc})",
                             'Write {"article": ..., "start": ..., "end": ..., "type": ..., '
                             '"value": ...} on each line.', line=number) from exc
        rows.append((number, row))
    return rows


def standoff_timex(row: dict[str, Any], text: str, path: str | Path, line: int) -> Timex:
    """The gold timex a standoff row (line ``line`` of ``path``) marks in its article's
    ``text``."""
    start, end = int(row["start"]), int(row["end"])
    if not 0 <= start < end <= len(text):
        raise InputError(str(path), f"offsets {start}-{end} lie outside {row['article']}",
                         "Check that --articles is the folder the offsets were made on.",
                         line=line)
    return Timex(start=start, end=end, text=text[start:end], type=str(row["type"]),
                 value=str(row["value"]), mod=row.get("mod"))


def read_standoff(path: str | Path, articles: str | Path) -> list[Document]:
    """Gold timexes kept apart from the text they annotate: JSON lines of ``article`` (a
    TimeML file in ``articles`` whose text and creation time are used; its own TIMEX3 tags
    are ignored), ``start``/``end`` offsets into that text, ``type``, ``value``, optional
    ``mod`` and ``annotator`` (the sub-corpus the figures are split by); a line with no
    offsets names an article that has no timex. So a gold standard can be shared without
    copying the articles."""
    folder = Path(articles)
    by_article: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for number, row in standoff_rows(path):
        by_article.setdefault(str(row["article"]), []).append((number, row))
    documents = []
    for article, numbered in sorted(by_article.items()):
        text, dct, _ = read_timeml(folder / article)
        gold = sorted((standoff_timex(row, text, path, number)
                       for number, row in numbered if "start" in row),
                      key=lambda timex: timex.start)
        rows = [row for _, row in numbered]
        who = next((r["annotator"] for r in rows if "annotator" in r), None)
        corpus = f"annotator {who}" if who is not None else folder.name
        documents.append((article, corpus, text, dct, gold))
    return documents


def evaluate_standoff(path: str | Path, articles: str | Path, show_errors: bool = False,
                      with_parse: bool = False, tagger: Tagger | None = None) -> Report:
    """Like ``evaluate_dir``, for gold timexes kept apart from the articles (see
    ``read_standoff``)."""
    documents = read_standoff(path, articles)
    report = Report(root=str(path), with_parse=with_parse, show_errors=show_errors)
    return _score_documents(documents, report, tagger or _default_tagger(with_parse))
