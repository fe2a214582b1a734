"""Command-line options shared by every ``dateline`` command that reads the store, so each
option is spelled, defaulted and documented once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from dateline.model import EVENT_TYPES, STATUSES
from dateline.output import FORMATS

DEFAULT_DB = "sqlite:///dateline.db"

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db_url", envvar="DATELINE_DB", default=DEFAULT_DB, show_default=True,
        help="SQLAlchemy URL of the store (env DATELINE_DB): a SQLite file by default, "
             "postgresql+psycopg://user@host/db for PostgreSQL.",
    )(func)


def _store_must_exist(_ctx: click.Context, _param: click.Parameter, url: str) -> str:
    """Queries read a store; a mistyped SQLite path must not quietly create an empty one."""
    # Here, not at the top: SQLAlchemy takes a fifth of a second to import, which every
    # ``--help`` would pay.
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # the store names the malformed URL and the fix when it opens it
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:":
        if not Path(database).exists():
            raise click.BadParameter(
                f"no store at {database}. Build one with: dateline ingest FILES --db {url} "
                "(or dateline demo)", param_hint="--db")
    return url


def stored_db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` for commands that read an existing store."""
    return click.option(
        "--db", "db_url", envvar="DATELINE_DB", default=DEFAULT_DB, show_default=True,
        callback=_store_must_exist,
        help="SQLAlchemy URL of the store to read (env DATELINE_DB): a SQLite file by "
             "default, postgresql+psycopg://user@host/db for PostgreSQL.",
    )(func)


def format_option(default: str = "table") -> Decorator:
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
        help="Output format.",
    )


def parse_date(value: str | None, option: str = "--date") -> date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; expected YYYY-MM-DD", param_hint=option
        ) from None


def event_filters(func: Callable[..., Any]) -> Callable[..., Any]:
    """The filters of every event query: --actor --type --status --country --since --until
    --limit (``--type`` arrives as ``event_type``)."""
    options = [
        click.option("--limit", type=click.IntRange(1), default=None, help="At most N."),
        click.option("--until", metavar="YYYY-MM-DD", help="Dated on or before this day "
                                                           "(event date, else article date)."),
        click.option("--since", metavar="YYYY-MM-DD", help="Dated on or after this day "
                                                           "(event date, else article date)."),
        click.option("--country", metavar="ISO3", help="A participant's or the place's "
                                                       "country, e.g. CHN."),
        click.option("--status", type=click.Choice(STATUSES, case_sensitive=False)),
        click.option("--type", "event_type", type=click.Choice(EVENT_TYPES,
                                                               case_sensitive=False)),
        click.option("--actor", help="Actor name (substring, any case) or actor id."),
    ]
    for option in options:
        func = option(func)
    return func


def store_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """The CLI's filter options as ``Store.events/timeline/records`` keyword arguments."""
    out = dict(filters)
    out["since"] = parse_date(out.get("since"), "--since")
    out["until"] = parse_date(out.get("until"), "--until")
    out["type"] = out.pop("event_type", None)
    return out
