"""The key after ``m`` or ``'``: a mark letter, as in less and vi.

A small modal rather than a "pending key" flag on the screen: whatever has focus underneath
(the reader, a table) would otherwise see the letter as its own key (``g``, ``j``...).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.state.model import MARK_LETTER

#: What ``'`` accepts besides a letter: ``''`` goes back to where the last jump started.
BACK = "'"


class LetterPrompt(ModalScreen[str | None]):
    """Returns the letter typed (or ``'`` when ``allow_back``), ``None`` for any other key."""

    def __init__(self, prompt: str, *, allow_back: bool = False) -> None:
        super().__init__()
        self.prompt = prompt
        self.allow_back = allow_back

    def compose(self) -> ComposeResult:
        hint = " (a-z, A-Z; ' : back where the last jump started)" if self.allow_back else ""
        yield Static(Text(f"{self.prompt}: press a letter{hint}. Escape cancels."), id="letter")

    def on_key(self, event: events.Key) -> None:
        # Stopped here, so no binding (q, g, j...) sees the letter as a command.
        event.stop()
        event.prevent_default()
        char = event.character or ""
        if MARK_LETTER.fullmatch(char) or (self.allow_back and char == BACK):
            self.dismiss(char)
        else:
            self.dismiss(None)
