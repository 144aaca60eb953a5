"""The kinds of item a reader can meet, jump to and search for: the one table of them.

The query language's ``kind:`` values, the palette's titles and the results list's badges all
read this table, so a new kind cannot be known to one of them and missing from another.
"""

from __future__ import annotations

from typing import Literal

from briefing_tui.content.record import record

Kind = Literal[
    "paragraph",
    "table",
    "agreement",
    "source",
    "figure",
    "section",
    "timeline",
    "reaction",
    "briefing",
    "tab",
    "note",
]


@record(slots=True)
class KindInfo:
    """How the browser names and places one kind of item (paragraph, agreement, source...)."""

    title: str
    """How the palette and the help name the kind."""
    badge: str
    """One character before a search hit of this kind."""
    searchable: bool = True
    """Whether ``kind:`` finds it (a tab is a jump target only, never a search hit)."""


KIND_INFO: dict[Kind, KindInfo] = {
    "paragraph": KindInfo("Paragraph", "¶"),
    "table": KindInfo("Table", "▦"),
    "agreement": KindInfo("Agreement", "A"),
    "source": KindInfo("Source", "S"),
    "figure": KindInfo("Figure", "#"),
    "section": KindInfo("Section", "§"),
    "timeline": KindInfo("Timeline", "T"),
    "reaction": KindInfo("Reaction", "R"),
    "briefing": KindInfo("Briefing", "B"),
    "tab": KindInfo("Tab", "⇥", searchable=False),
    # The analyst's own notes: not in the index (they are not content); the browser searches
    # them beside it (ui/note_hits.py), so ``kind:note`` lists them alone.
    "note": KindInfo("Note", "✎"),
}

#: Every kind ``kind:`` accepts, in the order the query help lists them.
KINDS: tuple[Kind, ...] = tuple(kind for kind, info in KIND_INFO.items() if info.searchable)
