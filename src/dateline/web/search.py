"""Full-text search over article titles and text.

On SQLite the index is an FTS5 table the web module owns (``dateline_web_fts``, with
``dateline_web_fts_ids`` listing the articles it holds). It is created when missing and
brought up to date when the app starts and before each search; the check is two counts, so
articles ingested while the server runs become searchable at once. On PostgreSQL, or when
the SQLite file is read-only or lacks FTS5, the search falls back to a case-insensitive
LIKE over the text with bound parameters.

The user's words never become FTS5 syntax: each is quoted as a phrase, so ``"`` ``*`` ``OR``
or ``NEAR(`` in a query are searched for as words rather than parsed.
"""

from __future__ import annotations

import logging
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape
from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dateline.store.schema import ArticleRow
from dateline.web.writes import is_busy, short_write

log = logging.getLogger(__name__)

FTS_TABLE = "dateline_web_fts"
IDS_TABLE = "dateline_web_fts_ids"

# Control characters cannot occur in stored article text passed through cleanup, so they
# mark the matched words in FTS5 snippets without clashing with the text.
_OPEN, _CLOSE = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_SNIPPET_CHARS = 90

#: Seconds to wait for an ingest's write lock before using the index as it is: at start-up,
#: and on each search.
STARTUP_WAIT = 5.0
SEARCH_WAIT = 0.25


@dataclass(slots=True)
class SearchHit:
    article_id: str
    date: date
    title: str | None
    source: str | None
    #: A short excerpt around the match, escaped, matched words in ``<mark>``.
    snippet: Markup

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id, "date": self.date.isoformat(), "title": self.title,
            "source": self.source, "snippet": str(self.snippet),
        }


def query_words(query: str) -> list[str]:
    """The words of a user's query, as searched (punctuation and operators dropped)."""
    return _WORD.findall(query)


