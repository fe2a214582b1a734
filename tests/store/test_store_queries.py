"""Reading the store: each event filter, timeline order, actors and counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from store_corpus import numbered_extraction, span_of

from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    Extraction,
    Location,
    Participant,
    Source,
)
from dateline.store import Store
from dateline.store.filters import EventFilter


def _article(
    article_id: str, published: date, events: list[Event], actors: list[Actor] | None = None
) -> Extraction:
    text = f"Report {article_id} of {published.isoformat()}: officials met and talked."
    article = Article(id=article_id, date=published, text=text)
    for event in events:
        event.mentions = [span_of(text, "met")]
    return Extraction(article=article, events=events, actors=actors or [])


def _event(
    event_id: str,
    type: str = "CONSULT",
    status: str = "occurred",
    when: str | None = None,
    participants: list[Participant] | None = None,
    location: Location | None = None,
) -> Event:
    return Event(
        id=event_id, type=type, mode=None, cameo=None, status=status,
        date=EventDate(value=when, text="then") if when else None,
        location=location, participants=participants or [],
        attribution=[Source("a spokesperson", "official")],
    )


MODI = Participant("p-modi", "Narendra Modi", "IND", "source")
XI = Participant("p-xi", "Xi Jinping", "CHN", "target")
ALBANESE = Participant("p-albanese", "Anthony Albanese", "AUS", "source")
UNRESOLVED = Participant(None, "a senior Nepali diplomat", "NPL", "participant")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """Four articles: published in March 2024, some about events on other dates."""
    with Store(store_url) as opened:
        opened.add([
            _article("a-mar01", date(2024, 3, 1), [
                _event("call", when="2024-02-28", participants=[MODI, XI]),
                _event("summit", status="planned", when="2024-03-20", participants=[MODI]),
            ], actors=[
                Actor("p-modi", "Narendra Modi", "person", "IND", "GOV", known=True),
                Actor("p-xi", "Xi Jinping", "person", "CHN", "GOV", known=True),
            ]),
            _article("a-mar05", date(2024, 3, 5), [
                _event("threat", type="THREATEN", when="PAST_REF", participants=[XI]),
                _event("visit", when="2024-03", participants=[ALBANESE],
                       location=Location("Kathmandu", "NPL")),
            ]),
            _article("a-mar09", date(2024, 3, 9), [
                _event("aid", type="AID", status="cancelled", participants=[UNRESOLVED]),
            ]),
            _article("a-mar12", date(2024, 3, 12), [
                _event("old-accord", type="AGREE", when="2023", participants=[ALBANESE, XI]),
            ]),
        ])
        yield opened


def ids(events: list[Event]) -> list[str]:
    return [event.id for event in events]


def test_events_without_filters_come_in_reading_order(store: Store) -> None:
    assert ids(store.events()) == ["call", "summit", "threat", "visit", "aid", "old-accord"]


def test_events_carry_their_article_id_and_date(store: Store) -> None:
    (threat,) = store.events(type="THREATEN")
    assert (threat.article_id, threat.article_date) == ("a-mar05", date(2024, 3, 5))


def test_actor_filter_matches_actor_id(store: Store) -> None:
    assert ids(store.events(actor="p-albanese")) == ["visit", "old-accord"]


def test_actor_filter_matches_part_of_name_in_any_case(store: Store) -> None:
    assert ids(store.events(actor="jinping")) == ["call", "threat", "old-accord"]


def test_actor_filter_ignores_case_beyond_ascii(store: Store) -> None:
    minister = Participant("p-cavusoglu", "Mevlüt Çavuşoğlu", "TUR", "source")
    store.add([_article("a-tr", date(2024, 3, 3), [_event("tr", participants=[minister])])])
    assert ids(store.events(actor="çavuş")) == ["tr"]


def test_actor_filter_matches_unresolved_participant_names(store: Store) -> None:
    assert ids(store.events(actor="Nepali")) == ["aid"]


def test_actor_filter_treats_percent_sign_literally(store: Store) -> None:
    assert store.events(actor="%") == []


def test_type_filter_ignores_case(store: Store) -> None:
    assert ids(store.events(type="threaten")) == ["threat"]


def test_status_filter_ignores_case(store: Store) -> None:
    assert ids(store.events(status="PLANNED")) == ["summit"]


def test_country_filter_matches_a_participant_country(store: Store) -> None:
    assert ids(store.events(country="ind")) == ["call", "summit"]


def test_country_filter_matches_the_location_country(store: Store) -> None:
    # Kathmandu (NPL) hosts the visit; the Nepali diplomat takes part in the aid event.
    assert ids(store.events(country="NPL")) == ["visit", "aid"]


def test_since_filter_uses_event_date_not_publication_date(store: Store) -> None:
    # Reported on 03-01 but planned for 03-20: in; happened 02-28: out.
    assert "summit" in ids(store.events(since=date(2024, 3, 15)))
    assert "call" not in ids(store.events(since=date(2024, 3, 1)))


def test_until_filter_uses_event_date_not_publication_date(store: Store) -> None:
    # The 2023 accord was reported on 03-12: it still happened before March.
    assert ids(store.events(until=date(2024, 2, 29))) == ["call", "old-accord"]


def test_date_filters_fall_back_to_article_date_when_event_date_is_unknown(store: Store) -> None:
    # PAST_REF names no calendar day: the threat counts as of its article, 03-05.
    on_march_5 = store.events(since=date(2024, 3, 5), until=date(2024, 3, 5))
    assert "threat" in ids(on_march_5)


def test_month_long_event_date_overlaps_a_range_inside_the_month(store: Store) -> None:
    assert "visit" in ids(store.events(since=date(2024, 3, 25), until=date(2024, 3, 26)))


def test_filters_combine(store: Store) -> None:
    assert ids(store.events(actor="Xi", type="CONSULT", until=date(2024, 3, 1))) == ["call"]


def test_limit_and_offset_page_through_events(store: Store) -> None:
    assert ids(store.events(limit=2, offset=1)) == ["summit", "threat"]


def test_timeline_orders_by_event_date_not_publication_date(store: Store) -> None:
    # threat: PAST_REF -> its article date 03-05; visit: the month of March from 03-01.
    assert ids(store.timeline()) == [
        "old-accord", "call", "visit", "threat", "aid", "summit",
    ]


def test_timeline_applies_the_same_filters(store: Store) -> None:
    assert ids(store.timeline(actor="p-xi", since=date(2024, 1, 1))) == ["call", "threat"]


def test_event_by_id(store: Store) -> None:
    found = store.event("visit")
    assert found is not None
    assert found.location == Location("Kathmandu", "NPL")
    assert found.participants == [ALBANESE]
    assert found.attribution == [Source("a spokesperson", "official")]


def test_article_by_id(store: Store) -> None:
    found = store.article("a-mar09")
    assert found is not None and found.date == date(2024, 3, 9)


def test_actors_summarise_mentions_articles_and_events(store_url: str) -> None:
    with Store(store_url) as store:
        store.add([numbered_extraction(2), numbered_extraction(3)])
        summaries = {summary.id: summary for summary in store.actors()}
    # Lavrov is Blinken's guest in article 2 (named once) and hosts article 3 (named twice).
    lavrov = summaries["p-lavrov"]
    assert (lavrov.article_count, lavrov.event_count, lavrov.mention_count) == (2, 2, 3)
    assert lavrov.roles == ["Foreign Minister"]
    assert lavrov.known is True


def test_actors_most_mentioned_first(store_url: str) -> None:
    with Store(store_url) as store:
        store.add([numbered_extraction(0), numbered_extraction(3)])
        counts = [summary.mention_count for summary in store.actors()]
    assert counts == sorted(counts, reverse=True)


def test_actors_known_filter(store: Store) -> None:
    store.add([_article("extra", date(2024, 3, 2), [], actors=[
        Actor("p-unknown", "Someone New", "person"),
    ])])
    assert [a.id for a in store.actors(known=False)] == ["p-unknown"]
    assert {a.id for a in store.actors(known=True)} == {"p-modi", "p-xi"}


def test_actors_limit(store: Store) -> None:
    assert len(store.actors(limit=1)) == 1


def test_counts_report_rows_per_table(store: Store) -> None:
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["event_participants"]) == (4, 6, 8)
    assert counts["event_attribution"] == counts["event_mentions"] == 6


def test_event_count_counts_past_any_page(store: Store) -> None:
    assert store.event_count() == 6
    assert store.event_count(actor="jinping") == 3
    assert store.event_count(type="AID", status="cancelled") == 1


def test_one_actor_with_its_own_counts(store: Store) -> None:
    modi = store.actor("p-modi")
    assert modi is not None
    assert (modi.name, modi.country, modi.event_count, modi.article_count) == (
        "Narendra Modi", "IND", 2, 1)


def test_an_unknown_actor_is_none(store: Store) -> None:
    assert store.actor("p-nobody") is None


def test_articles_within_dates_newest_first(store: Store) -> None:
    listed = store.articles(since=date(2024, 3, 2), until=date(2024, 3, 10))
    assert [a.id for a in listed] == ["a-mar09", "a-mar05"]
    assert [a.event_count for a in listed] == [1, 2]
    assert listed[0].lead.startswith("Report a-mar09")


def test_filter_keywords_are_taken_by_every_filtered_read(store: Store) -> None:
    wanted = EventFilter(actor="jinping", type="consult", since=date(2024, 2, 1))
    assert ids(store.events(**wanted.keywords())) == ["call"]
    assert ids(store.timeline(**wanted.keywords())) == ["call"]
    assert store.event_count(**wanted.keywords()) == 1
    assert len(store.records(**wanted.keywords())) == store.record_count(**wanted.keywords())
