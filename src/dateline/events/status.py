"""What the article claims about an event: planned, occurred, ongoing, cancelled, postponed,
denied or hypothetical, read from tense, modality and the words around the trigger.

The rules look at the trigger, the verb its clause hangs from, and the chain of verbs that
govern that one ("is expected to meet", "agreed to hold talks", "denied that they met").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from dateline.model import Timex

CANCEL_LEMMAS = frozenset({"cancel", "scrap", "abandon", "scrub", "axe", "drop", "shelve"})
POSTPONE_LEMMAS = frozenset({"postpone", "delay", "defer", "reschedule", "adjourn"})
#: particle verbs: (verb lemma, particle) -> status
PARTICLE_STATUS = {
    ("call", "off"): "cancelled",
    ("put", "off"): "postponed",
    ("push", "back"): "postponed",
}
DENY_LEMMAS = frozenset({"deny", "dismiss", "refute"})
#: Verbs that make their complement a plan: "plans to meet", "agreed to hold talks".
PLAN_LEMMAS = frozenset({
    "plan", "expect", "set", "schedule", "intend", "prepare", "aim", "agree", "arrange", "due",
    "decide", "vow", "pledge", "promise", "invite", "slate",
})
#: Verbs (and adjectives) that make their complement a possibility, not a plan: "offered to
#: host", "hopes to meet", "is ready to enter negotiations", "would consider lifting".
POSSIBILITY_LEMMAS = frozenset({
    "offer", "propose", "consider", "hope", "try", "seek", "want", "wish", "ready", "willing",
    "suggest", "float", "explore",
})
#: Verbs that make their complement under way: "began joint drills", "continued talks".
ONGOING_LEMMAS = frozenset({"begin", "start", "continue", "open", "remain", "keep", "stay"})
#: Of those, the ones that keep an event going whatever their tense ("will remain on alert").
CONTINUE_LEMMAS = frozenset({"continue", "remain", "keep", "stay"})
#: Nouns standing for a claim: "denied reports that X had asked Y" denies the asking.
CLAIM_NOUNS = frozenset({"report", "claim", "allegation", "accusation", "suggestion", "rumour",
                         "rumor", "speculation"})
#: "has no intention of invading", "no plans to meet": the event is denied.
NO_INTENT_NOUNS = frozenset({"intention", "plan", "plans", "intent"})
#: Verbs that report speech: "would" under them is a future seen from the past, not a condition.
REPORTING_LEMMAS = frozenset({
    "say", "tell", "announce", "report", "confirm", "state", "add", "claim", "note", "insist",
    "explain", "disclose", "reveal", "write", "indicate", "signal", "suggest",
})
PLAN_MODIFIERS = frozenset({
    "upcoming", "planned", "scheduled", "forthcoming", "next", "expected", "future",
    "prospective",
})
POSSIBILITY_MODIFIERS = frozenset({"proposed", "possible", "potential", "mooted"})
#: "ahead of the talks": the talks are still to come.
BEFORE_WORDS = frozenset({"ahead", "before"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the words that govern it through complement clauses (a claim noun
    in between is stepped over: "denied reports that they met")."""
    chain = [verb]
    current = verb
    for _ in range(5):
        if current.head.i == current.i:
            break
        if current.dep_ in ("acl", "ccomp") and current.head.lemma_.lower() in CLAIM_NOUNS:
            claim = current.head
            if claim.head.i == claim.i or claim.dep_ not in ("dobj", "obj", "nsubj"):
                break
            current = claim.head
            chain.append(current)
            continue
        if current.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp"):
            break
        if current.dep_ == "advcl" and current.tag_ == "VBG":
            # "..., blaming Russia for the attack": a participle tells what was done then,
            # not what the main clause plans.
            break
        current = current.head
        chain.append(current)
    return chain


def _complement_links(chain: list[Token]) -> list[Token]:
    """The part of the chain a status word can reach: complements, not adverbial clauses
    ("suspended the accord after a blast" does not suspend the blast)."""
    out = chain[:1]
    for lower, upper in zip(chain, chain[1:], strict=False):
        if lower.dep_ in ("advcl", "conj"):
            break
        out.append(upper)
    return out


