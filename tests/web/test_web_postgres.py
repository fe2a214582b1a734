"""The API on PostgreSQL: the same answers, and search through ILIKE instead of FTS5.

Uses the session's PostgreSQL server (``postgres_server`` in tests/conftest.py, shared with
the store tests); skipped when PostgreSQL's binaries are not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from web_fixtures import HOSTILE_ID, hostile_extraction

from dateline.model import Article, Extraction

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client(postgres_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from dateline.store import Store
    from dateline.web import create_app

    url = postgres_server.empty_schema_url("web_api")
    with Store(url) as store:
        store.add([
            hostile_extraction(),
            Extraction(article=Article(id="plain", date=date(2025, 1, 2),
                                       text="Ministers met in Geneva (100% agreed).")),
        ])
    with TestClient(create_app(url)) as client:
        yield client


def test_search_falls_back_to_ilike(pg_client):
    found = pg_client.get("/api/search", params={"q": "GENEVA ministers"}).json()
    assert found["method"] == "like"
    assert [hit["article_id"] for hit in found["items"]] == ["plain"]
    assert "<mark>Geneva</mark>" in found["items"][0]["snippet"]


def test_search_escapes_like_wildcards(pg_client):
    # Unescaped, "_" would match the space after "Geneva".
    assert pg_client.get("/api/search", params={"q": "Geneva_"}).json()["items"] == []


def test_events_and_article_pages_work(pg_client):
    events = pg_client.get("/api/events").json()
    assert [e["id"] for e in events["items"]] == ["hostile-meet"]
    page = pg_client.get(f"/articles/{HOSTILE_ID}")
    assert page.status_code == 200 and "&lt;script&gt;" in page.text
    assert pg_client.get("/").status_code == 200
    assert pg_client.get("/api/upcoming", params={"as_of": "2025-11-20"}).json()["ahead"]
