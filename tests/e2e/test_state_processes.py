"""The state database under real processes: ``kill -9`` in a burst of writes loses nothing
that was reported saved, two sessions writing at once both keep their changes, and a secure
session writes exactly one file (plus SQLite's WAL and SHM) at the account's path."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.model import ItemRef
from briefing_tui.state.paths import DB_NAME

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini"

#: Adds notes as fast as it can and reports each one after add_note returned it (committed).
BURST = """
import sys
from pathlib import Path
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.model import ItemRef
from briefing_tui.state.model import ItemRef
state = AnalystState.open(Path(sys.argv[1]))
assert state.status == "writable", state.notices
ref = ItemRef("mini", "s1.p1")
i = 0
while True:
    note = state.add_note(ref, f"burst {i}")
    if note is None:
        print("FAILED", state.notices, flush=True)
        break
    print(note.id, note.text, flush=True)
    i += 1
"""

#: Waits for "go" on stdin, then writes COUNT notes and a mark per note, as one session would,
#: pausing a little between changes as an analyst does (so the two sessions' changes overlap).
SESSION = """
import sys, time
from pathlib import Path
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.model import ItemRef
from briefing_tui.state.model import ItemRef
db, name, letter, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
state = AnalystState.open(db)
assert state.status == "writable", state.notices
sys.stdin.readline()
for i in range(count):
    assert state.add_note(ItemRef("mini", "s1.p1"), f"{name} {i}") is not None, state.notices
    assert state.mark(letter, ItemRef("mini", f"s{i % 2 + 1}.p1")), state.notices
    time.sleep(0.002)
