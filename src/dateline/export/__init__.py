"""Exporting linked events (``EventRecord``) as JSON, JSON Lines, CSV, Parquet or iCalendar.

>>> from dateline.export import write_export                 # doctest: +SKIP
>>> write_export(store.records(), "ical", "dateline.ics")    # doctest: +SKIP

``export_bytes(records, fmt)`` gives the same bytes for a web download. JSON and JSON Lines
carry whole records (``EventRecord.to_dict``); CSV and Parquet one flat row per record
(``record_row``; Parquet keeps lists and dates typed); iCalendar one VEVENT per planned or
held event with a date, its sources in the description, for a calendar to subscribe to.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from dateline.export.formats import COLUMNS, FORMATS, ExportError, export_bytes, record_row
from dateline.link.records import EventRecord

__all__ = ["COLUMNS", "FORMATS", "ExportError", "export_bytes", "record_row", "write_export"]


def write_export(
    records: Sequence[EventRecord], fmt: str, target: str | Path | BinaryIO
) -> None:
    """Write ``records`` in format ``fmt`` (one of ``FORMATS``) to a path or binary stream."""
    data = export_bytes(records, fmt)
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    else:
        target.write(data)
