"""The open database as the API sees it: reads that never raise, one transaction per change.

A storage failure is never an exception for the caller. A change that cannot be saved (a full
disk, a file made read-only under us, an I/O error) turns the whole layer read-only with one
notice, so the analyst is told once and the browser goes on; a change that waited too long for
another session's lock is reported but leaves the layer writable (the next one may succeed).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from briefing_tui.state import store
from briefing_tui.state.model import Status
from briefing_tui.state.opening import why

_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class Ledger:
    def __init__(self, conn: sqlite3.Connection | None, status: Status, notices: list[str]):
        self._conn = conn
        self.status: Status = status
        """``writable``, ``read-only`` or ``off`` (see :data:`Status`)."""
        self.notices = notices
        """One-line messages for the analyst, oldest first."""

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query, or none when there is no database or it cannot be read."""
        if self._conn is None:
            return []
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            self.notices.append(f"notes could not be read: {why(exc)}")
            return []

    def change(self, sql: str, params: tuple[object, ...]) -> bool:
        return self.write(lambda conn: conn.execute(sql, params))

    def insert(self, sql: str, params: tuple[object, ...]) -> int | None:
        """Run an INSERT in its own transaction; the new row's id, or ``None`` if not saved."""
        ids: list[int] = []
        saved = self.write(lambda conn: ids.append(conn.execute(sql, params).lastrowid or 0))
        return ids[0] if saved else None

    def write(self, change: Callable[[sqlite3.Connection], object]) -> bool:
        """Run ``change`` in one transaction; ``True`` once it is committed."""
        if self._conn is None or self.status != "writable":
            return False
        try:
            with store.transaction(self._conn):
                change(self._conn)
        except sqlite3.Error as exc:
            if exc.sqlite_errorcode & 0xFF in _BUSY:
                self.notices.append(f"not saved: another session kept the notes busy ({exc})")
            else:
                self.status = "read-only"
                self.notices.append(f"notes are read-only from now on: {why(exc)}")
            return False
        return True
