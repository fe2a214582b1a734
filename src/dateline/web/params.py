"""Request parameters shared by the API and the pages, with their limits."""

from __future__ import annotations

from datetime import date
from enum import Enum

from fastapi import HTTPException, Request

from dateline.model import EVENT_TYPES, STATUSES
from dateline.store import Store
from dateline.store.filters import EventFilter
from dateline.web.search import ArticleSearch

EventType = Enum("EventType", {name: name for name in EVENT_TYPES}, type=str)  # type: ignore[misc]
EventStatus = Enum("EventStatus", {name: name for name in STATUSES}, type=str)  # type: ignore[misc]

DEFAULT_PAGE = 50
MAX_PAGE = 500
#: Events drawn on one timeline page; more make the axis unreadable and the page heavy
#: (the page then offers the next ones).
MAX_TIMELINE = 400


# Async: FastAPI runs plain functions given to Depends in its thread pool, a needless hop.
async def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def search_of(request: Request) -> ArticleSearch:
    search: ArticleSearch = request.app.state.search
    return search


def form_filters(
    actor: str | None, type: str | None, status: str | None, country: str | None,
    since: str | None, until: str | None,
) -> EventFilter:
    """Filters from an HTML form, where an empty field means "any"; 422 names a bad value."""
    event_type = _choice("type", type, EVENT_TYPES, str.upper)
    event_status = _choice("status", status, STATUSES, str.lower)
    return EventFilter(
        actor=(actor or "").strip() or None, type=event_type, status=event_status,
        country=(country or "").strip().upper() or None,
        since=form_date("since", since), until=form_date("until", until),
    )


def _choice(name: str, value: str | None, allowed: tuple[str, ...], normal: type[str] | object
            ) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    fixed = normal(text)  # type: ignore[operator]
    if fixed not in allowed:
        raise HTTPException(422, f"{name} {text!r} is not one of {', '.join(allowed)}")
    return str(fixed)


def form_date(name: str, value: str | None) -> date | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HTTPException(422, f"{name} {text!r} is not a date: use YYYY-MM-DD, "
                                 "e.g. 2025-11-03") from None
