"""The events scorer: matching by overlap, same-type pairs first, and the figures."""

from __future__ import annotations

import json

import pytest

from dateline.errors import InputError
from dateline.eval.events import (
    EventReport,
    GoldEvent,
    LabelledItem,
    evaluate,
    match,
    read_labelled,
    score_item,
)
from dateline.model import Event, EventDate, Participant, Span

TEXT = "Chile and Peru signed a trade deal on Monday. Bolivia criticised the deal."


def gold(event_type: str, trigger: str, status: str = "occurred",
         countries: list[str] | None = None, day: str | None = None) -> GoldEvent:
    start = TEXT.find(trigger)
    return GoldEvent(event_type, None, status, day, [(start, start + len(trigger))], trigger,
                     countries or [])


def system(event_type: str, word: str, status: str = "occurred",
           countries: list[str] | None = None, day: str | None = None) -> Event:
    start = TEXT.find(word)
    return Event(
        id=word, type=event_type, mode=None, cameo=None, status=status,
        date=EventDate(day, "x") if day else None,
        participants=[Participant(None, c, c, "participant") for c in countries or []],
        mentions=[Span(start, start + len(word), word)],
    )


def test_overlapping_mention_matches_and_same_type_pairs_come_first():
    agree = gold("AGREE", "signed a trade deal")
    wrong_type = system("CONSULT", "signed")
    right_type = system("AGREE", "deal")
    pairs = match([agree], [wrong_type, right_type])
    assert pairs == [(agree, right_type)]


def test_wrong_type_still_counts_as_detected_but_not_typed():
    report = EventReport()
    item = LabelledItem("ev-1", None, TEXT, [gold("AGREE", "signed")])  # type: ignore[arg-type]
    score_item(report, item, [system("CONSULT", "signed")])
    assert report.detection_recall == 1.0
    assert report.type_recall == 0.0 and report.type_precision == 0.0


def test_status_date_and_countries_are_scored_on_matched_pairs():
    report = EventReport()
    g = gold("AGREE", "signed", countries=["CHL", "PER"], day="2025-02-03")
    s = system("AGREE", "signed", status="planned", countries=["CHL"], day="2025-02-03")
    score_item(report, LabelledItem("ev-1", None, TEXT, [g]), [s])  # type: ignore[arg-type]
    assert report.status_accuracy == 0.0
    assert report.date_accuracy == 1.0
    assert report.country_accuracy == 0.5


@pytest.mark.parametrize(("got", "agrees"), [
    ("2025-02-03TMO", True), ("2025-02-03T10:00", True), ("2025-02-04TMO", False),
    ("2025-W06", False),
])
def test_a_time_on_the_labelled_day_is_that_date(got: str, agrees: bool):
    report = EventReport()
    g = gold("AGREE", "signed", day="2025-02-03")
    score_item(report, LabelledItem("ev-1", None, TEXT, [g]),  # type: ignore[arg-type]
               [system("AGREE", "signed", day=got)])
    assert report.date_accuracy == (1.0 if agrees else 0.0)


def test_unmatched_system_event_lowers_precision_only():
    report = EventReport()
    item = LabelledItem("ev-1", None, TEXT, [gold("AGREE", "signed")])  # type: ignore[arg-type]
    score_item(report, item, [system("AGREE", "signed"), system("ACCUSE", "criticised")])
    assert report.type_recall == 1.0 and report.type_precision == 0.5


def write(tmp_path, lines: list[dict]) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return str(path)


def item(number: int, text: str, events: list[dict]) -> dict:
    return {"id": f"ev-{number:04d}", "date": "2025-02-03", "text": text, "events": events}


def test_subsets_keep_odd_or_even_ids(tmp_path):
    path = write(tmp_path, [item(n, "Nothing happened.", []) for n in (1, 2, 3)])
    assert [i.id for i in read_labelled(path, "odd")] == ["ev-0001", "ev-0003"]
    assert [i.id for i in read_labelled(path, "even")] == ["ev-0002"]


def test_trigger_missing_from_the_text_names_the_line(tmp_path):
    bad = item(1, "Chile and Peru met.", [{"type": "CONSULT", "trigger": "talked",
                                           "status": "occurred"}])
    with pytest.raises(InputError, match="line 1"):
        read_labelled(write(tmp_path, [bad]))


def test_evaluate_scores_the_pipeline_and_renders_the_figures(tmp_path, nlp):
    path = write(tmp_path, [item(1, "Chile's president met Peru's president in Lima on "
                                    "Monday.", [{
        "type": "CONSULT", "mode": "meeting", "trigger": "met", "status": "occurred",
        "date": "2025-02-03", "participants": [
            {"text": "Chile", "name": "Chile", "country": "CHL", "role": "participant"},
            {"text": "Peru", "name": "Peru", "country": "PER", "role": "participant"}]}])])
    report = evaluate(path)
    assert report.type_f1 == 1.0 and report.status_accuracy == 1.0
    assert report.date_accuracy == 1.0
    text = report.render()
    assert "type           P 1.000  R 1.000  F1 1.000" in text
    assert "CONSULT" in text
