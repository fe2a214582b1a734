"""The knowledge base: countries, organisations, office holders, titles, groups, institutions.

Everything is read from data files in ``dateline/actors/data`` (and from a user directory named
by ``$DATELINE_KB``, see ``data/README.md``) once per process, and indexed in dictionaries so
that resolution does constant work per mention.
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dateline.actors.text import alias_key, fold, is_acronym, slug
from dateline.errors import InputError

#: Environment variable naming a directory of user knowledge-base files.
KB_ENV = "DATELINE_KB"

#: Countries whose people are usually written family name first ("Xi Jinping" -> "Xi").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "KHM"})

#: Offices held by people of international organisations, who act for no country.
INTERNATIONAL_OFFICES = frozenset({"IGOHEAD", "IGOFM", "IGOSPOX"})


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    seats: tuple[str, ...]
    status: str  # member, observer or other

    @property
    def adjective(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True, slots=True)
class Organisation:
    key: str
    name: str
    aliases: tuple[str, ...]
    sector: str
    country: str | None

    @property
    def id(self) -> str:
        return f"org:{self.key}"


@dataclass(frozen=True, slots=True)
class Office:
    """One term in one office: ``office`` is a code (HOS, HOG, FM, DM, ...), ``title`` the
    words used for it."""

    office: str
    title: str
    country: str | None
    sector: str
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        # The end date is the first day out of office; a missing end means still in office.
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(slots=True)
class Person:
    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"person:{self.key}"

    def offices_on(self, day: date) -> list[Office]:
        return [office for office in self.offices if office.held_on(day)]

    def home_country(self) -> str | None:
        """The country of the person's national offices (the latest one)."""
        national = [o for o in self.offices if o.country]
        if not national:
            return None
        return max(national, key=lambda o: o.start or date.min).country

    def standing_on(self, day: date) -> tuple[str | None, str]:
        """Country and sector on a date: those of an office then held, else of the latest."""
        held = self.offices_on(day)
        if held:
            office = held[0]
            if office.office in INTERNATIONAL_OFFICES or office.country is None:
                return None, office.sector
            return office.country, office.sector
        latest = max(self.offices, key=lambda o: o.start or date.min) if self.offices else None
        if latest is None:
            return None, "GOV"
        return self.home_country(), latest.sector

    def surnames(self) -> set[str]:
        """Single-word keys a later bare mention may use: the last word of each name, or the
        first for family-name-first countries ("Xi" of "Xi Jinping")."""
        keys: set[str] = set()
        family_first = any(o.country in FAMILY_NAME_FIRST for o in self.offices)
        for name in [self.name, *self.aliases]:
            words = [w for w in fold(name).replace(".", " ").split() if w not in _NAME_SUFFIXES]
            if len(words) < 2:
                continue
            keys.add(words[0] if family_first else words[-1])
        return keys


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """What a name in the text can stand for."""

    kind: str  # country, demonym, capital, seat, organisation, person
    key: str  # iso3, organisation key or person key
    alias: str  # the alias as written in the knowledge base
    case_sensitive: bool


@dataclass(frozen=True, slots=True)
class GroupNoun:
    group: str
    sector: str
    #: Where members of the group are says nothing of their country ("diplomats in Geneva").
    mobile: bool = False


