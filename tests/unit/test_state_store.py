"""The database file: WAL, schema, recovery from a corrupt or foreign file, read-only and full
locations. Every failure is a one-line notice and the session goes on."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from statekit import NOON, open_state

from briefing_tui.state import store
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.model import ItemRef
from briefing_tui.state.paths import DB_NAME

REF = ItemRef("mini", "s1.p1", "f" * 32)


def test_wal_mode_is_on_and_the_file_is_marked_ours(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    open_state(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == store.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION


def test_reopening_keeps_everything_and_does_not_migrate_again(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    state = open_state(db)
    assert state.add_note(REF, "first") is not None
    state.close()
    again = open_state(db)
    assert [n.text for n in again.notes()] == ["first"]
    assert again.notices == []


def test_a_corrupt_file_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    garbage = b"this is not a database\x00" * 500
    db.write_bytes(garbage)
    db.chmod(0o600)
    state = AnalystState.open(db, clock=lambda: NOON)
    aside = tmp_path / f"{DB_NAME}.broken-20260301T120000"
    assert state.status == "writable"
    assert len(state.notices) == 1
    assert state.notices[0].startswith(f"{db} was not readable as a database (")
    assert state.notices[0].endswith(f"moved it to {aside.name} and started a new one")
    assert aside.read_bytes() == garbage
    assert state.add_note(REF, "kept") is not None
    assert [n.text for n in state.notes()] == ["kept"]


def test_a_damaged_database_page_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    state = open_state(db)
    for i in range(200):
        state.add_note(REF, f"note {i} " + "x" * 200)
    state.close()
    data = bytearray(db.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # a b-tree page of the notes table
    db.write_bytes(bytes(data))
    state = AnalystState.open(db, clock=lambda: NOON)
    assert state.status == "writable"
    assert "moved it to" in state.notices[0]
    assert state.notes() == []


def test_a_foreign_sqlite_database_is_moved_aside_untouched(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('borscht')")
    conn.commit()
    conn.close()
    db.chmod(0o600)
    before = db.read_bytes()
    state = AnalystState.open(db, clock=lambda: NOON)
    assert state.status == "writable"
    assert state.notices == [
        f"{db} was another program's SQLite database: moved it to "
        f"{DB_NAME}.broken-20260301T120000 and started a new one"
    ]
    assert (tmp_path / f"{DB_NAME}.broken-20260301T120000").read_bytes() == before


def test_a_database_from_a_newer_version_is_used_read_only(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    state = open_state(db)
    state.add_note(REF, "from the future")
    state.close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    conn.close()
    state = AnalystState.open(db)
    assert state.status == "read-only"
    assert "made by a newer briefing" in state.notices[0]
    assert [n.text for n in state.notes()] == ["from the future"]
    assert state.add_note(REF, "refused") is None


def test_a_full_disk_turns_the_layer_read_only_with_one_notice(tmp_path: Path) -> None:
    """SQLite's page limit gives the same SQLITE_FULL a full disk does."""
    state = open_state(tmp_path / DB_NAME)
    assert state.add_note(REF, "saved before the disk filled") is not None
    conn = state._db._conn  # the limit is per connection: set it on the one the state writes with
    assert conn is not None
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    assert state.add_note(REF, "x" * 9000) is None
    assert state.status == "read-only"
    assert state.notices == ["notes are read-only from now on: database or disk is full"]
    assert [n.text for n in state.notes()] == ["saved before the disk filled"]
    assert state.mark("a", REF) is False  # no second notice, no exception
    assert len(state.notices) == 1


def _read_only_session(db: Path) -> list[str]:
    state = AnalystState.open(db)
    saved = state.add_note(ItemRef("mini", "s1.p1"), "more")
    return [state.status, repr(state.notices), repr([n.text for n in state.notes()]), repr(saved)]


def _write_one(db: Path) -> list[str]:
    state = AnalystState.open(db)
    saved = state.add_note(ItemRef("mini", "s1.p1"), "old") is not None
    state.close()  # the last connection folds the WAL back in and removes it
    return [repr(saved)]


def _unprivileged(session: Callable[[Path], list[str]], db: Path) -> list[str]:
    """Run ``session`` where file permissions apply: as root, in a child that became nobody.

    A fork rather than a new interpreter: the modules are loaded already, and nobody may not
    be able to read the interpreter's own files.
    """
    if os.geteuid() != 0:
        return session(db)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, "\n".join(session(db)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as pipe:
        out = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out
    return out.splitlines()


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder an unprivileged child can use (pytest's tmp_path is root's 0700 when root)."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-state-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o700)
    shutil.rmtree(folder)


def _as_owner(path: Path) -> None:
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)


def test_a_read_only_folder_reads_old_notes_and_writes_nothing(shared_tmp: Path) -> None:
    notes = shared_tmp / "notes"
    assert _unprivileged(_write_one, notes / DB_NAME) == ["True"]
    notes.chmod(0o500)
    (notes / DB_NAME).chmod(0o400)
    status, notices, texts, saved = _unprivileged(_read_only_session, notes / DB_NAME)
    assert status == "read-only"
    db = notes / DB_NAME
    assert notices == f"['notes are read-only: cannot open {db}: permission denied']"
    assert texts == "['old']"
    assert saved == "None"
    assert sorted(p.name for p in notes.iterdir()) == [DB_NAME]


def test_a_read_only_home_without_a_database_goes_on_without_notes(shared_tmp: Path) -> None:
    home = shared_tmp / "home"
    home.mkdir(mode=0o500)
    _as_owner(home)
    db = home / ".local" / "state" / DB_NAME
    status, notices, texts, saved = _unprivileged(_read_only_session, db)
    assert status == "off"
    assert notices == f"['notes are read-only: cannot create {home / '.local'}: permission denied']"
    assert (texts, saved) == ("[]", "None")
    assert list(home.iterdir()) == []


def test_a_corrupt_file_another_session_moved_first_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / DB_NAME
    db.write_bytes(b"garbage" * 1000)
    db.chmod(0o600)
    real_move = store.move_aside

    def beaten_to_it(path: Path, now: dt.datetime) -> Path:
        real_move(path, now)  # the other session, starting at the same moment
        raise FileNotFoundError(path)

    monkeypatch.setattr(store, "move_aside", beaten_to_it)
    state = AnalystState.open(db, clock=lambda: NOON)
    assert state.status == "writable"
    assert state.notices[0].endswith("moved it to a .broken file beside it and started a new one")
    assert state.add_note(REF, "fresh") is not None