def _no_intent(trigger: Token) -> bool:
    """"no intention of invading", "has no plans to meet"."""
    current = trigger
    for _ in range(3):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in NO_INTENT_NOUNS or current.lower_ in NO_INTENT_NOUNS:
            return any(c.dep_ == "det" and c.lower_ == "no" for c in current.children)
        if current.pos_ == "VERB" and current.i != trigger.i and current.dep_ != "xcomp":
            if current.pos_ == "VERB" and current.dep_ not in ("acl", "pcomp"):
                return False
    return False


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _particle(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def _lexical_status(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    particle = _particle(token)
    if particle and (lemma, particle) in PARTICLE_STATUS:
        return PARTICLE_STATUS[(lemma, particle)]
    if lemma in CANCEL_LEMMAS:
        return "cancelled"
    if lemma in POSTPONE_LEMMAS:
        return "postponed"
    if lemma == "put" and any(c.lower_ == "hold" for c in token.subtree):
        return "postponed"
    return None


def classify(
    trigger: Token, verb: Token | None, event_date: Timex | None, dct: date,
    state: bool = False,
) -> str:
    """The status the article gives the event at ``trigger``; ``state`` marks an event that
    lasts once entered ("put on alert"), so that, real, it is ongoing."""
    # A nominal trigger carries its own plan words: "the upcoming summit", "planned talks".
    if trigger.pos_ == "NOUN":
        modifiers = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
        # "the summit, which was postponed": the relative clause is the event's own, and
        # so is a plan in it: "the summit, which diplomats now expect in December", "a
        # summit planned for November 14".
        for child in trigger.children:
            if child.dep_ in ("relcl", "acl"):
                status = _lexical_status(child)
                if status:
                    return status
                if child.lemma_.lower() in PLAN_LEMMAS:
                    # A plan, unless the clause the noun sits in says what became of it
                    # ("postponed a meeting that had been scheduled for ...").
                    modifiers.add("planned")
    else:
        modifiers = set()

    chain = _verb_chain(verb) if verb is not None else []
    for token in _complement_links(chain):
        # The trigger's own word ("suspended trade") is the event, not its status.
        status = _lexical_status(token) if token.i != trigger.i else None
        if status:
            return status
        if token.lemma_.lower() in DENY_LEMMAS and token.i != trigger.i:
            return "denied"
    if _no_intent(trigger):
        return "denied"

    sentence = trigger.sent
    if sentence.text.rstrip().endswith("?"):
        return "hypothetical"
    reported = any(t.lemma_.lower() in REPORTING_LEMMAS for t in chain[1:])
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children):
            return "hypothetical"
        aux = _aux_words(token)
        if aux & HYPOTHETICAL_AUX and "have" not in aux:
            return "hypothetical"
        if "would" in aux and not reported:
            return "hypothetical"

    if trigger.pos_ == "NOUN" and modifiers & POSSIBILITY_MODIFIERS:
        return "hypothetical"
    for i, token in enumerate(chain):
        if (i > 0 and token.lemma_.lower() in POSSIBILITY_LEMMAS
                and chain[i - 1].dep_ in ("xcomp", "acomp")):
            return "hypothetical"
        if i == 0 and token.i != trigger.i and token.lemma_.lower() in POSSIBILITY_LEMMAS:
            return "hypothetical"

    if any(t.i != trigger.i and t.lemma_.lower() in CONTINUE_LEMMAS
           for t in _complement_links(chain)[:2]):
        # "would keep three divisions on alert", "the suspension will stay in place".
        return "ongoing"

    future = False
    for i, token in enumerate(chain):
        aux = _aux_words(token)
        if aux & FUTURE_AUX or "would" in aux:
            future = True
        lemma = token.lemma_.lower()
        # "is expected to meet", "agreed to hold talks": a plan verb controlling the event;
        # "planned a summit": a plan verb taking the nominal event as its object.
        if lemma in PLAN_LEMMAS and (
            (i > 0 and chain[i - 1].dep_ == "xcomp")
            # the plan is the noun itself, not a setting of it: "agreed in a phone call"
            or (i == 0 and token.i != trigger.i and trigger.head.i == token.i
                and trigger.dep_ in ("dobj", "obj", "nsubjpass"))
        ):
            future = True
        if lemma == "go" and token.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in token.children):
            future = True
        # "talks are to be held", "X is to visit": be + infinitive.
        if token.dep_ == "xcomp" and token.head.lemma_ == "be":
            future = True
    if modifiers & PLAN_MODIFIERS:
        future = True
    if trigger.pos_ == "NOUN" and _follows_before_word(trigger):
        future = True

    if event_date is not None:
        bound = event_date.earliest or event_date.value[:10]
        try:
            when = date.fromisoformat(bound) if len(bound) == 10 else None
        except ValueError:
            when = None
        if when is not None:
            # "called a strike for next Wednesday": a noun's future date makes it a plan.
            if when > dct and (trigger.pos_ == "NOUN" or not _is_past_tense(chain)):
                return "planned"
            if when < dct and not future:
                return _realis(trigger, chain, state)
    if future:
        return "planned"
    return _realis(trigger, chain, state)


def _realis(trigger: Token, chain: list[Token], state: bool = False) -> str:
    """Occurred or ongoing, for an event the article reports as real. A state ("on
    alert") that was entered is still on."""
    if state or (chain and _is_progressive_present(chain[0])):
        return "ongoing"
    if _continues(trigger, chain):
        return "ongoing"
    return "occurred"


def _continues(trigger: Token, chain: list[Token]) -> bool:
    """"began joint drills", "would keep troops on alert", "the freeze would stay": the
    event is under way. Only the verb that governs the event counts, not a verb beside it
    ("began a visit and held talks")."""
    links = _complement_links(chain)[:2]
    return any(t.i != trigger.i and t.lemma_.lower() in ONGOING_LEMMAS for t in links)


def _follows_before_word(noun: Token) -> bool:
    """"ahead of talks with the fund", "before the summit"."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return False
    if prep.lower_ == "before":
        return True
    return prep.lower_ == "of" and prep.head.lower_ in BEFORE_WORDS


def _is_past_tense(chain: list[Token]) -> bool:
    return bool(chain) and chain[0].tag_ in ("VBD",) and not _aux_words(chain[0]) & FUTURE_AUX


def _is_progressive_present(verb: Token) -> bool:
    """"are holding talks", "have been pressing for a meeting"."""
    return verb.tag_ == "VBG" and bool(
        _aux_words(verb) & {"is", "are", "'s", "'re", "am", "been"})


def is_negated(trigger: Token, verb: Token | None) -> bool:
    """"did not meet", "no talks were held": the article says the event did not happen."""
    for token in (trigger, verb):
        if token is None:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            return True
        # "neither side had agreed", "no official would attend".
        if any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in token.children):
            return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)


NOBODY = frozenset({"neither", "none", "nobody", "nothing", "noone"})


def _nobody(subject: Token) -> bool:
    if subject.lower_ in NOBODY:
        return True
    return any(c.dep_ in ("det", "preconj") and c.lower_ in NOBODY | {"no"}
               for c in subject.children)
