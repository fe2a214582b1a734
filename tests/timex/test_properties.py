"""Properties that must hold on any input: no exception, offsets that slice the text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.timex import tag

#: Words that steer the text into the tagger's patterns, so that the search is not spent on
#: strings nothing would match.
TEMPORAL_WORDS = st.sampled_from([
    "Friday", "March", "3", "1998", "last", "next", "week", "the", "day", "before", "after",
    "ago", "two", "years", "a.m.", "10:30", "EST", "-", ",", ".", "'", "of", "eve", "Q3",
    "quarter", "fiscal", "1990s", "every", "Monday", "Christmas", "Eid al-Fitr", "now",
    "summit", "\n", " ", "May", "1/2", "early", "mid-", "century", "20th",
])


def check(text: str, dct: date) -> None:
    found = tag(text, dct)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert timex.start >= previous_end
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.value
        previous_end = timex.end


@settings(max_examples=300, deadline=None)
@given(st.text(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_any_unicode_text_never_raises_and_offsets_slice(text: str, dct: date) -> None:
    check(text, dct)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEMPORAL_WORDS, max_size=25).map(" ".join),
       st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_temporal_word_soup_never_raises_and_offsets_slice(text: str, dct: date) -> None:
    check(text, dct)
