"""People and the offices they held, imported from a Wikidata JSON dump.

Reads Wikidata's entity JSON in any of its usual packagings: the full dump (a JSON array with
one entity per line, lines ending in commas), one entity per line (JSON Lines), a single JSON
array, or ``Special:EntityData`` output (``{"entities": {...}}``). From each human (P31 = Q5)
it takes the English label and aliases, citizenship (P27) and every "position held" (P39)
with its start (P580) and end (P582) qualifiers. Positions and countries are entities of the
same dump: a position's English label becomes the office title, its country (P17, or P1001
"applies to jurisdiction") the office's country, and a country's ISO 3166-1 alpha-3 code
(P298) the code we store. Countries missing from the dump are matched by label against the
knowledge base.

The result is a user knowledge-base YAML file (see ``data/README.md``); put it in the
``$DATELINE_KB`` directory to use it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dateline.actors.text import fold
from dateline.errors import InputError

HUMAN = "Q5"
INSTANCE_OF, CITIZENSHIP, POSITION_HELD = "P31", "P27", "P39"
START, END = "P580", "P582"
COUNTRY, JURISDICTION, ISO_ALPHA3 = "P17", "P1001", "P298"


@dataclass
class ImportSummary:
    people: int = 0
    offices: int = 0
    skipped: int = 0
    out_path: str = ""
    unknown_countries: set[str] = field(default_factory=set)

    def render(self) -> str:
        text = (f"imported {self.people} people with {self.offices} offices into "
                f"{self.out_path}")
        if self.skipped:
            text += f"; skipped {self.skipped} entities that are not people"
        if self.unknown_countries:
            text += f"; countries not resolved: {', '.join(sorted(self.unknown_countries))}"
        return text


def iter_entities(path: str | Path) -> Iterator[dict[str, Any]]:
    """Every entity of a Wikidata JSON file, whatever its packaging."""
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file", "Give the path of a Wikidata JSON dump.")
    with path.open(encoding="utf-8") as handle:
        head = handle.read(1 << 16)
        handle.seek(0)
        stripped = head.lstrip()
        if stripped.startswith("{") and '"entities"' in head[:200]:
            data = json.load(handle)
            yield from data.get("entities", {}).values()
            return
        for number, line in enumerate(handle, start=1):
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            if line.startswith("[") and line.endswith("]"):
                try:
                    yield from json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(str(path), f"not valid JSON ({exc.msg})",
                                     "Give a Wikidata JSON dump.", number) from None
                continue
            try:
                entity = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not valid JSON ({exc.msg})",
                                 "Give a Wikidata JSON dump (one entity per line, or a JSON "
                                 "array with one entity per line).", number) from None
            if isinstance(entity, dict):
                yield entity


def _english(entity: dict[str, Any], key: str = "labels") -> str | None:
    value = (entity.get(key) or {}).get("en")
    return value.get("value") if isinstance(value, dict) else None


def _aliases(entity: dict[str, Any]) -> list[str]:
    return [a["value"] for a in (entity.get("aliases") or {}).get("en", []) if a.get("value")]


def _item_ids(entity: dict[str, Any], prop: str) -> list[str]:
    """Item values of a property, best rank first, deprecated statements left out."""
    statements = [s for s in (entity.get("claims") or {}).get(prop, [])
                  if s.get("rank") != "deprecated"]
    statements.sort(key=lambda s: s.get("rank") != "preferred")
    ids = []
    for statement in statements:
        value = _snak_value(statement.get("mainsnak") or {})
        if isinstance(value, dict) and value.get("id"):
            ids.append(value["id"])
    return ids


def _snak_value(snak: dict[str, Any]) -> Any:
    if snak.get("snaktype") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _string(entity: dict[str, Any], prop: str) -> str | None:
    for statement in (entity.get("claims") or {}).get(prop, []):
        value = _snak_value(statement.get("mainsnak") or {})
        if isinstance(value, str):
            return value
    return None


def wikidata_time(value: Any) -> date | None:
    """A Wikidata time value ("+2012-05-07T00:00:00Z", precision 11 = day, 10 = month,
    9 = year) as a date; imprecise parts become the first month or day."""
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    text = value["time"]
    if text.startswith("-"):
        return None  # before the common era: no office we track
    year, month, day = text.lstrip("+").split("T")[0].split("-")
    precision = int(value.get("precision", 11))
    try:
        return date(int(year), int(month) if precision >= 10 and int(month) else 1,
                    int(day) if precision >= 11 and int(day) else 1)
    except ValueError:
        return None


def _qualifier_date(statement: dict[str, Any], prop: str) -> date | None:
    for snak in (statement.get("qualifiers") or {}).get(prop, []):
        found = wikidata_time(_snak_value(snak))
        if found:
            return found
    return None


class _Resolver:
    """Labels and countries of the non-human entities of the dump."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.iso3: dict[str, str] = {}
        self.position_country: dict[str, str] = {}

    def learn(self, entity: dict[str, Any]) -> None:
        qid = entity.get("id", "")
        label = _english(entity)
        if label:
            self.labels[qid] = label
        code = _string(entity, ISO_ALPHA3)
        if code:
            self.iso3[qid] = code.upper()
        for prop in (COUNTRY, JURISDICTION):
            ids = _item_ids(entity, prop)
            if ids:
                self.position_country.setdefault(qid, ids[0])

    def country(self, qid: str | None, summary: ImportSummary) -> str | None:
        if not qid:
            return None
        if qid in self.iso3:
            return self.iso3[qid]
        label = self.labels.get(qid)
        if label:
            from dateline.actors.kb import load

            found = load().country_for_word(label)
            if found:
                return found
        summary.unknown_countries.add(label or qid)
        return None


