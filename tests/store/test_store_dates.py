"""Calendar spans of TIMEX3 values: what the store sorts and filters events by."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import EventDate
from dateline.store.dates import calendar_span, event_span


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024-03-08", date(2024, 3, 8), date(2024, 3, 8)),
        ("2024-03-08T14:30", date(2024, 3, 8), date(2024, 3, 8)),
        ("2024-03-08TMO", date(2024, 3, 8), date(2024, 3, 8)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-W10", date(2024, 3, 4), date(2024, 3, 10)),
        ("2024-W10-5", date(2024, 3, 8), date(2024, 3, 8)),
        ("2024-W10-WE", date(2024, 3, 9), date(2024, 3, 10)),
        ("2024-Q2", date(2024, 4, 1), date(2024, 6, 30)),
        ("2024-H2", date(2024, 7, 1), date(2024, 12, 31)),
        ("2024-SU", date(2024, 6, 1), date(2024, 8, 31)),
        ("2024-WI", date(2024, 12, 1), date(2025, 2, 28)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("199", date(1990, 1, 1), date(1999, 12, 31)),
        ("20", date(2000, 1, 1), date(2099, 12, 31)),
    ],
)
def test_calendar_span_of_each_granularity(value: str, first: date, last: date) -> None:
    assert calendar_span(value) == (first, last)


@pytest.mark.parametrize(
    "value", ["PAST_REF", "PRESENT_REF", "FUTURE_REF", "XXXX-03-08", "P4Y", "2024-13",
              "2024-02-30", "2024-W54", "", "next week"],
)
def test_values_naming_no_calendar_span_give_none(value: str) -> None:
    assert calendar_span(value) is None


def test_event_span_prefers_earliest_and_latest_over_the_value() -> None:
    bounded = EventDate(value="2024-W10", text="this week", earliest="2024-03-06",
                        latest="2024-03-07")
    assert event_span(bounded) == (date(2024, 3, 6), date(2024, 3, 7))


def test_event_span_uses_one_known_bound_for_both() -> None:
    after = EventDate(value="FUTURE_REF", text="after the summit", earliest="2024-03-20")
    assert event_span(after) == (date(2024, 3, 20), date(2024, 3, 20))


def test_event_span_of_unknown_date_is_none() -> None:
    assert event_span(None) is None
    assert event_span(EventDate(value="PAST_REF", text="earlier")) is None
