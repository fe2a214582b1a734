"""Which trigger words report events of their own, on sentences written for these tests."""

from __future__ import annotations


def types(extraction) -> list[str]:
    return sorted(e.type for e in extraction.events)


def test_what_is_urged_is_not_an_event_of_its_own(extract):
    x = extract("Norway urged Sudan to release the aid workers.", date="2025-02-03")
    assert types(x) == ["REQUEST"]


def test_what_is_threatened_is_not_an_event_of_its_own(extract):
    x = extract("Peru threatened to expel the Bolivian ambassador.", date="2025-02-03")
    assert types(x) == ["THREATEN"]


def test_negated_future_verb_is_a_refusal(extract):
    x = extract("The rebel commander said his fighters would not disarm.", date="2025-02-03")
    [refusal] = x.events
    assert refusal.type == "REJECT" and refusal.status == "occurred"
    assert refusal.mentions[0].text == "disarm"


def test_meeting_that_will_not_happen_as_planned_is_cancelled(extract):
    x = extract("The Kenyan and Ugandan presidents will not meet next month as planned, "
                "officials said.", date="2025-02-03")
    [meeting] = x.events
    assert meeting.type == "CONSULT" and meeting.status == "cancelled"


def test_hosting_a_conference_is_one_event(extract):
    x = extract("Ghana will host a conference on cocoa prices in Accra in May.",
                date="2025-02-03")
    [conference] = x.events
    assert conference.type == "CONSULT" and conference.status == "planned"
    assert [m.text for m in conference.mentions] == ["host", "conference"]


def test_travel_for_talks_is_one_visit(extract):
    x = extract("Chile's foreign minister will travel to Lima on Monday for talks with his "
                "Peruvian counterpart.", date="2025-02-03")
    [visit] = x.events
    assert visit.mode == "visit"
    assert {m.text for m in visit.mentions} == {"travel", "talks"}


def test_noun_modifying_another_noun_is_no_event(extract):
    x = extract("Investigators in Lagos widened the bombing inquiry on Tuesday.",
                date="2025-02-03")
    assert "ASSAULT" not in types(x)


def test_agreement_mentioned_in_passing_is_no_new_event(extract):
    x = extract("Ecuador accused Colombia of violating the fishing accord.", date="2025-02-03")
    assert types(x) == ["ACCUSE"]


def test_agreement_that_was_reached_is_an_event(extract):
    x = extract("Ecuador and Colombia reached a fishing accord on Friday.", date="2025-02-03")
    assert types(x) == ["AGREE"]


def test_labour_strike_is_a_protest_and_missile_strike_an_assault(extract):
    labour = extract("Dock workers in Santos began a strike over pay on Monday.",
                     date="2025-02-03")
    military = extract("A missile strike hit a fuel depot near Kharkiv on Monday.",
                       date="2025-02-03")
    assert [e.type for e in labour.events] == ["PROTEST"]
    assert [e.type for e in military.events] == ["ASSAULT"]


def test_state_that_protests_accuses_rather_than_demonstrates(extract):
    x = extract("Japan protested to China over the detention of a Japanese citizen.",
                date="2025-02-03")
    assert "ACCUSE" in types(x) and "PROTEST" not in types(x)


def test_police_need_no_actor_entry_to_raid(extract):
    x = extract("Police raided the offices of an opposition newspaper in Tbilisi.",
                date="2025-02-03")
    assert types(x) == ["COERCE"]


def test_sports_win_is_no_assault(extract):
    x = extract("Brazil beat Argentina 2-1 in Sao Paulo on Sunday.", date="2025-02-03")
    assert x.events == []


def test_casualty_without_a_doer_is_no_new_assault(extract):
    assert extract("One police officer was killed.", date="2025-02-03").events == []


def test_casualty_with_its_doer_named_is_an_assault(extract):
    x = extract("Two soldiers were killed by Houthi rebels near Marib.", date="2025-02-03")
    assert types(x) == ["ASSAULT"]


def test_nobody_agreeing_is_no_agreement(extract):
    x = extract("Oman offered talks, but neither side has agreed.", date="2025-02-03")
    assert "AGREE" not in types(x)


def test_what_a_described_message_calls_for_is_no_event(extract):
    x = extract("Police in Minsk detained a blogger for posts calling for a boycott of the "
                "vote.", date="2025-02-03")
    assert types(x) == ["COERCE"]


def test_gerund_standing_for_fighting_is_an_assault(extract):
    x = extract("The vote will go ahead despite fighting in two provinces.", date="2025-02-03")
    assert "ASSAULT" in types(x)


def test_shooting_incident_is_the_shooting(extract):
    x = extract("Two guards died in a shooting incident at the border post.",
                date="2025-02-03")
    assert types(x) == ["ASSAULT"]


