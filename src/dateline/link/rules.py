"""When two events read from different articles are the same real event.

Two events link when all of these hold (numbers in ``data/linking.yaml``):

- **type**: the same PLOVER type, or types of one family (ASSAULT and COERCE);
- **mode**: equal, or unknown on either side (a phone call is not a visit);
- **participants**: when both name actors, they share an actor id, and either one side's
  actors are all among the other's, or they share at least two (Xi-Modi links with Xi
  alone, not with Xi-Putin);
- **identity**: something says they are one event: the shared actors above; or, when
  either side names no actor (a march by unnamed crowds), **the same place**: both are
  located, with the same place name in the same country; or a **back-reference** (below);
- **dates**: their *reach* overlaps, give or take ``date_tolerance_days``. The reach of a
  dated event is its calendar span; of an undated (or vaguely dated) one, the
  ``undated_window_days`` before its article date when it is reported as past (occurred),
  after it when planned or hypothetical, both sides otherwise; a postponement reaches
  ``postponement_reach_days`` past its report, so a planned date, its postponement and the
  later report that it was held fall into one record; but a postponement published after a
  report that the event was held is another event;
- **place**: unknown on either side, the same name, within ``same_place_km``, or (without
  coordinates) the same country.

**Back-references.** A report that names neither actors nor a place ("The organisers called
off the march.") links through its article: a mention introduced by a definite determiner
("the march", "the planned march") presupposes an event its reader knows, so it links with
an event of the same type family, published on the same day or before, with a mention of
the same head noun ("march"), read in an article whose country focus it shares (the
countries most of each article's actors belong to; ``dateline.link.cues``), and whose date
falls within its reach. A back-reference never serves as the antecedent of another.

**Records.** Linked events form *components* (connected groups: A links with B, B with C).
A component is then split into records in report order (article date, article id, event
id): each event joins the first record holding an event it links with and nothing it
cannot be one with (another place, mode or pair of participants: the dates are not
compared here, so a planned date, a postponement and a later meeting stay together); else
it starts a record. An undated report of a place-less summit links with two summits in two
cities, but these stay two records. Back-references come last: each joins the one record
holding an event it points back to (and nothing it cannot be one with); when two records
could be "the march", the description is ambiguous and it stays a record of its own. Both
steps depend only on which events are stored, so the records are the same whatever order
the articles arrived in.

**Blocking**: two events that may link share a key: ``family|actor id`` for each actor;
``family|at:COUNTRY:place`` for a located event; ``family|named:COUNTRY:head`` for what a
back-reference may point to, found by the ``family|recall:COUNTRY:head`` it looks for (and
the other way round: an event stores one and searches the other, so that only
back-references, which are rare, read the many events of a country). The store indexes keys
with the start of the reach, so finding candidates for a new event reads only its
neighbours, whatever the size of the store.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml

from dateline.errors import DatelineError

T = TypeVar("T")


class LinkingConfigError(DatelineError):
    """``dateline/link/data/linking.yaml`` is missing a setting or has a bad value."""


@dataclass(frozen=True, slots=True)
class LinkSettings:
    families: dict[str, str]
    date_tolerance: timedelta
    undated_window: timedelta
    vague_date_days: int
    postponement_reach: timedelta
    same_place_km: float

    def family(self, event_type: str) -> str:
        return self.families.get(event_type.upper(), event_type.upper())

    @property
    def longest_reach(self) -> timedelta:
        """No event's reach is longer than this: bounds the store's candidate search."""
        return (
            timedelta(days=self.vague_date_days) + 2 * self.undated_window
            + self.postponement_reach
        )


SETTINGS_PATH = resources.files("dateline.link") / "data" / "linking.yaml"


@cache
def settings_document() -> dict[str, Any]:
    """``dateline/link/data/linking.yaml``, parsed once for every reader of a section."""
    return yaml.safe_load(SETTINGS_PATH.read_text(encoding="utf-8")) or {}


@cache
def settings() -> LinkSettings:
    """The linking settings shipped in ``dateline/link/data/linking.yaml``."""
    path = SETTINGS_PATH
    data = settings_document()
    try:
        families = {
            str(event_type).upper(): str(family)
            for family, types in (data.get("type_families") or {}).items()
            for event_type in types
        }
        return LinkSettings(
            families=families,
            date_tolerance=timedelta(days=int(data["date_tolerance_days"])),
            undated_window=timedelta(days=int(data["undated_window_days"])),
            vague_date_days=int(data["vague_date_days"]),
            postponement_reach=timedelta(days=int(data["postponement_reach_days"])),
            same_place_km=float(data["same_place_km"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise LinkingConfigError(
            f"{path}: setting {error} is missing or not a number. Restore it from the "
            "documented defaults in that file's comments"
        ) from error


#: Undated reports with these statuses speak of the days after the article.
FORWARD_STATUSES = frozenset({"planned", "hypothetical"})
#: Undated reports with these statuses speak of the days before the article.
BACKWARD_STATUSES = frozenset({"occurred"})


@dataclass(frozen=True, slots=True)
class LinkFeatures:
    """What linking needs to know about one stored event."""

    type: str
    mode: str | None
    status: str
    #: First and last calendar day of the event's date, or None when it names none.
    span: tuple[date, date] | None
    article_date: date
    actor_ids: frozenset[str]
    location_name: str | None = None
    location_country: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    #: ``COUNTRY:head`` cues a back-reference may point to this event by (see ``cues``).
    named: frozenset[str] = frozenset()
    #: ``COUNTRY:head`` cues this back-reference points back with (see ``cues``).
    recalls: frozenset[str] = frozenset()

    @property
    def family(self) -> str:
        return settings().family(self.type)

    @property
    def is_back_reference(self) -> bool:
        """Whether the event names neither actors nor a place and points back to another."""
        return bool(self.recalls) and not self.actor_ids and not self.location_name

    def place_key(self) -> str | None:
        if not self.location_name:
            return None
        country = (self.location_country or "").strip().upper()
        return f"{self.family}|at:{country}:{self.location_name.strip().casefold()}"

    def _identity_keys(self) -> set[str]:
        keys = {f"{self.family}|{actor_id}" for actor_id in self.actor_ids}
        if (place := self.place_key()) is not None:
            keys.add(place)
        return keys

    def keys(self) -> list[str]:
        """Blocking keys stored for this event: an event can only link with one whose
        ``search_keys`` include one of them (see the module's rules)."""
        keys = self._identity_keys()
        keys.update(f"{self.family}|named:{cue}" for cue in self.named)
        keys.update(f"{self.family}|recall:{cue}" for cue in self.recalls)
        return sorted(keys)

    def search_keys(self) -> list[str]:
        """The stored keys of the events this one may link with."""
        keys = self._identity_keys()
        keys.update(f"{self.family}|recall:{cue}" for cue in self.named)
        keys.update(f"{self.family}|named:{cue}" for cue in self.recalls)
        return sorted(keys)

    def reach(self) -> tuple[date, date]:
        """The days this event may fall on, for linking (see the module's rules)."""
        rules = settings()
        span = self.span
        if span is None or (span[1] - span[0]).days + 1 > rules.vague_date_days:
            # An undated report of what happened speaks of the days before it; of a plan,
            # of the days after.
            before = self.status not in FORWARD_STATUSES
            after = self.status not in BACKWARD_STATUSES
            start = self.article_date - (rules.undated_window if before else timedelta())
            end = self.article_date + (rules.undated_window if after else timedelta())
        else:
            start, end = span
        if self.status == "postponed":
            start = min(start, self.article_date - rules.undated_window)
            end = max(end, self.article_date) + rules.postponement_reach
        return start, end


def _share_participants(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    return bool(shared) and (len(shared) >= 2 or a <= b or b <= a)


def _participants_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    # An event that names no actor contradicts nobody.
    return not a or not b or _share_participants(a, b)


def _same_named_place(a: LinkFeatures, b: LinkFeatures) -> bool:
    place = a.place_key()
    return place is not None and place == b.place_key()


def points_back(reference: LinkFeatures, antecedent: LinkFeatures) -> bool:
    """Whether ``reference`` is a back-reference to ``antecedent`` by its cues (the type
    family and dates are left to ``compatible``)."""
    return (
        reference.is_back_reference and not antecedent.is_back_reference
        and bool(reference.recalls & antecedent.named)
        and antecedent.article_date <= reference.article_date
    )


def identified(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Whether something says two events are one: shared actors, or, when either names
    none, the same named place or a back-reference."""
    if a.actor_ids and b.actor_ids:
        return _share_participants(a.actor_ids, b.actor_ids)
    return _same_named_place(a, b) or points_back(a, b) or points_back(b, a)


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Haversine on a sphere of the Earth's mean radius: ample for "the same city".
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def same_place(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Whether two events' places may be one place (True when either is unknown)."""
    if not a.location_name or not b.location_name:
        return True
    if a.location_name.strip().casefold() == b.location_name.strip().casefold():
        return True
    if None not in (a.location_lat, a.location_lon, b.location_lat, b.location_lon):
        distance = _distance_km(
            a.location_lat, a.location_lon, b.location_lat, b.location_lon  # type: ignore[arg-type]
        )
        return distance <= settings().same_place_km
    if a.location_country and b.location_country:
        return a.location_country.upper() == b.location_country.upper()
    return True


def reaches_overlap(a: LinkFeatures, b: LinkFeatures) -> bool:
    tolerance = settings().date_tolerance
    a_start, a_end = a.reach()
    b_start, b_end = b.reach()
    return a_start <= b_end + tolerance and b_start <= a_end + tolerance


def may_be_one(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Whether two events may be one event, leaving their dates aside: type family, mode,
    participants and place do not contradict each other."""
    return (
        a.family == b.family
        and (a.mode is None or b.mode is None or a.mode == b.mode)
        and _participants_agree(a.actor_ids, b.actor_ids)
        and same_place(a, b)
    )


def _story_possible(a: LinkFeatures, b: LinkFeatures) -> bool:
    # Nothing is postponed after it was reported held: a later postponement is another event.
    earlier, later = sorted((a, b), key=lambda f: f.article_date)
    return not (earlier.status == "occurred" and later.status == "postponed"
                and later.article_date > earlier.article_date)


def compatible(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Whether two events describe the same real event (symmetric; see the module's rules)."""
    return (may_be_one(a, b) and identified(a, b) and reaches_overlap(a, b)
            and _story_possible(a, b))


def split_component(members: Sequence[tuple[T, LinkFeatures]]) -> list[list[T]]:
    """Records of one component: ``members`` (key, features) in report order, split as the
    module's docstring says. Each record lists its keys in report order."""
    records: list[list[tuple[int, LinkFeatures]]] = []
    references: list[tuple[int, LinkFeatures]] = []
    for index, (_, features) in enumerate(members):
        if features.is_back_reference:
            references.append((index, features))
            continue
        for record in records:
            if any(compatible(features, other) for _, other in record) and all(
                    may_be_one(features, other) for _, other in record):
                record.append((index, features))
                break
        else:
            records.append([(index, features)])
    # A definite description needs one referent: the records known before any
    # back-reference joins them, so the answer does not depend on the order of references.
    referents = [
        [record for record in records
         if any(compatible(features, other) for _, other in record)
         and all(may_be_one(features, other) for _, other in record)]
        for _, features in references
    ]
    for (index, features), candidates in zip(references, referents, strict=True):
        if len(candidates) == 1:
            candidates[0].append((index, features))
        else:
            records.append([(index, features)])
    return [[members[index][0] for index, _ in sorted(record, key=lambda m: m[0])]
            for record in records]
