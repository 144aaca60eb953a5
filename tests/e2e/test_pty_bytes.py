"""The bytes ``briefing`` writes to a real pseudo-terminal never carry a content payload.

Each test runs ``python -m briefing_tui <folder>`` on the slave side of a pty (100x30,
TERM=xterm-256color), presses keys through the master side, reads everything the app writes and
scans it. Content folders are generated from ``tests/data/mini`` in ``tmp_path``:

* control payloads are written as TOML escapes (``"\\u001b]52;c;SGVsbG8=\\u0007"``); the loader
  must refuse them with ``file:line`` problems, shown on the error screen;
* markup payloads are valid content; they must show literally.

What is excluded from the scan, and why: Textual itself writes escape sequences (CSI cursor
moves and colours, the alternate screen, mouse modes, synchronized output, and possibly a
screen clear ``ESC[2J`` of its own). So the scan does not forbid ESC or ``ESC[2J`` in general; it
looks for the payloads' distinctive bytes: the exact OSC strings (``ESC]52`` with
``SGVsbG8=``, ``ESC]8;;http://x``, ``ESC]0;pwned``, ``ESC]2;pwned``), any OSC introducer other
than Textual's own OSC 22 (mouse pointer shape, ``ESC]22;default BEL``; the app draws no links
and sets no title or clipboard, so any other ``ESC]`` can only come from content), the 8-bit C1
bytes 0x9B/0x9D (Textual writes 7-bit sequences only) and U+202E.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"

ROWS, COLS = 30, 100

#: Markup that must be shown as typed.
MARKUP = "[bold]x[/] [/] [@click=app.quit] [link=file:///etc/passwd]y[/link]"

#: Byte strings that only a content payload could have put on the wire.
LEAKS: tuple[bytes, ...] = (
    b"]52;c;SGVsbG8=",
    b"\x1b]8;;http://x",
    b"\x1b]0;pwned",
    b"\x1b]2;pwned",
    b"pwned\x07",
    "\u202e".encode(),
)

#: C1 controls as code points (U+0080-U+009F, UTF-8 ``C2 80``-``C2 9F``). As raw 8-bit bytes
#: (0x9B CSI, 0x9D OSC) they are not valid UTF-8 on their own, so a strict decode of the whole
#: output finds those; a plain byte search would not do, since UTF-8 continuation bytes of
#: ordinary characters (box drawing, ellipses) are 0x80-0xBF too.
C1 = re.compile("[\x80-\x9f]")

#: CSI, OSC, DCS and two-byte ESC sequences, for turning the output into approximate screen text.
ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1bP[^\x1b]*\x1b\\"
    rb"|\x1b[@-Z\\-_=>()][0-9A-Za-z]?"
)


# -- content ---------------------------------------------------------------------------------


def briefing_folder(dest: Path, briefing_id: str, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """A copy of the mini briefing with id ``briefing_id`` and each ``(old, new)`` edit applied."""
    shutil.copytree(MINI, dest)
    renamed = {name: list(pairs) for name, pairs in edits.items()}
    renamed.setdefault("briefing.toml", []).insert(0, ('id = "mini"', f'id = "{briefing_id}"'))
    for name, pairs in renamed.items():
        path = dest / name
        content = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert content.count(old) == 1, f"{old!r} in {name}"
            content = content.replace(old, new)
        path.write_text(content, encoding="utf-8")
    return dest


#: Control payloads as TOML escapes (raw strings: the backslashes are TOML's), one per field.
CONTROL_EDITS: dict[str, list[tuple[str, str]]] = {
    "briefing.toml": [
        ('title = "Mini briefing"', r'title = "Bad \u001b]52;c;SGVsbG8=\u0007 briefing"'),
        ('summary = "A small', r'summary = "\u001b]8;;http://x\u001b\\ A small'),
        ('photo_caption = "A caption."', r'photo_caption = "\u001b]0;pwned\u0007"'),
    ],
    "sections.toml": [
        ('title = "Opening"', r'title = "Opening \u001b]2;pwned\u0007"'),
        ('text = "The analyst thinks', r'text = "\u001b[2J The analyst thinks'),
    ],
    "sources.toml": [
        ('title = "Wire reports"', r'title = "Wire \u009b2J reports"'),
        ('note = "Cited', r'note = "\u009d Cited'),
        ('"Wire One"', r'"Wire \u202e One"'),
    ],
}

#: (file, line, field, character) of each problem CONTROL_EDITS must produce.
CONTROL_PROBLEMS = [
    ("briefing.toml", 3, "title", "U+001B"),
    ("briefing.toml", 6, "photo_caption", "U+001B"),
    ("briefing.toml", 7, "summary", "U+001B"),
    ("sections.toml", 3, "s1 title", "U+001B"),
    ("sections.toml", 15, "s1.p2 text", "U+001B"),
    ("sources.toml", 12, "wire title", "U+009B"),
    ("sources.toml", 14, "wire outlets[0]", "U+202E"),
    ("sources.toml", 16, "wire note", "U+009D"),
]

#: Markup payloads in valid content, seen in the report, agreements and sources tabs.
MARKUP_EDITS: dict[str, list[tuple[str, str]]] = {
    "briefing.toml": [
        ('title = "Mini briefing"', f'title = "Good {MARKUP}"'),
        ('summary = "A small', f'summary = "{MARKUP} A small'),
    ],
    "sections.toml": [
        ('title = "Opening"', f'title = "Opening {MARKUP}"'),
        ('text = "Brussels took note."', f'text = "Brussels took note. {MARKUP}"'),
        # a quote must occur in its paragraph: the payload goes into both
        ('text = "Gas talks resumed,', f'text = "Gas talks resumed {MARKUP},'),
        ('quote = "talks resumed"', f'quote = "talks resumed {MARKUP}"'),
    ],
    "agreements.toml": [('title = "Pipeline"', f'title = "Pipeline {MARKUP}"')],
    "sources.toml": [('title = "Wire reports"', f'title = "Wire {MARKUP}"')],
}


# -- the pty ---------------------------------------------------------------------------------


class PtyApp:
    """``python -m briefing_tui *args`` on a pty: send keys, collect every byte it writes."""

    def __init__(self, *args: str, cwd: Path) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(cwd),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        pid, fd = pty.fork()
        if pid == 0:  # child: size the terminal before Textual asks, then become the app
            try:
                size = struct.pack("HHHH", ROWS, COLS, 0, 0)
                fcntl.ioctl(0, termios.TIOCSWINSZ, size)  # fd 0: pytest swaps sys.stdin
                os.chdir(cwd)
                os.execve(sys.executable, [sys.executable, "-m", "briefing_tui", *args], env)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd
        self.output = bytearray()
        self.returncode: int | None = None

    def read(self, seconds: float) -> bool:
        """Collect output for up to ``seconds``; False once the app closed the terminal."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO: the slave side is closed, the app has gone
                return False
            if not chunk:
                return False
            self.output += chunk
        return True

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate(self.screen_text()):
            assert time.monotonic() < deadline, f"timed out; screen so far:\n{self.tail()}"
            if not self.read(0.1) and not predicate(self.screen_text()):
                raise AssertionError(f"the app exited early:\n{self.tail()}")

    def press(self, *keys: str, settle: float = 0.4) -> None:
        for key in keys:
            os.write(self.fd, key.encode())
            self.read(settle)

    def finish(self, timeout: float = 10.0) -> int:
        """Read until the app exits; its exit code."""
        deadline = time.monotonic() + timeout
        while self.read(0.2):
            assert time.monotonic() < deadline, f"the app did not exit:\n{self.tail()}"
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
                return self.returncode
            time.sleep(0.05)
        raise AssertionError("the app closed the terminal but did not exit")

    def kill(self) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)

    def screen_text(self) -> str:
        """The output with escape sequences removed: every character the app drew, in order."""
        return ANSI.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def tail(self) -> str:
        return self.screen_text()[-3000:]


