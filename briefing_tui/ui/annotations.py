"""What the analyst's own layer draws over a briefing: notes and "changed since you last read".

Worked out once per change (the briefing opens, a note is saved), not per cursor move: the
sources pane asks for an item's lines on every move, and telling whether a note's item changed
hashes every item of the briefing.
"""

from __future__ import annotations

from dataclasses import field

from rich.text import Text

from briefing_tui.content.model import Briefing
from briefing_tui.content.record import record
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.state.model import Note
from briefing_tui.ui.analyst_session import AnalystSession
from briefing_tui.ui.i18n import N_, tr
from briefing_tui.ui.render import text

#: How much of a note the report shows under its paragraph.
NOTE_PREVIEW = 70

CHANGE_WORDS = {
    "changed": N_("changed since you last read"),
    "new": N_("new since you last read"),
}


def preview(note: str) -> str:
    """A note's first line, cut to :data:`NOTE_PREVIEW` characters (``…`` when cut)."""
    first = note.splitlines()[0] if note else ""
    cut = first[:NOTE_PREVIEW]
    return cut + ("…" if cut != note else "")


@record(frozen=False)
class Annotations:
    """What the analyst's notes and the changes since the last read add to the views."""

    badges: dict[str, Text] = field(default_factory=dict)
    """Lines under each paragraph in the report, by paragraph id."""
    pane: dict[str, list[Text]] = field(default_factory=dict)
    """Parts the sources pane adds for each item, by id."""
    hints: dict[str, str] = field(default_factory=dict)
    """A few words for the status line, by id: the agreements and sources tabs have no room
    under their rows, so the line says it when the cursor is on a noted or changed item."""


def annotate(session: AnalystSession, briefing: Briefing, refs: BriefingRefs) -> Annotations:
    notes = session.notes_by_item(briefing.id)
    changes = session.item_changes(briefing)
    prints = session.fingerprints(briefing) if notes else {}

    def moved_on(note: Note) -> bool:
        seen = note.ref.fingerprint
        return seen is not None and prints.get(note.ref.item) != seen

    found = Annotations()
    for item in {*notes, *changes}:
        pane: list[Text] = []
        badge = Text()
        hint = [f"✎ {len(notes[item])} note{'s' * (len(notes[item]) > 1)}"] if item in notes else []
        if item in changes:
            hint.append(f"● {tr(CHANGE_WORDS[changes[item]])}")
        found.hints[item] = " · ".join(hint)
        if item in changes:
            words = tr(CHANGE_WORDS[changes[item]])
            badge.append(f"  ● {words}", style="bold yellow")
            pane.append(Text(f"● {words.capitalize()}", style="bold yellow"))
        for note in notes.get(item, []):
            if badge:
                badge.append("\n")
            badge.append(f"  ✎ {tr('note')}: ", style="bold magenta")
            badge.append_text(text(preview(note.text), "magenta"))
            line = Text(f"✎ {tr('Your note')}", style="bold magenta")
            if moved_on(note):
                badge.append(f" ({tr('written before the paragraph changed')})", style="yellow")
                line.append(f" ({tr('written before this item changed')})", style="yellow")
            line.append("\n")
            line.append_text(text(note.text))
            pane.append(line)
        if refs.paragraph(item) is not None:
            found.badges[item] = badge
        found.pane[item] = pane
    return found
