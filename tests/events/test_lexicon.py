"""The trigger lexicon: phrase patterns with gaps and heads, senses, and refusing bad data."""

from __future__ import annotations

import pytest

from dateline.errors import DatelineError
from dateline.events.lexicon import find_triggers, load, parse_lexicon
from dateline.model import EVENT_TYPES


def test_every_shipped_entry_has_a_plover_type_and_a_cameo_code():
    lexicon = load()
    entries = [*lexicon.verbs.values(), *lexicon.nouns.values(),
               *(p.entry for p in lexicon.phrases)]
    assert {e.type for e in entries} == set(EVENT_TYPES)
    assert all(e.cameo and e.cameo.isdigit() for e in entries)


def test_gap_in_a_phrase_spans_the_words_between(nlp):
    doc = nlp("The navy placed its destroyer squadrons on alert.")
    [match] = [m for m in find_triggers(doc) if m.entry.type == "MOBILIZE"]
    assert doc[match.start:match.end].text == "placed its destroyer squadrons on alert"
    assert match.head.text == "placed"


def test_gap_does_not_cross_punctuation(nlp):
    lexicon = parse_lexicon(
        {"phrases": [{"pattern": "put ~ on alert", "type": "MOBILIZE"}]}, "mine.yaml")
    assert find_triggers(nlp("They put units on alert."), lexicon)
    assert not find_triggers(nlp("They put units, ships, on alert."), lexicon)


def test_modifier_first_phrase_hangs_arguments_on_its_noun(nlp):
    doc = nlp("The phone call lasted an hour.")
    [match] = find_triggers(doc)
    assert match.head.text == "call" and match.nominal


def test_phrase_wins_over_the_single_word_it_covers(nlp):
    doc = nlp("Kenya called for calm.")
    [match] = find_triggers(doc)
    assert match.entry.type == "REQUEST"


def test_pattern_may_not_start_with_a_gap():
    with pytest.raises(DatelineError, match="phrases\\[0\\]"):
        parse_lexicon({"phrases": [{"pattern": "~ talks", "type": "CONSULT"}]}, "mine.yaml")


def test_head_must_point_at_a_word_of_the_pattern():
    with pytest.raises(DatelineError, match="head 1"):
        parse_lexicon({"phrases": [{"pattern": "open ~ fire", "type": "ASSAULT", "head": 1}]},
                      "mine.yaml")


def test_sense_needs_exactly_one_cue():
    raw = {"nouns": {"strike": {"type": "ASSAULT", "senses": [{"type": "PROTEST"}]}}}
    with pytest.raises(DatelineError, match="senses\\[0\\]"):
        parse_lexicon(raw, "mine.yaml")


def test_unknown_condition_is_refused_with_the_entry_named():
    with pytest.raises(DatelineError, match="verbs.parley"):
        parse_lexicon({"verbs": {"parley": {"type": "CONSULT", "needs": ["sunny"]}}},
                      "mine.yaml")


def test_shipped_lexicon_names_no_word_twice_in_one_section():
    from importlib import resources

    import yaml

    class StrictLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
            duplicates = {k for k in keys if keys.count(k) > 1}
            assert not duplicates, f"listed twice: {sorted(duplicates)}"
            return super().construct_mapping(node, deep=deep)

    text = resources.files("dateline.events").joinpath("data/triggers.yaml").read_text("utf-8")
    yaml.load(text, Loader=StrictLoader)  # noqa: S506 - a SafeLoader subclass


def types_in(extract, text: str) -> set[str]:
    return {e.type for e in extract(text, date="2025-10-15").events}


