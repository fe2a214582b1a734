"""Records (a JSONL object, a CSV row) to Articles: the fields both formats share.

Fields ``id, date, text`` and optional ``title, source, url``; any other field goes to the
article's metadata, and a ``metadata`` object is merged into it.
"""

from __future__ import annotations

from typing import Any

from dateline.errors import InputError
from dateline.ingest.build import ReadOptions, build_article
from dateline.ingest.dates import Place, parse_date
from dateline.model import Article

ARTICLE_FIELDS = ("id", "date", "text", "title", "source", "url")
REQUIRED_FIELDS = ("date", "text")
_OPTIONAL_TEXT_FIELDS = ("title", "source", "url")


def record_to_article(
    record: dict[str, Any], *, path: str, line: int | None, options: ReadOptions, unit: str
) -> Article:
    """``unit`` is how the format calls a field in errors: "field" or "column"."""
    text = record.get("text")
    if text is None:
        present = ", ".join(str(key) for key in record) or "none"
        raise InputError(
            path, f'has no {unit} "text" (its {unit}s: {present})',
            f'Put the article text in a {unit} named "text".', line,
        )
    if not isinstance(text, str):
        raise InputError(path, f'{unit} "text" is {_kind(text)}, expected a string',
                         "Give the article text as a string.", line)
    article_date = options.date
    raw_date = record.get("date")
    if raw_date is None or raw_date == "":
        if article_date is None:
            raise InputError(
                path, f'has no {unit} "date"',
                f'Add a {unit} "date" (YYYY-MM-DD), or pass --date YYYY-MM-DD for '
                "articles without one.", line,
            )
    else:
        article_date = parse_date(raw_date, Place(path, line, f'{unit} "date"'))
    assert article_date is not None
    optional = {name: _optional_text(record, name, path, line, unit)
                for name in _OPTIONAL_TEXT_FIELDS}
    raw_id = record.get("id")
    metadata: dict[str, Any] = {}
    extra_metadata = record.get("metadata")
    if isinstance(extra_metadata, dict):
        metadata.update(extra_metadata)
    for key, value in record.items():
        if key not in ARTICLE_FIELDS and key != "metadata" and value not in (None, ""):
            metadata[key] = value
    return build_article(
        text, article_date, path=path, line=line, options=options,
        id=None if raw_id in (None, "") else str(raw_id), metadata=metadata, **optional,
    )


def _optional_text(
    record: dict[str, Any], name: str, path: str, line: int | None, unit: str
) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    raise InputError(path, f'{unit} "{name}" is {_kind(value)}, expected a string',
                     f'Give "{name}" as a string or leave it out.', line)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
