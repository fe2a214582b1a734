"""The store: extractions in SQLite (default) or PostgreSQL, queried back as model objects.

The tables are documented in ``dateline.store.schema`` for anyone who prefers plain SQL.
"""

from dateline.store.store import DEFAULT_URL, ActorSummary, Store

__all__ = ["DEFAULT_URL", "ActorSummary", "Store"]