#: An OSC other than 22 (the mouse pointer shape, which Textual sets itself): clipboard (52),
#: hyperlink (8), icon and title (0, 2) or anything else only content could have asked for.
FOREIGN_OSC = re.compile(rb"\x1b\](?!22;[a-z-]*\x07)")


def assert_no_payload_bytes(output: bytes) -> None:
    found = FOREIGN_OSC.search(output)
    assert found is None, (
        f"OSC reached the terminal: {output[found.start() : found.start() + 40]!r}"
    )
    for leak in LEAKS:
        assert leak not in output, f"{leak!r} reached the terminal"
    decoded = output.decode("utf-8")  # strict: a raw 8-bit C1 byte is not valid UTF-8
    assert not C1.search(decoded), "a C1 control reached the terminal"


def flat(value: str) -> str:
    return " ".join(value.split())


# -- tests -----------------------------------------------------------------------------------


def test_control_payloads_are_refused_and_the_good_briefing_opens(tmp_path: Path) -> None:
    library = tmp_path / "library"
    briefing_folder(library / "bad", "bad", CONTROL_EDITS)
    briefing_folder(library / "good", "good", MARKUP_EDITS)
    app = PtyApp("library", cwd=tmp_path)
    try:
        app.wait_for(lambda s: "could not be opened" in s and "briefing.toml:3: title:" in s)
        app.press(*"j" * 12, settle=0.15)  # scroll the problem list to its end
        app.wait_for(lambda s: "wire note:" in s)
        screen = flat(app.screen_text())
        assert "1 briefing could not be opened" in screen
        assert "library/bad:" in screen
        for name, line, field, char in CONTROL_PROBLEMS:
            # Each problem starts a row; the rest of its sentence may wrap past the scrollbar.
            assert f"library/bad/{name}:{line}: {field}: forbidden character" in screen, field
            assert f"character {char}" in screen or char in screen, char
        assert_no_payload_bytes(bytes(app.output))

        app.press("\x1b", settle=0.8)  # Escape: continue to the briefing that loaded
        app.wait_for(lambda s: "Brussels" in s or "Gas talks" in s)
        app.press("q")
        assert app.finish() == 0
        output = bytes(app.output)
        assert_no_payload_bytes(output)
        assert "[bold]x[/] [/] [@click=app.quit]" in app.screen_text()  # the good title
    finally:
        app.kill()


