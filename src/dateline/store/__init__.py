"""The store: extractions in SQLite (default) or PostgreSQL, queried back as model objects.

The tables are documented in ``dateline.store.schema`` for anyone who prefers plain SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["DEFAULT_URL", "ActorSummary", "ArticleSummary", "EventRecord", "HistoryEntry",
           "RecordDate", "Store"]

if TYPE_CHECKING:
    from dateline.link.records import EventRecord, HistoryEntry, RecordDate
    from dateline.store.store import DEFAULT_URL, ActorSummary, ArticleSummary, Store


def __getattr__(name: str) -> Any:
    # Imported on first use: dateline.link reads dateline.store.dates, and an eager import
    # of the Store here would import dateline.link back while it is half initialised.
    if name in ("EventRecord", "HistoryEntry", "RecordDate"):
        from dateline.link import records

        return getattr(records, name)
    if name in ("DEFAULT_URL", "ActorSummary", "ArticleSummary", "Store"):
        from dateline.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'dateline.store' has no attribute {name!r}")
