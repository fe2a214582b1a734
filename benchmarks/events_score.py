"""Score the events stage on the labelled set, overall and on each half.

Develop on the odd ids, check on the even ones (see ``dateline.eval.events``):

    .venv/bin/python benchmarks/events_score.py [--file tests/data/events_gold.jsonl]
        [--misses 30] [--subset all|odd|even]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dateline.eval.events import SUBSETS, evaluate

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "events_gold.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default=str(DEFAULT))
    parser.add_argument("--subset", choices=SUBSETS, action="append",
                        help="repeatable; default: all, odd and even")
    parser.add_argument("--misses", type=int, default=0, help="list this many misses")
    args = parser.parse_args()
    for subset in args.subset or list(SUBSETS):
        started = time.perf_counter()
        report = evaluate(args.file, subset)
        print(report.render(show_misses=args.misses))
        print(f"  ({time.perf_counter() - started:.1f} s)\n")


if __name__ == "__main__":
    main()