def office_code(title: str) -> str:
    """The office code of a position title: the longest known title phrase it begins with
    ("Minister of Foreign Affairs of Japan" -> FM), else MIN for ministers, else OTHER."""
    from dateline.actors.kb import load

    kb = load()
    words = fold(title).split()
    for length in range(len(words), 0, -1):
        code = kb.titles.get(" ".join(words[:length]))
        if code:
            return code
    return "MIN" if "minister" in words or "secretary" in words else "OTHER"


def import_dump(path: str | Path, out_path: str | Path) -> ImportSummary:
    """Read people and their offices from a Wikidata JSON dump and write a user knowledge-base
    YAML file at ``out_path``."""
    resolver = _Resolver()
    humans: list[dict[str, Any]] = []
    summary = ImportSummary(out_path=str(out_path))
    for entity in iter_entities(path):
        if HUMAN in _item_ids(entity, INSTANCE_OF):
            humans.append(entity)
        else:
            resolver.learn(entity)
            summary.skipped += 1
    people = []
    for entity in humans:
        name = _english(entity)
        if not name:
            continue
        citizenship = _item_ids(entity, CITIZENSHIP)
        home = resolver.country(citizenship[0] if citizenship else None, summary)
        offices = []
        for statement in (entity.get("claims") or {}).get(POSITION_HELD, []):
            if statement.get("rank") == "deprecated":
                continue
            value = _snak_value(statement.get("mainsnak") or {})
            if not isinstance(value, dict) or not value.get("id"):
                continue
            position = str(value["id"])
            title = resolver.labels.get(position) or position
            country = resolver.country(resolver.position_country.get(position), summary) \
                if position in resolver.position_country else home
            start, end = _qualifier_date(statement, START), _qualifier_date(statement, END)
            office: dict[str, Any] = {"office": office_code(title), "title": title,
                                      "country": country, "wikidata": position}
            if start:
                office["start"] = start.isoformat()
            if end:
                office["end"] = end.isoformat()
            offices.append(office)
        person: dict[str, Any] = {"name": name, "aliases": _aliases(entity), "country": home,
                                  "wikidata": entity.get("id")}
        if offices:
            person["offices"] = offices
        people.append(person)
        summary.people += 1
        summary.offices += len(offices)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# Imported from the Wikidata dump {Path(path).name} by "
              "`dateline kb import-wikidata`.\n")
    out.write_text(header + yaml.safe_dump({"people": people}, allow_unicode=True,
                                           sort_keys=False), encoding="utf-8")
    return summary
