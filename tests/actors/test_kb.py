from __future__ import annotations

from datetime import date

import pycountry
import pytest

from dateline.actors import kb
from dateline.errors import InputError


@pytest.fixture(scope="module")
def knowledge() -> kb.KnowledgeBase:
    return kb.load()


def test_all_193_un_members_and_both_observers_are_present(knowledge):
    members = [c for c in knowledge.countries.values() if c.status == "member"]
    observers = {c.iso3 for c in knowledge.countries.values() if c.status == "observer"}
    assert len(members) == 193
    assert observers == {"VAT", "PSE"}


def test_iso_codes_are_real_alpha3_codes(knowledge):
    user_assigned = {"XKX"}  # Kosovo has no ISO code; XKX is the common user-assigned one
    for iso3 in knowledge.countries:
        if iso3 not in user_assigned:
            assert pycountry.countries.get(alpha_3=iso3) is not None, iso3


@pytest.mark.parametrize("text, iso3", [
    ("U.S.", "USA"), ("UK", "GBR"), ("Emirati", "ARE"), ("Russian", "RUS"),
    ("Taiwan", "TWN"), ("Kosovo", "XKX"), ("Palestinian", "PSE"), ("Türkiye", "TUR"),
])
def test_names_short_forms_and_demonyms_name_countries(knowledge, text, iso3):
    assert knowledge.country_for_word(text) == iso3


def test_acronyms_only_match_in_capitals(knowledge):
    assert knowledge.country_for_word("us") is None
    assert not [e for e in knowledge.lookup("who") if e.kind == "organisation"]
    assert [e.key for e in knowledge.lookup("WHO")] == ["who"]


def test_seats_of_government_stand_for_their_country(knowledge):
    for seat, iso3 in [("the Kremlin", "RUS"), ("White House", "USA"),
                       ("Downing Street", "GBR"), ("Élysée", "FRA")]:
        assert [(e.kind, e.key) for e in knowledge.lookup(seat)] == [("seat", iso3)]


def test_office_holder_depends_on_the_date(knowledge):
    assert [p.name for p in knowledge.office_holders("USA", "HOS", date(2022, 6, 1))] \
        == ["Joe Biden"]
    assert [p.name for p in knowledge.office_holders("USA", "HOS", date(2025, 6, 1))] \
        == ["Donald Trump"]


def test_end_date_is_the_first_day_out_of_office(knowledge):
    assert [p.name for p in knowledge.office_holders("GBR", "HOG", date(2024, 7, 5))] \
        == ["Keir Starmer"]
    assert [p.name for p in knowledge.office_holders("GBR", "HOG", date(2024, 7, 4))] \
        == ["Rishi Sunak"]


@pytest.mark.parametrize("day", [date(2015, 6, 1), date(2017, 6, 1), date(2019, 6, 1),
                                 date(2021, 6, 1), date(2023, 6, 1), date(2025, 11, 1)])
def test_g20_security_council_and_newsy_countries_have_office_holders(knowledge, day):
    missing = []
    for iso3 in ("USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "CAN", "ITA",
                 "AUS", "KOR", "MEX", "IDN", "TUR", "SAU", "ARG", "ZAF", "UKR", "ISR", "IRN",
                 "HUN", "QAT", "EGY", "PAK", "PRK", "VEN"):
        if not any(knowledge.office_holders(iso3, code, day) for code in ("HOS", "HOG", "SL")):
            missing.append(f"{iso3} leader")
        for code in ("FM", "DM"):
            if not knowledge.office_holders(iso3, code, day):
                missing.append(f"{iso3} {code}")
    assert not missing


def test_user_csv_in_dateline_kb_adds_a_person(tmp_path, monkeypatch):
    (tmp_path / "finland.csv").write_text(
        "name,aliases,country,sector,office,title,start,end\n"
        "Elina Valtonen,,FIN,GOV,FM,Foreign Minister,2023-06-20,\n", encoding="utf-8")
    monkeypatch.setenv(kb.KB_ENV, str(tmp_path))
    knowledge = kb.build()
    assert [p.name for p in knowledge.office_holders("FIN", "FM", date(2024, 1, 1))] \
        == ["Elina Valtonen"]


def test_user_yaml_adds_countries_organisations_and_people(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "countries:\n"
        "  - {iso3: SML, name: Somaliland, demonyms: [Somalilander], capital: Hargeisa}\n"
        "organisations:\n"
        "  - {key: eacj, name: East African Court of Justice, aliases: [EACJ], sector: JUD}\n"
        "people:\n"
        "  - name: Abdirahman Mohamed Abdullahi\n"
        "    country: SML\n"
        "    offices:\n"
        "      - {office: HOS, title: President, start: 2024-12-12}\n", encoding="utf-8")
    knowledge = kb.build([path])
    assert knowledge.country_for_word("Somalilander") == "SML"
    assert knowledge.organisations["eacj"].sector == "JUD"
    assert knowledge.office_holders("SML", "HOS", date(2025, 1, 1))[0].key \
        == "abdirahman-mohamed-abdullahi"


def test_bad_date_in_a_user_file_names_the_line(tmp_path):
    path = tmp_path / "offices.csv"
    path.write_text("name,aliases,country,sector,office,title,start,end\n"
                    "Someone,,FIN,GOV,FM,Foreign Minister,20-06-2023,\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2 of .*offices.csv.*YYYY-MM-DD"):
        kb.build([path])


def test_missing_user_path_says_how_to_fix(tmp_path):
    with pytest.raises(InputError, match="DATELINE_KB"):
        kb.build([tmp_path / "nope"])


def test_load_builds_once_per_process():
    assert kb.load() is kb.load()
