"""An actor's stored country is the one most articles gave it, whatever their order."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from dateline.model import Actor, Article, Extraction, Span
from dateline.store import Store


def _article(article_id: str, country: str | None, mentions: int = 1) -> Extraction:
    text = " ".join(["Demchok was quiet."] * mentions)
    spans = [Span(i * 19, i * 19 + 7, "Demchok") for i in range(mentions)]
    assert all(text[s.start:s.end] == "Demchok" for s in spans)
    place = Actor(id="place:demchok", name="Demchok", kind="place", country=country,
                  mentions=spans)
    return Extraction(article=Article(id=article_id, date=date(2025, 11, 4), text=text),
                      actors=[place])


def _country(store: Store) -> str | None:
    (actor,) = store.actors()
    return actor.country


def test_the_country_most_articles_give_wins_whatever_the_order(tmp_path: Path) -> None:
    articles = [_article("a1", "CHN"), _article("a2", "IND"), _article("a3", "IND")]
    for number, order in enumerate(itertools.permutations(articles)):
        with Store(f"sqlite:///{tmp_path / f'order-{number}.db'}") as store:
            for extraction in order:  # one article per batch: the votes are stored
                store.add([extraction])
            assert _country(store) == "IND", [e.article.id for e in order]


def test_votes_within_one_batch_count_too(store_url: str) -> None:
    with Store(store_url) as store:
        store.add([_article("a1", "CHN"), _article("a2", "IND"), _article("a3", "IND")])
        assert _country(store) == "IND"


def test_one_article_repeating_its_reading_does_not_outvote_two(store_url: str) -> None:
    with Store(store_url) as store:
        store.add([_article("a1", "CHN", mentions=2)])
        store.add([_article("a2", "IND"), _article("a3", "IND")])
        assert _country(store) == "IND"


def test_mentions_break_a_tie_between_articles(store_url: str) -> None:
    with Store(store_url) as store:
        store.add([_article("a1", "IND")])
        store.add([_article("a2", "PAK", mentions=3)])
        assert _country(store) == "PAK"


def test_a_full_tie_goes_to_the_first_code_alphabetically(store_url: str) -> None:
    with Store(store_url) as store:
        store.add([_article("a1", "IND")])
        store.add([_article("a2", "CHN")])
        assert _country(store) == "CHN"


def test_articles_that_give_no_country_do_not_vote(store_url: str) -> None:
    with Store(store_url) as store:
        store.add([_article("a1", None, mentions=4)])
        store.add([_article("a2", "IND")])
        store.add([_article("a3", None)])
        assert _country(store) == "IND"


def test_a_retried_write_counts_its_articles_votes_once(
    store_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store(store_url) as store:
        store.add([_article("a1", "IND")])
        store.add([_article("a2", "IND")])
        real_stored_ids = Store._stored_ids
        calls = itertools.count()

        def stored_ids_missing_a1_at_first(session: Session, ids: Iterable[str]) -> set[str]:
            # As if another writer stored a1 between our check and our insert: the insert
            # fails, the transaction is rolled back and the write is tried again.
            found = real_stored_ids(session, ids)
            return found - {"a1"} if next(calls) == 0 else found

        monkeypatch.setattr(Store, "_stored_ids", staticmethod(stored_ids_missing_a1_at_first))
        # Counted once, a3's reading loses to the two stored ones; counted on both tries it
        # would tie them on articles and win on mentions.
        assert store.add([_article("a1", None), _article("a3", "CHN", mentions=2)]) == 1
        assert next(calls) == 2  # the write was tried twice
        assert _country(store) == "IND"
