"""The FastAPI application: the store, the search index, templates, errors and headers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline import __version__
from dateline.store import Store
from dateline.web import api, pages
from dateline.web.cache import AnswerCache, StoreVersion
from dateline.web.search import ArticleSearch
from dateline.web.templating import templates

# Pages load nothing from elsewhere: no CDN, no inline script. A script that slipped into an
# article's text would not run even if escaping failed.
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def static_dir() -> Path:
    return Path(str(resources.files("dateline.web").joinpath("static")))


def create_app(db_url: str, cache_size: int = 512) -> FastAPI:
    """The application serving the store at ``db_url`` (opened once, shared by requests);
    ``cache_size`` API answers are kept until the store changes (0: none)."""
    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Dateline",
        version=__version__,
        description="Events read from dated news: who did what to whom, when, where, "
                    "according to whom, each field pointing back to its words.",
        # FastAPI's Swagger UI and ReDoc load from a CDN; /api/docs is our own page instead
        # (pages.api_docs), rendered from the same OpenAPI document.
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.search = ArticleSearch(store.engine)
    app.state.answers = AnswerCache(StoreVersion(store.engine), cache_size)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    return app


class SecurityHeaders:
    """Adds ``_SECURITY_HEADERS`` to every response (plain ASGI: a fraction of the cost of
    an ``@app.middleware("http")`` function on each request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": error.detail}, status_code=error.status_code,
                            headers=getattr(error, "headers", None))
    return templates.TemplateResponse(
        request, "error.html",
        {"status": error.status_code, "message": error.detail},
        status_code=error.status_code,
    )


async def _validation_error(request: Request, error: RequestValidationError) -> Response:
    problems = [_describe(item) for item in error.errors()]
    if _wants_json(request):
        return JSONResponse({"detail": problems}, status_code=422)
    message = "; ".join(f"{p['parameter']}: {p['problem']}" for p in problems)
    return templates.TemplateResponse(
        request, "error.html", {"status": 422, "message": message}, status_code=422
    )


def _describe(item: dict[str, Any]) -> dict[str, object]:
    location = [str(part) for part in item.get("loc", ()) if part not in ("query", "path")]
    return {
        "parameter": ".".join(location) or "request",
        "problem": item.get("msg", "invalid"),
        "value": item.get("input"),
    }
