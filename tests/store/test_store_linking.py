"""Linking on ingest: the reports of one real event become one record with its story."""

from __future__ import annotations

import copy
import itertools
import random
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session
from story_corpus import GENEVA, LAUSANNE, LULA, MODI, PUTIN, VIENNA, XI, report

from dateline.errors import StoreError
from dateline.model import Extraction
from dateline.store import Store
from dateline.store import store as store_module
from dateline.store.linking import link_new_events


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def _statuses(store: Store) -> list[tuple[str, list[str]]]:
    return [(r.status, [h.status for h in r.history]) for r in store.records()]


def test_announcement_confirmation_then_held_is_one_record(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23")])
    store.add([report("a2", "2025-11-21", "planned", "2025-11-23", source="Reuters")])
    store.add([report("a3", "2025-11-24", "occurred", "2025-11-23", source="AP")])
    [record] = store.records()
    assert record.status == "occurred"
    assert record.date is not None and record.date.earliest == date(2025, 11, 23)
    assert record.source_count == 3
    assert [(h.status, h.article_id) for h in record.history] == [
        ("planned", "a1"), ("planned", "a2"), ("occurred", "a3")]
    assert record.conflicts == []


def test_announcement_then_cancellation_ends_cancelled_without_conflict(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-22", "cancelled", source="Reuters")])
    [record] = store.records()
    assert record.status == "cancelled"
    assert record.date is not None and record.date.value == "2025-11-23"
    assert record.conflicts == []


def test_two_sources_disagreeing_on_the_date_are_linked_and_flagged(store: Store) -> None:
    store.add([report("a1", "2025-11-10", "planned", "2025-11-14"),
               report("a2", "2025-11-10", "planned", "2025-11-15", source="Reuters")])
    [record] = store.records()
    assert record.source_count == 2
    assert len(record.conflicts) == 1
    assert record.conflicts[0].startswith("dates disagree: 2025-11-14")
    assert "2025-11-15" in record.conflicts[0]


def test_held_versus_cancelled_is_flagged(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-24", "occurred", "2025-11-23", source="Reuters"),
               report("a3", "2025-11-24", "cancelled", source="AP")])
    [record] = store.records()
    assert record.status == "occurred"  # same day: a report that it happened ranks first
    assert any(c.startswith("sources disagree whether it took place") for c in record.conflicts)


def test_postponed_then_held_next_month_is_one_record_dated_when_held(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-22", "postponed", source="Reuters"),
               report("a3", "2025-12-06", "occurred", "2025-12-05", source="AP")])
    [record] = store.records()
    assert [h.status for h in record.history] == ["planned", "postponed", "occurred"]
    assert record.status == "occurred"
    assert record.date is not None and record.date.earliest == date(2025, 12, 5)
    assert record.conflicts == []


