"""One event, many mentions: later words that speak of an event already reported ("the
meeting", "that conversation", "the upcoming talks") join its record.

A later mention joins an earlier event of the same type and a compatible mode, when their
dates agree and their participants are the same or one names a subset of the other's. A
mention without participants joins only when it points back ("the", "that", "such"), is
known to be a reference (``references``: "violated the truce") or is a bare noun with no
party or date of its own ("the idea of a summit"); the nearest compatible event wins, one
with the same word first ("the summit" goes back to the summit).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.model import Event

#: When mentions of one event disagree, the status that reports more of the story wins:
#: "the talks planned for Friday were postponed" is postponed.
STATUS_PRECEDENCE = ("cancelled", "postponed", "denied", "occurred", "ongoing", "planned",
                     "hypothetical")
#: Determiners that make a nominal trigger point back to an event already reported.
ANAPHORIC_DETERMINERS = frozenset({"the", "that", "this", "those", "these", "such"})


def points_back(token: Token) -> bool:
    """"the meeting", "that call", "no such meeting" ("such" parses as a modifier there)."""
    return any((c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS) or c.lower_ == "such"
               for c in token.children)


def _mention_span(doc: Doc, event: Event) -> Span | None:
    """The tokens of the event's first mention (its trigger)."""
    mention = event.mentions[0]
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _mention_root(doc: Doc, event: Event) -> Token | None:
    span = _mention_span(doc, event)
    return None if span is None else span.root


def _is_anaphoric(doc: Doc, event: Event) -> bool:
    """"the meeting", "that conversation", "the upcoming talks": points back to an event."""
    root = _mention_root(doc, event)
    return root is not None and points_back(root)


def _actor_ids(event: Event) -> set[str]:
    return {p.actor_id for p in event.participants if p.actor_id}


#: Modes that can name the same gathering: "the meeting" may be the summit or the visit.
IN_PERSON_MODES = frozenset({"meeting", "visit", "host", "multilateral", "negotiation",
                             "third-party"})


def _modes_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return "meeting" in (a, b) and a in IN_PERSON_MODES and b in IN_PERSON_MODES


#: Types of acts done to someone or something, where each verb with its own object is an
#: act of its own; verbal acts joined by "and" ("would not negotiate and ruled out talks")
#: restate one stance.
MATERIAL_TYPES = frozenset({"SANCTION", "COERCE", "MOBILIZE", "ASSAULT", "AID"})


def _coordinated_acts(doc: Doc, earlier: Event, later: Event) -> bool:
    """"imposed a curfew and shut down internet access": verbs joined by "and" (or one in a
    clause of the other: "barred the party after a court suspended its activities"), each
    with its own object, report two acts, not two mentions of one act."""
    if later.type not in MATERIAL_TYPES:
        return False
    later_root = _mention_root(doc, later)
    if (later_root is None or later_root.pos_ != "VERB"
            or later_root.dep_ not in ("conj", "advcl")):
        return False
    earlier_root = _mention_root(doc, earlier)
    return (earlier_root is not None and later_root.head.i == earlier_root.i
            and later_root.head.pos_ == "VERB"
            and any(c.dep_ in ("dobj", "obj") for c in later_root.children))


def _same_act(doc: Doc, earlier: Event, later: Event) -> bool:
    """Two trigger words for one act of one type: nouns joined by "and" under one verb
    ("imposed financial sanctions and travel bans"), or a verb whose subject is the earlier
    trigger noun ("the aid convoy delivered food")."""
    if earlier.type != later.type:
        return False
    root = _mention_root(doc, later)
    if root is None:
        return False
    earlier_words = {token.i for span in (doc.char_span(m.start, m.end, alignment_mode="expand")
                                          for m in earlier.mentions) if span is not None
                     for token in span}
    if root.pos_ == "NOUN" and root.dep_ == "conj":
        return root.head.i in earlier_words and root.head.pos_ == "NOUN"
    return root.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.i in earlier_words and c.pos_ == "NOUN" for c in root.children)


