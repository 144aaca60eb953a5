"""The index's schema version on its own: a store's freshness check reads it before the first
frame, and importing the engine for it (its documents, words and tantivy glue) was 16 ms of a
cProfiled start."""

#: Raised whenever the schema or :func:`~briefing_tui.search.engine.analyze` changes meaning: a
#: store written with another version is rebuilt rather than read.
SCHEMA_VERSION = 4
