"""The API the browser and ``briefing notes`` use: one analyst's marks, notes and reading.

Every change is one transaction, committed (durably) before the method returns; a method that
returns ``True`` (or a :class:`Note`) has saved, so the UI may say so. Nothing here raises for a
storage problem: an unusable location, a read-only home or a full disk turns the layer
read-only (or off) with a one-line message in :attr:`AnalystState.notices`, and the browser
goes on. Bad input (a note with a control character, a mark that is not a letter) raises
:class:`StateInputError`, whose message is for the analyst.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from briefing_tui.content.model import Briefing
from briefing_tui.content.text import plain
from briefing_tui.state import store
from briefing_tui.state.fingerprint import briefing_fingerprint, item_fingerprints
from briefing_tui.state.model import (
    Changes,
    ItemRef,
    Mark,
    Note,
    ReadState,
    check_letter,
    check_note,
)
from briefing_tui.state.paths import StateLocationError, StateUnwritable

#: ``writable``: changes are saved. ``read-only``: what was saved is shown, nothing new is.
#: ``off``: no database (``--no-state``, or none could be opened).
Status = Literal["writable", "read-only", "off"]


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
        self._conn = conn
        self.status: Status = status
        """Whether changes are being saved; see :data:`Status`."""
        self.path = path
        """The database file, or ``None`` when off."""
        self.notices: list[str] = notices or []
        """One-line messages for the analyst, oldest first: the UI shows each once."""
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
        notices: list[str] = []
        if not readonly:
            try:
                return cls(store.connect(path, create=True), "writable", path, notices, clock)
            except store.BrokenDatabase as exc:
                try:
                    aside: str = store.move_aside(path, clock()).name
                except FileNotFoundError:  # another session starting now moved it first
                    aside = "a .broken file beside it"
                except (OSError, StateLocationError) as move_exc:
                    return cls(None, "off", path, [f"notes are off: {path}: {exc}; {move_exc}"])
                notices.append(f"{path} was {exc}: moved it to {aside} and started a new one")
                try:
                    conn = store.connect(path, create=True)
                    return cls(conn, "writable", path, notices, clock)
                except (OSError, sqlite3.Error, StateLocationError, store.BrokenDatabase) as again:
                    notices.append(f"notes are off: {_why(again)}")
                    return cls(None, "off", path, notices, clock)
            except StateLocationError as exc:
                if not _unwritable(exc):
                    return cls(None, "off", path, [f"notes are off: {exc}"], clock)
                notices.append(f"notes are read-only: {exc}")
            except store.NewerDatabase as exc:
                notices.append(f"notes are read-only: {path} was {exc}")
            except (OSError, sqlite3.Error) as exc:
                notices.append(f"notes are read-only: {path}: {_why(exc)}")
        try:
            conn = store.connect(path, create=False)
        except FileNotFoundError:
            return cls(None, "off", path, notices, clock)
        except (OSError, sqlite3.Error, StateLocationError, store.BrokenDatabase) as exc:
            if not (notices and isinstance(exc, store.BrokenDatabase | StateLocationError)):
                notices.append(f"notes are off: {path}: {_why(exc)}")
            return cls(None, "off", path, notices, clock)
        except store.NewerDatabase:
            conn = store.raw_connect(path, create=False)
        return cls(conn, "read-only", path, notices, clock)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def writable(self) -> bool:
        return self.status == "writable"

    # -- marks ---------------------------------------------------------------------------------

    def mark(self, letter: str, target: ItemRef) -> bool:
        """Set mark ``letter`` (a-z, A-Z) on ``target``, replacing that letter's old place."""
        check_letter(letter)
        return self._change(
            "INSERT OR REPLACE INTO marks VALUES (?, ?, ?, ?, ?)",
            (letter, target.briefing, target.item, target.fingerprint, self._now()),
        )

    def unmark(self, letter: str) -> bool:
        return self._change("DELETE FROM marks WHERE letter = ?", (check_letter(letter),))

    def marks(self) -> list[Mark]:
        """Every mark, by letter (marks span the library: a mark may open another briefing)."""
        rows = self._rows("SELECT letter, briefing, item, fingerprint, created FROM marks")
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
        note_id = self._insert(
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
            return self._change(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ?", (text, self._now(), note_id)
            )
        return self._change(
            "UPDATE notes SET text = ?, updated = ?, fingerprint = ? WHERE id = ?",
            (text, self._now(), target.fingerprint, note_id),
        )

    def delete_note(self, note_id: int) -> bool:
        return self._change("DELETE FROM notes WHERE id = ?", (note_id,))

    def notes(self, briefing: str | None = None) -> list[Note]:
        """Notes, oldest first; of one briefing, or of the whole library.

        Text is passed through the character policy again on the way out: the file is the
        analyst's, and anything may have been written into it by other means.
        """
        sql = "SELECT id, briefing, item, fingerprint, text, created, updated FROM notes"
        rows = (
            self._rows(sql + " WHERE briefing = ? ORDER BY id", (briefing,))
            if briefing is not None
            else self._rows(sql + " ORDER BY id")
        )
        return [
            Note(r[0], _ref(r[1], r[2], r[3]), plain(r[4]), _when(r[5]), _when(r[6]))
            for r in rows
            if _usable(r[1], r[2])
        ]

    # -- where I left off, and what changed ----------------------------------------------------

    def last_position(self, briefing: str) -> ReadState | None:
        rows = self._rows(
            "SELECT item, last_read, fingerprint FROM reads WHERE briefing = ?", (briefing,)
        )
        if not rows:
            return None
        item, last_read, fingerprint = rows[0]
        item = item if item is None or _usable(briefing, item) else None
        return ReadState(briefing, item, store.parse_stamp(last_read), fingerprint)

    def set_last_position(self, briefing: str, item: str) -> bool:
        """Remember where the cursor is (call it on leaving a briefing and on quitting)."""
        ItemRef(briefing, item)  # checks the ids
        return self._change(
            "INSERT INTO reads (briefing, item) VALUES (?, ?) "
            "ON CONFLICT (briefing) DO UPDATE SET item = excluded.item",
            (briefing, item),
        )

    def changes(self, briefing: Briefing) -> Changes:
        """What changed or appeared in ``briefing`` since it was last recorded as read."""
        seen = dict(
            self._rows("SELECT item, fingerprint FROM seen WHERE briefing = ?", (briefing.id,))
        )
        if not seen:
            return Changes((), (), (), first_read=True)
        now = item_fingerprints(briefing)
        changed = tuple(i for i, f in now.items() if i in seen and seen[i] != f)
        added = tuple(i for i in now if i not in seen)
        ids = tuple(i for i in now if i in changed or i in added)
        return Changes(changed, added, ids, first_read=False)

    def open_briefing(self, briefing: Briefing) -> Changes:
        """The analyst opens ``briefing``: what changed since last time, then record this read.

        The one call the UI makes when a briefing is shown: the answer is computed before the
        new fingerprints replace the old ones (which are replaced in one transaction). Keep the
        answer for the session: the next call starts from this read.
        """
        found = self.changes(briefing)
        self.record_read(briefing)
        return found

    def record_read(self, briefing: Briefing) -> bool:
        """Store each item's fingerprint and the read time, replacing the previous read."""
        prints = item_fingerprints(briefing)
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

        return self._write(write)

    def seen_text_hash(self, briefing: str, item: str) -> str | None:
        """The item's fingerprint when the briefing was last read (``None``: never seen)."""
        rows = self._rows(
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

    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
        if self._conn is None:
            return []
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            self.notices.append(f"notes could not be read: {_why(exc)}")
            return []

    def _change(self, sql: str, params: tuple[object, ...]) -> bool:
        return self._write(lambda conn: conn.execute(sql, params))

    def _insert(self, sql: str, params: tuple[object, ...]) -> int | None:
        ids: list[int] = []
        ok = self._write(lambda conn: ids.append(conn.execute(sql, params).lastrowid or 0))
        return ids[0] if ok else None

    def _write(self, change: Callable[[sqlite3.Connection], object]) -> bool:
        if self._conn is None or self.status != "writable":
            return False
        try:
            with store.transaction(self._conn):
                change(self._conn)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                self.notices.append(f"not saved: another session kept the notes busy ({exc})")
                return False
            self.status = "read-only"
            self.notices.append(f"notes are read-only from now on: {_why(exc)}")
            return False
        except sqlite3.Error as exc:
            self.status = "read-only"
            self.notices.append(f"notes are read-only from now on: {_why(exc)}")
            return False
        return True


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


def _unwritable(exc: StateLocationError) -> bool:
    return isinstance(exc, StateUnwritable)


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