@dataclass(frozen=True, slots=True)
class Institution:
    name: str
    sector: str
    ministry: bool
    #: A diplomatic mission: it belongs to another country than the one it stands in.
    abroad: bool = False


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    #: alias key -> entries; the text is matched against these keys.
    aliases: dict[str, list[AliasEntry]] = field(default_factory=lambda: defaultdict(list))
    #: every prefix of every alias key, so a match can stop as soon as it cannot grow.
    alias_prefixes: set[str] = field(default_factory=set)
    surnames: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: (country, office code) -> person keys ever holding it.
    holders: dict[tuple[str | None, str], list[str]] = field(
        default_factory=lambda: defaultdict(list))
    titles: dict[str, str] = field(default_factory=dict)
    not_the_holder: frozenset[str] = frozenset()
    leader_offices: frozenset[str] = frozenset()
    minister_offices: frozenset[str] = frozenset()
    prominence: dict[str, int] = field(default_factory=dict)
    groups: dict[str, GroupNoun] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    sector_keywords: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    place_verbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    government_prepositions: frozenset[str] = frozenset()
    #: Cities where international bodies sit, whose dateline names a venue, not a home.
    venue_cities: frozenset[str] = frozenset()

    # --- lookups -------------------------------------------------------------------------

    def lookup(self, text: str) -> list[AliasEntry]:
        """Entries whose alias matches ``text`` (respecting the case of acronyms)."""
        entries = self.aliases.get(alias_key(text), [])
        stripped = text[4:] if text.lower().startswith("the ") else text
        return [e for e in entries if not e.case_sensitive or e.alias == stripped]

    def country_for_word(self, text: str) -> str | None:
        """The country named by a country name, short form or demonym, if any."""
        for entry in self.lookup(text):
            if entry.kind in ("country", "demonym"):
                return entry.key
        return None

    def office_holders(self, country: str | None, office: str, day: date) -> list[Person]:
        people = [self.people[k] for k in self.holders.get((country, office), [])]
        return [p for p in people
                if any(o.office == office and o.country == country and o.held_on(day)
                       for o in p.offices)]

    def sector_of_name(self, name: str) -> str | None:
        for word in fold(name).replace("-", " ").split():
            sector = self.sector_keywords.get(word)
            if sector:
                return sector
        return None

    # --- building ------------------------------------------------------------------------

    def add_alias(self, alias: str, kind: str, key: str) -> None:
        alias = alias.strip()
        if not alias:
            return
        text_key = alias_key(alias)
        bare = alias[4:] if alias.lower().startswith("the ") else alias
        entry = AliasEntry(kind, key, bare, is_acronym(bare))
        # Spellings that fold together ("Élysée", "Elysee") are one alias.
        if not any(e.kind == kind and e.key == key and e.case_sensitive == entry.case_sensitive
                   for e in self.aliases[text_key]):
            self.aliases[text_key].append(entry)
        for end in range(1, len(text_key) + 1):
            self.alias_prefixes.add(text_key[:end])

    def add_country(self, country: Country) -> None:
        self.countries[country.iso3] = country
        for name in (country.name, *country.aliases):
            self.add_alias(name, "country", country.iso3)
        for demonym in country.demonyms:
            self.add_alias(demonym, "demonym", country.iso3)
            plural = _plural(demonym)
            if plural:
                self.add_alias(plural, "people", country.iso3)
        if country.capital:
            self.add_alias(country.capital, "capital", country.iso3)
        for seat in country.seats:
            self.add_alias(seat, "seat", country.iso3)

    def add_organisation(self, org: Organisation) -> None:
        self.organisations[org.key] = org
        for name in (org.name, *org.aliases):
            self.add_alias(name, "organisation", org.key)

    def add_office(self, name: str, aliases: Iterable[str], office: Office) -> Person:
        key = slug(name)
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(key, name)
        for alias in aliases:
            if alias and alias not in person.aliases and alias != person.name:
                person.aliases.append(alias)
        if office not in person.offices:
            person.offices.append(office)
        return person

    def finish(self) -> None:
        """Build the indexes that depend on all people being loaded."""
        self.surnames.clear()
        self.holders.clear()
        for person in self.people.values():
            for name in (person.name, *person.aliases):
                self.add_alias(name, "person", person.key)
            for surname in person.surnames():
                if person.key not in self.surnames[surname]:
                    self.surnames[surname].append(person.key)
            for office in person.offices:
                holders = self.holders[(office.country, office.office)]
                if person.key not in holders:
                    holders.append(person.key)


def _plural(demonym: str) -> str | None:
    """"Israeli" -> "Israelis"; none for "Chinese", "British", "Swiss", "French"."""
    lowered = demonym.lower()
    if lowered.endswith(("ese", "sh", "ch", "ss", "s")) or " " in demonym:
        return None
    return demonym + "s"


