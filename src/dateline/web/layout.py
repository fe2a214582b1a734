"""Coordinates for the inline SVG drawings: the time axis and the actor network.

Plain arithmetic, no drawing: the templates turn these into ``<svg>`` elements, so the pages
need no JavaScript library and work without internet access.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.model import EVENT_TYPES
from dateline.web.views import Plotted, Tie

#: An event dated this precisely or better sets the axis range; vaguer dates ("2020",
#: "last month") are drawn as bars clipped to it rather than stretching it to years.
_PRECISE_DAYS = 7
_LANE_LABEL_WIDTH = 96
_ROW_HEIGHT = 16
_LANE_PADDING = 8
_AXIS_HEIGHT = 30
_MARK_RADIUS = 6


@dataclass(slots=True)
class Mark:
    item: Plotted
    x: float
    x_end: float
    y: float
    #: True when the event's dates run past the axis on the left or right.
    clipped_start: bool = False
    clipped_end: bool = False

    @property
    def is_span(self) -> bool:
        return self.x_end - self.x > 2 * _MARK_RADIUS


@dataclass(slots=True)
class Lane:
    type: str
    y: float
    height: float


@dataclass(slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class TimeAxis:
    start: date
    end: date
    width: int
    height: float
    plot_left: int
    lanes: list[Lane] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    #: Items whose dates fall wholly outside the axis range (listed, not drawn).
    outside: list[Plotted] = field(default_factory=list)


def time_axis(
    items: Sequence[Plotted], since: date | None = None, until: date | None = None,
    width: int = 960,
) -> TimeAxis:
    """Lay ``items`` out on a time axis, one lane per event type (PLOVER order)."""
    spans = [(item, item.first, item.last) for item in items]
    start, end = _domain([(s, e) for _, s, e in spans], since, until)
    plot_left, plot_right = _LANE_LABEL_WIDTH, width - 16
    days = (end - start).days + 1
    scale = (plot_right - plot_left) / days

    def x_of(day: date) -> float:
        return plot_left + (day - start).days * scale

    axis = TimeAxis(start=start, end=end, width=width, height=0, plot_left=plot_left)
    by_type: dict[str, list[tuple[Plotted, date, date]]] = {}
    for event, first, last in spans:
        if last < start or first > end:
            axis.outside.append(event)
            continue
        by_type.setdefault(event.type, []).append((event, first, last))
    order = {name: index for index, name in enumerate(EVENT_TYPES)}
    y = float(_AXIS_HEIGHT)
    for event_type in sorted(by_type, key=lambda t: (order.get(t, len(order)), t)):
        rows: list[float] = []  # right edge of the last mark placed in each row
        lane_marks: list[tuple[Mark, int]] = []
        for event, first, last in sorted(by_type[event_type], key=lambda item: item[1]):
            left = x_of(max(first, start)) + scale / 2
            right = x_of(min(last, end)) + scale / 2
            row = next((i for i, edge in enumerate(rows) if edge < left - _MARK_RADIUS), None)
            if row is None:
                rows.append(0.0)
                row = len(rows) - 1
            rows[row] = right + _MARK_RADIUS
            mark = Mark(event, left, right, 0.0, clipped_start=first < start,
                        clipped_end=last > end)
            lane_marks.append((mark, row))
        height = len(rows) * _ROW_HEIGHT + 2 * _LANE_PADDING
        for mark, row in lane_marks:
            mark.y = y + _LANE_PADDING + row * _ROW_HEIGHT + _ROW_HEIGHT / 2
            axis.marks.append(mark)
        axis.lanes.append(Lane(event_type, y, height))
        y += height
    axis.height = max(y, _AXIS_HEIGHT + 2 * _LANE_PADDING + _ROW_HEIGHT) + 4
    axis.ticks = [Tick(x_of(day) + scale / 2 if days <= 62 else x_of(day), label)
                  for day, label in _ticks(start, end)]
    return axis


def _domain(
    spans: Sequence[tuple[date, date]], since: date | None, until: date | None
) -> tuple[date, date]:
    precise = [(s, e) for s, e in spans if (e - s).days < _PRECISE_DAYS]
    chosen = precise or list(spans)
    if since is None:
        since = min((s for s, _ in chosen), default=until or date.today()) - timedelta(days=1)
    if until is None:
        until = max((e for _, e in chosen), default=since) + timedelta(days=1)
    if until < since:
        since, until = until, since
    if (until - since).days < 6:  # a week at least, so one event is not a full-width bar
        middle = since + (until - since) / 2
        since, until = middle - timedelta(days=3), middle + timedelta(days=3)
    return since, until


def _ticks(start: date, end: date) -> list[tuple[date, str]]:
    days = (end - start).days + 1
    if days <= 16:
        return [(start + timedelta(days=n), (start + timedelta(days=n)).strftime("%d %b"))
                for n in range(days)]
    if days <= 62:
        step = 2 if days <= 31 else 7
        first = start + timedelta(days=(7 - start.weekday()) % 7) if step == 7 else start
        return [(first + timedelta(days=n), (first + timedelta(days=n)).strftime("%d %b"))
                for n in range(0, (end - first).days + 1, step)]
    if days <= 3 * 366:
        months = []
        day = date(start.year, start.month, 1)
        every = 1 if days <= 400 else 3
        while day <= end:
            if day >= start and (day.month - 1) % every == 0:
                months.append((day, day.strftime("%b %Y")))
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return months
    step = max(1, math.ceil((end.year - start.year) / 12))
    return [(date(year, 1, 1), str(year))
            for year in range(start.year + 1, end.year + 1, step)]


@dataclass(slots=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    weight: int
    centre: bool = False


@dataclass(slots=True)
class Edge:
    tie: Tie
    x1: float
    y1: float
    x2: float
    y2: float
    #: The commonest event type between the two, for the colour.
    main_type: str
    label: str


@dataclass(slots=True)
class Network:
    width: int
    height: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def ego_network(
    centre_id: str, names: dict[str, str], ties: Sequence[Tie], max_partners: int = 14,
) -> Network:
    """The actor in the middle, its partners on a circle (strongest first, clockwise from
    the top), and the ties among all of them. The drawing grows with the partners."""
    weight: dict[str, int] = {}
    for tie in ties:
        for end in (tie.source_id, tie.target_id):
            if end != centre_id:
                weight[end] = weight.get(end, 0) + tie.weight
    partners = sorted(weight, key=lambda a: (-weight[a], names.get(a, a)))[:max_partners]
    size = max(380, min(600, 260 + 30 * len(partners)))
    centre = size / 2
    radius = size / 2 - 80
    network = Network(width=size, height=size)
    places = {centre_id: (centre, centre)}
    network.nodes.append(Node(centre_id, names.get(centre_id, centre_id), centre, centre,
                              sum(weight.values()), centre=True))
    # Rotated so that with one or two partners the edges run sideways, clear of the
    # centre's label below it.
    first_angle = 0.0 if len(partners) == 1 else -math.pi / 2 + math.pi / max(len(partners), 1)
    for index, actor_id in enumerate(partners):
        angle = first_angle + 2 * math.pi * index / max(len(partners), 1)
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        places[actor_id] = (x, y)
        network.nodes.append(Node(actor_id, names.get(actor_id, actor_id), x, y,
                                  weight[actor_id]))
    for tie in ties:
        if tie.source_id not in places or tie.target_id not in places:
            continue
        (x1, y1), (x2, y2) = places[tie.source_id], places[tie.target_id]
        # Stop the line at the target's circle so its arrowhead stays visible.
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        shorten = 14 / length
        main_type = max(tie.types, key=lambda t: (tie.types[t], t))
        label = ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in sorted(tie.types.items()))
        network.edges.append(Edge(tie, x1, y1, x2 - (x2 - x1) * shorten,
                                  y2 - (y2 - y1) * shorten, main_type, label))
    return network
