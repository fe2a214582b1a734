"""Cost of linking per article as the store grows: at 1k and at 50k stored events.

Builds synthetic stores (no NLP: extractions are made in Python) of a news flow in which
``--actors`` leaders meet, call, accuse and sanction each other over ``--days`` days; every
story (a pair of actors, a type, a date) is reported by 1 to 4 articles, first as planned
then as held, some two days apart on the date. For each size it then times ``Store.add`` of
``--probe`` further articles, one article per call (a worst case: ingest adds batches),
linking included, the sizes taking turns so that load on the machine hits all alike, and
prints the median milliseconds per article and the ratio between sizes.
The blocking keys should keep that ratio near 1 (the issue asks for at most 2).

Run from the repository root::

    .venv/bin/python benchmarks/link_scaling.py                 # 1k and 50k, SQLite
    .venv/bin/python benchmarks/link_scaling.py --sizes 1000 5000 --probe 100
    .venv/bin/python benchmarks/link_scaling.py --db URL_FOR_1K URL_FOR_50K
    (each --db database is emptied of Dateline's tables first: use scratch databases)
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from dateline.model import (
    Actor,
    Article,
    Event,
    EventDate,
    Extraction,
    Participant,
    Source,
    Span,
)
from dateline.store import Store
from dateline.store.schema import Base

START = date(2023, 1, 1)
KINDS = (("CONSULT", "visit", "043"), ("CONSULT", "phone", "040"), ("AGREE", None, "057"),
         ("ACCUSE", None, "112"), ("SANCTION", None, "163"), ("ASSAULT", None, "190"))
OUTLETS = ("AFP", "Reuters", "AP", "Xinhua", "TASS")


class NewsFlow:
    """Deterministic synthetic stories, each told by a few articles."""

    def __init__(self, actors: int, days: int, seed: int) -> None:
        self.random = random.Random(seed)
        self.actors = actors
        self.days = days
        self.count = 0

    def _actor(self, number: int) -> Actor:
        name = f"Leader {number}"
        return Actor(id=f"actor-{number}", name=name, kind="person",
                     country=f"C{number % 150:02d}", sector="GOV", known=True,
                     mentions=[Span(0, len(name), name)])

    def story(self) -> list[Extraction]:
        """The articles reporting one new story."""
        draw = self.random
        first, second = draw.sample(range(self.actors), 2)
        kind, mode, cameo = draw.choice(KINDS)
        day = START + timedelta(days=draw.randrange(self.days))
        articles = []
        for report in range(draw.randint(1, 4)):
            self.count += 1
            planned = report == 0 and draw.random() < 0.5
            published = day - timedelta(days=3) if planned else day + timedelta(days=report)
            claimed = day + timedelta(days=2 if draw.random() < 0.05 else 0)
            actors = [self._actor(first), self._actor(second)]
            text_ = f"{actors[0].name} and {actors[1].name}: report {self.count}."
            article = Article(id=f"a{self.count:07d}", date=published, text=text_,
                              source=draw.choice(OUTLETS))
            event = Event(
                id=f"a{self.count:07d}-e1", type=kind, mode=mode, cameo=cameo,
                status="planned" if planned else "occurred",
                date=EventDate(claimed.isoformat(), "on the day"),
                participants=[Participant(a.id, a.name, a.country, role)
                              for a, role in zip(actors, ("source", "target"), strict=True)],
                attribution=[Source(article.source or "", "media")],
                mentions=[Span(0, len(text_), text_)],
            )
            articles.append(Extraction(article=article, actors=actors, events=[event]))
        return articles

    def articles(self, events: int) -> list[Extraction]:
        out: list[Extraction] = []
        while len(out) < events:
            out.extend(self.story())
        return out[:events]


def _reset(url: str) -> None:
    with Store(url) as store, store.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS dateline_meta"))


def fill(url: str, size: int, actors: int, days: int) -> NewsFlow:
    """A store at ``url`` holding ``size`` events; returns the flow, to draw more from."""
    flow = NewsFlow(actors, days, seed=size)
    articles = flow.articles(size)
    with Store(url) as store:
        for start in range(0, len(articles), 500):
            store.add(articles[start:start + 500])
    return flow


def probe(stores: dict[int, tuple[Store, NewsFlow]], count: int, warmup: int) -> dict[
        int, list[float]]:
    """Milliseconds of single-article adds to each store. The stores take turns, article
    by article, so that a busy machine slows every size alike."""
    timings: dict[int, list[float]] = {size: [] for size in stores}
    for round_number in range(warmup + count):
        for size, (store, flow) in stores.items():
            [extraction] = flow.articles(1)
            began = time.perf_counter()
            store.add([extraction])
            if round_number >= warmup:  # the first adds compile SQL and warm caches
                timings[size].append((time.perf_counter() - began) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 50_000])
    parser.add_argument("--probe", type=int, default=300, help="articles timed per size")
    parser.add_argument("--actors", type=int, default=400)
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--db", nargs="+", help="scratch database URLs, one per size "
                                                "(default: temporary SQLite files)")
    options = parser.parse_args()
    if options.db and len(options.db) != len(options.sizes):
        parser.error("give one --db URL per size")

    with tempfile.TemporaryDirectory() as folder:
        stores: dict[int, tuple[Store, NewsFlow]] = {}
        for index, size in enumerate(options.sizes):
            url = options.db[index] if options.db else (
                f"sqlite:///{Path(folder) / f'link-{size}.db'}")
            if options.db:
                _reset(url)
            began = time.perf_counter()
            flow = fill(url, size, options.actors, options.days)
            stores[size] = (Store(url), flow)
            print(f"filled {size} events in {time.perf_counter() - began:.0f} s")
        timings = probe(stores, options.probe, warmup=20)
        medians = {}
        for size, (store, _) in stores.items():
            records = store.counts()["event_records"]
            store.close()
            medians[size] = statistics.median(timings[size])
            high = statistics.quantiles(timings[size], n=10)[-1]
            print(f"{size:>7} stored events ({records} records): {medians[size]:.2f} ms per "
                  f"article (median of {options.probe} single-article adds, linking "
                  f"included; 90th percentile {high:.2f} ms)")
    first = options.sizes[0]
    for size in options.sizes[1:]:
        print(f"ratio {size} / {first} events: {medians[size] / medians[first]:.2f}x")


if __name__ == "__main__":
    main()
