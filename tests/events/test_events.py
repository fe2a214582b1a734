"""The events stage on sentences written like wire copy: what an analyst would check."""

from __future__ import annotations

import pytest

from dateline.errors import DatelineError
from dateline.events.lexicon import parse_lexicon
from dateline.model import Event, Extraction


def only(extraction: Extraction, event_type: str) -> Event:
    found = [e for e in extraction.events if e.type == event_type]
    assert len(found) == 1, [e.to_dict() for e in extraction.events]
    return found[0]


def names(event: Event) -> str:
    return " | ".join(p.name for p in event.participants)


def test_announced_meeting_is_planned_with_both_ministers_place_and_date(extract):
    x = extract(
        "Indian External Affairs Minister S. Jaishankar and Chinese Foreign Minister Wang Yi "
        "will meet in Geneva on Friday, two officials familiar with the plans told AFP.",
        date="2024-03-04",
    )
    meeting = only(x, "CONSULT")
    assert meeting.status == "planned"
    assert "Jaishankar" in names(meeting) and "Wang" in names(meeting)
    assert meeting.date is not None and meeting.date.value == "2024-03-08"
    assert meeting.location is not None and meeting.location.name == "Geneva"
    assert meeting.location.country == "CHE"


def test_attribution_chain_puts_the_relaying_agency_first(extract):
    x = extract(
        "Indian External Affairs Minister S. Jaishankar and Chinese Foreign Minister Wang Yi "
        "will meet in Geneva on Friday, two officials familiar with the plans told AFP.",
        date="2024-03-04",
    )
    chain = only(x, "CONSULT").attribution
    assert [s.kind for s in chain] == ["media", "anonymous"]
    assert chain[0].name == "AFP"
    assert chain[1].name == "two officials familiar with the plans"


def test_phone_call_is_consult_by_phone_that_occurred(extract):
    x = extract("Prime Minister Narendra Modi spoke by phone with President Xi Jinping on "
                "Sunday, a government spokesperson said.", date="2024-03-04")
    call = only(x, "CONSULT")
    assert call.mode == "phone"
    assert call.status == "occurred"
    assert call.date is not None and call.date.value == "2024-03-03"
    assert "Modi" in names(call) and "Xi" in names(call)
    assert call.attribution[0].name == "a government spokesperson"


def test_called_for_is_a_request_not_a_phone_call(extract):
    x = extract("The United Nations called for an immediate ceasefire in Sudan.",
                date="2024-03-04")
    assert only(x, "REQUEST").status == "occurred"
    assert not [e for e in x.events if e.mode == "phone"]


def test_postponed_summit_keeps_postponed_status(extract):
    x = extract("The summit between India and China, planned for next week, was postponed "
                "on Tuesday.", date="2024-03-06")
    assert only(x, "CONSULT").status == "postponed"


def test_called_off_talks_are_cancelled(extract):
    x = extract("Russia called off talks with Ukraine scheduled for Friday.", date="2024-03-04")
    assert only(x, "CONSULT").status == "cancelled"


def test_conditional_is_hypothetical(extract):
    x = extract("If Iran resumes enrichment, Israel could attack its nuclear sites.",
                date="2024-03-04")
    assert only(x, "ASSAULT").status == "hypothetical"


def test_negated_event_is_not_reported_as_an_event(extract):
    x = extract("Putin did not meet Zelensky in Istanbul.", date="2024-03-04")
    assert not [e for e in x.events if e.type == "CONSULT"]


def test_accusation_has_source_and_target(extract):
    x = extract("China accused the Philippines of provoking a clash at sea.", date="2024-03-04")
    accusation = only(x, "ACCUSE")
    roles = {p.country: p.role for p in accusation.participants}
    assert roles.get("CHN") == "source" and roles.get("PHL") == "target"


def test_later_mention_joins_the_event_it_refers_to(extract):
    x = extract(
        "Turkish President Recep Tayyip Erdogan will host Hungarian Prime Minister Viktor "
        "Orban in Ankara on Thursday.\n\nThe meeting is expected to focus on energy.",
        date="2024-03-04",
    )
    consults = [e for e in x.events if e.type == "CONSULT"]
    assert len(consults) == 1
    assert [m.text for m in consults[0].mentions] == ["host", "meeting"]


