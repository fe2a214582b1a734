"""Normalising names so that the text and the knowledge base meet on the same keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                              "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and dashes made plain, spaces
    collapsed: "Erdoğan’s" and "erdogan's" fold to the same key."""
    if text.isascii():
        # Most of what is folded is plain ASCII (a slice of news text tried against the
        # knowledge base): only case, backticks and spaces change.
        return " ".join(text.replace("`", "'").lower().split())
    text = text.translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Letters that do not decompose into a base letter plus accent.
    stripped = stripped.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    return _SPACES.sub(" ", stripped.lower()).strip()


def alias_key(text: str) -> str:
    """The key an alias is indexed under: folded, without a leading article ("the Kremlin")."""
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    return key


def slug(text: str) -> str:
    """A stable identifier fragment: "Wang Yi" -> "wang-yi"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


def is_acronym(text: str) -> bool:
    """Short all-capital aliases ("US", "WHO", "AU") only match when written in capitals."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(ch.isupper() for ch in letters)
