"""End to end: the installed ``briefing`` command in a real terminal (tmux, 80x24).

Keys go in with ``tmux send-keys`` and the screen comes back with ``capture-pane``, exactly what a
person at the keyboard would type and see. The tmux server runs on a socket of its own and reads
no configuration file, so the test never touches a user's tmux sessions or settings.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_tui.loader import load_library
from briefing_tui.refs import section_label

BRIEFING = Path(sys.executable).parent / "briefing"
WIDTH, HEIGHT = 80, 24
TIMEOUT = 20.0
SESSION = "e2e"


def require_tmux() -> str:
    """tmux's path; in CI (CI=true) its absence is a failure, elsewhere a skip with the reason."""
    tmux = shutil.which("tmux")
    if tmux is None:
        message = "tmux is not installed (apt-get install tmux)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: the end-to-end test must run in CI")
        pytest.skip(message)
    return tmux


@dataclass
class Terminal:
    """One tmux session on a private socket, running one command."""

    tmux: str
    socket: str

    def run(self, *args: str) -> str:
        completed = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )
        return completed.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        # remain-on-exit keeps the pane after the program ends, so its exit status can be read.
        # Both options are set on the server this call starts, before the program can exit.
        subprocess.run(
            [
                *(self.tmux, "-L", self.socket, "-f", os.devnull, "new-session", "-d"),
                *("-s", SESSION, "-x", str(WIDTH), "-y", str(HEIGHT), command),
                *(";", "set-option", "-g", "remain-on-exit", "on"),
                *(";", "set-option", "-g", "escape-time", "0"),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", SESSION)

    def keys(self, *keys: str) -> None:
        """Named keys (``Enter``, ``Escape``) or single characters, one send-keys each."""
        self.run("send-keys", "-t", SESSION, *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", SESSION, "-l", text)

    def pane(self, *fields: str) -> list[str]:
        """The values of tmux format variables for the pane, e.g. ``pane("pane_dead")``."""
        template = "|".join(f"#{{{field}}}" for field in fields)
        return self.run("display-message", "-p", "-t", SESSION, template).strip().split("|")

    def wait_for(self, what: str, found: Callable[[str], bool]) -> str:
        """Poll the screen until ``found(screen)``; fail with the last screen after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if found(screen):
                return screen
            time.sleep(0.05)
        pytest.fail(f"timed out after {TIMEOUT:.0f}s waiting for {what}; the screen:\n{screen}")

    def wait_for_text(self, text: str) -> str:
        return self.wait_for(repr(text), lambda screen: text in screen)

    def wait_for_exit(self) -> int:
        """The program's exit status, once tmux reports the pane's process dead."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            # tmux marks the pane dead when the terminal closes, and fills in the status only
            # once it has reaped the process: wait for the status (or the signal that killed it).
            dead, status, signal = self.pane("pane_dead", "pane_dead_status", "pane_dead_signal")
            if dead == "1" and signal:
                pytest.fail(f"briefing was killed by signal {signal}")
            if dead == "1" and status:
                return int(status)
            time.sleep(0.05)
        pytest.fail(f"briefing did not exit within {TIMEOUT:.0f}s; the screen:\n{self.screen()}")

    def kill(self) -> None:
        """Stop this test's tmux server and remove its socket file."""
        socket_path = subprocess.run(
            [self.tmux, "-L", self.socket, "display-message", "-p", "#{socket_path}"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        ).stdout.strip()
        subprocess.run(
            [self.tmux, "-L", self.socket, "kill-server"],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
        if socket_path:
            Path(socket_path).unlink(missing_ok=True)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    tmux = require_tmux()
    assert BRIEFING.is_file(), (
        f"{BRIEFING} is missing: install the project into this Python (pip install '.[test]')"
    )
    term = Terminal(tmux, f"briefing-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        yield term
    finally:
        term.kill()


def program_env() -> dict[str, str]:
    """The test's environment without switches that would change what Textual does."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.pop("TMUX", None)  # a test run from inside tmux still gets its own server
    return env


def test_installed_briefing_in_a_real_terminal(terminal: Terminal) -> None:
    briefing = load_library().library.briefings[0]
    terminal.start(shlex.quote(str(BRIEFING)), program_env())

    screen = terminal.wait_for_text(briefing.title)
    assert "2 Report" in screen
    # The report opens at its first section with the heading whole: in a real terminal the size
    # arrives after the first layout, which once left the heading half scrolled away.
    first = briefing.sections[0]
    terminal.wait_for_text(f"{section_label(first.id)} {first.title[:40]}")

    terminal.keys("3")
    screen = terminal.wait_for_text("Power of Siberia-2")
    assert re.search(r"Area\s+Agreement\s+Status", screen), screen

    terminal.keys("/")
    # Type only once the search bar is on screen: keys that arrive before Textual moves the focus
    # still go to the table (s sorts, a filters), as they would for a person typing that fast.
    terminal.wait_for_text("(Esc closes)")
    terminal.type("siberia")
    terminal.wait_for("search hits", lambda s: re.search(r"\d+ hits?", s) is not None)
    terminal.keys("Enter")
    screen = terminal.wait_for(
        "the 1/N hit indicator", lambda s: re.search(r"1/\d+", s) is not None
    )
    assert re.search(r"Search 1/\d+", screen), screen

    terminal.keys("?")
    screen = terminal.wait_for_text("Keys  (Escape closes)")
    assert "Quit" in screen
    terminal.keys("Escape")
    terminal.wait_for("help to close", lambda s: "Escape closes" not in s)

    terminal.keys("q")
    assert terminal.wait_for_exit() == 0
