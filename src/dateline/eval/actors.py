"""Actor resolution scored against hand-labelled news sentences.

The labelled set is JSON Lines, one short news text per line::

    {"split": "dev", "date": "2024-06-18",
     "text": "Russian President Vladimir Putin arrived in Pyongyang ...",
     "mentions": [
        {"text": "Russian President Vladimir Putin", "start": 0, "end": 32,
         "actor": "Vladimir Putin", "country": "RUS", "sector": "GOV", "kind": "person"},
        {"text": "Pyongyang", "start": 44, "end": 53,
         "actor": "Pyongyang", "country": "PRK", "sector": null, "kind": "place"}]}

- ``split`` (optional) is "dev" for texts the rules were developed against and "test" for
  texts written afterwards and only measured; ``evaluate(path, split="test")`` scores one.
- ``start``/``end`` are character offsets into ``text`` (``text[start:end] == mention text``).
- ``kind`` is person, organisation, country or place: the mention is right when the resolved
  actor's canonical name (or any knowledge-base alias of it) is ``actor``.
- ``kind`` group or institution ("Russian troops", "the Sudanese army"): such actors have no
  canonical name, so the mention is right when the resolved actor is of that kind (a group,
  or an organisation for an institution) with the labelled country and sector.
- ``actor`` and ``country`` may be lists when a mention names several actors ("the two
  leaders"): any of them is right.
- ``country`` is ISO 3166 alpha-3 or null (people of international organisations, regions).

The figures: actor accuracy (the mention resolved to the labelled actor), country accuracy
(the resolved actor's country equals the label; an unresolved mention counts as wrong unless
the label is null), and sector accuracy.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.model import Actor, Article

GROUP_KINDS = {"group": "group", "institution": "organisation"}


@dataclass(slots=True)
class Labelled:
    text: str
    day: date
    mentions: list[dict[str, Any]]
    split: str | None = None


@dataclass(slots=True)
class Miss:
    text: str
    expected: str
    got: str
    what: str  # actor, country or sector


@dataclass
class ActorReport:
    mentions: int = 0
    actor_correct: int = 0
    country_correct: int = 0
    sector_correct: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    correct_by_kind: Counter[str] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    texts: int = 0
    split: str | None = None

    @property
    def actor_accuracy(self) -> float:
        return self.actor_correct / self.mentions if self.mentions else 0.0

    @property
    def country_accuracy(self) -> float:
        return self.country_correct / self.mentions if self.mentions else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_correct / self.mentions if self.mentions else 0.0

    def render(self, show_misses: int = 25) -> str:
        lines = [
            f"Actor resolution on {self.mentions} labelled mentions in {self.texts} texts"
            + (f" (split {self.split})" if self.split else ""),
            f"  actor accuracy    {self.actor_accuracy:.3f}  ({self.actor_correct})",
            f"  country accuracy  {self.country_accuracy:.3f}  ({self.country_correct})",
            f"  sector accuracy   {self.sector_accuracy:.3f}  ({self.sector_correct})",
            "  by kind (actor accuracy):",
        ]
        for kind, total in sorted(self.by_kind.items()):
            right = self.correct_by_kind[kind]
            lines.append(f"    {kind:<13} {right / total:.3f}  ({right}/{total})")
        if self.misses and show_misses:
            lines.append(f"  first {min(show_misses, len(self.misses))} of "
                         f"{len(self.misses)} misses:")
            for miss in self.misses[:show_misses]:
                lines.append(f"    [{miss.what}] {miss.text!r}: expected {miss.expected}, "
                             f"got {miss.got}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"split": self.split, "mentions": self.mentions, "texts": self.texts,
                "actor_accuracy": round(self.actor_accuracy, 4),
                "country_accuracy": round(self.country_accuracy, 4),
                "sector_accuracy": round(self.sector_accuracy, 4)}


def read_labelled(path: str | Path) -> list[Labelled]:
    items = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                item = Labelled(data["text"], date.fromisoformat(data["date"]),
                                list(data["mentions"]), data.get("split"))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(str(path), f"not a labelled text ({exc})",
                                 'Each line needs "text", "date" (YYYY-MM-DD) and "mentions".',
                                 number) from None
            for mention in item.mentions:
                if item.text[mention["start"]:mention["end"]] != mention["text"]:
                    raise InputError(str(path), f"mention {mention['text']!r} is not at "
                                     f"{mention['start']}:{mention['end']}",
                                     "Fix the offsets (character positions in text).", number)
            items.append(item)
    return items


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _name_matches(actor: Actor, expected: str) -> bool:
    from dateline.actors.geo import gazetteer
    from dateline.actors.kb import load
    from dateline.actors.text import fold

    if fold(actor.name) == fold(expected):
        return True
    if actor.kind == "place":
        # The gazetteer's main name may differ from the label ("Al Khawr" for "Al Khor").
        return any(place.id == actor.id for place in gazetteer().candidates(expected))
    kb = load()
    for entry in kb.lookup(expected):
        ids = {"person": f"person:{entry.key}", "organisation": f"org:{entry.key}",
               "country": f"country:{entry.key}", "seat": f"country:{entry.key}"}
        if ids.get(entry.kind) == actor.id:
            return True
    return False


def score_mention(actor: Actor | None, mention: dict[str, Any]) -> tuple[bool, bool, bool]:
    """(actor right, country right, sector right) for one labelled mention."""
    names = _as_list(mention["actor"])
    countries = _as_list(mention.get("country"))
    if len(countries) < len(names):
        countries = countries * len(names)
    kind = mention.get("kind", "person")
    if actor is None:
        return False, countries[0] is None, mention.get("sector") is None
    if kind in GROUP_KINDS:
        right_actor = (actor.kind == GROUP_KINDS[kind] and actor.country in countries
                       and actor.sector == mention.get("sector"))
        return right_actor, actor.country in countries, actor.sector == mention.get("sector")
    matched = [i for i, name in enumerate(names) if _name_matches(actor, name)]
    right_actor = bool(matched)
    if matched:
        right_country = actor.country == countries[matched[0]]
    else:
        right_country = actor.country in countries
    right_sector = mention.get("sector") is None or actor.sector == mention.get("sector")
    return right_actor, right_country, right_sector


def evaluate(path: str | Path, split: str | None = None) -> ActorReport:
    """Resolve every labelled text (of one split, if given) and score each labelled
    mention."""
    from dateline import nlp
    from dateline.actors import actor_at, resolve

    items = [item for item in read_labelled(path) if split is None or item.split == split]
    report = ActorReport(texts=len(items), split=split)
    docs = nlp.pipe([item.text for item in items])
    for item, doc in zip(items, docs, strict=True):
        article = Article(Article.make_id(item.day, item.text), item.day, item.text)
        actors = resolve(article, doc)
        for mention in item.mentions:
            actor = actor_at(actors, mention["start"], mention["end"])
            right_actor, right_country, right_sector = score_mention(actor, mention)
            kind = mention.get("kind", "person")
            report.mentions += 1
            report.by_kind[kind] += 1
            report.actor_correct += right_actor
            report.correct_by_kind[kind] += right_actor
            report.country_correct += right_country
            report.sector_correct += right_sector
            got = "nothing" if actor is None else (
                f"{actor.name} ({actor.kind}, {actor.country}, {actor.sector})")
            expected = (f"{mention['actor']} ({kind}, {mention.get('country')}, "
                        f"{mention.get('sector')})")
            if not right_actor:
                report.misses.append(Miss(mention["text"], expected, got, "actor"))
            elif not right_country:
                report.misses.append(Miss(mention["text"], expected, got, "country"))
    return report


def main() -> None:
    """``python -m dateline.eval.actors [PATH] [SPLIT]``: print the report for a labelled set
    (all of it, or the "dev" or "test" split)."""
    import sys

    path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/actors_gold.jsonl"
    split = sys.argv[2] if len(sys.argv) > 2 else None
    print(evaluate(path, split).render(show_misses=200))


if __name__ == "__main__":
    main()
