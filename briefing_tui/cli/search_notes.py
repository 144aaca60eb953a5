"""``briefing search 'kind:note …'``: the analyst's notes, searched as the browser searches them.

Only a query that names notes reads the notes database (read-only, the one ``briefing notes``
reads, or ``--state``/``--no-state``): every other search prints the library's hits alone, so
scripts written before notes existed see the same output.
"""

from __future__ import annotations

import argparse

from briefing_tui.search import SearchResult
from briefing_tui.state.model import Note


def note_rows(ns: argparse.Namespace) -> list[tuple[Note, str]]:
    """Every note with where it is, from the database this run would use."""
    from briefing_tui.cli.notes import read_only_state

    with read_only_state(ns) as (_, state):
        return [(note, f"Your note · {note.ref.item}") for note in state.notes()]


def with_cli_notes(ns: argparse.Namespace, result: SearchResult) -> SearchResult:
    """``result`` with the notes a ``kind:note`` query finds."""
    from briefing_tui.store.note_hits import asks_for_notes, with_notes

    if result.error or not asks_for_notes(ns.query):
        return result
    return with_notes(result, note_rows(ns))
