"""The store's manifest (stdlib sqlite3): per briefing folder, its identity, its sequence
number in reading order and its validated content (or its problems); per store, the versions
it was written with and the identity of every file of the search index.

SQLite because a refresh must change a few rows of 10,000 atomically: the new rows and the new
index files' identities are committed in one transaction, after the index's own commit, so a
crash in between leaves a manifest that no longer matches the index, which the store treats as
corrupt and rebuilds; never as fresh. Each payload carries a CRC-32, so a damaged row is found
when it is read, not shown.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from briefing_tui.content.record import record

MANIFEST = "manifest.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS briefings (
    folder TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    stat TEXT,
    hash TEXT,
    briefing_id TEXT,
    payload BLOB NOT NULL,
    crc INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS listing (folder TEXT PRIMARY KEY, data TEXT NOT NULL);
"""


class CorruptStore(Exception):
    """Something in the store cannot be trusted; the message is one line."""


@record(frozen=False)
class Row:
    """One briefing folder as the manifest knows it."""

    folder: str
    seq: int
    stat: str | None
    hash: str | None
    #: The briefing's id when it was valid; None for a broken folder.
    briefing_id: str | None
    payload: bytes
    crc: int

    def data(self) -> Any:
        """The payload: the briefing as plain data, or a broken folder's problems."""
        if zlib.crc32(self.payload) != self.crc:
            raise CorruptStore(f"manifest row {self.folder!r} is damaged (checksum mismatch)")
        try:
            return json.loads(zlib.decompress(self.payload))
        except (zlib.error, ValueError) as exc:
            raise CorruptStore(f"manifest row {self.folder!r} is damaged ({exc})") from None


def pack(data: Any) -> tuple[bytes, int]:
    """A payload and its checksum."""
    return pack_json(_ENCODE(data).encode())


def pack_json(text: bytes) -> tuple[bytes, int]:
    """A payload already written as JSON, and its checksum."""
    blob = zlib.compress(text, 1)
    return blob, zlib.crc32(blob)


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


class Manifest:
    """An open manifest."""

    def __init__(self, directory: Path, writable: bool) -> None:
        """Read-only connections (``mode=ro``) never write a byte, and see the manifest
        before or after another process's refresh, never half of it."""
        path = directory / MANIFEST
        try:
            if writable:
                self.con = sqlite3.connect(path, isolation_level=None, timeout=30)
                self.con.executescript(_SCHEMA)
            else:
                if not path.is_file():
                    raise CorruptStore("no manifest")
                # Read from the browser's worker threads too (one at a time).
                self.con = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30
                )
            self.con.execute("SELECT count(*) FROM briefings").fetchone()
        except sqlite3.Error as exc:
            raise CorruptStore(f"manifest unreadable ({exc})") from None

    def close(self) -> None:
        self.con.close()

    def meta(self) -> dict[str, str]:
        try:
            return dict(self.con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise CorruptStore(f"manifest unreadable ({exc})") from None

    def rows(self) -> dict[str, Row]:
        """Every row by folder name (payloads included: they are read lazily by callers that
        need them, but SQLite returns them with the row)."""
        try:
            cur = self.con.execute(
                "SELECT folder, seq, stat, hash, briefing_id, payload, crc FROM briefings"
            )
            return {r[0]: Row(*r) for r in cur}
        except sqlite3.Error as exc:
            raise CorruptStore(f"manifest unreadable ({exc})") from None

    def heads(self) -> dict[str, Row]:
        """Every row without its payload (the freshness check needs only identities)."""
        try:
            cur = self.con.execute("SELECT folder, seq, stat, hash, briefing_id FROM briefings")
            return {r[0]: Row(*r, b"", 0) for r in cur}
        except sqlite3.Error as exc:
            raise CorruptStore(f"manifest unreadable ({exc})") from None

    def payloads(self, folders: Iterable[str]) -> Iterator[Row]:
        """Full rows of ``folders``, in the order given."""
        try:
            for folder in folders:
                r = self.con.execute(
                    "SELECT folder, seq, stat, hash, briefing_id, payload, crc FROM briefings "
                    "WHERE folder = ?",
                    (folder,),
                ).fetchone()
                if r is None:
                    raise CorruptStore(f"manifest lost row {folder!r}")
                yield Row(*r)
        except sqlite3.Error as exc:
            raise CorruptStore(f"manifest unreadable ({exc})") from None

    def listing(self, folders: list[str]) -> dict[str, Any]:
        """What the browser's list shows of each valid briefing among ``folders`` (id,
        title, dates, summary, tags: :func:`briefing_tui.store.catalog.listing_of`), by
        folder; a small row each, so 10,000 briefings are listed without reading one."""
        out: dict[str, Any] = {}
        try:
            for start in range(0, len(folders), 500):  # SQLite's limit on ? parameters
                chunk = folders[start : start + 500]
                marks = ",".join("?" * len(chunk))
                cur = self.con.execute(
                    f"SELECT folder, data FROM listing WHERE folder IN ({marks})", chunk
                )
                out.update((folder, json.loads(data)) for folder, data in cur)
        except (sqlite3.Error, ValueError) as exc:
            raise CorruptStore(f"manifest listing unreadable ({exc})") from None
        return out

    def put_listing(self, folder: str, data: Any) -> None:
        """A valid briefing's list entry (None: the folder has none), in the open
        transaction."""
        if data is None:
            self.con.execute("DELETE FROM listing WHERE folder = ?", (folder,))
        else:
            self.con.execute(
                "INSERT OR REPLACE INTO listing VALUES (?, ?)",
                (folder, json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
            )

    def begin(self) -> None:
        """Start the transaction a refresh writes in (rows as they come, then the rest)."""
        self.con.execute("BEGIN IMMEDIATE")

    def put(self, row: Row) -> None:
        """A new or changed row, inside the open transaction."""
        self.con.execute(
            "INSERT OR REPLACE INTO briefings VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row.folder, row.seq, row.stat, row.hash, row.briefing_id, row.payload, row.crc),
        )

    def finish(
        self,
        deleted: Iterable[str],
        touched: Iterable[tuple[str, str, str]],
        meta: dict[str, str],
    ) -> None:
        """Removed folders, re-stamped identities (folder, stat, hash) and the store's
        metadata; then the transaction commits."""
        con = self.con
        deleted = list(deleted)
        con.executemany("DELETE FROM briefings WHERE folder = ?", ((f,) for f in deleted))
        con.executemany("DELETE FROM listing WHERE folder = ?", ((f,) for f in deleted))
        con.executemany(
            "UPDATE briefings SET stat = ?, hash = ? WHERE folder = ?",
            ((s, h, f) for f, s, h in touched),
        )
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        con.execute("COMMIT")

    def abort(self) -> None:
        """Leave the manifest as it was before :meth:`begin`."""
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")