state.close()
print("done")
"""


def _child(code: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("after", [1, 40, 300])
def test_kill_9_during_a_burst_keeps_every_note_reported_saved(tmp_path: Path, after: int) -> None:
    db = tmp_path / "state" / DB_NAME
    child = _child(BURST, str(db))
    assert child.stdout is not None
    reported: list[str] = []
    while len(reported) < after:
        line = child.stdout.readline()
        assert line and not line.startswith("FAILED"), line + child.stderr.read()  # type: ignore[union-attr]
        reported.append(line.rstrip("\n"))
    os.kill(child.pid, signal.SIGKILL)
    reported += [line.rstrip("\n") for line in child.stdout]  # written before it died
    assert child.wait(timeout=30) == -signal.SIGKILL
    assert Path(f"{db}-wal").exists()  # it died with its log, not after a clean close

    state = AnalystState.open(db)
    assert (state.status, state.notices) == ("writable", [])
    saved = [f"{n.id} {n.text}" for n in state.notes()]
    assert saved[: len(reported)] == reported
    assert len(saved) - len(reported) in (0, 1)  # at most the note in flight, never half of one
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_sessions_writing_at_once_both_keep_their_changes(tmp_path: Path) -> None:
    db = tmp_path / "state" / DB_NAME
    # Not created beforehand: both sessions create the folder, the file and the schema at once.
    count = 150
    sessions = [
        _child(SESSION, str(db), name, letter, str(count), stdin=subprocess.PIPE)
        for name, letter in (("left", "l"), ("right", "r"))
    ]
    for session in sessions:
        assert session.stdin is not None
        session.stdin.write("go\n")
        session.stdin.flush()
    for session in sessions:
        out, err = session.communicate(timeout=120)
        assert (session.returncode, out, err) == (0, "done\n", "")

    state = AnalystState.open(db)
    texts = [n.text for n in state.notes()]
    assert sorted(texts) == sorted(
        f"{name} {i}" for name in ("left", "right") for i in range(count)
    )
    # each session's own notes in the order it wrote them; the two interleave
    assert [t for t in texts if t.startswith("left")] == [f"left {i}" for i in range(count)]
    assert texts != sorted(texts, key=lambda t: t.startswith("right")), "ran one after the other"
    assert [m.letter for m in state.marks()] == ["l", "r"]


#: Opens the database named by argv[1] once told to go, and says what it got.
OPEN = """
import sys
from pathlib import Path
from briefing_tui.state.analyst import AnalystState
print("ready", flush=True)
sys.stdin.readline()
state = AnalystState.open(Path(sys.argv[1]))
print(state.status, state.notices)
"""


@pytest.mark.parametrize("round_", range(8))
def test_sessions_creating_the_database_at_once_all_can_write(tmp_path: Path, round_: int) -> None:
    # Before the fix, 3 sessions at once made a session read-only ("database is locked") in
    # about 1 open of 13, and 5 at once once took half-made tables for another program's.
    db = tmp_path / "state" / DB_NAME
    sessions = [_child(OPEN, str(db), stdin=subprocess.PIPE) for _ in range(5)]
    for session in sessions:  # every one imported and waiting, so that they open at once
        assert session.stdout is not None
        assert session.stdout.readline() == "ready\n"
    for session in sessions:
        assert session.stdin is not None
        session.stdin.write("go\n")
        session.stdin.flush()
    for session in sessions:
        out, err = session.communicate(timeout=60)
        assert (out, err) == ("writable []\n", ""), (out, err)


#: A secure session: BRIEFING_SECURE set, the environment pointing elsewhere; the account's
#: home (from the password database) is played by sys.argv[1].
SECURE = """
import argparse, sys
from pathlib import Path
from briefing_tui.state import paths
paths.account_home = lambda: Path(sys.argv[1])
from briefing_tui.cli.notes import state_choice
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.model import ItemRef
from briefing_tui.state.fingerprint import ref_to
from briefing_tui.content.loader import load_briefing
ns = argparse.Namespace(path=Path(sys.argv[2]), state=None, no_state=sys.argv[3] == "off")
choice = state_choice(ns)
print(choice.notices)
state = AnalystState.open(choice.path)
b = load_briefing(Path(sys.argv[2]))
state.open_briefing(b)
print(state.add_note(ref_to(b, "s1.p1"), "secure note") is not None)
print(state.mark("a", ref_to(b, "s2.p1")))
state.set_last_position(b.id, "s2.p1")
"""


def _secure_session(tmp_path: Path, mode: str) -> list[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "BRIEFING_SECURE": "1",
        "BRIEFING_STATE": str(tmp_path / "chosen.sqlite3"),
        "XDG_STATE_HOME": str(tmp_path / "xdg"),
        "HOME": str(tmp_path / "home"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    account = tmp_path / "account"
    account.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", SECURE, str(account), str(MINI), mode],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return done.stdout.splitlines()


def test_a_secure_session_writes_only_the_account_state_file(tmp_path: Path) -> None:
    out = _secure_session(tmp_path, "on")
    db = tmp_path / "account" / ".local" / "state" / "briefing-tui" / DB_NAME
    assert out == [
        f"('BRIEFING_STATE is ignored in secure mode; notes stay at {db}',)",
        "True",
        "True",
    ]
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == [f"account/.local/state/briefing-tui/{DB_NAME}"]  # closed: WAL folded in
    assert [n.text for n in AnalystState.open(db).notes()] == ["secure note"]


def test_a_secure_session_with_no_state_writes_nothing(tmp_path: Path) -> None:
    assert _secure_session(tmp_path, "off") == ["()", "False", "False"]
    assert [p.name for p in tmp_path.iterdir()] == ["account"]
    assert list((tmp_path / "account").iterdir()) == []


def test_the_installed_command_cites_and_lists_notes(tmp_path: Path) -> None:
    from tmuxkit import briefing_command

    def briefing(*args: str) -> subprocess.CompletedProcess[str]:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
        return subprocess.run(
            [*briefing_command(), *args], capture_output=True, text=True, env=env, timeout=60
        )

    cited = briefing("cite", "mini/s1.p1", str(MINI))
    assert (cited.returncode, cited.stderr) == (0, "")
    assert cited.stdout.endswith("[mini/s1.p1]\n")

    db = tmp_path / "notes" / DB_NAME
    state = AnalystState.open(db)
    state.add_note(ItemRef("mini", "s1.p1"), "from another session")
    state.close()
    listed = briefing("notes", str(MINI), "--state", str(db))
    assert (listed.returncode, listed.stderr) == (0, "")
    assert listed.stdout == "note:1\tmini/s1.p1\t§1.1 Opening\tcurrent\tfrom another session\n"

    (tmp_path / "link.sqlite3").symlink_to(db)
    refused = briefing("notes", str(MINI), "--state", str(tmp_path / "link.sqlite3"))
    assert (refused.returncode, refused.stdout, refused.stderr.count("\n")) == (2, "", 1)
    assert "Traceback" not in refused.stderr
    nothing = briefing("notes", str(MINI))  # the default place, under HOME here: none yet
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (0, "", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.sqlite3", "notes"]
