"""Mentions of people, organisations, countries, groups and places, resolved to actors.

One left-to-right pass over the parsed article. At each token the readers below are tried in
order, and the first that recognises something takes its tokens:

1. anaphors that point back: "the two leaders", "the ministry", "both countries";
2. a title, with an optional country before it and a name after it: "Chinese Foreign
   Minister Wang Yi", "the Russian president", "Iran's top diplomat";
3. a state institution: "India's foreign ministry", "the Indian Army";
4. a group: "Russian troops", "protesters" (with "in Tbilisi" giving the country);
5. a name the knowledge base knows: countries, short forms, demonyms, capitals and seats of
   government ("the Kremlin"), organisations, office holders;
6. a named entity from spaCy that the knowledge base does not know;
7. a capitalised place after "in", "near", "outside"... found in the gazetteer.

Because the pass runs in text order, a surname ("Wang"), a bare title ("the foreign
minister") or "the two leaders" resolves to the actors already introduced.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.actors.geo import gazetteer
from dateline.actors.kb import (
    FAMILY_NAME_FIRST,
    AliasEntry,
    GroupNoun,
    KnowledgeBase,
    Person,
)
from dateline.actors.kb import load as load_kb
from dateline.actors.text import fold, slug
from dateline.errors import DatelineError
from dateline.model import Actor, Article, Span, Timex

#: Tokens a name, title or alias may span at most.
MAX_ALIAS_TOKENS = 8
MAX_TITLE_TOKENS = 7
MAX_NAME_TOKENS = 6

#: Honorifics written before a name; they belong to the mention, not to the name looked up.
HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "shaikh", "prince",
    "princess", "ayatollah", "general", "gen", "gen.", "lt", "lt.", "col", "col.", "maj",
    "maj.", "admiral", "adm", "adm.", "sir", "dame", "lord", "imam", "cardinal", "pope",
    "marshal", "field", "brigadier", "colonel", "major", "captain", "commander", "emir",
    "king", "queen", "crown", "sultan", "president", "judge", "justice", "rabbi", "father",
})

#: Lower-case words allowed inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
NAME_PARTICLES = frozenset({
    "al", "al-", "el", "bin", "ibn", "bint", "von", "van", "der", "den", "de", "da", "do",
    "dos", "das", "du", "la", "le", "di", "del", "della", "ul", "abu", "ben", "y",
})

#: Words that may come before a group noun without changing the group: "two Indian officials".
QUANTIFIERS = frozenset({
    "a", "an", "the", "some", "several", "many", "dozens", "hundreds", "thousands", "tens",
    "of", "most", "other", "few", "two", "three", "four", "five", "more", "its", "their", "his",
    "her", "these", "those", "all", "both", "senior", "top",
})

#: Prepositions after which a capitalised name is likely a place.
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "inside", "from", "to",
                                "across", "around", "toward", "towards", "into"})

#: Named-entity labels that end a name after a title ("President Xi on Friday").
NAME_STOP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "NORP", "MONEY",
                              "PERCENT", "QUANTITY"})

POSSESSIVE = frozenset({"'s", "\u2019s", "'"})

#: Prepositions after a verb whose object is a party, so a capital there is its government.
VERB_PARTNER_PREPOSITIONS = frozenset({"with", "against", "by", "between"})

#: First words of a named storm: "Hurricane Melissa" is weather, not someone who acts.
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tropical", "super"})

#: Anaphors: folded phrase -> what it points back to.
ANAPHORS: dict[str, str] = {}
for _words, _target in (
    (("the two leaders", "both leaders", "the leaders", "their leaders", "the two presidents",
      "both presidents", "the two heads of state", "the two heads of government"), "leaders"),
    (("the two ministers", "both ministers", "the ministers", "their foreign ministers",
      "the foreign ministers", "their defence ministers", "their defense ministers",
      "the two foreign ministers",
      "the two defence ministers", "the two defense ministers", "the two top diplomats"),
     "ministers"),
    (("the ministry",), "ministry"),
    (("the bloc", "the alliance", "the organisation", "the organization", "the agency",
      "the body"), "organisation"),
    (("the two countries", "both countries", "the two sides", "both sides", "the two nations",
      "both nations", "the two governments", "both governments", "both capitals",
      "the two capitals", "the two neighbours", "the two neighbors"), "countries"),
):
    for _phrase in _words:
        ANAPHORS[_phrase] = _target

#: Words that make a capitalised mention a sentence-initial word rather than a name.
_DIGIT = re.compile(r"\d")


#: A wire dateline opening the article: the place in capitals ("NEW DELHI (AFP) -",
#: "GENEVA, March 3 (Reuters) -", "WASHINGTON -") or in title case before the agency
#: ("Kabul, Afghanistan (AP) -").
_DATELINE = re.compile(
    r"\A\s*(?:(?P<caps>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3})"
    r"(?:,\s+(?P<qualifier>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?))?"
    r"(?=\s*(?:,|\(|[-\u2013\u2014]))"
    r"|(?P<title>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"(?:,\s+(?P<title_qualifier>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    r"\s+\([A-Z][\w. ]{0,30}\)\s*[-\u2013\u2014])")

#: A place in title case opens a dateline only if it is this large (or a capital): "Police
#: (AP) -" is not datelined in Police, Poland.
_DATELINE_MIN_POPULATION = 100_000


def dateline_country(text: str, kb: KnowledgeBase) -> str | None:
    """The country of the place an article is datelined in, if it opens with a dateline.

    Wire copy names the home institutions of that country bare: in a story datelined NEW
    DELHI, "the foreign ministry" is India's unless the text says otherwise. A country after
    the place decides ("TRIPOLI, Lebanon").
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    qualifier = match["qualifier"] or match["title_qualifier"]
    if qualifier:
        country = kb.country_for_word(qualifier)
        if country:
            return country
    raw = " ".join((match["caps"] or match["title"]).split())
    if fold(raw) in kb.venue_cities:
        return None
    for name in (raw, raw.title()):  # "US" as written; "NEW DELHI" as a name
        for entry in kb.lookup(name):
            if entry.kind in ("country", "capital", "seat"):
                return entry.key
    found = gazetteer().lookup(raw.title())
    if found is None or (match["title"] and found.population < _DATELINE_MIN_POPULATION):
        return None
    return found.country


def _story_country(actor: Actor) -> str | None:
    """The actor's country as one the story is about: none for a news agency ("AFP said"),
    whose country says who reports, not whom the story is about or whose anything is."""
    return actor.country if actor.sector != "MED" else None


class TextMismatch(DatelineError):
    """The parse was made from another text than the article's."""


@dataclass(slots=True)
class RoleClaim:
    """A role the text gives an actor ("Iran's top negotiator"), with the words saying so."""

    actor_id: str
    role: str
    evidence: Span


