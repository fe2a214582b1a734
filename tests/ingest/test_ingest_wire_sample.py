"""Cleanup on 400 real wire articles (the TempEval-3 silver sample in ../shared/data).

The articles are converted to dated text at run time (never copied into the repository).
Real wire text has tables, slugs and word counts, but almost no captions or headings: cleanup
must read them all and leave nearly all of their text in the body.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from dateline.ingest import read_checked

SILVER = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "silver-sample"

pytestmark = pytest.mark.skipif(
    not SILVER.is_dir(), reason=f"{SILVER} is absent: the wire sample is not available here")


@pytest.fixture(scope="module")
def wire_articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("silver")
    for document in sorted(SILVER.glob("*.tml")):
        raw = document.read_text(encoding="utf-8")
        dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        assert dct and body, document.name
        text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
        (folder / f"{document.stem}.txt").write_text(f"date {dct.group(1)}\n{text}\n")
    articles, errors = read_checked([str(folder)])
    return articles, errors


def test_every_wire_article_is_read(wire_articles):
    articles, errors = wire_articles
    assert errors == []
    assert len(articles) == len(list(SILVER.glob("*.tml")))


def test_cleanup_leaves_nearly_all_wire_text_in_the_body(wire_articles):
    articles, _ = wire_articles
    moved = sum(len(item) for article in articles for key in ("captions", "credits",
                "subheadings") for item in article.metadata[key])
    kept = sum(len(article.text) for article in articles)
    assert moved / (moved + kept) < 0.002


def test_no_wire_sentence_leaves_the_body(wire_articles):
    articles, _ = wire_articles
    lost = []
    for article in articles:
        original = Path(article.metadata["origin"]["path"]).read_text().split("\n", 1)[1]
        for paragraph in re.split(r"\n\s*\n", original):
            paragraph = paragraph.strip()
            if len(paragraph.split()) >= 6 and paragraph.endswith((".", "?", "!", '"')):
                if paragraph not in article.text:
                    lost.append(paragraph)
    assert lost == []
