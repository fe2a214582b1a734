"""Who took part in an event, and when and where, read off the dependency parse.

Everything here works on spaCy tokens and maps them to the article's actors through their
mention offsets, so each participant keeps the evidence it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from dateline.actors.resolve import STORM_WORDS
from dateline.model import Actor, Timex

#: Verbs that carry a nominal event without adding meaning of their own: "held talks".
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "attend", "host", "begin", "start", "open", "end", "finish",
    "resume", "launch", "stage", "make", "carry", "join", "chair", "convene", "organize",
    "organise", "plan", "schedule", "arrange", "announce", "postpone", "cancel", "delay",
    "call", "seek", "propose", "agree", "mount", "wage", "impose", "conclude", "skip",
    "exchange", "trade", "reopen", "restart", "revive", "relaunch",
    # Who approves or orders an act is its author: "approved the call-up of 60,000 troops".
    "approve", "authorise", "authorize", "order",
})

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Penn tag of "who": a relative pronoun that stands for a party. "Which" and "that" are
#: left alone, since the parse often hangs their clause on the wrong noun ("sanctions
#: against Russia, which phase in a ban").
RELATIVE_PRONOUN_TAGS = frozenset({"WP"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
#: Prepositions whose object is the other side of a meeting, call or agreement.
PARTNER_PREPS = frozenset({"with", "between", "among", "to", "against", "on", "upon"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "from"})
PARTICIPANT_KINDS = frozenset({"person", "organisation", "country", "group"})


#: Third-person pronouns and the kinds of actor each can stand for.
PRONOUN_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("he", "him", "his", "she", "her"), frozenset({"person"})),
    **dict.fromkeys(("it", "its"), frozenset({"country", "organisation", "group"})),
    **dict.fromkeys(("they", "them", "their"), frozenset({"country", "organisation", "group"})),
}

PERSONAL_PRONOUNS = frozenset(p for p, kinds in PRONOUN_KINDS.items() if "person" in kinds)
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})

#: Named-entity labels of phrases that can act.
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
AGENT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "who"})


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    text = resources.files("dateline.events").joinpath("data/agents.yaml").read_text("utf-8")
    return frozenset(word.lower() for word in yaml.safe_load(text)["agents"])


def is_agent(token: Token) -> bool:
    """Whether the phrase headed by ``token`` names someone able to act: a named entity, a
    personal pronoun or a noun such as "police" or "the army" (``data/agents.yaml``). A named
    storm ("Hurricane Melissa killed 19 people") is weather, not an agent."""
    if token.lower_ in STORM_WORDS or any(
            c.dep_ == "compound" and c.lower_ in STORM_WORDS for c in token.children):
        return False
    if token.ent_type_ in AGENT_ENTITIES or token.lower_ in AGENT_PRONOUNS:
        return True
    if token.lemma_.lower() in agent_nouns() or token.lower_ in agent_nouns():
        return True
    return any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in AGENT_ENTITIES
               for c in token.children)


def _in_subject_phrase(token: Token) -> bool:
    """Whether ``token`` is a subject or inside one without crossing a clause ("Pakistan's
    foreign office said", not "the coalition that protested outside the embassy said")."""
    for _ in range(6):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        head = token.head
        if head.i == token.i or head.pos_ in ("VERB", "AUX"):
            return False
        token = head
    return False


#: Nouns that count what follows "of": "tens of thousands of reservists", "dozens of people".
#: Not "number": "the number of Palestinians hit a peak" is said of a figure.
QUANTITY_NOUNS = frozenset({"dozens", "scores", "hundreds", "thousands", "tens", "millions",
                            "dozen", "score", "hundred", "thousand", "million", "handful"})


def counted_noun(token: Token) -> Token:
    """The noun a quantity counts ("tens of thousands of Israeli reservists": reservists),
    or ``token`` itself when it counts nothing."""
    for _ in range(3):
        # "one of the driving forces" is one member, not the forces.
        if token.lower_ == "one" or not (token.like_num or token.lower_ in QUANTITY_NOUNS):
            return token
        counted = [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for obj in prep.children if obj.dep_ == "pobj"]
        if not counted:
            return token
        token = counted[0]
    return token


#: Prefixes that make a nationality a stance: "the pro-Russian party" is Moldova's.
STANCE_PREFIXES = frozenset({"pro", "anti"})


def is_stance(token: Token) -> bool:
    """Whether a modifier is the nationality of a stance ("pro-Russian", "anti-American"),
    which names the side taken, not the party's own country. spaCy splits the hyphen."""
    doc = token.doc
    return (token.i >= 2 and doc[token.i - 1].text == "-"
            and doc[token.i - 2].lower_ in STANCE_PREFIXES)


class ActorIndex:
    """Maps character ranges of the text to the article's actors."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._by_char: dict[int, Actor] = {}
        for actor in actors:
            for mention in actor.mentions:
                for pos in range(mention.start, mention.end):
                    # First actor wins: mentions do not overlap after resolution.
                    self._by_char.setdefault(pos, actor)

    def at_token(self, token: Token) -> Actor | None:
        found = self._by_char.get(token.idx) or self._by_char.get(token.idx + len(token) - 1)
        if found is None and token.lower_ in PRONOUN_KINDS and (
                token.lower_ in PERSONAL_PRONOUNS
                or token.dep_ in ("nsubj", "nsubjpass", "poss")):
            # "it" as an object is mostly a thing ("calling it the worst plan yet").
            return self.antecedent(token)
        return found

    def antecedent(self, pronoun: Token) -> Actor | None:
        """The actor a third-person pronoun stands for: the nearest earlier subject of its
        sentence or the one before that can be called so ("Tajikistan said it had sent
        troops": it = Tajikistan; "he" is a person, "it" is not), else the nearest such
        actor named anywhere in those sentences."""
        kinds = PRONOUN_KINDS[pronoun.lower_]
        sentence = pronoun.sent
        start = sentence.start
        if start > 0:
            start = pronoun.doc[start - 1].sent.start
        fallback: Actor | None = None
        fallback_in_sentence = False
        subject_passed = False
        for token in reversed(pronoun.doc[start:pronoun.i]):
            actor = self._by_char.get(token.idx)
            if (actor is None and token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN"
                    and token.sent.start == sentence.start):
                if not is_agent(token) or (token.tag_ == "NNS" and "person" not in kinds
                                           and pronoun.lower_ in PLURAL_PRONOUNS):
                    # "The organisers said they would march": the nearer subject is meant,
                    # though it names no actor.
                    return None
                # "The coalition that organised a protest outside the embassy said it would
                # march": an agent noun as subject may still stand for an actor named in
                # an earlier sentence ("the ministry said it"), but not for a mere
                # mention inside its own sentence.
                subject_passed = True
                if fallback_in_sentence:
                    fallback = None
                continue
            if actor is None or actor.kind not in kinds:
                continue
            if subject_passed and token.sent.start == sentence.start:
                continue
            if _in_subject_phrase(token):
                return actor
            if fallback is None:
                fallback = actor
                fallback_in_sentence = token.sent.start == sentence.start
        return fallback

    def for_phrase(self, head: Token) -> Actor | None:
        """The actor a noun phrase names: its head first, then the head's name parts and
        modifiers ("Chinese officials" names China's officials when nothing better is known);
        for a quantity that names nobody, what it counts ("dozens of Kenyan protesters")."""
        actor = self._named_by(head)
        counted = counted_noun(head)
        if actor is None and counted.i != head.i:
            actor = self._named_by(counted)
        return actor

    def _named_by(self, head: Token) -> Actor | None:
        actor = self.at_token(head)
        if actor is not None:
            return actor
        for child in head.children:
            if is_stance(child):
                continue
            if child.dep_ in ("compound", "amod", "poss", "nmod", "appos", "flat"):
                actor = self.at_token(child)
                if actor is not None:
                    return actor
        return None

    def all_for_phrase(self, head: Token) -> list[Actor]:
        """Every actor a noun phrase names: its head's, or else those of its modifiers and
        their conjuncts ("Pakistani and Afghan forces" names both countries' forces); for a
        quantity that names nobody, those of what it counts ("tens of thousands of Israeli
        reservists")."""
        found = self._all_named_by(head)
        counted = counted_noun(head)
        return found if found or counted.i == head.i else self._all_named_by(counted)

    def _all_named_by(self, head: Token) -> list[Actor]:
        actor = self.at_token(head)
        found: list[Actor] = [actor] if actor is not None else []
        for child in head.children:
            if child.dep_ not in ("compound", "amod", "poss", "nmod", "appos", "flat"):
                continue
            if is_stance(child):
                continue
            # With an actor for the head, only coordinated modifiers add more.
            if actor is not None and not child.conjuncts:
                continue
            for part in with_conjuncts(child):
                other = self.at_token(part)
                if other is not None and other not in found:
                    found.append(other)
        return found


@dataclass(slots=True)
class Argument:
    actor: Actor
    role: str
    token: Token


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def governing_verb(trigger: Token) -> Token | None:
    """The verb whose clause the trigger belongs to: itself for a verb, the verb a noun hangs
    from ("the talks were postponed" -> postponed; "held talks" -> held)."""
    if trigger.pos_ == "VERB":
        return trigger
    token = trigger
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    """Active and passive subjects of a verb, following control ("X plans to meet Y") and
    relative clauses ("the minister who met Y")."""
    active = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        # "police, who fired tear gas": a relative pronoun stands for the noun it follows
        # (kept too, since "who" says the noun can act).
        def with_antecedent(subjects: list[Token]) -> list[Token]:
            return [t for c in subjects
                    for t in ((verb.head, c) if c.tag_ in RELATIVE_PRONOUN_TAGS else (c,))]
        active, passive = with_antecedent(active), with_antecedent(passive)
    if not active and not passive:
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            # Object control: "would require Ukraine to cede territory", "asked Kyiv to
            # withdraw": the object of the governing verb does the act.
            controllers = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")
                           and c.i < verb.i and c.pos_ in ("PROPN", "NOUN", "PRON")]
            if controllers:
                return controllers, []
        if verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
            return _subjects(verb.head)
        if verb.dep_ == "relcl":
            active = [verb.head]
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return _subjects(verb.head)
    return active, passive


def _prep_objects(token: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child.lower_, obj
        elif child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield "by", obj


def find_participants(
    trigger: Token, nominal: bool, index: ActorIndex, words: tuple[int, int] | None = None
) -> list[Argument]:
    """Who takes part in the event at ``trigger``; ``words`` (token start, end) is the whole
    trigger when it is a phrase, whose other words may carry partners ("held talks with Y")."""
    found: list[Argument] = []
    seen: set[str] = set()

    def add(token: Token, role: str) -> None:
        for tok in with_conjuncts(token):
            for actor in index.all_for_phrase(tok):
                if actor.kind not in PARTICIPANT_KINDS or actor.id in seen:
                    continue
                seen.add(actor.id)
                found.append(Argument(actor, role, tok))

    def add_from_describing_clause(noun: Token) -> None:
        # "talks mediated by Qatar": the clause describing the event names its parties.
        for child in noun.children:
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
                for prep, obj in _prep_objects(child, PARTNER_PREPS | {"by"}):
                    add(obj, "source" if prep == "by" else "target")

    if words is not None:
        for i in range(*words):
            word = trigger.doc[i]
            if word.i == trigger.i:
                continue
            for prep, obj in _prep_objects(word, PARTNER_PREPS):
                add(obj, "participant" if prep == "between" else "target")
            if word.pos_ == "NOUN":
                add_from_describing_clause(word)

    if nominal:
        # Name modifiers: "the Modi-Xi meeting", "Friday's Geneva talks", "US sanctions".
        for child in trigger.children:
            if child.dep_ in ("compound", "poss", "amod", "nmod"):
                add(child, "participant")
        for prep, obj in _prep_objects(trigger, PARTNER_PREPS | {"by", "of"}):
            if prep == "between":
                add(obj, "participant")
            elif prep in ("by", "of") and not found:
                add(obj, "source")
            else:
                add(obj, "target")
        add_from_describing_clause(trigger)
        verb = trigger.head
        if trigger.dep_ in OBJECT_DEPS and verb.lemma_.lower() in LIGHT_VERBS:
            active, _ = _subjects(verb)
            for subj in active:
                add(subj, "source")
            for prep, obj in _prep_objects(verb, PARTNER_PREPS):
                add(obj, "participant" if prep == "between" else "target")
        elif trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
            # "X met Y at the summit" is not the summit's participants; "X took part in talks" is.
            pass
    else:
        active, passive = _subjects(trigger)
        objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
        # Only prepositional objects that name actors: "on Friday" is no partner.
        partner_preps = [
            (prep, obj) for prep, obj in _prep_objects(trigger, PARTNER_PREPS | {"by"})
            if index.for_phrase(obj) is not None
        ]
        for subj in active:
            if subj.conjuncts and not objects and not partner_preps:
                add(subj, "participant")
            else:
                add(subj, "source")
        for subj in passive:
            add(subj, "target")
        for obj in objects:
            add(obj, "target")
            if index.for_phrase(obj) is None:
                # "rejected Beijing's demand", "condemned remarks by India's army chief".
                for child in obj.children:
                    if child.dep_ == "poss":
                        add(child, "target")
                for _, owner in _prep_objects(obj, frozenset({"by", "of"})):
                    add(owner, "target")
        for prep, obj in partner_preps:
            if prep == "by":
                add(obj, "source")
            elif prep == "between":
                add(obj, "participant")
            else:
                add(obj, "target")
        # "X accused Y of ...", "X called on Y to ...": the object may sit under a particle.
        for child in trigger.children:
            if child.dep_ == "prt":
                for _, obj in _prep_objects(child, PARTNER_PREPS):
                    add(obj, "target")
    return found


def _clause_head(token: Token, stop: Token) -> Token | None:
    """Walk up from ``token`` to the first verb or to ``stop``; the clause it belongs to."""
    current = token
    for _ in range(8):
        if current.i == stop.i:
            return stop
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def attaches_to(doc: Doc, start: int, end: int, trigger: Token, verb: Token | None) -> bool:
    """Whether the text at start..end belongs to the trigger's own clause."""
    root = _span_root(doc, start, end)
    if root is None:
        return False
    for anchor in (trigger, verb):
        if anchor is None:
            continue
        head = _clause_head(root, anchor)
        if head is not None and head.i == anchor.i:
            return True
    return False


def participle_modifiers(trigger: Token) -> list[Token]:
    """Participles that describe a nominal event and carry its place: "the summit planned
    for Friday in New Delhi". (Not its date: "a visit scheduled for next week" that was
    postponed no longer happens then.)"""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    return [c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"]


def find_date(doc: Doc, trigger: Token, verb: Token | None, timexes: list[Timex]) -> Timex | None:
    """The date or time of the trigger's clause, the nearest one when there are several."""
    # An undated expression ("the eve" of an event) is dated later by anchoring, if at all.
    candidates = [
        t for t in timexes
        if t.type in ("DATE", "TIME") and not t.value.startswith("XXXX")
        and not _bounds_a_span(doc, t) and not _dates_another_noun(doc, t, trigger)
        and attaches_to(doc, t.start, t.end, trigger, verb)
    ]
    if not candidates:
        shared = _sharing_clause(verb)
        return find_date(doc, shared, shared, timexes) if shared is not None else None
    return min(candidates, key=lambda t: abs(t.start - trigger.idx))


#: Prepositions that make a time the start of a stretch, not the time of the event: "the
#: first round of talks since August" is not held in August. ("until" stays: "put off until
#: early December" gives the new date.)
SPAN_EDGE_PREPS = frozenset({"since"})


def _bounds_a_span(doc: Doc, timex: Timex) -> bool:
    """"since August", "the first shooting since the ceasefire in July"."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in SPAN_EDGE_PREPS:
        return True
    for ancestor in list(span.root.ancestors)[:4]:
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in SPAN_EDGE_PREPS:
            return True
    return False


def _dates_another_noun(doc: Doc, timex: Timex, trigger: Token) -> bool:
    """"Wednesday's march", "Monday's clash": a time owned by a noun dates that noun only,
    not the summit the same clause mentions."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    owner = root.head
    # "the crackdown on last year's uprising": inside a nominal trigger's own phrase the
    # date is the trigger's too; a verb's object keeps its own ("refused permission for
    # Wednesday's march" was not refused on Wednesday).
    inside_nominal = trigger.pos_ in ("NOUN", "PROPN") and any(
        a.i == trigger.i for a in owner.ancestors)
    return (root.dep_ in ("poss", "compound") and owner.pos_ in ("NOUN", "PROPN")
            and owner.i != trigger.i and not inside_nominal)


def _sharing_clause(verb: Token | None) -> Token | None:
    """The verb whose time a clause shares: the first of conjoined verbs ("arrested 14
    fishermen on Sunday and seized two boats"), or the verb a participle clause hangs from
    ("expelled the envoy on Friday, accusing him of spying")."""
    if verb is None or verb.head.i == verb.i:
        return None
    head = verb.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return head
    return None


def find_place(doc: Doc, trigger: Token, verb: Token | None, index: ActorIndex) -> Actor | None:
    """A place (or country) named with "in/at ..." in the trigger's clause, or after the
    object it acts on ("struck targets in Kharkiv")."""
    objects = [c for c in (trigger.children if trigger.pos_ == "VERB" else ())
               if c.dep_ in ("dobj", "obj")]
    for anchor in (trigger, verb, *participle_modifiers(trigger), *objects):
        if anchor is None:
            continue
        for _, obj in _prep_objects(anchor, PLACE_PREPS):
            actor = index.for_phrase(obj)
            if actor is None or (actor.kind == "place" and not actor.country):
                # "in Afghanistan's Paktika province": the place's country, when the
                # gazetteer does not know the place itself.
                actor = next((found for c in obj.children if c.dep_ == "poss"
                              and (found := index.at_token(c)) is not None), actor)
            if actor is not None and actor.kind in ("place", "country"):
                return actor
    # "the Geneva talks": a place as a modifier of a nominal trigger.
    for child in trigger.children:
        if child.dep_ in ("compound", "nmod"):
            actor = index.at_token(child)
            if actor is not None and actor.kind == "place":
                return actor
    return None


def has_agent_subject(
    trigger: Token, arguments: list[Argument], passive_ok: bool = True
) -> bool:
    """Whether someone able to act does the event at ``trigger``: an actor found as its
    source, a passive (whose doer is left implicit: "prisoners were released") unless
    ``passive_ok`` is False, or a subject that names an agent ("police raided")."""
    if any(a.role in ("source", "participant") for a in arguments):
        return True
    if trigger.pos_ != "VERB":
        return any(c.dep_ in ("poss", "compound", "amod") and is_agent(c)
                   for c in trigger.children)
    active, passive = _subjects(trigger)
    if passive or any(c.dep_ == "auxpass" for c in trigger.children):
        return passive_ok or any(is_agent(obj) for _, obj in _prep_objects(trigger, frozenset()))
    return any(is_agent(t) for s in active for t in with_conjuncts(s))


#: Prepositions that lead to where a visit goes: "travelled to Kabul", "flew on to Paris".
DESTINATION_PREPS = frozenset({"to", "into"})


def _country_actor(iso3: str) -> Actor | None:
    from dateline.actors.kb import load

    country = load().countries.get(iso3)
    if country is None:
        return None
    return Actor(id=f"country:{iso3}", name=country.name, kind="country", country=iso3,
                 sector="GOV", known=True)


def country_of_place(place: Actor | None) -> Actor | None:
    """The state a named place lies in, standing for that state ("visited Athens": Greece
    hosts; "struck targets in Paktika": Afghanistan is hit)."""
    if place is not None and place.kind == "country":
        return place
    if place is None or place.kind != "place" or not place.country:
        return None
    return _country_actor(place.country)


def destination(trigger: Token, verb: Token | None, index: ActorIndex) -> Actor | None:
    """Where a visit goes: the place it names as object or after "to"."""
    for anchor in (trigger, verb):
        if anchor is None:
            continue
        for child in anchor.children:
            if child.dep_ in ("dobj", "obj"):
                actor = index.for_phrase(child)
                if actor is not None and actor.kind in ("place", "country"):
                    return actor
        for _, obj in _prep_objects(anchor, DESTINATION_PREPS):
            actor = index.for_phrase(obj)
            if actor is not None and actor.kind in ("place", "country"):
                return actor
    return None


#: Prepositions whose object is who force is used on: "fired tear gas at protesters".
FORCE_TARGET_PREPS = frozenset({"at"})


def force_targets(verb: Token) -> list[Token]:
    """Who force is aimed at when the verb has no object of its own that can be acted on:
    the object of "at" ("fired tear gas at protesters") and the object of a purpose clause
    ("used water cannon to push back the crowd", "fired tear gas to disperse them")."""
    found = [obj for _, obj in _prep_objects(verb, FORCE_TARGET_PREPS)]
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            found += [c for c in clause.children if c.dep_ in OBJECT_DEPS]
    return [t for token in found for t in with_conjuncts(token)]


def beneficiary(trigger: Token, index: ActorIndex) -> Actor | None:
    """Who an act is for, named after "for" in the trigger's own phrase, not in a clause of
    its own ("announced $2 million in funding for the Solomon Islands government")."""
    for token in trigger.subtree:
        if token.dep_ != "prep" or token.lower_ != "for":
            continue
        link = token.head
        while link.i != trigger.i and link.pos_ not in ("VERB", "AUX") and link.head.i != link.i:
            link = link.head
        if link.i != trigger.i:
            continue
        for obj in (c for c in token.children if c.dep_ == "pobj"):
            actor = index.for_phrase(obj)
            if actor is not None and actor.kind in PARTICIPANT_KINDS:
                return actor
    return None
