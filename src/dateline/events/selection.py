"""Which trigger occurrences report events of their own.

A trigger word is not always a new event. "urged Israel to release the crew": the release is
what is asked for, not something that happened; "agreed to an immediate ceasefire": the
ceasefire is what was agreed, the same event; "talks on a trade agreement": the agreement is
the topic. And a negated verb is no event, unless it is a refusal: "would not negotiate" is a
REJECT, "will not meet as planned" a cancelled meeting.

``content_of`` finds the trigger a word is the content of; ``refusals`` finds the negated
verbs that state a refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.events.arguments import is_agent
from dateline.events.lexicon import TriggerEntry, TriggerMatch

#: Event types whose complement is something wished, refused, feared or blamed, not an event
#: that happened: "urged X to withdraw", "refused to back", "threatened to impose sanctions".
CONTENT_TAKING_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "SUPPORT"})
#: Requests keep their own record even when refused or welcomed ("rejected Beijing's demand").
NEVER_CONTENT_TYPES = frozenset({"REQUEST"})
#: Dependency links along which a word is inside its governor's complement.
COMPLEMENT_DEPS = frozenset({"dobj", "obj", "xcomp", "pobj", "prep", "pcomp", "attr",
                             "ccomp"})
#: Prepositions that make a nominal trigger the topic of another event ("talks on a truce").
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})
#: Event types whose "on"/"over"/"about" object is their topic, not a deed of its own.
TOPIC_TAKING_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Prepositions that make a gathering the setting of another event ("met at the summit").
SETTING_PREPS = frozenset({"at", "sidelines"})
#: Verbs whose object is the audience of what is said: "told a conference".
AUDIENCE_VERBS = frozenset({"tell", "address", "brief", "inform"})
#: Prepositions that lead to what a request, refusal, threat or praise is about.
CONTENT_PREPS = frozenset({"for", "to", "of", "on", "against", "with", "about", "over", "into",
                           "from"})
#: Prepositions that make a nominal trigger the purpose of an event of its own type.
PURPOSE_PREPS = frozenset({"for", "to"})
#: Nouns that only say "an event": "a shooting incident", "a bombing campaign".
EVENT_NOUNS = frozenset({"incident", "episode", "spree", "wave", "campaign", "operation"})
#: Nouns that put forward an event: "a proposal for talks", "an offer to resume exchanges".
PROPOSAL_NOUNS = frozenset({"proposal", "offer", "invitation", "suggestion", "idea",
                            "initiative", "bid", "overture"})
#: Nouns whose "into"/"of"/"on" object is only their topic: "an investigation into the
#: blasts", "the victims of the attack", "a report on the talks".
TOPIC_HOLDERS = frozenset({
    "investigation", "inquiry", "probe", "report", "review", "evidence", "victim", "survivor",
    "anniversary", "aftermath", "wake", "memory", "footage", "video", "photo", "account",
    "details", "detail", "scene", "site", "toll", "cause", "responsibility", "perpetrator",
    "suspect", "culprit", "mastermind", "debate", "book", "film",
    # "fears of US sanctions": an act feared or risked is not reported as done.
    "fear", "risk", "prospect", "possibility", "spectre", "specter",
})
TOPIC_OF_PREPS = frozenset({"into", "of", "on", "about", "for", "behind"})
#: "arrested on charges of calling for unrest": the calling is what someone is charged with.
CHARGE_NOUNS = frozenset({"charge", "suspicion", "count", "conviction", "offence", "offense",
                          "crime"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "ca", "can"})
#: Words saying a planned event will not happen: "will not meet this year as planned".
AS_PLANNED = frozenset({"planned", "scheduled", "expected", "agreed", "announced"})

REFUSAL = TriggerEntry("REJECT", None, "120")

#: Verbs that report something happening to an agreement-like noun, so the noun is an event
#: of its own ("reached a truce", "the accord took effect"), not a reference to one.
EVENT_PREDICATES = frozenset({
    "reach", "sign", "strike", "broker", "announce", "approve", "ratify", "seal", "finalize",
    "finalise", "conclude", "agree", "accept", "negotiate", "take", "come", "begin", "start",
    "hold", "collapse", "break", "propose", "offer", "secure", "clinch", "initial", "endorse",
    "declare", "enter", "mediate", "unveil", "suspend", "cancel", "postpone", "delay",
    "schedule", "plan", "expect", "provide", "give", "grant", "extend", "pledge", "send",
    "deliver", "receive", "lift", "remove", "cut", "impose", "resume", "renew",
    "enforce", "implement", "expand", "deepen", "boost", "strengthen", "enhance", "launch",
    "establish", "forge", "build", "need", "want", "seek",
})
PREDICATE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})


#: Verbs that end what their object names: a suspended accord is an existing one.
ENDING_PREDICATES = frozenset({"suspend"})


def has_event_predicate(noun: Token) -> bool:
    """"signed a truce", "the truce took effect", "an accord signed on Monday"."""
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in EVENT_PREDICATES
           for c in noun.children):
        return True
    if noun.dep_ in PREDICATE_DEPS and noun.head.lemma_.lower() in EVENT_PREDICATES:
        lemma = noun.head.lemma_.lower()
        # "the truce would hold" says it lasts; "held talks" that they happened;
        # "suspended the peace accord" speaks of an accord made before.
        return not ((noun.dep_ == "nsubj" and lemma == "hold")
                    or (noun.dep_ in ("dobj", "obj", "nsubjpass")
                        and lemma in ENDING_PREDICATES))
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        return False  # "released the prisoners under an agreement with the Vatican"
    # "provide Ukraine with loans", "pledged $1 billion in aid".
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        holder = noun.head.head
        if holder.pos_ == "VERB" and holder.lemma_.lower() in EVENT_PREDICATES:
            return True
        if holder.dep_ in PREDICATE_DEPS and holder.head.lemma_.lower() in EVENT_PREDICATES:
            return True
    if noun.dep_ == "conj" and noun.head.i != noun.i:
        return has_event_predicate(noun.head)
    return False


def content_of(match: TriggerMatch, heads: dict[int, TriggerMatch]) -> TriggerMatch | None:
    """The trigger whose complement, topic or setting ``match`` is, when that makes it no
    event of its own; ``heads`` maps token index -> match for every trigger of the doc."""
    token = match.head
    clause = token
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head  # "a summit, which Japan had hoped to host": up to "hoped"
    if not match.nominal and clause.dep_ in ("acl", "relcl"):
        # "talks mediated by Qatar", "a summit, which Japan hoped to host": the same event.
        governor = _covering(clause.head, heads)
        if governor is not None and governor.entry.type == match.entry.type:
            return governor
    if not match.nominal and token.dep_ == "advcl" and token.tag_ == "VBG":
        # "would not retract the remarks, rejecting Beijing's demand": one refusal;
        # "repulsed an attack on a garrison, killing 20 fighters": the attack's toll.
        head = token.head
        candidates = [_covering(head, heads)] + [
            heads.get(c.i) for c in head.children if c.dep_ in ("dobj", "obj")]
        for governor in candidates:
            if (governor is not None and governor is not match
                    and governor.entry.type == match.entry.type):
                return governor
    if not match.nominal and token.dep_ == "advcl" and _is_infinitive(token):
        # "summoned the envoy to protest", "met to discuss trade": the act's purpose. A
        # visit "to relaunch negotiations" is another event of its own kind.
        governor = heads.get(token.head.i)
        if governor is not None and governor.entry.type == match.entry.type and (
                None in (governor.entry.mode, match.entry.mode)
                or governor.entry.mode == match.entry.mode):
            return governor
    preps: list[str] = []
    deps: list[str] = []
    for _ in range(5):
        if token.dep_ not in COMPLEMENT_DEPS or token.head.i == token.i:
            return None
        if token.head.lemma_.lower() in PROPOSAL_NOUNS and token.head.i not in heads:
            # "rejected an Algerian proposal for talks": the talks are proposed, an event of
            # their own (hypothetical), whatever befalls the proposal.
            return None
        deps.append(token.dep_)
        if token.dep_ == "prep":
            preps.append(token.lower_)
        elif token.dep_ == "pobj" and token.lower_ == "sidelines":
            preps.append("sidelines")
        parent = token.head
        governor = heads.get(parent.i)
        if governor is not None and governor is not match:
            if _absorbs(governor, match, preps, deps):
                return governor
            return None
        # Control passes through: "called on supporters to keep protesting".
        if parent.pos_ in ("VERB", "AUX") and not preps and parent.dep_ != "xcomp":
            return None
        if token.dep_ == "ccomp":
            return None
        token = parent
    return None


def _covering(token: Token, heads: dict[int, TriggerMatch]) -> TriggerMatch | None:
    """The trigger whose words include ``token`` ("resumed talks" covers "talks")."""
    found = heads.get(token.i)
    if found is not None:
        return found
    return next((m for m in heads.values() if m.start <= token.i < m.end), None)


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def threatened_clause(match: TriggerMatch, heads: dict[int, TriggerMatch]) -> bool:
    """"warned that his government would expel any diplomat who ...": the threatened act
    spelled out as a clause of its own, with its own subject. It is an event of its own,
    hypothetical (the labelling convention; "threatened to expel" is only the threat)."""
    token = match.head
    if match.nominal or token.dep_ != "ccomp" or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    governor = heads.get(token.head.i)
    return governor is not None and governor.entry.type == "THREATEN"


def _absorbs(
    governor: TriggerMatch, match: TriggerMatch, preps: list[str], deps: list[str]
) -> bool:
    kind = governor.entry.type
    if match.entry.type in NEVER_CONTENT_TYPES:
        return False
    if kind == "THREATEN" and deps == ["ccomp"] and match.entry.type != "THREATEN" and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in match.head.children):
        return False  # see threatened_clause
    nearest = preps[0] if preps else None
    if kind in CONTENT_TAKING_TYPES and (
            nearest is None or nearest in CONTENT_PREPS or governor.nominal):
        # Not "praised the plan during a phone call": "during" sets a time, not content;
        # after a noun ("no interest in talks") any preposition leads to the content.
        return True
    if kind == match.entry.type and deps == ["ccomp"]:
        # "warned that the navy would punish ...": one threat.
        return True
    if match.nominal and deps in (["dobj"], ["obj"]) and kind == match.entry.type:
        # "host a conference": the noun is what the verb acts on, the same event.
        return True
    if match.nominal and kind == match.entry.type and nearest in PURPOSE_PREPS:
        # "will travel to Kabul for talks": the talks are what the visit is for.
        return True
    if kind == "AGREE" and match.entry.type == "AGREE":
        return True
    if match.nominal and nearest in TOPIC_PREPS and kind in TOPIC_TAKING_TYPES:
        # "talks on a truce": the truce is what is talked about. After a punishment
        # ("sentenced her over the crackdown") the noun is the deed, an event of its own.
        return True
    return match.nominal and match.entry.type == "CONSULT" and (
        "sidelines" in preps
        or (nearest in SETTING_PREPS and match.entry.mode == "multilateral"))


def _has_future_aux(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def negation_in(match: TriggerMatch) -> bool:
    """Whether the trigger's own words carry the negation ("did not send a delegation")."""
    doc = match.head.doc
    return any(doc[i].dep_ == "neg" or doc[i].lower_ in ("not", "no", "n't")
               for i in range(match.start, match.end))


