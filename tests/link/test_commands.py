"""The upcoming and export commands, and the text of ``show`` for a record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from story_corpus import PUTIN, XI, report

from dateline.link.commands import export, find_record, print_record, record_story, upcoming
from dateline.store import Store


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'story.db'}"
    with Store(url) as store:
        store.add([
            report("a1", "2025-11-20", "planned", "2025-11-23"),
            report("a2", "2025-11-24", "occurred", "2025-11-23", source="Reuters"),
            report("b1", "2025-11-20", "planned", "2025-11-21", who=(PUTIN, XI)),
            report("b2", "2025-11-20", "planned", "2025-11-22", who=(PUTIN, XI),
                   source="AP"),
        ])
    return url


def test_upcoming_json_lists_ahead_and_overdue(db: str) -> None:
    result = CliRunner().invoke(upcoming, ["--db", db, "--as-of", "2025-11-21", "--format",
                                           "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert [r["event_ids"] for r in document["ahead"]] == [["b1-e1", "b2-e1"], ["a1-e1"]]
    assert document["overdue"] == []


def test_upcoming_defaults_to_the_newest_article_and_shows_overdue(db: str) -> None:
    result = CliRunner().invoke(upcoming, ["--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(line["section"], line["event_ids"]) for line in lines] == [
        ("overdue", ["b1-e1", "b2-e1"])]


def test_upcoming_table_flags_conflicts(db: str) -> None:
    result = CliRunner().invoke(upcoming, ["--db", db, "--as-of", "2025-11-21"])
    assert result.exit_code == 0, result.output
    assert "Planned from 2025-11-21" in result.output
    assert "1 (see show)" in result.output


def test_upcoming_rejects_a_bad_date(db: str) -> None:
    result = CliRunner().invoke(upcoming, ["--db", db, "--as-of", "21/11/2025"])
    assert result.exit_code == 2 and "expected YYYY-MM-DD" in result.output


def test_export_writes_an_ical_file_with_filters(db: str, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    result = CliRunner().invoke(export, ["--db", db, "--format", "ical", "-o", str(target),
                                         "--actor", "Putin"])
    assert result.exit_code == 0, result.output
    calendar = target.read_text()
    assert calendar.count("BEGIN:VEVENT") == 1 and "Putin" in calendar


def test_export_csv_goes_to_standard_output(db: str) -> None:
    result = CliRunner().invoke(export, ["--db", db, "--format", "csv", "--status",
                                         "occurred"])
    assert result.exit_code == 0, result.output
    header, row = result.output.splitlines()
    assert header.startswith("id,type,mode") and ",occurred," in row


def test_show_text_tells_the_story_with_evidence_in_context(db: str) -> None:
    with Store(db) as store:
        record = find_record(store, "a2-e1")
        assert record is not None and find_record(store, record.id) == record
        articles = {i: a for i in record.article_ids if (a := store.article(i))}
    story = record_story(record, articles)
    assert "occurred, 2 source(s)" in story
    assert "2025-11-20 AFP: planned 2025-11-23 (on 2025-11-23)" in story
    assert "Xi Jinping [will meet] in Geneva" in story


def test_show_json_is_the_record(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(db) as store:
        record = find_record(store, "b1-e1")
        assert record is not None
        print_record(store, record, "json")
    assert json.loads(capsys.readouterr().out)["conflicts"][0].startswith("dates disagree")
