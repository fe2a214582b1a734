"""The API on PostgreSQL: the same answers, and search through ILIKE instead of FTS5.

Uses the PostgreSQL server the store tests start (``tests/store/conftest.py``); skipped
when PostgreSQL's binaries are not installed.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from web_fixtures import HOSTILE_ID, hostile_extraction

from dateline.model import Article, Extraction

pytestmark = pytest.mark.postgres

# The store tests' server fixture, loaded from its file: conftest modules are not importable
# by name from a sibling folder.
_spec = importlib.util.spec_from_file_location(
    "store_conftest", Path(__file__).parents[1] / "store" / "conftest.py")
assert _spec and _spec.loader
_store_conftest = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _store_conftest  # dataclasses look their module up here
_spec.loader.exec_module(_store_conftest)
postgres_server = _store_conftest.postgres_server


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
