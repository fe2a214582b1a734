"""TIMEX3 conventions the tagger follows (TimeML guidelines, TempEval-3 practice), each on a
sentence of our own."""

from __future__ import annotations

from datetime import date

import pytest

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


@pytest.mark.parametrize("text", [
    "The recent sale of the unit lifted profit.",
    "The damage is recent and visible.",
    "Current costs will have to be covered.",
])
def test_the_adjectives_recent_and_current_are_not_times(text: str):
    assert values(text) == []


def test_soon_in_a_future_clause_refers_to_the_future():
    assert values("The company will soon begin selling boxes.") == [
        ("soon", "DATE", "FUTURE_REF")]


def test_soon_relating_two_events_is_not_a_time():
    assert values("He left as soon as the talks ended, and soon after he resigned.") == []


def test_soon_in_a_past_narrative_is_not_a_time():
    assert values("The trickle soon became a flood.") == []


def test_quarter_a_year_ago_is_one_expression_a_year_back():
    text = "Net fell in the third quarter. For the quarter a year ago, it earned more."
    assert values(text, date(1989, 10, 26))[-1] == (
        "the quarter a year ago", "DATE", "1988-Q3")


def test_years_ago_in_an_earnings_report_is_a_year_not_a_quarter():
    text = "Net fell in the fourth quarter. The chief executive took over four years ago."
    assert values(text, date(2013, 3, 14))[-1] == ("four years ago", "DATE", "2009")


def test_comparable_year_ago_quarter_is_one_expression():
    text = "Net fell in the third quarter, against a gain in the comparable year-ago quarter."
    assert values(text, date(1989, 10, 26))[-1] == (
        "the comparable year-ago quarter", "DATE", "1988-Q3")


def test_a_quarter_still_to_come_does_not_become_the_reported_one():
    text = ("Net fell in the third quarter. The slump will continue into the fourth "
            "quarter. In the year-ago period, the company earned more.")
    assert values(text, date(1989, 10, 26))[-1] == (
        "the year-ago period", "DATE", "1988-Q3")


def test_an_earlier_quarter_in_passing_does_not_replace_the_reported_one():
    text = ("Net rose in the third quarter. After a flat second quarter, the company cited "
            "higher prices. In the year-earlier period, it took charges.")
    assert values(text, date(1989, 11, 1))[-1] == ("the year-earlier period", "DATE", "1988-Q3")


@pytest.mark.parametrize("comparison", ["a year earlier", "the year-earlier period",
                                        "the 1988 period"])
def test_after_the_nine_months_a_comparison_is_the_year_before(comparison: str):
    text = (f"Net fell in the third quarter from a year earlier. For the nine months, net was "
            f"$18.9 million, against a loss in {comparison}.")
    assert values(text, date(1989, 10, 26))[-1] == (comparison, "DATE", "1988")


def test_a_quarter_after_the_nine_months_is_compared_as_a_quarter_again():
    text = ("For the first nine months, net rose. In the third quarter, sales rose from a year "
            "earlier.")
    assert values(text, date(1989, 10, 26))[-1] == ("a year earlier", "DATE", "1988-Q3")


def test_a_length_of_six_months_is_not_the_year_so_far():
    text = "Net fell in the third quarter. He was jailed for six months. A year earlier it rose."
    assert values(text, date(1989, 10, 26))[-1] == ("A year earlier", "DATE", "1988-Q3")


def test_a_quarter_named_by_its_last_day_is_the_calendar_quarter_most_of_it_lies_in():
    # May to July: mostly the second quarter.
    assert values("In the quarter ended July 31, Jayark had 5.6 million shares.",
                  date(1989, 10, 30))[0] == ("the quarter", "DATE", "1989-Q2")
    assert values("Sales will rise in the quarter ending Dec. 31.",
                  date(1989, 10, 30))[0] == ("the quarter", "DATE", "1989-Q4")


def test_a_fiscal_quarter_under_discussion_keeps_its_name_when_its_last_day_is_given():
    text = ("Sun earned $5 million in the fiscal first quarter. Sales for the quarter ended "
            "Sept. 29 rose.")
    assert values(text, date(1989, 10, 26))[1] == ("the quarter", "DATE", "1989-Q1")


def test_a_fiscal_quarter_reported_as_ended_is_the_reported_one():
    text = "Net fell in its fourth quarter ended Aug. 26. A year earlier it earned more."
    assert values(text, date(1989, 10, 26))[-1] == ("A year earlier", "DATE", "1988-Q4")


