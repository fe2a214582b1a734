from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.eval.actors import evaluate, read_labelled, score_mention
from dateline.model import Actor

GOLD = Path(__file__).resolve().parents[1] / "data" / "actors_gold.jsonl"


def test_gold_set_is_large_and_covers_every_region():
    items = read_labelled(GOLD)
    mentions = [m for item in items for m in item.mentions]
    countries = {m["country"] for m in mentions if isinstance(m["country"], str)}
    assert len(mentions) >= 150
    # at least one country from each world region
    for region in ({"USA", "CAN", "MEX"}, {"BRA", "ARG", "COL", "VEN", "URY", "CHL"},
                   {"GBR", "FRA", "DEU", "POL", "HUN", "ROU"}, {"RUS", "UKR", "GEO", "ARM"},
                   {"IRN", "ISR", "SAU", "QAT", "EGY", "LBN"}, {"NGA", "KEN", "SDN", "COD"},
                   {"IND", "PAK", "BGD", "NPL", "LKA"}, {"CHN", "JPN", "KOR", "PRK", "TWN"},
                   {"IDN", "PHL", "MMR", "THA", "KHM"}, {"AUS", "SLB"}, {"KAZ", "UZB"}):
        assert countries & region, region


@pytest.mark.slow
def test_actor_and_country_accuracy_reach_ninety_percent():
    report = evaluate(GOLD)
    assert report.actor_accuracy >= 0.90, report.render()
    assert report.country_accuracy >= 0.90, report.render()


def test_group_mentions_are_scored_by_kind_country_and_sector():
    troops = Actor("group:RUS:forces", "Russian forces", "group", "RUS", "MIL")
    label = {"actor": "Russian troops", "country": "RUS", "sector": "MIL", "kind": "group"}
    assert score_mention(troops, label) == (True, True, True)
    assert score_mention(troops, {**label, "country": "UKR"})[0] is False


def test_any_of_several_labelled_actors_is_right():
    kim = Actor("person:kim-jong-un", "Kim Jong Un", "person", "PRK", "GOV")
    label = {"actor": ["Donald Trump", "Kim Jong Un"], "country": ["USA", "PRK"],
             "sector": "GOV", "kind": "person"}
    assert score_mention(kim, label) == (True, True, True)


def test_an_unresolved_mention_is_wrong():
    label = {"actor": "Wang Yi", "country": "CHN", "sector": "GOV", "kind": "person"}
    assert score_mention(None, label) == (False, False, False)


def test_labels_with_wrong_offsets_are_rejected(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"date": "2025-01-01", "text": "Wang Yi spoke.", "mentions": [
        {"text": "Wang Yi", "start": 1, "end": 8, "actor": "Wang Yi"}]}) + "\n")
    with pytest.raises(InputError, match="line 1 of .*bad.jsonl.*offsets"):
        read_labelled(path)
