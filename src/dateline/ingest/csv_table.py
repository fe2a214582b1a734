"""CSV with a header row naming the columns ``id, date, text`` (and ``title, source, url``).

Separated by commas, or by semicolons or tabs when the header row is.
"""

from __future__ import annotations

import csv
import io
import sys
from typing import Any

from dateline.errors import InputError
from dateline.ingest.build import ReadOptions, ReadResults
from dateline.ingest.records import ARTICLE_FIELDS, record_to_article
from dateline.ingest.source import Source

# The csv module refuses fields over 131,072 characters, far shorter than an article may be;
# the article length limit is checked, with a clearer message, when the article is built.
csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))

_HEADER_FIX = ("Start the file with a header row naming its columns: id, date, text "
               "(and optionally title, source, url).")


def read_csv(source: Source, options: ReadOptions) -> ReadResults:
    rows = csv.reader(io.StringIO(source.text, newline=""), delimiter=_delimiter(source.text))
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as exc:
        raise InputError(source.name, f"has no header row ({exc})", _HEADER_FIX, 1) from None
    # Known columns are matched whatever their case and spacing; other columns keep their name.
    names = [_column_name(name) for name in header]
    required = ("text",) if options.date is not None else ("date", "text")
    missing = [name for name in required if name not in names]
    if missing:
        listed = ", ".join(f'"{name}"' for name in header) or "none"
        plural = "s" if len(missing) > 1 else ""
        needs = " and ".join(f'"{name}"' for name in missing)
        fix = _HEADER_FIX
        if missing == ["date"]:
            fix += " Or pass --date YYYY-MM-DD for all its rows."
        raise InputError(source.name, f"has no {needs} column{plural} (its columns: {listed})",
                         fix, 1)
    line = header_lines = rows.line_num
    read_any = False
    while True:
        start = line + 1
        try:
            row = next(rows)
        except StopIteration:
            if not read_any:
                raise InputError(source.name, "has a header row but no articles",
                                 "Add one row per article below the header.",
                                 header_lines + 1) from None
            return
        except csv.Error as exc:
            raise InputError(source.name, f"is not valid CSV ({exc})",
                             "Check the quoting of this row.", start) from None
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        read_any = True
        if len(row) != len(names):
            yield InputError(
                source.name, f"has {len(row)} fields but the header has {len(names)}",
                "Quote fields that contain commas or line breaks with double quotes.", start,
            )
            continue
        record: dict[str, Any] = dict(zip(names, row, strict=True))
        try:
            yield record_to_article(record, path=source.name, line=start, options=options,
                                    unit="column")
        except InputError as error:
            yield error


def _delimiter(text: str) -> str:
    """Comma, or the semicolon or tab of the header row when it uses one of those instead
    (spreadsheets in many locales export "CSV" with semicolons)."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","


def _column_name(name: str) -> str:
    normalised = name.strip().lower()
    return normalised if normalised in ARTICLE_FIELDS else name.strip()