def test_markup_payloads_show_literally_while_navigating(tmp_path: Path) -> None:
    briefing_folder(tmp_path / "good", "good", MARKUP_EDITS)
    app = PtyApp("good", cwd=tmp_path)
    try:
        app.wait_for(lambda s: "Gas talks resumed" in s)
        for key in ("1", "j", "2", "j", "j", "3", "j", "\r"):
            app.press(key)
        app.press("\x1b")  # close the agreement card
        for key in ("4", "j", "l", "/", *"brussels"):
            app.press(key, settle=0.3)
        app.read(1.0)
        app.press("\r", "\x1b")  # jump to the hit, then Escape
        app.press("?", "\x1b")  # help and back
        app.press("q")
        assert app.finish() == 0
        output = bytes(app.output)
        assert_no_payload_bytes(output)
        text = app.screen_text()
        assert MARKUP in text  # in full: the title bar, section title and more have room
        assert f"Pipeline {MARKUP[:20]}" in text  # the agreements table and card
        assert "Wire [bold]x[/]" in text  # the sources tab
        assert "1 hit" in text or "hits" in text  # the search panel found Brussels
    finally:
        app.kill()


def test_validate_reports_refused_payloads_without_echoing_them(tmp_path: Path) -> None:
    """``briefing validate`` on the same library: exit 1, each problem at file:line, and its own
    output as free of the payloads as the TUI's (a terminal shows it too)."""
    library = tmp_path / "library"
    briefing_folder(library / "bad", "bad", CONTROL_EDITS)
    briefing_folder(library / "good", "good", MARKUP_EDITS)
    done = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "validate", "library"],
        cwd=tmp_path,
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == b""  # problems and the verdict go to stderr
    lines = done.stderr.decode().splitlines()
    expected = [
        f"library/bad/{name}:{line}: {field}: forbidden character {char}"
        for name, line, field, char in CONTROL_PROBLEMS
    ]
    assert sorted(line.split(" control", 1)[0].split(" RIGHT", 1)[0] for line in lines[:-1]) == (
        sorted(expected)
    )
    assert lines[-1].startswith("invalid: 8 problem(s) in 1 briefing(s); valid: 1 briefing")
    assert_no_payload_bytes(done.stdout + done.stderr)
    assert b"\x1b" not in done.stdout + done.stderr


def test_the_scan_catches_every_payload_and_passes_textuals_own_bytes() -> None:
    """The scanner itself: each payload, as a terminal would receive it, is caught; what Textual
    legitimately writes (its pointer-shape OSC 22, ESC[2J, box drawing) is not."""
    own = b"\x1b[?1049h\x1b]22;default\x07\x1b[2J\x1b[1;1H" + "│ …▆ [bold]x[/]".encode()
    assert_no_payload_bytes(own)
    payloads = [
        b"\x1b]52;c;SGVsbG8=\x07",
        b"\x1b]8;;http://x\x1b\\",
        b"\x1b]0;pwned\x07",
        b"\x1b]2;pwned\x07",
        b"\x1b]1337;File=x\x07",  # any other OSC
        b"\x9b2J",  # raw 8-bit CSI
        b"\x9d",  # raw 8-bit OSC
        "\x9b2J".encode(),  # C1 as a UTF-8 code point
        "\u202e".encode(),
    ]
    for payload in payloads:
        try:
            assert_no_payload_bytes(own + payload + own)
        except (AssertionError, UnicodeDecodeError):
            continue
        raise AssertionError(f"{payload!r} was not caught")
