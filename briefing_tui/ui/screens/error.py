"""Problems shown in the app instead of a traceback: broken content, or an unexpected error."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.ui.i18n import tr
from briefing_tui.ui.render import text


class ErrorScreen(ModalScreen[None]):
    """A message and a way out: Escape/Enter continues when there is something to go back to,
    and q always quits."""

    BINDINGS = [
        Binding("escape", "close", "Continue", id="error.continue"),
        Binding("enter", "close", "Continue", show=False, id="error.continue_enter"),
        Binding("q", "quit_app", "Quit", id="error.quit"),
        Binding("j", "scroll(1)", "Down", show=False, id="error.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="error.up"),
    ]

    def __init__(self, title: str, lines: list[str], *, fatal: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines
        self.fatal = fatal

    def compose(self) -> ComposeResult:
        body = Text()
        for index, line in enumerate(self.lines):
            if index:
                body.append("\n")
            body.append(text(line))
        hint = tr("q quits") if self.fatal else tr("Escape continues · q quits")
        with Vertical(id="error-box"):
            yield Static(
                Text.assemble(("⚠ ", "bold red"), text(self.title_text, "bold")), id="error-title"
            )
            with VerticalScroll(id="error-body"):
                yield Static(body)
            yield Static(Text(hint, style="dim"), id="error-hint")

    def action_scroll(self, step: int) -> None:
        self.query_one("#error-body", VerticalScroll).scroll_relative(y=step, animate=False)

    def action_quit_app(self) -> None:
        """Leaving from a fatal error still says, by the exit code, that something failed."""
        self.app.exit(return_code=1 if self.fatal else 0)

    def action_close(self) -> None:
        if self.fatal:
            self.app.exit(return_code=1)
        else:
            self.dismiss(None)
