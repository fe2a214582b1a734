"""Throughput of the temporal tagger without a spaCy parse, on real news text.

Reads the article bodies of ../shared/data/silver-sample (TimeML; tags stripped), repeats
them until there is at least one megabyte, and prints MB/s. A figure, not a test:

    .venv/bin/python benchmarks/timex_speed.py [--megabytes 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from dateline.eval.timeml import read_timeml
from dateline.timex import tag

SILVER = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "silver-sample"


def corpus(megabytes: float) -> list[tuple[str, date]]:
    files = sorted(SILVER.glob("*.tml"))
    if not files:
        sys.exit(f"{SILVER} holds no .tml files; put the silver sample beside the repository.")
    documents = [read_timeml(f)[:2] for f in files]
    wanted = int(megabytes * 1_000_000)
    out: list[tuple[str, date]] = []
    size = 0
    while size < wanted:
        for text, dct in documents:
            out.append((text, dct))
            size += len(text.encode("utf-8"))
            if size >= wanted:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    documents = corpus(args.megabytes)
    size = sum(len(t.encode("utf-8")) for t, _ in documents)
    tag("warm up the compiled patterns on Friday.", date(2024, 3, 4))
    began = time.perf_counter()
    found = sum(len(tag(text, dct)) for text, dct in documents)
    seconds = time.perf_counter() - began
    print(f"{len(documents)} articles, {size / 1e6:.2f} MB, {found} timexes in {seconds:.2f} s:"
          f" {size / 1e6 / seconds:.2f} MB/s")


if __name__ == "__main__":
    main()
