"""Article -> Extraction: the stages of DESIGN.md composed.

``extract_article`` is a plain function of an article and its parse, so batches of articles
can be mapped on any engine: ``process`` runs them in this process or spreads batches over a
pool of worker processes, each loading the spaCy model once, and yields the extractions in
input order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from dateline import actors, events, nlp, timex
from dateline.model import Article, Extraction

#: Articles per unit of work handed to a worker process (and per ``nlp.pipe`` batch), and so
#: per store transaction. $DATELINE_BATCH_SIZE overrides it (smaller: finer resume points).
BATCH_SIZE = int(os.environ.get("DATELINE_BATCH_SIZE", nlp.BATCH_SIZE))


def extract_article(article: Article, doc: Doc) -> Extraction:
    """Every stage on one parsed article."""
    timexes = timex.tag(article.text, article.date, doc)
    found_actors = actors.resolve(article, doc, timexes)
    found_events, quotes = events.run(article, doc, found_actors, timexes)
    return Extraction(article, timexes, found_actors, found_events, quotes)


def extract_batch(articles: list[Article]) -> list[Extraction]:
    docs = nlp.pipe([a.text for a in articles], batch_size=len(articles) or 1)
    return [extract_article(article, doc) for article, doc in zip(articles, docs, strict=True)]


def extract_text(text: str, date_value: date | str, **fields: Any) -> Extraction:
    """The Python API's ``dateline.extract``: one text, cleaned up as ingest would."""
    from dateline.ingest import read_text

    article = read_text(text, date_value, **fields)
    return extract_batch([article])[0]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def warm() -> None:
    """Load everything the stages read (model, knowledge base, gazetteer) once in this
    process. Called before forking workers, so they share it instead of each loading it."""
    from dateline.actors import geo, kb

    nlp.load()
    kb.load()
    geo.gazetteer()


def _warm_worker() -> None:
    # Under fork this finds everything already loaded; under spawn it loads it once.
    warm()


def process(
    articles: Iterable[Article], workers: int = 1, batch_size: int = BATCH_SIZE
) -> Iterator[list[Extraction]]:
    """Extract every article, yielding one list of extractions per batch, in input order.

    With ``workers > 1`` batches run in that many processes; at most two batches per worker
    are in flight, so memory stays flat however long the input is.
    """
    if workers <= 1:
        for batch in _batches(articles, batch_size):
            yield extract_batch(batch)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        warm()
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_worker) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        for batch in _batches(articles, batch_size):
            pending.append(pool.submit(extract_batch, batch))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
