"""Load on the REST API: concurrent clients on loopback against ``/api/events``.

Builds (or reuses) a SQLite store of synthetic events made from the model dataclasses and
written with ``Store.add`` (no NLP: this measures the web layer and the store), starts
``dateline.web.serve`` in a separate process, and runs N client threads for S seconds, each
with its own keep-alive connection, asking for pages of events with the CLI's filters.
Prints the request count, throughput, latency percentiles and errors; it asserts nothing
(the target is p99 < 200 ms with no errors).

    python benchmarks/api_load.py                       # 10k events, 20 clients, 30 s
    python benchmarks/api_load.py --events 2000 --seconds 5 --db /tmp/small.db
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from dateline.model import (
    EVENT_TYPES,
    Actor,
    Article,
    Event,
    EventDate,
    Extraction,
    Location,
    Participant,
    Source,
    Span,
)
from dateline.store import Store

EVENTS_PER_ARTICLE = 5
FIRST_DAY = date(2025, 1, 1)
DAYS = 365
STATUSES = ("planned", "occurred", "occurred", "occurred", "cancelled", "postponed")
# Synthetic actors: (id, name, kind, country).
ACTORS = [
    (f"person:minister-{n}", f"Minister Number {n}", "person", country)
    for n, country in enumerate(["IND", "CHN", "USA", "FRA", "DEU", "BRA", "ZAF", "JPN"] * 5)
] + [(f"country:{c}", c, "country", c) for c in ("IND", "CHN", "USA", "FRA", "DEU")]
PLACES = [("Geneva", "CHE", 46.2, 6.14), ("New Delhi", "IND", 28.6, 77.2),
          ("Beijing", "CHN", 39.9, 116.4), ("Paris", "FRA", 48.86, 2.35), (None, None, 0, 0)]


def synthetic_extraction(number: int, rng: random.Random) -> Extraction:
    """One article of plain sentences, each sentence one event between two actors."""
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    picked = rng.sample(ACTORS, 4)
    sentences, events, mentions = [], [], {a[0]: [] for a in picked}
    cursor = 0
    for index in range(EVENTS_PER_ARTICLE):
        one, other = rng.sample(picked, 2)
        verb = rng.choice(["met", "called", "accused", "warned", "thanked"])
        sentence = f"{one[1]} {verb} {other[1]} in talks number {number}-{index}. "
        mentions[one[0]].append(Span(cursor, cursor + len(one[1]), one[1]))
        verb_start = cursor + len(one[1]) + 1
        other_start = verb_start + len(verb) + 1
        mentions[other[0]].append(Span(other_start, other_start + len(other[1]), other[1]))
        place = rng.choice(PLACES)
        when = day + timedelta(days=rng.randrange(-10, 20))
        events.append(Event(
            id=f"e{number}-{index}", type=rng.choice(EVENT_TYPES), mode=None, cameo=None,
            status=rng.choice(STATUSES),
            date=EventDate(value=when.isoformat(), text="on the day"),
            location=Location(place[0], place[1], place[2], place[3]) if place[0] else None,
            participants=[Participant(one[0], one[1], one[3], "source"),
                          Participant(other[0], other[1], other[3], "target")],
            attribution=[Source("Synthetic Wire", "media")],
            mentions=[Span(verb_start, verb_start + len(verb), verb)],
            confidence=0.7,
        ))
        sentences.append(sentence)
        cursor += len(sentence)
    text = "".join(sentences)
    article = Article(id=f"synthetic-{number:06d}", date=day, text=text,
                      title=f"Synthetic article {number}", source="Synthetic Wire")
    actors = [Actor(id=a[0], name=a[1], kind=a[2], country=a[3], mentions=mentions[a[0]],
                    known=True) for a in picked if mentions[a[0]]]
    return Extraction(article=article, actors=actors, events=events)


def build_store(path: Path, events: int, seed: int = 7) -> float:
    """Write ``events`` synthetic events to a new SQLite store; return the seconds taken."""
    rng = random.Random(seed)
    started = time.perf_counter()
    with Store(f"sqlite:///{path}") as store:
        batch: list[Extraction] = []
        for number in range(events // EVENTS_PER_ARTICLE):
            batch.append(synthetic_extraction(number, rng))
            if len(batch) == 200:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, port: int, cache: int, workers: int) -> subprocess.Popen[bytes]:
    if workers > 1:
        code = f"from dateline.web import serve; serve({url!r}, port={port}, workers={workers})"
    else:
        code = ("import uvicorn; from dateline.web import create_app; "
                f"uvicorn.run(create_app({url!r}, cache_size={cache}), host='127.0.0.1', "
                f"port={port}, log_level='warning')")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=1).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not answer on 127.0.0.1:{port} within 30 s")


def request_path(rng: random.Random) -> tuple[str, str]:
    """(kind, path) of a page of events as a client would ask for it: mostly plain pages,
    some filtered as with the CLI's options."""
    offset = rng.randrange(0, 9_000, 50)
    choice = rng.random()
    if choice < 0.5:
        return "page", f"/api/events?limit=50&offset={offset}"
    if choice < 0.65:
        return "type", f"/api/events?type={rng.choice(EVENT_TYPES)}&limit=50"
    if choice < 0.8:
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 30))
        return "dates", (f"/api/events?order=timeline&since={start}"
                         f"&until={start + timedelta(days=14)}")
    if choice < 0.9:
        return "actor", f"/api/events?actor=Minister+Number+{rng.randrange(40)}&limit=50"
    return "country", (f"/api/events?country={rng.choice(['IND', 'CHN', 'CHE'])}"
                       "&status=planned&limit=50")


