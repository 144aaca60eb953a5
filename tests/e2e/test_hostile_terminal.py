"""A secure session against a hostile terminal and typist (issue #12): each class, with variants.

Every test runs ``python -m briefing_tui --secure`` on a pty (``ptykit``): it sets window sizes
through the kernel (SIGWINCH, as an ssh client does), types raw bytes, floods input and samples
the child's RSS, killing it past 400 MiB. The invariants checked throughout: the app keeps
answering, ctrl+q ends it with exit code 0, no traceback reaches the terminal, and no file is
written (core, bytecode).

Quit latency: the issue asks for ctrl+q within a second after any of this. CI machines are shared
and slow, so the tests allow :data:`QUIT_BOUND`; the failure they guard against took over a
minute. The figures measured on a quiet machine are in BENCHMARKS.md ("Hostile terminal").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ptykit import RSS_LIMIT_MIB, TITLE, Session, drawn_extent

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"
ROOT = Path(__file__).resolve().parents[2]

#: Seconds ctrl+q may take here (see the module docstring).
QUIT_BOUND = 2.0
TOO_SMALL = "Terminal too small"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[list[Session]]:
    """Sessions a test starts go in this list; all are killed at the end, pass or fail."""
    started: list[Session] = []
    yield started
    for s in started:
        s.close()


def start(started: list[Session], cwd: Path, **kwargs: object) -> Session:
    s = Session(cwd=cwd, **kwargs)  # type: ignore[arg-type]
    started.append(s)
    return s


def quit_cleanly(s: Session) -> float:
    """ctrl+q: within QUIT_BOUND, exit code 0, no traceback on the terminal; the latency."""
    took = s.quit()
    assert s.finish() == 0, s.text()[-1500:]
    text = s.text()
    assert "Traceback" not in text and "internal error" not in text, text[-1500:]
    assert took < QUIT_BOUND, f"ctrl+q took {took:.2f}s"
    assert s.peak_rss < RSS_LIMIT_MIB
    return took


def still_answers(s: Session, marker: str = "zqx") -> None:
    """Open the search box and type a marker: the parser is alive and not stuck mid-sequence."""
    s.write(b"\x1b")  # close anything a payload opened
    s.settle(0.3)
    s.write(b"/" + marker.encode())
    s.wait_for(marker, timeout=10)
    s.write(b"\x1b")
    s.settle(0.2)


# -- finding 3: input bytes -------------------------------------------------------------------

INVALID_UTF8 = [
    b"\xff",  # never valid
    b"\xe9t\xe9",  # Latin-1 "été"
    b"\xc3(",  # a lead byte without its continuation
    b"\x80\x81",  # stray continuation bytes
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"\xe1",  # Alt+a sent as the 8th bit
]

BAD_KEY_REPORTS = [
    b"\x1b[1114112u",
    b"\x1b[27;5;1114112~",
    b"\x1b[99999999999999999999u",
    b"\x1b[97:1114112;5u",
    b"\x1b[97;5;1114112u",
    b"\x1b[1114112;1:3u",
    b"\x1b[<99999999999999999999;1;1M",  # a mouse report with an absurd button
    b"\x1b[<0;-5;-5M",
]


@pytest.mark.parametrize(
    "payloads", [INVALID_UTF8, BAD_KEY_REPORTS], ids=["invalid-utf8", "out-of-range-keys"]
)
def test_hostile_input_bytes_are_ignored(
    payloads: list[bytes], session: list[Session], tmp_path: Path
) -> None:
    s = start(session, tmp_path)
    s.wait_for(TITLE)
    for payload in payloads:
        s.write(payload)
        s.settle(0.15)
    s.write(b"\x1b")
    still_answers(s)
    for payload in payloads:  # and again inside the search box
        s.write(b"/" + payload)
        s.settle(0.15)
    still_answers(s, "qzv")
    quit_cleanly(s)


# -- finding 1: window size ------------------------------------------------------------------


def test_huge_window_is_laid_out_at_the_cap(session: list[Session], tmp_path: Path) -> None:
    s = start(session, tmp_path)
    s.wait_for(TITLE)
    for cols, rows in ((65535, 65535), (30000, 30000), (65535, 24), (80, 65535)):
        s.resize(80, 24)
        s.settle(0.3)
        s.output.clear()
        s.resize(cols, rows)
        s.settle(1.2)
        width, height = drawn_extent(bytes(s.output))
        assert 0 < height <= 200 and width <= 500, (cols, rows, width, height)
    s.resize(80, 24)
    s.settle(0.5)
    still_answers(s)
    quit_cleanly(s)


def test_columns_and_lines_from_the_environment_are_ignored(
    session: list[Session], tmp_path: Path
) -> None:
    s = start(session, tmp_path, env={"COLUMNS": "65535", "LINES": "65535"})
    s.wait_for(TITLE)
    s.settle(0.5)
    width, height = drawn_extent(bytes(s.output))
    assert height == 24 and width <= 80, (width, height)
    quit_cleanly(s)


def in_band(cols: int, rows: int) -> bytes:
    return f"\x1b[48;{rows};{cols};0;0t".encode()


def test_in_band_resize_reports_only_when_enabled_and_never_from_a_paste(
    session: list[Session], tmp_path: Path
) -> None:
    s = start(session, tmp_path)
    s.wait_for(TITLE)
    # Typed before the terminal said it supports mode 2048: ignored.
    s.output.clear()
    s.write(in_band(30000, 30000) + in_band(1, 1))
    s.settle(1.0)
    assert drawn_extent(bytes(s.output))[1] <= 24
    assert TOO_SMALL not in s.text()
    # The terminal confirms mode 2048 (as a real one answers Textual's query).
    s.write(b"\x1b[?2048;2$y")
    s.settle(0.3)
    # Inside a bracketed paste: still ignored, even with the mode on.
    s.output.clear()
    s.write(b"\x1b[200~" + in_band(30000, 30000) + b"x\x1b[201~")
    s.settle(1.0)
    assert drawn_extent(bytes(s.output))[1] <= 24
    # A report of its own, with the mode on: obeyed, but clamped to the cap and the minimum.
    s.output.clear()
    s.write(in_band(30000, 30000))
    s.settle(1.5)
    width, height = drawn_extent(bytes(s.output))
    assert 24 < height <= 200 and width <= 500, (width, height)
    s.write(in_band(1, 1))
    s.settle(0.5)
    s.write(in_band(30, 10))  # wide enough for the notice's first line to be read
    s.wait_for(TOO_SMALL)
    s.write(in_band(80, 24))
    s.settle(0.5)
    still_answers(s)
    quit_cleanly(s)


# -- finding 4: tiny and shrinking windows ---------------------------------------------------


def test_tiny_windows_and_storms_on_every_screen(session: list[Session], tmp_path: Path) -> None:
    s = start(session, tmp_path)
    s.wait_for(TITLE)
    s.write(b"4")  # a tab other than the first
    s.settle(0.3)
    for cols in (3, 2, 1, 2, 3, 30):
        s.resize(cols, 24)
        s.settle(0.25)
    s.wait_for(TOO_SMALL)  # at 30 columns its first line fits; below, what fits of it shows
    s.resize(80, 24)
    s.settle(0.3)
    s.write(b"\x10")  # ctrl+p: the palette, at width 4
    s.settle(0.3)
    s.resize(4, 24)
    s.write(b"gas")
    s.settle(0.3)
    s.resize(80, 24)
    s.settle(0.3)
    s.write(b"\x1b")
    for opener in (b"/gas", b"?", b"\x10"):  # search bar, help, palette: a storm each
        s.write(opener)
        s.settle(0.2)
        for i in range(25):
            s.resize(1 + (i * 37) % 140, 1 + (i * 11) % 45)
            s.read(0.02)
        s.resize(80, 24)
        s.settle(0.4)
        s.write(b"\x1b")
        s.settle(0.2)
    still_answers(s)
    quit_cleanly(s)


def test_starting_in_a_one_by_one_window(session: list[Session], tmp_path: Path) -> None:
    s = start(session, tmp_path, size=(1, 1))
    s.wait_for("T")  # the one cell of "Terminal too small" that fits
    s.settle(1.0)
    s.resize(30, 10)
    s.wait_for(TOO_SMALL)
    s.resize(80, 24)
    s.wait_for(TITLE)
    quit_cleanly(s)


# -- finding 2: floods -----------------------------------------------------------------------

FLOODS = {
    "keys": b"j" * 4096,
    "keys-and-enter": b"jk\r" * 1365,
    "mouse-moves": b"\x1b[<35;10;10M\x1b[<35;11;12M" * 150,
    "focus-reports": b"\x1b[I\x1b[O" * 680,
    "pastes": b"\x1b[200~" + b"gas " * 1000 + b"\x1b[201~",
}


@pytest.mark.parametrize("flood", list(FLOODS), ids=list(FLOODS))
def test_input_floods_stay_bounded_and_quit_answers(
    flood: str, session: list[Session], tmp_path: Path
) -> None:
    s = start(session, tmp_path)
    s.wait_for(TITLE)
    if flood == "pastes":
        s.write(b"/")  # pastes land in the search box
    before = s.sample()
    sent = s.flood(FLOODS[flood], 3.0)
    assert sent > 30_000, f"only {sent} bytes were accepted by the pty"
    if flood.startswith("keys"):  # the user is told that keys were dropped
        s.wait_for("keys were ignored", timeout=5)
    took = quit_cleanly(s)
    sys.stderr.write(
        f"\n[{flood}] {sent:,} bytes; RSS {before:.0f} -> peak {s.peak_rss:.0f} MiB; "
        f"quit {took:.2f}s\n"
    )


# -- finding 5: signal keys before raw mode --------------------------------------------------


@pytest.mark.parametrize(
    "key", [b"\x1c", b"\x03", b"\x1a"], ids=["ctrl-backslash", "ctrl-c", "ctrl-z"]
)
def test_signal_keys_during_start_up_do_nothing_and_leave_no_core(
    key: bytes, session: list[Session], tmp_path: Path
) -> None:
    s = start(session, tmp_path, core_unlimited=True)
    # From the moment our first module has run (core limit 0) to well past raw mode. Before that
    # the interpreter itself is starting (tens of milliseconds); no code of ours exists yet.
    assert wait_until(lambda: core_limit(s.pid) == ["0", "0"], 5), core_limit(s.pid)
    deadline = time.monotonic() + 0.8
    while time.monotonic() < deadline:
        os.write(s.fd, key)
        s.read(0.02)
    s.wait_for(TITLE)
    quit_cleanly(s)
    assert [p.name for p in tmp_path.iterdir()] == [], "files left in the working directory"


def core_limit(pid: int) -> list[str]:
    """Soft and hard core-file size limits of ``pid`` as /proc shows them (empty if gone)."""
    try:
        limits = Path(f"/proc/{pid}/limits").read_text()
    except OSError:
        return []
    line = next(x for x in limits.splitlines() if x.startswith("Max core file size"))
    return line.split()[4:6]


def wait_until(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
    return True


# -- findings 6 and 7: bytecode, interpreter escape hatches ----------------------------------


def test_a_secure_session_writes_no_bytecode(session: list[Session], tmp_path: Path) -> None:
    """The package copied fresh (no ``__pycache__``) and run from there: after a whole session
    only the package's ``__init__`` has a cache, which the interpreter writes before any line of
    ours runs (an installed copy has it already, compiled by pip)."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT / "briefing_tui", copy / "briefing_tui", ignore=shutil.ignore_patterns("__pycache__")
    )
    where = subprocess.run(
        [sys.executable, "-B", "-c", "import briefing_tui; print(briefing_tui.__file__)"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == str(copy / "briefing_tui" / "__init__.py")
    # The bundled content is not in the copy: the mini briefing's path stands in for it.
    s = Session(str(MINI), cwd=copy, env={"HOME": str(tmp_path)})
    session.append(s)
    s.wait_for("Mini briefing")
    s.write(b"/gas")
    s.settle(0.5)
    quit_cleanly(s)
    written = sorted(str(p.relative_to(copy)) for p in copy.rglob("*.pyc"))
    assert all(p.startswith("briefing_tui/__pycache__/__init__.") for p in written), written


@pytest.mark.parametrize(
    ("flags", "env"),
    [
        ([], {"PYTHONINSPECT": "1"}),
        (["-i"], {}),
        ([], {"PYTHONSTARTUP": "/etc/hostname"}),
        ([], {"PYTHONPATH": "/tmp"}),
        ([], {"PYTHONPYCACHEPREFIX": "/tmp/pyc"}),
        (["-X", "dev"], {}),
        (["-X", "faulthandler"], {}),
    ],
    ids=["PYTHONINSPECT", "-i", "PYTHONSTARTUP", "PYTHONPATH", "PYCACHEPREFIX", "-Xdev", "-Xfh"],
)
def test_interpreter_escape_hatches_refuse_secure_mode(
    flags: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, *flags, "-m", "briefing_tui", "--secure"],
        cwd=tmp_path,
        env={**base, **env},
        input="print('SHELL')\n",
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2, done
    assert done.stdout == "", "a prompt or output: the interpreter went on after refusing"
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("briefing: refusing secure mode: interpreter options set:")
    assert "SHELL" not in done.stderr and ">>>" not in done.stderr


# -- finding 8: output encoding --------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C"}],
    ids=["latin-1", "ascii", "C-locale"],
)
def test_box_drawing_is_utf8_whatever_the_locale(
    env: dict[str, str], session: list[Session], tmp_path: Path
) -> None:
    s = start(session, tmp_path, env=env)
    s.wait_for(TITLE)
    s.settle(0.3)
    quit_cleanly(s)
    output = bytes(s.output)
    assert "─".encode() in output
    assert b"\\u25" not in output and b"\\x" not in output
