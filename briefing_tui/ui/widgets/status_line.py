"""The line under the tabs: where you are, or what just happened, never a stale message.

A message (a jump that failed, a filter applied, a search match) lasts until the next key;
then the line shows the reading position again. "Search marks cleared." once stayed through
ten actions: counting keys is what keeps it honest.
"""

from __future__ import annotations

from collections.abc import Callable

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
        self.refresh_line()

    def key_pressed(self) -> None:
        """Every key ends the previous message; one set by this key's own action stays."""
        self._keys += 1
        self.call_after_refresh(self.refresh_line)

    def refresh_line(self) -> None:
        if self.message and self._message_key == self._keys:
            line = self.message
        else:
            self.message = ""
            line = self.position()
        # Messages quote content (a source title, a search hit's place): text(), not Text().
        self.update(text(line, "dim"))
