"""Fixtures of the web tests: the demo store (built once), the app, a live server, a browser.

The demo store is the bundled demo corpus run through the real pipeline, plus one article
written to attack the pages (HTML and script in its text and title), stored directly.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_fixtures import hostile_extraction

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> str:
    """A SQLite store holding the demo corpus (through the real pipeline) and the hostile
    article."""
    from dateline.cli import demo_paths, ingest_articles
    from dateline.ingest import read
    from dateline.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.db'}"
    articles = list(read([str(p) for p in demo_paths()]))
    ingest_articles(articles, url)
    with Store(url) as store:
        store.add([hostile_extraction()])
    return url


@pytest.fixture(scope="session")
def demo_app(demo_url: str):  # type: ignore[no-untyped-def]
    from dateline.web import create_app

    return create_app(demo_url)


@pytest.fixture(scope="session")
def client(demo_app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(demo_app) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(demo_app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app on uvicorn at 127.0.0.1 and a free port, in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(demo_app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """One headless Chromium for all page tests (Debian's /usr/bin/chromium)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package "
                    "(apt-get install chromium) to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, live_server):  # type: ignore[no-untyped-def]
    """A fresh page whose relative URLs go to the live server; it fails the test on any
    script error or any request leaving the loopback server."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("request", lambda request: None if request.url.startswith(live_server)
              else outside.append(request.url))
    yield opened
    context.close()
    assert not errors, f"script errors on the page: {errors}"
    assert not outside, f"the page fetched from outside the server: {outside}"


@pytest.fixture()
def screenshot(page):  # type: ignore[no-untyped-def]
    """``screenshot(name)`` keeps a full-page screenshot of ``page`` under
    test-artifacts/web/ (git-ignored), for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
