"""Opening a database for the store: any SQLAlchemy URL, SQLite tuned for many readers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from dateline.errors import StoreError
from dateline.store.schema import SCHEMA_VERSION, Base, MetaRow


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


SqliteValue = str | bytes | int | float | None


def _text_function(convert: Callable[[str], str]) -> Callable[[SqliteValue], SqliteValue]:
    def apply(value: SqliteValue) -> SqliteValue:
        return convert(value) if isinstance(value, str) else value

    return apply


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (the web UI, `dateline events`) work while ingest writes; NORMAL
    # synchronous is crash-safe in WAL mode (a power cut may lose the last commit, never
    # corrupt); foreign keys are off by default in SQLite and we rely on their cascades.
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # The driver's own transaction handling starts a transaction only at the first write,
    # after our reads; we begin transactions ourselves instead (see _begin_sqlite).
    dbapi_connection.isolation_level = None
    # SQLite's own lower()/upper() know ASCII only; Python's know "Ç" from "ç", so name
    # filters ignore case for every script, as they do on PostgreSQL.
    for name, convert in (("lower", str.lower), ("upper", str.upper)):
        dbapi_connection.create_function(
            name, 1, _text_function(convert), deterministic=True
        )
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


# Any constant shared by all Dateline processes: the advisory lock guarding table creation.
_CREATE_LOCK_KEY = 0x64617465  # "date"

#: Execution option of connections that write: on SQLite they take the write lock at BEGIN.
WRITE_OPTION = "dateline_write"

# Seconds a SQLite writer waits for another writer's transaction before giving up.
SQLITE_LOCK_TIMEOUT = 60


def _begin_sqlite(connection: Connection) -> None:
    # IMMEDIATE for writers: the lock is taken before add() reads which articles and actors
    # are stored, so two writers on one file queue instead of both inserting the same rows.
    # Readers begin DEFERRED and never wait for writers (WAL).
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def open_engine(url: str) -> Engine:
    """An engine on ``url`` with the store's tables created; StoreError when it cannot be."""
    shown = display_url(url)
    try:
        is_sqlite = make_url(url).get_backend_name() == "sqlite"
        connect_args = {"timeout": SQLITE_LOCK_TIMEOUT} if is_sqlite else {}
        engine = create_engine(url, connect_args=connect_args)
    except NoSuchModuleError as error:  # before ArgumentError, its base class
        raise StoreError(
            f"store URL {shown!r} names a kind of database SQLAlchemy does not know ({error}). "
            "Use e.g. sqlite:///dateline.db or postgresql+psycopg://user@host/dbname"
        ) from error
    except (ArgumentError, ValueError) as error:
        raise StoreError(
            f"store URL {shown!r} is not a database URL ({error}). Use e.g. "
            "sqlite:///dateline.db or postgresql+psycopg://user@host/dbname"
        ) from error
    except ImportError as error:
        raise StoreError(
            f"store URL {shown!r} needs a database driver that is not installed ({error}). "
            "For PostgreSQL install the extra: pip install 'dateline[postgres]'"
        ) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    try:
        _create_tables(engine, shown)
    except DBAPIError as error:
        engine.dispose()
        raise StoreError(
            f"cannot open the store {shown!r}: {error.orig}. Check that the database exists, "
            "the server is running and the path or user may write to it"
        ) from error
    except StoreError:
        engine.dispose()
        raise
    return engine


def _create_tables(engine: Engine, shown: str) -> None:
    # Two processes opening a new database at once must create it in turn: as a writer on
    # SQLite (BEGIN IMMEDIATE), under a transaction-scoped advisory lock on PostgreSQL.
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(_CREATE_LOCK_KEY)))
        Base.metadata.create_all(connection)
        found = connection.scalar(select(MetaRow.value).where(MetaRow.key == "schema_version"))
        if found is None:
            connection.execute(insert(MetaRow).values(key="schema_version", value=SCHEMA_VERSION))
        elif found != SCHEMA_VERSION:
            raise StoreError(
                f"store {shown!r} has schema version {found}, this Dateline reads version "
                f"{SCHEMA_VERSION}. Ingest the articles again into a new database: "
                "dateline ingest PATH... --db NEW_URL (no migration is needed; version 2 "
                "added the linked-event tables)"
            )
