"""The Jinja2 environment of the pages (autoescaping on: every value is escaped)."""

from __future__ import annotations

from importlib import resources
from urllib.parse import urlencode, urlsplit

from fastapi.templating import Jinja2Templates

from dateline.model import EVENT_TYPES, STATUSES, Article

templates = Jinja2Templates(
    directory=str(resources.files("dateline.web").joinpath("templates"))
)


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: an article's stored URL could be
    ``javascript:...``, which must never become a link."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def article_label(article: Article) -> str:
    """The article's title, or its first words when it has none."""
    if article.title and article.title.strip():
        return article.title.strip()
    words = " ".join(article.text.split()[:12])
    return words + ("…" if len(article.text.split()) > 12 else "")


def query_string(values: dict[str, object], **changes: object) -> str:
    merged = {**values, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


templates.env.globals.update(
    EVENT_TYPES=EVENT_TYPES, STATUSES=STATUSES,
    query_string=query_string, article_label=article_label,
)
templates.env.filters["web_url"] = web_url
