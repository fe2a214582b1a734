"""Input format names, and how ``auto`` picks one from a file's name and first bytes."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import PurePath


class InputFormat(StrEnum):
    AUTO = "auto"
    DATED_TEXT = "dated-text"
    TEXT = "text"
    JSONL = "jsonl"
    CSV = "csv"
    HTML = "html"


#: The values of ``--input-format``, in the order the CLI lists them.
INPUT_FORMATS: tuple[str, ...] = tuple(fmt.value for fmt in InputFormat)

#: Extensions that decide the format on their own.
FORMAT_BY_EXTENSION: dict[str, InputFormat] = {
    ".jsonl": InputFormat.JSONL,
    ".ndjson": InputFormat.JSONL,
    ".csv": InputFormat.CSV,
    ".tsv": InputFormat.CSV,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".xhtml": InputFormat.HTML,
}

#: Files a directory walk reads; the text ones are told apart by their content.
INPUT_EXTENSIONS: frozenset[str] = frozenset(FORMAT_BY_EXTENSION) | {".txt", ".text"}

DATED_TEXT_PREFIX = re.compile(r"date[ \t]")
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|p|div|h[1-6]|title|meta)[\s>/]", re.IGNORECASE
)
_CSV_HEADER_FIELD = re.compile(r'\s*"?\s*(date|text)\s*"?\s*', re.IGNORECASE)


def parse_format(name: str | InputFormat) -> InputFormat:
    """The InputFormat called ``name``; ValueError listing the choices otherwise."""
    try:
        return InputFormat(name)
    except ValueError:
        raise ValueError(
            f'"{name}" is not an input format; use one of {", ".join(INPUT_FORMATS)}'
        ) from None


def detect_format(name: str, head: str) -> InputFormat:
    """The format of an input called ``name`` whose text starts with ``head``.

    A known extension decides (.jsonl/.ndjson, .csv/.tsv, .html/.htm); otherwise the content:
    a first line starting ``date `` is dated text, a first non-blank ``{`` is JSONL, ``<``
    followed by HTML tags is HTML, a CSV header naming ``date`` and ``text`` is CSV, and
    anything else is plain text.
    """
    by_extension = FORMAT_BY_EXTENSION.get(PurePath(name).suffix.lower())
    if by_extension is not None:
        return by_extension
    return detect_format_from_content(head)


def detect_format_from_content(head: str) -> InputFormat:
    stripped = head.lstrip("\ufeff \t\r\n")
    if DATED_TEXT_PREFIX.match(stripped):
        return InputFormat.DATED_TEXT
    # A JSON array of objects is not JSON Lines, but the JSONL reader says how to convert it.
    if stripped.startswith("{") or (stripped.startswith("[") and stripped[1:].lstrip()[:1] == "{"):
        return InputFormat.JSONL
    if stripped.startswith("<") and _HTML_TAG.search(stripped[:4096]):
        return InputFormat.HTML
    first_line = stripped.split("\n", 1)[0]
    if "," in first_line:
        columns = {
            match.group(1).lower()
            for field in first_line.split(",")
            if (match := _CSV_HEADER_FIELD.fullmatch(field))
        }
        if columns == {"date", "text"}:
            return InputFormat.CSV
    return InputFormat.TEXT
