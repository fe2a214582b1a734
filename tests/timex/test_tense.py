"""The tense of the clause around an expression, from lexical cues and from the parse."""

from __future__ import annotations

import pytest

from dateline.timex.tense import clause_tense, lexical_tense


def tense_of(text: str, expression: str, doc=None):
    start = text.index(expression)
    return clause_tense(text, start, start + len(expression), doc)


def test_since_makes_the_time_lie_behind():
    assert tense_of("The ship will stay on patrol since March.", "March") == "PAST"


def test_until_after_a_verb_is_a_deadline_ahead():
    assert tense_of("The vote was delayed until Saturday.", "Saturday") == "FUTURE"


@pytest.mark.parametrize("text", [
    "The government declared Saturday a public holiday.",
    "The president declared Friday a national day of mourning.",
    "Officials made Monday a non-working day.",
])
def test_a_day_declared_a_holiday_lies_ahead_of_the_declaring(text: str):
    day = next(w for w in ("Saturday", "Friday", "Monday") if w in text)
    assert tense_of(text, day) == "FUTURE"


def test_a_day_made_something_else_keeps_its_clause_tense():
    assert tense_of("He made Monday a good day for markets.", "Monday") != "FUTURE"


def test_as_early_as_looks_ahead():
    text = "The council said the declaration could come as early as Saturday."
    assert tense_of(text, "Saturday") == "FUTURE"


def test_the_participle_of_a_compound_adjective_is_no_past_cue():
    text = "Ministers of the so-called Friends of Syria meet in Paris on Thursday."
    assert tense_of(text, "Thursday") != "PAST"


@pytest.mark.parametrize("text, day", [
    ("Scots vote on Thursday on whether to end the union.", "Thursday"),
    ("Officials ordered all schools to stay closed on Tuesday.", "Tuesday"),
    ("Polls close at 10 p.m., with a result expected early Friday.", "Friday"),
])
def test_parsed_clauses_that_look_ahead(nlp, text: str, day: str):
    assert tense_of(text, day, nlp(text)) == "FUTURE"


@pytest.mark.parametrize("text, day", [
    ("Judge Bates set sentencing for July 15.", "July 15"),
    ("Assad has promised parliamentary elections in May.", "May"),
])
def test_what_is_set_or_promised_lies_ahead(nlp, text: str, day: str):
    assert tense_of(text, day, nlp(text)) == "FUTURE"


@pytest.mark.parametrize("text, day", [
    ("The firm reported record profits for July.", "July"),
    ("The minister proposed the plan in January.", "January"),
    ("The vote had been scheduled for January 25, but was delayed.", "January 25"),
])
def test_a_date_that_dates_the_act_or_an_overtaken_plan_is_not_put_ahead(nlp, text: str,
                                                                       day: str):
    assert tense_of(text, day, nlp(text)) != "FUTURE"


@pytest.mark.parametrize("text, day, tense", [
    ("Kirkfield travel to Ashby on Wednesday before hosting Westbridge on Saturday.",
     "Saturday", "FUTURE"),
    ("Police arrested him after searching the house on Saturday.", "Saturday", "PAST"),
])
def test_a_gerund_after_before_or_after_takes_the_tense_of_its_verb(nlp, text: str,
                                                                     day: str, tense: str):
    assert tense_of(text, day, nlp(text)) == tense


def test_a_directive_does_not_put_a_month_ahead(nlp):
    text = "He broke the rules by inviting an economist to sit in at sessions in January."
    assert tense_of(text, "January", nlp(text)) != "FUTURE"


def test_initial_does_not_end_the_sentence():
    text = "On Friday, Richard A. Jones will take over."
    start = text.index("Friday")
    assert lexical_tense(text, start, start + 6) == "FUTURE"


def test_past_perfect_plan_is_past():
    assert tense_of("It had been scheduled to expire Friday.", "Friday") == "PAST"


def test_parse_reads_payable_as_ahead(nlp):
    text = "The company declared a dividend, payable Dec. 15 to holders."
    assert tense_of(text, "Dec. 15", nlp(text)) == "FUTURE"


def test_parse_leaves_a_possessive_day_to_the_lexical_cues(nlp):
    # "follows" would say the future; the day dates the declaration, said to be past.
    text = "The move follows Tuesday's declaration, which was made public."
    assert tense_of(text, "Tuesday", nlp(text)) == "PAST"


