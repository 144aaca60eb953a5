"""Messages that cross widgets and screens: widgets post them up, screens and the app act."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class JumpRequested(Message):
    """The reader asked to go to an item by id (a paragraph, agreement, source, figure...)."""

    target_id: str


@dataclass
class ItemFocused(Message):
    """The item under the cursor changed; the attribution pane follows it."""

    target_id: str


@dataclass
class Moved(Message):
    """The reader scrolled: the position indicator in the status line follows it."""


@dataclass
class OpenBriefing(Message):
    """A screen asks the app to open another briefing of the library (the app owns the stack)."""

    briefing_id: str
    goto: str | None = None
