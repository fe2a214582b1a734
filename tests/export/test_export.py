"""Exports of linked events: the same records in five formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from story_corpus import PUTIN, XI, record_from, report

from dateline.export import COLUMNS, FORMATS, ExportError, export_bytes, record_row, write_export
from dateline.link.records import EventRecord


@pytest.fixture
def records() -> list[EventRecord]:
    held = record_from(
        report("a1", "2025-11-20", "planned", "2025-11-23"),
        report("a2", "2025-11-24", "occurred", "2025-11-23", source="Reuters"),
    )
    disputed = record_from(
        report("b1", "2025-11-10", "planned", "2025-11-14", who=(PUTIN, XI)),
        report("b2", "2025-11-10", "planned", "2025-11-15", who=(PUTIN, XI), source="AP"),
    )
    called_off = record_from(
        report("c1", "2025-11-10", "planned", "2025-11-12", who=(PUTIN,)),
        report("c2", "2025-11-11", "cancelled", who=(PUTIN,), source="AP"),
    )
    return [disputed, held, called_off]


def test_json_carries_whole_records(records: list[EventRecord]) -> None:
    document = json.loads(export_bytes(records, "json"))
    assert [d["id"] for d in document] == [r.id for r in records]
    assert document[1]["history"][1]["status"] == "occurred"


def test_jsonl_has_one_record_per_line(records: list[EventRecord]) -> None:
    lines = export_bytes(records, "jsonl").decode().splitlines()
    assert [json.loads(line)["source_count"] for line in lines] == [2, 2, 2]


def test_csv_flattens_lists_and_keeps_the_conflicts(records: list[EventRecord]) -> None:
    rows = list(csv.DictReader(io.StringIO(export_bytes(records, "csv").decode())))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["participants"] == "Vladimir Putin (RUS); Xi Jinping (CHN)"
    assert rows[0]["conflicts"].startswith("dates disagree: 2025-11-14")
    assert rows[1]["statuses"] == "planned; occurred"


def test_record_row_follows_the_documented_columns(records: list[EventRecord]) -> None:
    assert tuple(record_row(records[0])) == COLUMNS


def test_parquet_keeps_types(records: list[EventRecord]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(export_bytes(records, "parquet")))
    assert table.num_rows == 3
    assert str(table.schema.field("date_earliest").type) == "date32[day]"
    assert table.column("article_ids").to_pylist()[1] == ["a1", "a2"]


def test_ical_has_planned_and_held_events_with_their_sources(
    records: list[EventRecord],
) -> None:
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(export_bytes(records, "ical"))
    entries = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {f"{records[0].id}@dateline", f"{records[1].id}@dateline"}
    held = entries[f"{records[1].id}@dateline"]
    assert str(held["status"]) == "CONFIRMED"
    assert held.decoded("dtstart").isoformat() == "2025-11-23"
    description = str(held["description"])
    assert "Reuters (a2): occurred on 2025-11-23" in description
    assert "AFP (a1): planned for 2025-11-23" in description
    disputed = entries[f"{records[0].id}@dateline"]
    assert str(disputed["status"]) == "TENTATIVE"
    assert "dates disagree" in str(disputed["description"])


def test_ical_export_is_the_same_bytes_every_time(records: list[EventRecord]) -> None:
    assert export_bytes(records, "ical") == export_bytes(records, "ical")


def test_every_format_writes_to_a_file(records: list[EventRecord], tmp_path) -> None:
    for fmt in FORMATS:
        target = tmp_path / f"out.{fmt}"
        write_export(records, fmt, target)
        assert target.read_bytes() == export_bytes(records, fmt)


def test_unknown_format_names_the_choices(records: list[EventRecord]) -> None:
    with pytest.raises(ExportError, match="'xml'.*json, jsonl, csv, parquet, ical"):
        export_bytes(records, "xml")
