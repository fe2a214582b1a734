"""Throughput of a full ingest against the bare spaCy parse of the same articles.

Reads N articles of the TempEval-3 silver sample (real AFP/AP wire), then in one run:

1. bare: ``nlp.pipe`` over the texts with the same number of processes (the work we cannot
   avoid);
2. dateline: ``dateline ingest`` of the same articles into a fresh SQLite file (parse, every
   stage, storage);
3. stages (``--stages``): one process, time spent in each stage per article.

It prints articles/s of both, their ratio and the peak memory (resident set of this process
plus its workers, sampled every 20 ms). Run from the repository root::

    .venv/bin/python benchmarks/throughput.py --n 200 --workers 2 --stages
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

import psutil

from dateline import actors, events, nlp, timex
from dateline.cli import ingest_articles
from dateline.eval.timeml import read_timeml
from dateline.model import Article

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "silver-sample"


def read_silver(folder: Path, n: int) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*.tml"))[:n]:
        text, dct, _ = read_timeml(path)
        articles.append(Article(id=path.stem, date=dct, text=text.strip()))
    if not articles:
        raise SystemExit(f"no .tml articles in {folder}")
    return articles


class PeakMemory:
    """Samples the resident memory of this process and its children in a thread."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak_total = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            processes = [me, *me.children(recursive=True)]
            sizes = []
            for process in processes:
                try:
                    sizes.append(process.memory_info().rss)
                except psutil.Error:
                    pass
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def time_bare(texts: list[str], workers: int) -> float:
    start = time.perf_counter()
    for _ in nlp.load().pipe(texts, batch_size=nlp.BATCH_SIZE, n_process=workers):
        pass
    return time.perf_counter() - start


def time_stages(articles: list[Article]) -> dict[str, float]:
    spent = {"parse": 0.0, "timex": 0.0, "actors": 0.0, "events": 0.0}
    for article in articles:
        t0 = time.perf_counter()
        doc = nlp.parse(article.text)
        t1 = time.perf_counter()
        found_timexes = timex.tag(article.text, article.date, doc)
        t2 = time.perf_counter()
        found_actors = actors.resolve(article, doc, found_timexes)
        t3 = time.perf_counter()
        events.run(article, doc, found_actors, found_timexes)
        t4 = time.perf_counter()
        spent["parse"] += t1 - t0
        spent["timex"] += t2 - t1
        spent["actors"] += t3 - t2
        spent["events"] += t4 - t3
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles to read (max 400)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--stages", action="store_true", help="also time each stage")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"{args.data} not found: run from a checkout with ../shared/data "
                         "beside it")

    articles = read_silver(args.data, args.n)
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)
    print(f"{len(articles)} articles, {chars / 1e6:.2f} M characters, workers={args.workers}")
    nlp.load()

    with PeakMemory() as bare_memory:
        bare = time_bare(texts, args.workers)
    with tempfile.TemporaryDirectory() as scratch, PeakMemory() as memory:
        start = time.perf_counter()
        added, n_events, _ = ingest_articles(
            articles, f"sqlite:///{scratch}/bench.db", workers=args.workers)
        ours = time.perf_counter() - start
    assert added == len(articles), (added, len(articles))

    print(f"bare nlp.pipe      : {len(articles) / bare:7.1f} articles/s ({bare:.1f} s), "
          f"peak RSS {bare_memory.peak_total / 2**20:.0f} MiB")
    print(f"dateline ingest    : {len(articles) / ours:7.1f} articles/s ({ours:.1f} s), "
          f"{n_events} events stored")
    print(f"ratio (ours/bare)  : {bare / ours:.2f}")
    print(f"peak RSS, ingest   : {memory.peak_total / 2**20:.0f} MiB in all processes, "
          f"{memory.peak_single / 2**20:.0f} MiB in the largest one")

    if args.stages:
        spent = time_stages(articles)
        parse = spent["parse"]
        print("per-stage time, one process (share of the parse time):")
        for stage, seconds in spent.items():
            print(f"  {stage:7s} {seconds:6.2f} s  {seconds / parse:6.1%}")


if __name__ == "__main__":
    main()
