"""The one search engine, used by the TUI's search bar and by ``briefing search``.

This module is the package's only public surface: the rest of the program imports from
``briefing_tui.search``, never from its modules, so the engine's inside can change freely.
It never imports textual: the command line and the tests use it without a UI.
"""

from briefing_tui.search.highlight import SNIPPET_WIDTH, match_spans
from briefing_tui.search.index import SearchIndex
from briefing_tui.search.query import FIELDS, KINDS, Filter, Query, QueryError, Term, parse_query
from briefing_tui.search.results import Hit, SearchResult

__all__ = [
    "FIELDS",
    "KINDS",
    "SNIPPET_WIDTH",
    "Filter",
    "Hit",
    "Query",
    "QueryError",
    "SearchIndex",
    "SearchResult",
    "Term",
    "match_spans",
    "parse_query",
]
