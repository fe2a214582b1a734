"""Across articles: the events that describe one real event become one record with a story.

``rules`` decides which events link; ``lifecycle`` turns a record's reports into its status,
best date and conflicts; ``records`` holds the ``EventRecord``/``HistoryEntry`` dataclasses
the store returns (``Store.records``, ``record``, ``record_of``, ``upcoming``).
"""

from dateline.link.records import EventRecord, HistoryEntry, RecordDate

__all__ = ["EventRecord", "HistoryEntry", "RecordDate"]
