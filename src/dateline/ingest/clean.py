"""Moving what is not the story out of an article's body.

Photo captions, photo credits, bylines, licence lines and in-body subheadings go to
``article.metadata["captions"|"credits"|"subheadings"]`` (lists of strings, in the order
they appeared), so that no event or actor is ever read out of them. A leading headline goes
to ``article.title`` when the article has none.

The body that remains keeps its paragraphs, joined by one blank line (``"\\n\\n"``), each
otherwise unchanged: offsets downstream are into this cleaned text. When in doubt a paragraph
stays in the body; losing a sentence of the story is worse than reading a caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dateline.model import Article

METADATA_KEYS = ("captions", "credits", "subheadings")

# A caption is a sentence or two; anything longer next to a credit is story text.
MAX_CAPTION_CHARS = 300
MAX_CREDIT_CHARS = 200
MAX_HEADING_CHARS = 90
MAX_HEADING_WORDS = 12
MAX_SENTENCE_CASE_HEADING_WORDS = 8
MIN_TITLE_WORDS = 3

_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_FINAL_PUNCTUATION = ".!?,;:…\"'“”‘’"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Wire captions end with the day the photo was taken: "..., March 8, 2024."
_CAPTION_DATE_END = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\.?$", re.IGNORECASE
)
# Where a credit can start at the end of a caption: after a sentence or on a new line.
_CREDIT_BOUNDARY = re.compile(r"(?<=[.!?”\")\]])\s+|\n\s*")
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_CLAUSE_PUNCTUATION = re.compile(r"[,;:]")
_WORD = re.compile(r"[^\W_][\w'’.-]*|&")


class Kind(Enum):
    BODY = "body"
    CAPTION = "captions"
    CREDIT = "credits"
    SUBHEADING = "subheadings"


@dataclass(slots=True)
class _Block:
    """A paragraph of the body and what cleanup decided about it."""

    text: str
    kind: Kind = Kind.BODY
    #: True when the block is a photo credit (not a byline or licence): the block before it
    #: may be that photo's caption.
    photo_credit: bool = False


@dataclass(slots=True)
class Moved:
    """What cleanup took out of a body, by metadata key."""

    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)


def clean(article: Article) -> Article:
    """A copy of ``article`` with captions, credits, licence lines and subheadings moved from
    its text into its metadata (added to any lists already there). The id is kept."""
    body, moved, heading = split_body(article.text)
    metadata: dict[str, Any] = dict(article.metadata)
    for key in METADATA_KEYS:
        metadata[key] = list(metadata.get(key) or []) + getattr(moved, key)
    title = article.title
    if heading is not None:
        if title is None:
            title = heading
        elif _normalise(title) != _normalise(heading):
            # A different leading heading is a kicker or section name, not the headline.
            metadata["subheadings"].insert(0, heading)
    return replace(article, text=body, title=title, metadata=metadata)


def split_body(text: str) -> tuple[str, Moved, str | None]:
    """The cleaned body, what was moved out of it, and its leading headline if it has one."""
    blocks = [block for part in _paragraphs(text) for block in _blocks(part)]
    _find_separate_captions(blocks)
    # Subheadings first: a heading just below the headline is one, so a second cleanup
    # finds nothing more to move.
    _find_subheadings(blocks)
    heading = _take_headline(blocks)
    moved = Moved()
    body: list[str] = []
    for block in blocks:
        if block.kind is Kind.BODY:
            # Spaces opening a later paragraph would read as part of the blank line between
            # paragraphs on a second cleanup, so they go now: cleanup stays idempotent.
            body.append(block.text.lstrip(" \t") if body else block.text)
        else:
            getattr(moved, block.kind.value).append(block.text.strip())
    return "\n\n".join(body), moved, heading


def _paragraphs(text: str) -> list[str]:
    parts = (part.strip("\n") for part in _BLANK_LINES.split(text))
    return [part for part in parts if part.strip()]


def _blocks(paragraph: str) -> list[_Block]:
    """A paragraph as blocks: what it is, with any credit lines taken out of it."""
    block = _classify(paragraph)
    if block.kind is not Kind.BODY and block.kind is not Kind.CAPTION:
        return [block]
    lines = block.text.split("\n")
    last = len(lines) - 1
    # Credit and licence lines inside a paragraph are strays of the page layout. A photo
    # credit on the last line is left to trailing_credit, which can tell a caption above it.
    stray = {
        index for index, line in enumerate(lines)
        if 0 < len(line.strip()) <= MAX_CREDIT_CHARS
        and (is_licence(line.strip()) or (index < last and is_photo_credit(line.strip())))
    }
    if stray and len(lines) > 1:
        credits = [_Block(lines[index].strip(), Kind.CREDIT) for index in sorted(stray)]
        rest = "\n".join(line for index, line in enumerate(lines) if index not in stray)
        return credits + (_blocks(rest) if rest.strip() else [])
    split = trailing_credit(block.text)
    if split is None:
        return [block]
    before, credit = split
    credit_block = _Block(credit, Kind.CREDIT, photo_credit=True)
    # The text above a photo credit is its caption when it is caption-sized; a long
    # paragraph that ends in a stray credit keeps its text in the body.
    if block.kind is Kind.CAPTION or len(before.strip()) <= MAX_CAPTION_CHARS:
        return [_Block(before, Kind.CAPTION), credit_block]
    return [_Block(before), credit_block]


def _classify(paragraph: str) -> _Block:
    """Decide what a whole paragraph is, from its own words."""
    stripped = paragraph.strip()
    if len(stripped) <= MAX_CREDIT_CHARS and "\n" not in stripped:
        if is_licence(stripped):
            return _Block(paragraph, Kind.CREDIT)
        if is_photo_credit(stripped):
            return _Block(paragraph, Kind.CREDIT, photo_credit=True)
        if is_byline(stripped) or is_staff_credit(stripped):
            return _Block(paragraph, Kind.CREDIT)
    if len(stripped) <= MAX_CAPTION_CHARS + MAX_CREDIT_CHARS and _has_caption_label(stripped):
        return _Block(paragraph, Kind.CAPTION)
    return _Block(paragraph)


def trailing_credit(text: str) -> tuple[str, str] | None:
    """``(text before, credit)`` when ``text`` ends with a photo credit, else None."""
    stripped = text.rstrip()
    boundaries = [m for m in _CREDIT_BOUNDARY.finditer(stripped)
                  if len(stripped) - m.end() <= MAX_CREDIT_CHARS]
    # The last boundary first: the shortest credit, so no caption words go with it.
    for boundary in reversed(boundaries):
        candidate = stripped[boundary.end():]
        if is_photo_credit(candidate):
            before = stripped[:boundary.start()]
            if before.strip():
                return before, candidate
    return None


def _find_separate_captions(blocks: list[_Block]) -> None:
    """A short paragraph that describes a photo, just before that photo's credit."""
    for index in range(len(blocks) - 1):
        block, after = blocks[index], blocks[index + 1]
        if block.kind is Kind.BODY and after.photo_credit and looks_like_caption(block.text):
            block.kind = Kind.CAPTION


