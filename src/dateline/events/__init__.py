"""The events stage: PLOVER-typed events with participants, time, place, status, attribution
and evidence, plus the article's quotes.

``extract_events(article, doc, actors, timexes)`` finds triggers (``lexicon``), reads their
arguments off the parse (``arguments``), decides what the article claims about each
(``status``) and according to whom (``attribution``), then joins mentions of the same event
("the meeting", "the talks" after "X will meet Y") into one event (``joining``).

Not every trigger word is an event of its own (``selection``): what is urged, refused or
threatened is the content of that act, a noun naming a summit as a setting or a truce in
passing only points back to an event, and a negated future verb is a refusal. Quoted
verdicts ("called the claims 'baseless'") are events too (``evaluation``). Some trigger
words are used in another reading the parse makes plain ("fighting corruption", "a heart
attack", "hosting the Games"; ``readings``). After joining, answers take the authors of
what they answer as target, and a denied accused act is denied (``answers``). Last, dates
anchored on events ("on the eve of the summit") are resolved (``anchoring``).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from dateline.events.anchoring import apply_anchors
from dateline.events.answers import answered, denials_of_accused_acts
from dateline.events.arguments import (
    PARTICIPANT_KINDS,
    PRONOUN_KINDS,
    ActorIndex,
    Argument,
    beneficiary,
    country_of_place,
    destination,
    find_date,
    find_participants,
    find_place,
    force_targets,
    governing_verb,
    has_agent_subject,
)
from dateline.events.attribution import chain_for
from dateline.events.evaluation import find_verdicts, is_judged
from dateline.events.joining import join_mentions, points_back
from dateline.events.lexicon import TriggerEntry, TriggerMatch, find_triggers
from dateline.events.quotes import extract_quotes
from dateline.events.readings import leaves_its_object_as_it_was, reading
from dateline.events.selection import (
    REFUSAL,
    aspect_verbs_yield,
    cancelled_as_planned,
    carries_event,
    content_of,
    denied_antecedent,
    has_event_predicate,
    is_background,
    is_planned_noun,
    is_predicated,
    is_refusal,
    is_setting,
    money_transfers,
    negation_in,
    proposed,
    refusals,
    refuses,
    reversals,
    said_of_future,
    says_whether_it_happens,
    threatened_clause,
    transfers,
)
from dateline.events.status import classify, is_negated
from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    Location,
    Participant,
    Quote,
    Source,
    Span,
    Timex,
    content_id,
)

__all__ = ["extract_events", "extract_quotes", "join_mentions", "ActorIndex", "run"]

def _geocode(actor: Actor) -> Location:
    from dateline.actors.geo import geocode

    found = geocode(actor.name, actor.country)
    if found is not None:
        return found
    return Location(name=actor.name, country=actor.country)


def _mention(article: Article, doc: Doc, match: TriggerMatch) -> Span:
    first, last = doc[match.start], doc[match.end - 1]
    return Span(first.idx, last.idx + len(last), article.text[first.idx:last.idx + len(last)])


def _meets_needs(entry: TriggerEntry, trigger: Token, arguments: list[Argument]) -> bool:
    """Whether the trigger meets the conditions its lexicon entry sets (``needs``)."""
    needs = set(entry.needs)
    if "anaphoric" in needs and not points_back(trigger):
        return False
    if "future" in needs and not said_of_future(trigger):
        return False
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    if ("active" in needs and passive) or ("passive" in needs and not passive):
        return False
    if "transitive" in needs and not passive and not any(
            c.dep_ in ("dobj", "obj") for c in trigger.children):
        return False  # "the demonstrators dispersed peacefully": nobody dispersed them
    if ("actor_subject" in needs or entry is REFUSAL) and not has_agent_subject(
            trigger, arguments):
        return False
    if "named_agent" in needs and not has_agent_subject(trigger, arguments, passive_ok=False):
        return False
    return "actor_object" not in needs or any(a.role == "target" for a in arguments)


def _event_from_trigger(
    article: Article, doc: Doc, match: TriggerMatch, index: ActorIndex, timexes: list[Timex],
    quote_sources: list[tuple[int, int, Source]],
) -> Event | None:
    trigger = match.head
    verb = governing_verb(trigger)
    entry = _sense(match, index)
    status: str | None = None
    negated = is_negated(trigger, verb) and not negation_in(match)
    if (negated and match.nominal and verb is not None and verb.i != trigger.i
            and leaves_its_object_as_it_was(verb)
            and not any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)):
        # "the decision would not affect joint operations already under way".
        negated = False
    if negated:
        if match.nominal and verb is not None and says_whether_it_happens(verb):
            # "the meeting did not take place": it was called off.
            status = "cancelled"
        elif match.nominal and verb is not None and carries_event(verb, trigger):
            # "will not hold their planned joint exercise": the plan is off; "did not hold
            # talks": the talks did not happen. Either way the noun's event is the record.
            status = ("cancelled" if said_of_future(verb) or is_planned_noun(trigger)
                      else "denied")
        elif match.nominal and any(c.dep_ == "det" and c.lower_ == "no"
                                   for c in trigger.children):
            # "there were no consultations under way": the event is denied.
            status = "denied"
        elif verb is None or verb.i != trigger.i or not is_refusal(verb):
            return None
        elif entry.type == "CONSULT" and not refuses(verb):
            # "will not meet": a plan said to be off, not a refusal of anybody's.
            status = "cancelled" if cancelled_as_planned(verb) else "denied"
        else:
            entry = REFUSAL
    arguments = find_participants(trigger, match.nominal, index, (match.start, match.end))
    if not _meets_needs(entry, trigger, arguments):
        return None
    found = reading(entry, match, arguments)
    if found is None:
        return None
    entry = found
    timex = find_date(doc, trigger, verb, timexes)
    place = find_place(doc, trigger, verb, index)
    _add_implicit_target(entry, trigger, verb, index, place, arguments)
    entry = _aimed_abroad(entry, arguments)
    if status is None:
        # A refusal or a threat ("would respond") is made when it is said.
        said_now = entry is REFUSAL or "future" in entry.needs
        status = ("occurred" if said_now
                  else classify(trigger, verb, timex, article.date, entry.state))
        if entry.prospect and status in ("occurred", "ongoing", "planned"):
            # "faces the death penalty": a risk the text states, not an act carried out.
            status = "hypothetical"
    quote_speaker = next(
        (src for start, end, src in quote_sources if start <= trigger.idx < end), None
    )
    attribution = chain_for(trigger, verb, index, quote_speaker)
    mention = _mention(article, doc, match)
    participants = [
        Participant(actor_id=a.actor.id, name=a.actor.name, country=a.actor.country, role=a.role)
        for a in arguments
    ]
    confidence = 0.4 + 0.15 * min(len(participants), 2) + (0.1 if timex else 0.0) + (
        0.1 if any(a.actor.known for a in arguments) else 0.0
    )
    return Event(
        id=content_id(article.id, str(mention.start), entry.type),
        type=entry.type, mode=entry.mode, cameo=entry.cameo, status=status,
        date=EventDate(timex.value, timex.text, timex.earliest, timex.latest) if timex else None,
        location=_geocode(place) if place else None,
        participants=participants, attribution=attribution, mentions=[mention],
        confidence=min(confidence, 0.95),
    )


#: Types whose place stands for the party acted on when no other is named ("struck
#: targets in Paktika"), besides a visit's destination ("visited Athens").
PLACE_TARGET_TYPES = frozenset({"ASSAULT"})
#: Types of force used on someone: with no object named, the one it is aimed at is the
#: target ("fired tear gas at protesters", "used water cannon to push back the crowd").
FORCE_TYPES = frozenset({"COERCE", "ASSAULT"})


def _add_implicit_target(entry: TriggerEntry, trigger: Token, verb: Token | None,
                         index: ActorIndex, place: Actor | None,
                         arguments: list[Argument]) -> None:
    """A target the text implies without naming it as an object: a visit's host country, the
    country an attack hits, the one a request asks to act."""
    if any(a.role == "target" for a in arguments):
        return
    if entry.type == "REQUEST" and trigger.pos_ == "VERB":
        # "demanded that she retract the remarks": who is to act is the one asked.
        for clause in (c for c in trigger.children if c.dep_ == "ccomp"):
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                actor = index.for_phrase(subject)
                if actor is not None and actor.kind in ("person", "organisation", "country",
                                                        "group"):
                    arguments.append(Argument(actor, "target", subject))
        return
    if entry.type in FORCE_TYPES and trigger.pos_ == "VERB":
        for token in force_targets(trigger):
            actor = index.for_phrase(token)
            if actor is None and token.lower_ in PRONOUN_KINDS:
                actor = index.antecedent(token)
            if actor is not None and actor.kind in PARTICIPANT_KINDS and actor.id not in {
                    a.actor.id for a in arguments}:
                arguments.append(Argument(actor, "target", token))
        if any(a.role == "target" for a in arguments):
            return
    if entry.type == "AID":
        # "flew tents to Kabul", "A$2 million in funding for the Solomon Islands": who gets
        # aid is named after "for", or where it is sent stands for them.
        recipient = beneficiary(trigger, index)
        if recipient is not None:
            arguments.append(Argument(recipient, "target", trigger))
            return
        host = country_of_place(destination(trigger, verb, index))
    elif entry.mode == "visit":
        host = country_of_place(destination(trigger, verb, index) or place)
    elif entry.type in PLACE_TARGET_TYPES:
        host = country_of_place(place)
    else:
        return
    sources = {a.actor.country for a in arguments if a.role in ("source", "participant")}
    if host is not None and host.country not in sources:
        arguments.append(Argument(host, "target", trigger))


#: What a ban becomes when a state aims it at another country's people, goods or craft
#: ("extended its ban on Indian aircraft"): an embargo between states (PLOVER SANCTION),
#: not a ban on its own people (COERCE).
FOREIGN_BAN = TriggerEntry("SANCTION", "embargo", "163")


def _aimed_abroad(entry: TriggerEntry, arguments: list[Argument]) -> TriggerEntry:
    """A ban whose targets all belong to other countries than its authors' is a sanction.
    A subject pronoun's antecedent, often in another sentence, is too weak a clue to change
    the type; a possessive ("extended its ban") points at its own clause's subject."""
    if entry.type != "COERCE" or entry.mode != "ban":
        return entry
    authors = {a.actor.country for a in arguments if a.role in ("source", "participant")
               and (a.token.lower_ not in PRONOUN_KINDS or a.token.dep_ == "poss")}
    targets = {a.actor.country for a in arguments if a.role == "target"}
    if not authors or None in authors or not targets or None in targets:
        return entry
    return FOREIGN_BAN if not authors & targets else entry


