"""A tiny App that mounts one tab widget on its own, for Pilot tests of the widgets.

The widgets are meant to live inside the briefing screen's TabbedContent; here each one is the
only thing on screen so a test sees exactly what it posts and draws.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget

from briefing_tui.loader import load_library
from briefing_tui.messages import ItemFocused, JumpRequested
from briefing_tui.models import Briefing
from briefing_tui.refs import BriefingRefs

CSS = Path(__file__).parents[2] / "briefing_tui" / "app.tcss"

WidgetFactory = Callable[[Briefing, BriefingRefs], Widget]


def bundled_briefing() -> Briefing:
    """The Xi Jinping visit report shipped in content/."""
    return load_library().library.briefings[0]


class Harness(App[None]):
    """Mounts ``factory(briefing, refs)`` and records the messages it posts up."""

    CSS_PATH = CSS

    def __init__(self, factory: WidgetFactory, briefing: Briefing | None = None) -> None:
        super().__init__()
        self.briefing = briefing or bundled_briefing()
        self.refs = BriefingRefs(self.briefing)
        self.factory = factory
        self.jumps: list[str] = []
        """Target ids of every JumpRequested, in order."""
        self.item_focused: list[str] = []
        """Target ids of every ItemFocused, in order."""

    def compose(self) -> ComposeResult:
        yield self.factory(self.briefing, self.refs)

    def on_mount(self) -> None:
        widget = self.screen.children[0]
        widget.focus_default()  # type: ignore[attr-defined]

    def on_jump_requested(self, message: JumpRequested) -> None:
        self.jumps.append(message.target_id)

    def on_item_focused(self, message: ItemFocused) -> None:
        self.item_focused.append(message.target_id)


def screen_text(app: App[object]) -> str:
    """Everything on the screen as plain text, one line per terminal row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def last(messages: list[str]) -> str | None:
    return messages[-1] if messages else None


__all__ = ["Harness", "Message", "bundled_briefing", "last", "screen_text"]