def cancelled_as_planned(verb: Token) -> bool:
    """"will not meet this year as planned": the plan is off."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.lower_ in AS_PLANNED:
            return True
        if child.lower_ == "as" and any(g.lower_ in AS_PLANNED for g in child.subtree):
            return True
    return False


#: Verbs too light to refuse anything by themselves ("would not let the truce collapse").
NOT_REFUSALS = frozenset({
    "let", "be", "have", "do", "get", "make", "say", "comment",
    # Withholding words is no refusal of anything done: "would not confirm the arrival".
    "confirm", "disclose", "elaborate", "reveal", "specify", "identify", "name", "speculate",
    # Idioms: "would not stand in the way of talks".
    "stand",
    # Perceiving and thinking: "I thought I would never see him again".
    "see", "hear", "know", "think", "believe", "expect", "forget", "remember", "imagine",
    "feel", "understand",
    # No will behind them: "we cannot fail to act", "it would not affect the decision",
    # "the troops would not go to the south".
    "fail", "mind", "affect", "cover", "face", "discount", "go", "come", "change", "matter",
})


def refuses(verb: Token) -> bool:
    """"would not negotiate", "could not accept": someone's will, not a plan's fate."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "ca", "can")
               for c in verb.children)


def is_refusal(verb: Token) -> bool:
    """A negated future or modal verb: "would not disarm", "will not allow voting". Not a
    passive: "the force will not be tasked with disarmament" is no one's refusal."""
    return (verb.pos_ == "VERB" and verb.lemma_.lower() not in NOT_REFUSALS
            and any(c.dep_ == "neg" for c in verb.children) and _has_future_aux(verb)
            and not any(c.dep_ == "auxpass" for c in verb.children))


