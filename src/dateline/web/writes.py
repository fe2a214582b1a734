"""Short write transactions for the web's own tables and indexes.

The store waits up to a minute for another writer's lock (an ingest batch). The web only
writes what it can do later (its search index, its indexes), so it waits a moment, then
gives up and serves what it has.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from dateline.store.engine import SQLITE_LOCK_TIMEOUT, WRITE_OPTION


@contextmanager
def short_write(engine: Engine, wait_seconds: float) -> Iterator[Connection]:
    """A connection in a write transaction that waits at most ``wait_seconds`` (SQLite) for
    another writer's lock, raising the database's busy error after that."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait_seconds * 1000)}")
            connection.commit()
        try:
            writer = connection.execution_options(**{WRITE_OPTION: True})
            with writer.begin():
                yield writer
        finally:
            if sqlite:
                # Back to the store's patience before the connection returns to the pool.
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_LOCK_TIMEOUT * 1000}")
                connection.commit()


def is_busy(error: DBAPIError) -> bool:
    """True when the database refused because another connection holds the lock."""
    message = str(error.orig).lower()
    return "locked" in message or "busy" in message