# Everyday wire wording, one sentence per idiom or verb the lexicon must know (issue 5).
WIRE_IDIOMS = [
    ("Indian Prime Minister Narendra Modi held phone talks with Japanese Prime Minister "
     "Sanae Takaichi on Tuesday.", "CONSULT"),
    ("Chinese Foreign Minister Wang Yi sat down with his Australian counterpart Penny Wong "
     "in Beijing.", "CONSULT"),
    ("Brazilian President Lula da Silva dialled Argentine President Javier Milei on Friday.",
     "CONSULT"),
    ("Norway is facilitating talks between the Colombian government and the ELN rebels.",
     "CONSULT"),
    ("India and the European Union inked a free trade pact on Monday.", "AGREE"),
    ("Armenia and Azerbaijan sealed a peace deal at the White House.", "AGREE"),
    ("Rwanda and Congo initialled a peace agreement in Washington.", "AGREE"),
    ("Germany threw its weight behind Ukraine's bid to join the European Union.", "SUPPORT"),
    ("China reiterated its support for Pakistan's sovereignty.", "SUPPORT"),
    ("The UN chief paid tribute to the peacekeepers killed in Lebanon.", "SUPPORT"),
    ("Under pressure, the ministry caved in and withdrew the bill.", "CONCEDE"),
    ("The junta made concessions to the opposition.", "CONCEDE"),
    ("India and the United States held a joint search-and-rescue drill off Chennai.",
     "COOPERATE"),
    ("The two countries resumed diplomatic ties after a decade.", "COOPERATE"),
    ("Kazakhstan and China opened a new border crossing at Khorgos.", "COOPERATE"),
    ("Kuwait and Iraq forged a strategic partnership.", "COOPERATE"),
    ("Germany granted asylum to the former minister.", "AID"),
    ("China and Argentina renewed their currency swap.", "AID"),
    ("The UN rushed food and water to survivors of the earthquake.", "AID"),
    ("The US provided Israel with missile interceptors.", "AID"),
    ("Saudi Arabia deposited $3 billion with Pakistan's central bank.", "AID"),
    ("The rebels set free 20 hostages.", "RETREAT"),
    ("India relaxed visa rules for Bangladeshi citizens.", "RETREAT"),
    ("The EU suspended sanctions on Syria's energy sector.", "RETREAT"),
    ("China sought clarification from Japan over the remarks.", "REQUEST"),
    ("Kyiv pleaded with its allies for more weapons.", "REQUEST"),
    ("China hit out at Japan over Takaichi's remarks on Taiwan.", "ACCUSE"),
    ("Russia took aim at the European Union over the frozen assets plan.", "ACCUSE"),
    ("Venezuela charged that US forces had killed fishermen.", "ACCUSE"),
    ("South Africa took Israel to the International Court of Justice.", "ACCUSE"),
    ("The Ukrainian president chided Western allies for their slow deliveries.", "ACCUSE"),
    ("Russia shot down the European proposal.", "REJECT"),
    ("Hungary blocked the EU sanctions package.", "REJECT"),
    ("Russia issued a warning to NATO over the missiles.", "THREATEN"),
    ("The Houthis vowed revenge for the killing of their chief of staff.", "THREATEN"),
    ("Activists staged a sit-in outside parliament.", "PROTEST"),
    ("Dock workers downed tools over unpaid wages.", "PROTEST"),
    ("The opposition called a nationwide shutdown on Monday.", "PROTEST"),
    ("The BNP enforced a hartal across Bangladesh.", "PROTEST"),
    ("Gen Z protesters stormed the parliament in Kathmandu.", "PROTEST"),
    ("The United States slapped tariffs on Indian goods.", "SANCTION"),
    ("The Treasury blacklisted three Iranian shipping firms.", "SANCTION"),
    ("The US designated the cartel as a terrorist organisation.", "SANCTION"),
    ("Washington put Chinese chip makers on its entity list.", "SANCTION"),
    ("Canada stayed away from the meeting in protest.", "SANCTION"),
    ("China sent 30 warplanes near Taiwan.", "MOBILIZE"),
    ("The army beefed up security along the border.", "MOBILIZE"),
    ("Iran held war games near the Strait of Hormuz.", "MOBILIZE"),
    ("North Korea test-fired ballistic missiles into the sea.", "MOBILIZE"),
    ("Police took the activist into custody.", "COERCE"),
    ("India declared two Pakistani diplomats persona non grata.", "COERCE"),
    ("Kenyan police teargassed protesters in Nairobi.", "COERCE"),
    ("Police held the journalist for questioning.", "COERCE"),
    ("Russia launched 450 drones and 45 missiles at Ukraine overnight.", "ASSAULT"),
    ("The RSF overran the city of El Fasher.", "ASSAULT"),
    ("Indian and Pakistani troops traded fire along the border on Monday.", "ASSAULT"),
    ("Gunmen gunned down a police officer in Peshawar.", "ASSAULT"),
    ("The M23 rebels captured the town of Uvira.", "ASSAULT"),
    ("A bomb exploded near the convoy in Quetta.", "ASSAULT"),
    ("Iran rejected the proposal and objected strongly.", "REJECT"),
    ("The IMF announced an increase in budget support for Malawi.", "AID"),
    ("Israel withdrew its ambassador from Ankara.", "SANCTION"),
    ("Japan warned its citizens to avoid travel to China.", "SANCTION"),
    ("Britain pledged 100 million pounds to support Ukraine's energy grid.", "AID"),
    ("Teachers walked out of classrooms across Nigeria over unpaid salaries.", "PROTEST"),
    ("Russia's ambassador was recalled for consultations.", "SANCTION"),
    ("Russian drones violated Polish airspace overnight.", "MOBILIZE"),
    ("Trump announced a 100 percent tariff on Chinese imports.", "SANCTION"),
    ("Trump and Kim shook hands at the border village of Panmunjom.", "CONSULT"),
    ("Trump tore up the Iran nuclear deal in 2018.", "SANCTION"),
    ("Police placed the mayor under arrest.", "COERCE"),
    # The five types that were weakest: SANCTION, COERCE, MOBILIZE, AID, COOPERATE.
    ("The EU delayed a tariff hike on American whiskey.", "SANCTION"),
    ("The junta suspended the activities of two opposition parties.", "COERCE"),
    ("The emergency decree suspended the right to strike in four provinces.", "COERCE"),
    ("A judge denied bail to the journalist on Tuesday.", "COERCE"),
    ("The editor could face up to ten years in prison.", "COERCE"),
    ("Authorities shut down mobile internet services in the region.", "COERCE"),
    ("Riot police cleared barricades from the main avenue.", "COERCE"),
    ("Border guards pushed dozens of migrants across the border.", "COERCE"),
    ("Peru's National Electoral Jury barred opposition leader Juan Ortiz from the race.",
     "COERCE"),
    ("South Korea scrambled fighter jets on Monday.", "MOBILIZE"),
    ("Israel activated its air defences after the launch.", "MOBILIZE"),
    ("Lithuania put its army on heightened readiness.", "MOBILIZE"),
    ("The cabinet approved the call-up of 20,000 reservists.", "MOBILIZE"),
    ("Thousands of reservists reported for duty on Sunday.", "MOBILIZE"),
    ("China sent 20 military aircraft toward the island.", "MOBILIZE"),
    ("The navy held a combat readiness patrol near the strait.", "MOBILIZE"),
    ("The government released $5 million for flood victims.", "AID"),
    ("Qatar flew 40 tonnes of medical supplies to Beirut.", "AID"),
    ("Japan announced a further $10 million in emergency funding for Myanmar.", "AID"),
    ("The frigate will train with the Royal Navy next month.", "COOPERATE"),
    ("Italy left the joint missile defence programme in 2023.", "COOPERATE"),
    ("Kenya and Ethiopia will jointly finance a new highway.", "COOPERATE"),
    ("The two navies began joint training in the Arabian Sea.", "COOPERATE"),
    ("Seoul and Tokyo will share satellite imagery of missile launches.", "COOPERATE"),
    ("Indian and French warships sailed together through the Arabian Sea.", "COOPERATE"),
]


