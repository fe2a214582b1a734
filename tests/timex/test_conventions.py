"""TIMEX3 conventions the tagger follows (TimeML guidelines, TempEval-3 practice), each on a
sentence of our own."""

from __future__ import annotations

from datetime import date

from dateline.timex import tag

#: A Monday.
MONDAY = date(2024, 3, 4)


def values(text: str, dct: date = MONDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def test_last_month_day_is_that_day_not_the_month():
    assert values("The talks collapsed last Oct. 23 in Vienna.") == [
        ("Oct. 23", "DATE", "2023-10-23")]


def test_week_of_a_date_is_the_calendar_week_holding_it():
    assert values("A hearing is set for the week of March 18.") == [
        ("the week of March 18", "DATE", "2024-W12")]


def test_spoken_year_after_the_year_is_one_expression():
    assert values("The target for the year two thousand has been dropped.") == [
        ("the year two thousand", "DATE", "2000")]


def test_season_of_a_spoken_year():
    assert values("It rained all through the winter of nineteen ninety-four.") == [
        ("the winter of nineteen ninety-four", "DATE", "1994-WI")]


def test_last_years_quarter_is_the_quarter_under_discussion_a_year_before():
    text = "Profit rose in the third quarter of 2023, but fell short of last year's quarter."
    assert values(text, date(2023, 11, 2))[-1] == ("last year's quarter", "DATE", "2022-Q3")


def test_year_ago_period_keeps_its_noun():
    text = "Net income in the third quarter of 2023 doubled from the year-ago period."
    assert values(text, date(2023, 11, 2))[-1] == ("the year-ago period", "DATE", "2022-Q3")


def test_approximate_offset_with_or_so_is_one_expression():
    assert values("A week or so ago, the general picked the date.")[0][:2] == (
        "A week or so ago", "DATE")


def test_future_with_plural_unit_is_future_ref():
    assert values("The credits will cut taxes in future quarters.") == [
        ("future quarters", "DATE", "FUTURE_REF")]


def test_units_ahead_is_a_vague_duration():
    assert values("Funds may sell bonds in the weeks ahead.") == [
        ("the weeks ahead", "DURATION", "PXW")]


def test_preposition_stays_outside_the_past():
    assert values("In the past, the ministry rarely spoke.") == [
        ("the past", "DATE", "PAST_REF")]


def test_early_and_late_belong_to_the_day_they_modify():
    found = tag("The rebels attacked late yesterday and again early Sunday.", MONDAY)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("late yesterday", "2024-03-03", "END"), ("early Sunday", "2024-03-03", "START")]


def test_earlier_is_a_signal_outside_the_day():
    assert values("Earlier Sunday, the rebels attacked.") == [("Sunday", "DATE", "2024-03-03")]


def test_part_of_day_after_a_preposition_is_a_time_of_the_day_spoken_of():
    text = "Shares fell on March 1. By mid afternoon, dealers were selling."
    assert values(text)[-1] == ("mid afternoon", "TIME", "2024-03-01TAF")


def test_part_of_day_with_a_relative_day():
    assert values("In London at mid-afternoon yesterday, shares were up.") == [
        ("mid-afternoon yesterday", "TIME", "2024-03-03TAF")]


def test_clock_hour_in_the_morning_is_a_time():
    assert values("He will leave at 4 in the morning.") == [
        ("4 in the morning", "TIME", "2024-03-04T04:00")]


def test_first_name_jan_is_not_january():
    assert values("The foreign minister, Jan Kavan, signed.") == []


def test_since_a_month_looks_back_whatever_the_verb():
    text = "The carrier, on patrol since March, was scheduled to return to port."
    assert values(text, date(2023, 8, 13)) == [("March", "DATE", "2023-03")]


def test_abbreviation_does_not_end_the_sentence_for_tense():
    # The cue "will" lies beyond "Gen. Smith": the Friday ahead, not the one behind.
    text = "On Friday, two days after the visit of Gen. Smith, the ministers will meet."
    assert values(text)[0] == ("Friday", "DATE", "2024-03-08")


def test_past_perfect_plan_looks_back():
    text = "The offer previously had been scheduled to expire at midnight Friday."
    assert values(text, date(1989, 10, 30))[0][2].startswith("1989-10-27")


def test_named_seasons_each_and_every_are_sets_of_that_season():
    assert values("It snows each winter and floods every spring.") == [
        ("each winter", "SET", "XXXX-WI"), ("every spring", "SET", "XXXX-SP")]


def test_each_season_is_a_set_of_the_season_under_discussion():
    assert values("The resort opens each season.", date(2024, 1, 10)) == [
        ("each season", "SET", "XXXX-WI")]
    found = tag("Last summer was dry; each season the river drops.", date(2024, 1, 10))
    assert (found[-1].value, found[-1].anchor) == ("XXXX-SU", f"timex:{found[0].start}")
