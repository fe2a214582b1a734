"""Dates anchored on events are resolved once the anchoring event is dated."""

from __future__ import annotations

TEXT = ("Leaders of the Andean states met in Quito on Friday for a summit. "
        "On the eve of the summit, Peru's president spoke by phone with Ecuador's president. "
        "Two days after the summit, Bolivia imposed sanctions on Chile.")


def event(extraction, mode: str):
    [found] = [e for e in extraction.events if e.mode == mode]
    return found


def test_eve_of_a_dated_summit_is_the_day_before(extract):
    x = extract(TEXT, date="2024-03-04")
    call = event(x, "phone")
    assert call.date is not None and call.date.value == "2024-02-29"
    assert call.date.text == "the eve of the summit"


def test_days_after_an_event_count_from_its_date(extract):
    x = extract(TEXT, date="2024-03-04")
    sanctions = event(x, "sanctions")
    assert sanctions.date is not None and sanctions.date.value == "2024-03-03"


def test_resolved_expression_replaces_the_undated_one_and_names_its_event(extract):
    x = extract(TEXT, date="2024-03-04")
    meeting = event(x, "meeting")
    anchored = [t for t in x.timexes if t.anchor]
    assert {t.anchor for t in anchored} == {f"event:{meeting.id}"}
    assert not [t for t in x.timexes if t.value.startswith("XXXX")]


def test_eve_of_an_undated_event_stays_undated(extract):
    x = extract("On the eve of the summit, the two presidents spoke by phone.",
                date="2024-03-04")
    assert all(e.date is None for e in x.events)
