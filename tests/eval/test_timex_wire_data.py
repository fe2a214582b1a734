"""The wire gold standard (offsets into the silver-sample articles) reads as the scorer reads
it; its scores are measured by `dateline eval timex`, never asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.eval.goldcheck import check
from dateline.eval.timeml import read_standoff

GOLD = Path(__file__).parents[1] / "data" / "timex_wire" / "gold.jsonl"
ARTICLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "silver-sample"


def test_gold_lines_carry_only_offsets_and_attributes_not_text():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len({r["article"] for r in rows}) == 240
    assert all(set(r) <= {"article", "annotator", "start", "end", "type", "value", "mod"}
               for r in rows)


@pytest.mark.skipif(not ARTICLES.is_dir(),
                    reason="../shared/data/silver-sample (the articles) is not beside the repo")
def test_every_offset_falls_on_words_of_its_article():
    for *_, timexes in read_standoff(GOLD, ARTICLES):
        for timex in timexes:
            assert timex.text == timex.text.strip() and timex.text[:1].isalnum()
            assert timex.type in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.skipif(not ARTICLES.is_dir(),
                    reason="../shared/data/silver-sample (the articles) is not beside the repo")
def test_no_gold_value_contradicts_its_own_words():
    assert [p.render() for p in check(GOLD, ARTICLES)] == []