def refusals(doc: Doc, taken: set[int]) -> list[TriggerMatch]:
    """Negated future verbs that are not triggers themselves: each a REJECT trigger. Not a
    verb that only carries an event noun ("will not hold the exercise": the exercise is
    off) or says whether something happens ("it will not happen", "would not take place")."""
    return [
        TriggerMatch(token, token.i, token.i + 1, REFUSAL, False)
        for token in doc
        if token.i not in taken and is_refusal(token) and not says_whether_it_happens(token)
        and not any(carries_event(token, child) for child in token.children if child.i in taken)
    ]


#: Verbs that say whether something happens, with no will of their own.
HAPPENING_LEMMAS = frozenset({"happen", "occur", "proceed", "materialise", "materialize"})


def says_whether_it_happens(verb: Token) -> bool:
    """"happened", "took place", "went ahead" (not "took part")."""
    lemma = verb.lemma_.lower()
    if lemma in HAPPENING_LEMMAS:
        return True
    words = {c.lower_ for c in verb.children}
    return (lemma == "take" and "place" in words) or (lemma == "go" and "ahead" in words)


#: Light verbs that make their event noun happen: "hold talks", "stage drills". Not
#: "attend": a leader who will not attend a summit stays away from it (a boycott), and the
#: summit goes on.
HOLDING_VERBS = frozenset({
    "hold", "have", "conduct", "stage", "host", "convene", "organize", "organise", "launch",
    "begin", "start", "open", "resume", "carry", "mount", "wage", "chair",
})