def client(base: str, stop_at: float, seed: int, latencies: list[float],
           errors: list[str], by_kind: dict[str, list[float]]) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=10) as http:
        while time.monotonic() < stop_at:
            kind, path = request_path(rng)
            started = time.perf_counter()
            try:
                response = http.get(path)
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
                else:
                    latencies.append(elapsed)
                    cached = response.headers.get("x-dateline-cache") == "hit"
                    by_kind.setdefault(kind, []).append(elapsed)
                    by_kind.setdefault("(cache hits)" if cached else "(cache misses)",
                                       []).append(elapsed)
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__} {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--cache", type=int, default=512,
                        help="API answers the server keeps until the store changes (0: none)")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--db", type=Path, default=None,
                        help="SQLite file to use (built if missing; default: a temporary one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "load.db"
        if not path.exists():
            took = build_store(path, args.events)
            print(f"store: {args.events} synthetic events written in {took:.1f} s ({path})")
        with Store(f"sqlite:///{path}") as store:
            print(f"store: {store.counts()['events']} events, "
                  f"{store.counts()['articles']} articles")
        port = free_port()
        server = start_server(f"sqlite:///{path}", port, args.cache, args.workers)
        try:
            latencies: list[float] = []
            errors: list[str] = []
            by_kind: dict[str, list[float]] = {}
            stop_at = time.monotonic() + args.seconds
            threads = [threading.Thread(target=client, args=(
                f"http://127.0.0.1:{port}", stop_at, seed, latencies, errors, by_kind))
                for seed in range(args.clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=10)

    total = len(latencies) + len(errors)
    ms = sorted(x * 1000 for x in latencies)
    if not ms:
        raise SystemExit(f"no successful request; errors: {errors[:5]}")
    quantiles = statistics.quantiles(ms, n=100)
    print(f"load: {args.clients} clients x {args.seconds:.0f} s on 127.0.0.1 against "
          f"/api/events (server: {args.workers} process(es), answer cache {args.cache})")
    print(f"requests: {total} ({total / args.seconds:.0f}/s), errors: {len(errors)}")
    print(f"latency ms: p50 {quantiles[49]:.1f}  p90 {quantiles[89]:.1f}  "
          f"p99 {quantiles[98]:.1f}  max {ms[-1]:.1f}")
    for kind, values in sorted(by_kind.items()):
        kind_ms = sorted(x * 1000 for x in values)
        print(f"  {kind:8} n={len(kind_ms):5}  p50 {kind_ms[len(kind_ms) // 2]:.1f}  "
              f"p99 {kind_ms[min(len(kind_ms) - 1, int(len(kind_ms) * 0.99))]:.1f}")
    if errors:
        print("first errors:", "; ".join(errors[:5]))


if __name__ == "__main__":
    main()
