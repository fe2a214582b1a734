"""A record's story: status, best date and conflicts from its reports."""

from __future__ import annotations

from datetime import date

from story_corpus import GENEVA, MODI, PUTIN, VIENNA, XI, record_from, report


def test_latest_report_gives_the_status() -> None:
    record = record_from(report("a1", "2025-11-20", "planned", "2025-11-23"),
                         report("a2", "2025-11-22", "postponed"))
    assert record.status == "postponed"


def test_a_late_plan_does_not_undo_a_report_that_it_happened() -> None:
    record = record_from(report("a1", "2025-11-24", "occurred", "2025-11-23"),
                         report("a2", "2025-11-25", "planned", "2025-11-23", source="AP"))
    assert record.status == "occurred"


def test_a_hypothetical_report_does_not_override_a_plan() -> None:
    record = record_from(report("a1", "2025-11-20", "planned", "2025-11-23"),
                         report("a2", "2025-11-21", "hypothetical"))
    assert record.status == "planned"


def test_a_new_plan_after_a_cancellation_revives_the_event() -> None:
    record = record_from(report("a1", "2025-11-20", "planned", "2025-11-23"),
                         report("a2", "2025-11-21", "cancelled"),
                         report("a3", "2025-11-22", "planned", "2025-11-23"),
                         report("a4", "2025-11-24", "occurred", "2025-11-23"))
    assert record.status == "occurred"
    assert record.conflicts == []


def test_best_date_of_a_held_event_is_the_one_most_articles_give() -> None:
    record = record_from(report("a1", "2025-11-24", "occurred", "2025-11-22"),
                         report("a2", "2025-11-24", "occurred", "2025-11-23", source="AP"),
                         report("a3", "2025-11-25", "occurred", "2025-11-23", source="DW"))
    assert record.date is not None and record.date.earliest == date(2025, 11, 23)
    assert record.conflicts == [
        "dates disagree: 2025-11-22 (AFP, 2025-11-24) vs 2025-11-23 (AP, 2025-11-24)"]


def test_a_reschedule_replaces_the_planned_date() -> None:
    record = record_from(report("a1", "2025-11-20", "planned", "2025-11-23"),
                         report("a2", "2025-11-22", "postponed"),
                         report("a3", "2025-11-25", "planned", "2025-12-05"))
    assert record.status == "planned"
    assert record.date is not None and record.date.value == "2025-12-05"
    assert record.conflicts == []  # the postponement explains the new date


def test_held_off_the_planned_date_without_a_postponement_is_flagged() -> None:
    record = record_from(report("a1", "2025-11-20", "planned", "2025-11-23"),
                         report("a2", "2025-11-27", "occurred", "2025-11-26"))
    assert record.conflicts == [
        "held on a different date than planned: 2025-11-26 (AFP, 2025-11-27) vs planned "
        "2025-11-23 (AFP, 2025-11-20)"]


def test_places_that_cannot_be_one_place_are_flagged() -> None:
    record = record_from(report("a1", "2025-11-24", "occurred", "2025-11-23", place=GENEVA),
                         report("a2", "2025-11-24", "occurred", "2025-11-23", place=VIENNA))
    assert record.conflicts == ["places disagree: Geneva (a1) vs Vienna (a2)"]


def test_record_id_comes_from_the_first_report_whatever_the_input_order() -> None:
    reports = [report("a2", "2025-11-24", "occurred", "2025-11-23"),
               report("a1", "2025-11-20", "planned", "2025-11-23")]
    forward = record_from(*reports)
    backward = record_from(*reversed([report("a2", "2025-11-24", "occurred", "2025-11-23"),
                                      report("a1", "2025-11-20", "planned", "2025-11-23")]))
    assert forward.id == backward.id and forward.event_ids == ["a1-e1", "a2-e1"]
    assert forward.first_reported == date(2025, 11, 20)
    assert forward.last_reported == date(2025, 11, 24)


def test_participants_are_the_union_by_actor_id() -> None:
    record = record_from(report("a1", "2025-11-24", "occurred", "2025-11-23", who=(MODI, XI)),
                         report("a2", "2025-11-24", "occurred", "2025-11-23",
                                who=(XI, MODI, PUTIN)))
    assert [p.actor_id for p in record.participants] == [MODI.id, XI.id, PUTIN.id]
