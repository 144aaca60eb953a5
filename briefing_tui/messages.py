"""Messages that cross widgets: widgets post them up, the briefing screen wires them."""

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
