"""When two events are the same real event: the linking rules on their own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateline.link.rules import LinkFeatures, compatible, settings, split_component

MEETING = LinkFeatures(
    type="CONSULT", mode="visit", status="planned", span=(date(2025, 11, 23),) * 2,
    article_date=date(2025, 11, 20), actor_ids=frozenset({"modi", "xi"}),
    location_name="Geneva", location_country="CHE", location_lat=46.2, location_lon=6.14,
)


#: An actor-less march planned in Kolkata, read in an article about India.
MARCH_PLAN = LinkFeatures(
    type="PROTEST", mode=None, status="planned",
    span=(date(2025, 11, 10), date(2025, 11, 16)), article_date=date(2025, 11, 5),
    actor_ids=frozenset(), location_name="Kolkata", location_country="IND",
    location_lat=22.56, location_lon=88.36, named=frozenset({"IND:march"}),
)
#: "The organisers called off the march": no actor, no place, a definite "the march".
CALLED_OFF = LinkFeatures(
    type="PROTEST", mode=None, status="cancelled", span=None,
    article_date=date(2025, 11, 12), actor_ids=frozenset(),
    recalls=frozenset({"IND:march"}),
)


def _both_ways(a: LinkFeatures, b: LinkFeatures) -> bool:
    assert compatible(a, b) == compatible(b, a), "links must be symmetric"
    return compatible(a, b)


def test_the_report_that_it_happened_links_with_the_plan() -> None:
    held = replace(MEETING, status="occurred", article_date=date(2025, 11, 24))
    assert _both_ways(MEETING, held)


def test_dates_a_day_apart_link_and_a_week_apart_do_not() -> None:
    assert _both_ways(MEETING, replace(MEETING, span=(date(2025, 11, 24),) * 2))
    assert not _both_ways(MEETING, replace(MEETING, span=(date(2025, 11, 30),) * 2))


def test_a_postponement_reaches_the_rescheduled_date() -> None:
    postponed = replace(MEETING, status="postponed", span=None,
                        article_date=date(2025, 11, 22))
    held_later = replace(MEETING, status="occurred", span=(date(2025, 12, 5),) * 2,
                         article_date=date(2025, 12, 6))
    assert _both_ways(MEETING, postponed)
    assert _both_ways(postponed, held_later)
    assert not _both_ways(MEETING, held_later)


def test_an_undated_report_is_placed_around_its_article_date() -> None:
    undated = replace(MEETING, span=None, article_date=date(2025, 11, 21))
    assert _both_ways(MEETING, undated)
    assert not _both_ways(MEETING, replace(undated, article_date=date(2026, 2, 1)))


def test_a_vague_date_counts_as_undated() -> None:
    this_year = replace(MEETING, span=(date(2025, 1, 1), date(2025, 12, 31)),
                        article_date=date(2025, 3, 1))
    assert this_year.reach() == (date(2025, 3, 1), date(2025, 3, 15))


def test_an_undated_report_looks_back_when_past_and_ahead_when_planned() -> None:
    undated = replace(MEETING, span=None, article_date=date(2025, 11, 20))
    assert replace(undated, status="occurred").reach() == (date(2025, 11, 6),
                                                           date(2025, 11, 20))
    assert undated.reach() == (date(2025, 11, 20), date(2025, 12, 4))
    assert replace(undated, status="cancelled").reach() == (date(2025, 11, 6),
                                                            date(2025, 12, 4))


def test_a_placeless_report_does_not_join_two_cities_into_one_record() -> None:
    vienna = replace(MEETING, location_name="Vienna", location_country="AUT",
                     location_lat=48.21, location_lon=16.37, article_date=date(2025, 11, 21))
    somewhere = replace(MEETING, location_name=None, article_date=date(2025, 11, 22))
    assert _both_ways(MEETING, somewhere) and _both_ways(vienna, somewhere)
    records = split_component([("geneva", MEETING), ("vienna", vienna),
                               ("somewhere", somewhere)])
    assert records == [["geneva", "somewhere"], ["vienna"]]


def test_a_postponed_story_stays_one_record_when_split() -> None:
    postponed = replace(MEETING, status="postponed", span=None,
                        article_date=date(2025, 11, 22))
    held = replace(MEETING, status="occurred", span=(date(2025, 12, 5),) * 2,
                   article_date=date(2025, 12, 6))
    assert split_component([(1, MEETING), (2, postponed), (3, held)]) == [[1, 2, 3]]


def test_participants_must_overlap_without_a_stranger_on_each_side() -> None:
    assert _both_ways(MEETING, replace(MEETING, actor_ids=frozenset({"xi"})))
    assert not _both_ways(MEETING, replace(MEETING, actor_ids=frozenset({"xi", "putin"})))
    assert not _both_ways(MEETING, replace(MEETING, actor_ids=frozenset({"putin"})))
    three = replace(MEETING, actor_ids=frozenset({"modi", "xi", "putin"}))
    assert _both_ways(MEETING, three)


def test_types_link_within_a_family_only() -> None:
    attack = replace(MEETING, type="ASSAULT", mode=None)
    assert settings().family("COERCE") == settings().family("ASSAULT")
    assert _both_ways(attack, replace(attack, type="COERCE"))
    assert not _both_ways(MEETING, replace(MEETING, type="ACCUSE"))


def test_a_call_is_not_a_visit_but_an_unknown_mode_is_either() -> None:
    assert not _both_ways(MEETING, replace(MEETING, mode="phone"))
    assert _both_ways(MEETING, replace(MEETING, mode=None))


def test_places_link_by_name_distance_or_country() -> None:
    lausanne = replace(MEETING, location_name="Lausanne", location_lat=46.52,
                       location_lon=6.63)
    vienna = replace(MEETING, location_name="Vienna", location_country="AUT",
                     location_lat=48.21, location_lon=16.37)
    no_coordinates = replace(MEETING, location_name="Bern", location_lat=None,
                             location_lon=None)
    assert _both_ways(MEETING, lausanne)
    assert not _both_ways(MEETING, vienna)
    assert _both_ways(replace(MEETING, location_lat=None), no_coordinates)
    assert _both_ways(MEETING, replace(MEETING, location_name=None))


def test_keys_name_the_family_each_actor_and_the_place() -> None:
    assert MEETING.keys() == ["CONSULT|at:CHE:geneva", "CONSULT|modi", "CONSULT|xi"]
    assert replace(MEETING, location_name=None).keys() == ["CONSULT|modi", "CONSULT|xi"]
    assert replace(MEETING, actor_ids=frozenset(), location_name=None).keys() == []


def test_events_without_actors_link_by_the_same_named_place() -> None:
    crowd = replace(MARCH_PLAN, article_date=date(2025, 11, 6))
    assert _both_ways(MARCH_PLAN, crowd)
    assert _both_ways(MARCH_PLAN, replace(crowd, actor_ids=frozenset({"veterans"})))
    assert not _both_ways(MARCH_PLAN, replace(crowd, location_name="Howrah",
                                              location_lat=22.59, location_lon=88.31))
    assert not _both_ways(MARCH_PLAN, replace(crowd, location_country="BGD"))
    assert not _both_ways(replace(MARCH_PLAN, location_name=None),
                          replace(crowd, location_name=None))


def test_a_back_reference_links_with_the_event_it_names_in_the_same_country() -> None:
    assert CALLED_OFF.is_back_reference
    assert _both_ways(MARCH_PLAN, CALLED_OFF)
    assert not _both_ways(MARCH_PLAN, replace(CALLED_OFF, recalls=frozenset({"IND:rally"})))
    assert not _both_ways(MARCH_PLAN, replace(CALLED_OFF, recalls=frozenset({"BGD:march"})))
    assert not _both_ways(MARCH_PLAN, replace(CALLED_OFF, type="CONSULT"))
    assert not _both_ways(MARCH_PLAN, replace(CALLED_OFF, article_date=date(2025, 12, 20)))


def test_a_back_reference_points_back_not_forward() -> None:
    later_plan = replace(MARCH_PLAN, article_date=date(2025, 11, 13))
    assert not _both_ways(later_plan, CALLED_OFF)
    assert _both_ways(replace(later_plan, article_date=CALLED_OFF.article_date), CALLED_OFF)


def test_two_back_references_do_not_link_with_each_other() -> None:
    assert not _both_ways(CALLED_OFF, replace(CALLED_OFF, status="cancelled"))


def test_a_back_reference_joins_its_one_referent_and_no_record_when_two_fit() -> None:
    banned = replace(MARCH_PLAN, status="planned", article_date=date(2025, 11, 11),
                     span=(date(2025, 11, 12),) * 2)
    assert split_component([("plan", MARCH_PLAN), ("banned", banned),
                            ("called off", CALLED_OFF)]) == [["plan", "banned", "called off"]]
    mumbai = replace(MARCH_PLAN, location_name="Mumbai", location_lat=19.07,
                     location_lon=72.88, article_date=date(2025, 11, 7))
    assert split_component([("plan", MARCH_PLAN), ("mumbai", mumbai),
                            ("called off", CALLED_OFF)]) == [
        ["plan"], ["mumbai"], ["called off"]]


def test_a_back_reference_reported_first_still_joins_in_report_order() -> None:
    same_day = replace(MARCH_PLAN, article_date=CALLED_OFF.article_date)
    assert split_component([("called off", CALLED_OFF), ("plan", same_day)]) == [
        ["called off", "plan"]]


def test_events_that_link_share_a_stored_key_and_a_searched_key_both_ways() -> None:
    variants = [
        MEETING, MARCH_PLAN, CALLED_OFF, replace(MARCH_PLAN, article_date=date(2025, 11, 6)),
        replace(MARCH_PLAN, actor_ids=frozenset({"veterans"})),
        replace(MEETING, location_name=None), replace(MEETING, actor_ids=frozenset()),
    ]
    for a in variants:
        for b in variants:
            if a is not b and compatible(a, b):
                assert set(a.search_keys()) & set(b.keys()), (a, b)
                assert set(b.search_keys()) & set(a.keys()), (a, b)


def test_no_reach_is_longer_than_the_bound_the_store_searches() -> None:
    postponed = replace(MEETING, status="postponed",
                        span=(date(2025, 11, 1), date(2026, 1, 31)))
    start, end = postponed.reach()
    assert end - start <= settings().longest_reach


def test_a_postponement_after_a_report_that_it_was_held_is_another_event() -> None:
    held = replace(MEETING, status="occurred", span=None, article_date=date(2025, 11, 3))
    postponed = replace(MEETING, status="postponed", span=None,
                        article_date=date(2025, 11, 12))
    assert not _both_ways(held, postponed)
    assert _both_ways(replace(held, article_date=date(2025, 11, 14)), postponed)
