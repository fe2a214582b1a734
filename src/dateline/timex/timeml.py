"""Writing tagged text as a TimeML document."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape, quoteattr

from dateline.model import Timex


def _attributes(tid: str, timex: Timex) -> str:
    parts = [f"tid={quoteattr(tid)}", f"type={quoteattr(timex.type)}",
             f"value={quoteattr(timex.value)}"]
    if timex.mod:
        parts.append(f"mod={quoteattr(timex.mod)}")
    return " ".join(parts)


def to_timeml(text: str, timexes: list[Timex], dct: date) -> str:
    """A TimeML document: the creation time in ``<DCT>``, ``text`` in ``<TEXT>`` with one
    ``<TIMEX3 tid type value>`` per timex. Overlapping timexes (which ``tag`` never returns)
    keep the first one."""
    out: list[str] = [
        '<?xml version="1.0" ?>',
        "<TimeML>",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false"'
        f' functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>',
    ]
    body: list[str] = []
    position = 0
    number = 0
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if timex.start < position or timex.end > len(text):
            continue
        number += 1
        body.append(escape(text[position:timex.start]))
        body.append(f"<TIMEX3 {_attributes(f't{number}', timex)}>"
                    f"{escape(text[timex.start:timex.end])}</TIMEX3>")
        position = timex.end
    body.append(escape(text[position:]))
    # No line breaks inside <TEXT>: its content is exactly the input, offsets and all.
    out.append("<TEXT>" + "".join(body) + "</TEXT>")
    out.append("</TimeML>")
    return "\n".join(out) + "\n"
