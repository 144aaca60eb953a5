"""Every note across the library, newest change last; Enter jumps to the item it is on."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.state.model import Note, NoteStatus
from briefing_tui.ui.i18n import N_, tr
from briefing_tui.ui.render import text
from briefing_tui.ui.widgets._shared import step_cursor
from briefing_tui.ui.widgets.steady_list import SteadyOptionList

#: What a note's status adds to its line: the item's text is not what the note was written on.
STATUS_WORDS = {
    "changed": N_("the item changed since this note"),
    "gone": N_("the item is no longer in the briefing"),
    "unknown": N_("briefing not loaded"),
}


def note_place(note: Note, briefings: Mapping[str, Briefing], refs: dict[str, BriefingRefs]) -> str:
    """``Briefing title › §2.3`` (or the raw ids when the briefing is not loaded)."""
    briefing = briefings.get(note.ref.briefing)
    if briefing is None:
        return note.ref.key
    if briefing.id not in refs:
        refs[briefing.id] = BriefingRefs(briefing)
    target = refs[briefing.id].target(note.ref.item)
    label = target.location if target is not None else note.ref.item
    return f"{briefing.title} › {label}"


class NotesScreen(ModalScreen[Note | None]):
    """Returns the note chosen (to jump to its item), or ``None``."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="notes.close"),
        Binding("q", "close", "Close", show=False, id="notes.close_q"),
        Binding("j", "move(1)", "Down", show=False, id="notes.down"),
        Binding("k", "move(-1)", "Up", show=False, id="notes.up"),
    ]

    def __init__(
        self,
        notes: list[Note],
        briefings: Mapping[str, Briefing],
        status: Callable[[Note, Briefing | None], NoteStatus],
    ) -> None:
        super().__init__()
        self.notes = notes
        self.briefings = briefings
        self.status = status

    def compose(self) -> ComposeResult:
        refs: dict[str, BriefingRefs] = {}
        options = []
        for i, note in enumerate(self.notes):
            prompt = text(note_place(note, self.briefings, refs), "bold")
            status = self.status(note, self.briefings.get(note.ref.briefing))
            if status in STATUS_WORDS:
                prompt.append(f"  [{tr(STATUS_WORDS[status])}]", style="yellow")
            prompt.append("\n  ")
            prompt.append_text(text(note.text.replace("\n", " ")))
            options.append(Option(prompt, id=str(i)))
        count = len(self.notes)
        title = tr("Your notes: {count} · Enter jumps · Escape closes", count=count)
        if not count:
            title = tr("No notes yet: press A on a paragraph, agreement or source to write one.")
        with Vertical(id="notes-list"):
            yield Static(Text(title, style="bold"))
            yield SteadyOptionList(*options, markup=False)

    def action_move(self, step: int) -> None:
        step_cursor(self.query_one(OptionList), step)

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.notes[int(event.option.id)])
