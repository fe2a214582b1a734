"""Expressions anchored on events: found apart, dated only once the event's date is known."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex import AnchorDateError, anchored_timexes, resolve, tag

DCT = date(2024, 3, 4)
TEXT = ("On the eve of the summit in Delhi, Modi spoke with Xi. "
        "Two days after the talks, troops withdrew. "
        "The day before the meeting, aides quarrelled.")


def anchored_by_np():
    return {a.anchor_text: a for a in anchored_timexes(TEXT, DCT)}


def test_anchored_expressions_name_their_noun_phrase():
    found = anchored_by_np()
    assert set(found) == {"the summit", "the talks", "the meeting"}
    for anchored in found.values():
        assert TEXT[anchored.anchor_start:anchored.anchor_end] == anchored.anchor_text


def test_unresolved_anchored_day_claims_no_date():
    values = {t.text: t.value for t in tag(TEXT, DCT)}
    assert values["the eve"] == "XXXX-XX-XX"
    assert values["The day before"] == "XXXX-XX-XX"
    assert values["Two days"] == "P2D"


def test_eve_of_resolves_to_the_day_before_the_event():
    resolved = resolve(anchored_by_np()["the summit"], "2024-02-27", "e1", TEXT)
    assert (resolved.text, resolved.type, resolved.value, resolved.anchor) == (
        "the eve of the summit", "DATE", "2024-02-26", "event:e1")


def test_offset_after_an_event_counts_forward():
    resolved = resolve(anchored_by_np()["the talks"], "2024-02-27")
    assert resolved.value == "2024-02-29"


def test_day_before_the_meeting_counts_back():
    assert resolve(anchored_by_np()["the meeting"], "2024-03-01").value == "2024-02-29"


def test_resolution_is_no_finer_than_the_event_date():
    resolved = resolve(anchored_by_np()["the summit"], "2024-02")
    assert (resolved.earliest, resolved.latest) == ("2024-01-31", "2024-02-28")
    assert resolved.value == "2024-Q1"


def test_event_date_that_is_not_a_calendar_value_is_refused():
    with pytest.raises(AnchorDateError, match="not a calendar value"):
        resolve(anchored_by_np()["the summit"], "PAST_REF")


def test_the_next_day_without_an_event_uses_the_moving_reference():
    assert anchored_timexes("On May 2, 2023, they met. The next day they left.", DCT) == []


def test_a_date_inside_the_anchoring_phrase_dates_the_expression_at_once():
    text = "The day before the March 3 meeting, aides quarrelled."
    timex = tag(text, DCT)[0]
    assert (timex.text, timex.value, timex.anchor) == ("The day before", "2024-03-02",
                                                       f"timex:{text.index('March')}")


def test_a_week_inside_the_anchoring_phrase_bounds_the_eve_without_a_day():
    timex = tag("On the eve of last week's summit, Modi called Xi.", DCT)[0]
    assert (timex.earliest, timex.latest) == ("2024-02-25", "2024-03-02")
    assert timex.value == "2024-Q1"