def test_parse_past_perfect_due_is_past(nlp):
    text = "It had been due to expire Friday evening."
    assert tense_of(text, "Friday", nlp(text)) == "PAST"


def test_parse_arranged_event_is_ahead(nlp):
    text = "Protesters planned a large demonstration on Saturday."
    assert tense_of(text, "Saturday", nlp(text)) == "FUTURE"


def test_parse_simple_present_defers_to_a_past_cue(nlp):
    text = "Weakness in big stocks hurt the index, which fell 1.4% on Friday."
    assert tense_of(text, "Friday", nlp(text)) == "PAST"


def test_participle_with_a_determiner_is_an_adjective_not_a_past_tense():
    text = "The split would be paid on a still unspecified date in January."
    assert tense_of(text, "January") == "FUTURE"


def test_past_verb_before_an_infinitive_does_not_date_the_infinitive():
    text = "The bank announced an agreement to acquire the unit in January."
    assert tense_of(text, "January") is None


def test_plan_in_the_past_perfect_still_looks_back():
    text = "The offer had been scheduled to expire in January."
    assert tense_of(text, "January") == "PAST"


def test_until_after_a_past_durative_verb_is_the_end_of_a_past_stretch():
    assert tense_of("The talks lasted until late Thursday night.", "Thursday") == "PAST"


def test_an_expected_or_supposed_outcome_lies_ahead():
    assert tense_of("A ruling is expected Thursday.", "Thursday") == "FUTURE"
    assert tense_of("The talks are supposed to conclude by May.", "May") == "FUTURE"


def test_a_clock_time_with_its_zone_does_not_end_the_sentence():
    text = "Mass will be celebrated at 9:30 a.m. Rome time on Sunday."
    assert tense_of(text, "Sunday") == "FUTURE"


@pytest.mark.parametrize(("text", "expression"), [
    ("The deadline is Monday.", "Monday"),
    ("Markets are closed on Monday for the holiday.", "Monday"),
    ("Winds are forecast to pick up again over the weekend.", "the weekend"),
    ("Officials said the talks could resume on Wednesday.", "Wednesday"),
    ("The ministers, who meet in Paris on Monday, discussed the plan.", "Monday"),
    ("He said he travels to Kyiv on Tuesday.", "Tuesday"),
])
def test_parse_reads_timetables_forecasts_and_prospects_as_ahead(nlp, text, expression):
    assert tense_of(text, expression, nlp(text)) == "FUTURE"


@pytest.mark.parametrize("text", [
    "The spokesman could not be reached for comment on Wednesday.",
    "Neither he nor his aides could be located Wednesday.",
])
def test_parse_reads_a_past_inability_as_past(nlp, text):
    assert tense_of(text, "Wednesday", nlp(text)) != "FUTURE"


@pytest.mark.parametrize(("text", "expression"), [
    ("He quit less than four months before the Nov. 5 election.", "Nov. 5"),
    ("He released a transcript of the July 25 call.", "July 25"),
])
def test_parse_gives_no_tense_to_a_date_that_names_an_event(nlp, text, expression):
    assert tense_of(text, expression, nlp(text)) is None


@pytest.mark.parametrize("text", [
    "The death toll is 40 after the explosion on Tuesday.",
    "The deal signed on Tuesday is expected to boost trade.",
])
def test_parse_does_not_read_a_state_or_a_participle_as_a_timetable(nlp, text):
    assert tense_of(text, "Tuesday", nlp(text)) != "FUTURE"


def test_parse_lets_will_decide_a_date_that_names_an_event(nlp):
    text = "Leaders will meet before the Nov. 5 election."
    assert tense_of(text, "Nov. 5", nlp(text)) == "FUTURE"


def test_parse_reads_a_warned_prospect_with_could_as_ahead(nlp):
    text = "He warned that sanctions could follow on Friday."
    assert tense_of(text, "Friday", nlp(text)) == "FUTURE"


def test_parse_leaves_an_arrangement_participle_to_the_clause(nlp):
    text = "The talks scheduled for Friday will be held in Geneva."
    assert tense_of(text, "Friday", nlp(text)) == "FUTURE"
