"""The command-line faces of linked events: ``upcoming`` and ``export`` (click commands the
``dateline`` group adds with ``main.add_command``), and the printing ``timeline`` and
``show`` use for records.

The commands are thin, like the rest of the CLI: they call ``Store.upcoming``,
``Store.records`` and ``dateline.export`` and print.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

import click

from dateline.export import FORMATS as EXPORT_FORMATS
from dateline.export import export_bytes
from dateline.export.formats import flat_record_row
from dateline.link.records import EventRecord
from dateline.model import Article
from dateline.options import event_filters, parse_date, store_filters, stored_db_option
from dateline.output import FORMATS, write_records

#: Columns a table shows for records (CSV keeps them all).
RECORD_TABLE_COLUMNS = ("date", "type", "status", "participants", "location", "sources",
                        "conflicts", "id")

# Context shown around a piece of evidence, in characters on each side.
_CONTEXT = 100


def record_table_row(record: EventRecord) -> dict[str, Any]:
    """The view of a record for tables: every column of ``dateline.export.record_row`` as
    text, plus ``sources`` (how many articles) and ``conflicts`` (how many, or empty).
    CSV carries the export's columns instead (``flat_record_row``), so a timeline saved as
    CSV and ``dateline export --format csv`` have one shape."""
    row = flat_record_row(record)
    row["sources"] = record.source_count
    row["conflicts"] = f"{len(record.conflicts)} (see show)" if record.conflicts else ""
    return row


def write_record_list(
    records: Sequence[EventRecord], fmt: str, stream: TextIO, title: str | None = None
) -> None:
    """Records as a table, JSON, JSON Lines or CSV (the ``--format`` of query commands)."""
    row = flat_record_row if fmt == "csv" else record_table_row
    write_records(records, fmt, stream, row, RECORD_TABLE_COLUMNS, title=title)


def find_record(store: Any, item_id: str) -> EventRecord | None:
    """The record ``item_id`` names: a record id (``rec-...``) or the id of one of its
    events. ``store`` is a ``dateline.store.Store``."""
    return store.record(item_id) or store.record_of(item_id)


def _evidence_line(article: Article | None, start: int, end: int, text: str) -> str:
    if article is None:
        return f"      \"{text}\""
    before = article.text[max(0, start - _CONTEXT):start].replace("\n", " ")
    after = article.text[end:end + _CONTEXT].replace("\n", " ")
    return f"      ...{before}[{article.text[start:end]}]{after}..."


def record_story(record: EventRecord, articles: Mapping[str, Article]) -> str:
    """A record as text: what, when, where, its conflicts, then every report with its
    evidence in context (``articles``: the reporting articles by id, for the context)."""
    lines = [f"{record.type} ({record.mode or '-'}, CAMEO {record.cameo or '-'}) - "
             f"{record.status}, {record.source_count} source(s)   [{record.id}]"]
    row = flat_record_row(record)
    for label in ("date", "participants", "location"):
        if row[label]:
            lines.append(f"  {label}: {row[label]}")
    if record.conflicts:
        lines.append("  sources disagree:")
        lines.extend(f"    ! {conflict}" for conflict in record.conflicts)
    lines.append("  history:")
    for entry in record.history:
        claimed = f" {entry.date.value} ({entry.date.text})" if entry.date else ""
        says = " <- ".join(s.name for s in entry.attribution)
        outlet = f" {entry.article_source}" if entry.article_source else ""
        lines.append(
            f"    {entry.article_date.isoformat()}{outlet}: {entry.status}{claimed}"
            + (f", according to {says}" if says else "")
            + f"   [article {entry.article_id}, event {entry.event_id}]"
        )
        article = articles.get(entry.article_id)
        lines.extend(_evidence_line(article, s.start, s.end, s.text) for s in entry.evidence)
    return "\n".join(lines)


def print_record(store: Any, record: EventRecord, fmt: str = "text",
                 stream: TextIO | None = None) -> None:
    """``dateline show`` for a record: its story as text, or the record as JSON."""
    out = stream or sys.stdout
    if fmt == "json":
        out.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    articles = {
        article_id: article for article_id in record.article_ids
        if (article := store.article(article_id)) is not None
    }
    out.write(record_story(record, articles) + "\n")


# -- click commands --------------------------------------------------------------------------


def query_records(db_url: str, **filters: Any) -> list[EventRecord]:
    """``Store.records`` with the CLI's filter options (dates as YYYY-MM-DD text)."""
    from dateline.store import Store

    with Store(db_url) as store:
        return store.records(**store_filters(filters))