def test_different_pairs_of_leaders_are_different_records(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-20", "planned", "2025-11-23", who=(PUTIN, XI))])
    assert len(store.records()) == 2


def test_one_leader_alone_joins_the_meeting_he_is_part_of(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-24", "occurred", "2025-11-23", who=(XI,))])
    [record] = store.records()
    assert {p.actor_id for p in record.participants} == {MODI.id, XI.id}


def test_a_call_and_a_visit_on_one_day_stay_apart(store: Store) -> None:
    store.add([report("a1", "2025-11-24", "occurred", "2025-11-23", mode="phone"),
               report("a2", "2025-11-24", "occurred", "2025-11-23", mode="visit")])
    assert len(store.records()) == 2


def test_meetings_a_week_apart_stay_apart(store: Store) -> None:
    store.add([report("a1", "2025-11-10", "occurred", "2025-11-09"),
               report("a2", "2025-11-17", "occurred", "2025-11-16")])
    assert len(store.records()) == 2


def test_meetings_in_distant_cities_stay_apart_and_nearby_ones_link(store: Store) -> None:
    store.add([report("a1", "2025-11-24", "occurred", "2025-11-23", place=GENEVA),
               report("a2", "2025-11-24", "occurred", "2025-11-23", place=VIENNA,
                      source="Reuters"),
               report("a3", "2025-11-25", "occurred", "2025-11-23", place=LAUSANNE,
                      source="AP")])
    assert sorted(r.source_count for r in store.records()) == [1, 2]


def _without_actor_ids(extraction: Extraction) -> Extraction:
    for participant in extraction.events[0].participants:
        participant.actor_id = None
    return extraction


def test_events_without_actor_ids_link_by_their_place(store: Store) -> None:
    store.add([_without_actor_ids(report("a1", "2025-11-24", "occurred", "2025-11-23")),
               _without_actor_ids(report("a2", "2025-11-24", "occurred", "2025-11-23",
                                         source="Reuters"))])
    [record] = store.records()
    assert record.source_count == 2


def test_events_without_actor_ids_or_place_stay_records_of_their_own(store: Store) -> None:
    store.add([_without_actor_ids(report("a1", "2025-11-24", "occurred", "2025-11-23",
                                         place=None)),
               _without_actor_ids(report("a2", "2025-11-24", "occurred", "2025-11-23",
                                         place=None, source="Reuters"))])
    assert len(store.records()) == 2


def _story() -> list[Extraction]:
    return [
        report("s1", "2025-11-20", "planned", "2025-11-23"),
        report("s2", "2025-11-21", "planned", "2025-11-23", source="Reuters"),
        report("s3", "2025-11-22", "postponed", source="AP"),
        report("s4", "2025-12-06", "occurred", "2025-12-05"),
        report("s5", "2025-11-20", "planned", "2025-11-14", who=(PUTIN, LULA)),
        report("s6", "2025-11-20", "planned", "2025-11-15", who=(PUTIN, LULA),
               source="Reuters"),
        report("s7", "2025-11-16", "occurred", "2025-11-15", who=(LULA,), source="AP"),
        report("s8", "2025-11-30", "occurred", "2025-11-29", who=(PUTIN, XI),
               place=VIENNA),
    ]


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    return [
        (r.id, r.status, r.date, tuple(r.event_ids), tuple(r.conflicts), r.source_count)
        for r in store.records()
    ]


def test_the_same_story_in_shuffled_order_gives_the_same_records(
    store_url: str, tmp_path: Path
) -> None:
    with Store(store_url) as in_order:
        in_order.add(_story())
        expected = _snapshot(in_order)
    assert len(expected) == 3
    shuffler = random.Random(20251124)
    for attempt in range(4):
        articles = _story()
        shuffler.shuffle(articles)
        with Store(f"sqlite:///{tmp_path / f'shuffled-{attempt}.db'}") as shuffled:
            for extraction in articles:  # one article per batch, as a slow feed would
                shuffled.add([extraction])
            assert _snapshot(shuffled) == expected, [e.article.id for e in articles]


def test_record_of_an_event_has_its_member_events_with_evidence(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-24", "occurred", "2025-11-23", source="Reuters")])
    record = store.record_of("a2-e1")
    assert record is not None and record.event_ids == ["a1-e1", "a2-e1"]
    assert [e.mentions[0].text for e in record.events] == ["will meet", "met"]
    assert store.record(record.id) == record
    assert record.to_dict()["history"][1]["evidence"][0]["text"] == "met"


def test_unknown_record_and_event_give_none(store: Store) -> None:
    assert store.record("rec-missing") is None
    assert store.record_of("missing-event") is None


def test_records_filter_by_actor_status_country_and_dates(store: Store) -> None:
    store.add(_story())
    assert {r.status for r in store.records(actor="Lula")} == {"occurred"}
    assert len(store.records(actor=PUTIN.id)) == 2
    assert len(store.records(status="OCCURRED")) == 3
    assert [r.location.name for r in store.records(country="AUT")
            if r.location] == ["Vienna"]
    assert len(store.records(since=date(2025, 11, 20), until=date(2025, 11, 30))) == 1
    assert len(store.records(limit=1, offset=2)) == 1
    assert store.record_count() == 3 and store.record_count(actor=PUTIN.id) == 2


def test_upcoming_lists_planned_events_ahead_as_known_on_the_day(store: Store) -> None:
    store.add(_story())
    ahead, overdue = store.upcoming(as_of=date(2025, 11, 21), days=7)
    assert [r.event_ids for r in ahead] == [["s1-e1", "s2-e1"]]
    assert [r.status for r in ahead] == ["planned"]
    assert overdue == []


def test_upcoming_defaults_to_the_newest_article_and_flags_overdue_plans(
    store: Store,
) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-30", "occurred", "2025-11-29", who=(PUTIN, XI))])
    ahead, overdue = store.upcoming()
    assert ahead == []
    assert [r.event_ids for r in overdue] == [["a1-e1"]]
    assert store.upcoming(overdue_days=3) == ([], [])


def test_upcoming_on_an_empty_store_is_empty(store: Store) -> None:
    assert store.upcoming() == ([], [])


def test_cancelled_plans_are_neither_ahead_nor_overdue(store: Store) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23"),
               report("a2", "2025-11-22", "cancelled", source="Reuters")])
    assert store.upcoming(as_of=date(2025, 11, 22)) == ([], [])
    assert len(store.upcoming(as_of=date(2025, 11, 21))[0]) == 1


def test_a_failure_while_linking_leaves_neither_the_article_nor_a_link(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add([report("a1", "2025-11-20", "planned", "2025-11-23")])
    before = store.counts()

    def link_then_fail(session: Session, extractions: Sequence[Extraction]) -> None:
        link_new_events(session, extractions)
        raise RuntimeError("crash after linking, before commit")

    monkeypatch.setattr(store_module, "link_new_events", link_then_fail)
    with pytest.raises(RuntimeError):
        store.add([report("a2", "2025-11-24", "occurred", "2025-11-23")])
    assert store.counts() == before
    assert [r.event_ids for r in store.records()] == [["a1-e1"]]


def test_a_store_of_the_previous_schema_is_refused_with_the_fix(store_url: str) -> None:
    Store(store_url).close()
    with Store(store_url) as opened, opened.engine.begin() as db:
        db.execute(text("UPDATE dateline_meta SET value = '1' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="schema version 1.*new database"):
        Store(store_url)


def test_a_report_without_a_place_bridging_two_cities_splits_the_same_in_any_order(
    tmp_path: Path,
) -> None:
    reports = [
        report("g1", "2025-11-24", "occurred", "2025-11-23", place=GENEVA),
        report("v1", "2025-11-24", "occurred", "2025-11-23", place=VIENNA, source="AP"),
        report("x1", "2025-11-25", "occurred", place=None, source="DW"),
    ]
    outcomes = set()
    for number, order in enumerate(itertools.permutations(range(3))):
        with Store(f"sqlite:///{tmp_path / f'order-{number}.db'}") as store:
            for index in order:
                store.add([copy.deepcopy(reports[index])])
            outcomes.add(tuple(sorted(tuple(r.event_ids) for r in store.records())))
    assert outcomes == {(("g1-e1", "x1-e1"), ("v1-e1",))}
