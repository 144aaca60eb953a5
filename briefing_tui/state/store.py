"""The SQLite file: its schema and migrations, one transaction per change, and recovery.

Why these settings:

* WAL journal: readers never block the writer, so two sessions of the same analyst both work;
  ``synchronous=FULL`` makes each commit durable before it returns (a ``kill -9`` or a power
  cut loses at most the change in flight);
* ``BEGIN IMMEDIATE`` for every change: the write lock is taken before reading, so two
  sessions never interleave inside one change; ``busy_timeout`` lets the other session wait
  for it rather than fail;
* ``application_id`` marks the file as ours: a SQLite database of another program at our path
  is moved aside, never altered; ``user_version`` is the schema version for migrations.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

from briefing_tui.state.paths import SIDE_FILES, open_file, open_folder

#: "BrfT": what ``PRAGMA application_id`` holds in a database of ours.
APPLICATION_ID = 0x42726654

#: How long a change waits for another session's change to finish, in milliseconds.
BUSY_TIMEOUT_MS = 5_000

#: Schema steps; the database's ``user_version`` is how many of them it has had.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE marks (
        letter TEXT PRIMARY KEY,
        briefing TEXT NOT NULL,
        item TEXT NOT NULL,
        fingerprint TEXT,
        created TEXT NOT NULL
    );
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        briefing TEXT NOT NULL,
        item TEXT NOT NULL,
        fingerprint TEXT,
        text TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX notes_by_item ON notes (briefing, item);
    CREATE TABLE reads (
        briefing TEXT PRIMARY KEY,
        item TEXT,
        last_read TEXT,
        fingerprint TEXT
    );
    CREATE TABLE seen (
        briefing TEXT NOT NULL,
        item TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        PRIMARY KEY (briefing, item)
    ) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class BrokenDatabase(Exception):
    """Not a database of ours (corrupt, or another program's): to be moved aside."""


class NewerDatabase(Exception):
    """Written by a newer version of briefing: used read-only, never migrated down."""


def connect(path: Path, create: bool) -> sqlite3.Connection:
    """Check the path (see :mod:`paths`), then open it; ``create`` off opens it read-only.

    Raises the :mod:`paths` errors, ``FileNotFoundError`` (read-only and missing),
    :class:`BrokenDatabase`, :class:`NewerDatabase` or ``sqlite3.Error``.
    """
    folder = open_folder(path.parent, create)
    try:
        os.close(open_file(folder, path, create))
    finally:
        os.close(folder)
    conn = raw_connect(path, create)
    try:
        try:
            _patiently(lambda: _check(conn))
        except sqlite3.OperationalError as exc:
            primary = exc.sqlite_errorcode & 0xFF  # extended codes keep the primary in the low byte
            if create or primary not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
                raise
            # A WAL database in a folder we cannot write: SQLite cannot make the -shm file a
            # read-only reader needs. Nobody can write there either, so read it as immutable.
            conn.close()
            conn = raw_connect(path, create, immutable=True)
            _check(conn)
        if create:
            _patiently(lambda: conn.execute("PRAGMA journal_mode=WAL"))
            conn.execute("PRAGMA synchronous=FULL")
            _patiently(lambda: migrate(conn))
    except BaseException:
        conn.close()
        raise
    return conn


def _patiently(step: Callable[[], object]) -> None:
    """Run ``step``, again while another session holds the lock, up to the busy timeout.

    SQLite does not wait (its busy handler is not called) where waiting could deadlock: two
    sessions creating one database at once, one switching it to WAL while the other reads its
    schema, got "database is locked" at once (3 sessions at once: 14 of 180 opens failed).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            busy = exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def raw_connect(path: Path, create: bool, immutable: bool = False) -> sqlite3.Connection:
    """The SQLite connection alone, for a path :func:`connect` has checked."""
    uri = f"file:{quote(str(path))}?mode={'rw' if create else 'ro'}"
    if immutable:
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)


def _check(conn: sqlite3.Connection) -> None:
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # One read transaction: another session may commit the first migration between two
        # reads, and tables without our id would look like another program's database.
        conn.execute("BEGIN")
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        except BaseException:
            with suppress(sqlite3.Error):  # the reads' own error is the one to report
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        # Only a file SQLite calls corrupt or not a database is moved aside; a lock, a
        # permission or an I/O error says nothing about the file and leaves it alone.
        if exc.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise
        raise BrokenDatabase(f"not readable as a database ({exc})") from None
    if verdict != "ok":
        raise BrokenDatabase(f"damaged ({verdict})")
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise BrokenDatabase("another program's SQLite database")
    if version > SCHEMA_VERSION:
        raise NewerDatabase(
            f"made by a newer briefing (schema {version}, this one knows {SCHEMA_VERSION})"
        )


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to date, each step in its own transaction.

    The version is read again under the write lock, so two sessions starting at once do not
    both run a step.
    """
    while True:
        with transaction(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                return
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={version + 1}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One change: committed (durably) when the block ends, rolled back if it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def move_aside(path: Path, now: dt.datetime) -> Path:
    """Rename a broken database (and its side files) out of the way; returns the new name."""
    aside = path.with_name(f"{path.name}.broken-{now:%Y%m%dT%H%M%S}")
    folder = open_folder(path.parent, create=False)
    try:
        os.rename(path.name, aside.name, src_dir_fd=folder, dst_dir_fd=folder)
        for suffix in SIDE_FILES:
            with suppress(FileNotFoundError):
                os.rename(
                    path.name + suffix, aside.name + suffix, src_dir_fd=folder, dst_dir_fd=folder
                )
    finally:
        os.close(folder)
    return aside


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def stamp(moment: dt.datetime) -> str:
    return moment.isoformat()


def parse_stamp(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None
