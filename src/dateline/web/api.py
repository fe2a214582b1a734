"""The REST API under ``/api`` (OpenAPI document at ``/api/openapi.json``)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from dateline.model import Event
from dateline.store import Store
from dateline.store.filters import EventFilter
from dateline.web.cache import AnswerCache
from dateline.web.params import (
    DEFAULT_PAGE,
    MAX_PAGE,
    EventStatus,
    EventType,
    search_of,
    store_of,
)
from dateline.web.search import ArticleSearch
from dateline.web.views import evidence_for, ties_among

router = APIRouter(prefix="/api", tags=["api"])

#: Response header telling whether an answer came from the answer cache (hit or miss).
CACHE_HEADER = "X-Dateline-Cache"

StoreDep = Annotated[Store, Depends(store_of)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


# The HTTP face of the store's EventFilter, which alone defines the criteria: each gets its
# query parameter's description and validation here, which the store cannot carry without
# depending on FastAPI. A test checks that the parameters are the filter's fields.
async def event_filters(
    actor: Annotated[str | None, Query(description="Actor id, or part of a name (any case).")]
    = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    status: Annotated[EventStatus | None, Query()] = None,
    country: Annotated[str | None, Query(
        min_length=3, max_length=3,
        description="ISO 3166 alpha-3 of a participant or of the place, e.g. CHN.")] = None,
    since: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD).")]
    = None,
    until: Annotated[date | None, Query(description="Events on or before (YYYY-MM-DD).")]
    = None,
) -> EventFilter:
    return EventFilter(
        actor=actor, type=type.value if type else None, status=status.value if status else None,
        country=country.upper() if country else None, since=since, until=until,
    )


def _page(request: Request, items: list[Any], limit: int, offset: int,
          total: int | None = None) -> dict[str, Any]:
    more = len(items) == limit if total is None else offset + len(items) < total
    next_url = str(request.url.include_query_params(offset=offset + limit)) if more else None
    page: dict[str, Any] = {"items": items, "limit": limit, "offset": offset, "next": next_url}
    if total is not None:
        page["total"] = total
    return page


@router.get("/events", summary="Events as reported, one per article (as dateline events)",
            response_class=JSONResponse)
async def list_events(
    request: Request, store: StoreDep, filters: Annotated[EventFilter, Depends(event_filters)],
    order: Annotated[Literal["reported", "timeline"], Query(
        description="reported: by article date (as dateline events); timeline: by event "
                    "date (as dateline timeline).")] = "reported",
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
) -> Response:
    read = store.timeline if order == "timeline" else store.events

    def answer() -> bytes:
        found = read(**filters.keywords(), limit=limit, offset=offset)
        # A short page is the last one: its length gives the total without counting.
        last = len(found) < limit and (found or offset == 0)
        total = offset + len(found) if last else store.event_count(**filters.keywords())
        page = _page(request, [event.to_dict() for event in found], limit, offset, total)
        return json.dumps(page, ensure_ascii=False).encode("utf-8")

    # Async, with async dependencies: a cached answer costs no trip to the thread pool.
    # Raw JSON bytes skip FastAPI's re-validation of a returned dict, which on a page of 50
    # events costs more than the queries.
    cache: AnswerCache = request.app.state.answers
    body, cached = await cache.get_or_make_async(str(request.url), answer)
    return Response(body, media_type="application/json",
                    headers={CACHE_HEADER: "hit" if cached else "miss"})


@router.get("/events/{event_id}",
            summary="One reported event, its linked record (status history) and evidence")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}; list events at /api/events")
    record = store.record_of(event_id)
    return {
        "event": event.to_dict(),
        "record": record.to_dict() if record else None,
        "evidence": _evidence(store, record.events if record else [event]),
    }


@router.get("/records", summary="Real-world events, each once across articles, by date")
def list_records(
    request: Request, store: StoreDep,
    filters: Annotated[EventFilter, Depends(event_filters)],
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
) -> dict[str, Any]:
    found = store.records(**filters.keywords(), limit=limit, offset=offset)
    total = store.record_count(**filters.keywords())
    return _page(request, [record.to_dict() for record in found], limit, offset, total)


@router.get("/records/{record_id}",
            summary="One real-world event: status history, sources, conflicts, evidence")
def get_record(record_id: str, store: StoreDep) -> dict[str, Any]:
    record = store.record(record_id)
    if record is None:
        raise HTTPException(404, f"no record with id {record_id!r}; list records at "
                                 "/api/records")
    return {**record.to_dict(), "evidence": _evidence(store, record.events)}


def _evidence(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    """Per reported event: its article and the words behind each field."""
    out = []
    for event in events:
        extraction = store.extraction(event.article_id) if event.article_id else None
        if extraction is None:
            continue
        out.append({
            "event_id": event.id, "article_id": event.article_id,
            "article_date": extraction.article.date.isoformat(),
            "article_title": extraction.article.title,
            "items": [item.to_dict() for item in evidence_for(event, extraction)],
        })
    return out


@router.get("/actors", summary="Canonical actors, most mentioned first")
def list_actors(
    request: Request, store: StoreDep,
    known: Annotated[bool | None, Query(
        description="true: only actors the knowledge base knows; false: only names seen "
                    "in text.")] = None,
    q: Annotated[str | None, Query(description="Part of the name (any case).")] = None,
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
) -> dict[str, Any]:
    found = store.actors(known=known, limit=limit, offset=offset, name=q)
    return _page(request, [actor.to_dict() for actor in found], limit, offset)


@router.get("/actors/{actor_id}",
            summary="One actor: counts, events over time, who it met/called/accused, quotes")
def get_actor(
    actor_id: str, store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=2000, description="Records at most.")] = 500,
) -> dict[str, Any]:
    actor = store.actor(actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}; list actors at /api/actors")
    records = store.records(actor=actor_id, limit=limit)
    ties, names = ties_among(records)
    return {
        "actor": actor.to_dict(),
        "records": [record.to_dict() for record in records],
        "ties": [tie.to_dict() | {"source_name": names.get(tie.source_id),
                                  "target_name": names.get(tie.target_id)} for tie in ties],
        "quotes": [
            {"article_id": article_id, "article_date": day.isoformat(), "text": words}
            for article_id, day, words in store.actor_quotes(actor_id)
        ],
    }


@router.get("/articles", summary="Stored articles, newest first (without their text)")
def list_articles(
    request: Request, store: StoreDep,
    since: Annotated[date | None, Query(description="Published on or after.")] = None,
    until: Annotated[date | None, Query(description="Published on or before.")] = None,
    limit: Limit = DEFAULT_PAGE, offset: Offset = 0,
) -> dict[str, Any]:
    found = store.articles(since, until, limit=limit, offset=offset)
    return _page(request, [article.to_dict() for article in found], limit, offset)


@router.get("/articles/{article_id}",
            summary="One article with its annotations (the extraction document)")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    extraction = store.extraction(article_id)
    if extraction is None:
        raise HTTPException(404, f"no article with id {article_id!r}; list articles at "
                                 "/api/articles")
    return extraction.to_dict()


@router.get("/search", summary="Full-text search over article titles and text")
def search_articles(
    request: Request,
    search: Annotated[ArticleSearch, Depends(search_of)],
    q: Annotated[str, Query(min_length=1, max_length=500,
                            description="Words that must all occur (any case).")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0,
) -> dict[str, Any]:
    hits = search.search(q, limit=limit, offset=offset)
    return {
        "query": q, "method": "fts5" if search.fts else "like",
        **_page(request, [hit.to_dict() for hit in hits], limit, offset),
    }


@router.get("/upcoming", summary="Planned events ahead, and planned events now overdue")
def list_upcoming(
    store: StoreDep,
    as_of: Annotated[date | None, Query(
        description="The day to look ahead from; only reports published by then count "
                    "(default: the newest article's date).")] = None,
    days: Annotated[int, Query(ge=1, le=366, description="How many days ahead.")] = 14,
    overdue_days: Annotated[int | None, Query(
        ge=0, description="Overdue: only plans dated at most this many days before as_of "
                          "(all when omitted).")] = None,
) -> dict[str, Any]:
    ahead, overdue = store.upcoming(as_of=as_of, days=days, overdue_days=overdue_days)
    start = as_of or store.latest_article_date()
    return {
        "as_of": start.isoformat() if start else None, "days": days,
        "ahead": [record.to_dict() for record in ahead],
        "overdue": [record.to_dict() for record in overdue],
    }