def carries_event(verb: Token, noun: Token) -> bool:
    """A verb that makes the event its object names happen: "will not hold the exercise"."""
    return (verb.lemma_.lower() in HOLDING_VERBS and noun.dep_ in ("dobj", "obj")
            and noun.head.i == verb.i)


#: Modifiers of an event noun that say it was planned: "their planned joint exercise".
PLANNED_MODIFIERS = frozenset({"planned", "scheduled", "proposed", "expected", "upcoming",
                               "promised", "announced"})


def is_planned_noun(noun: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in PLANNED_MODIFIERS for c in noun.children)


#: Verbs whose complement is said of the future: "vowed to retaliate".
FUTURE_GOVERNORS = frozenset({"vow", "threaten", "pledge", "promise", "warn", "plan", "intend"})


def said_of_future(verb: Token) -> bool:
    """"would respond", "will retaliate", "vowed to hit back"."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX - {"can", "ca"} for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_GOVERNORS


def is_background(match: TriggerMatch, heads: dict[int, TriggerMatch]) -> bool:
    """A trigger word that only describes something else, no event of its own: a noun
    modifying another noun ("the blast investigation"), a past participle used as an
    adjective ("the jailed former prime minister"), a verb describing a thing that cannot
    act ("messages calling for a boycott"), or a charge ("on charges of calling for unrest")."""
    token = match.head
    head = token.head
    if head.i == token.i:
        return False
    if match.end - match.start > 1:
        first = token.doc[match.start]
        # "frozen Russian assets": a participle phrase used as an adjective (tagged as a
        # participle or, as often, as an adjective of a word of the phrase). One with a
        # subject of its own, or in a sentence left with no verb, is a verb the parse took
        # for an adjective ("South Korea scrambled fighter jets").
        if (first.dep_ == "amod" and not any(c.dep_ == "nsubj" for c in first.children)
                and first.head.dep_ != "ROOT"
                and (first.tag_ == "VBN" or (first.lower_.endswith(("ed", "en"))
                                             and match.start < first.head.i < match.end))):
            return True
    if match.nominal and token.dep_ == "pobj" and head.lower_ == "without":
        return True  # "the talks collapsed without agreement": it did not happen
    if match.nominal:
        # "an investigation into the blasts", "victims of the attack": the topic of
        # something else, an event reported elsewhere if at all.
        if (token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in TOPIC_OF_PREPS
                and head.head.lemma_.lower() in TOPIC_HOLDERS):
            return True
        # "the bombing inquiry" describes an inquiry; "a shooting incident" is the shooting.
        return (token.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN")
                and head.i not in heads and head.lemma_.lower() not in EVENT_NOUNS)
    if token.dep_ == "amod" and token.tag_ == "VBN":
        return True
    if token.dep_ == "acl" and token.tag_ == "VBG" and head.i not in heads:
        return not is_agent(head)
    if token.dep_ == "pcomp" and head.dep_ == "prep":
        return head.head.lemma_.lower() in CHARGE_NOUNS
    return False


def is_predicated(match: TriggerMatch) -> bool:
    """A noun said of something else: "in what would be his first trip to Tokyo", "it would
    have been the leaders' first meeting". It speaks of an event already named."""
    token = match.head
    return match.nominal and token.dep_ == "attr" and token.head.lemma_.lower() == "be"


