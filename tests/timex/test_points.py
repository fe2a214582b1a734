"""Calendar arithmetic the tagger relies on, against dates anyone can look up."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex.points import passover


@pytest.mark.parametrize("year, first_day", [
    (1990, date(1990, 4, 10)), (1997, date(1997, 4, 22)), (2000, date(2000, 4, 20)),
    (2010, date(2010, 3, 30)), (2021, date(2021, 3, 28)), (2023, date(2023, 4, 6)),
    (2024, date(2024, 4, 23)), (2025, date(2025, 4, 13)), (2026, date(2026, 4, 2)),
])
def test_passover_begins_on_15_nisan(year: int, first_day: date):
    assert passover(year) == first_day
