"""The web UI and REST API of ``dateline serve``: FastAPI, server-rendered pages, inline SVG.

``create_app(db_url)`` builds the application on a store; ``serve(db_url)`` runs it with
uvicorn on 127.0.0.1 (loopback only, unless a host is given). The API lives under ``/api``
with OpenAPI docs at ``/api/docs``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]

#: Environment variable through which ``serve(workers=N)`` hands the store URL to workers.
DB_ENV = "DATELINE_WEB_DB"


def create_app(db_url: str, cache_size: int = 512) -> FastAPI:
    """The FastAPI application serving the store at ``db_url``."""
    from dateline.web.app import create_app as build

    return build(db_url, cache_size=cache_size)


def app_from_environment() -> FastAPI:
    """The app on the store named by ``$DATELINE_WEB_DB`` (uvicorn's factory for workers)."""
    return create_app(os.environ[DB_ENV])


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the web UI and API until interrupted (Ctrl-C); ``workers`` > 1 runs that many
    processes on the same port (the store is opened once per process)."""
    import uvicorn

    if workers > 1:
        os.environ[DB_ENV] = db_url
        uvicorn.run("dateline.web:app_from_environment", factory=True, host=host, port=port,
                    workers=workers, log_level="info")
        return
    uvicorn.run(create_app(db_url), host=host, port=port, log_level="info")
