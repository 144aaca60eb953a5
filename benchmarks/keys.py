"""Per-key benchmark: every documented key of the briefing screen, key to settled screen.

``python -m benchmarks keys`` starts ``briefing`` on an 80x24 pty (the bundled briefing),
waits until it has drawn and indexed, then presses each key in :data:`PLAN` several times. The
pty answers Textual's query for synchronised output, so every frame arrives wrapped in
``ESC[?2026h`` ... ``ESC[?2026l``; a key's time runs from writing it to the end of the last frame
it caused (the output then stays quiet for :data:`QUIET` seconds). The first press of a key is
reported apart from the repeats: first use builds tabs, imports modules and fills caches.

A key that draws nothing (``k`` at the top) is reported as such, not as a fast key. The last
column is the median number of frames a press drew: each frame after the first waits for
Textual's 60 fps timer, so it is where a key's time goes besides the work itself. ``--cpu``
runs the browser under :mod:`benchmarks.cpuchild` and adds the CPU time it spent per press
(first use, median of the repeats) and the full garbage-collector passes: figures that a
loaded machine moves much less than the wall clock.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.ptyrun import spawn

SYNC_END = b"\x1b[?2026l"
#: Textual asks whether the terminal supports synchronised output; the reply says it does.
QUERY = b"\x1b[?2026$p"
REPLY = b"\x1b[?2026;2$y"
#: Output quiet for this long after a frame: the key's work is done.
QUIET = 0.25
#: A key that draws nothing within this long drew nothing.
NOTHING = 1.5
REPEATS = 6


@dataclass
class Step:
    """A key to time, what to press before it (untimed), and what undoes it (untimed)."""

    name: str
    key: bytes
    before: bytes = b""
    after: bytes = b""


@dataclass
class Timing:
    name: str
    first: float | None = None
    repeats: list[float] = field(default_factory=list)
    silent: int = 0
    #: Frames each press drew (first use included).
    frames: list[int] = field(default_factory=list)
    #: With ``--cpu``: the browser's CPU milliseconds per press (first use included), and the
    #: garbage collector's full passes during them.
    cpu: list[float] = field(default_factory=list)
    full_passes: int = 0


ESC = b"\x1b"

#: Every key the README documents for the briefing screen and the report, in an order that
#: leaves each in a state where the next means something.
PLAN: tuple[Step, ...] = (
    Step("j", b"j"),
    Step("down", ESC + b"[B"),
    Step("ctrl+e", b"\x05"),
    Step("k", b"k"),
    Step("up", ESC + b"[A"),
    Step("ctrl+y", b"\x19", before=b"jj"),
    Step("ctrl+d", b"\x04"),
    Step("ctrl+u", b"\x15", before=b"\x04"),
    Step("space", b" "),
    Step("pagedown", ESC + b"[6~"),
    Step("b", b"b", before=b"  "),
    Step("pageup", ESC + b"[5~", before=b"  "),
    Step("G", b"G", after=b"g"),
    Step("g", b"g", before=b"G"),
    Step("end", ESC + b"[F", after=b"g"),
    Step("home", ESC + b"[H", before=b"G"),
    Step("}", b"}"),
    Step("{", b"{", before=b"}}"),
    Step("]", b"]"),
    Step("[", b"[", before=b"]]"),
    Step("o", b"o", after=b"o"),
    Step("p", b"p", after=b"p"),
    Step("u", b"u", after=b"u"),
    Step("1", b"1", after=b"2"),
    Step("3", b"3", after=b"2"),
    Step("4", b"4", after=b"2"),
    Step("2", b"2", before=b"1"),
    Step("?", b"?", after=ESC),
    Step("/", b"/", after=ESC),
    Step("enter on a hit", b"\r", before=b"/siberia", after=b"2g"),
    Step("n", b"n"),
    Step("N", b"N"),
    Step("escape (clear marks)", ESC, before=b"n"),
    Step("backspace", b"\x7f", before=b"}"),
    Step("alt+right", ESC + b"[1;3C"),
    Step("d", b"d", after=b"d"),
)


class Pty:
    """The browser on a pty; answers the synchronised-output query as a modern terminal does."""

    def __init__(self, argv: list[str], **env: str) -> None:
        self.pid, self.fd = spawn(argv, **env)
        self.output = b""

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        chunk = os.read(self.fd, 65536)
        if QUERY in self.output[-16:] + chunk:
            os.write(self.fd, REPLY)
        self.output += chunk
        return True

    def wait_for(self, needle: bytes, timeout: float = 60.0) -> None:
        end = time.perf_counter() + timeout
        while needle not in self.output:
            if time.perf_counter() > end:
                raise TimeoutError(f"{needle!r} never appeared")
            self._read(0.05)

    def settle(self, quiet: float = QUIET) -> None:
        """Read until nothing has arrived for ``quiet`` seconds."""
        while self._read(quiet):
            pass

    def press(self, key: bytes) -> tuple[float | None, int]:
        """Seconds from writing ``key`` to the end of the last frame it caused (None: no
        frame), and how many frames it caused."""
        self.settle(0.1)
        mark = len(self.output)
        start = time.perf_counter()
        os.write(self.fd, key)
        last: float | None = None
        frames = 0
        deadline = start + NOTHING
        while True:
            wait = QUIET if last is not None else max(0.0, deadline - time.perf_counter())
            if not self._read(wait):
                break
            if SYNC_END in self.output[mark:]:
                last = time.perf_counter()
                frames += self.output[mark:].count(SYNC_END)
                mark = len(self.output)
        return (None if last is None else last - start), frames

    def close(self) -> None:
        os.write(self.fd, b"\x11")
        with contextlib.suppress(OSError):  # it quit: the pty is closed
            self.settle(0.5)
        if os.waitpid(self.pid, os.WNOHANG)[0] == 0:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def measure(
    repeats: int = REPEATS, cpu: Path | None = None, only: frozenset[str] = frozenset()
) -> list[Timing]:
    argv = [sys.executable, "-m", "briefing_tui"]
    if cpu is not None:
        argv = [sys.executable, "-m", "benchmarks.cpuchild", str(cpu)]
    # A state database of its own: with the analyst's, a briefing reopens where the last run
    # left it (at the end, where the keys that go down draw nothing).
    state = tempfile.mkdtemp(prefix="keys-state-")
    terminal = Pty(argv, XDG_STATE_HOME=state)
    timings: list[Timing] = []
    try:
        terminal.wait_for(b"Report")
        terminal.settle(1.5)  # the search index is built after the first frame
        for step in PLAN:
            if only and step.name not in only:
                continue
            timing = Timing(step.name)
            for n in range(repeats):
                if step.before:
                    os.write(terminal.fd, step.before)
                    terminal.settle()
                if cpu is not None:
                    os.kill(terminal.pid, signal.SIGUSR1)
                    time.sleep(0.01)  # the signal is handled between two bytecodes
                seconds, frames = terminal.press(step.key)
                timing.frames.append(frames)
                if cpu is not None:
                    os.kill(terminal.pid, signal.SIGUSR2)
                    time.sleep(0.02)
                    spent, _, full = cpu.read_text().splitlines()[-1].split()
                    timing.cpu.append(float(spent))
                    timing.full_passes += int(full)
                if seconds is None:
                    timing.silent += 1
                elif n == 0:
                    timing.first = seconds
                else:
                    timing.repeats.append(seconds)
                if step.after:
                    os.write(terminal.fd, step.after)
                    terminal.settle()
            timings.append(timing)
    finally:
        terminal.close()
        shutil.rmtree(state, ignore_errors=True)
    return timings


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def run(repeats: int = REPEATS, cpu: bool = False, only: str = "") -> int:
    """``only``: a comma-separated subset of step names (a step's state comes from the steps
    before it, so include those it needs: ``n`` follows ``enter on a hit``)."""
    names = frozenset(name.strip() for name in only.split(",") if name.strip())
    with tempfile.TemporaryDirectory() as tmp:
        timings = measure(repeats, Path(tmp) / "cpu.txt" if cpu else None, names)
    print("key to settled screen, bundled briefing, 80x24 pty; milliseconds")
    extra = " cpu first | cpu median | full gc |" if cpu else ""
    print(f"| key | first use | repeats | median | p95 | worst | drew nothing | frames |{extra}")
    print("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|---:|" if cpu else ""))
    everything: list[float] = []
    for t in timings:
        first = f"{t.first * 1000:.0f}" if t.first is not None else "—"
        if t.repeats:
            everything += t.repeats
            stats = (
                f"{statistics.median(t.repeats) * 1000:.0f} | {p95(t.repeats) * 1000:.0f} | "
                f"{max(t.repeats) * 1000:.0f}"
            )
        else:
            stats = "— | — | —"
        frames = statistics.median(t.frames) if t.frames else 0
        row = f"| {t.name} | {first} | {len(t.repeats)} | {stats} | {t.silent} | {frames:g} |"
        if t.cpu:
            row += f" {t.cpu[0]:.0f} | {statistics.median(t.cpu[1:]):.0f} | {t.full_passes} |"
        print(row)
    firsts = [t.first for t in timings if t.first is not None]
    if everything:
        print(
            f"\nall repeats: {len(everything)} presses, median "
            f"{statistics.median(everything) * 1000:.0f} ms, p95 {p95(everything) * 1000:.0f} ms; "
            f"first uses: median {statistics.median(firsts) * 1000:.0f} ms, "
            f"p95 {p95(firsts) * 1000:.0f} ms, worst {max(firsts) * 1000:.0f} ms"
        )
    return 0
