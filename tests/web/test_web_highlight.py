"""Article text as escaped HTML with overlapping highlights."""

from __future__ import annotations

import re

from web_fixtures import HOSTILE_SCRIPT, hostile_extraction

from dateline.web.highlight import Annotation, annotations_of, highlight


def _text_of(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_highlight_wraps_the_annotated_words():
    html = str(highlight("Wang met Modi", [Annotation(5, 8, "event", "CONSULT")]))
    assert html == 'Wang <span class="hl hl-event" title="CONSULT">met</span> Modi'


def test_overlapping_annotations_share_pieces_and_keep_the_text():
    text = '"Wang met Modi," she said.'
    annotations = [Annotation(1, 14, "quote", "quote"), Annotation(1, 5, "actor", "Wang"),
                   Annotation(6, 9, "event", "CONSULT")]
    html = str(highlight(text, annotations))
    assert _text_of(html) == text
    assert 'class="hl hl-quote hl-actor"' in html
    assert 'class="hl hl-quote hl-event"' in html


def test_markup_in_the_text_is_escaped():
    html = str(highlight(HOSTILE_SCRIPT, [Annotation(0, 8, "event", "<b>x</b>")]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>" not in html


def test_offsets_outside_the_text_are_ignored():
    html = str(highlight("short", [Annotation(3, 99, "event", "x"), Annotation(2, 2, "timex",
                                                                                 "empty")]))
    assert html == "short"


def test_anchor_goes_on_the_first_piece_only():
    annotations = [Annotation(0, 9, "event", "e", anchor="ev-1-0"),
                   Annotation(4, 6, "actor", "a")]
    html = str(highlight("abcdefghij", annotations))
    assert html.count('id="ev-1-0"') == 1
    assert html.index('id="ev-1-0"') < html.index("abcd")


def test_annotations_of_cover_every_kind():
    kinds = {a.kind for a in annotations_of(hostile_extraction())}
    assert kinds == {"timex", "actor", "event", "quote"}
