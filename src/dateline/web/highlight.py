"""Article text as escaped HTML with its annotations highlighted.

Annotations overlap (an actor named inside a quote, a date inside an event's sentence), so
the text is cut at every annotation boundary and each piece is wrapped in one ``<span>``
whose classes name every annotation covering it. Each piece of text goes through
``markupsafe.escape``: articles can hold HTML and script, and none of it may reach the page
as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from dateline.model import Extraction

#: Annotation kinds, in the order their classes are written.
KINDS = ("quote", "event", "actor", "timex", "place", "source")


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlighted span: ``kind`` is one of KINDS, ``label`` the tooltip, ``anchor`` an
    element id for the first piece (so a link can jump to it), ``ref`` the id of the thing
    annotated (event id, actor id) for scripts and tests."""

    start: int
    end: int
    kind: str
    label: str
    anchor: str | None = None
    ref: str | None = None


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    covering: list[Annotation] = field(default_factory=list)


def annotations_of(extraction: Extraction) -> list[Annotation]:
    """Every timex, actor mention, event mention and quote of one article."""
    found: list[Annotation] = []
    for timex in extraction.timexes:
        found.append(Annotation(
            timex.start, timex.end, "timex", f"{timex.type} {timex.value}",
        ))
    for actor in extraction.actors:
        where = f" ({actor.country})" if actor.country else ""
        for mention in actor.mentions:
            found.append(Annotation(
                mention.start, mention.end, "actor", f"{actor.name}{where}, {actor.kind}",
                ref=actor.id,
            ))
    for event in extraction.events:
        when = f" on {event.date.value}" if event.date else ""
        for number, mention in enumerate(event.mentions):
            found.append(Annotation(
                mention.start, mention.end, "event", f"{event.type} {event.status}{when}",
                anchor=f"ev-{event.id}-{number}", ref=event.id,
            ))
    for number, quote in enumerate(extraction.quotes):
        speaker = quote.speaker.name if quote.speaker else "unknown speaker"
        via = "".join(f" via {relay.name}" for relay in quote.via)
        found.append(Annotation(
            quote.start, quote.end, "quote", f"quote by {speaker}{via}", anchor=f"q-{number}",
        ))
    return found


def highlight(text: str, annotations: Iterable[Annotation]) -> Markup:
    """``text`` as HTML, every annotation a ``<span class="hl hl-KIND">`` around its words.

    Spans outside the text or empty are ignored rather than trusted: offsets come from a
    database a user may have edited by hand.
    """
    usable = [a for a in annotations if 0 <= a.start < a.end <= len(text)]
    cuts = sorted({0, len(text), *(a.start for a in usable), *(a.end for a in usable)})
    pieces = [_Piece(start, end) for start, end in zip(cuts, cuts[1:], strict=False)]
    starts = {piece.start: index for index, piece in enumerate(pieces)}
    for annotation in usable:
        index = starts[annotation.start]
        while index < len(pieces) and pieces[index].end <= annotation.end:
            pieces[index].covering.append(annotation)
            index += 1
    anchored: set[str] = set()
    html: list[str] = []
    for piece in pieces:
        words = str(escape(text[piece.start:piece.end]))
        if not piece.covering:
            html.append(words)
            continue
        html.append(_open_tag(piece, anchored) + words + "</span>")
    return Markup("".join(html))


def _open_tag(piece: _Piece, anchored: set[str]) -> str:
    kinds = sorted({a.kind for a in piece.covering}, key=_kind_order)
    classes = " ".join(["hl", *(f"hl-{kind}" for kind in kinds)])
    attributes = [f'class="{classes}"']
    labels = "; ".join(dict.fromkeys(a.label for a in _ordered(piece.covering)))
    attributes.append(f'title="{escape(labels)}"')
    refs = " ".join(dict.fromkeys(a.ref for a in _ordered(piece.covering) if a.ref))
    if refs:
        attributes.append(f'data-ref="{escape(refs)}"')
    for annotation in _ordered(piece.covering):
        if annotation.anchor and annotation.anchor not in anchored:
            anchored.add(annotation.anchor)
            attributes.append(f'id="{escape(annotation.anchor)}"')
            break
    return f"<span {' '.join(attributes)}>"


def _kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _ordered(annotations: Sequence[Annotation]) -> list[Annotation]:
    # Inner (shorter) annotations first: their labels say more about these exact words.
    return sorted(annotations, key=lambda a: (a.end - a.start, _kind_order(a.kind)))
