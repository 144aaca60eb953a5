"""The briefing screen's side of the analyst's own layer: marks, notes, changes, citations.

Mixed into :class:`~briefing_tui.ui.screens.briefing.BriefingScreen` (whose ``BINDINGS`` name
these actions: Textual collects bindings from widget classes only), so that screen keeps its
wiring of tabs and search, and this file owns what the analyst's keys mean.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.css.query import NoMatches

from briefing_tui.state.fingerprint import item_fingerprints
from briefing_tui.state.model import ItemRef, Note
from briefing_tui.ui.analyst_session import OFF, AnalystSession
from briefing_tui.ui.annotations import CHANGE_WORDS, Annotations, annotate
from briefing_tui.ui.i18n import N_, ngettext, tr
from briefing_tui.ui.messages import OpenBriefing
from briefing_tui.ui.screens.screen_parts import BriefingScreenParts
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.report import ReportView
from briefing_tui.ui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:
    from briefing_tui.ui.palette_analyst import Entry

#: Seconds between saves of the reading position while a briefing is open.
SAVE_EVERY = 10.0


class AnalystKeys(BriefingScreenParts):
    """Actions for m, ', A, y, c/C and the notes list; see the module docstring."""

    if TYPE_CHECKING:  # provided by the BriefingScreen this is mixed into
        _goto: str | None

    _change_index = -1
    _note_rows: list[tuple[Note, str]] | None = None
    _saved_position: str | None = None
    _start_said = ""
    _annotations = Annotations()

    @property
    def analyst(self) -> AnalystSession:
        session = getattr(self.app, "analyst", None)
        if not isinstance(session, AnalystSession):
            session = AnalystSession.off()
            self.app.analyst = session  # type: ignore[attr-defined]
        return session

    # -- opening and leaving -------------------------------------------------------------------

    def start_analyst(self) -> None:
        """The briefing is on screen: return to where the analyst was; what changed follows
        from a worker (hashing every item of a 6,000-section briefing takes ~90 ms)."""
        pane = self.query_one(AttributionPane)
        assert isinstance(pane, AttributionPane)
        pane.annotate = self._pane_lines
        panel = self.query_one(SearchPanel)
        assert isinstance(panel, SearchPanel)
        panel.notes_source = self._searchable_notes
        if not self._goto:
            last = self.analyst.state.last_position(self.briefing.id)
            target = self.refs.target(last.item) if last is not None and last.item else None
            if target is not None:
                self.jump(target.id, record=False)
                # Short: the status line is one line, and what changed may follow on it.
                self._start_said = tr("Back at {label}, where you left off.", label=target.label)
                self.set_status(self._start_said)
        self._notices()
        # Also now and then, not only on leaving: an ssh connection that drops may end the
        # process without a clean exit. One small write, only when the cursor moved.
        self.set_interval(SAVE_EVERY, self.save_position)  # type: ignore[attr-defined]
        if self.briefing.id in self.analyst.changes:  # opened before in this session
            self._layer_ready(None)
        else:
            self._fingerprint()

    @work(thread=True, exclusive=True, group="analyst", description="fingerprint the briefing")
    def _fingerprint(self) -> None:
        prints = item_fingerprints(self.briefing)
        self.app.call_from_thread(self._layer_ready, prints)

    def _layer_ready(self, prints: dict[str, str] | None) -> None:
        """Record this read (once a session) and draw notes and changes."""
        changes = self.analyst.opened(self.briefing, prints)
        self._notices()
        if not self.is_attached:  # type: ignore[attr-defined]
            return  # left before the worker finished: the read is recorded all the same
        self.refresh_annotations()
        if changes:
            said = ngettext(
                "{n} item changed since you last read (c).",
                "{n} items changed since you last read (c).",
                len(changes.ids),
            )
            self.set_status(f"{self._start_said} {said}".strip())

    def save_position(self) -> None:
        """Remember the item under the cursor, for "where I left off" (only when it moved)."""
        try:
            position = self.current_position()
        except NoMatches:  # already taken apart
            return
        if position != self._saved_position and self.analyst.remember_position(
            self.briefing, position
        ):
            self._saved_position = position

    def on_screen_suspend(self) -> None:
        """Leaving the briefing (back to the picker, another briefing): remember the place.

        A modal over it suspends it too; the write is one row, and the place is then safe
        should the session be killed while the modal is open.
        """
        self.save_position()

    def _notices(self) -> None:
        show = getattr(self.app, "show_state_notices", None)
        if show is not None:
            show()

    # -- what is under the cursor --------------------------------------------------------------

    def item_under_cursor(self) -> str | None:
        try:
            target_id = self.view(self.active_tab).current_target()
        except (KeyError, NoMatches):  # the tab is still being built
            return None
        if target_id is None or target_id.startswith("#") or self.refs.target(target_id) is None:
            return None
        return target_id

    def _where(self, item: str) -> str:
        target = self.refs.target(item)
        if target is None:
            return item
        return target.location if target.kind == "paragraph" else f"{target.label}"

    def _refused(self) -> bool:
        why = self.analyst.refusal()
        if why is not None:
            self.set_status(tr(why))
            return True
        return False

    # -- marks ---------------------------------------------------------------------------------

    def action_mark(self) -> None:
        item = self.item_under_cursor()
        if item is None:
            self.set_status(tr("Nothing under the cursor to mark."))
            return
        if self._refused():
            return

        def chosen(letter: str | None) -> None:
            if letter is None:
                self.set_status(tr("No mark set."))
                return
            saved = self.analyst.set_mark(letter, self.briefing, item)
            self._notices()
            if saved:
                done = N_("Mark {letter} set on {where} (' {letter} returns).")
                self.set_status(tr(done, letter=letter, where=self._where(item)))
            else:
                self.set_status(tr("Mark {letter} NOT saved.", letter=letter))

        from briefing_tui.ui.screens.letter_prompt import LetterPrompt

        self.app.push_screen(LetterPrompt("Mark"), chosen)

    def action_goto_mark(self) -> None:
        from briefing_tui.ui.screens.letter_prompt import BACK, LetterPrompt

        def chosen(letter: str | None) -> None:
            if letter is None:
                self.set_status(tr("No mark chosen."))
            elif letter == BACK:
                self._jump_back()
            else:
                self.goto_mark(letter)

        self.app.push_screen(LetterPrompt("Go to mark", allow_back=True), chosen)

    def _here(self) -> ItemRef | None:
        position = self.current_position()
        if position is None:
            return None
        try:
            return ItemRef(self.briefing.id, position)
        except ValueError:
            return None

    def jumped_from(self, origin: str | None) -> None:
        """Any jump (a mark, a search hit, the palette, a link): ``''`` returns to ``origin``."""
        if origin is not None:
            self.analyst.origin = ItemRef(self.briefing.id, origin)

    def goto_mark(self, letter: str) -> None:
        mark = self.analyst.mark(letter)
        if mark is None:
            self.set_status(tr("No mark {letter}: m {letter} sets one.", letter=letter))
            return
        self._travel_to(mark.ref, f"mark {letter}")

    def _jump_back(self) -> None:
        origin = self.analyst.origin
        if origin is None:
            self.set_status(tr("No jump to return from yet: ' + a letter jumps to a mark."))
            return
        self._travel_to(origin, "where the last jump started")

    def _travel_to(self, ref: ItemRef, what: str) -> None:
        """Jump to ``ref`` (one history entry), remembering where from for ``''``."""
        here = self._here()
        if ref.briefing != self.briefing.id:
            if ref.briefing not in getattr(self.app, "loaded", {}):
                self.set_status(f"The briefing of {what} ({ref.briefing}) is not in this library.")
                return
            self.analyst.origin = here
            self.post_message(OpenBriefing(ref.briefing, goto=ref.item))
            return
        if not self.jump(ref.item):
            self.set_status(f"{what.capitalize()} points at {ref.item}, no longer in the briefing.")
            return
        self.analyst.origin = here
        self.set_status(f"At {what}: {self._where(ref.item)} ('' goes back).")

    # -- notes ---------------------------------------------------------------------------------

    def action_note(self) -> None:
        item = self.item_under_cursor()
        if item is None:
            self.set_status(tr("Nothing under the cursor to write a note on."))
            return
        if self._refused():
            return
        note = self.analyst.note_on(self.briefing.id, item)
        said: list[str] = []

        def save(value: str) -> None:
            said.append(self.analyst.save_note(self.briefing, item, value, note))

        def closed(_: None) -> None:
            self._notices()
            if said:
                self.refresh_annotations()
                self.set_status(f"{tr(said[0])} ({self._where(item)})")

        from briefing_tui.ui.screens.note_editor import NoteEditor

        current = note.text if note is not None else ""
        self.app.push_screen(NoteEditor(self._where(item), current, save), closed)

    def action_notes(self) -> None:
        if self.analyst.state.status == "off":
            self.set_status(tr(OFF))
            return
        notes = self.analyst.state.notes()
        briefings = getattr(self.app, "loaded", {self.briefing.id: self.briefing})

        def chosen(note: Note | None) -> None:
            if note is not None:
                self._travel_to(note.ref, "the note")

        from briefing_tui.ui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(notes, briefings, self.analyst.note_status), chosen)

    def refresh_annotations(self) -> None:
        """Draw notes and changes under the report's paragraphs and in the pane."""
        self._note_rows = None
        self._annotations = annotate(self.analyst, self.briefing, self.refs)
        report = self.query_one(ReportView)
        assert isinstance(report, ReportView)
        report.reader.set_badges(self._annotations.badges)
        pane = self.query_one(AttributionPane)
        assert isinstance(pane, AttributionPane)
        pane.redraw()

    def _searchable_notes(self) -> list[tuple[Note, str]]:
        """Every note with where it is, for the search bar (read again after each change)."""
        if self._note_rows is None:
            rows = []
            for note in self.analyst.state.notes():
                here = note.ref.briefing == self.briefing.id
                where = self._where(note.ref.item) if here else note.ref.key
                rows.append((note, f"{tr('Your note')} · {where}"))
            self._note_rows = rows
        return self._note_rows

    def _pane_lines(self, item: str) -> list[Text]:
        return self._annotations.pane.get(item, [])

    def layer_hint(self) -> str:
        """For the status line: the item under the cursor has notes, or changed."""
        item = self.item_under_cursor()
        return self._annotations.hints.get(item, "") if item is not None else ""

    # -- what changed --------------------------------------------------------------------------

    def action_next_change(self) -> None:
        self._step_change(1)

    def action_previous_change(self) -> None:
        self._step_change(-1)

    def _step_change(self, step: int) -> None:
        changes = self.analyst.changes.get(self.briefing.id)
        if changes is None:
            self.set_status(tr("Still comparing with your last read…"))
            return
        ids = [i for i in (changes.ids if changes else ()) if self.refs.target(i) is not None]
        if not ids:
            first = changes is not None and changes.first_read
            self.set_status(
                tr("First time you read this briefing: nothing is marked as changed.")
                if first
                else tr("Nothing changed since you last read this briefing.")
            )
            return
        here = self.item_under_cursor()
        index = ids.index(here) if here in ids else self._change_index
        index = (index + step) % len(ids) if index >= 0 or step > 0 else len(ids) - 1
        self._change_index = index
        item = ids[index]
        self.jump(item)
        kind = self.analyst.item_changes(self.briefing).get(item, "changed")
        what, where = tr(CHANGE_WORDS[kind]), self._where(item)
        line = N_("Change {n}/{total}: {where} {what} (c/C)")
        self.set_status(tr(line, n=index + 1, total=len(ids), where=where, what=what))

    # -- citations -----------------------------------------------------------------------------

    def action_copy_citation(self) -> None:
        from briefing_tui.state.cite import CITABLE, NotCitable, citation

        item = self.item_under_cursor()
        target = self.refs.target(item) if item is not None else None
        if item is None or target is None or target.kind not in CITABLE:
            self.set_status(tr("Move onto a paragraph, agreement or source to copy a citation."))
            return
        try:
            cited = citation(self.briefing, item)
        except NotCitable as exc:
            self.set_status(str(exc))
            return
        self.app.copy_to_clipboard(cited)
        done = N_("Copied a citation of {where} to your terminal's clipboard.")
        self.set_status(tr(done, where=self._where(item)))

    # -- the palette ---------------------------------------------------------------------------

    def palette_entries(self) -> list[Entry]:
        entries: list[Entry] = []
        for mark in self.analyst.marks():
            ref = mark.ref
            where = self._where(ref.item) if ref.briefing == self.briefing.id else ref.key
            entries.append(
                (f"Mark {mark.letter}: {where}", "Jump to the mark", self._mark_jump(mark.letter))
            )
        entries.append(
            ("Copy a citation", "The item under the cursor, to your clipboard (y)",
             self.action_copy_citation)
        )  # fmt: skip
        if self.analyst.state.status == "off":
            return entries  # --no-state: no notes to write or list, no changes to step through
        entries += [
            ("Note on the item under the cursor", "Write or edit a note (A)", self.action_note),
            ("Notes: every note in the library", "List and jump (ctrl+n)", self.action_notes),
            ("Next change since you last read", "c; C goes back", self.action_next_change),
        ]
        return entries

    def _mark_jump(self, letter: str) -> Callable[[], None]:
        return lambda: self.goto_mark(letter)
