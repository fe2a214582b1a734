"""The answer cache: kept while the store is unchanged, dropped when it changes."""

from __future__ import annotations

from dateline.web.cache import AnswerCache


def _counting_maker(calls: list[str], key: str):  # type: ignore[no-untyped-def]
    def make() -> bytes:
        calls.append(key)
        return key.encode()

    return make


def test_second_ask_is_a_hit():
    calls: list[str] = []
    cache = AnswerCache(lambda: (1,), recheck_seconds=0)
    assert cache.get_or_make("a", _counting_maker(calls, "a")) == (b"a", False)
    assert cache.get_or_make("a", _counting_maker(calls, "a")) == (b"a", True)
    assert calls == ["a"]


def test_a_new_store_version_drops_every_answer():
    version = [1]
    calls: list[str] = []
    cache = AnswerCache(lambda: (version[0],), recheck_seconds=0)
    cache.get_or_make("a", _counting_maker(calls, "a"))
    version[0] = 2
    assert cache.get_or_make("a", _counting_maker(calls, "a")) == (b"a", False)
    assert calls == ["a", "a"]


def test_version_is_read_at_most_every_recheck_seconds():
    reads: list[int] = []
    cache = AnswerCache(lambda: (reads.append(1), len(reads)), recheck_seconds=60)
    for _ in range(5):
        cache.get_or_make("a", lambda: b"a")
    assert len(reads) == 1


def test_least_recently_used_answer_goes_first():
    calls: list[str] = []
    cache = AnswerCache(lambda: (1,), size=2, recheck_seconds=0)
    for key in ("a", "b", "a", "c", "a", "b"):
        cache.get_or_make(key, _counting_maker(calls, key))
    assert calls == ["a", "b", "c", "b"]


def test_size_zero_caches_nothing():
    calls: list[str] = []
    cache = AnswerCache(lambda: (1,), size=0)
    cache.get_or_make("a", _counting_maker(calls, "a"))
    cache.get_or_make("a", _counting_maker(calls, "a"))
    assert calls == ["a", "a"]
