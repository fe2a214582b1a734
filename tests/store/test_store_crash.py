"""Writers in other processes: one killed with SIGKILL in the middle of a batch never leaves
half an article; two writing the same articles at once store each of them once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_corpus import numbered_extraction, stored_form

from dateline.store import Store

WRITER = Path(__file__).with_name("crash_writer.py")
ARTICLES = 120
BATCH_SIZE = 10
PAUSE_BATCH = 4  # batches 0-3 are committed when the writer is killed inside batch 4


def _writer(url: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, str(ARTICLES), str(BATCH_SIZE), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=WRITER.parent,
    )


def _kill_when_paused(writer: subprocess.Popen[str]) -> None:
    assert writer.stdout is not None
    deadline = time.monotonic() + 60
    for line in writer.stdout:
        if line.strip() == "paused":
            break
        assert time.monotonic() < deadline, "the writer never reached the pause"
    else:
        raise AssertionError(f"writer ended without pausing: {writer.communicate()[1]}")
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    assert writer.stderr is not None
    writer.stderr.close()


def _assert_whole_articles(store: Store) -> set[str]:
    """Every stored article comes back exactly as written: all events, mentions, quotes."""
    expected = {e.article.id: e for e in map(numbered_extraction, range(ARTICLES))}
    stored = store.known_article_ids(expected)
    for article_id in stored:
        assert store.extraction(article_id) == stored_form(expected[article_id]), article_id
    counts = store.counts()
    assert counts["articles"] == len(stored)
    assert counts["events"] == sum(len(expected[i].events) for i in stored)
    assert counts["event_mentions"] == sum(
        len(e.mentions) for i in stored for e in expected[i].events
    )
    assert counts["actor_mentions"] == sum(
        len(a.mentions) for i in stored for a in expected[i].actors
    )
    return stored


def test_kill_inside_a_batch_keeps_only_whole_batches_and_resume_completes(
    store_url: str,
) -> None:
    Store(store_url).close()  # create the tables before the writer starts
    writer = _writer(store_url, str(PAUSE_BATCH))
    _kill_when_paused(writer)
    assert writer.returncode == -signal.SIGKILL

    with Store(store_url) as store:
        stored = _assert_whole_articles(store)
    assert len(stored) == PAUSE_BATCH * BATCH_SIZE

    resumed = _writer(store_url)
    _, errors = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, errors

    with Store(store_url) as store:
        assert len(_assert_whole_articles(store)) == ARTICLES
        assert store.counts()["actors"] == len(
            {a.id for n in range(ARTICLES) for a in numbered_extraction(n).actors}
        )


def _records(store: Store) -> list[tuple[str, list[str]]]:
    return [(r.id, r.event_ids) for r in store.records()]


def test_two_writers_adding_the_same_articles_at_once_store_each_once(
    store_url: str, tmp_path: Path
) -> None:
    writers = [_writer(store_url), _writer(store_url)]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    with Store(f"sqlite:///{tmp_path / 'one-writer.db'}") as alone:
        alone.add([numbered_extraction(n) for n in range(ARTICLES)])
        expected = _records(alone)
    with Store(store_url) as store:
        assert len(_assert_whole_articles(store)) == ARTICLES
        assert _records(store) == expected  # linking under contention links the same
