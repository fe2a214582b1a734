"""The arithmetic behind the time axis and the actor network."""

from __future__ import annotations

from datetime import date

from dateline.web.layout import ego_network, time_axis
from dateline.web.views import Plotted, Tie


def _plotted(id: str, type: str, first: date, last: date | None = None,
             status: str = "occurred") -> Plotted:
    return Plotted(id, type, status, first, last or first, True, id)


def test_one_lane_per_type_in_plover_order():
    axis = time_axis([_plotted("a", "ASSAULT", date(2025, 1, 5)),
                      _plotted("b", "AGREE", date(2025, 1, 6))])
    assert [lane.type for lane in axis.lanes] == ["AGREE", "ASSAULT"]


def test_later_events_are_further_right():
    axis = time_axis([_plotted("a", "AGREE", date(2025, 1, 5)),
                      _plotted("b", "AGREE", date(2025, 1, 9))])
    x = {mark.item.id: mark.x for mark in axis.marks}
    assert x["a"] < x["b"]


def test_events_on_the_same_day_do_not_overlap():
    axis = time_axis([_plotted(str(n), "CONSULT", date(2025, 1, 5)) for n in range(3)])
    assert len({mark.y for mark in axis.marks}) == 3


def test_vague_dates_do_not_stretch_the_axis():
    axis = time_axis([_plotted("day", "AGREE", date(2025, 3, 4)),
                      _plotted("year", "AGREE", date(2020, 1, 1), date(2020, 12, 31))])
    assert axis.start.year == 2025
    assert [item.id for item in axis.outside] == ["year"]


def test_a_long_span_overlapping_the_axis_is_a_clipped_bar():
    axis = time_axis([_plotted("day", "AGREE", date(2025, 3, 4)),
                      _plotted("month", "CONSULT", date(2025, 3, 1), date(2025, 3, 31))])
    bar = next(mark for mark in axis.marks if mark.item.id == "month")
    assert bar.is_span and bar.clipped_end


def test_given_range_fixes_the_axis():
    axis = time_axis([_plotted("a", "AGREE", date(2025, 3, 4))], since=date(2025, 1, 1),
                     until=date(2025, 12, 31))
    assert (axis.start, axis.end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert axis.ticks and axis.ticks[0].label == "Jan 2025"


def test_network_puts_the_actor_in_the_middle_and_partners_around():
    ties = [Tie("a", "b", True, {"ACCUSE": 2}), Tie("a", "c", False, {"CONSULT": 1}),
            Tie("b", "c", False, {"AGREE": 1})]
    network = ego_network("a", {"a": "A", "b": "B", "c": "C"}, ties)
    centre = next(node for node in network.nodes if node.centre)
    assert centre.id == "a" and centre.x == network.width / 2
    assert {node.id for node in network.nodes} == {"a", "b", "c"}
    assert len(network.edges) == 3
    assert next(e for e in network.edges if e.tie.target_id == "b").main_type == "ACCUSE"
