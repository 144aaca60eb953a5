"""The one search engine, used by the TUI's search bar and by ``briefing search``.

This module is the package's only public surface: the rest of the program imports from
``briefing_tui.search``, never from its modules, so the engine's inside can change freely.
It never imports textual: the command line and the tests use it without a UI.

Names load on first use (PEP 562): the browser imports ``fold`` for its picker before the
first frame, and the engine itself only when the index is built, after it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_tui.search.analysis import match_words
    from briefing_tui.search.highlight import SNIPPET_WIDTH, match_spans
    from briefing_tui.search.index import SearchIndex
    from briefing_tui.search.query import (
        FIELDS,
        KINDS,
        MAX_QUERY_CHARS,
        QUERY_SYNTAX,
        Filter,
        Query,
        QueryError,
        Term,
        parse_query,
    )
    from briefing_tui.search.results import Hit, SearchResult
    from briefing_tui.search.session import SearchSession, Stop, stops_in_reading_order
    from briefing_tui.search.text import fold

#: Each public name and the module of the package that defines it.
_HOMES = {
    "SNIPPET_WIDTH": "highlight",
    "match_spans": "highlight",
    "match_words": "analysis",
    "SearchIndex": "index",
    "FIELDS": "query",
    "KINDS": "query",
    "MAX_QUERY_CHARS": "query",
    "QUERY_SYNTAX": "query",
    "Filter": "query",
    "Query": "query",
    "QueryError": "query",
    "Term": "query",
    "parse_query": "query",
    "Hit": "results",
    "SearchResult": "results",
    "SearchSession": "session",
    "Stop": "session",
    "stops_in_reading_order": "session",
    "fold": "text",
}

__all__ = [
    "FIELDS",
    "KINDS",
    "MAX_QUERY_CHARS",
    "QUERY_SYNTAX",
    "SNIPPET_WIDTH",
    "Filter",
    "Hit",
    "Query",
    "QueryError",
    "SearchIndex",
    "SearchResult",
    "SearchSession",
    "Stop",
    "Term",
    "fold",
    "match_spans",
    "match_words",
    "parse_query",
    "stops_in_reading_order",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
