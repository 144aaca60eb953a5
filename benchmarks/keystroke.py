"""Keystroke-to-painted-results benchmark: the search bar as a person uses it, in a real pty.

``python -m benchmarks keystroke`` starts ``briefing`` on a pseudo-terminal (80x24), opens
the search bar and types queries one character at a time. For every keystroke that changes the
number of hits, it times from writing the key to the pty until the new count ("25 hits") has been
written back to the terminal: parsing, the search worker, the result list and the paint, all
included. Expected counts come from the same engine run in this process, so a keystroke is only
timed when its answer is visibly different from the one before.

By default that engine is an index built in memory from the validated library: at 10,000
briefings that takes minutes and gigabytes. With ``--store`` the library's store is built or
refreshed first (``briefing index --cache``, in the same cache folder as the browser's) and the
counts come from its index, opened read-only here as the browser opens it (issue #14).

``--engine`` also prints, for every key timed, the engine alone on that index: the median of 7
``SearchIndex.search(key, limit=RESULT_LIMIT)`` calls, as the search worker calls it, after
``prepare()`` and one call to warm it (before the browser starts, so nothing competes).
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.ptyrun import ROOT, spawn
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.search import SearchIndex

QUERIES = ("trade", "moscow", "nuclear", "power of", "yuan")
TIMEOUT = 180.0


class Terminal:
    """A child process on a pty, and everything it has written."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        self.pid, self.fd = spawn(argv, **(env or {}))
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


def in_memory(path: Path) -> tuple[SearchIndex, str]:
    """An index built from the validated library, and its first briefing's title."""
    library = load_library(path).library
    return SearchIndex.build(library), library.briefings[0].title