def test_programme_title_in_title_case_is_not_a_time():
    assert values('Baker said on ABC\'s "This Week" that talks would go on.') == []


def test_capitalised_time_word_after_a_name_is_part_of_the_name():
    assert values("This is VOA Today.") == []


def test_capitalised_time_word_opening_a_sentence_is_still_a_time():
    assert values("Shares fell on Wednesday. Yesterday, they rose.")[-1] == (
        "Yesterday", "DATE", "2024-03-03")


def test_participle_after_the_date_does_not_outweigh_a_modal_before_it():
    text = ("The airline will almost double its flights between the two cities by August in "
            "the search for new markets untouched by war.")
    assert values(text, date(1998, 2, 13)) == [("August", "DATE", "1998-08")]


def test_part_of_a_decade_with_its_own_article_is_one_expression():
    assert [(t.text, t.value, t.mod) for t in tag("Sales were flat in the last half of the '80s.",
                                                  date(1989, 10, 26))] == [
        ("the last half of the '80s", "198", "END")]


def test_a_unit_after_an_amount_is_a_rate_set():
    assert values("The plan will save $500 million a year.") == [("a year", "SET", "P1Y")]
    assert values("Rooms cost $55 a night.") == [("a night", "SET", "P1D")]


def test_then_current_is_the_present_of_a_past_moment():
    assert values("Holders may buy shares at half the then current price.") == [
        ("then current", "DATE", "PAST_REF")]


def test_one_day_after_a_modal_is_the_future_without_a_date():
    assert values("Islam will one day be the second largest religion here.") == [
        ("one day", "DATE", "FUTURE_REF")]
    assert values("The strike lasted one day.") == [("one day", "DURATION", "P1D")]


def test_ordinal_day_ahead_is_in_the_coming_days_of_the_month():
    assert values("The talks resume on the 15th.") == [("the 15th", "DATE", "2024-03-15")]


def test_ordinal_day_after_a_month_is_a_day_of_that_month():
    assert values("Prices rose in February. On the 12th, they fell.")[-1] == (
        "the 12th", "DATE", "2024-02-12")


def test_ordinal_before_a_noun_is_not_a_day():
    assert values("He lives on the 5th floor.") == []


def test_last_fall_before_in_is_the_season_not_the_verb():
    assert values("He shot the doctor last fall in his home.", date(1999, 6, 7)) == [
        ("last fall", "DATE", "1998-FA")]


def test_soon_in_a_split_infinitive_refers_to_the_future():
    assert values("It expects its sales to soon grow.") == [("soon", "DATE", "FUTURE_REF")]


def test_years_end_is_the_end_of_the_year():
    found = tag("The rules should be in place by year's end.", MONDAY)
    assert [(t.text, t.value, t.mod) for t in found] == [("year's end", "2024", "END")]


def test_midnight_on_a_weekday_is_that_weekdays_midnight():
    assert values("The ceasefire took effect at midnight on Sunday.", date(2013, 3, 20)) == [
        ("midnight on Sunday", "TIME", "2013-03-17T24:00")]


def test_end_of_the_month_is_the_month_spoken_of_with_its_end():
    found = tag("The bank expects to close the deal by the end of the month.", MONDAY)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("the end of the month", "2024-03", "END")]


def test_time_words_in_capitals_are_still_times():
    assert values("TALKS WILL RESUME NEXT WEEK, OFFICIALS SAID TODAY.") == [
        ("NEXT WEEK", "DATE", "2024-W11"), ("TODAY", "DATE", "2024-03-04")]


def test_first_week_of_a_month_is_the_iso_week_holding_most_of_its_days():
    found = tag("It happened in the first week of March 2024.", MONDAY)
    assert [(t.text, t.value, t.earliest, t.latest) for t in found] == [
        ("the first week of March 2024", "2024-W10", "2024-03-01", "2024-03-07")]


def test_weekday_with_a_part_of_the_day_is_a_time_of_that_day():
    # TimeML guidelines: "Friday night" is a TIME valued with the part of the day.
    assert values("Gunmen attacked the concert hall on Friday night.") == [
        ("Friday night", "TIME", "2024-03-01TNI")]


def test_more_than_a_year_ago_is_a_point_before_not_a_longer_duration():
    found = tag("The uprising began more than a year ago.", MONDAY)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("more than a year ago", "2023", "BEFORE")]
