"""What the analyst keeps: marks, notes, where they left off, and what changed since.

Plain frozen dataclasses: the UI and the command line share them without copying, and none of
them holds content, only ids and fingerprints of it (content stays where it is, read-only).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from briefing_tui.content.record import record
from briefing_tui.content.text import one_line, unsafe_character

#: Marks are letters, as in less and vi: ``m`` + letter sets one, ``'`` + letter jumps to it.
MARK_LETTER = re.compile(r"[a-zA-Z]")

#: Longest note, in characters. A note is the analyst's own paragraph, not a document: the cap
#: keeps the database, the attribution pane and ``briefing notes`` output bounded (a long
#: report paragraph is ~1,500 characters).
MAX_NOTE_CHARS = 10_000

#: Ids come from content (slugs of at most 80 characters); anything longer is not an id.
MAX_ID_CHARS = 200

#: ``writable``: changes are saved. ``read-only``: what was saved is shown, nothing new is.
#: ``off``: no database (``--no-state``, or none could be opened).
Status = Literal["writable", "read-only", "off"]

#: How a note's item stands against the content loaded now.
NoteStatus = Literal["current", "changed", "gone", "unknown"]


class StateInputError(ValueError):
    """A mark letter, id or note text the layer refuses; the message is one line."""


@record(slots=True)
class ItemRef:
    """A paragraph, agreement or source of one briefing, as the analyst saw it.

    ``fingerprint`` is the hash of the item's text at that moment
    (:func:`briefing_tui.state.fingerprint.ref_to` fills it in), so that a note can later say
    that its paragraph changed instead of silently pointing at new text.
    """

    briefing: str
    item: str
    fingerprint: str | None = None

    def __post_init__(self) -> None:
        for name, value in (("briefing id", self.briefing), ("item id", self.item)):
            if not value or len(value) > MAX_ID_CHARS or one_line(value) != value:
                raise StateInputError(f"not a usable {name}: {value[:40]!r}")

    @property
    def key(self) -> str:
        """``briefing/item``, the form ``--goto`` and ``briefing cite`` accept."""
        return f"{self.briefing}/{self.item}"


@record(slots=True)
class Mark:
    """A letter the analyst put on an item, to come back to it with '."""

    letter: str
    ref: ItemRef
    created: dt.datetime


@record(slots=True)
class Note:
    """The analyst's own text on an item; never part of the briefing."""

    id: int
    ref: ItemRef
    text: str
    """Checked against the character policy when written, and again when read back."""
    created: dt.datetime
    updated: dt.datetime


@record(slots=True)
class ReadState:
    """The analyst's last visit to one briefing: for "where I left off" and the picker."""

    briefing: str
    item: str | None
    """Where the cursor was (``None`` until a position is saved)."""
    last_read: dt.datetime | None
    """When the briefing was last opened (``None`` if only a position was saved)."""
    fingerprint: str | None
    """The whole briefing's fingerprint then: differs from today's when it was updated since."""


@record(slots=True)
class Changes:
    """Items whose text changed or appeared since the analyst last read a briefing."""

    changed: tuple[str, ...]
    """Ids whose text differs from what was seen, in reading order."""
    added: tuple[str, ...]
    """Ids that did not exist then, in reading order."""
    ids: tuple[str, ...]
    """Changed and new items together in reading order: what the "next change" key steps by."""
    first_read: bool
    """Never read before: nothing is marked as changed (everything would be)."""

    def __bool__(self) -> bool:
        return bool(self.changed or self.added)


def check_letter(letter: str) -> str:
    if not MARK_LETTER.fullmatch(letter):
        raise StateInputError(f"a mark is one letter a-z or A-Z, not {letter[:10]!r}")
    return letter


def check_note(text: str) -> str:
    """A note as it will be stored: line ends normalised, policy checked, size capped.

    Rejected rather than silently cleaned, so the analyst sees what was wrong; tabs and
    newlines are kept (a note may have paragraphs).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise StateInputError("a note needs some text")
    if len(text) > MAX_NOTE_CHARS:
        raise StateInputError(
            f"a note holds at most {MAX_NOTE_CHARS:,} characters (this one has {len(text):,})"
        )
    found = unsafe_character(text)
    if found is not None:
        index, description = found
        raise StateInputError(
            f"a note may not contain {description} (at character {index + 1}): "
            "control and bidi characters never reach the terminal"
        )
    return text
