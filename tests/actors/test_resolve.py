from __future__ import annotations

import pytest

from dateline.actors import actor_at, resolve_with_claims
from dateline.actors.resolve import TextMismatch
from dateline.model import Actor, Article, Span

GENEVA = ("Indian External Affairs Minister S. Jaishankar and Chinese Foreign Minister Wang Yi "
          "will meet in Geneva on Friday. Wang told reporters the two ministers would discuss "
          "the border. India's foreign ministry did not confirm the talks. Randhir Jaiswal, the "
          "ministry's official spokesperson, said contacts continued.")


@pytest.fixture(scope="module")
def geneva(resolve_text) -> list[Actor]:
    return resolve_text(GENEVA, "2025-11-03")


def test_every_mention_points_at_its_text(geneva):
    for actor in geneva:
        for mention in actor.mentions:
            assert GENEVA[mention.start:mention.end] == mention.text


def test_title_and_name_resolve_to_the_known_office_holder(geneva, find):
    wang = find(geneva, "Chinese Foreign Minister Wang Yi")
    assert (wang.id, wang.country, wang.sector, wang.known) == ("person:wang-yi", "CHN", "GOV",
                                                               True)
    assert "Foreign Minister" in wang.roles


def test_demonym_before_a_title_is_not_a_separate_country(geneva):
    assert not [a for a in geneva if a.kind == "country" and a.country == "CHN"]


def test_surname_resolves_to_the_person_introduced_before(geneva, find):
    assert find(geneva, "Wang").id == "person:wang-yi"


def test_the_two_ministers_refers_to_both(geneva):
    both = [a.id for a in geneva if any(m.text == "the two ministers" for m in a.mentions)]
    assert sorted(both) == ["person:s-jaishankar", "person:wang-yi"]


def test_the_ministry_refers_to_the_ministry_named_before(geneva, find):
    ministry = find(geneva, "the ministry")
    assert (ministry.id, ministry.sector) == ("org:IND:foreign-ministry", "GOV")


def test_knowledge_base_repairs_a_person_tagged_as_an_organisation(geneva, find):
    # The small English model tags "Randhir Jaiswal" as an ORG.
    jaiswal = find(geneva, "Randhir Jaiswal")
    assert (jaiswal.kind, jaiswal.country, jaiswal.known) == ("person", "IND", True)


def test_possessive_country_keeps_its_own_mention(geneva, find):
    assert find(geneva, "India").id == "country:IND"


def test_the_president_depends_on_the_article_date(resolve_text, find):
    text = "The president said on Thursday that Washington would send more aid."
    assert find(resolve_text(text, "2022-03-10"), "president").name == "Joe Biden"
    assert find(resolve_text(text, "2025-03-10"), "president").name == "Donald Trump"


def test_deputy_title_is_a_claim_not_the_office(resolve_text, find):
    actors = resolve_text("Deputy Foreign Minister Sergei Ryabkov said Moscow would respond.",
                          "2024-05-01")
    ryabkov = find(actors, "Deputy Foreign Minister Sergei Ryabkov")
    assert ryabkov.name == "Sergei Ryabkov"
    assert "Deputy Foreign Minister" in ryabkov.roles
    assert "Foreign Minister" not in ryabkov.roles


def test_apposition_gives_an_unknown_person_a_role_with_evidence(nlp, find):
    text = "Karim Sadeghi, Iran's top negotiator, arrived in Vienna on Monday."
    article = Article("a", __import__("datetime").date(2025, 5, 1), text)
    result = resolve_with_claims(article, nlp(text))
    person = find(result.actors, "Karim Sadeghi")
    assert (person.known, person.country) == (False, "IRN")
    claim = next(c for c in result.claims if c.actor_id == person.id)
    assert claim.role == "top negotiator"
    assert claim.evidence.text == "Iran's top negotiator"


def test_unknown_titled_person_gets_a_role_claim(resolve_text, find):
    actors = resolve_text("Nigerian Foreign Minister Geoffrey Onyeama said talks would resume.",
                          "2021-06-01")
    person = find(actors, "Nigerian Foreign Minister Geoffrey Onyeama")
    assert (person.known, person.country, person.roles) == (False, "NGA", ["Foreign Minister"])


def test_russian_troops_are_a_russian_military_group(resolve_text, find):
    troops = find(resolve_text("Russian troops pressed on toward Kharkiv."), "Russian troops")
    assert (troops.kind, troops.country, troops.sector) == ("group", "RUS", "MIL")


def test_protesters_in_tbilisi_are_georgian_civilians(resolve_text, find):
    actors = resolve_text("Thousands of protesters in Tbilisi marched to the parliament.")
    protesters = find(actors, "protesters")
    assert (protesters.kind, protesters.country, protesters.sector) == ("group", "GEO", "CVL")


def test_bare_institution_belongs_to_the_dateline_country(resolve_text, find):
    text = ("NEW DELHI (AFP) - The foreign ministry said on Wednesday it had summoned the "
            "Chinese ambassador.")
    assert find(resolve_text(text), "foreign ministry").country == "IND"


def test_embassy_is_never_the_dateline_countrys_own(resolve_text, find):
    text = ("NEW DELHI (AFP) - The foreign ministry summoned the Chinese ambassador on "
            "Wednesday. Police arrested 20 protesters outside the embassy.")
    assert find(resolve_text(text), "embassy").country == "CHN"


def test_title_case_dateline_with_agency_names_the_country(resolve_text, find):
    text = "Kabul, Afghanistan (AP) - The interior ministry said the road to Pakistan was closed."
    assert find(resolve_text(text), "interior ministry").country == "AFG"


