"""A notice in place of a layout that cannot fit: shown while the terminal is below the minimum."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

#: Smallest terminal the briefing screen is laid out for: the tab bar, an outline beside the text,
#: a status line and the footer. Below it widgets overlap or vanish, so the app says so instead.
MIN_WIDTH, MIN_HEIGHT = 60, 16


def too_small(size: Size) -> bool:
    """True when ``size`` is below the minimum in either direction."""
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    """Covers everything with one short message; the app's own keys (q, ctrl+q) still work.

    Its styling is inline so it works before and regardless of app.tcss. The app is laid out at
    no less than the minimum size (see size_guard), so on a smaller terminal only the top-left
    part of this screen is visible: the message starts there, short lines first.
    """

    DEFAULT_CSS = """
    TooSmallScreen {
        align: left top;
        background: $background;
    }
    TooSmallScreen > #too-small {
        width: 100%;
        height: auto;
        text-align: left;
    }
    """

    def __init__(self, size: Size) -> None:
        super().__init__()
        self._shown_size = size

    def compose(self) -> ComposeResult:
        yield Static(self._message(), id="too-small")

    def show_size(self, size: Size) -> None:
        """Keep the message's current size up to date as the user resizes."""
        self._shown_size = size
        if self.is_mounted:
            self.query_one("#too-small", Static).update(self._message())

    def _message(self) -> Text:
        width, height = self._shown_size
        message = Text("Terminal too small", style="bold")
        message.append(f"\n{width}x{height}, needs {MIN_WIDTH}x{MIN_HEIGHT}", style="")
        message.append("\nEnlarge it, or q to quit", style="dim")
        return message
