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
POSTPONE_LEMMAS = frozenset({"postpone", "delay", "defer", "reschedule", "adjourn", "suspend"})
#: particle verbs: (verb lemma, particle) -> status
PARTICLE_STATUS = {
    ("call", "off"): "cancelled",
    ("put", "off"): "postponed",
    ("push", "back"): "postponed",
}
DENY_LEMMAS = frozenset({"deny", "dismiss", "refute"})
#: Verbs that make their complement a plan: "plans to meet", "agreed to hold talks".
PLAN_LEMMAS = frozenset({
    "plan", "expect", "set", "schedule", "intend", "prepare", "hope", "aim", "seek", "want",
    "agree", "propose", "offer", "arrange", "due", "decide", "vow", "pledge", "promise",
    "invite", "slate", "consider", "wish",
})
#: Verbs that report speech: "would" under them is a future seen from the past, not a condition.
REPORTING_LEMMAS = frozenset({
    "say", "tell", "announce", "report", "confirm", "state", "add", "claim", "note", "insist",
    "explain", "disclose", "reveal", "write", "indicate", "signal", "suggest",
})
PLAN_MODIFIERS = frozenset({
    "upcoming", "planned", "proposed", "scheduled", "forthcoming", "next", "expected",
    "future", "prospective", "possible", "potential", "mooted",
})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs that govern it through complement clauses."""
    chain = [verb]
    current = verb
    for _ in range(4):
        if current.head.i == current.i or current.dep_ not in (
            "xcomp", "ccomp", "advcl", "conj", "pcomp"
        ):
            break
        current = current.head
        chain.append(current)
    return chain


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
    trigger: Token, verb: Token | None, event_date: Timex | None, dct: date
) -> str:
    """The status the article gives the event at ``trigger``."""
    # A nominal trigger carries its own plan words: "the upcoming summit", "planned talks".
    if trigger.pos_ == "NOUN":
        modifiers = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
        # "the summit, which was postponed": the relative clause is the event's own.
        for child in trigger.children:
            if child.dep_ in ("relcl", "acl"):
                status = _lexical_status(child)
                if status:
                    return status
    else:
        modifiers = set()

    chain = _verb_chain(verb) if verb is not None else []
    for token in chain:
        status = _lexical_status(token)
        if status:
            return status
        if token.lemma_.lower() in DENY_LEMMAS and token.i != trigger.i:
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

    future = False
    for i, token in enumerate(chain):
        aux = _aux_words(token)
        if aux & FUTURE_AUX or "would" in aux:
            future = True
        lemma = token.lemma_.lower()
        # "is expected to meet", "agreed to hold talks": a plan verb controlling the event;
        # "planned a summit": a plan verb taking the nominal event as its object.
        if lemma in PLAN_LEMMAS and (
            (i > 0 and chain[i - 1].dep_ == "xcomp") or (i == 0 and token.i != trigger.i)
        ):
            future = True
        if lemma == "go" and token.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in token.children):
            future = True
        # "talks are to be held", "X is to visit": be + infinitive.
        if token.dep_ == "xcomp" and token.head.lemma_ == "be":
            future = True
    if modifiers & PLAN_MODIFIERS:
        future = True

    if event_date is not None:
        bound = event_date.earliest or event_date.value[:10]
        try:
            when = date.fromisoformat(bound) if len(bound) == 10 else None
        except ValueError:
            when = None
        if when is not None:
            if when > dct and not _is_past_tense(chain):
                return "planned"
            if when < dct and not future:
                return "occurred"
    if future:
        return "planned"
    if chain and _is_progressive_present(chain[0]):
        return "ongoing"
    return "occurred"


def _is_past_tense(chain: list[Token]) -> bool:
    return bool(chain) and chain[0].tag_ in ("VBD",) and not _aux_words(chain[0]) & FUTURE_AUX


def _is_progressive_present(verb: Token) -> bool:
    return verb.tag_ == "VBG" and bool(_aux_words(verb) & {"is", "are", "'s", "'re", "am"})


def is_negated(trigger: Token, verb: Token | None) -> bool:
    """"did not meet", "no talks were held": the article says the event did not happen."""
    for token in (trigger, verb):
        if token is None:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
