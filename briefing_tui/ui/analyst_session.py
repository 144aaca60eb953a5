"""The analyst's layer as one browser session sees it: the state, plus what lasts a session.

The app owns one :class:`AnalystSession` and hands it down to its screens (attributes down).
It holds what the database does not: what changed in each briefing since the *previous*
session (computed once, when the briefing is first shown, before this read is recorded) and
where the last mark jump started (``''``). No textual here, so it is tested without a terminal.

Why the writes stay on the UI thread: SQLite's connection belongs to the thread that opened it
(the command line's), every change is one small transaction (a mark, a note, a position: one
row; a briefing's read: a few hundred rows), and the UI must not show a note as saved before it
is committed. Each costs about one ``fsync`` (4-8 ms median here): BENCHMARKS.md, "Notes and
marks".
"""

from __future__ import annotations

from dataclasses import field

from briefing_tui.content.model import Briefing
from briefing_tui.content.record import record
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.fingerprint import item_fingerprints
from briefing_tui.state.model import Changes, ItemRef, Mark, Note, NoteStatus, StateInputError
from briefing_tui.ui.i18n import N_

#: What the keys say when nothing can be kept.
OFF = N_("Notes and marks are off in this session (--no-state).")
READ_ONLY = N_("Notes and marks are read-only in this session: nothing new is saved.")


@record(frozen=False)
class AnalystSession:
    """The analyst's layer for one run of the browser, shared by every briefing screen."""

    state: AnalystState
    """The analyst's database (opened by the command line; ``off`` when there is none)."""
    changes: dict[str, Changes] = field(default_factory=dict)
    """Per briefing id: what changed since the previous session's read."""
    origin: ItemRef | None = None
    """Where the last jump to a mark started: ``''`` goes back there."""
    shown_notices: int = 0
    """How many of ``state.notices`` have been shown to the analyst."""
    prints: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per briefing id: every item's fingerprint (briefings never change within a session)."""

    @classmethod
    def off(cls) -> AnalystSession:
        return cls(AnalystState.open(None))

    # -- status --------------------------------------------------------------------------------

    def refusal(self) -> str | None:
        """Why a change cannot be made now, or ``None`` when it can."""
        if self.state.status == "off":
            return OFF
        if self.state.status == "read-only":
            return READ_ONLY
        return None

    def new_notices(self) -> list[str]:
        """The state's notices not yet shown (each is shown once)."""
        notices = self.state.notices[self.shown_notices :]
        self.shown_notices = len(self.state.notices)
        return notices

    # -- reading -------------------------------------------------------------------------------

    def fingerprints(self, briefing: Briefing) -> dict[str, str]:
        """Every item's fingerprint, worked out once a session (the browser does it in a
        worker: :meth:`opened` takes them)."""
        found = self.prints.get(briefing.id)
        if found is None:
            found = self.prints[briefing.id] = item_fingerprints(briefing)
        return found

    def opened(self, briefing: Briefing, prints: dict[str, str] | None = None) -> Changes:
        """What changed in ``briefing`` since last time; the read is recorded on first call."""
        if prints is not None:
            self.prints.setdefault(briefing.id, prints)
        found = self.changes.get(briefing.id)
        if found is None:
            prints = self.fingerprints(briefing)
            found = (
                self.state.open_briefing(briefing, prints)
                if self.state.writable
                else self.state.changes(briefing, prints)
            )
            self.changes[briefing.id] = found
        return found

    def note_status(self, note: Note, briefing: Briefing | None) -> NoteStatus:
        """As :func:`~briefing_tui.state.fingerprint.note_status`, from the session's cache."""
        if briefing is None or briefing.id != note.ref.briefing:
            return "unknown"
        now = self.fingerprints(briefing).get(note.ref.item)
        if note.ref.fingerprint is None:
            return "current"  # a section or figure: nothing to compare
        if now is None:
            return "gone"
        return "current" if now == note.ref.fingerprint else "changed"

    def ref(self, briefing: Briefing, item: str) -> ItemRef:
        """``item`` as the analyst sees it now (its fingerprint from the session's cache)."""
        return ItemRef(briefing.id, item, self.fingerprints(briefing).get(item))

    def item_changes(self, briefing: Briefing) -> dict[str, str]:
        """``changed`` or ``new`` for each item that is, by id (nothing on a first read)."""
        found = self.changes.get(briefing.id)
        if found is None or found.first_read:
            return {}
        marks = dict.fromkeys(found.added, "new")
        marks.update(dict.fromkeys(found.changed, "changed"))
        return marks

    def remember_position(self, briefing: Briefing, item: str | None) -> bool:
        if item is None or not self.state.writable:
            return False
        try:
            return self.state.set_last_position(briefing.id, item)
        except StateInputError:
            return False

    # -- marks ---------------------------------------------------------------------------------

    def set_mark(self, letter: str, briefing: Briefing, item: str) -> bool:
        return self.state.mark(letter, self.ref(briefing, item))

    def mark(self, letter: str) -> Mark | None:
        return self.state.mark_at(letter)

    def marks(self) -> list[Mark]:
        return self.state.marks()

    # -- notes ---------------------------------------------------------------------------------

    def notes_by_item(self, briefing_id: str) -> dict[str, list[Note]]:
        found: dict[str, list[Note]] = {}
        for note in self.state.notes(briefing_id):
            found.setdefault(note.ref.item, []).append(note)
        return found

    def note_on(self, briefing_id: str, item: str) -> Note | None:
        """The item's first note: the one the note key edits."""
        notes = self.notes_by_item(briefing_id).get(item, [])
        return notes[0] if notes else None

    def save_note(self, briefing: Briefing, item: str, text: str, note: Note | None) -> str:
        """Add, edit or (empty text) delete the item's note; what to tell the analyst.

        Raises :class:`StateInputError` for text the layer refuses (the editor shows it).
        """
        target = self.ref(briefing, item)
        if not text.strip():
            if note is None:
                return N_("No note written.")
            return (
                N_("Note deleted.") if self.state.delete_note(note.id) else N_("Note NOT deleted.")
            )
        if note is None:
            return N_("Note saved.") if self.state.add_note(target, text) else N_("Note NOT saved.")
        # Editing re-anchors the note to the item as it reads now: the analyst has seen it.
        return (
            N_("Note saved.")
            if self.state.edit_note(note.id, text, target)
            else N_("Note NOT saved.")
        )