def test_quote_gets_its_speaker_and_the_broadcaster_that_relayed_it(extract):
    x = extract("\u201cThe door remains open,\u201d Chinese Foreign Minister Wang Yi told "
                "reporters, according to state broadcaster CCTV.", date="2024-03-04")
    assert len(x.quotes) == 1
    quote = x.quotes[0]
    assert quote.text == "The door remains open"
    assert quote.speaker is not None and "Wang" in quote.speaker.name
    assert [v.name for v in quote.via] == ["state broadcaster CCTV"]


def test_quote_running_over_two_paragraphs_is_one_quote(extract):
    text = ('"We will not accept any change to the border by force. Our position is clear.\n\n'
            '"Talks are the only way forward," Jaishankar said.')
    x = extract(text, date="2024-03-04")
    assert len(x.quotes) == 1
    assert x.quotes[0].text.startswith("We will not accept")
    assert x.quotes[0].text.endswith("the only way forward")
    assert "Jaishankar" in x.quotes[0].speaker.name


def test_every_piece_of_evidence_slices_the_article_text(extract):
    x = extract("Protesters rallied outside the Chinese embassy in New Delhi on Sunday, and "
                "police detained 12 people, according to Reuters.", date="2024-03-04")
    assert x.events
    text = x.article.text
    for event in x.events:
        for mention in event.mentions:
            assert text[mention.start:mention.end] == mention.text
    for actor in x.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_lexicon_with_an_unknown_type_is_refused_with_the_entry_named():
    with pytest.raises(DatelineError, match="verbs.parley"):
        parse_lexicon({"verbs": {"parley": {"type": "CHAT"}}}, "my-triggers.yaml")


def test_a_summit_planned_somewhere_is_planned_and_placed(extract):
    x = extract("Diplomats discussed the agenda of the summit between Modi and Xi, planned in "
                "New Delhi for November 14.", date="2025-11-03")
    summit = [e for e in x.events if e.mode == "multilateral"]
    assert len(summit) == 1
    assert summit[0].status == "planned"
    assert summit[0].location is not None and summit[0].location.name == "New Delhi"


def test_postponing_a_scheduled_visit_keeps_postponed_and_not_the_old_date(extract):
    x = extract("Kenya's president postponed a state visit to Uganda that had been scheduled "
                "for next week, his office said.", date="2025-11-03")
    visit = only(x, "CONSULT")
    assert visit.status == "postponed"
    assert visit.date is None


def test_joined_mentions_never_leave_an_event_occurred_after_its_article(extract):
    x = extract(
        "Kenyan Foreign Minister Musalia Mudavadi and Ethiopian Foreign Minister Gedion "
        "Timothewos met in Nairobi on Friday and agreed to resume talks between their border "
        "commissions next month, both sides said.\n\n"
        '"We made progress," Mudavadi told reporters after the talks.',
        date="2025-11-08",
    )
    resumed = [e for e in x.events if e.mode == "negotiation"]
    assert len(resumed) == 1
    assert resumed[0].date is not None and resumed[0].date.value == "2025-12"
    assert resumed[0].status == "planned"


def test_citing_a_reason_is_not_a_source_but_citing_a_diplomat_is(extract):
    reason = extract('The summit has been postponed, the ministry said on Wednesday, citing '
                     '"scheduling reasons" on both sides.', date="2025-11-12")
    assert [s.name for s in only(reason, "CONSULT").attribution] == ["the ministry"]
    diplomat = extract("The meeting has been put off until December, Reuters reported, citing "
                       "a diplomat briefed on the decision.", date="2025-11-12")
    assert [s.name for s in only(diplomat, "CONSULT").attribution] == ["Reuters", "a diplomat"]


def test_agreeing_in_a_phone_call_means_the_call_happened(extract):
    x = extract("The two presidents agreed in a phone call on Saturday to reopen the border "
                "crossing, their offices said.", date="2025-11-17")
    call = [e for e in x.events if e.mode == "phone"]
    assert len(call) == 1 and call[0].status == "occurred"


def test_an_amount_inside_a_phrase_does_not_use_up_its_gap(extract):
    x = extract("Germany will deliver two more Patriot air defence systems to Ukraine.",
                date="2025-11-10")
    [aid] = x.events
    assert (aid.type, aid.mode) == ("AID", "military")


def test_a_phrase_never_ends_inside_a_noun_it_only_modifies(extract):
    x = extract("Kenya and Ethiopia will resume trade talks next month.", date="2025-11-10")
    assert [(e.type, e.mentions[0].text) for e in x.events] == [("CONSULT", "talks")]