@pytest.mark.parametrize(("text", "event_type"), WIRE_IDIOMS)
def test_wire_idiom_reports_its_type(extract, text, event_type):
    assert event_type in types_in(extract, text)


# The same words in another sense: no event of the type the word would otherwise give.
OTHER_SENSES = [
    ("The company released its quarterly results.", "RETREAT"),
    ("The athlete pulled out of the race with an injury.", "RETREAT"),
    ("The company froze hiring.", "SANCTION"),
    ("The company suspended production at its plant.", "SANCTION"),
    ("The building was supported by steel columns.", "SUPPORT"),
    ("The two parties fought the election on immigration.", "ASSAULT"),
    ("Police seized drugs at the airport.", "ASSAULT"),
    ("Soldiers opened fire at a checkpoint.", "COOPERATE"),
    ("The weather agency issued a flood warning for Jakarta.", "THREATEN"),
    ("Japan struck a deal with the United States on tariffs.", "ASSAULT"),
    ("Stocks rallied on Tuesday.", "PROTEST"),
    ("Russia's ballistic missiles struck Kyiv overnight.", "MOBILIZE"),
    ("The minister held a press conference on Monday.", "CONSULT"),
    ("The ministry released a statement on Monday.", "RETREAT"),
    ("The president signed a decree on the budget.", "AGREE"),
    ("The president accepted the resignation of the interior minister.", "AGREE"),
    ("The journalist committed suicide in 1997, his family said.", "AGREE"),
    ("The court dismissed the case on Friday.", "REJECT"),
    ("The central bank warned that inflation could rise.", "THREATEN"),
    ("The ruling party captured 40 percent of the vote.", "ASSAULT"),
    ("The crew shot a documentary in Kabul.", "ASSAULT"),
    ("The ministry withheld the names of the victims.", "SANCTION"),
    ("Thousands of volunteers were mobilised to plant trees.", "MOBILIZE"),
    ("The bank completed the deployment of its new payment system.", "MOBILIZE"),
    ("Hotels deployed cleaning crews along the beach.", "MOBILIZE"),
    ("The treaty put both sides on an equal footing.", "MOBILIZE"),
    ("Rebel troops pushed across the border at dawn.", "COERCE"),
    ("Vessels from the port are barred outright.", "COERCE"),
]


