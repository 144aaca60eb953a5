"""Driving real programs in real terminals: one tmux server per test session, one window each.

tmux gives a genuine pty with a TERM, a size that can change (SIGWINCH reaches the program) and
a screen we can read back, which is what an analyst's terminal is. Each test uses its own tmux
socket so tests never touch a user's tmux server and can run side by side.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

TMUX = shutil.which("tmux")

#: The bundled briefing's title, as the first screen shows it.
TITLE = "Xi Jinping's visit to Russia"


class Tmux:
    """A private tmux server; ``start`` runs a command in a detached session of a given size."""

    def __init__(self) -> None:
        assert TMUX is not None, "tmux is required"
        # A short private directory: socket paths are limited to ~100 bytes.
        self._dir = tempfile.mkdtemp(prefix="bt-tmux-")
        self.socket = os.path.join(self._dir, uuid.uuid4().hex[:8])

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [TMUX or "tmux", "-S", self.socket, *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(
        self,
        name: str,
        argv: Sequence[str],
        *,
        size: tuple[int, int] = (80, 24),
        env: Mapping[str, str] | None = None,
        term: str = "xterm-256color",
        status_file: Path | None = None,
    ) -> None:
        """Run ``argv`` in a new session; its exit code goes to ``status_file`` when given.

        The program sees only ``base_env()``, ``env`` and ``TERM``: nothing leaks in from the
        shell running the tests. The window stays open after the program exits (remain-on-exit),
        so the last screen can still be read, e.g. to look for a traceback.
        """
        command = shlex.join(argv)
        if status_file is not None:
            command = f"{command}; echo $? > {shlex.quote(str(status_file))}"
        # The analyst's state (notes, where they left off) goes to a folder of this session's,
        # not the tester's own: a position saved by one session must not move another's first
        # screen (a session started again under the same name finds its own).
        state_home = os.path.join(self._dir, f"state-{name}")
        variables = {**base_env(XDG_STATE_HOME=state_home), **(env or {}), "TERM": term}
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in variables.items())
        shell = f"exec env -i {assignments} sh -c {shlex.quote(command)}"
        width, height = size
        self.run(
            "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", str(width), "-y",
            str(height), "-e", f"TERM={term}", shell,
        )  # fmt: skip
        self.run("set-option", "-t", name, "remain-on-exit", "on")
        self.run("set-option", "-t", name, "default-terminal", term, check=False)

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name, check=False)

    def keys(self, name: str, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", name, *(["-l"] if literal else []), *keys)

    def resize(self, name: str, width: int, height: int) -> None:
        self.run("resize-window", "-t", name, "-x", str(width), "-y", str(height))

    def pane_dead(self, name: str) -> bool:
        return (
            self.run("display-message", "-p", "-t", name, "#{pane_dead}", check=False).strip()
            == "1"
        )

    def kill(self) -> None:
        self.run("kill-server", check=False)
        shutil.rmtree(self._dir, ignore_errors=True)


def wait_for(check: Callable[[], bool], *, timeout: float = 15.0, interval: float = 0.05) -> bool:
    """Poll ``check`` until it is true or ``timeout`` seconds pass; return its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return check()


def wait_screen(tmux: Tmux, name: str, needle: str, *, timeout: float = 15.0) -> str:
    """The screen once ``needle`` is on it; AssertionError with the screen otherwise."""
    found = wait_for(lambda: needle in tmux.screen(name), timeout=timeout)
    screen = tmux.screen(name)
    assert found, f"{needle!r} never appeared; screen was:\n{screen}"
    return screen


def briefing_command() -> list[str]:
    """The installed ``briefing`` of the interpreter running the tests."""
    import sys

    script = Path(sys.executable).with_name("briefing")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing_tui"]


def base_env(**extra: str) -> dict[str, str]:
    """A small, explicit environment: the tests choose locale and colour, not the caller's shell."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    env.update(extra)
    return env


def exit_status(status_file: Path, *, timeout: float = 10.0) -> str | None:
    """The exit code the session wrote to ``status_file``, once it is fully written."""

    def written() -> bool:
        return status_file.exists() and status_file.read_text().endswith("\n")

    return status_file.read_text().strip() if wait_for(written, timeout=timeout) else None


def laid_out(screen: str, width: int, height: int) -> bool:
    """True when ``screen`` is the briefing drawn for ``width`` x ``height``: title on the first
    row, footer on the last, and the tab rule as wide as the terminal."""
    lines = screen.splitlines()
    return (
        len(lines) == height
        and TITLE in lines[0]
        and "q Quit" in lines[-1]
        and any(len(line.rstrip()) == width and line.lstrip(" ─━╸╺-") == "" for line in lines)
    )
