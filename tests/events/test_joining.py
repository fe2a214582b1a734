"""Later mentions join the event they speak of, on sentences written for these tests."""

from __future__ import annotations

import pytest


def consults(extraction):
    return [e for e in extraction.events if e.type == "CONSULT"]


def test_later_mention_naming_fewer_parties_joins_the_event(extract):
    x = extract("Kenya and Uganda will meet in Nairobi on Friday. Kenya has said it will "
                "meet Uganda without conditions.", date="2025-02-03")
    consults = [e for e in x.events if e.type == "CONSULT"]
    assert len(consults) == 1 and len(consults[0].mentions) == 2


def test_bare_noun_with_nothing_of_its_own_joins_the_event(extract):
    x = extract("Egypt and Sudan met in Khartoum on Monday. Officials said a summit had long "
                "been overdue.", date="2025-02-05")
    [meeting] = consults(x)
    assert [m.text for m in meeting.mentions] == ["met", "summit"]


def test_meetings_on_different_dates_stay_apart(extract):
    x = extract("Kenya and Uganda met on Monday. Kenya and Uganda will meet again in May.",
                date="2025-02-05")
    assert len(consults(x)) == 2


def test_acts_in_opposite_directions_stay_two_events(extract):
    x = extract("Chile said it would cut its tariffs on Peruvian fruit. Peru agreed to lift "
                "its curbs on Chilean wine.", date="2025-11-10")
    easings = [e for e in x.events if e.type == "RETREAT"]
    assert len(easings) == 2


def test_no_such_meeting_denies_the_meeting_named_before(extract):
    x = extract("Japanese media said Takaichi would meet Li Qiang in Johannesburg. Beijing said "
                "no such meeting was planned.", date="2025-11-20")
    [meeting] = x.events
    assert meeting.status == "denied"
    assert [m.text for m in meeting.mentions] == ["meet", "meeting"]


def test_a_states_organ_and_the_state_are_one_party(extract):
    x = extract("Israel carried out strikes on southern Lebanon on Thursday. Israel's military "
                "said its strikes had targeted weapons depots.", date="2025-11-14")
    assert [e.type for e in x.events] == ["ASSAULT"]




# How many events of a type some wording reports: coordinated acts, and two words for one act.
EVENT_COUNTS = [
    pytest.param("Authorities imposed a curfew in the capital and shut down internet access on "
                 "Tuesday.", "COERCE", 2,
                 id="two_coordinated_acts_each_with_its_object_stay_two_events"),
    pytest.param("Iran said it would not negotiate with Washington and ruled out direct talks.",
                 "REJECT", 1, id="coordinated_refusals_restate_one_stance"),
    pytest.param("Moldova's electoral commission barred opposition leader Ion Rusu from the vote "
                 "after a court suspended the activities of his party.", "COERCE", 2,
                 id="an_act_in_a_clause_of_another_by_someone_else_stays_apart"),
    pytest.param("Canada imposed financial sanctions and travel bans on six Belarusian officials.",
                 "SANCTION", 1, id="nouns_joined_by_and_under_one_verb_are_one_act"),
    pytest.param("The first aid convoy to reach the town delivered food and medicine on Friday.",
                 "AID", 1, id="a_verb_whose_subject_is_the_event_noun_speaks_of_that_event"),
]


@pytest.mark.parametrize(("text", "event_type", "count"), EVENT_COUNTS)
def test_events_of_a_type_are_counted_as_acts(extract, text, event_type, count):
    found = [e for e in extract(text, date="2025-10-15").events if e.type == event_type]
    assert len(found) == count
