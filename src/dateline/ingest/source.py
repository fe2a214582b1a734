"""Turning one input (a file or standard input) into text, or a clear error saying why not.

Every reader starts here, so an empty file, a PDF passed by mistake or a Latin-1 export
fails the same way whatever its format.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dateline.errors import InputError

STDIN_NAME = "<stdin>"

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)

# Signatures of the binary files people most often pass by mistake, to name them in the error.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document, which are ZIP archives)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


@dataclass(frozen=True, slots=True)
class Source:
    """One input, decoded: ``name`` is the path as given (or ``<stdin>``)."""

    name: str
    text: str


def load(path: str, stdin: TextIO | None = None) -> Source:
    """Read and decode ``path`` (``-`` for standard input), checking that it is text."""
    if path == "-":
        return load_stdin(stdin)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory", "Check the path.") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})",
                         "Check the path and the file's permissions.") from None
    return Source(path, decode(path, data))


def load_stdin(stdin: TextIO | None = None) -> Source:
    stream = stdin if stdin is not None else sys.stdin
    # Read bytes when we can, so undecodable input gets our error rather than Python's.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return Source(STDIN_NAME, decode(STDIN_NAME, buffer.read()))
    text = stream.read()
    check_text(STDIN_NAME, text)
    return Source(STDIN_NAME, normalise_newlines(text))


def decode(name: str, data: bytes) -> str:
    """``data`` as text: UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted too)."""
    if not data.strip():
        raise InputError(name, "is empty", "Pass a file that contains articles.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _finish(name, data.decode("utf-16"))
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: report it below as the bytes it is
    _refuse_binary(name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data)
        if declared is None:
            raise _undecodable(name, data, exc) from None
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            raise _undecodable(name, data, exc) from None
    return _finish(name, text)


def _declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares (``<meta charset=...>``), if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def check_text(name: str, text: str) -> None:
    if not text.strip():
        raise InputError(name, "is empty", "Pass a file that contains articles.")
    offset = text.find("\x00")
    if offset >= 0:
        raise InputError(
            name, f"is not text: it contains a NUL character at offset {offset}",
            "Pass text, JSONL, CSV or HTML; convert other documents to text first.",
            text.count("\n", 0, offset) + 1,
        )


def normalise_newlines(text: str) -> str:
    # As Python's text mode does: \r\n and \r both become \n.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _finish(name: str, text: str) -> str:
    check_text(name, text)
    return normalise_newlines(text.lstrip("\ufeff"))


def _refuse_binary(name: str, data: bytes) -> None:
    offset = data.find(b"\x00")
    kind = next((label for magic, label in _MAGIC if data.startswith(magic)), None)
    if kind is None and offset < 0:
        return
    what = kind or f"binary data (a NUL byte at offset {offset})"
    raise InputError(
        name, f"is not text: it looks like {what}",
        "Pass text, JSONL, CSV or HTML; convert other documents to text (UTF-8) first.",
    )


def _undecodable(name: str, data: bytes, exc: UnicodeDecodeError) -> InputError:
    offset = exc.start
    line = data.count(b"\n", 0, offset) + 1
    bad = data[offset:exc.end].hex(" ")
    source_encoding = "WINDOWS-1252"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        source_encoding = "LATIN1"
    target = "-" if name == STDIN_NAME else name
    return InputError(
        name,
        f"is not UTF-8: byte {bad} at byte offset {offset} cannot be decoded",
        f"Re-encode the file as UTF-8, e.g. iconv -f {source_encoding} -t UTF-8 {target} "
        f"> utf8-copy (replace {source_encoding} with the file's real encoding).",
        line,
    )
