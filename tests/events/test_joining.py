"""Later mentions join the event they speak of, on sentences written for these tests."""

from __future__ import annotations


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