def index_store(path: Path, env: dict[str, str]) -> None:
    """``briefing index --cache PATH``: the user's store built or refreshed, as the browser
    started with ``env`` will find it."""
    subprocess.run(
        [sys.executable, "-m", "briefing_tui", "index", "--cache", str(path)],
        env={**os.environ, **env},
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def from_store(path: Path, env: dict[str, str]) -> tuple[SearchIndex, str]:
    """The index of the library's fresh store (the browser's, in ``env``'s cache folder),
    opened read-only, and the first listed title: no briefing is validated or read."""
    from briefing_tui.store.catalog import open_catalog

    index_store(path, env)
    saved = os.environ.get("XDG_CACHE_HOME")
    if "XDG_CACHE_HOME" in env:  # where platformdirs finds the user's store
        os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    try:
        catalog = open_catalog(path, secure=False)
    finally:
        if saved is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = saved
    if catalog is None or not catalog.check():
        raise RuntimeError(f"no fresh store of several briefings for {path}")
    return catalog.search_index(), catalog.entries(0, 1)[0].title


def expected_counts(index: SearchIndex) -> dict[str, int]:
    """The hit count of every prefix typed of every query in QUERIES."""
    return {
        query[:end]: index.search(query[:end]).total
        for query in QUERIES
        for end in range(1, len(query) + 1)
    }


def timed_keys(counts: dict[str, int]) -> list[str]:
    """The keys :func:`measure` times: those whose count differs from the previous key's."""
    keys = []
    for query in QUERIES:
        previous = None
        for end in range(1, len(query) + 1):
            total = counts[query[:end]]
            if total != previous and total > 0:
                keys.append(query[:end])
            previous = total
    return keys


def engine_alone(index: SearchIndex, keys: list[str]) -> None:
    """Print each key's engine time alone (see the module docstring)."""
    from briefing_tui.ui.widgets.search_panel import RESULT_LIMIT

    index.prepare()
    print(f"{'engine alone: key':<28} {'hits':>8} {'median ms of 7':>15}")
    for key in keys:
        index.search(key, limit=RESULT_LIMIT)
        runs = []
        for _ in range(7):
            start = time.perf_counter()
            result = index.search(key, limit=RESULT_LIMIT)
            runs.append(time.perf_counter() - start)
        print(f"{key!r:<28} {result.total:>8} {statistics.median(runs) * 1000:>15.1f}", flush=True)


def measure(
    path: Path,
    open_first: bool,
    cpu: list[float] | None = None,
    env: dict[str, str] | None = None,
    store: bool = False,
    engine: bool = False,
    rounds: int = 1,
) -> list[float]:
    """Per-keystroke seconds from key to painted hit count, for every query in QUERIES (typed
    ``rounds`` times, in the same browser); with
    ``cpu``, also the browser's CPU seconds for every key typed (through the pause after it).
    ``env``: extra environment of the browser (its cache folder); ``store``: expected counts
    from the library's store (:func:`from_store`) rather than an index built in memory."""
    env = env or {}
    index, title = from_store(path, env) if store else in_memory(path)
    counts = expected_counts(index)  # all before the browser starts: no engine work competes
    if engine:
        engine_alone(index, timed_keys(counts))
    del index
    terminal = Terminal([sys.executable, "-m", "briefing_tui", str(path)], env)
    samples: list[float] = []
    try:
        first = title[:30].encode()
        terminal.wait_for(first)
        if open_first:  # a library opens on its picker: Enter opens the first briefing
            terminal.settle(0.3)
            terminal.type(b"\r")
            terminal.wait_for(b"1 Overview")
        terminal.settle(0.3)
        mark = terminal.type(b"/" + QUERIES[0][:1].encode())
        # The first search waits for the index (built in the background after loading).
        terminal.wait_for(count_text(counts[QUERIES[0][:1]]), since=mark)
        terminal.type(b"\x15")  # ctrl+u: clear the box
        terminal.settle(0.5)
        for query in QUERIES * rounds:
            previous = None
            for end in range(1, len(query) + 1):
                total = counts[query[:end]]
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


def run(
    library_size: int = 1000,
    libraries: Path | None = None,
    store: bool = False,
    cache: Path | None = None,
    only_library: bool = False,
    engine: bool = False,
    rounds: int = 1,
) -> int:
    """The bundled briefing (unless ``only_library``), then a synthetic library
    (``libraries/lib-N`` if present, read only; otherwise written to a temporary folder).
    ``store``: the library's expected counts from its store (see the module docstring);
    ``cache``: the browser's XDG_CACHE_HOME (default: this process's)."""
    from benchmarks.synth import write_library

    if cache is None and os.environ.get("XDG_CACHE_HOME"):
        cache = Path(os.environ["XDG_CACHE_HOME"])  # the browser gets a small environment
    env = {"XDG_CACHE_HOME": str(cache)} if cache is not None else {}
    times = f", queries typed {rounds} times" if rounds > 1 else ""
    print(f"keystroke to painted hit count, 80x24 pty; milliseconds{times}")
    print("(cpu: the browser's CPU per key typed, all threads, /proc ticks of 10 ms)")
    source = "the library's store" if store else "an index built in memory"
    print(f"(expected counts of the library from {source})")
    print(
        f"{'library':<28} {'keys':>4} {'median':>9} {'p95':>9} {'worst':>9} "
        f"{'cpu med':>9} {'cpu p95':>9}"
    )
    cpu: list[float] = []
    if not only_library:
        samples = measure(bundled_content_path(), False, cpu, env, rounds=rounds)
        print(summarise("bundled briefing", samples, cpu), flush=True)
    with tempfile.TemporaryDirectory(prefix="bt-keys-") as tmp:
        library = libraries / f"lib-{library_size}" if libraries is not None else None
        if library is None or not library.is_dir():
            library = write_library(Path(tmp) / "library", library_size)
        name = f"{library_size}-briefing library"
        cpu = []
        samples = measure(library, True, cpu, env, store, engine, rounds)
        print(summarise(name, samples, cpu), flush=True)
    return 0
