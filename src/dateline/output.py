"""Writing query results as a table (rich), JSON, JSON Lines or CSV.

Every query command goes through ``write_records``: the same records, four faces. Tables show
the flattened row; json/jsonl carry the whole record (``to_dict``); csv carries the row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from dateline.model import Event

FORMATS = ("table", "json", "jsonl", "csv")


def _participants(event: Event) -> str:
    def name(p: Any) -> str:
        return f"{p.name} ({p.country})" if p.country else p.name

    sources = [name(p) for p in event.participants if p.role == "source"]
    targets = [name(p) for p in event.participants if p.role == "target"]
    others = [name(p) for p in event.participants if p.role == "participant"]
    parts = []
    if sources or targets:
        parts.append(" & ".join(sources) + (" -> " + " & ".join(targets) if targets else ""))
    if others:
        parts.append(" & ".join(others))
    return "; ".join(p.strip() for p in parts if p.strip())


def event_row(event: Event) -> dict[str, Any]:
    """The flat view of an event used by tables and CSV."""
    when = event.date.value if event.date else ""
    return {
        "id": event.id,
        "date": when,
        "date_text": event.date.text if event.date else "",
        "type": event.type,
        "mode": event.mode or "",
        "status": event.status,
        "participants": _participants(event),
        "location": (
            f"{event.location.name}" + (f", {event.location.country}" if event.location.country
                                        else "")
            if event.location else ""
        ),
        "says_who": " <- ".join(s.name for s in event.attribution),
        "evidence": " | ".join(m.text for m in event.mentions),
        "article_date": event.article_date.isoformat() if event.article_date else "",
        "article_id": event.article_id or "",
    }


#: Columns a table shows for events (CSV keeps them all).
EVENT_TABLE_COLUMNS = ("date", "type", "status", "participants", "location", "says_who",
                       "evidence", "article_date", "id")


def write_records(
    records: Sequence[Any],
    fmt: str,
    stream: TextIO,
    row: Callable[[Any], dict[str, Any]],
    table_columns: Sequence[str] | None = None,
    title: str | None = None,
) -> None:
    if fmt == "json":
        json.dump([r.to_dict() for r in records], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "jsonl":
        for record in records:
            stream.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        rows = [row(r) for r in records]
        if not rows:
            return
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "table":
        rows = [row(r) for r in records]
        columns = list(table_columns or (rows[0].keys() if rows else []))
        table = Table(title=title, show_lines=False, expand=False)
        for column in columns:
            table.add_column(column.replace("_", " "), overflow="fold")
        for r in rows:
            table.add_row(*(str(r.get(c, "")) for c in columns))
        console = Console(file=stream, width=None if stream.isatty() else 200)
        if rows:
            console.print(table)
        else:
            console.print("(nothing found)")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
