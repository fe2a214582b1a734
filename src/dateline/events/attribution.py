"""According to whom: the chain of sources behind a claim, outermost relayer first.

"two officials familiar with the plans told AFP" gives [AFP (media), two officials familiar
with the plans (anonymous)]; "Reuters reported, citing a diplomat" gives [Reuters, a diplomat];
"X said, according to Y" gives [Y, X].
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.events.arguments import ActorIndex
from dateline.model import Source

REPORTING_LEMMAS = frozenset({
    "say", "tell", "report", "announce", "confirm", "state", "add", "claim", "note", "insist",
    "explain", "disclose", "reveal", "write", "quote", "assert", "stress", "declare", "allege",
    "acknowledge", "admit", "warn", "indicate", "brief", "inform", "tweet", "post",
})
ANONYMOUS_HEADS = frozenset({
    "official", "officials", "source", "sources", "diplomat", "diplomats", "person", "people",
    "aide", "aides", "insider", "insiders", "witness", "witnesses", "resident", "residents",
    "analyst", "analysts", "observer", "observers", "negotiator", "negotiators",
})
OFFICIAL_HEADS = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "ministry", "government", "minister",
    "office", "presidency", "embassy", "department", "statement", "readout", "communique",
})
MEDIA_WORDS = frozenset({
    "agency", "broadcaster", "newspaper", "television", "tv", "radio", "daily", "news",
    "outlet", "media", "magazine", "journal", "channel",
})


@lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    text = resources.files("dateline.events").joinpath("data/media.yaml").read_text("utf-8")
    return frozenset(name.lower() for name in yaml.safe_load(text)["media"])


def phrase_span(head: Token) -> SpacySpan:
    """The noun phrase headed by ``head``, without a trailing comma or a relative clause."""
    left, right = head.left_edge.i, head.right_edge.i
    doc = head.doc
    for child in head.rights:
        if child.dep_ in ("relcl", "punct", "cc", "conj", "acl") and child.i > head.i:
            right = min(right, child.left_edge.i - 1)
            break
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left: right + 1]


def source_for(head: Token, index: ActorIndex) -> Source:
    span = phrase_span(head)
    actor = index.for_phrase(head)
    name = span.text
    lowered = {t.lower_ for t in span}
    if actor is not None and actor.sector == "MED" or name.lower() in media_names() or (
        lowered & MEDIA_WORDS and any(t.pos_ == "PROPN" for t in span)
    ):
        kind = "media"
    elif head.lower_ in ANONYMOUS_HEADS and not any(
        t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in span
    ):
        kind = "anonymous"
    elif actor is not None and actor.kind == "person":
        kind = "official" if actor.sector in ("GOV", "MIL", "IGO") else "person"
    elif head.lower_ in OFFICIAL_HEADS:
        kind = "official"
    elif actor is not None and actor.kind in ("organisation", "country", "group"):
        kind = "organisation"
    elif head.pos_ == "PRON":
        kind = "person"
    else:
        kind = "unspecified"
    if actor is not None and actor.kind == "person" and head.pos_ == "PRON":
        name = actor.name
    return Source(name=name, kind=kind, actor_id=actor.id if actor else None)


def _according_to(sentence: SpacySpan) -> list[Token]:
    heads: list[Token] = []
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            heads.extend(c for c in to.children if c.dep_ == "pobj")
    return heads


def _can_be_a_source(head: Token) -> bool:
    """Whether a cited phrase names someone who can say things: "citing a diplomat" does,
    "citing 'scheduling reasons'" or "citing security concerns" does not."""
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.pos_ == "PROPN":
        return True
    return head.lower_ in ANONYMOUS_HEADS | OFFICIAL_HEADS | MEDIA_WORDS


def _citing(verb: Token) -> list[Token]:
    """"..., citing a diplomat": the object of a "cite" clause under the reporting verb."""
    out: list[Token] = []
    for child in verb.children:
        if child.lemma_.lower() == "cite" and child.dep_ in ("advcl", "xcomp", "conj", "acl"):
            out.extend(c for c in child.children
                       if c.dep_ in ("dobj", "obj") and _can_be_a_source(c))
    return out


def reporting_verb(verb: Token | None) -> Token | None:
    """The verb of saying that governs ``verb``'s clause, or stands beside it
    ("X will meet Y, officials said": parsed as said -> ccomp meet)."""
    if verb is None:
        return None
    current = verb
    for _ in range(4):
        linked = current.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj")
        if linked and current.head.i != current.i:
            current = current.head
            if current.lemma_.lower() in REPORTING_LEMMAS and current.pos_ == "VERB":
                return current
        else:
            break
    for child in verb.children:
        if child.dep_ in ("parataxis", "advcl") and child.lemma_.lower() in REPORTING_LEMMAS:
            return child
    return None


def chain_for(
    trigger: Token, verb: Token | None, index: ActorIndex, quote_speaker: Source | None = None
) -> list[Source]:
    """The attribution chain of the claim at ``trigger``."""
    chain: list[Source] = []
    sentence = trigger.sent
    according = [source_for(t, index) for t in _according_to(sentence)]
    reporter = reporting_verb(verb)
    said: list[Source] = []
    if reporter is not None and reporter.i != trigger.i:
        speakers = [c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")]
        listeners = [
            c for c in reporter.children
            if c.dep_ in ("dobj", "dative", "obj") and reporter.lemma_.lower() == "tell"
        ]
        cited = _citing(reporter)
        listener_sources = [source_for(t, index) for t in listeners]
        media_listeners = [s for s in listener_sources if s.kind == "media"]
        said = media_listeners + [source_for(t, index) for t in speakers]
        said += [source_for(t, index) for t in cited]
    if quote_speaker is not None and not said:
        said = [quote_speaker]
    chain = according + said
    if not chain and any(t.lower_ == "reportedly" for t in sentence):
        chain = [Source(name="reportedly", kind="unspecified")]
    # The same source named twice (a pronoun and its name) is one link.
    unique: list[Source] = []
    for source in chain:
        if not any(s.name == source.name or (s.actor_id and s.actor_id == source.actor_id)
                   for s in unique):
            unique.append(source)
    return unique
