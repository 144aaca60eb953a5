"""Write or edit the note on one item: a line of the analyst's own text.

The text is checked by the state layer's rules (control and bidi characters refused, size
capped) before the editor closes, so a refusal is shown here, next to the text, and nothing is
lost; an empty note deletes the one being edited.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing_tui.state.model import MAX_NOTE_CHARS, StateInputError
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.render import text


class NoteEditor(ModalScreen[None]):
    """Enter saves through ``save`` (which raises :class:`StateInputError` to refuse)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note_editor.cancel")]

    def __init__(self, where: str, current: str, save: Callable[[str], None]) -> None:
        super().__init__()
        self.where = where
        self.current = current
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor"):
            title = Text(tr("Note on {where}", where=""), style="bold")
            title.append_text(text(self.where, "bold"))
            yield Static(title)
            yield Input(
                self.current,
                placeholder=tr("your note (Enter saves; empty deletes; Escape cancels)"),
                max_length=MAX_NOTE_CHARS,
                id="note-text",
            )
            yield Static(
                Text(tr("Enter saves · an empty note deletes it · Escape cancels"), style="dim"),
                id="note-problem",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self._save(event.value)
        except StateInputError as exc:
            self.query_one("#note-problem", Static).update(text(str(exc), "bold red"))
            return
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
