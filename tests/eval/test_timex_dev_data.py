"""The development articles read as the scorer reads them (their scores are measured by
`dateline eval timex tests/data/timex_dev`, never asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.goldcheck import check
from dateline.eval.timeml import read_timeml

DEV = Path(__file__).parents[1] / "data" / "timex_dev"
FILES = sorted(DEV.glob("*/*.tml"))


def test_four_writers_wrote_fifteen_articles_each():
    assert [len(list((DEV / who).glob("*.tml"))) for who in "1234"] == [15, 15, 15, 15]


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_article_has_a_creation_time_and_timexes_on_its_words(path: Path):
    text, dct, timexes = read_timeml(path)
    assert 2011 <= dct.year <= 2016 and timexes
    for timex in timexes:
        assert text[timex.start:timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET") and timex.value


def test_no_gold_value_contradicts_its_own_words():
    assert [p.render() for p in check(DEV)] == []
