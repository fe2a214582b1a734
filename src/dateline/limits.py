"""Limits shared by stages that must not import spaCy to know them."""

#: The longest article Dateline accepts, in characters. spaCy refuses texts over
#: ``nlp.max_length`` and its parser needs about 1 GB per 100,000 characters, so ingest rejects
#: longer articles up front with a clear message instead of failing mid-run.
MAX_CHARS = 1_000_000
