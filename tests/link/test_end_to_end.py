"""The real pipeline on three short articles of one story, linked in the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import dateline
from dateline.model import Extraction
from dateline.store import Store

STORY = (
    ("2025-11-17", "Indian Prime Minister Narendra Modi will meet Chinese President Xi "
                   "Jinping in Geneva on Friday, officials told Reuters."),
    ("2025-11-20", "The meeting between Narendra Modi and Xi Jinping in Geneva has been "
                   "postponed, a spokesperson said on Thursday."),
    ("2025-12-06", "Narendra Modi met Xi Jinping in Geneva on Friday, the foreign ministry "
                   "said."),
)


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return [dateline.extract(text, date=day) for day, text in STORY]


def test_announcement_postponement_and_meeting_become_one_record(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    with Store(f"sqlite:///{tmp_path / 'e2e.db'}") as store:
        store.add(extractions)
        meetings = store.records(type="CONSULT")
    assert len(meetings) == 1
    [meeting] = meetings
    assert [h.status for h in meeting.history] == ["planned", "postponed", "occurred"]
    assert meeting.status == "occurred"
    assert meeting.date is not None and meeting.date.earliest == date(2025, 12, 5)
    assert meeting.source_count == 3


def test_the_story_added_newest_first_gives_the_same_records(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    results = []
    for name, order in (("forward", extractions), ("backward", extractions[::-1])):
        with Store(f"sqlite:///{tmp_path / f'{name}.db'}") as store:
            for extraction in order:
                store.add([extraction])
            results.append([(r.id, r.event_ids, r.status) for r in store.records()])
    assert results[0] == results[1]


MARCH = (
    ("2025-11-05", "Veterans' groups in India said they would hold a march in Kolkata next "
                   "week to protest against the border clash with China."),
    ("2025-11-12", "An Indian court upheld a police ban on the protest. The organisers "
                   "called off the march, Indian officials said."),
)


@pytest.fixture(scope="module")
def march_extractions() -> list[Extraction]:
    return [dateline.extract(text, date=day) for day, text in MARCH]


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_march_called_off_without_naming_who_or_where_ends_its_plan(
    march_extractions: list[Extraction], tmp_path: Path, newest_first: bool
) -> None:
    order = march_extractions[::-1] if newest_first else march_extractions
    with Store(f"sqlite:///{tmp_path / 'march.db'}") as store:
        for extraction in order:
            store.add([extraction])
        marches = [r for r in store.records(type="PROTEST") if r.source_count == 2]
        _, overdue = store.upcoming(as_of=date(2025, 11, 20))
    assert len(marches) == 1
    [march] = marches
    assert march.status == "cancelled"
    assert march.location is not None and march.location.name == "Kolkata"
    assert overdue == []
