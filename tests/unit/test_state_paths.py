"""Where the state database lives and how it is reached: modes, links, secure mode's path."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest
from minikit import MINI
from statekit import mode, open_state

from briefing_tui.content.errors import UsageError
from briefing_tui.state import paths
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.model import ItemRef
from briefing_tui.state.paths import DB_NAME, choose_state


def test_missing_folders_are_created_0700_and_the_file_0600(tmp_path: Path) -> None:
    db = tmp_path / "a" / "b" / DB_NAME
    os.umask(0o022)
    open_state(db).close()
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700
    assert mode(db) == 0o600


def test_wal_and_shm_files_get_the_database_mode(tmp_path: Path) -> None:
    db = tmp_path / "s" / DB_NAME
    state = open_state(db)
    state.unmark("a")  # a write, so the WAL exists while the connection is open
    for suffix in ("-wal", "-shm"):
        assert mode(Path(f"{db}{suffix}")) == 0o600


def test_an_existing_file_open_to_others_is_tightened_to_0600(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    db.touch()
    db.chmod(0o644)
    tmp_path.chmod(0o700)
    open_state(db).close()
    assert mode(db) == 0o600


def test_a_symlink_at_the_database_path_is_refused_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.sqlite3"
    (tmp_path / DB_NAME).symlink_to(target)
    state = AnalystState.open(tmp_path / DB_NAME)
    assert state.status == "off"
    assert len(state.notices) == 1
    assert "symbolic link" in state.notices[0]
    assert not target.exists()
    assert not state.mark("a", _ref())


def test_a_symlink_in_an_ancestor_folder_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)
    state = AnalystState.open(tmp_path / "link" / "sub" / DB_NAME)
    assert state.status == "off"
    assert state.notices == [
        f"notes are off: {tmp_path / 'link'} is a symbolic link; the state database is never "
        "reached through a link (name the real path with --state)"
    ]
    assert list(real.iterdir()) == []


def test_a_symlinked_wal_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / f"{DB_NAME}-wal").symlink_to(tmp_path / "victim")
    state = AnalystState.open(tmp_path / DB_NAME)
    assert state.status == "off"
    assert "-wal is not a file of yours" in state.notices[0]
    assert not (tmp_path / "victim").exists()


def test_a_folder_others_can_write_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    state = AnalystState.open(shared / DB_NAME)
    assert state.status == "off"
    assert "writable by everyone" in state.notices[0]
    assert list(shared.iterdir()) == []


def test_default_path_is_the_platform_state_folder(sealed_state: Path) -> None:
    choice = choose_state(None, no_state=False, secure=False, environ={})
    assert choice.path == sealed_state / ".local" / "state" / "briefing-tui" / DB_NAME


def test_state_option_and_environment_name_the_file(tmp_path: Path) -> None:
    env = {"BRIEFING_STATE": str(tmp_path / "env.sqlite3")}
    assert choose_state(None, False, False, environ=env).path == tmp_path / "env.sqlite3"
    option = tmp_path / "opt.sqlite3"
    assert choose_state(option, False, False, environ=env).path == option


def test_no_state_means_no_path() -> None:
    assert choose_state(None, no_state=True, secure=True).path is None
    assert choose_state(None, no_state=True, secure=False).path is None


def test_state_option_naming_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder; name the database file in it"):
        choose_state(tmp_path, False, False, environ={})


def test_state_inside_the_content_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="inside the content folder"):
        choose_state(MINI / "notes.sqlite3", False, False, content=MINI, environ={})
    with pytest.raises(UsageError, match="inside the content folder"):
        choose_state(MINI / "x.db", False, False, content=MINI / "briefing.toml", environ={})


def test_secure_mode_refuses_the_state_option(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"^--state cannot be used with --secure"):
        choose_state(tmp_path / "x.sqlite3", False, secure=True, environ={})


def test_secure_mode_ignores_the_environment_with_a_notice(
    tmp_path: Path, sealed_state: Path
) -> None:
    env = {
        "BRIEFING_STATE": str(tmp_path / "chosen.sqlite3"),
        "XDG_STATE_HOME": str(tmp_path / "xdg"),
        "HOME": str(tmp_path / "home"),
    }
    choice = choose_state(None, False, secure=True, environ=env)
    expected = sealed_state / ".local" / "state" / "briefing-tui" / DB_NAME
    assert choice.path == expected
    assert choice.notices == (
        f"BRIEFING_STATE is ignored in secure mode; notes stay at {expected}",
    )


def test_account_home_comes_from_the_password_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the suite's seal replaces account_home; this test checks the real one
    monkeypatch.setenv("HOME", "/somewhere/else")
    assert paths.account_home() == Path(pwd.getpwuid(os.getuid()).pw_dir)


def _ref() -> ItemRef:
    return ItemRef("mini", "s1.p1")


@pytest.mark.parametrize("readonly", [False, True])
def test_a_fifo_at_the_database_path_is_refused_without_hanging(
    tmp_path: Path, readonly: bool
) -> None:
    os.mkfifo(tmp_path / DB_NAME, 0o600)
    state = AnalystState.open(tmp_path / DB_NAME, readonly=readonly)
    assert state.status == "off"
    assert state.notices == [f"notes are off: {tmp_path / DB_NAME} is not a regular file"]
