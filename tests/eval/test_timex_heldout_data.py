"""The held-out TimeML set reads as the scorer reads it (its scores are never asserted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.eval.goldcheck import check
from dateline.eval.timeml import read_timeml

HELDOUT = Path(__file__).parents[1] / "data" / "timex_heldout"
FILES = sorted(HELDOUT.glob("*/*.tml"))

#: Ages are not temporal expressions in this project's convention (see tests/data/README.md).
_AGE = re.compile(r"\b(?:year|month|week|day)s?[- ]old\b", re.I)


def test_both_annotators_wrote_twenty_documents():
    assert [len(list((HELDOUT / who).glob("*.tml"))) for who in ("a", "b")] == [20, 20]


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_document_has_a_creation_time_and_well_formed_timexes(path: Path):
    text, dct, timexes = read_timeml(path)
    assert dct.year >= 2019 and timexes
    for timex in timexes:
        assert text[timex.start:timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET") and timex.value
        assert not _AGE.search(timex.text)


def test_no_gold_value_contradicts_its_own_words():
    assert [p.render() for p in check(HELDOUT)] == []
