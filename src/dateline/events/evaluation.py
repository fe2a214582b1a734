"""Verdicts in quotation marks: "called the claims 'baseless'", "said the seizure was
'unacceptable'", "called the visit 'a good first step'".

A short quote (a few words, no clause of its own) said of something is an event in itself:
rejecting a claim, condemning an act or welcoming one. The words that decide which live in
``data/evaluation.yaml``. ``find_verdicts`` returns them as trigger matches whose head is the
verb that says the verdict ("called", or "said" for "said X was ..."), so arguments, status
and attribution are read as for any other trigger, and whose span is the quoted words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from dateline.events.lexicon import TriggerEntry, TriggerMatch

#: At most this many words inside the marks: a verdict, not a statement.
MAX_WORDS = 6
#: Double marks only: a single mark is too often an apostrophe ("South Africa's").
QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{2,60})[\"\u201d]")
#: Verbs that pass a verdict on their object: "called X 'baseless'".
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "dub", "brand", "deem"})
#: Verbs that report speech: "said X was 'unacceptable'".
SAYING_VERBS = frozenset({"say", "add", "tell", "insist", "state", "write", "declare"})
#: Things whose rejection is a REJECT, not an ACCUSE: "the claims were 'false'".
CLAIM_WORDS = frozenset({
    "claim", "accusation", "allegation", "report", "charge", "characterisation",
    "characterization", "assertion", "statement", "remark", "comment", "suggestion", "story",
    "they", "them", "it", "this", "that",
})

REJECT = TriggerEntry("REJECT", None, "120")
ACCUSE = TriggerEntry("ACCUSE", "criticism", "111")
SUPPORT = TriggerEntry("SUPPORT", None, "051")


@lru_cache(maxsize=1)
def verdict_words() -> dict[str, frozenset[str]]:
    text = resources.files("dateline.events").joinpath("data/evaluation.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {key: frozenset(str(w).lower() for w in data[key])
            for key in ("dismissive", "critical", "approving")}


def _entry(words: set[str], judged: Token | None) -> TriggerEntry | None:
    lexicon = verdict_words()
    negated = bool(words & {"not", "no", "never"})
    said_of_claim = judged is not None and judged.lemma_.lower() in CLAIM_WORDS
    if words & lexicon["dismissive"]:
        return REJECT
    if words & lexicon["critical"]:
        return REJECT if said_of_claim else ACCUSE
    if words & lexicon["approving"]:
        return ACCUSE if negated else SUPPORT
    return None


def _verdict_head(root: Token) -> tuple[Token, Token | None] | None:
    """The verb saying the verdict and the thing judged, for the quote's root word."""
    head = root.head
    if root.dep_ == "amod" and head.dep_ in ("dobj", "obj"):
        # 'called the reports "baseless"' is often parsed as an adjective of "reports".
        if head.head.lemma_.lower() in NAMING_VERBS:
            return head.head, head
    if head.lemma_.lower() in NAMING_VERBS and root.dep_ in ("oprd", "xcomp", "ccomp", "dobj"):
        judged = next((c for c in head.children if c.dep_ in ("dobj", "obj") and c != root),
                      None)
        return head, judged
    # "said the sanctions were 'counterproductive'", "said the pact was going 'ahead'".
    if root.dep_ in ("acomp", "attr", "dobj", "advmod", "oprd") and head.dep_ == "ccomp":
        judged = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        sayer = head.head
        if sayer.lemma_.lower() in SAYING_VERBS:
            return sayer, judged
    return None


def find_verdicts(doc: Doc) -> list[TriggerMatch]:
    """Quoted verdicts of ``doc``, in text order."""
    text = doc.text
    if '"' not in text and "\u201c" not in text:
        return []
    found = []
    for quoted in QUOTED.finditer(text):
        if len(quoted.group(1).split()) > MAX_WORDS:
            continue
        span = doc.char_span(quoted.start(1), quoted.end(1), alignment_mode="expand")
        if span is None or not len(span) or any(t.dep_ in ("nsubj", "nsubjpass") for t in span):
            continue
        placed = _verdict_head(span.root)
        if placed is None:
            continue
        verb, judged = placed
        words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
        entry = _entry(words, judged)
        if entry is not None:
            found.append(TriggerMatch(verb, span.start, span.end, entry, False))
    return found
