"""The analyst's layer in a real terminal: marks and notes survive a restart, ``y`` reaches the
terminal's clipboard (tmux's, with ``set-clipboard on``), and a secure session writes only its
state file (issue #17)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from tmuxkit import TITLE, TMUX, Tmux, briefing_command, exit_status, wait_for, wait_screen

from briefing_tui.content.loader import load_library
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.cite import citation

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tmux() -> Tmux:
    server = Tmux()
    yield server
    server.kill()


def _session(tmux: Tmux, name: str, argv: list[str], tmp_path: Path) -> Path:
    status = tmp_path / f"{name}.status"
    # The library store goes to its own cache folder (written at start-up and refreshed in the
    # background: the browser's own, not what a key under test wrote).
    env = {
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    tmux.start(name, argv, env=env, status_file=status)
    wait_screen(tmux, name, TITLE)
    return status


def _quit(tmux: Tmux, name: str, status: Path) -> None:
    tmux.keys(name, "q")
    assert exit_status(status) == "0", tmux.screen(name)


def test_marks_and_a_note_survive_a_restart(tmux: Tmux, tmp_path: Path) -> None:
    db = tmp_path / "notes" / "state.sqlite3"
    argv = [*briefing_command(), "--state", str(db)]
    status = _session(tmux, "first", argv, tmp_path)
    tmux.keys("first", "]", "]")
    wait_screen(tmux, "first", "· 3/23 ·")  # the status line follows the cursor
    tmux.keys("first", "m", "a")
    wait_screen(tmux, "first", "Mark a set on")
    tmux.keys("first", "A")
    wait_screen(tmux, "first", "Note on")
    tmux.keys("first", "check the turbine figures", literal=True)
    tmux.keys("first", "Enter")
    wait_screen(tmux, "first", "Note saved.")
    tmux.keys("first", "G")
    _quit(tmux, "first", status)

    status = _session(tmux, "second", argv, tmp_path)
    wait_screen(tmux, "second", "where you left off")
    tmux.keys("second", "g", "'", "a")
    screen = wait_screen(tmux, "second", "At mark a")
    assert "✎ note: check the turbine figures" in screen
    _quit(tmux, "second", status)
    assert "Traceback" not in tmux.screen("second")


def test_y_puts_the_citation_in_the_terminals_clipboard(tmux: Tmux, tmp_path: Path) -> None:
    tmux.run("start-server")
    status = _session(tmux, "cite", [*briefing_command(), "--no-state"], tmp_path)
    tmux.run("set-option", "-s", "set-clipboard", "on")
    tmux.keys("cite", "]")
    wait_screen(tmux, "cite", "· 2/23 ·")
    before = _files(tmp_path, status)
    tmux.keys("cite", "y")
    wait_screen(tmux, "cite", "Copied a citation")
    briefing = load_library().library.briefings[0]
    expected = citation(briefing, "s1.p2")
    assert wait_for(lambda: tmux.run("show-buffer", check=False) == expected), tmux.run(
        "show-buffer", check=False
    )
    _quit(tmux, "cite", status)
    assert _files(tmp_path, status) == before  # y wrote nothing on the server


def _files(root: Path, status: Path) -> set[tuple[Path, int, int]]:
    """Every file below ``root`` but the session's exit status and the library store's cache,
    with its size and modification time (a rewrite shows)."""
    out = set()
    cache = root / "cache"
    for p in root.rglob("*"):
        if p.is_file() and p != status and cache not in p.parents:
            info = p.stat()
            out.add((p, info.st_size, info.st_mtime_ns))
    return out


#: The installed command in secure mode, with the account's home (from the password database)
#: played by a folder of the test's: the only change to the program under test.
SECURE = (
    "import sys; from pathlib import Path; from briefing_tui.state import paths; "
    "paths.account_home = lambda: Path(sys.argv[1]); "
    "from briefing_tui.cli.commands import main; sys.exit(main(['--secure']))"
)


def test_a_secure_session_writing_notes_creates_only_the_state_file(
    tmux: Tmux, tmp_path: Path
) -> None:
    account = tmp_path / "account"
    account.mkdir()
    work = tmp_path / "cwd"
    work.mkdir()
    status = tmp_path / "secure.status"
    env = {
        "HOME": str(tmp_path / "home"),
        "XDG_STATE_HOME": str(tmp_path / "xdg"),
        "BRIEFING_STATE": str(tmp_path / "chosen.sqlite3"),
        "LANG": "C.UTF-8",
    }
    argv = ["sh", "-c", f'cd "{work}" && exec "$0" -c "$1" "$2"', sys.executable, SECURE,
            str(account)]  # fmt: skip
    tmux.start("secure", argv, env=env, status_file=status)
    wait_screen(tmux, "secure", TITLE)
    # The reader's position in the status line: the cursor is on a paragraph (a key before
    # that finds nothing under the cursor to mark).
    wait_screen(tmux, "secure", "· 1/23 ·")
    tmux.keys("secure", "m", "b")
    wait_screen(tmux, "secure", "Mark b set on")
    tmux.keys("secure", "A")
    wait_screen(tmux, "secure", "Note on")
    tmux.keys("secure", "secure note", literal=True)
    tmux.keys("secure", "Enter")
    wait_screen(tmux, "secure", "Note saved.")
    tmux.keys("secure", "y", "q")
    assert exit_status(status) == "0", tmux.screen("secure")

    db = account / ".local" / "state" / "briefing-tui" / "state.sqlite3"
    written = sorted(
        str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file() and p != status
    )
    allowed = {str(db.relative_to(tmp_path)) + suffix for suffix in ("", "-wal", "-shm")}
    assert str(db.relative_to(tmp_path)) in written
    assert set(written) <= allowed, written
    assert os.listdir(work) == []
    state = AnalystState.open(db)
    assert [n.text for n in state.notes()] == ["secure note"]
    assert [m.letter for m in state.marks()] == ["b"]
    state.close()


def test_a_paragraph_edited_between_sessions_is_marked_changed(tmux: Tmux, tmp_path: Path) -> None:
    import shutil

    library = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "data" / "mini", library)
    db = tmp_path / "notes" / "state.sqlite3"
    argv = [*briefing_command(), str(library), "--state", str(db)]
    status = tmp_path / "first.status"
    # The library store goes to its own cache folder (written at start-up and refreshed in the
    # background: the browser's own, not what a key under test wrote).
    env = {
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    tmux.start("first", argv, env=env, status_file=status)
    wait_screen(tmux, "first", "Mini briefing")
    _quit(tmux, "first", status)

    sections = library / "sections.toml"
    text = sections.read_text(encoding="utf-8")
    sections.write_text(text.replace("Brussels took note.", "Brussels objected."), "utf-8")
    status = tmp_path / "second.status"
    tmux.start("second", argv, env=env, status_file=status)
    said = "Back at §1.1, where you left off. 1 item changed since you last read (c)."
    wait_screen(tmux, "second", said)  # the whole message fits the 80-column status line
    tmux.keys("second", "c")
    screen = wait_screen(tmux, "second", "Change 1/1")
    assert "● changed since you last read" in screen and "Brussels objected." in screen
    _quit(tmux, "second", status)