def is_setting(match: TriggerMatch) -> bool:
    """A gathering named as where something else happened: "at Thursday's summit", "on the
    sidelines of the summit". It is an event only if the article reports it otherwise."""
    token = match.head
    if not match.nominal or match.entry.mode != "multilateral":
        return False
    if token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() in AUDIENCE_VERBS:
        return True  # "he told a conference in Bahrain": where words were said
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ in SETTING_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lower_ == "sidelines"


def denied_antecedent(match: TriggerMatch, heads: dict[int, TriggerMatch]) -> TriggerMatch | None:
    """"accused X of laying mines, which X denied": the trigger the relative clause denies."""
    token = match.head
    if token.dep_ != "relcl" or token.head.i == token.i:
        return None
    antecedent = token.head
    for candidate in (antecedent, antecedent.head):
        found = heads.get(candidate.i)
        if found is not None and found is not match:
            return found
    for other in heads.values():
        if other is not match and other.start <= antecedent.i < other.end:
            return other
    return None


#: Verbs that hand over what their object names: "pledged $5 million in aid", "will provide
#: Ukraine with loans". With an aid noun in the object the verb reports the aid itself.
TRANSFER_VERBS = frozenset({
    "pledge", "promise", "offer", "provide", "give", "send", "deliver", "extend", "grant",
    "announce", "approve", "allocate", "commit", "earmark", "donate", "disburse", "unveil",
    "ship", "supply", "airlift", "dispatch", "channel", "release",
})
#: Prepositions between an amount and what it is of: "$5 million in aid", "tonnes of food".
AMOUNT_PREPS = frozenset({"in", "of", "with", "worth"})
MATERIAL_TYPES = frozenset({"AID"})


def transfer_verb(noun: Token) -> Token | None:
    """The verb that hands over the aid ``noun`` names, if any."""
    token = noun
    for _ in range(4):
        if token.dep_ in ("dobj", "obj", "dative") and token.head.pos_ == "VERB":
            verb = token.head
            return verb if verb.lemma_.lower() in TRANSFER_VERBS else None
        if token.dep_ == "pobj" and token.head.lower_ in AMOUNT_PREPS:
            token = token.head.head
            if token.pos_ == "VERB":
                return token if token.lemma_.lower() in TRANSFER_VERBS else None
            continue
        if token.dep_ == "conj":
            token = token.head
            continue
        return None
    return None


Carried = tuple[list[TriggerMatch], list[tuple[TriggerMatch, TriggerMatch]]]


def _carry_to_governor(
    matches: list[TriggerMatch],
    governor_of: Callable[[TriggerMatch], tuple[Token, TriggerEntry] | None],
) -> Carried:
    """Replace each noun trigger that ``governor_of`` maps to a governing word by one event
    headed by that word, with the entry it gives; a single-word trigger on the governor
    itself is the same event. Returns the new matches and (governor match, noun match)
    pairs whose noun is to be a further mention of the governor's event."""
    by_head = {m.head.i: m for m in matches}
    dropped: set[int] = set()
    governors: set[int] = set()
    pairs: list[tuple[TriggerMatch, TriggerMatch]] = []
    for match in matches:
        found = governor_of(match) if match.nominal else None
        if found is None or found[0].i in governors:
            continue
        governor, entry = found
        own = by_head.get(governor.i)
        if own is not None and own is not match and own.end - own.start > 1:
            continue  # "sent 50 tonnes of food aid": a phrase already says it all
        if own is not None:
            dropped.add(id(own))
        dropped.add(id(match))
        governors.add(governor.i)
        carried = TriggerMatch(governor, governor.i, governor.i + 1, entry,
                               governor.pos_ in ("NOUN", "PROPN"))
        pairs.append((carried, match))
    kept = [m for m in matches if id(m) not in dropped] + [c for c, _ in pairs]
    kept.sort(key=lambda m: m.start)
    return kept, pairs


def _transfer(match: TriggerMatch) -> tuple[Token, TriggerEntry] | None:
    if match.entry.type not in MATERIAL_TYPES:
        return None
    verb = transfer_verb(match.head)
    if verb is None:
        return None
    # Handed over, the aid is an event of its own ("predicate" is met by the verb).
    return verb, replace(match.entry, needs=tuple(n for n in match.entry.needs
                                                  if n != "predicate"))


