"""``briefing search QUERY [PATH] [--limit N] [--json]``: the search engine for scripts.

One hit per line, ``id<TAB>location<TAB>snippet``, so the output works with ``cut``, ``grep`` and
``sort``. The id is always ``briefing_id/target_id`` (for example
``xi-russia-visit-2025-05/s2.p3``), even when the library holds one briefing: a script written
against one library keeps working on another, and the id is unambiguous across briefings.

Matches are bold only when stdout is a terminal; piped output is plain text. Every field is
stripped of control characters (tabs and newlines become spaces) so that a hit is always one
line of three columns and can never move the cursor or recolour a terminal.

Exit status follows grep: 0 with hits, 1 with none, 2 for a bad query or path (one line on
stderr, never a traceback). When few hits led the engine to let long words match a typo away,
stderr says "showing results for …"; with none, it says "did you mean: …" when a query a typo
away has hits.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from briefing_tui.cli.exitcodes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from briefing_tui.content.problems import LoadResult
from briefing_tui.content.text import one_line
from briefing_tui.search import Hit, SearchIndex

_BOLD, _PLAIN = "\x1b[1m", "\x1b[22m"


def format_hit(hit: Hit, bold: bool) -> str:
    """One output line for a hit: ``briefing/target<TAB>location<TAB>snippet``."""
    snippet = one_line(hit.snippet)
    if bold and hit.snippet_spans:
        parts: list[str] = []
        last = 0
        for start, end in hit.snippet_spans:
            parts += [snippet[last:start], _BOLD, snippet[start:end], _PLAIN]
            last = end
        parts.append(snippet[last:])
        snippet = "".join(parts)
    target = f"{one_line(hit.briefing_id)}/{one_line(hit.target_id)}"
    return f"{target}\t{one_line(hit.location)}\t{snippet}"


def run_search(ns: argparse.Namespace, load_result: LoadResult, out: TextIO | None = None) -> int:
    """Run one search for the command line and print the hits; returns the exit status."""
    if _bad_limit(ns):
        return EXIT_USAGE
    return search_index(ns, SearchIndex.build(load_result.library), len(load_result.broken), out)


def _bad_limit(ns: argparse.Namespace) -> bool:
    if ns.limit is not None and ns.limit < 0:
        print(f"briefing: --limit must be 0 (no limit) or more, not {ns.limit}", file=sys.stderr)
        return True
    return False


def search_index(
    ns: argparse.Namespace, index: SearchIndex, broken: int, out: TextIO | None = None
) -> int:
    """Run one search on a built or opened index (``broken``: briefings left out of it)."""
    out = out if out is not None else sys.stdout
    if _bad_limit(ns):
        return EXIT_USAGE
    limit: int | None = ns.limit or None
    if broken:
        print(
            f"briefing: warning: skipped {broken} briefing(s) with problems "
            "(see `briefing validate`)",
            file=sys.stderr,
        )
    result = index.search(ns.query, limit=limit)
    if hasattr(ns, "no_state"):  # the search command's own namespace (tests pass a bare one)
        from briefing_tui.cli.search_notes import with_cli_notes

        result = with_cli_notes(ns, result)
    if result.error:
        print(f"briefing: bad query: {result.error}", file=sys.stderr)
        return EXIT_USAGE
    if result.corrected is not None:
        # On stderr, like the warnings: stdout stays hits only, for scripts.
        print(f"briefing: showing results for {one_line(result.corrected)}", file=sys.stderr)
    if ns.json:
        data = {
            "query": ns.query,
            "total": result.total,
            "showing_results_for": result.corrected,
            "did_you_mean": result.suggestion,
            "hits": [hit.as_dict() for hit in result.hits],
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        bold = out.isatty()
        for hit in result.hits:
            out.write(format_hit(hit, bold) + "\n")
    out.flush()
    if not result.hits and result.suggestion is not None:
        print(f"briefing: did you mean: {one_line(result.suggestion)}", file=sys.stderr)
    return EXIT_OK if result.hits else EXIT_PROBLEMS
