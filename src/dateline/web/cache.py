"""A small cache of API answers, dropped whenever the store changes.

Reading a page of events costs a few milliseconds of Python per request; many clients ask
for the same pages (the first page, one type, one week). An answer is kept until the
store's content changes: ``StoreVersion`` reads the number and newest ids of articles and
events (index-only lookups, about a millisecond), at most every ``recheck_seconds``, so an
ingest running beside the server is seen within that time.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy import Engine, func, select
from starlette.concurrency import run_in_threadpool

from dateline.store.schema import ArticleRow, EventRow

Version = tuple[object, ...]


class StoreVersion:
    """A value that changes whenever articles are added to or deleted from the store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __call__(self) -> Version:
        # Counts alone could miss one article deleted and another added in between; the
        # largest id changes in that case too (ids are content hashes).
        with self.engine.connect() as connection:
            articles = connection.execute(
                select(func.count(), func.max(ArticleRow.id)).select_from(ArticleRow)
            ).one()
            events = connection.scalar(select(func.count()).select_from(EventRow))
        return (*articles, events)


class AnswerCache:
    """Answers (bytes) by request key, at most ``size``, least recently used dropped first;
    all of them dropped when ``version()`` changes (looked at most every
    ``recheck_seconds``)."""

    def __init__(self, version: Callable[[], Version], size: int = 512,
                 recheck_seconds: float = 0.5) -> None:
        self._version = version
        self._size = size
        self._recheck_seconds = recheck_seconds
        self._answers: OrderedDict[str, bytes] = OrderedDict()
        self._seen: Version | None = None
        self._checked_at = -float("inf")
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def _current_version(self) -> Version | None:
        now = time.monotonic()
        if now - self._checked_at < self._recheck_seconds:
            return self._seen
        version = self._version()
        self._checked_at = now
        return version

    def get_or_make(self, key: str, make: Callable[[], bytes]) -> tuple[bytes, bool]:
        """The answer for ``key`` and whether it came from the cache."""
        if self._size <= 0:
            return make(), False
        current = self._current_version()
        answer = self._lookup(key, current)
        if answer is not None:
            return answer, True
        answer = make()
        self._keep(key, current, answer)
        return answer, False

    async def get_or_make_async(
        self, key: str, make: Callable[[], bytes]
    ) -> tuple[bytes, bool]:
        """As ``get_or_make``, for async endpoints: a hit is answered on the event loop, a
        miss is made in the thread pool (it queries the database)."""
        if self._size <= 0:
            return await run_in_threadpool(make), False
        current = self._current_version()
        answer = self._lookup(key, current)
        if answer is not None:
            return answer, True
        answer = await run_in_threadpool(make)
        self._keep(key, current, answer)
        return answer, False

    def _lookup(self, key: str, current: Version | None) -> bytes | None:
        with self._lock:
            if current != self._seen:
                self._answers.clear()
                self._seen = current
            answer = self._answers.get(key)
            if answer is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return answer

    def _keep(self, key: str, version: Version | None, answer: bytes) -> None:
        with self._lock:
            # Made from an older store than the one now seen: not worth keeping.
            if self._seen == version:
                self._answers[key] = answer
                while len(self._answers) > self._size:
                    self._answers.popitem(last=False)
