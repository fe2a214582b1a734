"""The HTML pages: timeline, event, actor, article, search, upcoming, and lists."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from dateline.model import Event
from dateline.store import Store
from dateline.web.highlight import annotations_of, highlight
from dateline.web.layout import ego_network, time_axis
from dateline.web.params import (
    DEFAULT_PAGE,
    MAX_TIMELINE,
    form_date,
    form_filters,
    search_of,
    store_of,
)
from dateline.web.search import ArticleSearch
from dateline.web.templating import article_label, templates
from dateline.web.views import evidence_for, find_record, plot_record, ties_among

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(store_of)]
FormText = Annotated[str | None, Query()]
Offset = Annotated[int, Query(ge=0)]


def _render(request: Request, name: str, context: dict[str, Any]) -> Response:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def timeline_page(
    request: Request, store: StoreDep, actor: FormText = None, type: FormText = None,
    status: FormText = None, country: FormText = None, since: FormText = None,
    until: FormText = None, offset: Offset = 0,
) -> Response:
    filters = form_filters(actor, type, status, country, since, until)
    found = store.records(**filters.keywords(), limit=MAX_TIMELINE, offset=offset)
    total = (offset + len(found) if len(found) < MAX_TIMELINE
             else store.record_count(**filters.keywords()))
    # The criteria serve as the page's query string as they are: urlencode writes a date
    # in its ISO form.
    return _render(request, "timeline.html", {
        "filters": filters, "query": filters.keywords(), "records": found,
        "axis": time_axis([plot_record(r) for r in found], filters.since, filters.until),
        "offset": offset, "limit": MAX_TIMELINE, "total": total,
        "actor_names": [a.name for a in store.actors(known=True, limit=300)],
    })


@router.get("/events/{id}", response_class=HTMLResponse)
def event_page(request: Request, id: str, store: StoreDep) -> Response:
    """One real-world event, by record id (``rec-...``) or by the id of any report of it."""
    record = find_record(store, id)
    if record is None:
        raise HTTPException(404, f"No event or record with id {id!r}. Find events on the "
                                 "timeline.")
    # One block per reporting article, with the evidence of every report it holds.
    by_article: dict[str, list[Event]] = {}
    for member in record.events:
        if member.article_id:
            by_article.setdefault(member.article_id, []).append(member)
    sources: list[dict[str, Any]] = []
    for article_id, members in by_article.items():
        extraction = store.extraction(article_id)
        if extraction is None:
            continue
        evidence = [(member, item) for member in members
                    for item in evidence_for(member, extraction)]
        annotations = [item.annotation(member.id, n) for n, (member, item)
                       in enumerate(evidence)]
        sources.append({
            "events": members, "article": extraction.article,
            "evidence": [item for _, item in evidence],
            "anchors": [a.anchor for a in annotations],
            "html": highlight(extraction.article.text, annotations),
        })
    return _render(request, "event.html", {
        "record": record, "sources": sources,
        "labels": {s["article"].id: article_label(s["article"]) for s in sources},
    })


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request, store: StoreDep, q: FormText = None, offset: Offset = 0,
) -> Response:
    found = store.actors(limit=DEFAULT_PAGE, offset=offset, name=q)
    return _render(request, "actors.html", {
        "actors": found, "q": q or "", "offset": offset, "limit": DEFAULT_PAGE,
    })


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, store: StoreDep) -> Response:
    actor = store.actor(actor_id)
    if actor is None:
        raise HTTPException(404, f"No actor with id {actor_id!r}. See the list of actors.")
    records = store.records(actor=actor_id, limit=MAX_TIMELINE)
    ties, names = ties_among(records)
    names[actor_id] = actor.name
    return _render(request, "actor.html", {
        "actor": actor, "records": records,
        "axis": time_axis([plot_record(r) for r in records]),
        "network": ego_network(actor_id, names, ties), "names": names, "ties": ties,
        "quotes": store.actor_quotes(actor_id),
    })


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request, store: StoreDep, since: FormText = None, until: FormText = None,
    offset: Offset = 0,
) -> Response:
    first, last = form_date("since", since), form_date("until", until)
    found = store.articles(first, last, limit=DEFAULT_PAGE, offset=offset)
    return _render(request, "articles.html", {
        "articles": found, "since": since or "", "until": until or "", "offset": offset,
        "limit": DEFAULT_PAGE,
    })


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep) -> Response:
    extraction = store.extraction(article_id)
    if extraction is None:
        raise HTTPException(404, f"No article with id {article_id!r}. See the list of "
                                 "articles or search.")
    return _render(request, "article.html", {
        "x": extraction, "article": extraction.article,
        "html": highlight(extraction.article.text, annotations_of(extraction)),
    })


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, search: Annotated[ArticleSearch, Depends(search_of)],
    q: FormText = None, offset: Offset = 0,
) -> Response:
    words = (q or "").strip()[:500]
    hits = search.search(words, limit=DEFAULT_PAGE, offset=offset) if words else []
    return _render(request, "search.html", {
        "q": words, "hits": hits, "offset": offset, "limit": DEFAULT_PAGE,
        "method": "full-text index (FTS5)" if search.fts else "text match",
    })


@router.get("/upcoming", response_class=HTMLResponse)
def upcoming_page(
    request: Request, store: StoreDep, as_of: FormText = None,
    days: Annotated[int, Query(ge=1, le=366)] = 14,
    overdue_days: Annotated[int, Query(ge=0, le=3660)] = 30,
) -> Response:
    chosen = form_date("as_of", as_of)
    ahead, overdue = store.upcoming(as_of=chosen, days=days, overdue_days=overdue_days)
    start = chosen or store.latest_article_date()
    axis = (time_axis([plot_record(r) for r in ahead], start, start + timedelta(days=days))
            if start else None)
    return _render(request, "upcoming.html", {
        "ahead": ahead, "overdue": overdue, "as_of": start, "chosen": chosen, "days": days,
        "overdue_days": overdue_days,
        "axis": axis, "today": date.today(),
    })


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API reference, from the OpenAPI document (``/api/openapi.json``)."""
    document = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **operation}
        for path, methods in document.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    return _render(request, "api_docs.html", {"doc": document, "operations": operations})
