"""Dated text (``date YYYY-MM-DD`` then the article) and plain text (date given apart).

A dated-text file may hold several articles: each line that starts with ``date`` and a
date begins the next one::

    date 2024-03-04 Indian External Affairs Minister S. Jaishankar and ...
    date 2024-03-05
    China's foreign ministry said on Tuesday ...
"""

from __future__ import annotations

import re

from dateline.errors import InputError
from dateline.ingest.build import ReadOptions, ReadResults, build_article
from dateline.ingest.dates import Place, parse_date
from dateline.ingest.source import Source
from dateline.model import Article

# The first line names its date token whatever it looks like, so that a malformed date gets
# a clear error. Later lines start a new article only when a three-part date follows (a
# malformed one too, such as 20-10-2025, to be reported), so that a wrapped body line such
# as "date 12 days later" stays in the body.
_FIRST_DATELINE = re.compile(r"date[ \t]+(\S+)[ \t]*")
_NEXT_DATELINE = re.compile(
    r"date[ \t]+(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\S*(?:[ \t]+|$)"
)


def read_dated_text(source: Source, options: ReadOptions) -> ReadResults:
    lines = source.text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if _FIRST_DATELINE.match(lines[first]) is None:
        raise InputError(
            source.name, "does not start with a dateline \"date YYYY-MM-DD\"",
            "Start it with \"date YYYY-MM-DD\", or read it as plain text with "
            "--input-format text --date YYYY-MM-DD.", first + 1,
        )
    starts = [first] + [
        i for i in range(first + 1, len(lines)) if _NEXT_DATELINE.match(lines[i])
    ]
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        try:
            yield _dated_article(source, lines, start, end, options)
        except InputError as error:
            yield error


def _dated_article(
    source: Source, lines: list[str], start: int, end: int, options: ReadOptions
) -> Article:
    match = _FIRST_DATELINE.match(lines[start])
    assert match is not None  # both patterns only start where _FIRST_DATELINE matches
    line_number = start + 1
    article_date = parse_date(match.group(1), Place(source.name, line_number, "the date"))
    first_line = lines[start][match.end():]
    text = "\n".join([first_line, *lines[start + 1:end]]).strip()
    return build_article(text, article_date, path=source.name, line=line_number,
                         options=options)


def read_plain_text(source: Source, options: ReadOptions) -> ReadResults:
    if options.date is None:
        raise InputError(
            source.name, "plain text carries no date",
            "Pass its date with --date YYYY-MM-DD, or start the file with a line "
            "\"date YYYY-MM-DD\".",
        )
    yield build_article(source.text.strip(), options.date, path=source.name, line=None,
                        options=options)
