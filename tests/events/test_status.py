"""Statuses read from the words around the trigger, on sentences written for these tests."""

from __future__ import annotations

import pytest


def status_of(extract, text: str, event_type: str, day: str = "2025-02-03") -> str:
    found = [e for e in extract(text, date=day).events if e.type == event_type]
    assert len(found) == 1, [e.to_dict() for e in found]
    return found[0].status


def test_exercise_that_began_is_ongoing(extract):
    assert status_of(extract, "Indonesia and Australia began joint naval exercises off Bali "
                              "on Saturday.", "COOPERATE") == "ongoing"


def test_offer_to_host_is_hypothetical(extract):
    assert status_of(extract, "Turkey offered to mediate between Ethiopia and Somalia.",
                     "CONSULT") == "hypothetical"


def test_no_intention_of_attacking_is_denied(extract):
    assert status_of(extract, "Serbia said it had no intention of attacking Kosovo.",
                     "ASSAULT") == "denied"


def test_denying_reports_of_an_event_denies_the_event(extract):
    assert status_of(extract, "Minsk denied reports that its troops had shelled a Ukrainian "
                              "village.", "ASSAULT") == "denied"


def test_suspending_trade_is_the_event_not_a_postponement(extract):
    assert status_of(extract, "Algeria suspended trade with Spain on Friday.",
                     "SANCTION") == "occurred"


def test_talks_ahead_are_planned(extract):
    assert status_of(extract, "Zambia cut fuel subsidies ahead of talks with the IMF.",
                     "CONSULT") == "planned"


def test_noun_with_a_future_date_is_planned_even_under_a_past_verb(extract):
    assert status_of(extract, "Unions in Lisbon called a general strike for next Thursday.",
                     "PROTEST") == "planned"


def test_meeting_that_did_not_take_place_is_cancelled(extract):
    assert status_of(extract, "The meeting between the Thai and Cambodian ministers did not "
                              "take place.", "CONSULT") == "cancelled"


def test_forces_put_on_alert_remain_on_alert(extract):
    assert status_of(extract, "Greece put its navy on alert on Sunday.",
                     "MOBILIZE") == "ongoing"


def test_freeze_that_will_stay_in_place_is_ongoing(extract):
    assert status_of(extract, "Oslo said the aid freeze would remain in force.",
                     "SANCTION") == "ongoing"


def test_threat_to_retaliate_is_made_when_said(extract):
    assert status_of(extract, "Tehran said it would retaliate against any strike.",
                     "THREATEN") == "occurred"


def test_participle_clause_does_not_take_the_main_clause_plan(extract):
    assert status_of(extract, "Oslo will expel two diplomats, blaming Moscow for the "
                              "cyberattack.", "ACCUSE") == "occurred"


def test_no_talks_held_is_a_denied_event(extract):
    x = extract("No talks were held between Sudan and Chad on Monday, officials said.",
                date="2025-11-10")
    [talks] = x.events
    assert talks.type == "CONSULT" and talks.status == "denied"


def test_denying_involvement_in_the_act_one_is_accused_of_denies_that_act(extract):
    x = extract("Lithuania accused Minsk of waging a hybrid attack. Lukashenko denied any "
                "involvement.", date="2025-11-10")
    attack = next(e for e in x.events if e.type == "ASSAULT")
    assert attack.status == "denied"
    assert "REJECT" not in {e.type for e in x.events}


def test_denying_involvement_in_no_reported_act_is_a_rejection(extract):
    x = extract("Kuwait accused three Iranian diplomats of links to a spy cell. Iran denied any "
                "involvement.", date="2025-11-10")
    assert "REJECT" in {e.type for e in x.events}



# Statuses that come from the kind of act, whatever the tense says.
STATUS_BY_KIND_OF_ACT = [
    # A prison term someone faces is a risk, not a sentence carried out.
    ("The blogger faces up to five years in jail.", "COERCE", "hypothetical"),
    # A build-up, like an alert, lasts once begun.
    ("NATO said Russia's military build-up near the border alarmed its members.", "MOBILIZE",
     "ongoing"),
]


@pytest.mark.parametrize(("text", "event_type", "status"), STATUS_BY_KIND_OF_ACT)
def test_status_follows_the_kind_of_act(extract, text, event_type, status):
    assert status_of(extract, text, event_type) == status
