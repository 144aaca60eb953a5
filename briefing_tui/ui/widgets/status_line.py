"""The line under the tabs: where you are, or what just happened, never a stale message.

A message (a jump that failed, a filter applied, a search match) lasts until the next key;
then the line shows the reading position again. "Search marks cleared." once stayed through
ten actions: counting keys is what keeps it honest.

The line is worked out when it is painted, not when a key arrives: a key's action runs after
the screen has seen the key, so deciding then took a second frame (and a relayout, as
``Static.update`` lays the screen out again) for every key, ~15-30 ms of each (benchmarks/keys).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from briefing_tui.ui.render import text


class StatusLine(Static):
    """Shows a message until the next key, otherwise what ``position()`` says."""

    def __init__(self, position: Callable[[], str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.position = position
        self.message = ""
        self._message_key = 0
        self._keys = 0

    def say(self, message: str) -> None:
        """Say something until the next key."""
        self.message = message
        self._message_key = self._keys
        self.refresh()

    def key_pressed(self) -> None:
        """Every key ends the previous message; one set by this key's own action stays."""
        self._keys += 1
        if self.message:
            # Only to clear it: a repaint requested here, before the key's action has run,
            # made a frame of its own ahead of the action's (the position comes via Moved).
            self.refresh()

    def refresh_line(self) -> None:
        """The position changed: paint the line again (one line, so no relayout)."""
        self.refresh()

    def _line(self) -> str:
        if self.message and self._message_key == self._keys:
            return self.message
        self.message = ""
        return self.position()

    @property
    def content(self) -> Text:  # type: ignore[override]
        """What the line shows now (tests read it between frames)."""
        # Messages quote content (a source title, a search hit's place): text(), not Text().
        return text(self._line(), "dim")

    def render(self) -> Text:
        return self.content
