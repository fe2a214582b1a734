"""The tagger's vocabulary, read once from ``data/lexicon.yaml`` and ``data/holidays.yaml``.

Words live in the data files so that people extend them without touching code; this module
turns them into lookup tables and regular-expression alternations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dateline.errors import DatelineError


class LexiconError(DatelineError):
    """A tagger data file is missing or malformed."""


def _load_yaml(name: str) -> dict[str, Any]:
    path = resources.files("dateline.timex").joinpath("data").joinpath(name)
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(
            f"src/dateline/timex/data/{name}: cannot be read ({exc}). "
            "Restore it from the repository or fix its YAML syntax."
        ) from exc
    if not isinstance(loaded, dict):
        raise LexiconError(
            f"src/dateline/timex/data/{name}: expected a mapping at the top level. "
            "Restore it from the repository."
        )
    return loaded


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that the longest one wins;
    spaces in a phrase match any run of white space."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_quantities: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, dict[str, Any]]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    references: dict[str, str]
    frequency_adverbs: dict[str, str]
    everyday_nouns: frozenset[str]
    roles_and_bodies: frozenset[str]
    seasonal_things: frozenset[str]
    publication_nouns: frozenset[str]
    publication_followers: frozenset[str]
    publication_describers: frozenset[str]
    time_zones: dict[str, float]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]

    @property
    def count_words(self) -> frozenset[str]:
        """Single words that count things: the number words ("two", "dozen") and the vague
        quantities ("several", "many"), without the article "a"."""
        return frozenset(w for w in (*self.numbers, *self.vague_quantities)
                         if " " not in w and w not in ("a", "an"))

    def number(self, words: str) -> float | None:
        """The value of a number written in digits or words ("twenty-five", "1,200"), or
        None for a vague quantity ("several")."""
        cleaned = " ".join(words.lower().replace(",", "").split())
        if not cleaned or cleaned in self.vague_quantities:
            return None
        try:
            return float(cleaned)
        except ValueError:
            pass
        total = 0.0
        for part in re.split(r"[\s-]+", cleaned):
            if part in ("and",):
                continue
            value = self.numbers.get(part)
            if value is None:
                return None
            if value == 100 and total:
                total *= 100
            else:
                total += value
        return total


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _load_yaml("lexicon.yaml")
    cues = data["tense_cues"]
    return Lexicon(
        months={k.lower(): int(v) for k, v in data["months"].items()},
        ambiguous_months=frozenset(w.lower() for w in data["ambiguous_months"]),
        weekdays={k.lower(): int(v) for k, v in data["weekdays"].items()},
        numbers={str(k).lower(): float(v) for k, v in data["numbers"].items()},
        vague_quantities=frozenset(w.lower() for w in data["vague_quantities"]),
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        units={k.lower(): dict(v) for k, v in data["units"].items()},
        parts_of_day={k.lower(): str(v) for k, v in data["parts_of_day"].items()},
        seasons={k.lower(): str(v) for k, v in data["seasons"].items()},
        references={k.lower(): str(v) for k, v in data["references"].items()},
        frequency_adverbs={k.lower(): str(v) for k, v in data["frequency_adverbs"].items()},
        everyday_nouns=frozenset(w.lower() for w in data["everyday_nouns"]),
        roles_and_bodies=frozenset(w.lower() for w in data["roles_and_bodies"]),
        seasonal_things=frozenset(w.lower() for w in data["seasonal_things"]),
        publication_nouns=frozenset(w.lower() for w in data["publication_nouns"]),
        publication_followers=frozenset(w.lower() for w in data["publication_followers"]),
        publication_describers=frozenset(w.lower() for w in data["publication_describers"]),
        time_zones={str(k): float(v) for k, v in data["time_zones"].items()},
        future_cues=tuple(str(w).lower() for w in cues["future"]),
        past_cues=tuple(str(w).lower() for w in cues["past"]),
    )


@lru_cache(maxsize=1)
def holiday_table() -> dict[str, Any]:
    return _load_yaml("holidays.yaml")
