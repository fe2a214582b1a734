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
