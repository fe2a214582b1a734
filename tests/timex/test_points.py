"""Calendar arithmetic the tagger relies on, against dates anyone can look up."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex.points import hijri_in_year, passover


@pytest.mark.parametrize("year, first_day", [
    (1990, date(1990, 4, 10)), (1997, date(1997, 4, 22)), (2000, date(2000, 4, 20)),
    (2010, date(2010, 3, 30)), (2021, date(2021, 3, 28)), (2023, date(2023, 4, 6)),
    (2024, date(2024, 4, 23)), (2025, date(2025, 4, 13)), (2026, date(2026, 4, 2)),
])
def test_passover_begins_on_15_nisan(year: int, first_day: date):
    assert passover(year) == first_day


@pytest.mark.parametrize("year, month, day, observed", [
    # Eid al-Fitr (1 Shawwal) and Eid al-Adha (10 Dhu al-Hijja) as marked in Saudi Arabia.
    (1997, 10, 1, date(1997, 2, 8)), (2010, 10, 1, date(2010, 9, 10)),
    (2024, 10, 1, date(2024, 4, 10)), (1997, 12, 10, date(1997, 4, 18)),
    (2023, 12, 10, date(2023, 6, 28)),
])
def test_the_arithmetic_islamic_calendar_is_within_a_day_of_the_sighting(
        year: int, month: int, day: int, observed: date):
    computed = hijri_in_year(year, month, day)
    assert computed is not None and abs((computed - observed).days) <= 1
