"""The sample dumps in data/ are in Wikidata's entity JSON shape (labels, aliases, claims with
mainsnak/qualifiers/rank); the Q-ids of the position and people entities are made up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dateline.actors import kb
from dateline.actors.wikidata import import_dump, wikidata_time
from dateline.errors import InputError

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def imported(tmp_path) -> dict:
    out = tmp_path / "wikidata.yaml"
    import_dump(DATA / "wikidata_dump.json", out)
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def test_import_reads_people_with_positions_and_dates(imported):
    valtonen = next(p for p in imported["people"] if p["name"] == "Elina Valtonen")
    assert valtonen["country"] == "FIN"
    assert valtonen["aliases"] == ["Elina Maria Valtonen"]
    assert valtonen["offices"] == [{
        "office": "FM", "title": "Minister for Foreign Affairs of Finland", "country": "FIN",
        "wikidata": "Q900001", "start": "2023-06-20"}]


def test_position_country_may_come_from_jurisdiction(imported):
    hakkanen = next(p for p in imported["people"] if p["name"] == "Antti Häkkänen")
    assert [(o["office"], o["country"]) for o in hakkanen["offices"]] == [("DM", "FIN")]


def test_deprecated_statements_are_left_out(imported):
    hakkanen = next(p for p in imported["people"] if p["name"] == "Antti Häkkänen")
    assert len(hakkanen["offices"]) == 1


def test_one_entity_per_line_gives_the_same_result(tmp_path, imported):
    out = tmp_path / "lines.yaml"
    import_dump(DATA / "wikidata_entities.jsonl", out)
    assert yaml.safe_load(out.read_text(encoding="utf-8")) == imported


def test_imported_file_is_a_usable_knowledge_base(tmp_path):
    out = tmp_path / "wikidata.yaml"
    import_dump(DATA / "wikidata_dump.json", out)
    knowledge = kb.build([out])
    holders = knowledge.office_holders("FIN", "FM", date(2024, 3, 1))
    assert [p.name for p in holders] == ["Elina Valtonen"]


def test_time_precision_fills_missing_month_and_day():
    assert wikidata_time({"time": "+2019-00-00T00:00:00Z", "precision": 9}) == date(2019, 1, 1)
    assert wikidata_time({"time": "+2012-05-07T00:00:00Z", "precision": 11}) \
        == date(2012, 5, 7)


def test_a_file_that_is_not_json_names_the_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[\n{not json},\n]\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2 of .*bad.json"):
        import_dump(bad, tmp_path / "out.yaml")