class ArticleSearch:
    """Search the articles of one store; ``fts`` tells which method is in use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # False for good once FTS5 cannot be used here (PostgreSQL, a read-only file, a
        # SQLite without FTS5); a locked file only defers the index to a later search.
        self.fts = engine.dialect.name == "sqlite"
        self._ready = False
        self._prepare(STARTUP_WAIT)

    def _prepare(self, wait_seconds: float) -> bool:
        """Create the index tables if missing and fill them; False when not possible now."""
        if not self.fts:
            return False
        if not self._ready:
            try:
                with self._writer(wait_seconds) as connection:
                    connection.exec_driver_sql(
                        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(article_id "
                        "UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
                    )
                    connection.exec_driver_sql(
                        f"CREATE TABLE IF NOT EXISTS {IDS_TABLE} (article_id TEXT PRIMARY KEY)"
                    )
            except DBAPIError as error:
                if not is_busy(error):
                    log.warning("full-text index unavailable (%s); searching with LIKE",
                                error.orig)
                    self.fts = False
                return False
            self._ready = True
        self.refresh(wait_seconds)
        return True

    def _writer(self, wait_seconds: float) -> AbstractContextManager[Connection]:
        # A search should not hang behind a long ingest batch: it searches the index as
        # it is and refreshes it at a later search.
        return short_write(self.engine, wait_seconds)

    def refresh(self, wait_seconds: float = SEARCH_WAIT) -> int:
        """Index the articles stored since the last refresh, forget deleted ones; return how
        many were indexed. Cheap when nothing changed: it compares two counts."""
        with self.engine.connect() as connection:
            articles = connection.scalar(select(func.count()).select_from(ArticleRow))
            indexed = connection.exec_driver_sql(f"SELECT count(*) FROM {IDS_TABLE}").scalar()
        if articles == indexed:
            return 0
        try:
            with self._writer(wait_seconds) as connection:
                connection.exec_driver_sql(
                    f"DELETE FROM {FTS_TABLE} WHERE article_id NOT IN (SELECT id FROM articles)"
                )
                connection.exec_driver_sql(
                    f"DELETE FROM {IDS_TABLE} WHERE article_id NOT IN (SELECT id FROM articles)"
                )
                added = connection.exec_driver_sql(
                    f"INSERT INTO {FTS_TABLE} (article_id, title, text) "
                    f"SELECT a.id, coalesce(a.title, ''), a.text FROM articles a "
                    f"WHERE a.id NOT IN (SELECT article_id FROM {IDS_TABLE})"
                ).rowcount
                connection.exec_driver_sql(
                    f"INSERT INTO {IDS_TABLE} (article_id) SELECT id FROM articles "
                    f"WHERE id NOT IN (SELECT article_id FROM {IDS_TABLE})"
                )
        except DBAPIError as error:
            log.warning("full-text index not refreshed (%s); searching it as it is",
                        error.orig)
            return 0
        return max(added, 0)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles containing every word of ``query``, best match first (FTS5 rank) or
        newest first (LIKE)."""
        words = query_words(query)
        if not words:
            return []
        if self._prepare(SEARCH_WAIT):
            return self._search_fts(words, limit, offset)
        return self._search_like(words, limit, offset)

    def _search_fts(self, words: list[str], limit: int, offset: int) -> list[SearchHit]:
        match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        statement = text(
            f"SELECT a.id, a.date, a.title, a.source, "
            f"snippet({FTS_TABLE}, 2, :open, :close, '…', 16) AS snip "
            f"FROM {FTS_TABLE} f JOIN articles a ON a.id = f.article_id "
            f"WHERE {FTS_TABLE} MATCH :match ORDER BY rank, a.date DESC LIMIT :limit OFFSET :offset"
        )
        with Session(self.engine) as session:
            rows = session.execute(statement, {
                "open": _OPEN, "close": _CLOSE, "match": match, "limit": limit,
                "offset": offset,
            }).all()
        return [
            SearchHit(article_id=row[0], date=_as_date(row[1]), title=row[2], source=row[3],
                      snippet=_marked(row[4]))
            for row in rows
        ]

    def _search_like(self, words: list[str], limit: int, offset: int) -> list[SearchHit]:
        haystack = func.lower(ArticleRow.text + " " + func.coalesce(ArticleRow.title, ""))
        conditions = [haystack.contains(word.lower(), autoescape=True) for word in words]
        query = (
            select(ArticleRow.id, ArticleRow.date, ArticleRow.title, ArticleRow.source,
                   ArticleRow.text)
            .where(*conditions).order_by(ArticleRow.date.desc(), ArticleRow.id)
            .limit(limit).offset(offset)
        )
        with Session(self.engine) as session:
            rows = session.execute(query).all()
        return [
            SearchHit(article_id=row[0], date=row[1], title=row[2], source=row[3],
                      snippet=snippet_around(row[4], words))
            for row in rows
        ]


def snippet_around(article_text: str, words: list[str]) -> Markup:
    """An escaped excerpt of ``article_text`` around the first of ``words`` it contains, with
    every occurrence of the words in ``<mark>``."""
    pattern = re.compile("|".join(re.escape(w) for w in words if w), re.IGNORECASE)
    first = pattern.search(article_text)
    centre = first.start() if first else 0
    start = max(0, centre - _SNIPPET_CHARS)
    end = min(len(article_text), centre + _SNIPPET_CHARS)
    excerpt = article_text[start:end]
    marked = pattern.sub(lambda m: _OPEN + m.group(0) + _CLOSE, excerpt)
    return Markup(("…" if start else "") + str(_marked(marked))
                  + ("…" if end < len(article_text) else ""))


def _marked(snippet: str) -> Markup:
    escaped = str(escape(snippet))
    return Markup(escaped.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>"))


def _as_date(value: object) -> date:
    # Raw SQL on SQLite returns the stored ISO text, not a date.
    return value if isinstance(value, date) else date.fromisoformat(str(value))
