"""Dateline: dated news in, a checked and queryable record of events out.

The Python API is the CLI's operations under another face::

    import dateline
    extraction = dateline.extract("Modi spoke with Xi on Monday.", date="2024-03-06")
    store = dateline.Store("sqlite:///dateline.db")
    store.events(actor="Modi", type="CONSULT")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["extract", "Store", "__version__"]

if TYPE_CHECKING:
    from dateline.model import Extraction
    from dateline.store import Store


def extract(text: str, date: Any, **article_fields: Any) -> Extraction:
    """Read one article (``date``: a ``datetime.date`` or ``YYYY-MM-DD``) into an Extraction."""
    from dateline.pipeline import extract_text

    return extract_text(text, date, **article_fields)


def __getattr__(name: str) -> Any:
    # Store pulls in SQLAlchemy; import it only when asked for.
    if name == "Store":
        from dateline.store import Store

        return Store
    raise AttributeError(name)