def test_protesters_of_no_named_country_are_the_datelines(resolve_text, find):
    text = ("NAIROBI (Reuters) - Riot police fired tear gas at protesters on Wednesday, and "
            "Ugandan and Tanzanian officials called for calm.")
    assert find(resolve_text(text), "protesters").country == "KEN"


def test_group_word_right_after_a_dateline_is_still_a_group(resolve_text, find):
    police = find(resolve_text("NAIROBI (Reuters) - Police fired tear gas on Wednesday."),
                  "Police")
    assert (police.kind, police.country, police.sector) == ("group", "KEN", "COP")


def test_of_a_country_after_an_institution_names_its_owner_over_the_dateline(
        resolve_text, find):
    text = "MOSCOW (Reuters) - The foreign ministry of Ukraine accused Russia of shelling."
    assert find(resolve_text(text), "foreign ministry").country == "UKR"


def test_an_embassy_in_a_capital_is_not_that_countrys(resolve_text, find):
    text = "WASHINGTON (Reuters) - The State Department ordered the embassy in Kyiv to close."
    assert find(resolve_text(text), "embassy").country == "USA"


def test_a_country_after_the_dateline_place_decides(resolve_text, find):
    text = "TRIPOLI, Lebanon (Reuters) - The army said it arrested two men."
    assert find(resolve_text(text), "army").country == "LBN"


def test_a_small_town_in_title_case_is_no_dateline(resolve_text, find):
    text = "Police (AP) - The interior ministry said the road was closed."
    assert all(a.country != "POL" for a in resolve_text(text))


def test_a_capitalised_group_word_before_a_name_is_part_of_a_title(resolve_text):
    actors = resolve_text("Police Commissioner Jessica Tisch said the suspect fled.")
    assert all(a.kind != "group" for a in actors)


def test_a_geneva_dateline_names_a_venue_not_a_home(resolve_text, find):
    text = "GENEVA (Reuters) - The foreign ministry said Iran was ready for talks."
    assert find(resolve_text(text), "foreign ministry").country == "IRN"


def test_news_agency_country_does_not_count_towards_the_story(resolve_text, find):
    text = "AFP reported a blast in Lagos. The army was deployed."
    assert find(resolve_text(text), "army").country == "NGA"


def test_seat_of_government_is_the_country(resolve_text, find):
    kremlin = find(resolve_text("The Kremlin dismissed the report."), "Kremlin")
    assert (kremlin.id, kremlin.kind) == ("country:RUS", "country")


def test_capital_as_subject_is_the_government_but_after_in_a_place(resolve_text):
    actors = resolve_text("Beijing warned on Tuesday. Wang Yi later arrived in Beijing.")
    kinds = sorted(a.kind for a in actors if any(m.text == "Beijing" for m in a.mentions))
    assert kinds == ["country", "place"]


def test_organisations_carry_sector_codes(resolve_text, find):
    actors = resolve_text("NATO and the IAEA met with Amnesty International in Brussels.")
    assert [find(actors, n).sector for n in ("NATO", "IAEA", "Amnesty International")] \
        == ["IGO", "IGO", "NGO"]


def test_ids_are_stable_across_articles(resolve_text, find):
    first = find(resolve_text("Wang Yi met Lavrov."), "Wang Yi").id
    second = find(resolve_text("China's top diplomat Wang Yi spoke."),
                  "top diplomat Wang Yi").id
    assert first == second == "person:wang-yi"


def test_unknown_names_are_marked_unknown(resolve_text, find):
    actors = resolve_text("Villagers said Tomas Oberlin, a local farmer, was missing.")
    assert find(actors, "Tomas Oberlin").known is False


def test_actor_at_prefers_the_tightest_overlapping_mention():
    wide = Actor("a", "A", "group", mentions=[Span(0, 20, "x" * 20)])
    tight = Actor("b", "B", "person", mentions=[Span(5, 10, "x" * 5)])
    assert actor_at([wide, tight], 5, 10) is tight
    assert actor_at([wide, tight], 12, 14) is wide
    assert actor_at([wide, tight], 30, 31) is None


def test_a_parse_of_another_text_is_refused(nlp):
    article = Article("a", __import__("datetime").date(2025, 1, 1), "Some text.")
    with pytest.raises(TextMismatch, match="Parse article.text itself"):
        resolve_with_claims(article, nlp("Other text."))


def test_a_city_in_a_quote_does_not_give_an_unknown_official_its_country(resolve_text, find):
    actors = resolve_text(
        "Kenya's opposition accused the government of weakness. \"The president must tell the "
        "nation what was agreed in Geneva,\" party secretary Wanjiku Otieno said.", "2025-11-03")
    assert find(actors, "secretary Wanjiku Otieno").country == "KEN"


def test_police_by_a_foreign_embassy_are_not_the_embassy_country_police(resolve_text, find):
    actors = resolve_text("Several hundred students gathered outside the Russian embassy in "
                          "Nairobi on Tuesday, and police detained dozens of them.", "2025-11-03")
    assert find(actors, "police").country != "RUS"


def test_a_named_storm_is_no_actor(resolve_text):
    actors = resolve_text("Hurricane Melissa hit Jamaica on Tuesday.", "2025-10-29")
    assert [a.name for a in actors] == ["Jamaica"]


def test_a_capital_after_negotiate_with_is_its_government(resolve_text):
    actors = resolve_text("Tehran would not negotiate with Washington.", "2025-11-01")
    assert {(a.name, a.kind) for a in actors} == {("Iran", "country"),
                                                  ("United States", "country")}


def test_a_capital_bombs_fall_on_is_the_city(resolve_text):
    actors = resolve_text("Bombs fell on Kyiv overnight.", "2025-11-01")
    assert [(a.name, a.kind) for a in actors] == [("Kyiv", "place")]
