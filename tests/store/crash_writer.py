"""Subprocess for the crash test: adds numbered articles to a store in batches, like ingest.

    python crash_writer.py URL COUNT BATCH_SIZE [PAUSE_BATCH]

Skips articles already stored (resume after a crash), prints ``committed N`` after each
batch. With PAUSE_BATCH, it stops inside that batch's transaction, after some of its rows are
written and before the commit, prints ``paused`` and waits to be killed.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from sqlalchemy import event
from store_corpus import numbered_extraction

from dateline.store import Store


def pause_inside_batch(store: Store, batch_number: int, current: list[int]) -> None:
    def after_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        # Articles, actors and events of the batch are written by now; their mentions are
        # next. Killing here leaves a transaction half done.
        if current[0] == batch_number and "INSERT INTO event_mentions" in statement:
            print("paused", flush=True)
            time.sleep(600)

    event.listen(store.engine, "after_cursor_execute", after_execute)


def main(url: str, count: int, batch_size: int, pause_batch: int | None) -> None:
    current = [0]
    with Store(url) as store:
        if pause_batch is not None:
            pause_inside_batch(store, pause_batch, current)
        ids = [numbered_extraction(n).article.id for n in range(count)]
        stored = store.known_article_ids(ids)
        todo = [n for n, article_id in enumerate(ids) if article_id not in stored]
        for current[0], start in enumerate(range(0, len(todo), batch_size)):
            batch = [numbered_extraction(n) for n in todo[start:start + batch_size]]
            store.add(batch)
            print(f"committed {current[0]}", flush=True)


if __name__ == "__main__":
    url, count, batch_size, *pause = sys.argv[1:]
    main(url, int(count), int(batch_size), int(pause[0]) if pause else None)
