"""The trigger lexicon: which words report which kind of event.

The vocabulary lives in ``data/triggers.yaml`` (see the comments there); this module loads it
once per process and finds trigger occurrences in a parsed document. A user's own lexicon
replaces the shipped one when ``$DATELINE_TRIGGERS`` names a file of the same shape.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from dateline.errors import DatelineError
from dateline.model import EVENT_TYPES

CONDITIONS = ("actor_object", "actor_subject")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    type: str
    mode: str | None
    cameo: str | None
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Phrase:
    #: one tuple of alternative lower-case words per position
    words: tuple[tuple[str, ...], ...]
    entry: TriggerEntry


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, TriggerEntry]
    nouns: dict[str, TriggerEntry]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger in a document: ``head`` is the token arguments and status hang from;
    ``start``/``end`` are token indices of the whole trigger (phrases span several)."""

    head: Token
    start: int
    end: int
    entry: TriggerEntry
    nominal: bool


def _entry(raw: dict[str, Any], where: str) -> TriggerEntry:
    event_type = str(raw.get("type", "")).upper()
    if event_type not in EVENT_TYPES:
        raise DatelineError(
            f"{where}: type {raw.get('type')!r} is not a PLOVER type; use one of "
            + ", ".join(EVENT_TYPES)
        )
    needs = tuple(raw.get("needs") or ())
    unknown = [n for n in needs if n not in CONDITIONS]
    if unknown:
        raise DatelineError(f"{where}: unknown condition {unknown}; use {', '.join(CONDITIONS)}")
    cameo = raw.get("cameo")
    return TriggerEntry(event_type, raw.get("mode"), str(cameo) if cameo else None, needs)


def parse_lexicon(data: dict[str, Any], source: str) -> Lexicon:
    verbs = {
        k.lower(): _entry(v, f"{source}: verbs.{k}") for k, v in (data.get("verbs") or {}).items()
    }
    nouns = {
        k.lower(): _entry(v, f"{source}: nouns.{k}") for k, v in (data.get("nouns") or {}).items()
    }
    phrases = []
    for i, raw in enumerate(data.get("phrases") or []):
        words = tuple(tuple(alt.lower() for alt in w.split("|")) for w in raw["pattern"].split())
        phrases.append(Phrase(words, _entry(raw, f"{source}: phrases[{i}]")))
    # Longest phrases first, so "speak over the phone" wins over anything shorter.
    phrases.sort(key=lambda p: -len(p.words))
    return Lexicon(verbs, nouns, tuple(phrases))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    override = os.environ.get("DATELINE_TRIGGERS")
    if override:
        path = Path(override)
        return parse_lexicon(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    text = resources.files("dateline.events").joinpath("data/triggers.yaml").read_text("utf-8")
    return parse_lexicon(yaml.safe_load(text), "dateline/events/data/triggers.yaml")


def _word_matches(token: Token, alternatives: tuple[str, ...]) -> bool:
    return token.lower_ in alternatives or token.lemma_.lower() in alternatives


def find_triggers(doc: Doc, lexicon: Lexicon | None = None) -> list[TriggerMatch]:
    """Every trigger occurrence in ``doc``, in text order; phrases win over single words."""
    lexicon = lexicon or load()
    matches: list[TriggerMatch] = []
    covered: set[int] = set()
    for phrase in lexicon.phrases:
        n = len(phrase.words)
        for i in range(len(doc) - n + 1):
            if any(j in covered for j in range(i, i + n)):
                continue
            if all(_word_matches(doc[i + k], phrase.words[k]) for k in range(n)):
                head = doc[i]
                nominal = head.pos_ in ("NOUN", "PROPN") or phrase.words[0][0] in (
                    "phone", "telephone", "video", "humanitarian", "military", "joint", "hunger")
                if nominal:
                    # In "phone call" the noun that carries the arguments is the last word.
                    head = doc[i + n - 1]
                matches.append(TriggerMatch(head, i, i + n, phrase.entry, nominal))
                covered.update(range(i, i + n))
    for token in doc:
        if token.i in covered:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in lexicon.verbs:
            matches.append(TriggerMatch(token, token.i, token.i + 1, lexicon.verbs[lemma], False))
        elif token.pos_ == "NOUN":
            entry = lexicon.nouns.get(token.lower_) or lexicon.nouns.get(lemma)
            if entry is not None:
                matches.append(TriggerMatch(token, token.i, token.i + 1, entry, True))
    matches.sort(key=lambda m: m.start)
    return matches