#: Sectors whose actors speak for a state ("the foreign ministry protested").
STATE_SECTORS = frozenset({"GOV", "MIL"})


def _sense(match: TriggerMatch, index: ActorIndex) -> TriggerEntry:
    """The reading of the trigger word its context picks (``senses`` in triggers.yaml)."""
    entry = match.entry
    if not entry.senses:
        return entry
    # Names do not count: "National" in "National Unity Government" is no labour word.
    sentence = {w for t in match.head.sent if t.pos_ != "PROPN"
                for w in (t.lemma_.lower(), t.lower_)}
    for sense in entry.senses:
        if sense.sentence_has and sense.sentence_has & sentence:
            return sense.entry
        if sense.subject == "state":
            for child in _acting_subjects(match.head):
                actor = index.for_phrase(child)
                if actor is not None and (actor.kind == "country"
                                          or actor.sector in STATE_SECTORS):
                    return sense.entry
    return entry


def _acting_subjects(verb: Token) -> list[Token]:
    """The subject of ``verb``, or of the verb controlling it ("summoned the envoy to
    protest": the one who summoned protests)."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


def _has_event_inside(match: TriggerMatch, heads: dict[int, TriggerMatch]) -> bool:
    """"denied that its aircraft struck": the strike is the event, the denial its status."""
    return any(t.i in heads and heads[t.i] is not match for t in match.head.subtree)


def _with_verdicts(
    doc: Doc, matches: list[TriggerMatch]
) -> tuple[list[TriggerMatch], list[tuple[TriggerMatch, TriggerMatch]]]:
    """Add quoted verdicts ("called the claims 'baseless'"). A verdict replaces a lone verb
    trigger on the same word ("called" as a phone call); a phrase already typing the verdict
    ("called the accusation ...") keeps its type and gains the quoted words as a mention."""
    by_head = {m.head.i: m for m in matches}
    extra_mentions = []
    for verdict in find_verdicts(doc):
        current = by_head.get(verdict.head.i)
        if current is None:
            matches.append(verdict)
        elif current.end - current.start == 1 and current.start == verdict.head.i:
            matches[matches.index(current)] = verdict
        else:
            extra_mentions.append((current, verdict))
    return matches, extra_mentions


def extract_events(
    article: Article, doc: Doc, actors: list[Actor], timexes: list[Timex],
    quotes: list[Quote] | None = None, index: ActorIndex | None = None,
) -> list[Event]:
    """The events of one parsed article, mentions of one event joined into one record;
    ``quotes`` (with speakers) attribute the events said inside them."""
    index = index or ActorIndex(actors)
    quote_sources = [
        (q.start, q.end, Source(name=q.speaker.name, kind="person", actor_id=q.speaker.actor_id))
        for q in quotes or [] if q.speaker is not None
    ]
    matches = find_triggers(doc)
    taken = {i for m in matches for i in range(m.start, m.end)}
    matches += refusals(doc, taken)
    matches, verdict_mentions = _with_verdicts(doc, matches)
    matches = aspect_verbs_yield(money_transfers(doc, matches))
    for carry in (transfers, reversals):
        matches, carried = carry(matches)
        verdict_mentions += carried
    matches.sort(key=lambda m: m.start)
    heads = {m.head.i: m for m in matches}
    answers: list[tuple[Event, str]] = []
    built, references, background = _build_events(
        article, doc, matches, heads, index, timexes, quote_sources)
    events = []
    for match in matches:
        event = built.get(id(match))
        if event is None:
            continue
        governor = content_of(match, heads)
        owner = built.get(id(governor)) if governor is not None else None
        if governor is not None and id(governor) in background:
            # "messages calling for a boycott": the content of a mere description.
            continue
        if owner is None:
            if threatened_clause(match, heads) or (
                    proposed(match) and event.status in ("planned", "occurred")):
                event.status = "hypothetical"
            events.append(event)
        elif owner.type == event.type:
            # "agreed to a ceasefire", "travel to Kabul for talks": the same event; "the
            # conference it had planned to host in Cairo" also names who and where.
            owner.mentions.append(event.mentions[0])
            if not owner.participants:
                owner.participants = event.participants
            if owner.location is None:
                owner.location = event.location
        elif match.nominal and points_back(match.head):
            # "rejected the accusation": an answer to an event reported before.
            answers.append((owner, event.type))

    for match, verdict in verdict_mentions:
        event = built.get(id(match))
        if event is not None:
            event.mentions.append(_mention(article, doc, verdict))
    events = join_mentions(doc, events, references)
    answered(doc, events, answers)
    return denials_of_accused_acts(doc, events)


#: Types whose nouns, with no party named, speak of a kind of act rather than one act:
#: "a policy of threats", "hyping the so-called China threat".
ABSTRACT_NOUN_TYPES = frozenset({"THREATEN"})


def _build_events(
    article: Article, doc: Doc, matches: list[TriggerMatch], heads: dict[int, TriggerMatch],
    index: ActorIndex, timexes: list[Timex], quote_sources: list[tuple[int, int, Source]],
) -> tuple[dict[int, Event], set[str], set[int]]:
    """An event for every trigger that reports one, by ``id(match)``; the ids of events that
    are only references ("violated the truce"); the matches that are mere description."""
    built: dict[int, Event] = {}
    references: set[str] = set()
    background: set[int] = set()
    denied: list[TriggerMatch] = []
    for match in matches:
        if "no_event_inside" in match.entry.needs:
            if _has_event_inside(match, heads):
                continue
            antecedent = denied_antecedent(match, heads)
            if antecedent is not None:
                denied.append(antecedent)
                continue
        if is_background(match, heads) or (match.nominal and is_judged(match.head)):
            background.add(id(match))
            continue
        event = _event_from_trigger(article, doc, match, index, timexes, quote_sources)
        if event is not None:
            built[id(match)] = event
            if ("predicate" in match.entry.needs and not has_event_predicate(match.head)
                    or is_setting(match) or is_predicated(match)
                    or (match.nominal and event.type in ABSTRACT_NOUN_TYPES
                        and not event.participants)):
                references.add(event.id)
    for match in denied:
        if id(match) in built:
            built[id(match)].status = "denied"
    return built, references, background


def run(
    article: Article, doc: Doc, actors: list[Actor], timexes: list[Timex]
) -> tuple[list[Event], list[Quote]]:
    """The stage as the pipeline calls it: quotes first, so events inside a quote are
    attributed to its speaker; last, dates anchored on events ("on the eve of the summit")
    are resolved, which updates ``timexes`` in place."""
    index = ActorIndex(actors)
    quotes = extract_quotes(article.text, doc, actors, index)
    events = extract_events(article, doc, actors, timexes, quotes, index)
    apply_anchors(article.text, article.date, doc, events, timexes)
    for event in events:
        _no_occurrence_in_the_future(event, article)
    return events, quotes


def _no_occurrence_in_the_future(event: Event, article: Article) -> None:
    """An article cannot report as done what is dated after it. When joining mentions ("agreed
    to resume talks next month" ... "after the talks") leaves "occurred" with a later date,
    the plan's date is the better evidence. A single past-tense mention keeps its status:
    there the date is the likelier mistake."""
    if event.status != "occurred" or event.date is None or len(event.mentions) < 2:
        return
    bound = event.date.earliest or event.date.value
    try:
        earliest = date.fromisoformat(bound[:10])
    except ValueError:
        return
    if earliest > article.date:
        event.status = "planned"
