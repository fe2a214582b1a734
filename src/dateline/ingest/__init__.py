"""Reading articles: files, directories and standard input into cleaned ``Article`` objects.

Formats (``--input-format``): ``dated-text`` (``date YYYY-MM-DD`` then the article),
``text`` (the date given apart, ``--date``), ``jsonl`` and ``csv`` (fields ``id, date,
text`` and optional ``title, source, url``), ``html``, and ``auto``, which picks one by
extension and content. Every article goes through :func:`dateline.ingest.clean.clean`
(kept out of this namespace so that ``dateline.ingest.clean`` stays the module).

Reading is cheap (no NLP), so callers can read everything once to validate it before
storing anything::

    articles = list(dateline.ingest.read(["feed.jsonl", "pages/"]))    # stops at the 1st error
    articles, errors = dateline.ingest.read_checked(["feed.jsonl"])     # or collects them all
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from datetime import date as Date
from typing import Any, TextIO

from dateline.errors import InputError
from dateline.ingest.build import ReadOptions, ReadResults, build_article, default_max_chars
from dateline.ingest.csv_table import read_csv
from dateline.ingest.dates import Place, parse_date
from dateline.ingest.formats import (
    INPUT_EXTENSIONS,
    INPUT_FORMATS,
    InputFormat,
    detect_format,
    parse_format,
)
from dateline.ingest.html_page import read_html
from dateline.ingest.inputs import expand
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.source import STDIN_NAME, Source
from dateline.ingest.source import load as load_input
from dateline.ingest.text import read_dated_text, read_plain_text
from dateline.model import Article

__all__ = [
    "INPUT_EXTENSIONS", "INPUT_FORMATS", "InputFormat", "InputWarning", "Place",
    "ReadOptions", "Source", "load_input", "parse_date", "read", "read_checked", "read_source",
    "read_text",
]

_READERS: dict[InputFormat, Callable[[Source, ReadOptions], ReadResults]] = {
    InputFormat.DATED_TEXT: read_dated_text,
    InputFormat.TEXT: read_plain_text,
    InputFormat.JSONL: read_jsonl,
    InputFormat.CSV: read_csv,
    InputFormat.HTML: read_html,
}


class InputWarning(UserWarning):
    """A bad input skipped with ``skip_bad=True`` when no ``warn`` callback was given."""


def read(
    paths: Sequence[str],
    input_format: str = "auto",
    date: Date | None = None,
    skip_bad: bool = False,
    warn: Callable[[str], None] | None = None,
    stdin: TextIO | None = None,
    max_chars: int | None = None,
) -> Iterator[Article]:
    """The articles of ``paths`` (files, directories, ``-`` for ``stdin``), in input order.

    ``date`` is the date of inputs that carry none. A bad input raises InputError naming
    the file, the line and the fix; with ``skip_bad`` its message goes to ``warn`` (default:
    a Python warning) and reading goes on with the next article, or the next file when the
    whole file is unreadable. ``max_chars`` defaults to ``dateline.limits.MAX_CHARS``.
    """
    # Arguments are checked now, not at the first article: read() is not itself a generator.
    chosen = parse_format(input_format)
    options = ReadOptions(date=date, max_chars=max_chars or default_max_chars())
    return _articles(_read_all(paths, chosen, options, stdin, warn), skip_bad, warn)


def read_checked(
    paths: Sequence[str],
    input_format: str = "auto",
    date: Date | None = None,
    stdin: TextIO | None = None,
    max_chars: int | None = None,
) -> tuple[list[Article], list[InputError]]:
    """Read everything first: the good articles, and every error rather than the first.

    For commands that must not store anything until all input is known to be good. Use the
    returned articles rather than reading again: standard input can be read only once.
    """
    chosen = parse_format(input_format)
    options = ReadOptions(date=date, max_chars=max_chars or default_max_chars())
    articles: list[Article] = []
    errors: list[InputError] = []
    for result in _read_all(paths, chosen, options, stdin, note=None):
        if isinstance(result, Article):
            articles.append(result)
        else:
            errors.append(result)
    return articles, errors


def _articles(
    results: ReadResults, skip_bad: bool, warn: Callable[[str], None] | None
) -> Iterator[Article]:
    for result in results:
        if isinstance(result, Article):
            yield result
        elif skip_bad:
            (warn or _python_warning)(str(result))
        else:
            raise result


def _read_all(
    paths: Sequence[str], chosen: InputFormat, options: ReadOptions, stdin: TextIO | None,
    note: Callable[[str], None] | None,
) -> ReadResults:
    """Every article and every error, errors that end a file or directory included."""
    inputs = expand(paths, note=note)
    while True:
        try:
            path = next(inputs)
        except StopIteration:
            return
        except InputError as error:  # a directory without input files
            yield error
            continue
        try:
            yield from read_source(load_input(path, stdin), chosen, options)
        except InputError as error:
            yield error


def read_source(
    source: Source, input_format: InputFormat | str, options: ReadOptions
) -> ReadResults:
    """Articles (and errors of single articles) of one decoded input, in order."""
    chosen = parse_format(input_format)
    if chosen is InputFormat.AUTO:
        chosen = detect_format("" if source.name == STDIN_NAME else source.name,
                               source.text[:4096])
    return _READERS[chosen](source, options)


def read_text(text: str, date: Date | str, **fields: Any) -> Article:
    """One article from a string, cleaned, for the Python API.

    ``fields``: ``id``, ``title``, ``source``, ``url``, ``metadata``; any other keyword
    goes to the metadata, as other fields of a JSONL record do.
    """
    article_date = parse_date(date, Place("<text>", None, "the date"))
    known = {name: fields.pop(name, None) for name in ("id", "title", "source", "url")}
    metadata = dict(fields.pop("metadata", None) or {})
    metadata.update(fields)
    return build_article(
        text, article_date, path="<text>", line=None,
        options=ReadOptions(date=article_date, max_chars=default_max_chars()),
        metadata=metadata, **known,
    )


def _python_warning(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=3)
