"""Messages that cross widgets and screens: widgets post them up, screens and the app act.

Written out rather than made by ``@dataclass``: every start defines them, and a dataclass
compiles its generated methods each time (~0.2 ms a class here).
"""

from __future__ import annotations

from textual.message import Message


class JumpRequested(Message):
    """The reader asked to go to an item by id (a paragraph, agreement, source, figure...)."""

    def __init__(self, target_id: str) -> None:
        super().__init__()
        self.target_id = target_id


class ItemFocused(Message):
    """The item under the cursor changed; the attribution pane follows it."""

    def __init__(self, target_id: str) -> None:
        super().__init__()
        self.target_id = target_id


class Moved(Message):
    """The reader scrolled: the position indicator in the status line follows it."""


class OpenBriefing(Message):
    """A screen asks the app to open another briefing of the library (the app owns the stack)."""

    def __init__(self, briefing_id: str, goto: str | None = None) -> None:
        super().__init__()
        self.briefing_id = briefing_id
        self.goto = goto
