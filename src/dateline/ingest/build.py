"""From fields read out of an input to a clean Article: checks, cleanup, id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.errors import InputError
from dateline.ingest.clean import clean
from dateline.model import Article

#: What a reader yields: an article, or the error of one article it could not read (the
#: reader then goes on with the next one; errors that stop the whole input are raised).
ReadResult = Article | InputError
ReadResults = Iterator[ReadResult]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What every reader needs besides its input."""

    #: The date of inputs that carry none (``--date``).
    date: date | None
    #: The longest article text accepted (``dateline.limits.MAX_CHARS`` by default).
    max_chars: int


def default_max_chars() -> int:
    # Imported here so that modules reading input stay importable without spaCy until a
    # length has to be checked.
    from dateline.limits import MAX_CHARS

    return MAX_CHARS


def build_article(
    text: str,
    article_date: date,
    *,
    path: str,
    line: int | None,
    options: ReadOptions,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> Article:
    """A cleaned Article; InputError when the text is empty or too long for the parser."""
    check_length(text, path=path, line=line, max_chars=options.max_chars)
    if not text.strip():
        raise InputError(path, "the article has no text", "Remove it or add its text.", line)
    combined = dict(metadata or {})
    combined["origin"] = {"path": path, "line": line}
    article = clean(Article(
        id=id or "", date=article_date, text=text, title=title, source=source, url=url,
        metadata=combined,
    ))
    if not article.text:
        raise InputError(
            path,
            "the article has no text besides captions, credits and headings",
            "Remove it or add its text.", line,
        )
    if not id:
        article.id = Article.make_id(article.date, article.text)
    return article


def check_length(text: str, *, path: str, line: int | None, max_chars: int) -> None:
    if len(text) <= max_chars:
        return
    size = len(text.encode("utf-8"))
    raise InputError(
        path,
        f"the article is {len(text):,} characters ({_human(size)}), over the limit of "
        f"{max_chars:,} characters the parser accepts",
        f"Split it into articles of at most {max_chars:,} characters each (for instance "
        "one per story, each with its own date).",
        line,
    )


def _human(size: int) -> str:
    if size < 1024:
        return f"{size:,} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
