"""A notice in place of a layout that cannot fit: shown while the terminal is below the minimum."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.ui.i18n import tr

#: Smallest terminal the briefing screen is laid out for: the tab bar, an outline beside the text,
#: a status line and the footer. Below it widgets overlap or vanish, so the app says so instead.
MIN_WIDTH, MIN_HEIGHT = 60, 16


def too_small(size: Size) -> bool:
    """True when ``size`` is below the minimum in either direction."""
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    """Covers everything with one short message; the app's own keys (q, ctrl+q) still work.

    Its styling is inline so it works before and regardless of app.tcss. Every other screen is
    laid out at no less than the minimum size (see size_guard); this one alone is laid out at
    the terminal's real size, so that what it draws fits the terminal (a 16-row frame written
    to a 12-row terminal scrolls its first rows, the message, out of sight). It holds nothing
    that could fail to fit: one unpadded Static, and no toasts or tooltips (their borders and
    padding leave no room for text in a few columns).
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
    TooSmallScreen ToastRack, TooSmallScreen Tooltip {
        display: none;
    }
    """

    def __init__(self, size: Size) -> None:
        super().__init__()
        self._shown_size = size

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        real = getattr(self.app, "terminal_size", None)
        if isinstance(real, Size):
            size = Size(max(1, real.width), max(1, real.height))
        super()._refresh_layout(size, scroll)

    async def _on_resize(self, event: events.Resize) -> None:
        # Textual's handler also lays out the screen beneath at this size (it could show
        # through); at the real, tiny size that is the crash this screen exists to prevent.
        event.prevent_default()
        event.stop()
        self._screen_resized(event.size)

    def compose(self) -> ComposeResult:
        yield Static(self._message(), id="too-small")

    def show_size(self, size: Size) -> None:
        """Keep the message's current size up to date as the user resizes."""
        self._shown_size = size
        if self.is_mounted:
            self.query_one("#too-small", Static).update(self._message())

    def _message(self) -> Text:
        width, height = self._shown_size
        message = Text(tr("Terminal too small"), style="bold")
        needs = tr("needs {size}", size=f"{MIN_WIDTH}x{MIN_HEIGHT}")
        message.append(f"\n{width}x{height}, {needs}", style="")
        message.append("\nEnlarge it, or q to quit", style="dim")
        return message
