"""News pages in HTML: the headline, the body paragraphs, and the rest set aside.

The title comes from the first ``<h1>`` (else ``og:title``, else ``<title>``); the body from
the ``<p>`` and ``<blockquote>`` paragraphs inside ``<article>`` (else ``<main>``, else the
page), outside navigation, asides, forms and footers. Figure captions and elements whose class
says caption/credit/copyright/byline go to metadata; licence lines of the footer to credits;
scripts and styles are dropped. The date is ``article:published_time`` (or another common
publication-date meta tag), else a ``<time datetime>``, else ``--date``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from typing import Any

from dateline.errors import InputError
from dateline.ingest.build import ReadOptions, ReadResults, build_article
from dateline.ingest.clean import is_licence, trailing_credit
from dateline.ingest.dates import Place, parse_date
from dateline.ingest.source import Source

#: Meta tags that carry the publication date, most specific first.
DATE_META = (
    "article:published_time", "datepublished", "og:published_time", "pubdate",
    "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date",
)

_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe",
                      "object", "canvas", "select", "button"})
_OUTSIDE_BODY = frozenset({"nav", "aside", "form", "footer", "menu", "dialog"})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
    "figcaption", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td",
    "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "details", "summary", "form",
    "body", "html", "caption",
})
_PARAGRAPHS = frozenset({"p", "blockquote", "pre"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
# Elements a new block closes implicitly when still open (HTML lets authors omit </p>, </li>).
_AUTO_CLOSED = frozenset({"p", "li", "dt", "dd"})
# Class or id words (whole words of names like "article__caption", "image-credit").
_ROLE_BY_CLASS = (
    (re.compile(r"(?:^|[-_])captions?(?:[-_]|$)", re.IGNORECASE), "caption"),
    (re.compile(r"(?:^|[-_])(?:credits?|copyright|licen[cs]e|byline|authors?|attribution)"
                r"(?:[-_]|$)", re.IGNORECASE), "credit"),
)
_LINE_BREAK = "\ue000"  # a <br>, kept through whitespace collapsing
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(slots=True)
class _Element:
    tag: str
    role: str | None


@dataclass(slots=True)
class _TextBlock:
    text: str
    tag: str
    role: str | None  # "caption", "credit", "footer" or None
    #: The number of the outermost <article> around the block (1, 2, ...), 0 outside any.
    article: int
    in_main: bool
    outside_body: bool


@dataclass(slots=True)
class _DateCandidate:
    value: str
    line: int
    what: str
    in_article: bool = False


@dataclass(slots=True)
class _Page:
    blocks: list[_TextBlock] = field(default_factory=list)
    title_tag: str | None = None
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)
    canonical_url: str | None = None
    times: list[_DateCandidate] = field(default_factory=list)
    articles: int = 0
    has_main: bool = False


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()
        self._stack: list[_Element] = []
        self._buffer: list[str] = []
        self._title: list[str] | None = None

    # --- tags -----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(attributes)
            return
        if tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.page.canonical_url = attributes.get("href") or None
            return
        if tag == "br":
            self._buffer.append(_LINE_BREAK)
            return
        if tag == "time" and attributes.get("datetime"):
            what = f'<time datetime="{attributes["datetime"]}">'
            self.page.times.append(_DateCandidate(
                attributes["datetime"], self.getpos()[0], what,
                in_article=self._inside("article"),
            ))
        if tag == "title" and not self._stack_has("body"):
            self._title = []
        if tag in _VOID:
            return
        if tag in _BLOCKS:
            self._close_head()
        role = _role(tag, attributes)
        if tag in _BLOCKS or role is not None:
            # A credit inside a caption (<span class="credit">) is a block of its own.
            self._flush()
        if tag in _BLOCKS and self._stack and self._stack[-1].tag in _AUTO_CLOSED:
            self._stack.pop()
        if tag == "article" and not self._inside("article"):
            self.page.articles += 1
        if tag == "main":
            self.page.has_main = True
        self._stack.append(_Element(tag, role))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self._stack and self._stack[-1].tag == tag:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self.page.title_tag = _collapse("".join(self._title)) or None
            self._title = None
            return
        # Close the element and whatever was left open inside it; ignore stray end tags.
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth].tag == tag:
                if tag in _BLOCKS or any(e.role for e in self._stack[depth:]):
                    self._flush()
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if not self._dropped():
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    # --- helpers --------------------------------------------------------------------

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("property") or attributes.get("name")
               or attributes.get("itemprop") or "").lower()
        content = attributes.get("content")
        if key and content and key not in self.page.meta:
            self.page.meta[key] = (content, self.getpos()[0])

    def _flush(self) -> None:
        text = _collapse("".join(self._buffer))
        self._buffer = []
        if not text or self._dropped():
            return
        tag = next((e.tag for e in reversed(self._stack) if e.tag in _BLOCKS), "body")
        role = next((e.role for e in reversed(self._stack) if e.role), None)
        outside = any(e.tag in _OUTSIDE_BODY for e in self._stack)
        if role is None and self._inside("footer"):
            role = "footer"
        self.page.blocks.append(_TextBlock(
            text=text, tag=tag, role=role,
            article=self.page.articles if self._inside("article") else 0,
            in_main=self._inside("main"), outside_body=outside,
        ))

    def _close_head(self) -> None:
        # Pages that never close <head> start their body with the first block, as browsers do.
        for depth, element in enumerate(self._stack):
            if element.tag == "head":
                del self._stack[depth:]
                return

    def _dropped(self) -> bool:
        return any(e.tag in _DROPPED or e.tag == "head" for e in self._stack)

    def _inside(self, tag: str) -> bool:
        return self._stack_has(tag)

    def _stack_has(self, tag: str) -> bool:
        return any(e.tag == tag for e in self._stack)


def _role(tag: str, attributes: dict[str, str]) -> str | None:
    if tag in ("figure", "figcaption"):
        # A credit inside a figure is marked by its class below; the rest is the caption.
        names = (attributes.get("class", "") + " " + attributes.get("id", "")).split()
        credit = _ROLE_BY_CLASS[1][0]
        return "credit" if any(credit.search(name) for name in names) else "caption"
    if attributes.get("rel", "").lower() == "author" or attributes.get("itemprop") == "author":
        return "credit"
    names = (attributes.get("class", "") + " " + attributes.get("id", "")).split()
    for pattern, role in _ROLE_BY_CLASS:
        if any(pattern.search(name) for name in names):
            return role
    return None


def _collapse(text: str) -> str:
    lines = (_SPACES.sub(" ", part).strip() for part in text.split(_LINE_BREAK))
    return "\n".join(line for line in lines if line)


def read_html(source: Source, options: ReadOptions) -> ReadResults:
    parser = _PageParser()
    parser.feed(source.text)
    parser.close()
    page = parser.page
    scoped = _scope(page)
    title = _title(page, scoped)
    paragraphs = [b.text for b in scoped
                  if b.role is None and not b.outside_body and b.tag in _PARAGRAPHS]
    if not paragraphs:
        # Pages without <p>: take the text blocks of the article area instead.
        paragraphs = [b.text for b in scoped
                      if b.role is None and not b.outside_body and b.tag not in _HEADINGS
                      and b.tag != "h1" and b.text != title]
    if not paragraphs:
        raise InputError(source.name, "has no article text (no paragraphs outside navigation, "
                         "asides and footers)", "Check that it is an article page.")
    captions: list[str] = []
    credits: list[str] = []
    for block in page.blocks:
        if block.role == "caption":
            split = trailing_credit(block.text)
            if split is None:
                captions.append(block.text)
            else:
                captions.append(split[0].strip())
                credits.append(split[1])
        elif block.role == "credit":
            credits.append(block.text)
        elif block.role == "footer":
            credits.extend(line for line in block.text.split("\n") if is_licence(line))
    metadata: dict[str, Any] = {
        "captions": captions,
        "credits": credits,
        "subheadings": [b.text for b in scoped if b.tag in _HEADINGS and b.role is None
                        and not b.outside_body],
    }
    if "author" in page.meta:
        metadata["author"] = page.meta["author"][0]
    if "description" in page.meta:
        metadata["description"] = page.meta["description"][0]
    site_name = page.meta.get("og:site_name")
    url = page.canonical_url or (page.meta["og:url"][0] if "og:url" in page.meta else None)
    yield build_article(
        "\n\n".join(paragraphs), _page_date(source, page, options), path=source.name, line=None,
        options=options, title=title, source=site_name[0] if site_name else None, url=url,
        metadata=metadata,
    )


def _scope(page: _Page) -> list[_TextBlock]:
    """The blocks of the story: its <article> (the one with the most paragraph text, as
    pages list related stories in <article> elements too), else <main>, else the page."""
    if page.articles:
        sizes: dict[int, int] = {}
        for block in page.blocks:
            if block.article and block.role is None and block.tag in _PARAGRAPHS:
                sizes[block.article] = sizes.get(block.article, 0) + len(block.text)
        story = max(sizes, key=lambda number: sizes[number], default=1)
        return [block for block in page.blocks if block.article == story]
    if page.has_main:
        return [block for block in page.blocks if block.in_main]
    return page.blocks


def _title(page: _Page, scoped: list[_TextBlock]) -> str | None:
    for blocks in (scoped, page.blocks):
        heading = next((b.text for b in blocks if b.tag == "h1"), None)
        if heading:
            return heading.replace("\n", " ")
    if "og:title" in page.meta:
        return page.meta["og:title"][0].strip() or None
    return page.title_tag


def _page_date(source: Source, page: _Page, options: ReadOptions) -> date:
    candidates = [
        _DateCandidate(page.meta[key][0], page.meta[key][1], f'<meta {key}="...">')
        for key in DATE_META if key in page.meta
    ]
    times = sorted(page.times, key=lambda candidate: not candidate.in_article)
    candidates.extend(times)
    errors = []
    for candidate in candidates:
        place = Place(source.name, candidate.line, f"the date of {candidate.what}")
        try:
            return parse_date(candidate.value, place)
        except InputError as error:
            errors.append(error)
    if options.date is not None:
        return options.date
    if errors:
        raise errors[0]
    raise InputError(
        source.name, "the page gives no publication date (no article:published_time meta "
        "tag or <time datetime>)", "Pass its date with --date YYYY-MM-DD.",
    )