@dataclass
class _Entry:
    actor: Actor
    offices: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    ministry: bool = False


@dataclass
class Resolution:
    actors: list[Actor]
    claims: list[RoleClaim]


def resolve(article: Article, doc: Doc, timexes: list[Timex] | None = None) -> list[Actor]:
    """Every actor mentioned in the article, each with all its mentions (character offsets
    into ``article.text``), its country, sector, and the roles it held on the article date."""
    return resolve_with_claims(article, doc).actors


def resolve_with_claims(article: Article, doc: Doc, kb: KnowledgeBase | None = None
                        ) -> Resolution:
    """Like ``resolve``, also returning the role claims read from titles and appositions."""
    if doc.text != article.text:
        raise TextMismatch(
            f"article {article.id}: the spaCy Doc was parsed from a different text "
            f"({len(doc.text)} characters, the article has {len(article.text)}). "
            "Parse article.text itself.")
    reader = _ArticleReader(article.text, article.date, doc, kb or load_kb())
    reader.run()
    return Resolution(reader.actors(), reader.claims)


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor whose mention best covers the character range: the most overlap, then the
    tightest mention."""
    best: tuple[int, int] | None = None
    found: Actor | None = None
    for actor in actors:
        for mention in actor.mentions:
            if end > start:
                overlap = min(end, mention.end) - max(start, mention.start)
            else:  # an empty range: a position inside the mention
                overlap = 1 if mention.start <= start < mention.end else 0
            if overlap <= 0:
                continue
            score = (overlap, -(mention.end - mention.start))
            if best is None or score > best:
                best, found = score, actor
    return found


# --- the reader --------------------------------------------------------------------------


class _ArticleReader:
    def __init__(self, text: str, day: date, doc: Doc, kb: KnowledgeBase) -> None:
        self.text = text
        self.day = day
        self.doc = doc
        self.kb = kb
        self.taken = [False] * len(doc)
        self.entries: dict[str, _Entry] = {}
        #: (token index, actor id) for every mention, in text order.
        self.history: list[tuple[int, str]] = []
        self.country_counts: Counter[str] = Counter()
        self.claims: list[RoleClaim] = []
        self.ent_start = {ent.start: ent for ent in doc.ents}
        tokens = list(doc)
        self.folded = [fold(t.text) for t in tokens]
        # Character offsets of each token, read once: slicing the text by token ranges is
        # the readers' most frequent operation, and spaCy builds a Token object per access.
        self.token_start = [t.idx for t in tokens]
        self.token_end = [t.idx + len(t.text) for t in tokens]
        self.alias_cache: dict[int, tuple[int, list[AliasEntry]] | None] = {}
        self.focus: str | None = None
        self.dateline_country = dateline_country(text, kb)
        self.possessor: tuple[int, int, str] | None = None

    # --- output ------------------------------------------------------------------------

    def actors(self) -> list[Actor]:
        out = []
        for entry in self.entries.values():
            entry.actor.mentions.sort(key=lambda m: (m.start, m.end))
            out.append(entry.actor)
        return out

    def span(self, start: int, end: int) -> Span:
        first, last = self.doc[start], self.doc[end - 1]
        begin, stop = first.idx, last.idx + len(last.text)
        return Span(begin, stop, self.text[begin:stop])

    def add(self, actor_id: str, name: str, kind: str, start: int, end: int, *,
            country: str | None = None, sector: str | None = None, known: bool = False,
            roles: list[str] | None = None, offices: set[str] | None = None) -> _Entry:
        entry = self.entries.get(actor_id)
        if entry is None:
            entry = self.entries[actor_id] = _Entry(Actor(
                id=actor_id, name=name, kind=kind, country=country, sector=sector, known=known))
        actor = entry.actor
        if actor.country is None and country:
            actor.country = country
        if actor.sector is None and sector:
            actor.sector = sector
        for role in roles or ():
            if role and role not in actor.roles:
                actor.roles.append(role)
        entry.offices |= offices or set()
        mention = self.span(start, end)
        if all((m.start, m.end) != (mention.start, mention.end) for m in actor.mentions):
            actor.mentions.append(mention)
        for index in range(start, end):
            self.taken[index] = True
        self.history.append((start, actor_id))
        country = _story_country(actor)
        if country:
            self.country_counts[country] += 1
        return entry

    # --- the pass ------------------------------------------------------------------------

    def run(self) -> None:
        readers = (self.read_anaphor, self.read_titled, self.read_institution, self.read_group,
                   self.read_alias, self.read_surname, self.read_entity,
                   self.read_place_after_preposition)
        i = 0
        n = len(self.doc)
        while i < n:
            if self.taken[i] or self.doc[i].is_punct or self.doc[i].is_space:
                i += 1
                continue
            for reader in readers:
                end = reader(i)
                if end is not None and end > i:
                    i = end
                    break
            else:
                i += 1
        self.read_appositions()
        self.read_of_country()

    # --- helpers ---------------------------------------------------------------------------

    def slice_text(self, start: int, end: int) -> str:
        return self.text[self.token_start[start]:self.token_end[end - 1]]

    def free(self, start: int, end: int) -> bool:
        return end <= len(self.doc) and not any(self.taken[start:end])

    def match_alias(self, i: int) -> tuple[int, list[AliasEntry]] | None:
        """The longest knowledge-base alias starting at token ``i``. Cached: tokens at or
        after the scan position are never taken before the scan reaches them."""
        if i in self.alias_cache:
            return self.alias_cache[i]
        found = self._match_alias(i)
        self.alias_cache[i] = found
        return found

    def _match_alias(self, i: int) -> tuple[int, list[AliasEntry]] | None:
        best: tuple[int, list[AliasEntry]] | None = None
        n = len(self.doc)
        for end in range(i + 1, min(n, i + MAX_ALIAS_TOKENS) + 1):
            if self.taken[end - 1]:
                break
            raw = self.slice_text(i, end)
            key = fold(raw)
            if key not in self.kb.alias_prefixes:
                break
            entries = [e for e in self.kb.lookup(raw)
                       if e.alias[:1].islower() or raw[:1].isupper()]
            if entries:
                best = (end, entries)
        return best

    def country_modifier(self, i: int) -> tuple[str | None, int, bool]:
        """An optional "the" and a country or demonym (with "'s") starting at ``i``:
        (country, next token, whether a determiner or country came first). A possessive
        country name ("Brazil's") is remembered in ``self.possessor`` so that the caller can
        keep it as a country mention of its own; a demonym ("Brazilian") belongs to the
        phrase it modifies. An international organisation ("NATO Secretary General") is a
        modifier without a country."""
        self.possessor = None
        j = i
        determined = False
        if j < len(self.doc) and self.folded[j] == "the":
            j += 1
            determined = True
        if j >= len(self.doc) or self.taken[j]:
            return None, j, determined
        match = self.match_alias(j)
        if match:
            end, entries = match
            possessive = end < len(self.doc) and self.doc[end].text in POSSESSIVE
            country = next((e.key for e in entries if e.kind in ("country", "demonym")), None)
            if country is None and possessive:
                # "Beijing's", "the Kremlin's": a seat or capital in the possessive.
                country = next((e.key for e in entries if e.kind in ("capital", "seat")), None)
            if country:
                if possessive:
                    if any(e.kind == "country" for e in entries):
                        self.possessor = (j, end, country)
                    end += 1
                return country, end, True
            organisation = next((e.key for e in entries if e.kind == "organisation"), None)
            if organisation and self.kb.organisations[organisation].sector in ("IGO", "JUD") \
                    and self.kb.titles.get(self.folded[end] if end < len(self.doc) else ""):
                return None, end + (1 if possessive else 0), True
        return None, j, determined

    def add_possessor(self) -> int | None:
        """Record the possessive country name read by the last ``country_modifier`` as a
        mention of its own; returns the token after "'s" (where the owned phrase starts)."""
        if self.possessor is None:
            return None
        start, end, country = self.possessor
        self.possessor = None
        self.add_country(country, start, end)
        return end + 1

    def read_title(self, j: int) -> tuple[str | None, int, bool, int]:
        """A title at ``j``: (office code, end token, holds the office, start of the title
        words proper). "Deputy Foreign Minister" gives the code with holder False."""
        holder = True
        k = j
        while k < len(self.doc) and self.folded[k].rstrip(".") in self.kb.not_the_holder:
            holder = False
            k += 1
        if k < len(self.doc) and self.folded[k] == "-":  # "vice-president" split oddly
            k += 1
        best: tuple[str, int] | None = None
        for end in range(k + 1, min(len(self.doc), k + MAX_TITLE_TOKENS) + 1):
            if self.taken[end - 1]:
                break
            office = self.kb.titles.get(fold(self.slice_text(k, end)))
            if office:
                best = (office, end)
        if best is None:
            return None, j, holder, k
        return best[0], best[1], holder, k

    def read_name(self, k: int) -> int:
        """The end of a personal name starting at ``k`` (``k`` itself when there is none)."""
        m = k
        doc = self.doc
        while m < len(doc) and m - k < MAX_NAME_TOKENS and not self.taken[m]:
            token = doc[m]
            text = token.text
            if token.ent_type_ in NAME_STOP_LABELS and token.ent_type_ != "PERSON":
                break
            if text in POSSESSIVE or token.is_punct and text != "-":
                break
            if text == "-":
                if m > k and m + 1 < len(doc) and doc[m + 1].text[:1].isupper():
                    m += 1
                    continue
                break
            if text[:1].isupper() and not _DIGIT.search(text):
                if self.kb.titles.get(self.folded[m]) and m == k:
                    break
                m += 1
                continue
            if self.folded[m] in NAME_PARTICLES and m > k and m + 1 < len(doc) \
                    and (doc[m + 1].text[:1].isupper() or doc[m + 1].text == "-"):
                m += 1
                continue
            break
        # A name does not end in a particle or a hyphen.
        while m > k and (self.folded[m - 1] in NAME_PARTICLES or doc[m - 1].text == "-"):
            m -= 1
        return m

    def sentence_countries(self, i: int, affiliation: bool = False) -> list[str]:
        """Countries of the actors named in the sentence of token ``i``. For a person's
        ``affiliation`` a city does not count: it says where something happened, not whose
        official someone is ("... agreed in Geneva," party secretary Jairam Ramesh said),
        while for police or protesters it is the best evidence there is."""
        sent = self.doc[i].sent
        countries = []
        for position, actor_id in self.history:
            if sent.start <= position < sent.end:
                actor = self.entries[actor_id].actor
                country = _story_country(actor)
                if country and not (affiliation and actor.kind == "place"):
                    countries.append(country)
        return countries

    def country_named_after(self, end: int) -> tuple[str, str] | None:
        """("of"|"in", country) for "of Iran", "in Kyiv", "in Ukraine" right after ``end``."""
        if end + 1 >= len(self.doc) or self.folded[end] not in ("of", "in"):
            return None
        k = end + 1 + (self.folded[end + 1] == "the")
        match = self.match_alias(k) if k < len(self.doc) else None
        if match is None:
            return None
        for entry in match[1]:
            if entry.kind in ("country", "capital", "seat"):
                return self.folded[end], entry.key
        return None

    def context_country(self, i: int, affiliation: bool = False,
                        abroad: bool = False, host: str | None = None) -> str | None:
        """The country a bare "the foreign ministry" or "the president" most likely belongs
        to: the last country named before it in the sentence, else the country of the
        article's dateline, else the first named after it in the sentence (which, after a
        bare institution, is as often the one it acts on: "summoned the Chinese envoy"),
        else the country the article names most so far, else overall. A mission ``abroad``
        (an embassy) is never its ``host``'s, nor, when no host is named, the dateline's."""
        # A mission abroad is not the country it stands in: leave that country out.
        home = (host or self.dateline_country) if abroad else None
        in_sentence = [c for c in self.sentence_countries(i, affiliation) if c != home]
        if in_sentence:
            return in_sentence[-1]
        if self.dateline_country and not abroad:
            return self.dateline_country
        later = [c for c in self.countries_named_later_in_sentence(i + 1) if c != home]
        if later:
            return later[0]
        counted = [c for c, _ in self.country_counts.most_common() if c != home]
        if counted:
            return counted[0]
        focus = self.article_focus()
        return focus if focus != home else None

    def article_focus(self) -> str | None:
        """The country the whole article names most (countries, demonyms, capitals, seats)."""
        if self.focus is None:
            counts: Counter[str] = Counter()
            for k in range(len(self.doc)):
                match = self.match_alias(k)
                if match is None:
                    continue
                for entry in match[1]:
                    if entry.kind in ("country", "demonym", "capital", "seat", "people"):
                        counts[entry.key] += 1
                        break
            self.focus = counts.most_common(1)[0][0] if counts else ""
        return self.focus or None

    # --- 1. anaphors -----------------------------------------------------------------------

    def read_anaphor(self, i: int) -> int | None:
        if self.folded[i] not in ("the", "both", "their"):
            return None
        for length in (5, 4, 3, 2):
            end = i + length
            if not self.free(i, end):
                continue
            target = ANAPHORS.get(fold(self.slice_text(i, end)))
            if target is None:
                continue
            if end < len(self.doc) and self.doc[end].pos_ in ("NOUN", "PROPN") \
                    and target != "countries":
                return None  # "the ministry building", "the bloc's summit" is fine below
            return end if self.point_back(target, i, end) else None
        return None

    def point_back(self, target: str, start: int, end: int) -> bool:
        recent: list[_Entry] = []
        for _, actor_id in reversed(self.history):
            entry = self.entries[actor_id]
            if entry in recent:
                continue
            actor = entry.actor
            if target == "leaders" and actor.kind == "person" \
                    and entry.offices & self.kb.leader_offices:
                recent.append(entry)
            elif target == "ministers" and actor.kind == "person" \
                    and entry.offices & self.kb.minister_offices:
                recent.append(entry)
            elif target == "countries" and actor.kind == "country":
                recent.append(entry)
            elif target == "ministry" and entry.ministry:
                recent.append(entry)
                break
            elif target == "organisation" and actor.kind == "organisation" \
                    and actor.sector in ("IGO", "NGO"):
                recent.append(entry)
                break
            if len(recent) == 2:
                break
        wanted = 1 if target in ("ministry", "organisation") else 2
        if len(recent) < wanted:
            return False
        for entry in recent:
            actor = entry.actor
            self.add(actor.id, actor.name, actor.kind, start, end)
        return True

    # --- 2. titles -------------------------------------------------------------------------

    def read_titled(self, i: int) -> int | None:
        country, j, determined = self.country_modifier(i)
        if i == j and self.doc[i].pos_ not in ("PROPN", "NOUN", "ADJ", "DET"):
            return None
        office, k, holder, title_start = self.read_title(j)
        if office is None:
            return None
        body = None
        if i == j and i > 0 and self.doc[i - 1].pos_ in ("NOUN", "PROPN") \
                and self.doc[i - 1].dep_ == "compound" \
                and self.kb.country_for_word(self.doc[i - 1].text) is None:
            # "Hezbollah leader X", "gang leader X", "opposition leader X": the title of a
            # body other than a state, so not the state office the title word names.
            body = self.doc[i - 1]
            holder = holder and office in ("OPP", "IGOHEAD", "SPEAKER")
            j = body.i
        begin = i + 1 if self.folded[i] == "the" else i
        possessor = self.possessor
        title_text = self.slice_text(j, k)
        m = self.read_name(k)
        if m > k:
            self.possessor = possessor
            begin = self.add_possessor() or begin
            return self.titled_person(begin, j, k, m, office, country, holder, title_text)
        # A bare title: "the president", "Iran's foreign minister", "the top diplomat".
        if not holder or office in ("MIN", "ENVOY") or not (determined or country):
            return None
        if self.folded[i] in ("a", "an"):
            return None
        end = k
        named_after: tuple[int, int, str] | None = None
        if country is None and k + 1 < len(self.doc) and self.folded[k] == "of":
            match = self.match_alias(k + 1)
            if match and any(e.kind == "country" for e in match[1]):
                country = next(e.key for e in match[1] if e.kind == "country")
                named_after = (k + 1, match[0], country)
        holder_found = self.title_holder(office, country, begin)
        if holder_found is None:
            return None
        self.possessor = possessor
        begin = self.add_possessor() or begin
        if isinstance(holder_found, Person):
            self.person_entry(holder_found, begin, end)
        else:
            actor = holder_found.actor
            self.add(actor.id, actor.name, actor.kind, begin, end)
        if named_after:
            # "the president of Indonesia": the country keeps a mention of its own.
            self.add_country(named_after[2], named_after[0], named_after[1])
            return named_after[1]
        return end

    def title_holder(self, office: str, country: str | None, position: int
                     ) -> _Entry | Person | None:
        """Who a bare title points to: the latest person in the article holding (or said to
        hold) the office, else the knowledge base's holder on the article date."""
        sentence = self.doc[position].sent
        for mentioned_at, actor_id in reversed(self.history):
            entry = self.entries[actor_id]
            if entry.actor.kind != "person" or office not in entry.offices:
                continue
            if country and entry.actor.country and entry.actor.country != country:
                continue
            if sentence.start <= mentioned_at < sentence.end:
                continue  # "Macron corrected the president": not Macron himself
            return entry
        if country is None:
            country = self.context_country(position, affiliation=True)
        if country is None:
            return None
        holders = self.kb.office_holders(country, office, self.day)
        return holders[0] if holders else None

    def titled_person(self, begin: int, title_begin: int, k: int, m: int, office: str,
                      country: str | None, holder: bool, title_text: str) -> int:
        name_start = k
        while name_start < m - 1 and self.folded[name_start].rstrip(".") in HONORIFICS:
            name_start += 1
        name = self.slice_text(name_start, m)
        person = self.find_person(name, office if holder else None, country)
        claim = title_text if not title_text.islower() else title_text.title()
        if person is not None:
            entry = self.person_entry(person, begin, m)
            if not (holder and office in entry.offices):
                self.claim(entry, claim, title_begin, k)
            return m
        existing = self.in_article_person(name, country)
        if existing is not None:
            self.add(existing.actor.id, existing.actor.name, "person", begin, m)
            if not (holder and office in existing.offices):
                self.claim(existing, claim, title_begin, k)
            return m
        sector = "GOV" if office not in ("OPP", "LEADER") and holder else None
        if not holder and title_begin < k:
            sector = self.kb.sector_of_name(self.slice_text(title_begin, k)) or sector
        if country is None and office not in ("IGOHEAD", "IGOFM", "IGOSPOX"):
            country = self.context_country(begin, affiliation=True)
        entry = self.unknown_person(name, begin, m, country, sector)
        if holder:
            entry.offices.add(office)
        self.claim(entry, claim, title_begin, k)
        return m

    def claim(self, entry: _Entry, role: str, start: int, end: int) -> None:
        role = " ".join(role.split())
        if role and role not in entry.actor.roles:
            entry.actor.roles.append(role)
        self.claims.append(RoleClaim(entry.actor.id, role, self.span(start, end)))

    # --- people ----------------------------------------------------------------------------

    def person_entry(self, person: Person, start: int, end: int) -> _Entry:
        country, sector = person.standing_on(self.day)
        held = sorted(person.offices_on(self.day),
                      key=lambda o: self.kb.prominence.get(o.office, 99))
        roles = [o.title for o in held]
        entry = self.add(person.id, person.name, "person", start, end, country=country,
                         sector=sector, known=True, roles=roles,
                         offices={o.office for o in held})
        entry.surnames |= person.surnames()
        return entry

    def unknown_person(self, name: str, start: int, end: int, country: str | None,
                       sector: str | None) -> _Entry:
        entry = self.add(f"person:{slug(name)}", name, "person", start, end, country=country,
                         sector=sector, known=False)
        words = [w for w in fold(name).replace(".", " ").split() if w not in NAME_PARTICLES]
        if len(words) >= 2:
            entry.surnames.add(words[-1])
        return entry

    def in_article_person(self, name: str, country: str | None) -> _Entry | None:
        """A person already mentioned whose surname this (shorter) name is."""
        words = [w for w in fold(name).replace(".", " ").split() if w not in NAME_PARTICLES]
        if not words or len(words) > 2:
            return None
        key = words[-1]
        for _, actor_id in reversed(self.history):
            entry = self.entries[actor_id]
            if entry.actor.kind != "person" or key not in entry.surnames:
                continue
            if len(words) == 2 and not fold(entry.actor.name).startswith(words[0][:1]):
                continue
            if country and entry.actor.country and country != entry.actor.country:
                continue
            return entry
        return None

    def find_person(self, name: str, office: str | None, country: str | None
                    ) -> Person | None:
        """A knowledge-base person for a name: exact alias first, then a surname of someone
        in the text or in office on the article date."""
        people = [self.kb.people[e.key] for e in self.kb.lookup(name) if e.kind == "person"]
        if len(people) == 1:
            return people[0]
        if people:
            return max(people, key=lambda p: self.person_score(p, office, country))
        if self.in_article_person(name, country) is not None:
            return None  # the article's own referent wins over the knowledge base
        words = [w for w in fold(name).replace(".", " ").split() if w not in NAME_PARTICLES]
        if not words:
            return None
        keys = {words[-1], words[0]}
        candidates = {k for key in keys for k in self.kb.surnames.get(key, ())}
        scored = []
        for person_key in candidates:
            person = self.kb.people[person_key]
            if len(words) > 1 and not _first_name_agrees(words, person):
                continue
            scored.append((self.person_score(person, office, country), person))
        if not scored:
            return None
        scored.sort(key=lambda pair: (-pair[0], self.rank(pair[1])))
        best_score, best = scored[0]
        if len(scored) > 1 and scored[1][0] == best_score \
                and self.rank(scored[1][1]) == self.rank(best):
            return None
        if office and best_score < 4 and len(words) > 1:
            return None
        if office is None and not best.offices_on(self.day) and len(scored) > 1 \
                and (best.standing_on(self.day)[0] or best.home_country()) \
                not in self.country_counts and len(words) == 1:
            return None  # a shared surname of someone neither in office nor in context
        return best

    def rank(self, person: Person) -> int:
        """Prominence of the highest office held on the article date (lower is higher)."""
        held = person.offices_on(self.day)
        return min((self.kb.prominence.get(o.office, 99) for o in held), default=100)

    def person_score(self, person: Person, office: str | None, country: str | None) -> int:
        held = person.offices_on(self.day)
        score = 0
        if office and any(o.office == office for o in held):
            score += 4
        if held:
            score += 2
        standing = person.standing_on(self.day)[0] or person.home_country()
        if country and standing == country:
            score += 2
        elif standing and standing in self.country_counts:
            score += 1
        if any(o.office in self.kb.leader_offices for o in held):
            score += 1
        return score

    # --- 3. institutions -------------------------------------------------------------------

    def read_institution(self, i: int) -> int | None:
        country, j, determined = self.country_modifier(i)
        possessor = self.possessor
        if j >= len(self.doc):
            return None
        best = None
        for end in range(j + 1, min(len(self.doc), j + 4) + 1):
            if self.taken[end - 1]:
                break
            institution = self.kb.institutions.get(fold(self.slice_text(j, end)))
            if institution:
                best = (institution, end)
        if best is None:
            return None
        institution, end = best
        if end < len(self.doc) and self.doc[end].pos_ in ("NOUN", "PROPN") \
                and self.kb.titles.get(self.folded[end]) is None \
                and self.doc[end].text[:1].islower():
            return None  # "the government bond", "army base": a modifier, not the institution
        if end < len(self.doc) and self.kb.titles.get(fold(self.slice_text(j, end + 1))):
            return None  # "foreign ministry spokesperson": a title, read as such
        if country is None:
            if not determined and not self.doc[j].text[:1].isupper():
                return None
            if self.folded[i] in ("a", "an"):
                return None
            named = self.country_named_after(end)
            if named is not None and (named[0] == "of" or not institution.abroad):
                # "the foreign ministry of Iran", "the parliament in Kyiv": the owner.
                country = named[1]
            else:
                # "the embassy in Kyiv" names its host, whose it is not.
                host = named[1] if named is not None else None
                country = self.context_country(i, abroad=institution.abroad, host=host)
            if country is None:
                return None
        begin = i + 1 if self.folded[i] == "the" else i
        self.possessor = possessor
        begin = self.add_possessor() or begin
        adjective = self.kb.countries[country].adjective if country in self.kb.countries \
            else country
        entry = self.add(f"org:{country}:{slug(institution.name)}",
                         f"{adjective} {institution.name}", "organisation", begin, end,
                         country=country, sector=institution.sector, known=True)
        entry.ministry = entry.ministry or institution.ministry
        return end

    # --- 4. groups -------------------------------------------------------------------------

    def read_group(self, i: int) -> int | None:
        j = i
        while j < len(self.doc) and self.folded[j] in QUANTIFIERS and not self.taken[j]:
            j += 1
        modifier_begin = j + 1 if j < len(self.doc) and self.folded[j] == "the" else j
        country, j, _ = self.country_modifier(j)
        possessor = self.possessor
        if country is None:
            modifier_begin = j
        # Plain adjectives may stand between: "Russian special forces", "armed men".
        k = j
        while k < min(len(self.doc), j + 2) and self.doc[k].pos_ == "ADJ" \
                and not self.taken[k] and self.match_alias(k) is None:
            k += 1
        best = None
        for start in range(j, k + 1):
            for end in range(start + 1, min(len(self.doc), start + 3) + 1):
                group = self.kb.groups.get(fold(self.slice_text(start, end)))
                if group and self._common_noun(end - 1) and self.free(start, end):
                    best = (group, end)
            if best:
                break
        if best is None:
            return None
        group, end = best
        if country is None and end < len(self.doc) and self.doc[end].text in POSSESSIVE:
            return None
        head = self.doc[end - 1]
        if country is None:
            country = self.country_of_attachment(head, group.mobile)
        if country is None and not group.mobile:
            # Police or protesters of no named country: those of the sentence's one country,
            # else of the story's, else of the place the story is datelined in.
            country = self.dominant_country(i) or self.dateline_country
        self.possessor = possessor
        begin = min(self.add_possessor() or modifier_begin, end - 1)
        if country and country in self.kb.countries:
            name = f"{self.kb.countries[country].adjective} {group.group}"
        else:
            name = group.group
        self.add(f"group:{country or 'any'}:{slug(group.group)}", name, "group", begin, end,
                 country=country, sector=group.sector, known=True)
        return end

    def _common_noun(self, i: int) -> bool:
        """A noun, or, first in its clause, a capitalised one the tagger took for a name
        though no entity covers it and no name follows ("NAIROBI (Reuters) - Police fired
        ...": the dateline makes "Police" look like part of a heading; not "Police
        Commissioner Jessica Tisch")."""
        token = self.doc[i]
        if token.pos_ == "NOUN":
            return True
        if token.pos_ != "PROPN" or token.ent_type_:
            return False
        after = self.doc[i + 1] if i + 1 < len(self.doc) else None
        first = i == 0 or token.is_sent_start or self.doc[i - 1].is_punct
        return first and (after is None or after.pos_ != "PROPN")

    def country_of_attachment(self, head: Token, mobile: bool) -> str | None:
        """The country of "protesters in Tbilisi", "refugees from Sudan". Where people of a
        mobile group are ("diplomats in Geneva", "refugees in Chad") says nothing of theirs."""
        preps = ("from", "of") if mobile else ("in", "from", "of", "inside")
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                start = obj.left_edge.i
                while start < obj.i and self.folded[start] == "the":
                    start += 1
                country = self.country_of_name(self.slice_text(start, obj.i + 1))
                if country:
                    return country
        return None

    def countries_named_later_in_sentence(self, end: int) -> list[str]:
        """Countries named (by name, demonym, capital or seat) from ``end`` to the end of
        its sentence, in text order."""
        if end >= len(self.doc):
            return []
        sent = self.doc[end].sent
        found: list[str] = []
        for k in range(end, sent.end):
            if not self.doc[k].text[:1].isupper():
                continue
            match = self.match_alias(k)
            if match is None:
                continue
            for entry in match[1]:
                if entry.kind in ("country", "capital", "demonym", "seat") \
                        and entry.key not in found:
                    found.append(entry.key)
                    break
        return found

    def country_of_name(self, name: str) -> str | None:
        for entry in self.kb.lookup(name):
            if entry.kind in ("country", "capital", "seat", "demonym"):
                return entry.key
        if not name[:1].isupper():
            return None
        place = gazetteer().lookup(name, self.context_country_any())
        return place.country if place else None

    def context_country_any(self) -> str | None:
        return self.country_counts.most_common(1)[0][0] if self.country_counts else None

    # --- 5. knowledge-base names -----------------------------------------------------------

    def read_alias(self, i: int) -> int | None:
        if self.folded[i] == "the":
            return None
        match = self.match_alias(i)
        if match is None:
            return None
        end, entries = match
        token = self.doc[i]
        ent = self.ent_start.get(i)
        if ent is not None and ent.label_ in ("ORG", "PERSON", "FAC") and ent.end > end \
                and self.free(ent.start, ent.end) \
                and not self.kb.titles.get(self.folded[end]) \
                and self.doc[end].text not in POSSESSIVE \
                and all(t.pos_ == "PROPN" for t in self.doc[end:ent.end]):
            return None  # "Taiwan Affairs Office", "Jordan Bardella": the entity is longer
        kinds = {e.kind: e for e in entries}
        is_person_entity = token.ent_type_ == "PERSON"
        if "person" in kinds and (is_person_entity or not ({"country", "organisation"}
                                                           & kinds.keys())):
            people = [self.kb.people[e.key] for e in entries if e.kind == "person"]
            person = max(people, key=lambda p: self.person_score(p, None, None))
            self.person_entry(person, i, end)
            return end
        if "organisation" in kinds:
            org = self.kb.organisations[kinds["organisation"].key]
            if end < len(self.doc) and org.sector in ("REB", "MIL") \
                    and self.kb.groups.get(self.folded[end]) is not None \
                    and self.kb.groups[self.folded[end]].sector in ("REB", "MIL"):
                end += 1  # "M23 fighters", "Hamas gunmen": the group's own forces
            self.add(org.id, org.name, "organisation", i, end, country=org.country,
                     sector=org.sector, known=True)
            return end
        if "country" in kinds or "seat" in kinds:
            iso3 = (kinds.get("country") or kinds["seat"]).key
            self.add_country(iso3, i, end)
            return end
        if "capital" in kinds:
            iso3 = kinds["capital"].key
            if self.stands_for_government(i, end):
                self.add_country(iso3, i, end)
            else:
                self.add_place(self.slice_text(i, end), iso3, i, end)
            return end
        if "people" in kinds:
            iso3 = kinds["people"].key
            name = self.slice_text(i, end)
            self.add(f"group:{iso3}:people", name, "group", i, end, country=iso3,
                     sector="CVL", known=True)
            return end
        if "demonym" in kinds:
            group = self.coordinated_group(end)
            if group is not None:
                # "Thai and Cambodian troops": the first demonym shares the group noun.
                iso3 = kinds["demonym"].key
                adjective = self.kb.countries[iso3].adjective
                self.add(f"group:{iso3}:{slug(group.group)}", f"{adjective} {group.group}",
                         "group", i, end, country=iso3, sector=group.sector, known=True)
                return end
            self.add_country(kinds["demonym"].key, i, end)
            return end
        return None

    def coordinated_group(self, end: int) -> GroupNoun | None:
        """The group noun after "and <demonym>" following a demonym, if any."""
        if end + 1 >= len(self.doc) or self.folded[end] not in ("and", "or", ","):
            return None
        match = self.match_alias(end + 1)
        if match is None or not any(e.kind == "demonym" for e in match[1]):
            return None
        after = match[0]
        for length in (2, 1):
            if after + length <= len(self.doc):
                group = self.kb.groups.get(fold(self.slice_text(after, after + length)))
                if group:
                    return group
        return None

    def stands_for_government(self, start: int, end: int) -> bool:
        """Whether a capital is used for its government ("Beijing warned", "a rebuke from
        Moscow") rather than for the city ("bombs fell on Kyiv"); see metonymy.yaml."""
        token = self.doc[end - 1]
        while token.dep_ in ("conj", "appos") and token.head.i != token.i:
            token = token.head
        dep = token.dep_
        if dep in ("nsubj", "nsubjpass", "csubj"):
            return True
        if end < len(self.doc) and self.doc[end].text in POSSESSIVE:
            owned = self.doc[end].head if self.doc[end].head.i != token.i else token.head
            return fold(owned.text) not in self.kb.place_nouns and fold(owned.lemma_) \
                not in self.kb.place_nouns
        if dep == "dobj":
            return fold(token.head.lemma_) not in self.kb.place_verbs
        if dep == "pobj":
            preposition = token.head
            governor = preposition.head
            if preposition.lower_ not in self.kb.government_prepositions:
                return False
            if governor.pos_ in ("NOUN", "PROPN"):
                return fold(governor.lemma_) not in self.kb.place_nouns
            # "would not negotiate with Washington", "was criticised by Beijing"; not "on"
            # or "from" after a verb ("bombs fell on Kyiv", "withdrew from Kherson").
            return (governor.pos_ == "VERB" and preposition.lower_ in VERB_PARTNER_PREPOSITIONS
                    and fold(governor.lemma_) not in self.kb.place_verbs)
        return False

    def add_country(self, iso3: str, start: int, end: int) -> None:
        country = self.kb.countries[iso3]
        self.add(f"country:{iso3}", country.name, "country", start, end, country=iso3,
                 sector="GOV", known=True)

    def add_place(self, name: str, hint: str | None, start: int, end: int) -> bool:
        place = gazetteer().lookup(name, hint)
        if place is None:
            return False
        self.add(place.id, place.name, "place", start, end, country=place.country,
                 known=True)
        return True

    def read_surname(self, i: int) -> int | None:
        """A bare surname the tagger did not call a person ("Biden later called Xi"): one of
        a person already in the article, or of a known office holder."""
        token = self.doc[i]
        if token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper() \
                or token.ent_type_ not in ("", "PERSON", "ORG", "NORP", "GPE"):
            return None
        ent = self.ent_start.get(i)
        if ent is not None and ent.end > i + 1:
            return None
        if i + 1 < len(self.doc) and self.doc[i + 1].pos_ == "PROPN" \
                and self.doc[i + 1].text[:1].isupper():
            return None  # part of a longer name
        existing = self.in_article_person(token.text, None)
        if existing is not None:
            self.add(existing.actor.id, existing.actor.name, "person", i, i + 1)
            return i + 1
        if self.folded[i] not in self.kb.surnames:
            return None
        person = self.find_person(token.text, None, None)
        if person is None:
            return None
        self.person_entry(person, i, i + 1)
        return i + 1

    # --- 6. named entities the knowledge base does not know ---------------------------------

    def read_entity(self, i: int) -> int | None:
        ent = self.ent_start.get(i)
        following = self.ent_start.get(i + 1)
        if ent is None and following is not None and following.label_ == "PERSON" \
                and self.doc[i].pos_ == "PROPN" and self.doc[i].text[:1].isupper() \
                and not self.doc[i].ent_type_ and self.folded[i] not in HONORIFICS:
            ent = self.doc[i:following.end]  # "Lionel Messi" tagged as just "Messi"
            ent.label_ = "PERSON"
        if ent is None or not self.free(ent.start, ent.end):
            return None
        label = ent.label_
        start, end = ent.start, ent.end
        while end > start and (self.doc[end - 1].text in POSSESSIVE
                               or self.doc[end - 1].is_punct):
            end -= 1
        if end <= start:
            return None
        first = start + 1 if self.folded[start] == "the" and end > start + 1 else start
        text = self.slice_text(first, end)
        if not text[:1].isupper() or _DIGIT.search(text):
            return None
        if self.folded[first] in STORM_WORDS and end > first + 1:
            return end  # a named storm: no actor, and no reader should make it one
        known = self.match_alias(first) if first > start else None
        if known is not None and known[0] == end:
            return self.read_alias(first)  # "the White House": the knowledge base first
        if label == "PERSON":
            return self.entity_person(start, end)
        if label == "ORG":
            return self.entity_organisation(ent, start, end)
        if label in ("GPE", "LOC", "FAC"):
            return self.entity_place(start, end, region=label == "LOC")
        return None

    def entity_person(self, start: int, end: int, maybe_place: bool = True) -> int:
        name = self.slice_text(start, end)
        known = [e for e in self.kb.lookup(name) if e.kind == "person"]
        if maybe_place and not known and self.looks_like_place(start, end):
            return self.entity_place(start, end)  # "in eastern Ladakh": a place mis-tagged
        name_start = start
        while name_start < end - 1 and self.folded[name_start].rstrip(".") in HONORIFICS:
            name_start += 1
        name = self.slice_text(name_start, end)
        person = self.find_person(name, None, None)
        if person is not None:
            self.person_entry(person, start, end)
            return end
        existing = self.in_article_person(name, None)
        if existing is not None:
            self.add(existing.actor.id, existing.actor.name, "person", start, end)
            return end
        entry = self.unknown_person(name, start, end, None, None)
        if entry.actor.country is None:
            entry.actor.country = self.dominant_country(start)
        return end

    def looks_like_place(self, start: int, end: int) -> bool:
        """A name the tagger called a person or organisation that is a place: after "in",
        "near"... ("in eastern Ladakh"), or a gazetteer place in the article's country."""
        before = start - 1
        while before >= 0 and self.doc[before].pos_ == "ADJ":
            before -= 1
        if before >= 0 and (self.folded[before] in PLACE_PREPOSITIONS or self.folded[before]
                            in ("on", "of")) and self.folded[before] not in ("to", "from"):
            return True
        hint = self.context_country(start)
        return hint is not None and gazetteer().lookup(
            self.slice_text(start, end), hint, require_hint=True) is not None

    def dominant_country(self, i: int) -> str | None:
        """For a name of unknown nationality: the only country its sentence names, else the
        country of most of the article's country mentions so far (when there is one)."""
        named = set(self.sentence_countries(i)) | set(self.countries_named_later_in_sentence(i))
        if len(named) == 1:
            return next(iter(named))
        if named or not self.country_counts:
            return None
        country, count = self.country_counts.most_common(1)[0]
        return country if count * 2 > sum(self.country_counts.values()) else None

    def entity_organisation(self, ent: SpacySpan, start: int, end: int) -> int:
        if self.folded[start] == "the":
            start += 1
            if start >= end:
                return ent.end
        name = self.slice_text(start, end)
        # The knowledge base repairs the tagger: a known person, organisation or country
        # tagged as an organisation is what the knowledge base says it is.
        for entry in self.kb.lookup(name):
            if entry.kind == "organisation":
                org = self.kb.organisations[entry.key]
                self.add(org.id, org.name, "organisation", start, end, country=org.country,
                         sector=org.sector, known=True)
                return end
            if entry.kind == "person":
                self.person_entry(self.kb.people[entry.key], start, end)
                return end
            if entry.kind in ("country", "seat"):
                self.add_country(entry.key, start, end)
                return end
        if end - start <= 3 and all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper()
                                    for t in self.doc[start:end]):
            existing = self.in_article_person(name, None)
            if existing is not None:
                self.add(existing.actor.id, existing.actor.name, "person", start, end)
                return end
            person = self.find_person(name, None, None)
            if person is not None:
                self.person_entry(person, start, end)
                return end
            if self.looks_like_place(start, end):
                return self.entity_place(start, end)
        country = None
        for k in range(start, end):
            found = self.kb.country_for_word(self.doc[k].text)
            if found:
                country = found
                break
        sector = self.kb.sector_of_name(name)
        if country is None and sector != "MED":
            country = self.dominant_country(start)
        self.add(f"org:{slug(name)}", name, "organisation", start, end, country=country,
                 sector=sector, known=False)
        return end

    def entity_place(self, start: int, end: int, region: bool = False) -> int:
        """A place: from the gazetteer when it knows the name (a region, sea or continent only
        by a city's main name, never by an alternate: "Africa" is not a town's nickname)."""
        if self.folded[start] == "the":
            start += 1
        name = self.slice_text(start, end)
        hint = self.context_country(start)
        place = gazetteer().lookup(name, hint)
        if place is not None and (place.primary or not region):
            self.add(place.id, place.name, "place", start, end, country=place.country,
                     known=True)
            return end
        root = self.doc[start:end].root
        if not region and end - start >= 2 and any(
                child.dep_ == "appos" and child.pos_ == "NOUN" for child in root.children):
            # "Karim Sadeghi, Iran's top negotiator": a person the tagger took for a place.
            return self.entity_person(start, end, maybe_place=False)
        country = None if region else (self.country_after_comma(end)
                                        or self.dominant_country(start))
        self.add(f"place:{slug(name)}", name, "place", start, end, country=country,
                 known=False)
        return end

    def country_after_comma(self, end: int) -> str | None:
        """"Butler, Pennsylvania", "Kananaskis, Canada": the country of the name after."""
        if end + 1 >= len(self.doc) or self.doc[end].text != ",":
            return None
        token = self.doc[end + 1]
        if not token.text[:1].isupper():
            return None
        stop = end + 2
        while stop < len(self.doc) and stop < end + 4 and self.doc[stop].text[:1].isupper():
            stop += 1
        return self.country_of_name(self.slice_text(end + 1, stop))

    # --- 7. places the tagger missed ------------------------------------------------------

    def read_place_after_preposition(self, i: int) -> int | None:
        """A capitalised name the tagger missed or mislabelled ("Omdurman" as a nationality)
        that the gazetteer knows: after "in", "near"... or in a list of places any size,
        elsewhere only a large city (100,000 people) or one in the article's country."""
        token = self.doc[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper() \
                or token.ent_type_ not in ("", "NORP", "PRODUCT", "GPE", "LOC"):
            return None
        after_preposition = i > 0 and (self.folded[i - 1] in PLACE_PREPOSITIONS
                                       or self.continues_place_list(i))
        hint = self.context_country(i)
        for end in range(min(len(self.doc), i + 3), i, -1):
            if not self.free(i, end) or not self.doc[end - 1].text[:1].isupper():
                continue
            name = self.slice_text(i, end)
            place = gazetteer().lookup(name, hint, require_hint=False)
            if place is None or not place.primary:
                continue
            if place.country != hint and place.population < 100_000:
                continue
            if not after_preposition and place.country != hint and place.population < 500_000:
                continue
            self.add(place.id, place.name, "place", i, end, country=place.country, known=True)
            return end
        if self.continues_place_list(i) and token.ent_type_ in ("", "GPE", "LOC"):
            self.add(f"place:{slug(token.text)}", token.text, "place", i, i + 1,
                     country=self.dominant_country(i), known=False)
            return i + 1
        return None

    def continues_place_list(self, i: int) -> bool:
        """"in Kyiv, Kharkiv and Odesa": a name right after a place and a comma or "and"."""
        if self.folded[i - 1] not in (",", "and", "or") or not self.history:
            return False
        position, actor_id = self.history[-1]
        actor = self.entries[actor_id].actor
        return actor.kind == "place" and bool(actor.mentions) and \
            actor.mentions[-1].end >= self.doc[i - 1].idx - 1

    # --- appositions -----------------------------------------------------------------------

    def read_of_country(self) -> None:
        """"Ali Shamkhani of Iran": the country of a person the knowledge base does not know."""
        for entry in self.entries.values():
            actor = entry.actor
            if actor.kind != "person" or actor.known or actor.country:
                continue
            for mention in actor.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or span.end + 1 >= len(self.doc):
                    continue
                if self.folded[span.end] in ("of", "from"):
                    match = self.match_alias(span.end + 1)
                    if match and any(e.kind == "country" for e in match[1]):
                        actor.country = next(e.key for e in match[1] if e.kind == "country")
                        break

    def read_appositions(self) -> None:
        """Roles in appositions: "Randhir Jaiswal, the ministry's spokesperson" and "Iran's
        top negotiator, Ali Bagheri"."""
        person_at: dict[int, _Entry] = {}
        for entry in self.entries.values():
            if entry.actor.kind != "person":
                continue
            for mention in entry.actor.mentions:
                for token in self.doc.char_span(mention.start, mention.end,
                                                alignment_mode="expand") or ():
                    person_at[token.i] = entry
        for token in self.doc:
            if token.dep_ != "appos" or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if token.i in person_at and token.head.i not in person_at:
                entry, role_head = person_at[token.i], token.head
                role_tokens = [t for t in role_head.subtree if t.i < token.left_edge.i]
            elif token.head.i in person_at and token.i not in person_at:
                entry, role_head = person_at[token.head.i], token
                role_tokens = list(token.subtree)
            else:
                continue
            if role_head.pos_ != "NOUN" or not role_tokens:
                continue
            self.apposition_claim(entry, role_head, role_tokens)

    def apposition_claim(self, entry: _Entry, head: Token, tokens: list[Token]) -> None:
        start, end = tokens[0].i, tokens[-1].i + 1
        while end > start and self.doc[end - 1].is_punct:
            end -= 1
        # The role is the head noun with its adjectives and noun modifiers, without the
        # determiner and possessor: "the ministry's official spokesperson" -> "official
        # spokesperson".
        words = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.i >= start]
        role_start = words[0].i if words else head.i
        role = self.slice_text(role_start, head.i + 1)
        if entry.actor.country is None:
            for t in head.lefts:
                if t.dep_ == "poss":
                    country = self.kb.country_for_word(t.text)
                    if country:
                        entry.actor.country = country
        if entry.actor.sector is None and self.kb.titles.get(fold(head.text)):
            entry.actor.sector = "GOV"
        self.claim(entry, role, start, end)


def _first_name_agrees(words: list[str], person: Person) -> bool:
    """"Sergey V. Lavrov" may be Sergei Lavrov; "Karim Khan" is not Imran Khan."""
    first = words[0]
    family_first = any(o.country in FAMILY_NAME_FIRST for o in person.offices)
    for name in (person.name, *person.aliases):
        parts = fold(name).replace(".", " ").split()
        if not parts:
            continue
        if parts[0] == first or (family_first and parts[-1] == first):
            return True
        if len(first) == 1 and parts[0].startswith(first):
            return True
        if first[:4] == parts[0][:4] and len(first) > 3:
            return True  # transliterations: Sergey/Sergei, Dmitry/Dmitri
    return False