@pytest.mark.parametrize(("text", "event_type"), OTHER_SENSES)
def test_word_in_another_sense_reports_no_such_event(extract, text, event_type):
    assert event_type not in types_in(extract, text)


def test_expelling_an_ambassador_is_an_expulsion_not_a_break_in_relations(extract):
    x = extract("Mali expelled the Algerian ambassador on Monday.", date="2025-10-15")
    assert [(e.type, e.mode) for e in x.events] == [("COERCE", "expulsion")]


def test_striking_workers_protest_while_striking_jets_attack(extract):
    assert "PROTEST" in types_in(extract, "Teachers' unions will strike next week over pay.")
    assert "ASSAULT" in types_in(extract, "Israeli jets struck targets in Gaza.")


def test_rioters_torching_a_building_is_a_riot(extract):
    x = extract("Protesters torched the parliament building in Kathmandu.", date="2025-10-15")
    assert [(e.type, e.mode) for e in x.events] == [("PROTEST", "riot")]


def test_a_ban_aimed_at_another_country_is_a_sanction(extract):
    x = extract("Pakistan extended its ban on Indian aircraft until October 24.",
                date="2025-10-15")
    assert [(e.type, e.mode) for e in x.events] == [("SANCTION", "embargo")]


def test_a_ban_on_a_countrys_own_people_stays_coercion(extract):
    assert "COERCE" in types_in(extract, "Georgia's parliament banned the main opposition party.")


def test_travel_warning_is_a_boycott_not_a_threat(extract):
    x = extract("China issued a travel warning against Japan on Friday.", date="2025-10-15")
    assert [e.type for e in x.events] == ["SANCTION"]


def test_hyphenated_words_are_matched_token_by_token(extract):
    """spaCy splits "build-up", "live-fire" and "sit-in" into three tokens each."""
    assert "MOBILIZE" in types_in(extract, "Analysts warned of a naval build-up near Taiwan "
                                           "after China held live-fire drills.")
    assert "PROTEST" in types_in(extract, "Activists staged a sit-in outside parliament.")


def test_leaders_retreat_is_a_meeting(extract):
    x = extract("Pacific leaders gathered in Honiara for the annual leaders' retreat.",
                date="2025-10-15")
    assert "CONSULT" in {e.type for e in x.events}


def test_protesters_clashing_with_police_riot_while_armies_clash(extract):
    x = extract("Clashes between protesters and police erupted in Douala.", date="2025-10-15")
    assert [(e.type, e.mode) for e in x.events] == [("PROTEST", "riot")]
    x = extract("Clashes between Thai and Cambodian troops broke out on the border.",
                date="2025-10-15")
    assert [e.type for e in x.events] == ["ASSAULT"]


def test_a_state_that_marches_troops_in_mobilises(extract):
    x = extract("Russian troops marched into the town on Monday.", date="2025-10-15")
    assert "PROTEST" not in {e.type for e in x.events}


def test_a_state_storming_a_square_assaults_it_even_among_demonstrators(extract):
    x = extract("Myanmar's army stormed the square and fired on unarmed demonstrators.",
                date="2025-10-15")
    assert "ASSAULT" in {e.type for e in x.events}
    assert "PROTEST" not in {e.type for e in x.events}


