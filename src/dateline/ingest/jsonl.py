"""JSON Lines: one JSON object per line, ``{"id": ..., "date": ..., "text": ...}``."""

from __future__ import annotations

import json

from dateline.errors import InputError
from dateline.ingest.build import ReadOptions, ReadResults
from dateline.ingest.records import record_to_article
from dateline.ingest.source import Source

_EXAMPLE = '{"id": "a1", "date": "2024-03-04", "text": "..."}'


def read_jsonl(source: Source, options: ReadOptions) -> ReadResults:
    for index, line in enumerate(source.text.split("\n")):
        if not line.strip():
            continue
        number = index + 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                source.name, f"is not JSON ({exc.msg} at column {exc.colno})",
                _not_json_fix(line), number,
            )
            continue
        if not isinstance(record, dict):
            yield InputError(
                source.name, f"is a JSON {type(record).__name__}, expected an object",
                f"Write one object per line, e.g. {_EXAMPLE}.", number,
            )
            continue
        # The output of `dateline extract` can be read back: its article is the record.
        if "text" not in record and isinstance(record.get("article"), dict):
            record = record["article"]
        try:
            yield record_to_article(record, path=source.name, line=number, options=options,
                                    unit="field")
        except InputError as error:
            yield error


def _not_json_fix(line: str) -> str:
    if line.strip() in ("[", "{") or line.lstrip().startswith("[{"):
        return ("This looks like one JSON document rather than JSON Lines; convert it with "
                "jq -c '.[]' (one object per line).")
    return f"Write one JSON object per line, e.g. {_EXAMPLE}; fix or remove this line."
