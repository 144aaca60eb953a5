"""The API the browser and ``briefing notes`` use: one analyst's marks, notes and reading.

Every change is one transaction, committed (durably) before the method returns; a method that
returns ``True`` (or a :class:`Note`) has saved, so the UI may say so. Nothing here raises for a
storage problem: an unusable location, a read-only home or a full disk turns the layer
read-only (or off) with a one-line message in :attr:`AnalystState.notices`, and the browser
goes on. Bad input (a note with a control character, a mark that is not a letter) raises
:class:`StateInputError`, whose message is for the analyst.

How the browser is meant to use it (call from the thread that opened it, the app's):

* start: ``AnalystState.open(ns.state_choice.path)``; show ``ns.state_choice.notices`` and
  ``state.notices`` once each; ``close()`` at exit;
* a briefing is shown: ``changes = state.open_briefing(briefing)`` (then step through
  ``changes.ids``), and ``state.last_position(briefing.id)`` to return to where the analyst was;
  ``set_last_position`` when leaving it and on quit;
* ``m`` + letter: ``state.mark(letter, ref_to(briefing, item_id))``; ``'`` + letter:
  ``state.mark_at(letter)`` (its ``ref`` may name another briefing); ``''`` is the session's;
* notes: ``add_note(ref_to(briefing, item_id), text)``, ``edit_note``, ``delete_note``,
  ``notes(briefing.id)``; ``note_status(note, briefing)`` says ``changed`` when the item's
  text moved on since the note;
* the picker: ``last_position(id).last_read`` and ``updated_since_read(briefing)``;
* ``y``: :func:`briefing_tui.state.cite.citation` gives the text to copy.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from briefing_tui.content.model import Briefing
from briefing_tui.content.text import plain
from briefing_tui.state import store
from briefing_tui.state.fingerprint import briefing_fingerprint, item_fingerprints
from briefing_tui.state.ledger import Ledger
from briefing_tui.state.model import (
    Changes,
    ItemRef,
    Mark,
    Note,
    ReadState,
    Status,
    check_letter,
    check_note,
)
from briefing_tui.state.opening import open_database


class AnalystState:
    """One analyst's layer over the shared content, backed by one SQLite file."""

    def __init__(
        self,
        conn: sqlite3.Connection | None,
        status: Status,
        path: Path | None = None,
        notices: list[str] | None = None,
        clock: Callable[[], dt.datetime] = store.now_utc,
    ) -> None:
        self._db = Ledger(conn, status, notices or [])
        self.path = path
        """The database file, or ``None`` when off."""
        self._clock = clock

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None,
        *,
        readonly: bool = False,
        clock: Callable[[], dt.datetime] = store.now_utc,
    ) -> AnalystState:
        """Open (or create) the database at ``path``; never raises for a storage problem.

        A corrupt file, or another program's database, is moved aside and a fresh one started,
        with a notice. ``readonly`` (``briefing notes``) creates nothing and repairs nothing.
        """
        if path is None:
            return cls(None, "off", clock=clock)
        path = Path(os.path.abspath(path))
        conn, status, notices = open_database(path, readonly, clock)
        return cls(conn, status, path, notices, clock)

    def close(self) -> None:
        self._db.close()

    @property
    def status(self) -> Status:
        """Whether changes are being saved: ``writable``, ``read-only`` or ``off``."""
        return self._db.status

    @property
    def notices(self) -> list[str]:
        """One-line messages for the analyst, oldest first: the UI shows each once (and may
        clear the list); ``briefing notes`` prints them on stderr."""
        return self._db.notices

    @property
    def writable(self) -> bool:
        return self.status == "writable"

    # -- marks ---------------------------------------------------------------------------------

    def mark(self, letter: str, target: ItemRef) -> bool:
        """Set mark ``letter`` (a-z, A-Z) on ``target``, replacing that letter's old place."""
        check_letter(letter)
        return self._db.change(
            "INSERT OR REPLACE INTO marks VALUES (?, ?, ?, ?, ?)",
            (letter, target.briefing, target.item, target.fingerprint, self._now()),
        )

    def unmark(self, letter: str) -> bool:
        return self._db.change("DELETE FROM marks WHERE letter = ?", (check_letter(letter),))

    def marks(self) -> list[Mark]:
        """Every mark, by letter (marks span the library: a mark may open another briefing)."""
        rows = self._db.rows("SELECT letter, briefing, item, fingerprint, created FROM marks")
        marks = [
            Mark(r[0], _ref(r[1], r[2], r[3]), _when(r[4])) for r in rows if _usable(r[1], r[2])
        ]
        return sorted(marks, key=lambda m: m.letter)

    def mark_at(self, letter: str) -> Mark | None:
        return next((m for m in self.marks() if m.letter == letter), None)

    # -- notes ---------------------------------------------------------------------------------

    def add_note(self, target: ItemRef, text: str) -> Note | None:
        """Attach a note to ``target``; the saved note, or ``None`` if it could not be saved."""
        text = check_note(text)
        now = self._now()
        row = (target.briefing, target.item, target.fingerprint, text, now, now)
        note_id = self._db.insert(
            "INSERT INTO notes (briefing, item, fingerprint, text, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            row,
        )
        if note_id is None:
            return None
        return Note(note_id, target, text, _when(now), _when(now))

    def edit_note(self, note_id: int, text: str, target: ItemRef | None = None) -> bool:
        """Replace a note's text; with ``target``, also re-anchor it to the item as it is now."""
        text = check_note(text)
        if target is None:
            return self._db.change(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ?", (text, self._now(), note_id)
            )
        return self._db.change(
            "UPDATE notes SET text = ?, updated = ?, fingerprint = ? WHERE id = ?",
            (text, self._now(), target.fingerprint, note_id),
        )

    def delete_note(self, note_id: int) -> bool:
        return self._db.change("DELETE FROM notes WHERE id = ?", (note_id,))

    def notes(self, briefing: str | None = None) -> list[Note]:
        """Notes, oldest first; of one briefing, or of the whole library.

        Text is passed through the character policy again on the way out: the file is the
        analyst's, and anything may have been written into it by other means.
        """
        sql = "SELECT id, briefing, item, fingerprint, text, created, updated FROM notes"
        rows = (
            self._db.rows(sql + " WHERE briefing = ? ORDER BY id", (briefing,))
            if briefing is not None
            else self._db.rows(sql + " ORDER BY id")
        )
        return [
            Note(r[0], _ref(r[1], r[2], r[3]), plain(r[4]), _when(r[5]), _when(r[6]))
            for r in rows
            if _usable(r[1], r[2])
        ]

    # -- where I left off, and what changed ----------------------------------------------------

    def last_position(self, briefing: str) -> ReadState | None:
        rows = self._db.rows(
            "SELECT item, last_read, fingerprint FROM reads WHERE briefing = ?", (briefing,)
        )
        if not rows:
            return None
        item, last_read, fingerprint = rows[0]
        item = item if item is None or _usable(briefing, item) else None
        return ReadState(briefing, item, store.parse_stamp(last_read), fingerprint)

    def last_positions(self) -> dict[str, ReadState]:
        """Every briefing's :meth:`last_position` in one query (the picker lists them all)."""
        rows = self._db.rows("SELECT briefing, item, last_read, fingerprint FROM reads")
        found: dict[str, ReadState] = {}
        for briefing, item, last_read, fingerprint in rows:
            if not isinstance(briefing, str) or not _usable(briefing, "x"):
                continue
            item = item if item is None or _usable(briefing, item) else None
            found[briefing] = ReadState(briefing, item, store.parse_stamp(last_read), fingerprint)
        return found

    def set_last_position(self, briefing: str, item: str) -> bool:
        """Remember where the cursor is (call it on leaving a briefing and on quitting)."""
        ItemRef(briefing, item)  # checks the ids
        return self._db.change(
            "INSERT INTO reads (briefing, item) VALUES (?, ?) "
            "ON CONFLICT (briefing) DO UPDATE SET item = excluded.item",
            (briefing, item),
        )

    def changes(self, briefing: Briefing, prints: dict[str, str] | None = None) -> Changes:
        """What changed or appeared in ``briefing`` since it was last recorded as read.

        ``prints``: the briefing's :func:`item_fingerprints`, when the caller has them already
        (the browser works them out off its UI thread: a briefing of 6,000 sections takes
        ~90 ms to hash).
        """
        seen = dict(
            self._db.rows("SELECT item, fingerprint FROM seen WHERE briefing = ?", (briefing.id,))
        )
        if not seen:
            return Changes((), (), (), first_read=True)
        now = prints if prints is not None else item_fingerprints(briefing)
        changed = tuple(i for i, f in now.items() if i in seen and seen[i] != f)
        added = tuple(i for i in now if i not in seen)
        ids = tuple(i for i in now if i in changed or i in added)
        return Changes(changed, added, ids, first_read=False)

    def open_briefing(self, briefing: Briefing, prints: dict[str, str] | None = None) -> Changes:
        """The analyst opens ``briefing``: what changed since last time, then record this read.

        The one call the UI makes when a briefing is shown: the answer is computed before the
        new fingerprints replace the old ones (which are replaced in one transaction). Keep the
        answer for the session: the next call starts from this read.
        """
        prints = prints if prints is not None else item_fingerprints(briefing)
        found = self.changes(briefing, prints)
        self.record_read(briefing, prints)
        return found

    def record_read(self, briefing: Briefing, prints: dict[str, str] | None = None) -> bool:
        """Store each item's fingerprint and the read time, replacing the previous read."""
        prints = prints if prints is not None else item_fingerprints(briefing)
        whole = briefing_fingerprint(prints)
        now = self._now()

        def write(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM seen WHERE briefing = ?", (briefing.id,))
            conn.executemany(
                "INSERT INTO seen VALUES (?, ?, ?)",
                [(briefing.id, item, f) for item, f in prints.items()],
            )
            conn.execute(
                "INSERT INTO reads (briefing, last_read, fingerprint) VALUES (?, ?, ?) "
                "ON CONFLICT (briefing) DO UPDATE SET last_read = excluded.last_read, "
                "fingerprint = excluded.fingerprint",
                (briefing.id, now, whole),
            )

        return self._db.write(write)

    def seen_text_hash(self, briefing: str, item: str) -> str | None:
        """The item's fingerprint when the briefing was last read (``None``: never seen)."""
        rows = self._db.rows(
            "SELECT fingerprint FROM seen WHERE briefing = ? AND item = ?", (briefing, item)
        )
        return rows[0][0] if rows else None

    def updated_since_read(self, briefing: Briefing) -> bool:
        """For the picker's "updated" badge: read before, and different now."""
        state = self.last_position(briefing.id)
        if state is None or state.fingerprint is None:
            return False
        return state.fingerprint != briefing_fingerprint(item_fingerprints(briefing))

    # -- plumbing ------------------------------------------------------------------------------

    def _now(self) -> str:
        return store.stamp(self._clock())


def _ref(briefing: str, item: str, fingerprint: str | None) -> ItemRef:
    return ItemRef(briefing, item, fingerprint)


def _usable(briefing: object, item: object) -> bool:
    """Rows written by other means may hold anything: skip those that are not ids."""
    try:
        ItemRef(str(briefing), str(item))
    except ValueError:
        return False
    return isinstance(briefing, str) and isinstance(item, str)


def _when(text: str) -> dt.datetime:
    return store.parse_stamp(text) or dt.datetime.min.replace(tzinfo=dt.UTC)