# Precision review on 1997-98 wire copy: each stricter sense or need, the wrong reading the
# review found (own sentences, in the words of a market report, an obituary, a poll) ...
REVIEW_WRONG_READINGS = [
    ("Public Bank declined 70 sen to 19.90 ringgit.", "REJECT"),
    ("The foreign ministry spokesman declined to comment on the reports.", "REJECT"),
    ("A witness who refused to be named said the square was empty.", "REJECT"),
    ("Tenaga Nasional eased 10 sen to 12.00 ringgit.", "RETREAT"),
    ("The plan is like Sweden lifting a rock only to drop it on its own feet.", "RETREAT"),
    ("A dealer said the market was partly supported by buying in Telkom early on and then "
     "by banks.", "SUPPORT"),
    ("Dealing in the stock was suspended at midday.", "SANCTION"),
    ("Institutional investors stayed away from the market ahead of the vote.", "SANCTION"),
    ("Asian shares rose after an overnight rally on Wall Street.", "PROTEST"),
    ("The index shot up 6 percent on Monday.", "ASSAULT"),
    ("The new government will target monopolies in its drive to raise tax revenue.", "ASSAULT"),
    ("Two people died when their car was hit by an avalanche.", "ASSAULT"),
    ("The new premier, Etienne Tshisekedi, fought to save his job on Friday.", "ASSAULT"),
    ("The climber fell near the summit of the mountain.", "CONSULT"),
    ("A fire and explosion at the reactor leaked radioactive material.", "ASSAULT"),
    ("The IMF chief warned that failure to collect taxes could lead to anarchy.", "THREATEN"),
    ("Police warned marathon runners to be vigilant.", "THREATEN"),
    ("Individualism is a danger which threatens national development.", "THREATEN"),
    ("Senior officials and diplomats are welcomed to mingle with the crowd.", "SUPPORT"),
    ("Parliament will ratify the budget later this month.", "AGREE"),
    ("Crowds will hit the streets for the new year festivities.", "ASSAULT"),
    ("Crowds will hit the streets for the new year festivities.", "PROTEST"),
    ("The party withdrew its support for the government.", "RETREAT"),
    ("Rebel columns marched into the provincial capital.", "PROTEST"),
    ("The opposition would win 56 percent of the vote against 33 percent for the chancellor.",
     "REJECT"),
    ("Buyers will be granted mortgage loans at lower rates.", "AID"),
    ("Demand for new flats has risen sharply.", "REQUEST"),
    ("The firm will fund the purchase with lines of credit from commercial banks.", "AID"),
    ("The aid commissioner added to the calls, saying food was running short.", "CONSULT"),
    ("The minister rejected calls to raise fuel prices.", "REQUEST"),
    ("Rebels have seized more than one quarter of the country.", "COERCE"),
    ("The prisoner was condemned to death for treason.", "ACCUSE"),
    ("The jailed tycoon was sent out for a medical check at a private hospital.", "AID"),
    ("Police evacuated four families as homes were flooded.", "RETREAT"),
    ("The president said he was hesitating because of the health of his wife, injured in "
     "an accident a year ago.", "ASSAULT"),
    ("Forty-two patients have been treated and released from hospital.", "RETREAT"),
    ("The Democrats said the probe would sanction a fishing expedition.", "SANCTION"),
    ("The badges, which pilgrims are given in exchange for their passports, were destroyed.",
     "CONCEDE"),
    ("The King's Troop Royal Horse Artillery fired a 41-gun salute for the Queen's birthday.",
     "ASSAULT"),
    ("The rebels have seized all key cities apart from the capital.", "COERCE"),
]


@pytest.mark.parametrize(("text", "event_type"), REVIEW_WRONG_READINGS)
def test_reviewed_wrong_reading_reports_no_such_event(extract, text, event_type):
    assert event_type not in types_in(extract, text)


