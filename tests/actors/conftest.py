"""Fixtures for the actor tests: resolve a text as of a date with the shared spaCy model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dateline.model import Actor, Article


@pytest.fixture(scope="session")
def resolve_text(nlp) -> Callable[[str, str], list[Actor]]:
    from dateline.actors import resolve

    def run(text: str, day: str = "2025-11-03") -> list[Actor]:
        article = Article(Article.make_id(date.fromisoformat(day), text),
                          date.fromisoformat(day), text)
        return resolve(article, nlp(text))

    return run


def find_actor(actors: list[Actor], mention_text: str) -> Actor:
    """The actor with a mention whose text is exactly ``mention_text``."""
    for actor in actors:
        if any(m.text == mention_text for m in actor.mentions):
            return actor
    seen = {a.name: [m.text for m in a.mentions] for a in actors}
    raise AssertionError(f"no actor mentioned as {mention_text!r}; actors: {seen}")


@pytest.fixture(scope="session")
def find() -> Callable[[list[Actor], str], Actor]:
    return find_actor
