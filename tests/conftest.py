"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    from dateline import nlp as dateline_nlp

    return dateline_nlp.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """``dateline.extract`` with the model already loaded."""
    import dateline

    return dateline.extract
