"""Participants read off the parse, on sentences written for these tests."""

from __future__ import annotations


def countries(event) -> set[str]:
    return {p.country for p in event.participants if p.country}


def only(extraction, event_type: str):
    found = [e for e in extraction.events if e.type == event_type]
    assert len(found) == 1, [e.to_dict() for e in extraction.events]
    return found[0]


def test_conjoined_nationality_modifiers_name_both_sides(extract):
    x = extract("Indian and Chinese troops clashed in Ladakh on Monday.", date="2025-02-03")
    assert countries(only(x, "ASSAULT")) == {"IND", "CHN"}


def test_partner_of_a_phrase_hangs_from_its_noun(extract):
    x = extract("Japan held talks with South Korea in Seoul on Monday.", date="2025-02-03")
    assert countries(only(x, "CONSULT")) == {"JPN", "KOR"}


def test_owner_of_a_rejected_demand_is_the_target(extract):
    x = extract("Egypt rejected Ethiopia's demand on Monday.", date="2025-02-03")
    reject = only(x, "REJECT")
    roles = {p.country: p.role for p in reject.participants}
    assert roles == {"EGY": "source", "ETH": "target"}


def test_mediators_named_in_a_clause_on_the_talks_are_sources(extract):
    x = extract("Sudan and South Sudan resumed talks mediated by Kenya.", date="2025-02-03")
    talks = only(x, "CONSULT")
    assert "KEN" in countries(talks)


def test_would_not_negotiate_is_a_refusal_not_a_meeting(extract):
    x = extract("Iran said it would not negotiate with the United States.", date="2025-02-03")
    assert [e.type for e in x.events] == ["REJECT"]


def test_second_of_two_conjoined_verbs_shares_the_first_ones_date(extract):
    x = extract("Police arrested five men in Dhaka on Sunday and seized their passports.",
                date="2025-02-05")
    seizure = [e for e in x.events if e.mode == "seizure"]
    assert seizure and seizure[0].date is not None and seizure[0].date.value == "2025-02-02"


def test_a_named_storm_is_no_attacker(extract):
    x = extract("Typhoon Fengshen killed at least 12 people in Vietnam on Sunday.",
                date="2025-10-27")
    assert x.events == []


def test_it_as_a_subject_stands_for_the_country_named_before(extract):
    x = extract("Eritrea said it had placed its army on full alert.", date="2025-11-10")
    [alert] = x.events
    assert [p.country for p in alert.participants] == ["ERI"]


def test_he_stands_for_a_person_not_a_country(extract):
    x = extract("Pakistan's Shehbaz Sharif said he would visit Kabul next week.",
                date="2025-11-10")
    [visit] = x.events
    assert ("Shehbaz Sharif", "source") in {(p.name, p.role) for p in visit.participants}


def test_a_visited_city_makes_its_country_the_host(extract):
    x = extract("Zelensky visited Athens on Sunday.", date="2025-11-10")
    [visit] = x.events
    assert ("GRC", "target") in {(p.country, p.role) for p in visit.participants}


def test_the_country_attacked_is_read_from_where_the_strikes_fell(extract):
    x = extract("Pakistan struck targets in Afghanistan's Paktika province.", date="2025-11-10")
    [strike] = x.events
    assert {(p.country, p.role) for p in strike.participants} == {("PAK", "source"),
                                                                  ("AFG", "target")}


def test_a_domestic_attack_gets_no_target_from_its_place(extract):
    x = extract("Gunmen attacked a village in Nigeria.", date="2025-11-10")
    [attack] = x.events
    assert "target" not in {p.role for p in attack.participants}


def test_a_demand_that_someone_act_targets_them(extract):
    x = extract("China demanded that Takaichi retract her remarks.", date="2025-11-10")
    [demand] = x.events
    assert ("JPN", "target") in {(p.country, p.role) for p in demand.participants}


def test_rejecting_the_accusation_answers_the_accuser(extract):
    x = extract("Pakistan accused Kabul of sheltering militants. The Taliban rejected the "
                "accusation.", date="2025-11-10")
    rejection = next(e for e in x.events if e.type == "REJECT")
    assert ("PAK", "target") in {(p.country, p.role) for p in rejection.participants}


def test_rejecting_the_demand_answers_who_demanded(extract):
    x = extract("China demanded that Takaichi retract her remarks. Tokyo rejected the demand.",
                date="2025-11-10")
    rejection = next(e for e in x.events if e.type == "REJECT")
    assert ("CHN", "target") in {(p.country, p.role) for p in rejection.participants}


def test_they_after_an_unknown_subject_is_not_an_earlier_actor(extract):
    x = extract("Delhi Police said 38 people had been detained. The organisers said they "
                "would hold a larger march in Kolkata next week.", date="2025-11-05")
    march = next(e for e in x.events if e.type == "PROTEST")
    assert march.participants == []


def test_a_time_after_since_does_not_date_the_event(extract):
    x = extract("Indian and Chinese commanders will hold talks on Monday, the first round "
                "since August.", date="2025-11-12")
    [talks] = x.events
    assert talks.date is not None and talks.date.value == "2025-11-17"


