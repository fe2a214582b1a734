"""Full-text search: FTS5 on SQLite, kept up to date, and the LIKE fallback."""

from __future__ import annotations

from datetime import date

import pytest
from web_fixtures import HOSTILE_ID, hostile_extraction

from dateline.model import Article, Extraction
from dateline.store import Store
from dateline.web.search import ArticleSearch, query_words, snippet_around


def _article(id: str, text: str) -> Extraction:
    return Extraction(article=Article(id=id, date=date(2025, 1, 2), text=text, title=None))


@pytest.fixture()
def store(tmp_path):  # type: ignore[no-untyped-def]
    with Store(f"sqlite:///{tmp_path / 'search.db'}") as opened:
        opened.add([_article("one", "Ministers met in Geneva on Friday."),
                    _article("two", "Troops pulled back from the ridge."),
                    hostile_extraction()])
        yield opened


def test_finds_articles_with_every_word(store):
    search = ArticleSearch(store.engine)
    assert search.fts
    assert [hit.article_id for hit in search.search("geneva ministers")] == ["one"]
    assert search.search("geneva troops") == []


def test_articles_added_later_become_searchable(store):
    search = ArticleSearch(store.engine)
    assert search.search("harbour") == []
    store.add([_article("three", "A ferry left the harbour.")])
    assert [hit.article_id for hit in search.search("harbour")] == ["three"]


def test_deleted_articles_leave_the_index(store):
    search = ArticleSearch(store.engine)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM articles WHERE id = 'two'")
    assert search.search("troops") == []


def test_refresh_is_a_no_op_when_nothing_changed(store):
    search = ArticleSearch(store.engine)
    assert search.refresh() == 0


def test_fts_operators_are_searched_as_words(store):
    search = ArticleSearch(store.engine)
    assert search.search('geneva" OR "troops') == []
    assert search.search("NEAR(geneva") == []


def test_like_fallback_finds_the_same_articles(store):
    search = ArticleSearch(store.engine)
    search.fts = False
    assert [hit.article_id for hit in search.search("GENEVA ministers")] == ["one"]
    hit = search.search("envoy")[0]
    assert hit.article_id == HOSTILE_ID
    assert "<script>" not in str(hit.snippet) and "<mark>" in str(hit.snippet)


def test_like_fallback_treats_percent_and_underscore_literally(store):
    search = ArticleSearch(store.engine)
    search.fts = False
    assert query_words("100% x_y") == ["100", "x_y"]
    # Unescaped, "_" would match the space after "Geneva".
    assert search.search("Geneva_") == []


def test_snippet_marks_the_words_and_escapes_the_rest():
    snippet = str(snippet_around("a <b>Geneva</b> talk", ["geneva"]))
    assert snippet == "a &lt;b&gt;<mark>Geneva</mark>&lt;/b&gt; talk"


def test_search_answers_from_the_index_as_it_is_while_an_ingest_writes(store, tmp_path):
    import sqlite3
    import time

    search = ArticleSearch(store.engine)
    store.add([_article("three", "A ferry left the harbour.")])
    ingest = sqlite3.connect(tmp_path / "search.db")
    ingest.execute("BEGIN IMMEDIATE")  # holds the write lock, as a long ingest batch does
    try:
        started = time.monotonic()
        assert [hit.article_id for hit in search.search("geneva")] == ["one"]
        assert time.monotonic() - started < 5  # the store itself would wait 60 s
    finally:
        ingest.rollback()
        ingest.close()
    assert [hit.article_id for hit in search.search("harbour")] == ["three"]