@click.command("upcoming")
@click.option("--days", type=click.IntRange(0), default=14, show_default=True,
              help="How far ahead to look.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
              help="The reference day (default: the newest article's date). Only reports "
                   "published by then count.")
@click.option("--overdue-days", type=click.IntRange(0), default=None,
              help="List overdue plans only this many days back (default: all).")
@stored_db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
              show_default=True, help="Output format.")
def upcoming(days: int, as_of: str | None, overdue_days: int | None, db_url: str,
             fmt: str) -> None:
    """Planned events ahead of a day, and plans whose date passed with no report that they
    happened.

    \b
    Example:
      dateline upcoming --days 14 --as-of 2025-11-20
    """
    from dateline.store import Store

    with Store(db_url) as store:
        reference = parse_date(as_of, "--as-of") or store.latest_article_date()
        ahead, overdue = store.upcoming(as_of=reference, days=days,
                                        overdue_days=overdue_days)
    if reference is None:
        click.echo("the store holds no articles yet: ingest some first", err=True)
        return
    if fmt == "json":
        document = {"as_of": reference.isoformat(), "days": days,
                    "ahead": [r.to_dict() for r in ahead],
                    "overdue": [r.to_dict() for r in overdue]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for section, records in (("ahead", ahead), ("overdue", overdue)):
            for record in records:
                click.echo(json.dumps({"section": section, **record.to_dict()},
                                      ensure_ascii=False))
    elif fmt == "csv":
        tagged = [_Tagged("ahead", r) for r in ahead] + [_Tagged("overdue", r)
                                                         for r in overdue]
        write_records(tagged, "csv", sys.stdout, _Tagged.row)
    else:
        write_record_list(ahead, "table", sys.stdout,
                          title=f"Planned from {reference.isoformat()}, next {days} days")
        write_record_list(overdue, "table", sys.stdout,
                          title="Overdue: date passed, no report that it happened")


class _Tagged:
    """A record with the section of ``upcoming`` it is listed in, for CSV."""

    def __init__(self, section: str, record: EventRecord) -> None:
        self.section = section
        self.record = record

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, **self.record.to_dict()}

    def row(self) -> dict[str, Any]:
        return {"section": self.section, **flat_record_row(self.record)}


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json",
              show_default=True, help="Export format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              default=None, help="File to write (default: standard output).")
@event_filters
@stored_db_option
def export(fmt: str, output: str | None, db_url: str, **filters: Any) -> None:
    """Linked events (each real event once, with its sources) as a file.

    iCalendar (ical) holds the planned and held events as calendar entries with their
    sources in the description: subscribe to it to see what is coming.

    \b
    Examples:
      dateline export --format ical -o dateline.ics
      dateline export --format parquet --country CHN -o china.parquet
      dateline export --format csv --status planned
    """
    data = export_bytes(query_records(db_url, **filters), fmt)
    if output is None:
        if fmt == "parquet" and sys.stdout.isatty():
            raise click.UsageError("Parquet is binary: write it to a file with --output")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        with open(output, "wb") as target:
            target.write(data)
        click.echo(f"wrote {output}", err=True)


#: The commands for ``main.add_command``.
COMMANDS = (upcoming, export)