# ... and the right reading of the same word, which must still fire.
REVIEW_RIGHT_READINGS = [
    ("Hungary declined the invitation to the summit.", "REJECT"),
    ("Iran declined to comment and declined the American offer.", "REJECT"),
    ("Zambia refused Belgian troops permission to use its airfields.", "REJECT"),
    ("China eased restrictions on imports from Japan.", "RETREAT"),
    ("The government lifted the state of emergency.", "RETREAT"),
    ("The agreement was welcomed by France.", "SUPPORT"),
    ("The IMF warned Russia that tax shortfalls would cost it the next loan tranche.",
     "THREATEN"),
    ("Rebels threatened to attack the capital.", "THREATEN"),
    ("Parliament ratified the treaty with Ukraine.", "AGREE"),
    ("Rebels hit the army convoy with rockets.", "ASSAULT"),
    ("Leaders will hold a summit in Jakarta.", "CONSULT"),
    ("A bomb explosion killed three policemen in the market.", "ASSAULT"),
    ("Thousands of supporters joined the rally in the capital.", "PROTEST"),
    ("The party voted against the bill.", "REJECT"),
    ("The World Bank granted Kenya a loan for housing.", "AID"),
    ("The opposition issued a demand for the president's resignation.", "REQUEST"),
    ("Protesters marched past soldiers guarding the palace.", "PROTEST"),
    ("Pro-democracy activists hit the streets of the capital.", "PROTEST"),
    ("Japan sent a medical team to the quake zone.", "AID"),
    ("Firemen evacuated four families as homes were flooded.", "AID"),
    ("The army evacuated its troops from the border town.", "RETREAT"),
    ("Gunmen injured three policemen in an attack on the checkpoint.", "ASSAULT"),
    ("The rebels released two hostages, who were taken to hospital.", "RETREAT"),
    ("The United States sanctioned three Iranian shipping firms.", "SANCTION"),
    ("Under pressure, the government gave in to the strikers.", "CONCEDE"),
    ("Rebel artillery fire hit the town on Monday.", "ASSAULT"),
    ("The rebels have seized all key cities apart from the capital.", "ASSAULT"),
    # Words the lexicon missed or read as another type.
    ("The party withdrew its support for the coalition government.", "SANCTION"),
    ("Rebels have seized more than one quarter of the country.", "ASSAULT"),
    ("Rebel troops marched into the town.", "MOBILIZE"),
    ("A military court condemned the general to death.", "COERCE"),
    ("French paratroopers landed at Durres airport.", "MOBILIZE"),
    ("The ambassador was summoned to the foreign ministry.", "ACCUSE"),
    ("The opposition's calls to hold early elections grew louder.", "REQUEST"),
]


@pytest.mark.parametrize(("text", "event_type"), REVIEW_RIGHT_READINGS)
def test_reviewed_right_reading_still_reports_its_type(extract, text, event_type):
    assert event_type in types_in(extract, text)


def test_a_crowd_that_disperses_by_itself_is_not_dispersed(extract):
    assert extract("The demonstrators dispersed peacefully.", date="2025-11-10").events == []


def test_police_dispersing_a_crowd_is_coercion(extract):
    x = extract("Police dispersed the crowd with batons.", date="2025-11-10")
    assert [e.type for e in x.events] == ["COERCE"]


def test_a_round_held_is_a_round_of_talks(extract):
    x = extract("A Turkish diplomat said a new round could be held in Istanbul next week.",
                date="2025-11-10")
    assert [e.type for e in x.events] == ["CONSULT"]


def test_a_round_of_an_election_is_no_talks(extract):
    x = extract("The second round of the election will be held on Sunday.", date="2025-11-10")
    assert x.events == []


def test_flying_on_to_a_capital_is_the_next_visit(extract):
    x = extract("Zelensky visited Athens on Sunday and flew on to Paris.", date="2025-11-10")
    assert [e.mode for e in x.events] == ["visit", "visit"]


def test_upgrading_a_mission_to_an_embassy_is_cooperation(extract):
    x = extract("India will upgrade its technical mission in Kabul to a full embassy.",
                date="2025-11-10")
    assert [e.type for e in x.events] == ["COOPERATE"]


def test_nominating_a_leader_for_a_prize_is_praise(extract):
    x = extract("Cambodia said it would nominate Trump for the Nobel Peace Prize again.",
                date="2025-11-10")
    assert [e.type for e in x.events] == ["SUPPORT"]


def test_prospect_marks_an_entry_whose_act_is_only_risked():
    lexicon = parse_lexicon({"phrases": [{"pattern": "risk|risks ~ prison", "type": "COERCE",
                                          "cameo": "173", "prospect": True}]}, "test")
    assert lexicon.phrases[0].entry.prospect


def test_warships_sailing_with_a_rival_near_show_force(extract):
    x = extract("Chinese warships sailed near the disputed shoal on Monday.", date="2025-10-15")
    assert "MOBILIZE" in {e.type for e in x.events}