def test_an_attack_on_a_policy_is_criticism(extract):
    x = extract("Trump attacked the Fed's policy on rates.", date="2025-11-10")
    [event] = x.events
    assert (event.type, event.mode) == ("ACCUSE", "criticism")


def test_an_attack_by_a_party_on_a_party_is_criticism(extract):
    x = extract("Labour, in its latest attack on the Conservative Party, mocked its leader.",
                date="2025-11-10")
    assert "ASSAULT" not in {e.type for e in x.events}


def test_an_armed_attack_stays_an_assault(extract):
    x = extract("Hezbollah attacked an Israeli post.", date="2025-11-10")
    assert [e.type for e in x.events] == ["ASSAULT"]


def test_fighting_an_ill_is_no_assault(extract):
    x = extract("The governor praised the police for fighting corruption.", date="2025-11-10")
    assert "ASSAULT" not in {e.type for e in x.events}


def test_a_business_trip_is_no_visit(extract):
    x = extract("Shigeru Taki, a Matsushita executive, arrived at Kansai International "
                "Airport with his wife.", date="2025-11-10")
    assert x.events == []


def test_a_minister_arriving_abroad_is_a_visit(extract):
    x = extract("Kenya's foreign minister Musalia Mudavadi arrived in Addis Ababa.",
                date="2025-11-10")
    [visit] = x.events
    assert visit.mode == "visit"


def test_meeting_needs_is_no_meeting(extract):
    x = extract("The reform will let banks meet the credit needs of farmers.", date="2025-11-10")
    assert "CONSULT" not in {e.type for e in x.events}


def test_meeting_a_counterpart_is_a_meeting(extract):
    x = extract("Xi met his counterpart on Friday.", date="2025-11-10")
    assert [e.type for e in x.events] == ["CONSULT"]


def test_a_heart_attack_is_no_assault(extract):
    x = extract("The former minister died on Saturday after a heart attack.", date="2025-11-10")
    assert x.events == []


def test_killing_oneself_is_no_assault(extract):
    x = extract("The two prisoners killed themselves in their cells.", date="2025-11-10")
    assert x.events == []


def test_pounding_positions_is_an_assault_not_criticism(extract):
    x = extract("Israeli jets pounded Hamas positions in Gaza.", date="2025-11-10")
    assert [e.type for e in x.events] == ["ASSAULT"]


def test_a_suicide_bombing_is_an_assault(extract):
    x = extract("A suicide bomber blew himself up at a checkpoint in Quetta.", date="2025-11-10")
    assert [e.type for e in x.events] == ["ASSAULT"]


def test_meeting_demands_is_a_concession(extract):
    x = extract("The government met the protesters' demands.", date="2025-11-10")
    assert [e.type for e in x.events] == ["CONCEDE"]


def test_a_phrase_gap_reaches_past_a_modifier_to_its_noun(extract):
    x = extract("Hungary blocked the new sanctions package.", date="2025-11-10")
    [event] = x.events
    assert event.mentions[0].text.endswith("package")


def test_a_drone_strike_without_its_sender_is_an_attack(extract):
    x = extract("A drone hit an apartment block in Kyiv.", date="2025-11-10")
    assert [e.type for e in x.events] == ["ASSAULT"]


def test_hosting_the_games_is_no_meeting(extract):
    x = extract("Thailand will host the 33rd Southeast Asian Games from December 9.",
                date="2025-11-10")
    assert x.events == []


def test_hosting_talks_is_a_meeting(extract):
    x = extract("Qatar will host talks between the two sides.", date="2025-11-10")
    assert [e.type for e in x.events] == ["CONSULT"]


def test_refugees_arriving_make_no_visit(extract):
    x = extract("The first refugees arrived in Italy on Sunday.", date="2025-11-10")
    assert x.events == []


def test_an_attack_on_an_ism_is_criticism(extract):
    x = extract("The president opened the assembly with an attack on individualism.",
                date="2025-11-10")
    assert [e.type for e in x.events] == ["ACCUSE"]


def test_a_hyphenated_word_inside_a_phrase_gap_is_allowed(extract):
    x = extract("Colombia and the United States held joint counter-narcotics operations in "
                "the Pacific.", date="2025-11-10")
    assert [(e.type, e.mode) for e in x.events] == [("COOPERATE", "military")]


def test_not_affecting_operations_leaves_them_as_they_are(extract):
    x = extract("Officials said the decision would not affect joint counter-narcotics "
                "operations.", date="2025-11-10")
    assert [e.type for e in x.events] == ["COOPERATE"]
