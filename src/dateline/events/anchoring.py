"""Dates anchored on events: "on the eve of the summit", "two days after the talks".

The timex stage leaves such expressions undated (``XXXX-XX-XX``, or the DURATION "two
days"); ``dateline.timex.anchored_timexes`` lists them with the noun phrase they hang from.
Once the events are known, the phrase ("the summit") is matched to the event it names,
and ``dateline.timex.resolve`` turns the expression into a date against that event's date.
The dated expression replaces the undated one in the article's time expressions and becomes
the date of the events whose clause it belongs to.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from dateline.events.arguments import attaches_to, governing_verb
from dateline.model import Event, EventDate, Timex
from dateline.timex import AnchorDateError, Anchored, anchored_timexes, resolve

#: Rounds of resolution: an event dated by an anchor can anchor another in turn.
MAX_ROUNDS = 3


def _may_be_anchored(timexes: list[Timex]) -> bool:
    """Only then is it worth asking the tagger for anchored expressions (it re-reads the text)."""
    return any("X" in t.value or t.type == "DURATION" for t in timexes)


def _named_event(anchored: Anchored, events: list[Event]) -> Event | None:
    """The event one of whose mentions lies in the anchoring noun phrase."""
    for event in events:
        for mention in event.mentions:
            if mention.start < anchored.anchor_end and anchored.anchor_start < mention.end:
                return event
    return None


def _is_undated(event: Event, anchored: Anchored) -> bool:
    if event.date is None:
        return True
    # find_date may have taken the undated expression itself ("the eve") as the date.
    return "X" in event.date.value and event.date.text == anchored.timex.text


def _dated_events(doc: Doc, anchored: Anchored, events: list[Event],
                  anchor: Event) -> list[Event]:
    """The events whose clause holds the anchored expression."""
    out = []
    for event in events:
        if event is anchor or not _is_undated(event, anchored):
            continue
        mention = event.mentions[0]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        trigger = span.root
        if attaches_to(doc, anchored.timex.start, anchored.timex.end, trigger,
                       governing_verb(trigger)):
            out.append(event)
    return out


def apply_anchors(
    text: str, dct: date, doc: Doc, events: list[Event], timexes: list[Timex]
) -> int:
    """Date the expressions anchored on ``events`` and the events they date. ``timexes`` is
    updated in place (the undated expression is replaced by the dated one). Returns how many
    expressions were resolved."""
    if not events or not _may_be_anchored(timexes):
        return 0
    pending = anchored_timexes(text, dct, doc)
    resolved = 0
    for _ in range(MAX_ROUNDS):
        progress = False
        for anchored in list(pending):
            anchor = _named_event(anchored, events)
            if anchor is None or anchor.date is None or "X" in anchor.date.value:
                continue
            try:
                dated = resolve(anchored, anchor.date.value, anchor.id, text)
            except AnchorDateError:
                pending.remove(anchored)
                continue
            pending.remove(anchored)
            progress = True
            resolved += 1
            for i, timex in enumerate(timexes):
                if timex.start == anchored.timex.start and timex.end == anchored.timex.end:
                    timexes[i] = dated
            for event in _dated_events(doc, anchored, events, anchor):
                event.date = EventDate(dated.value, dated.text, dated.earliest, dated.latest)
        if not progress:
            break
    return resolved
