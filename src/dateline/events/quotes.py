"""Quoted words, who said them, and who relayed them.

Quotation marks are paired in the raw text: curly marks by their direction, straight marks
alternately within a paragraph. A quote that runs on to the next paragraph follows the news
convention: the paragraph ends without a closing mark and the next one opens with a mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.events.arguments import ActorIndex
from dateline.events.attribution import REPORTING_LEMMAS, _according_to, source_for
from dateline.model import Actor, ActorRef, Quote

OPENING = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
#: Scare quotes ("so-called 'red lines'") are not statements: a quote needs this many words.
MIN_WORDS = 3


@dataclass(slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    i, n = 0, len(text)
    while i < n:
        opener = text[i]
        if opener not in OPENING:
            i += 1
            continue
        closer = OPENING[opener]
        start = i + 1
        j = start
        while j < n:
            ch = text[j]
            if ch == closer:
                break
            if ch == "\n" and text.startswith("\n\n", j):
                # Paragraph break: the quote continues only if the next paragraph reopens it.
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] == opener:
                    j = k + 1
                    continue
                j = -1
                break
            j += 1
        if j == -1 or j >= n:
            i = start
            continue
        if len(text[start:j].split()) >= MIN_WORDS:
            # '"The door remains open," Wang said': the comma belongs to the sentence around.
            end = j
            while end > start and (text[end - 1] in ",;:" or text[end - 1].isspace()):
                end -= 1
            spans.append(QuoteSpan(start, end))
        i = j + 1
    return spans


def _nearest_person_before(actors: list[Actor], position: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.kind != "person":
            continue
        for mention in actor.mentions:
            if mention.end <= position and (best is None or mention.end > best[0]):
                best = (mention.end, actor)
    return best[1] if best else None


def _speaker_token(doc: Doc, quote: QuoteSpan) -> Token | None:
    """The subject of a verb of saying next to the quote, outside the marks."""
    sentences = []
    for sent in doc.sents:
        if sent.end_char > quote.start - 1 and sent.start_char <= quote.end + 1:
            sentences.append(sent)
        elif sent.start_char > quote.end:
            # "...," she said. is often split off as its own sentence.
            if sent.start_char - quote.end <= 3:
                sentences.append(sent)
            break
    for sent in sentences:
        for token in sent:
            if quote.start <= token.idx < quote.end:
                continue
            if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ == "VERB":
                for child in token.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and not (
                        quote.start <= child.idx < quote.end
                    ):
                        return child
    return None


def _via(doc: Doc, quote: QuoteSpan, index: ActorIndex) -> list[ActorRef]:
    relays = []
    for sent in doc.sents:
        if sent.end_char < quote.start or sent.start_char > quote.end + 3:
            continue
        for head in _according_to(sent):
            if quote.start <= head.idx < quote.end:
                continue
            source = source_for(head, index)
            relays.append(ActorRef(actor_id=source.actor_id, name=source.name))
    return relays


def extract_quotes(text: str, doc: Doc, actors: list[Actor], index: ActorIndex) -> list[Quote]:
    quotes = []
    previous_speaker: ActorRef | None = None
    for span in find_quote_spans(text):
        speaker: ActorRef | None = None
        head = _speaker_token(doc, span)
        if head is not None:
            actor = index.for_phrase(head)
            if actor is None and head.pos_ == "PRON":
                actor = _nearest_person_before(actors, span.start)
            if actor is not None:
                speaker = ActorRef(actor_id=actor.id, name=actor.name)
            else:
                speaker = ActorRef(actor_id=None, name=source_for(head, index).name)
        elif previous_speaker is not None and text[:span.start].rstrip().endswith(("\n", ".")):
            # A quote standing alone as the next paragraph continues the last speaker.
            speaker = previous_speaker
        quotes.append(Quote(
            start=span.start, end=span.end, text=text[span.start:span.end],
            speaker=speaker, via=_via(doc, span, index),
        ))
        previous_speaker = speaker or previous_speaker
    return quotes