# --- reading the data files --------------------------------------------------------------

def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _date(value: str | None, path: str, line: int, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(path, f'column "{column}" is {value!r}', "Write dates as YYYY-MM-DD.",
                         line) from None


def _rows(path: Path, required: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(str(path), f"missing column(s) {', '.join(missing)}",
                             f"The header must name: {', '.join(required)}.", 1)
        for number, row in enumerate(reader, start=2):
            yield number, {k: (v or "").strip() for k, v in row.items() if k}


COUNTRY_COLUMNS = ("iso3", "name")
ORGANISATION_COLUMNS = ("key", "name", "sector")
OFFICE_COLUMNS = ("name", "country", "office", "title", "start")


def read_countries(kb: KnowledgeBase, path: Path) -> None:
    for _, row in _rows(path, COUNTRY_COLUMNS):
        kb.add_country(Country(
            iso3=row["iso3"].upper(), name=row["name"], aliases=_split(row.get("aliases")),
            demonyms=_split(row.get("demonyms")), capital=row.get("capital") or None,
            seats=_split(row.get("seats")), status=row.get("status") or "other"))


def read_organisations(kb: KnowledgeBase, path: Path) -> None:
    for _, row in _rows(path, ORGANISATION_COLUMNS):
        kb.add_organisation(Organisation(
            key=row["key"], name=row["name"], aliases=_split(row.get("aliases")),
            sector=row["sector"].upper(), country=(row.get("country") or "").upper() or None))


def read_offices(kb: KnowledgeBase, path: Path) -> None:
    for number, row in _rows(path, OFFICE_COLUMNS):
        office = Office(
            office=row["office"].upper(), title=row["title"],
            country=row["country"].upper() or None, sector=(row.get("sector") or "GOV").upper(),
            start=_date(row.get("start"), str(path), number, "start"),
            end=_date(row.get("end"), str(path), number, "end"))
        kb.add_office(row["name"], _split(row.get("aliases")), office)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML ({exc})", "Fix the YAML syntax.") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "the top level is not a mapping",
                         "See dateline/actors/data/README.md for the file format.")
    return data


def read_yaml_kb(kb: KnowledgeBase, path: Path) -> None:
    """A user YAML file: lists under ``countries``, ``organisations`` and ``people``."""
    data = _read_yaml(path)
    for item in data.get("countries") or []:
        kb.add_country(Country(
            iso3=str(item["iso3"]).upper(), name=item["name"],
            aliases=tuple(item.get("aliases") or ()), demonyms=tuple(item.get("demonyms") or ()),
            capital=item.get("capital"), seats=tuple(item.get("seats") or ()),
            status=item.get("status", "other")))
    for item in data.get("organisations") or []:
        kb.add_organisation(Organisation(
            key=item.get("key") or slug(item["name"]), name=item["name"],
            aliases=tuple(item.get("aliases") or ()), sector=str(item.get("sector", "GOV")),
            country=item.get("country")))
    for item in data.get("people") or []:
        if "name" not in item:
            raise InputError(str(path), f"a person has no name: {item!r}",
                             'Give every person a "name".')
        offices = item.get("offices") or []
        if not offices:
            kb.add_office(item["name"], item.get("aliases") or (),
                          Office("PERSON", "", item.get("country"),
                                 str(item.get("sector", "GOV")), None, None))
        for office in offices:
            kb.add_office(item["name"], item.get("aliases") or (), Office(
                office=str(office.get("office", "MIN")).upper(), title=office.get("title", ""),
                country=office.get("country", item.get("country")),
                sector=str(office.get("sector", item.get("sector", "GOV"))),
                start=_date(str(office["start"]) if office.get("start") else None,
                            str(path), 0, "start"),
                end=_date(str(office["end"]) if office.get("end") else None,
                          str(path), 0, "end")))


def read_vocabularies(kb: KnowledgeBase, data_dir: Path) -> None:
    titles = _read_yaml(data_dir / "titles.yaml")
    for office, phrases in (titles.get("offices") or {}).items():
        for phrase in phrases:
            kb.titles.setdefault(fold(phrase), office)
    kb.not_the_holder = frozenset(fold(w) for w in titles.get("not_the_holder") or ())
    kb.leader_offices = frozenset(titles.get("leader_offices") or ())
    kb.minister_offices = frozenset(titles.get("minister_offices") or ())
    kb.prominence = {code: rank for rank, code in enumerate(titles.get("prominence") or ())}
    for group, spec in (_read_yaml(data_dir / "groups.yaml").get("groups") or {}).items():
        for noun in spec["nouns"]:
            kb.groups.setdefault(fold(noun), GroupNoun(group, spec["sector"],
                                                       bool(spec.get("mobile", False))))
    institutions = _read_yaml(data_dir / "institutions.yaml").get("institutions") or {}
    for name, spec in institutions.items():
        for phrase in spec["phrases"]:
            kb.institutions.setdefault(fold(phrase), Institution(
                name, spec["sector"], bool(spec.get("ministry", False)),
                bool(spec.get("abroad", False))))
    metonymy = _read_yaml(data_dir / "metonymy.yaml")
    kb.place_verbs = frozenset(fold(w) for w in metonymy.get("place_verbs") or ())
    kb.place_nouns = frozenset(fold(w) for w in metonymy.get("place_nouns") or ())
    kb.government_prepositions = frozenset(
        fold(w) for w in metonymy.get("government_prepositions") or ())
    kb.venue_cities = frozenset(fold(w) for w in metonymy.get("venue_cities") or ())
    sectors = _read_yaml(data_dir / "sectors.yaml")
    kb.sectors = dict(sectors.get("sectors") or {})
    for sector, words in (sectors.get("keywords") or {}).items():
        for word in words:
            kb.sector_keywords.setdefault(fold(word), sector)


def read_user_file(kb: KnowledgeBase, path: Path) -> None:
    """One user file, by name and extension: ``*countries*.csv``, ``*organisations*.csv``,
    any other ``.csv`` is read as offices; ``.yaml``/``.yml`` may hold all three."""
    name = path.name.lower()
    if path.suffix.lower() in (".yaml", ".yml"):
        read_yaml_kb(kb, path)
    elif path.suffix.lower() == ".csv":
        if "countr" in name:
            read_countries(kb, path)
        elif "organi" in name or "org" == path.stem.lower():
            read_organisations(kb, path)
        else:
            read_offices(kb, path)


def _user_paths(extra_paths: Sequence[str | Path]) -> list[Path]:
    paths: list[Path] = []
    env = os.environ.get(KB_ENV)
    sources = [Path(env)] if env else []
    sources += [Path(p) for p in extra_paths]
    for source in sources:
        if source.is_dir():
            paths += sorted(p for p in source.iterdir()
                            if p.suffix.lower() in (".csv", ".yaml", ".yml"))
        elif source.exists():
            paths.append(source)
        else:
            raise InputError(str(source), "no such knowledge-base file or directory",
                             f"Check ${KB_ENV} or the path given.")
    return paths


def build(extra_paths: Sequence[str | Path] = ()) -> KnowledgeBase:
    """A fresh knowledge base from the packaged data plus user files (uncached)."""
    kb = KnowledgeBase()
    data = resources.files("dateline.actors") / "data"
    with resources.as_file(data) as data_dir:
        read_countries(kb, data_dir / "countries.csv")
        read_organisations(kb, data_dir / "organisations.csv")
        read_offices(kb, data_dir / "offices.csv")
        read_vocabularies(kb, data_dir)
    for path in _user_paths(extra_paths):
        read_user_file(kb, path)
    kb.finish()
    return kb


@lru_cache(maxsize=8)
def _cached(extra: tuple[str, ...], env: str | None) -> KnowledgeBase:
    return build(extra)


def load(extra_paths: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base, built once per process for each set of user files."""
    return _cached(tuple(str(p) for p in extra_paths), os.environ.get(KB_ENV))
