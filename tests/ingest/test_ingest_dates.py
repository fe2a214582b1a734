"""parse_date: YYYY-MM-DD and ISO timestamps in, clear errors out."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dateline.errors import InputError
from dateline.ingest import Place, parse_date


@pytest.mark.parametrize("value", [
    "2024-03-04", " 2024-03-04 ", "2024-03-04T10:00:00Z", "2024-03-04T10:00:00+05:30",
    "2024-03-04 23:59", "2024-03-04T10:00:00.123456-04:00",
])
def test_accepts_dates_and_iso_timestamps(value):
    assert parse_date(value) == date(2024, 3, 4)


def test_keeps_the_date_part_without_converting_time_zones():
    assert parse_date("2024-03-04T23:30:00-08:00") == date(2024, 3, 4)


def test_passes_dates_through_and_takes_the_day_of_datetimes():
    assert parse_date(date(2024, 3, 4)) == date(2024, 3, 4)
    assert type(parse_date(datetime(2024, 3, 4, 12, 0))) is date


def test_day_first_date_gets_the_rewritten_value_as_fix():
    with pytest.raises(InputError) as caught:
        parse_date("20-10-2025", Place("feed.jsonl", 12, 'field "date"'))
    assert str(caught.value) == ('line 12 of feed.jsonl: field "date" is "20-10-2025", '
                                 "expected YYYY-MM-DD. Write it as year-month-day: 2025-10-20.")


def test_ambiguous_order_offers_both_readings():
    with pytest.raises(InputError, match="2024-04-03 or 2024-03-04, whichever is meant"):
        parse_date("03/04/2024")


def test_impossible_day_is_refused():
    with pytest.raises(InputError, match="not a day of the calendar"):
        parse_date("2025-02-29")


def test_number_is_refused_with_its_kind():
    with pytest.raises(InputError, match=r"date is 20251020 \(a number\)"):
        parse_date(20251020)


@pytest.mark.parametrize("value", ["March 4, 2024", "2024-3-4", "20240304", ""])
def test_other_spellings_are_refused(value):
    with pytest.raises(InputError, match="expected YYYY-MM-DD"):
        parse_date(value, "a.txt")
