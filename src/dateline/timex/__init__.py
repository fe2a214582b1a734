"""Temporal expressions: recognise them and give each its TimeML TIMEX3 type and value.

    >>> from datetime import date
    >>> [(t.text, t.value) for t in tag("They will meet on Friday.", date(2024, 3, 4))]
    [('Friday', '2024-03-08')]

``tag(text, dct, doc=None)`` finds DATE, TIME, DURATION and SET expressions with compiled
patterns built from ``data/lexicon.yaml`` and ``data/holidays.yaml`` and normalises them
against the document creation time ``dct``. Weekdays, months and dates without a year are
placed by the tense of their clause (lexical cues; the spaCy parse ``doc`` sharpens it when
given). A moving reference time carries "On March 3, ..." over to "the next day" (whose
``anchor`` is then ``timex:<start of "March 3">``). Values are never more precise than
the text: "in the coming weeks" is the vague duration ``PXW`` with ``earliest`` and
``latest`` bounds (a stretch ahead, never a day), "last month" is ``2024-02`` with its
first and last day as bounds.

Event anchoring (the events stage calls it):

1. ``anchored_timexes(text, dct, doc=None) -> list[Anchored]`` lists the expressions whose
   date depends on an event: "on the eve of the summit", "two days after the talks", "the
   day before the meeting". Each carries ``timex`` (as ``tag`` returns it: an unknown day
   ``XXXX-XX-XX``, or the DURATION "two days"), the span of the anchoring noun phrase
   (``anchor_start``, ``anchor_end``, ``anchor_text`` = "the summit") and the offset
   (``amount``, ``unit``: -1 DAY for "the eve of").
2. Once the events stage knows the date of the event that noun phrase names, it calls
   ``resolve(anchored, event_date, event_id=None, text=None) -> Timex``: a DATE whose value is
   the event date moved by the offset, no finer than the event date itself, with
   ``anchor = "event:<id>"``. Until then nothing claims a made-up date.

``to_timeml(text, timexes, dct)`` writes a TimeML document; ``dateline.eval.timeml`` scores
the tagger against TimeML gold.
"""

from __future__ import annotations

from dateline.timex.anchor import AnchorDateError, anchored_timexes, resolve
from dateline.timex.tagger import Anchored, analyse, tag
from dateline.timex.timeml import to_timeml

__all__ = [
    "AnchorDateError",
    "Anchored",
    "analyse",
    "anchored_timexes",
    "resolve",
    "tag",
    "to_timeml",
]