def _compatible(earlier: Event, later: Event, anaphoric: bool, bare: bool = False,
                doc: Doc | None = None) -> bool:
    if earlier.type != later.type or not _modes_compatible(earlier.mode, later.mode):
        return False
    if doc is not None and _coordinated_acts(doc, earlier, later):
        return False
    if earlier.date and later.date and earlier.date.value != later.date.value:
        return False
    if _roles_swapped(earlier, later):
        # "the US would cut tariffs on China" and "China agreed to pause its controls":
        # the one acted on in one is the actor of the other, so two acts.
        return False
    ids_a, ids_b = _actor_ids(earlier), _actor_ids(later)
    if ids_b and ids_a:
        # The same participants, or a later mention that names a subset of them ("Li has
        # no plans to meet Takaichi" after "Takaichi and Li will not meet"). A state is
        # the same party whichever of its organs is named ("Israel carried out strikes",
        # "Israel's military said its strikes ...").
        countries_a, countries_b = _countries(earlier), _countries(later)
        states_named = any(i.startswith("country:") for i in ids_a | ids_b)
        return (ids_b <= ids_a or ids_a <= ids_b
                or states_named and bool(countries_a and countries_b)
                and (countries_b <= countries_a or countries_a <= countries_b))
    # A bare noun joins an event only in the same state ("agreed to begin negotiations"
    # after "met" is a new, planned event).
    return anaphoric or (bare and earlier.status == later.status)


def _countries(event: Event) -> set[str]:
    """The countries of the participants, if every participant has one."""
    countries = {p.country for p in event.participants}
    return set() if None in countries else {c for c in countries if c}


def _roles_swapped(a: Event, b: Event) -> bool:
    """Whether an actor, or a country, is the source of one event and the target of the
    other ("Israel returned bodies to Gaza", "Hamas handed over the remains of Israelis")."""
    swap = {"source": "target", "target": "source"}
    roles_a = {(p.actor_id, p.role) for p in a.participants if p.actor_id}
    roles_a |= {(p.country, p.role) for p in a.participants if p.country}
    return any((key, swap[p.role]) in roles_a
               for p in b.participants if p.role in swap
               for key in (p.actor_id, p.country) if key)


def _is_bare(doc: Doc, event: Event) -> bool:
    """A one-noun mention with nothing of its own, no party or date ("the idea of a summit
    in Budapest" after "agreed to meet in Budapest"): it speaks of the same event."""
    if event.participants or event.date is not None or len(event.mentions) > 1:
        return False
    span = _mention_span(doc, event)
    return span is not None and len(span) == 1 and span[0].pos_ == "NOUN"


def _merge(into: Event, other: Event) -> None:
    into.mentions.extend(other.mentions)
    known = _actor_ids(into)
    into.participants.extend(p for p in other.participants if p.actor_id not in known)
    if into.date is None:
        into.date = other.date
    if into.location is None:
        into.location = other.location
    if into.mode is None:
        into.mode = other.mode
    if STATUS_PRECEDENCE.index(other.status) < STATUS_PRECEDENCE.index(into.status):
        into.status = other.status
    for source in other.attribution:
        if source not in into.attribution:
            into.attribution.append(source)
    into.confidence = min(0.95, max(into.confidence, other.confidence) + 0.05)


def join_mentions(doc: Doc, events: list[Event], references: set[str] | None = None
                  ) -> list[Event]:
    """Fold later mentions of an event into the record that introduced it. Events whose id
    is in ``references`` ("violated the truce") only join: alone they are dropped."""
    joined: list[Event] = []
    for event in events:
        reference = references is not None and event.id in references
        anaphoric = reference or _is_anaphoric(doc, event)
        bare = _is_bare(doc, event)
        same = next((e for e in joined if _same_act(doc, e, event)), None)
        if same is not None:
            _merge(same, event)
            continue
        candidates = [e for e in reversed(joined)
                      if _compatible(e, event, anaphoric, bare, doc)]
        # "the summit" points back to the summit, before any other compatible gathering.
        word = event.mentions[0].text.lower()
        target = next(
            (e for e in candidates if any(m.text.lower() == word for m in e.mentions)),
            candidates[0] if candidates else None,
        )
        if target is None:
            if not reference:
                joined.append(event)
        else:
            _merge(target, event)
    return joined
