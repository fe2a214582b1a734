"""Events that name no actor link by their place, and a report that names neither who nor
where ("the organisers called off the march") links with the event it points back to: the
story of a march planned in Kolkata, banned, then called off, among other protests."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    Extraction,
    Location,
    Participant,
    Span,
)
from dateline.store import Store

KOLKATA = Location("Kolkata", "IND", 22.56, 88.36)
MUMBAI = Location("Mumbai", "IND", 19.07, 72.88)
DHAKA = Location("Dhaka", "BGD", 23.81, 90.41)


def _span(text: str, piece: str, after: str = "") -> Span:
    start = text.index(piece, text.index(after) + len(after) if after else 0)
    return Span(start, start + len(piece), piece)


def _protest(
    article_id: str, published: str, text: str, *, status: str, trigger: str,
    actors: tuple[tuple[str, str, str], ...], trigger_after: str = "",
    when: tuple[str, str] | None = None, place: Location | None = None,
    participant: tuple[str, str] | None = None,
) -> Extraction:
    """One article of ours and its extraction: a PROTEST event at ``trigger``; ``actors``
    are (id, name, country) of the actors the article names, ``when`` is (TIMEX3 value,
    text), ``participant`` (actor id, name) of the protesters if named."""
    article = Article(id=article_id, date=date.fromisoformat(published), text=text,
                      source="AFP")
    found = [
        Actor(id=actor_id, name=name, kind="organisation", country=country,
              mentions=[_span(text, name)])
        for actor_id, name, country in actors
    ]
    participants = []
    if participant is not None:
        actor_id, name = participant
        participants.append(Participant(actor_id, name, "IND", "source"))
    event_date = EventDate(*when) if when is not None else None
    event = Event(
        id=f"{article_id}-e1", type="PROTEST", mode=None, cameo="141", status=status,
        date=event_date, location=place, participants=participants,
        mentions=[_span(text, trigger, trigger_after)],
    )
    return Extraction(article=article, actors=found, events=[event])


def _story() -> list[Extraction]:
    return [
        _protest("k-plan", "2025-11-05",
                 "Veterans' groups told Indian Express they would hold a march in Kolkata "
                 "next week.",
                 status="planned", trigger="march", place=KOLKATA,
                 actors=(("media-ie", "Indian Express", "IND"),),
                 when=("2025-W46", "next week")),
        _protest("k-banned", "2025-11-11",
                 "Kolkata Police refused permission for Wednesday's march by the Veterans' "
                 "Coalition.",
                 status="planned", trigger="march", place=KOLKATA,
                 actors=(("org-police", "Kolkata Police", "IND"),
                         ("org-veterans", "Veterans' Coalition", "IND")),
                 participant=("org-veterans", "Veterans' Coalition"),
                 when=("2025-11-12", "Wednesday")),
        _protest("k-off", "2025-11-12",
                 "The Calcutta High Court upheld the ban. The organisers called off the "
                 "march.",
                 status="cancelled", trigger="march",
                 actors=(("org-court", "Calcutta High Court", "IND"),)),
        _protest("m-rally", "2025-11-08",
                 "Farmers from Maharashtra will rally in Mumbai on Wednesday, the Shetkari "
                 "Sanghatana said.",
                 status="planned", trigger="rally", place=MUMBAI,
                 actors=(("org-ss", "Shetkari Sanghatana", "IND"),),
                 when=("2025-11-12", "Wednesday")),
        _protest("d-march", "2025-11-08",
                 "Students in Dhaka plan a march to the Bangladesh Secretariat on Wednesday.",
                 status="planned", trigger="march", place=DHAKA,
                 actors=(("gov-bd", "Bangladesh Secretariat", "BGD"),),
                 when=("2025-11-12", "Wednesday")),
    ]


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        opened.add(_story())
        yield opened


def _groups(store: Store) -> list[tuple[str, ...]]:
    return sorted(tuple(r.article_ids) for r in store.records())


def test_the_march_plan_its_ban_and_its_cancellation_are_one_record(store: Store) -> None:
    assert _groups(store) == [("d-march",), ("k-plan", "k-banned", "k-off"), ("m-rally",)]
    [march] = [r for r in store.records() if "k-off" in r.article_ids]
    assert march.status == "cancelled"
    assert march.location is not None and march.location.name == "Kolkata"


def test_a_called_off_march_is_not_overdue(store: Store) -> None:
    ahead, overdue = store.upcoming(as_of=date(2025, 11, 20))
    assert sorted(r.article_ids[0] for r in overdue) == ["d-march", "m-rally"]
    assert ahead == []


def test_the_march_called_off_links_with_no_march_when_two_could_be_meant(
    store_url: str,
) -> None:
    second_march = _protest(
        "k-second", "2025-11-09",
        "Teachers in India announced a march in Delhi on Thursday, Indian Express said.",
        status="planned", trigger="march", place=Location("Delhi", "IND", 28.61, 77.21),
        actors=(("media-ie", "Indian Express", "IND"),),
        when=("2025-11-13", "Thursday"))
    with Store(store_url) as opened:
        opened.add([*_story(), second_march])
        groups = _groups(opened)
    assert ("k-off",) in groups and ("k-plan", "k-banned") in groups


def test_the_story_in_any_order_gives_the_same_records(
    store: Store, tmp_path: Path
) -> None:
    expected = [(r.id, r.status, tuple(r.event_ids), tuple(r.conflicts))
                for r in store.records()]
    shuffler = random.Random(20251124)
    for attempt in range(6):
        articles = _story()
        shuffler.shuffle(articles)
        with Store(f"sqlite:///{tmp_path / f'shuffled-{attempt}.db'}") as shuffled:
            for extraction in articles:  # one article per batch, as a slow feed would
                shuffled.add([extraction])
            got = [(r.id, r.status, tuple(r.event_ids), tuple(r.conflicts))
                   for r in shuffled.records()]
        assert got == expected, [e.article.id for e in articles]
