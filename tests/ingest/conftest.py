"""Fixtures of the ingest tests: small inputs written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_path():
    """The path (a string, as a user passes it) of a file under tests/ingest/fixtures."""

    def path(name: str) -> str:
        return str(FIXTURES / name)

    return path