def test_call_during_which_someone_praised_is_still_a_call(extract):
    x = extract("Kenya's president praised the plan during a phone call with Ghana's "
                "president on Friday.", date="2025-02-03")
    assert types(x) == ["CONSULT", "SUPPORT"]


def test_participle_repeating_the_act_is_the_same_event(extract):
    x = extract("Seoul rebuffed the proposal on Monday, rejecting any talks with Pyongyang.",
                date="2025-02-05")
    [refusal] = x.events
    assert [m.text for m in refusal.mentions] == ["rebuffed", "rejecting"]


def test_negated_light_verb_cancels_the_planned_event_instead_of_refusing(extract):
    x = extract("Kenya and Tanzania will not hold their planned joint naval exercise this "
                "month, the Kenyan defence ministry said.", date="2025-02-03")
    [exercise] = x.events
    assert exercise.type == "COOPERATE" and exercise.status == "cancelled"
    assert exercise.mentions[0].text == "joint naval exercise"


def test_saying_something_will_not_happen_is_no_refusal(extract):
    x = extract("The minister said the referendum would not take place before 2027.",
                date="2025-02-03")
    assert x.events == []


def test_aid_pledged_in_an_amount_is_one_aid_event_with_giver_and_receiver(extract):
    x = extract("Norway pledged $5 million in emergency aid to Malawi on Monday.",
                date="2025-02-05")
    [aid] = x.events
    assert aid.type == "AID"
    words = " ".join(m.text for m in aid.mentions)
    assert words.startswith("pledged") and words.endswith("aid")
    assert {(p.country, p.role) for p in aid.participants} == {("NOR", "source"),
                                                               ("MWI", "target")}


def test_loan_given_to_a_country_is_aid_from_the_giver(extract):
    x = extract("Qatar will give Egypt a $2 billion loan.", date="2025-02-05")
    [aid] = x.events
    assert (aid.type, aid.mode, aid.status) == ("AID", "economic", "planned")
    assert {p.country for p in aid.participants} == {"QAT", "EGY"}


def test_a_suspended_sanction_is_an_easing_not_a_new_sanction(extract):
    x = extract("The US Treasury extended its suspension of the sanctions on Syria for 180 days.",
                date="2025-11-10")
    assert [(e.type, e.mode) for e in x.events] == [("RETREAT", "easing")]


def test_waived_tariffs_are_eased_by_who_waives_them(extract):
    x = extract("Canada waived tariffs on Mexican steel on Monday.", date="2025-11-10")
    [easing] = x.events
    assert (easing.type, easing.mode) == ("RETREAT", "easing")
    assert ("CAN", "source") in {(p.country, p.role) for p in easing.participants}


def test_the_topic_of_an_investigation_is_no_new_event(extract):
    x = extract("Thailand will not resume talks until an investigation into the landmine "
                "blast is complete.", date="2025-11-10")
    assert "ASSAULT" not in types(x)


def test_a_noun_said_of_a_visit_is_that_visit(extract):
    x = extract("Ruto will visit Japan next month, in what would be his first trip to Tokyo.",
                date="2025-11-10")
    [visit] = x.events
    assert visit.status == "planned"
    assert [m.text for m in visit.mentions] == ["visit", "trip"]


def test_threat_spelled_out_as_a_clause_is_a_hypothetical_event_of_its_own(extract):
    x = extract("Ecuador warned that its government would expel any diplomat who interfered "
                "in the vote.", date="2025-11-10")
    assert sorted((e.type, e.status) for e in x.events) == [("COERCE", "hypothetical"),
                                                            ("THREATEN", "occurred")]


def test_talks_put_forward_in_a_rejected_proposal_are_hypothetical(extract):
    x = extract("Rabat rejected an Algerian proposal for talks on the border.",
                date="2025-11-10")
    assert sorted((e.type, e.status) for e in x.events) == [("CONSULT", "hypothetical"),
                                                            ("REJECT", "occurred")]


def test_frozen_assets_as_an_adjective_phrase_is_no_sanction(extract):
    x = extract("Japan will lend Ukraine $1 billion backed by frozen Russian assets.",
                date="2025-11-10")
    assert "SANCTION" not in types(x)


def test_the_audience_of_a_remark_is_no_meeting(extract):
    x = extract("The minister told a conference in Doha that the channel was open.",
                date="2025-11-10")
    assert "CONSULT" not in types(x)


def test_a_sum_pledged_is_economic_aid(extract):
    x = extract("Britain pledged 50 million pounds to rebuild Gaza.", date="2025-11-10")
    [aid] = x.events
    assert (aid.type, aid.mode) == ("AID", "economic")
    assert [p.country for p in aid.participants if p.role == "source"] == ["GBR"]


