"""Writing to the store: idempotent batches, actors merged across articles, clear errors."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from store_corpus import numbered_extraction, stored_form

from dateline.errors import StoreError
from dateline.model import Actor, Article, Event, Extraction
from dateline.store import Store


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def _article_with_actor(article_id: str, actor: Actor) -> Extraction:
    article = Article(id=article_id, date=date(2024, 5, 2), text=f"{actor.name} spoke.")
    return Extraction(article=article, actors=[actor])


def test_add_returns_number_of_new_articles(store: Store) -> None:
    assert store.add([numbered_extraction(1), numbered_extraction(2)]) == 2
    assert store.counts()["articles"] == 2


def test_adding_the_same_article_twice_adds_nothing(store: Store) -> None:
    store.add([numbered_extraction(3)])
    before = store.counts()
    assert store.add([numbered_extraction(3)]) == 0
    assert store.counts() == before


def test_article_repeated_within_one_batch_is_stored_once(store: Store) -> None:
    assert store.add([numbered_extraction(4), numbered_extraction(4)]) == 1
    assert store.counts()["events"] == len(numbered_extraction(4).events)


def test_batch_mixing_stored_and_new_articles_adds_only_new(store: Store) -> None:
    store.add([numbered_extraction(5)])
    assert store.add([numbered_extraction(5), numbered_extraction(6)]) == 1
    assert store.known_article_ids(["article-00005", "article-00006"]) == {
        "article-00005", "article-00006",
    }


def test_empty_batch_adds_nothing(store: Store) -> None:
    assert store.add([]) == 0
    assert store.counts()["articles"] == 0


def test_known_article_ids_lists_only_stored_ones(store: Store) -> None:
    store.add([numbered_extraction(7)])
    assert store.known_article_ids(["article-00007", "never-seen"]) == {"article-00007"}


def test_known_article_ids_handles_more_ids_than_one_query_takes(store: Store) -> None:
    store.add([numbered_extraction(8)])
    asked = [f"missing-{i}" for i in range(1_200)] + ["article-00008"]
    assert store.known_article_ids(asked) == {"article-00008"}


def test_same_actor_in_two_articles_is_one_row(store: Store) -> None:
    store.add([numbered_extraction(0), numbered_extraction(5)])  # both hosted by Jaishankar
    summaries = {a.id: a for a in store.actors()}
    assert summaries["p-jaishankar"].article_count == 2
    with store.engine.connect() as db:
        rows = db.execute(
            text("SELECT count(*) FROM actors WHERE id = :id"), {"id": "p-jaishankar"}
        ).scalar()
    assert rows == 1


def test_merged_actor_keeps_first_name_fills_gaps_and_unions_roles(store: Store) -> None:
    first = Actor(id="p-x", name="Li Wei", kind="person", country=None, sector="GOV",
                  roles=["Vice Premier"])
    later = Actor(id="p-x", name="Mr Li", kind="person", country="CHN", sector="MIL",
                  roles=["Premier", "Vice Premier"], known=True)
    store.add([_article_with_actor("a1", first)])
    store.add([_article_with_actor("a2", later)])
    (merged,) = store.actors()
    assert (merged.name, merged.country, merged.sector) == ("Li Wei", "CHN", "GOV")
    assert merged.roles == ["Vice Premier", "Premier"]
    assert merged.known is True


def test_article_keeps_its_own_view_of_a_merged_actor(store: Store) -> None:
    first = Actor(id="p-x", name="Li Wei", kind="person", roles=["Vice Premier"])
    later = Actor(id="p-x", name="Mr Li", kind="person", roles=["Premier"])
    store.add([_article_with_actor("a1", first), _article_with_actor("a2", later)])
    extraction = store.extraction("a2")
    assert extraction is not None
    assert (extraction.actors[0].name, extraction.actors[0].roles) == ("Mr Li", ["Premier"])


def test_add_fills_article_id_and_date_on_events(store: Store) -> None:
    extraction = numbered_extraction(9)
    store.add([extraction])
    assert {(e.article_id, e.article_date) for e in extraction.events} == {
        ("article-00009", extraction.article.date)
    }


def test_event_id_repeated_in_one_article_is_refused_by_name(store: Store) -> None:
    extraction = numbered_extraction(10)
    extraction.events.append(copy.deepcopy(extraction.events[0]))
    with pytest.raises(StoreError, match="article-00010: event id 'article-00010-e1'"):
        store.add([extraction])
    assert store.counts()["articles"] == 0


def test_failed_batch_stores_none_of_its_articles(store: Store) -> None:
    good = numbered_extraction(11)
    # A role of NULL breaks a NOT NULL column: the second article fails inside the database.
    bad = numbered_extraction(12)
    bad.events[0].participants[0].role = None  # type: ignore[assignment]  # NOT NULL column
    with pytest.raises(StoreError, match="Nothing of this batch was stored"):
        store.add([good, bad])
    assert store.counts()["articles"] == 0
    assert store.add([good]) == 1


def test_metadata_that_is_not_json_is_refused_naming_the_article(store: Store) -> None:
    extraction = numbered_extraction(20)
    extraction.article.metadata["origin"] = Path("feed.jsonl")
    with pytest.raises(StoreError, match=r"article-00020: metadata cannot be stored as JSON"):
        store.add([extraction])


def test_events_of_different_articles_may_share_an_id(store: Store) -> None:
    one, two = numbered_extraction(13), numbered_extraction(14)
    two.events[0].id = one.events[0].id
    assert store.add([one, two]) == 2
    found = store.event(one.events[0].id)
    assert found is not None and found.article_id == "article-00013"


def test_stored_extraction_equals_what_was_added(store: Store) -> None:
    added = [numbered_extraction(n) for n in (15, 16, 17, 18)]
    store.add(added)
    for extraction in added:
        assert store.extraction(extraction.article.id) == stored_form(extraction)


def test_round_trip_keeps_missing_optional_parts(store: Store) -> None:
    bare = Extraction(
        article=Article(id="bare", date=date(2024, 2, 29), text="Talks were held."),
        events=[Event(id="e", type="CONSULT", mode=None, cameo=None, status="occurred")],
    )
    store.add([bare])
    assert store.extraction("bare") == stored_form(copy.deepcopy(bare))


def test_unknown_article_reads_as_none(store: Store) -> None:
    assert store.extraction("nope") is None
    assert store.article("nope") is None
    assert store.event("nope") is None


def test_reopened_store_keeps_its_data(store_url: str) -> None:
    with Store(store_url) as first:
        first.add([numbered_extraction(19)])
    with Store(store_url) as again:
        assert again.known_article_ids(["article-00019"]) == {"article-00019"}


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'pragmas.db'}") as store, store.engine.connect() as db:
        assert db.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert db.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_deleting_an_article_in_sql_removes_what_was_read_from_it(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'cascade.db'}") as store:
        store.add([numbered_extraction(21)])
        with store.engine.begin() as db:
            db.execute(text("DELETE FROM articles WHERE id = :id"), {"id": "article-00021"})
        remaining = store.counts()
    assert remaining["events"] == remaining["event_mentions"] == remaining["quotes"] == 0


def test_store_in_missing_directory_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")


def test_malformed_url_raises_store_error() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Store("not a url")


def test_unknown_kind_of_database_raises_store_error() -> None:
    with pytest.raises(StoreError, match="kind of database"):
        Store("nosuchdb://localhost/x")


def test_missing_driver_raises_store_error_naming_the_fix() -> None:
    with pytest.raises(StoreError, match="driver that is not installed"):
        Store("postgresql+pg8000://localhost/x")