def _take_headline(blocks: list[_Block]) -> str | None:
    """Remove and return a leading headline: a title-case first line with a body below it."""
    body = [block for block in blocks if block.kind is Kind.BODY]
    if len(body) < 2 or not is_heading(body[0].text):
        return None
    if _word_count(body[0].text) < MIN_TITLE_WORDS:
        return None  # "GENEVA", "Analysis": a dateline or a section name, not a headline
    blocks.remove(body[0])
    return body[0].text.strip()


def _find_subheadings(blocks: list[_Block]) -> None:
    """Headings standing alone between paragraphs of the body."""
    body = [block for block in blocks if block.kind is Kind.BODY]
    for position, block in enumerate(body):
        if 0 < position < len(body) - 1 and is_heading(block.text):
            block.kind = Kind.SUBHEADING


# --- what a line is --------------------------------------------------------------------


def is_licence(line: str) -> bool:
    """A copyright or licence line: "© 2024 ...", "All rights reserved", "This article is
    licensed under Creative Commons ..."."""
    return _vocabulary().licence.fullmatch(line.strip()) is not None


def is_photo_credit(line: str) -> bool:
    """A photo credit: "Photo: Reuters", "(AFP Photo / John Doe)", "Photograph: Li Wei/Getty
    Images", "REUTERS/Adnan Abidi/File Photo", "Image credit: ..."."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CREDIT_CHARS or "\n" in stripped:
        return False
    return _vocabulary().photo_credit.fullmatch(stripped) is not None


def is_byline(line: str) -> bool:
    """"By Jane Roe", "By Jane Roe and Ryan Woo in Beijing"."""
    match = re.fullmatch(r"by\s+(.+?)\.?", line.strip(), re.IGNORECASE)
    return match is not None and line.strip()[:1] == "B" and _names_only(match.group(1))


def is_staff_credit(line: str) -> bool:
    """"(Reporting by Jane Roe in Geneva; Editing by John Doe)"."""
    stripped = line.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        stripped = stripped[1:-1]
    parts = [part.strip() for part in stripped.rstrip(".").split(";") if part.strip()]
    if not parts:
        return False
    roles = _vocabulary().credit_roles
    for part in parts:
        match = re.fullmatch(r"([a-z ]+?)\s+by\s+(.+)", part, re.IGNORECASE)
        if match is None or match.group(1).lower() not in roles:
            return False
        if not part[:1].isupper() or not _names_only(match.group(2)):
            return False
    return True


def is_heading(paragraph: str) -> bool:
    """A short line without final punctuation: title case ("Talks Stalled Over Border"), or
    sentence case when shorter still ("Police detain dozens"). Edited story sentences end
    in punctuation; headings do not."""
    text = paragraph.strip()
    if "\n" in text or not text or len(text) > MAX_HEADING_CHARS:
        return False
    if text[-1] in _FINAL_PUNCTUATION or not (text[0].isupper() or text[0].isdigit()):
        return False
    if _COLUMN_GAP.search(text):
        return False  # a row of a table, or a line of a layout that lost its breaks
    words = _WORD.findall(text)
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    minor = _vocabulary().minor_words
    if words[-1].lower() in minor:
        return False  # "... during the": a fragment of a broken sentence
    if len(words) <= MAX_SENTENCE_CASE_HEADING_WORDS and not _CLAUSE_PUNCTUATION.search(text):
        return any(ch.isalpha() for ch in text)
    for word in words[1:]:
        if word[0].isalpha() and not word[0].isupper() and word.lower() not in minor:
            return False
    return any(ch.isalpha() for ch in text)


def looks_like_caption(paragraph: str) -> bool:
    """A short description of a photo: a picture verb or a closing date, no reporting verb."""
    text = paragraph.strip()
    if "\n" in text or len(text) > MAX_CAPTION_CHARS:
        return False
    vocabulary = _vocabulary()
    lowered = f" {text.lower()} "
    if vocabulary.reporting_verbs.search(lowered) or "\u201c" in text or '"' in text:
        return False
    return bool(vocabulary.caption_verbs.search(lowered) or _CAPTION_DATE_END.search(text))


def _has_caption_label(paragraph: str) -> bool:
    vocabulary = _vocabulary()
    return bool(vocabulary.caption_label.match(paragraph))


def _names_only(names: str) -> bool:
    """Capitalised names joined by commas, "and", "in <Place>": nothing a sentence has."""
    connectors = _vocabulary().name_connectors
    tokens = [token for token in re.split(r"[\s,]+", names.strip()) if token]
    if not tokens or len(tokens) > 16:
        return False
    for token in tokens:
        if token.lower() in connectors:
            continue
        if not (token[0].isupper() and not token.isdigit()):
            return False
    return tokens[0].lower() not in connectors


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- vocabulary ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    photo_credit: re.Pattern[str]
    licence: re.Pattern[str]
    caption_label: re.Pattern[str]
    caption_verbs: re.Pattern[str]
    reporting_verbs: re.Pattern[str]
    credit_roles: frozenset[str]
    name_connectors: frozenset[str]
    minor_words: frozenset[str]


def _any_of(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


def _alternation(words: list[str]) -> str:
    # Longest first, so "photo credit" wins over "photo".
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = yaml.safe_load(
        resources.files("dateline.ingest").joinpath("data/cleanup.yaml").read_text("utf-8")
    )
    for name, entries in data.items():
        if not all(isinstance(entry, str) for entry in entries):
            raise ValueError(f"cleanup.yaml: {name} has an entry that is not a string; "
                             "quote words such as on, off, yes, no")
    labels = _alternation(data["credit_labels"])
    by_labels = _alternation(data["credit_by_labels"])
    agencies = _alternation(data["agencies"])
    flags = re.IGNORECASE
    # One pattern of alternatives per kind of line: a single match call per line.
    photo_credit = _any_of(
        # "Photo: Reuters", "(AFP Photo / John Doe)".
        rf"(?i:\(?\s*(?:(?:{agencies})\s+)?(?:{labels})\s*(?::|/|\s[-–—]\s)"
        rf"\s*[^()\n]{{1,150}}\)?)",
        # "Image credit Ministry of External Affairs": no colon, but "credit" says it all.
        rf"(?i:\(?\s*(?:{by_labels})\s+credits?\s+[^()\n]{{1,150}}\)?)",
        # "Photo by Jane Roe/Getty Images", "Photo courtesy of the ministry".
        rf"(?i:\(?\s*(?:{by_labels})\s+(?:by|courtesy(?:\s+of)?)\s+[^()\n]{{1,150}}\)?)",
        # "REUTERS/Adnan Abidi/File Photo", "EPA-EFE/HANDOUT", "AFP/Getty Images".
        rf"(?i:\(?\s*(?:{agencies})\s*/\s*[^/()\n.!?]{{1,60}}"
        rf"(?:\s*/\s*[^/()\n.!?]{{1,60}}){{0,2}}\)?)",
        # "Li Wei/Getty Images", "AFP via Getty Images", "(Getty Images)" (case matters).
        r"\(?[^.!?()\n]{0,80}(?:/\s*|\bvia\s+|^\(?)(?:[A-Z][\w-]*\s+)?Getty Images\)?",
    )
    caption_labels = _alternation(data["caption_labels"])
    caption_openings = _alternation(data["caption_openings"])
    return _Vocabulary(
        photo_credit=photo_credit,
        licence=_any_of(*(f"(?i:{pattern})" for pattern in data["licence_patterns"])),
        caption_label=re.compile(
            rf"(?:(?:{caption_labels})\s*:|(?:{caption_openings})\b)", flags
        ),
        caption_verbs=re.compile(rf"\W(?:{_alternation(data['caption_verbs'])})\W"),
        reporting_verbs=re.compile(rf"\W(?:{_alternation(data['reporting_verbs'])})\W"),
        credit_roles=frozenset(data["credit_roles"]),
        name_connectors=frozenset(data["name_connectors"]),
        minor_words=frozenset(data["title_case_minor_words"]),
    )
