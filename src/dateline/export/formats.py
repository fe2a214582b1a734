"""One function per export format, each turning records into bytes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from dateline.errors import DatelineError
from dateline.export.ical import ical_bytes
from dateline.link.records import EventRecord


class ExportError(DatelineError):
    """An export was asked in a format Dateline does not write, or cannot be written."""


#: The columns of ``record_row``, in order (CSV header, Parquet schema).
COLUMNS = (
    "id", "type", "mode", "cameo", "status", "date", "date_earliest", "date_latest",
    "location", "location_country", "participants", "participant_ids", "source_count",
    "first_reported", "last_reported", "statuses", "article_ids", "event_ids", "conflicts",
)


def _participant_names(record: EventRecord) -> list[str]:
    return [f"{p.name} ({p.country})" if p.country else p.name for p in record.participants]


def record_row(record: EventRecord) -> dict[str, Any]:
    """The flat view of a record used by CSV and Parquet: one value per column, lists kept
    as lists (CSV joins them with "; ")."""
    location = record.location
    return {
        "id": record.id,
        "type": record.type,
        "mode": record.mode,
        "cameo": record.cameo,
        "status": record.status,
        "date": record.date.value if record.date else None,
        "date_earliest": record.date.earliest if record.date else None,
        "date_latest": record.date.latest if record.date else None,
        "location": location.name if location else None,
        "location_country": location.country if location else None,
        "participants": _participant_names(record),
        "participant_ids": [p.actor_id for p in record.participants if p.actor_id],
        "source_count": record.source_count,
        "first_reported": record.first_reported,
        "last_reported": record.last_reported,
        "statuses": [entry.status for entry in record.history],
        "article_ids": record.article_ids,
        "event_ids": list(record.event_ids),
        "conflicts": list(record.conflicts),
    }


def _json(records: Sequence[EventRecord]) -> bytes:
    document = json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2)
    return (document + "\n").encode("utf-8")


def _jsonl(records: Sequence[EventRecord]) -> bytes:
    return "".join(
        json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records
    ).encode("utf-8")


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


def flat_record_row(record: EventRecord) -> dict[str, Any]:
    """``record_row`` with every value as text: lists joined with "; ", dates in ISO form."""
    return {key: _csv_value(value) for key, value in record_row(record).items()}


def _csv(records: Sequence[EventRecord]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(flat_record_row(record))
    return buffer.getvalue().encode("utf-8")


def _parquet(records: Sequence[EventRecord]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ExportError(
            f"Parquet export needs pyarrow, which is not installed ({error}). "
            "Install it: pip install pyarrow"
        ) from error
    text, day, count = pa.string(), pa.date32(), pa.int32()
    texts = pa.list_(pa.string())
    schema = pa.schema([
        ("id", text), ("type", text), ("mode", text), ("cameo", text), ("status", text),
        ("date", text), ("date_earliest", day), ("date_latest", day), ("location", text),
        ("location_country", text), ("participants", texts), ("participant_ids", texts),
        ("source_count", count), ("first_reported", day), ("last_reported", day),
        ("statuses", texts), ("article_ids", texts), ("event_ids", texts),
        ("conflicts", texts),
    ])
    assert tuple(schema.names) == COLUMNS, "the Parquet schema follows record_row"
    table = pa.Table.from_pylist([record_row(r) for r in records], schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


_WRITERS: dict[str, Callable[[Sequence[EventRecord]], bytes]] = {
    "json": _json, "jsonl": _jsonl, "csv": _csv, "parquet": _parquet, "ical": ical_bytes,
}

#: Formats ``export_bytes`` writes.
FORMATS = tuple(_WRITERS)


def export_bytes(records: Sequence[EventRecord], fmt: str) -> bytes:
    """``records`` in format ``fmt`` (json, jsonl, csv, parquet, ical), as bytes."""
    writer = _WRITERS.get(fmt.strip().lower())
    if writer is None:
        raise ExportError(
            f"export format {fmt!r} is not one Dateline writes. Use one of: "
            + ", ".join(FORMATS)
        )
    return writer(records)
