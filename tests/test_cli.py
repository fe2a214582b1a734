"""The ``dateline`` command as a user runs it: extract, ingest, query, show, demo."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dateline.cli import main

STORY = [
    ("a1", "2024-03-04", "Chinese Foreign Minister Wang Yi will meet Indian External Affairs "
                         "Minister S. Jaishankar in Geneva on Friday, officials told AFP."),
    ("a2", "2024-03-09", "Wang Yi and S. Jaishankar met in Geneva on Friday and agreed to "
                         "resume border talks, the ministry said."),
    ("a3", "2024-03-10", "Protesters rallied outside the Chinese embassy in New Delhi on "
                         "Saturday."),
]


def write_jsonl(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "date": d, "text": t}) + "\n"
                            for i, d, t in rows), encoding="utf-8")
    return path


@pytest.fixture
def runner(nlp) -> CliRunner:
    return CliRunner()


def test_extract_reads_standard_input_and_prints_one_document(runner):
    result = runner.invoke(main, ["extract", "-"], input="date 2024-03-04\nModi spoke by "
                           "phone with Xi on Sunday.\n")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    document = json.loads(lines[0])
    assert set(document) == {"article", "timexes", "actors", "events", "quotes"}
    assert document["article"]["date"] == "2024-03-04"
    assert document["events"][0]["type"] == "CONSULT"


def test_extract_keeps_input_order_and_ids(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY)
    result = runner.invoke(main, ["extract", str(feed)])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["a1", "a2", "a3"]


def test_ingest_twice_adds_nothing_the_second_time(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    first = runner.invoke(main, ["ingest", str(feed), "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored 3 new articles" in first.stderr
    second = runner.invoke(main, ["ingest", str(feed), "--db", db])
    assert second.exit_code == 0
    assert "stored 0 new articles" in second.stderr and "3 already stored" in second.stderr


def test_events_filters_by_actor_type_and_status(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(main, ["ingest", str(feed), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["events", "--db", db, "--actor", "wang", "--type", "CONSULT",
                                  "--status", "planned", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert [e["article_id"] for e in found] == ["a1"]
    assert found[0]["date"]["value"] == "2024-03-08"


def test_timeline_lists_each_event_once_by_date_with_its_sources(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(main, ["ingest", str(feed), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["timeline", "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    dates = [r["date"] for r in rows if r["date"][:1].isdigit()]
    assert dates == sorted(dates)
    # The Geneva meeting announced on the 4th and reported on the 9th is one record.
    geneva = [r for r in rows if r["type"] == "CONSULT" and "Geneva" in r["location"]]
    assert len(geneva) == 1, geneva
    assert geneva[0]["source_count"] == "2"
    assert geneva[0]["status"] == "occurred"


def test_show_gives_the_linked_event_with_its_history_and_evidence(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(main, ["ingest", str(feed), "--db", db]).exit_code == 0
    listing = json.loads(runner.invoke(main, ["events", "--db", db, "--actor", "wang",
                                              "--type", "CONSULT", "--format", "json"]).stdout)
    event_id = listing[0]["id"]
    shown = runner.invoke(main, ["show", event_id, "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    record = json.loads(shown.stdout)
    assert event_id in record["event_ids"]
    assert [h["status"] for h in record["history"]] == ["planned", "occurred"]
    assert all(h["evidence"] for h in record["history"])
    as_text = runner.invoke(main, ["show", record["id"], "--db", db])
    assert as_text.exit_code == 0 and "planned" in as_text.stdout


def test_show_an_article_id_prints_the_article_and_its_events(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(main, ["ingest", str(feed), "--db", db]).exit_code == 0
    shown = runner.invoke(main, ["show", "a3", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "Protesters rallied" in shown.stdout and "PROTEST" in shown.stdout


def test_show_unknown_id_says_how_to_find_ids(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY[:1])
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert runner.invoke(main, ["ingest", str(feed), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["show", "nope", "--db", db])
    assert result.exit_code != 0
    assert "dateline events" in result.output


@pytest.mark.parametrize("command", [["events"], ["timeline"], ["actors"], ["upcoming"],
                                     ["show", "x"], ["export", "--format", "json"]])
def test_queries_refuse_a_store_that_does_not_exist_and_create_none(runner, tmp_path, command):
    missing = tmp_path / "typo.db"
    result = runner.invoke(main, [*command, "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 2
    assert "no store at" in result.output and "dateline ingest" in result.output
    assert not missing.exists()


def test_bad_line_stops_ingest_before_anything_is_stored(runner, tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok", "date": "2024-03-04", "text": "Modi met Xi."})
    feed.write_text(good + "\n{not json\n", encoding="utf-8")
    db_file = tmp_path / "store.db"
    result = runner.invoke(main, ["ingest", str(feed), "--db", f"sqlite:///{db_file}"])
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "feed.jsonl" in result.stderr
    assert not db_file.exists()


def test_skip_bad_warns_and_stores_the_rest(runner, tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok", "date": "2024-03-04", "text": "Modi met Xi on Monday."})
    feed.write_text(good + "\n{not json\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    result = runner.invoke(main, ["ingest", str(feed), "--db", db, "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr and "line 2" in result.stderr
    assert "stored 1 new articles" in result.stderr


def test_demo_builds_a_fresh_store_and_prints_the_timeline(runner, tmp_path):
    db_file = tmp_path / "demo.db"
    db_file.write_text("not a database")  # a stale file is replaced, not appended to
    result = runner.invoke(main, ["demo", "--db", str(db_file)])
    assert result.exit_code == 0, result.output
    assert "Timeline of the demo story" in result.stdout
    with sqlite3.connect(db_file) as connection:
        articles = connection.execute("select count(*) from articles").fetchone()[0]
    assert articles == 10

    from dateline.store import Store

    with Store(f"sqlite:///{db_file}") as store:
        records = store.records(type="CONSULT", actor="Wang Yi")
        geneva = [r for r in records if r.location and r.location.name == "Geneva"
                  and r.source_count >= 2]
        summit = [r for r in store.records(type="CONSULT", actor="Xi Jinping")
                  if r.mode == "multilateral" and r.source_count >= 3]
    # The meeting announced on the 3rd for Friday is reported held: one record, occurred.
    assert len(geneva) == 1 and geneva[0].status == "occurred"
    assert geneva[0].date is not None and geneva[0].date.value == "2025-11-07"
    assert [h.status for h in geneva[0].history][0] == "planned"
    # The summit: planned, postponed, then set for 8 December.
    assert len(summit) == 1
    assert {"planned", "postponed"} <= {h.status for h in summit[0].history}
    assert summit[0].status == "planned" and summit[0].date.value == "2025-12-08"
    # The Kolkata march: planned, banned, called off: one cancelled record, never overdue.
    # What is overdue is the detainees' release "later in the day" on the 5th, which no
    # later article confirms.
    with Store(f"sqlite:///{db_file}") as store:
        marches = [r for r in store.records(type="PROTEST")
                   if r.location and r.location.name == "Kolkata"]
        _, overdue = store.upcoming(as_of=date(2025, 11, 17))
    assert len(marches) == 1 and marches[0].status == "cancelled"
    assert [(r.type, r.date.value if r.date else None) for r in overdue] == [
        ("RETREAT", "2025-11-05")]


def _count(db_file: Path, table: str) -> int:
    try:
        with sqlite3.connect(db_file, timeout=5) as connection:
            return connection.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_kill_9_mid_ingest_then_rerun_gives_a_complete_store(tmp_path):
    rows = [(f"k{i:03d}", "2024-03-04",
             f"Minister {i} met the ambassador of Kenya in Nairobi on Friday, officials said.")
            for i in range(120)]
    feed = write_jsonl(tmp_path / "feed.jsonl", rows)
    db_file = tmp_path / "store.db"
    command = [sys.executable, "-m", "dateline", "ingest", str(feed),
               "--db", f"sqlite:///{db_file}"]
    env = {**os.environ, "DATELINE_BATCH_SIZE": "8"}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db_file, "articles") == 0 and process.poll() is None:
        assert time.monotonic() < deadline, "ingest stored nothing in 2 minutes"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _count(db_file, "articles")
    assert 0 < stored < len(rows), "the kill should land mid-run"
    # Every stored article is whole: each has exactly the one meeting it reports.
    with sqlite3.connect(db_file) as connection:
        per_article = connection.execute(
            "select a.id, count(e.id) from articles a left join events e "
            "on e.article_id = a.id group by a.id").fetchall()
    assert all(n == 1 for _, n in per_article), per_article

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} already stored" in rerun.stderr
    assert _count(db_file, "articles") == len(rows)
    assert _count(db_file, "events") == len(rows)


def test_timex_offsets_index_the_input_as_read_even_with_crlf(runner, tmp_path):
    raw = "Talks ended.\r\nThe ministers will meet again on Friday.\r\n"
    source = tmp_path / "note.txt"
    source.write_bytes(raw.encode("utf-8"))
    result = runner.invoke(main, ["timex", str(source), "--dct", "2024-03-04"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(t["text"], t["value"]) for t in found] == [("Friday", "2024-03-08")]
    assert raw[found[0]["start"]:found[0]["end"]] == "Friday"


def test_timex_refuses_bytes_that_are_not_utf8_with_the_fix(runner, tmp_path):
    source = tmp_path / "latin1.txt"
    source.write_bytes("Caf\xe9 talks on Monday".encode("latin-1"))
    result = runner.invoke(main, ["timex", str(source), "--dct", "2024-03-04"])
    assert result.exit_code != 0
    assert "latin1.txt" in result.output and "UTF-8" in result.output


def test_python_api_returns_model_dataclasses(tmp_path, nlp):
    import dateline
    from dateline.model import Event

    extraction = dateline.extract("Modi spoke by phone with Xi on Sunday.", date="2024-03-04")
    store = dateline.Store(f"sqlite:///{tmp_path / 'api.db'}")
    assert store.add([extraction]) == 1
    found = store.events(actor="modi", type="CONSULT")
    assert len(found) == 1 and isinstance(found[0], Event)
    assert found[0].date is not None and found[0].date.value == "2024-03-03"
    store.close()


def test_timeline_csv_has_the_same_columns_as_the_csv_export(runner, tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", STORY)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(main, ["ingest", str(feed), "--db", db]).exit_code == 0
    timeline = runner.invoke(main, ["timeline", "--db", db, "--format", "csv"])
    exported = runner.invoke(main, ["export", "--db", db, "--format", "csv"])
    assert timeline.exit_code == 0 and exported.exit_code == 0, exported.output
    assert timeline.stdout.splitlines()[0] == exported.stdout.splitlines()[0]
    assert "see show" not in timeline.stdout


# Modules too slow to import for a --help: spaCy (via the actor resolver), SQLAlchemy, the
# Parquet writer, the web framework.
HEAVY_MODULES = ("spacy", "dateline.actors", "sqlalchemy", "pandas", "pyarrow", "fastapi")


@pytest.mark.parametrize("arguments", [["--help"], ["timeline", "--help"],
                                       ["upcoming", "--help"], ["export", "--help"]])
def test_help_imports_no_heavy_module(arguments):
    # A fresh interpreter: this one has imported everything already.
    probe = (
        "import sys\n"
        "from dateline.cli import main\n"
        f"main({arguments!r}, standalone_mode=False)\n"
        f"print([m for m in {HEAVY_MODULES!r} if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_help_lists_deferred_commands_as_their_own_help_does():
    from dateline.cli import DEFERRED_COMMANDS

    for name, deferred in DEFERRED_COMMANDS.items():
        command = deferred.load()
        listed = main.get_command(click.Context(main), name)
        assert listed is command
        for width in (30, 60, 200):
            assert (click.Command(name, help=deferred.summary).get_short_help_str(width)
                    == command.get_short_help_str(width)), name


def test_deferred_command_runs_from_the_main_command():
    result = CliRunner().invoke(main, ["kb", "lookup", "no such actor anywhere"])
    assert result.exit_code == 0, result.output
    assert "is not in the knowledge base" in result.output
