"""Keystroke-to-painted-results benchmark: the search bar as a person uses it, in a real pty.

``python -m benchmarks keystroke`` starts ``briefing`` on a pseudo-terminal (80x24), opens
the search bar and types queries one character at a time. For every keystroke that changes the
number of hits, it times from writing the key to the pty until the new count ("25 hits") has been
written back to the terminal: parsing, the search worker, the result list and the paint, all
included. Expected counts come from the same engine run in this process, so a keystroke is only
timed when its answer is visibly different from the one before.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.ptyrun import spawn
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import SearchIndex

QUERIES = ("trade", "moscow", "nuclear", "power of", "yuan")
TIMEOUT = 180.0


class Terminal:
    """A child process on a pty, and everything it has written."""

    def __init__(self, argv: list[str]) -> None:
        self.pid, self.fd = spawn(argv)
        self.output = b""

    def wait_for(self, needle: bytes, since: int = 0, timeout: float = TIMEOUT) -> float:
        """Seconds until ``needle`` appears in the output after offset ``since``."""
        start = time.perf_counter()
        while needle not in self.output[since:]:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{needle!r} never appeared")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                self._read()
        return time.perf_counter() - start

    def _read(self) -> None:
        try:
            self.output += os.read(self.fd, 65536)
        except OSError:  # EIO: the child has closed the terminal
            raise EOFError("the browser exited") from None

    def settle(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if ready:
                self._read()

    def type(self, data: bytes) -> int:
        """Write keys; return the output offset from which their effect can appear."""
        self.settle(0)
        mark = len(self.output)
        os.write(self.fd, data)
        return mark

    def close(self) -> None:
        os.write(self.fd, b"\x11")  # ctrl+q
        with contextlib.suppress(EOFError):  # it quit: that is the point
            self.settle(1.0)
        if os.waitpid(self.pid, os.WNOHANG)[0] == 0:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def count_text(total: int) -> bytes:
    return f"{total} hit{'s' * (total != 1)} ".encode()


def process_cpu(pid: int) -> float:
    """CPU seconds a process has used, all its threads (from /proc: 10 ms ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(path: Path, open_first: bool, cpu: list[float] | None = None) -> list[float]:
    """Per-keystroke seconds from key to painted hit count, for every query in QUERIES; with
    ``cpu``, also the browser's CPU seconds for every key typed (through the pause after it)."""
    library = load_library(path).library
    index = SearchIndex.build(library)
    terminal = Terminal([sys.executable, "-m", "briefing_tui", str(path)])
    samples: list[float] = []
    try:
        first = library.briefings[0].title[:30].encode()
        terminal.wait_for(first)
        if open_first:  # a library opens on its picker: Enter opens the first briefing
            terminal.settle(0.3)
            terminal.type(b"\r")
            terminal.wait_for(b"1 Overview")
        terminal.settle(0.3)
        mark = terminal.type(b"/" + QUERIES[0][:1].encode())
        # The first search waits for the index (built in the background after loading).
        terminal.wait_for(count_text(index.search(QUERIES[0][:1]).total), since=mark)
        terminal.type(b"\x15")  # ctrl+u: clear the box
        terminal.settle(0.5)
        for query in QUERIES:
            previous = None
            for end in range(1, len(query) + 1):
                total = index.search(query[:end]).total
                used = process_cpu(terminal.pid) if cpu is not None else 0.0
                mark = terminal.type(query[end - 1].encode())
                if total != previous and total > 0:
                    samples.append(terminal.wait_for(count_text(total), since=mark, timeout=10))
                terminal.settle(0.15)  # a person's pause between keys; lets stragglers finish
                if cpu is not None:
                    cpu.append(process_cpu(terminal.pid) - used)
                previous = total
            terminal.type(b"\x15")
            terminal.settle(0.4)
    finally:
        terminal.close()
    return samples


def summarise(name: str, samples: list[float], cpu: list[float] | None = None) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    line = (
        f"{name:<28} {len(samples):>4} {statistics.median(samples) * 1000:>9.1f} "
        f"{p95 * 1000:>9.1f} {max(samples) * 1000:>9.1f}"
    )
    if cpu:
        used = sorted(cpu)
        line += (
            f" {statistics.median(used) * 1000:>9.0f} "
            f"{used[max(0, round(0.95 * len(used)) - 1)] * 1000:>9.0f}"
        )
    return line


def run(library_size: int = 1000, libraries: Path | None = None) -> int:
    """The bundled briefing, then a synthetic library (``libraries/lib-N`` if present, read
    only; otherwise written to a temporary folder)."""
    from benchmarks.synth import write_library

    print("keystroke to painted hit count, 80x24 pty; milliseconds")
    print("(cpu: the browser's CPU per key typed, all threads, /proc ticks of 10 ms)")
    print(
        f"{'library':<28} {'keys':>4} {'median':>9} {'p95':>9} {'worst':>9} "
        f"{'cpu med':>9} {'cpu p95':>9}"
    )
    bundled = bundled_content_path()
    cpu: list[float] = []
    samples = measure(bundled, open_first=False, cpu=cpu)
    print(summarise("bundled briefing", samples, cpu), flush=True)
    with tempfile.TemporaryDirectory(prefix="bt-keys-") as tmp:
        library = libraries / f"lib-{library_size}" if libraries is not None else None
        if library is None or not library.is_dir():
            library = write_library(Path(tmp) / "library", library_size)
        name = f"{library_size}-briefing library"
        cpu = []
        samples = measure(library, open_first=True, cpu=cpu)
        print(summarise(name, samples, cpu), flush=True)
    return 0
