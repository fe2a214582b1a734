"""Back-references: what lets a report that names neither who nor where link with the event
it points back to ("The organisers called off the march.").

A definite noun phrase presupposes a referent its reader already knows (the uniqueness
presupposition of "the"); a reader of news resolves "the march" to the march in the news
about the same country, by the same head noun (direct anaphora, as in coreference work on
definite descriptions). ``dateline.link.rules`` states the linking rule; this module reads
the cues it needs from an article:

- an article's **focus**: the countries whose actors hold at least ``focus_share`` of the
  mentions of actors with a country;
- an event's **heads**: the last word of each of its mentions ("march");
- its **definite heads**: the heads of mentions introduced by a definite determiner, maybe
  through a word such as "planned" ("the march", "the planned march").

Cues are strings ``COUNTRY:head``: ``named`` (what a back-reference may point to, for every
event that names who or where or has no definite mention) and ``recalls`` (what a
back-reference points back with; only for events with neither actors nor place).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline.link.rules import SETTINGS_PATH, LinkingConfigError, settings_document
from dateline.model import Event, Span

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")
# Characters read before a mention when looking for its determiner: a few words.
_LOOKBEHIND = 80


@dataclass(frozen=True, slots=True)
class BackReferenceSettings:
    determiners: frozenset[str]
    modifiers: frozenset[str]
    focus_share: float


@dataclass(frozen=True, slots=True)
class EventCues:
    """An event's back-reference cues (``COUNTRY:head`` strings; see the module)."""

    named: frozenset[str] = frozenset()
    recalls: frozenset[str] = frozenset()


@cache
def back_reference_settings() -> BackReferenceSettings:
    """The ``back_reference`` section of ``dateline/link/data/linking.yaml``."""
    path = SETTINGS_PATH
    data: dict[str, Any] = settings_document().get("back_reference") or {}
    try:
        return BackReferenceSettings(
            determiners=frozenset(str(w).casefold() for w in data["determiners"]),
            modifiers=frozenset(str(w).casefold() for w in data["modifiers"]),
            focus_share=float(data["focus_share"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise LinkingConfigError(
            f"{path}: back_reference setting {error} is missing or malformed. Restore the "
            "section from the documented defaults in that file's comments"
        ) from error


def article_focus(actor_mentions: Iterable[tuple[str | None, int]]) -> frozenset[str]:
    """The countries an article is about, from (actor country, number of mentions) pairs."""
    counts: Counter[str] = Counter()
    for country, mentions in actor_mentions:
        if country:
            # An actor the article names without a recorded mention still counts once.
            counts[country.strip().upper()] += max(1, mentions)
    total = sum(counts.values())
    share = back_reference_settings().focus_share
    return frozenset(c for c, n in counts.items() if n >= share * total)


def head_word(text: str) -> str | None:
    """The last word of a mention, case-folded: the head of an English noun phrase."""
    words = _WORD.findall(text)
    return words[-1].casefold() if words else None


def is_definite(text: str, mention: Span) -> bool:
    """Whether the mention at ``mention`` in ``text`` is introduced by a definite
    determiner, maybe through listed modifiers ("the march", "the planned march")."""
    rules = back_reference_settings()
    before = _TOKEN.findall(text[max(0, mention.start - _LOOKBEHIND):mention.start])
    for token in reversed(before):
        word = token.casefold()
        if word in rules.determiners:
            return True
        if word not in rules.modifiers:
            return False
    return False


def event_cues(event: Event, text: str | None, focus: frozenset[str]) -> EventCues:
    """The cues of ``event`` read from its article (``text``; None when the event names
    actors or a place, whose cues need no text) focused on ``focus``."""
    heads = {h for m in event.mentions if (h := head_word(m.text))}
    if may_recall(event) and text is not None:
        definite = {
            h for m in event.mentions if (h := head_word(m.text)) and is_definite(text, m)
        }
        if definite:
            return EventCues(recalls=_pairs(focus, definite))
    return EventCues(named=_pairs(focus, heads))


def may_recall(event: Event) -> bool:
    """Whether ``event`` could be a back-reference (its cues then need its article text)."""
    return not any(p.actor_id for p in event.participants) and event.location is None


def _pairs(focus: Iterable[str], heads: Sequence[str] | set[str]) -> frozenset[str]:
    return frozenset(f"{country}:{head}" for country in focus for head in heads)
