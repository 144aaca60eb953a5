"""A hostile terminal for the e2e tests: ``briefing`` on a pty we size, type into and measure.

Unlike tmux, a bare pty lets a test set any window size (65535x65535 included), write any bytes
(invalid UTF-8, forged terminal reports, floods) and read the child's memory from ``/proc``.
Every session is bounded: :meth:`Session.close` SIGKILLs the child if it is still there, and
:meth:`Session.watch` kills it as soon as its RSS passes a ceiling, so a regression fails the
test quickly instead of eating the machine.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Mapping
from pathlib import Path

#: The ceiling from issue #12: a secure session stays under this whatever the terminal does.
RSS_LIMIT_MIB = 400

#: Rough screen text: the output without CSI / OSC / two-byte escape sequences.
ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_=>()][0-9A-Za-z]?"
)

CTRL_Q = b"\x11"
TITLE = "Xi Jinping's visit to Russia"


def set_size(fd: int, cols: int, rows: int) -> None:
    """Set the pty's window size; the kernel sends SIGWINCH to the app, as an ssh client would."""
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of ``pid`` in MiB; 0 once it has gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


class Session:
    """``python -m briefing_tui *args`` on a pty of ``cols`` x ``rows``."""

    def __init__(
        self,
        *args: str,
        cwd: Path,
        size: tuple[int, int] = (80, 24),
        env: Mapping[str, str] | None = None,
        secure: bool = True,
        core_unlimited: bool = False,
        state: bool = False,
    ) -> None:
        environ = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(cwd),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            **(env or {}),
        }
        # --no-state unless asked: a secure session keeps notes under the account's real home
        # (the tester's), and a position saved by one test would move the next one's screen.
        flags = [*(["--secure"] if secure else []), *([] if state else ["--no-state"])]
        argv = [sys.executable, "-m", "briefing_tui", *flags, *args]
        cols, rows = size
        pid, fd = pty.fork()
        if pid == 0:  # child: size the terminal before Textual asks, then become the app
            try:
                if core_unlimited:  # as `ulimit -c unlimited` would: secure mode must undo it
                    import resource

                    limit = resource.getrlimit(resource.RLIMIT_CORE)[1]
                    resource.setrlimit(resource.RLIMIT_CORE, (limit, limit))
                set_size(0, cols, rows)
                os.chdir(cwd)
                os.execve(sys.executable, argv, environ)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.returncode: int | None = None
        self.peak_rss = 0.0
        self._wait_for_exec()

    def _wait_for_exec(self, timeout: float = 10.0) -> None:
        """Until the child runs the browser. Between fork and exec it is a copy of this test
        process, whose RSS it shares (about 1 GiB after the Pilot tests, when a test wrote
        to the app at once and sampled it before the exec: "RSS reached 990 MiB")."""
        with open(f"/proc/{os.getpid()}/cmdline", "rb") as ours:
            before = ours.read()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with open(f"/proc/{self.pid}/cmdline", "rb") as cmdline:
                    if cmdline.read() != before:
                        return
            except OSError:
                return  # gone already: reading says so
            time.sleep(0.002)

    # -- reading -----------------------------------------------------------------------------

    def read(self, seconds: float) -> bool:
        """Collect output for up to ``seconds``; False once the app closed the terminal."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            self.sample()
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            self.output += chunk
        return True

    def sample(self) -> float:
        """Record the child's current RSS; SIGKILL it (and fail) past :data:`RSS_LIMIT_MIB`."""
        rss = rss_mib(self.pid)
        self.peak_rss = max(self.peak_rss, rss)
        if rss > RSS_LIMIT_MIB:
            self.close()
            raise AssertionError(f"RSS reached {rss:.0f} MiB (limit {RSS_LIMIT_MIB}); killed")
        return rss

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def wait_for(self, needle: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            assert time.monotonic() < deadline, f"{needle!r} never appeared:\n{self.text()[-2000:]}"
            assert self.read(0.1) or needle in self.text(), f"exited:\n{self.text()[-2000:]}"

    def settle(self, seconds: float = 0.5) -> None:
        self.read(seconds)

    # -- writing -----------------------------------------------------------------------------

    def write(self, data: bytes, *, chunk: int = 4096) -> None:
        """Write ``data`` as the terminal would, reading output meanwhile so neither side blocks."""
        for start in range(0, len(data), chunk):
            view = data[start : start + chunk]
            while view:
                _, writable, _ = select.select([], [self.fd], [], 0.05)
                if writable:
                    view = view[os.write(self.fd, view) :]
                else:
                    self.read(0.01)
            self.read(0)

    def flood(self, data: bytes, seconds: float) -> int:
        """Write ``data`` again and again for ``seconds``, as ``yes j | ssh -tt`` does."""
        sent = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            _, writable, _ = select.select([], [self.fd], [], 0.02)
            if writable:
                sent += os.write(self.fd, data)
            self.read(0)
        return sent

    def resize(self, cols: int, rows: int) -> None:
        set_size(self.fd, cols, rows)

    # -- ending ------------------------------------------------------------------------------

    def quit(self, timeout: float = 10.0) -> float:
        """Press ctrl+q; seconds until the app closed the terminal (AssertionError past timeout)."""
        started = time.monotonic()
        os.write(self.fd, CTRL_Q)
        while self.read(0.05):
            if time.monotonic() - started > timeout:
                self.close()
                raise AssertionError(f"ctrl+q unanswered after {timeout}s:\n{self.text()[-1500:]}")
        return time.monotonic() - started

    def finish(self, timeout: float = 10.0) -> int:
        """The exit code once the app has gone (SIGKILL and AssertionError after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
                return self.returncode
        self.close()
        raise AssertionError("the app did not exit")

    def close(self) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, status = os.waitpid(self.pid, 0)
                self.returncode = os.waitstatus_to_exitcode(status)
            except (ProcessLookupError, ChildProcessError):
                pass
        with contextlib.suppress(OSError):
            os.close(self.fd)


#: Absolute cursor moves (``ESC[row;colH``): where the app draws tells the size it laid out at.
CURSOR = re.compile(rb"\x1b\[(\d+);(\d+)H")


def drawn_extent(output: bytes) -> tuple[int, int]:
    """The largest column and row the app moved the cursor to: the width and height it drew."""
    moves = [(int(col), int(row)) for row, col in CURSOR.findall(output)]
    return (max(c for c, _ in moves), max(r for _, r in moves)) if moves else (0, 0)