def transfers(matches: list[TriggerMatch]) -> Carried:
    """Aid nouns handed over by a verb become events headed by that verb, so the giver and
    the receiver are read off its clause: "pledged $5 million in aid to Malawi" is one AID
    event, not a pledge beside a party-less aid."""
    return _carry_to_governor(matches, _transfer)


#: Words that take a sanction back: "lifted the sanctions", "a suspension of the sanctions",
#: "an exemption from US sanctions", "agreed to pause its export controls".
EASING_WORDS = frozenset({
    "lift", "lifting", "ease", "easing", "suspend", "suspension", "pause", "waive", "waiver",
    "exempt", "exemption", "scrap", "remove", "removal", "drop", "relax", "relaxation",
    "loosen", "rescind", "revoke", "repeal", "rollback", "end", "halt", "relief", "reprieve",
})
#: Prepositions from an easing noun to the sanction it eases.
EASING_PREPS = frozenset({"of", "from", "on"})
EASING = TriggerEntry("RETREAT", "easing", "081")


def _easing(match: TriggerMatch) -> tuple[Token, TriggerEntry] | None:
    if match.entry.type != "SANCTION":
        return None
    token = match.head
    if token.dep_ == "conj":
        token = token.head
    if token.dep_ in ("dobj", "obj", "nsubjpass"):
        governor = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in EASING_PREPS:
        governor = token.head.head
    else:
        return None
    return (governor, EASING) if governor.lemma_.lower() in EASING_WORDS else None


def reversals(matches: list[TriggerMatch]) -> Carried:
    """A sanction that is lifted, suspended or waived is a RETREAT (easing) by whoever eases
    it, headed by the easing word: not a new sanction."""
    return _carry_to_governor(matches, _easing)


def proposed(match: TriggerMatch) -> bool:
    """Whether the event is what a proposal or offer puts forward ("a proposal for talks")."""
    token = match.head
    for _ in range(4):
        if token.head.i == token.i:
            return False
        if token.head.lemma_.lower() in PROPOSAL_NOUNS:
            return True
        if token.dep_ not in COMPLEMENT_DEPS:
            return False
        token = token.head
    return False


#: Verbs that hand over the sum their object names: "pledged 50 million pounds".
MONEY_VERBS = frozenset({
    "pledge", "promise", "offer", "provide", "give", "grant", "donate", "lend", "deposit",
    "transfer", "disburse", "allocate", "earmark", "commit", "extend", "send",
})
CURRENCY_NOUNS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "renminbi", "rupee",
                            "riyal", "dirham", "franc", "ruble", "rouble", "won", "peso"})
MONEY_AID = TriggerEntry("AID", "economic", "071")


def _is_sum(token: Token) -> bool:
    return (token.ent_type_ == "MONEY" or token.lemma_.lower() in CURRENCY_NOUNS
            or any(t.is_currency for t in token.subtree))


def money_transfers(doc: Doc, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """"Britain pledged 50 million pounds to rebuild Gaza", "Riyadh deposited $3 billion in
    Pakistan's central bank": a sum handed over is economic aid, headed by the verb. A lone
    pledge or promise trigger on the verb becomes that aid."""
    by_head = {m.head.i: m for m in matches}
    kept = list(matches)
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in MONEY_VERBS:
            continue
        if not any(c.dep_ in ("dobj", "obj") and _is_sum(c) for c in verb.children):
            continue
        own = by_head.get(verb.i)
        if own is not None and (own.end - own.start > 1 or own.entry.type == "AID"):
            continue  # a phrase already reads it ("provide $10 million in aid")
        if own is not None:
            kept.remove(own)
        kept.append(TriggerMatch(verb, verb.i, verb.i + 1, MONEY_AID, False))
    kept.sort(key=lambda m: m.start)
    return kept


#: Verbs that only start or restart what their object names: "agreed to reopen talks".
ASPECT_VERBS = frozenset({"reopen", "resume", "restart", "revive", "relaunch", "begin",
                          "start", "launch", "continue"})


def aspect_verbs_yield(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop a one-word verb trigger that only (re)starts an event noun of another type, so
    the noun's event stands with the verb's subject: "reopen talks" is talks, not an
    easing of something."""
    nouns = {m.head.i: m for m in matches if m.nominal}
    kept = []
    for match in matches:
        verb = match.head
        if (not match.nominal and match.end - match.start == 1
                and verb.lemma_.lower() in ASPECT_VERBS
                and any(c.dep_ in ("dobj", "obj") and c.i in nouns
                        and nouns[c.i].entry.type != match.entry.type
                        for c in verb.children)):
            continue
        kept.append(match)
    return kept