def test_since_alone_leaves_the_event_undated(extract):
    x = extract("It will be the first round of military talks since August.", date="2025-11-10")
    [talks] = x.events
    assert talks.date is None


def test_its_does_not_reach_into_a_relative_clause_for_an_antecedent(extract):
    x = extract("The veterans' coalition that organised last week's protest outside the "
                "Chinese embassy said it would go ahead with its march in Kolkata on "
                "Wednesday.", date="2025-11-09")
    march = next(e for e in x.events if e.status == "planned")
    assert march.participants == []


def test_the_first_shooting_since_july_is_the_gunfire_just_reported(extract):
    x = extract("Thai and Cambodian troops exchanged gunfire near the border on Wednesday, "
                "the army said, the first shooting since the ceasefire in July.",
                date="2025-11-06")
    [clash] = x.events
    assert clash.date is not None and clash.date.value == "2025-11-05"
    assert {p.country for p in clash.participants} == {"THA", "KHM"}


def test_a_time_owned_by_another_noun_does_not_date_the_event(extract):
    x = extract("Police refused permission for Wednesday's march, citing security concerns "
                "ahead of the summit.", date="2025-11-11")
    summit = next(e for e in x.events if e.type == "CONSULT")
    assert summit.date is None


def test_a_time_owned_by_the_event_noun_dates_it(extract):
    x = extract("Modi condemned Monday's car bomb explosion near the Red Fort.",
                date="2025-11-11")
    blast = next(e for e in x.events if e.type == "ASSAULT")
    assert blast.date is not None and blast.date.value == "2025-11-10"


def test_the_object_of_require_does_the_required_act(extract):
    x = extract("The plan would require Ukraine to cede the parts of Donbas it still controls.",
                date="2025-11-22")
    [concession] = x.events
    assert (concession.type, concession.status) == ("CONCEDE", "hypothetical")
    assert [(p.country, p.role) for p in concession.participants] == [("UKR", "source")]


def roles(event) -> dict[str, str]:
    return {p.name: p.role for p in event.participants}


def test_who_in_a_relative_clause_stands_for_the_noun_it_follows(extract):
    x = extract("Students marched on parliament in Lima, where police, who fired tear gas, "
                "blocked the road.", date="2025-10-15")
    assert "source" in {p.role for p in only(x, "COERCE").participants
                        if "police" in p.name.lower()}


def test_crowd_force_is_aimed_at_is_its_target(extract):
    x = extract("Kenyan police fired tear gas at protesters in Nairobi on Tuesday.",
                date="2025-10-15")
    assert "target" in {p.role for p in only(x, "COERCE").participants
                        if "protesters" in p.name.lower()}


def test_object_of_a_purpose_clause_is_the_target_of_force(extract):
    x = extract("Serbian riot police used water cannon to push back the demonstrators.",
                date="2025-10-15")
    assert "target" in roles(only(x, "COERCE")).values()


def test_them_in_a_purpose_clause_stands_for_the_crowd_named_before(extract):
    x = extract("Nepalese protesters clashed with police, who fired tear gas to disperse them.",
                date="2025-10-15")
    coerce = only(x, "COERCE")
    assert {p.role for p in coerce.participants if "protesters" in p.name.lower()} == {"target"}
    assert {p.role for p in coerce.participants if "police" in p.name.lower()} == {"source"}


def test_a_quantity_of_people_names_who_it_counts(extract):
    x = extract("Tens of thousands of Israeli reservists reported for duty on Tuesday.",
                date="2025-10-15")
    assert countries(only(x, "MOBILIZE")) == {"ISR"}


def test_one_of_a_group_is_not_the_group(extract):
    x = extract("One of the Kenyan delegates met Ugandan President Yoweri Museveni on Monday.",
                date="2025-10-15")
    assert "KEN" not in countries(only(x, "CONSULT"))


def test_who_approves_an_act_is_its_author(extract):
    x = extract("Israeli Defence Minister Israel Katz approved the call-up of 60,000 reservists.",
                date="2025-10-15")
    assert roles(only(x, "MOBILIZE")).get("Israel Katz") == "source"


def test_where_aid_is_flown_stands_for_who_receives_it(extract):
    x = extract("India flew 200 tents and 10 tonnes of rice to Kabul on Monday.",
                date="2025-10-15")
    assert "AFG" in {p.country for p in only(x, "AID").participants if p.role == "target"}


def test_who_aid_is_for_is_its_target(extract):
    x = extract("New Zealand announced a further $3 million in emergency funding for the Fijian "
                "government.", date="2025-10-15")
    assert "FJI" in {p.country for p in only(x, "AID").participants if p.role == "target"}


def test_a_pro_foreign_party_keeps_its_own_country(extract):
    x = extract("Moldova's Central Electoral Commission barred the pro-Russian Heart of Moldova "
                "party from the election.", date="2025-10-15")
    assert "RUS" not in countries(only(x, "COERCE"))
