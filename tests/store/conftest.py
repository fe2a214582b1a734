"""Store tests run on both backends: a SQLite file in tmp_path, and a real PostgreSQL server
(the session's ``postgres_server``, tests/conftest.py), on which every test gets a fresh
schema. Without PostgreSQL's binaries the PostgreSQL half is skipped, with the reason.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

_schema_numbers = itertools.count(1)


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database, on each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dateline.db'}"
    server = request.getfixturevalue("postgres_server")
    return server.empty_schema_url(f"test_{next(_schema_numbers)}")
