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


def _unquoted_verdict(verb: Token) -> TriggerMatch | None:
    """"called the strikes a crime", "branded the visit a provocation", "described the
    sanctions as illegal": a naming verb with a verdict word after what it judges."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    judged = objects[0] if objects else None
    said: Token | None = None
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "acomp") or (
                child.dep_ in ("dobj", "obj") and child is not judged):
            said = child
        elif child.dep_ == "prep" and child.lower_ == "as":
            said = next(iter(child.children), None)
    if judged is None or said is None or said.i < judged.i:
        return None
    # The verdict word and what qualifies it, not a whole clause after it.
    tokens = [t for t in said.subtree
              if t.i == said.i or (t.head.i == said.i and t.dep_ in ("amod", "compound", "neg"))]
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    entry = _entry(words, judged)
    if entry is None:
        return None
    # The evidence runs from the verb: "called the strikes a crime", with the closing mark
    # of a quoted verdict.
    end = max(t.i for t in tokens) + 1
    if end < len(verb.doc) and verb.doc[end].is_quote and any(
            t.is_quote for t in verb.doc[verb.i:end]):
        end += 1
    return TriggerMatch(verb, verb.i, end, entry, False)


def is_judged(noun: Token) -> bool:
    """The thing a verdict is passed on ("called the strikes a crime"): the verdict is the
    event; the strikes were reported elsewhere, and the critic is not their author."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in NAMING_VERBS:
        return False
    if any(c.dep_ == "poss" for c in noun.children):
        return False  # "calling Warsaw's accusations ...": Warsaw's act, reported here
    return any(c.dep_ in ("oprd", "xcomp", "acomp") or (c.dep_ == "prep" and c.lower_ == "as")
               or (c.dep_ in ("dobj", "obj") and c.i > noun.i) for c in verb.children)


def find_verdicts(doc: Doc) -> list[TriggerMatch]:
    """Verdicts of ``doc`` in text order: quoted ones, and unquoted ones after a naming verb."""
    found = [verdict for verb in doc if verb.lemma_.lower() in NAMING_VERBS
             and verb.pos_ == "VERB" and (verdict := _unquoted_verdict(verb)) is not None]
    # A quoted verdict after a naming verb is read as above, with the words from the verb
    # on as evidence ("calling Taliban claims 'baseless propaganda'").
    named = {m.head.i for m in found}
    found += [m for m in _quoted_verdicts(doc) if m.head.i not in named]
    found.sort(key=lambda m: m.start)
    return found


def _quoted_verdicts(doc: Doc) -> list[TriggerMatch]:
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
