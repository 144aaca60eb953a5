"""Starting a program on a fresh pseudo-terminal, as the benchmarks all do.

One place for the terminal they measure in (80x24, xterm-256color, UTF-8, a small explicit
environment) so the start-up, keystroke and stall figures come from the same setting.
"""

from __future__ import annotations

import os
import pty
import select
import struct
import termios
import time
from fcntl import ioctl
from pathlib import Path

#: Rows and columns of the benchmark terminal.
SIZE = (24, 80)

#: The checkout: benchmarks are not installed, so ``python -m benchmarks`` runs from here.
ROOT = Path(__file__).resolve().parents[1]


def spawn(argv: list[str], **extra_env: str) -> tuple[int, int]:
    """Start ``argv`` on a new pty; its pid and the pty's fd. The size is set before it runs."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        **extra_env,
    }
    pid, fd = pty.fork()
    if pid == 0:  # child
        ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", *SIZE, 0, 0))
        os.chdir(ROOT)
        os.execve(argv[0], argv, env)
    return pid, fd


def drain(fd: int, seconds: float) -> None:
    """Keep reading for ``seconds``, or until the pty closes, so the child never blocks on it."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return