def test_a_fine_is_no_aid(extract):
    x = extract("The court fined the company $2 million.", date="2025-11-10")
    assert "AID" not in types(x)


def test_withholding_confirmation_is_no_refusal(extract):
    x = extract("South African officials would not confirm the rebels' arrival.",
                date="2025-11-10")
    assert "REJECT" not in types(x)


def test_a_negated_thought_is_no_refusal(extract):
    x = extract('"I thought I would never see him again," she said.', date="2025-11-10")
    assert "REJECT" not in types(x)


def test_the_deed_a_punishment_is_over_is_an_event_of_its_own(extract):
    x = extract("Britain sanctioned two police chiefs over the violent dispersal of protesters.",
                date="2025-11-10")
    assert sorted(types(x)) == ["COERCE", "SANCTION"]


def test_the_toll_of_an_attack_is_the_same_attack(extract):
    x = extract("The army said it had repulsed an attack by rebels on a garrison, killing 20 "
                "fighters.", date="2025-11-16")
    assert [(e.type, len(e.mentions)) for e in x.events] == [("ASSAULT", 2)]


def test_the_condition_of_a_threat_is_no_event(extract):
    x = extract("Pakistan warned that it would strike inside Afghanistan if militants attacked "
                "Pakistani cities.", date="2025-11-10")
    assert "ASSAULT" not in {(e.type) for e in x.events if e.status != "hypothetical"}
    assert not any(e.mentions[0].text == "attacked" for e in x.events)


def test_a_truce_that_would_hold_is_no_new_agreement(extract):
    x = extract('Vance said he was "very optimistic" the truce would hold.', date="2025-11-10")
    assert "AGREE" not in types(x)


def test_talks_that_ended_without_agreement_report_no_agreement(extract):
    x = extract("Talks between Sudan and Chad collapsed on Tuesday without agreement.",
                date="2025-11-10")
    assert types(x) == ["CONSULT"]


def test_suspending_an_accord_is_no_new_accord(extract):
    x = extract("Thailand suspended the Kuala Lumpur peace accord on Monday.", date="2025-11-10")
    assert "AGREE" not in types(x)


def test_acting_under_an_agreement_makes_no_new_agreement(extract):
    x = extract("Nauru will accept more asylum seekers from Australia under an expanded "
                "agreement.", date="2025-11-10")
    assert not any(e.type == "AGREE" and e.mentions[0].text == "agreement" for e in x.events)


def test_an_agreement_signed_at_a_summit_is_still_an_agreement(extract):
    x = extract("Brazil and China will build a satellite under an agreement signed at COP30.",
                date="2025-11-10")
    assert "AGREE" in types(x)


def test_threats_as_a_kind_of_act_are_no_threat(extract):
    x = extract("Araghchi ruled out talks while what he called a policy of threats continued.",
                date="2025-11-10")
    assert "THREATEN" not in types(x)


def test_a_threat_by_someone_is_a_threat(extract):
    x = extract("China's threats against Taiwan grew on Monday.", date="2025-11-10")
    [threat] = x.events
    assert threat.type == "THREATEN"
    assert {p.country for p in threat.participants} == {"CHN", "TWN"}


def test_reopening_talks_is_talks_not_an_easing(extract):
    x = extract("Kenya agreed to reopen talks with the striking doctors' union.",
                date="2025-11-10")
    assert "RETREAT" not in types(x)
    assert "CONSULT" in types(x)


def test_a_negated_passive_is_no_refusal(extract):
    x = extract("The force will not be tasked with disarmament.", date="2025-11-10")
    assert "REJECT" not in types(x)


def test_a_negated_verb_with_no_will_is_no_refusal(extract):
    x = extract("Hungary said the dispute would not affect its decision.", date="2025-11-10")
    assert "REJECT" not in types(x)


def test_a_conference_it_had_planned_to_host_is_one_event_with_its_host(extract):
    x = extract("Egypt has put off the reconstruction conference it had planned to host in "
                "Cairo this month.", date="2025-11-10")
    [conference] = x.events
    assert conference.status == "postponed"
    assert [m.text for m in conference.mentions] == ["conference", "host"]
    assert [p.country for p in conference.participants] == ["EGY"]


def test_participle_parsed_as_adjective_with_a_subject_is_still_a_verb(extract):
    x = extract("South Korea scrambled fighter jets on Monday.", date="2025-10-15")
    assert types(x) == ["MOBILIZE"]


def test_an_act_only_feared_is_not_reported(extract):
    feared = "Traders said fears of new sanctions on the banks weighed on the currency."
    assert "SANCTION" not in types(extract(feared, date="2025-10-15"))
