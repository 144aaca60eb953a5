"""UI stall benchmark: how long the UI thread is held while a library loads and indexes.

``python -m benchmarks stall [--library-size N] [--repeats N]`` starts the browser, as
``briefing`` would, in a fresh process on its own pseudo-terminal (80x24), once on the bundled
briefing (the baseline: almost nothing runs in the background) and once on an N-briefing
synthetic library, interleaved. From the first frame a 10 ms timer on the UI thread records
the gap between its ticks; a gap well over 10 ms is time the UI could not answer a key. The run
ends 0.3 s after the search index is ready. Printed per case: seconds until the library was
loaded and indexed, and the longest, 99th-percentile and median gaps, and how many exceeded
100 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.ptyrun import drain, spawn
from briefing_tui.content.loader import bundled_content_path

TICK = 0.01
TIMEOUT = 180.0


def child(path: Path, out: Path) -> int:
    """Run the browser on ``path`` with the tick recorder; write the figures to ``out``."""
    start = time.perf_counter()
    from briefing_tui import gcpolicy

    gcpolicy.pause()  # as the briefing command does
    from briefing_tui.cli.launch import open_library

    # As `briefing` opens it: through the library's store when one is fresh (the index then
    # opens instead of being built), validating in memory otherwise.
    library, index_source, early = open_library(path, False, [])
    from briefing_tui.ui.app import BriefingApp

    marks: dict[str, float] = {}
    gaps: list[float] = []

    class Recorder(BriefingApp):
        def on_ready(self) -> None:
            # Textual also calls BriefingApp.on_ready itself (handlers run down the MRO): no
            # super() call, or the load and index would start twice.
            marks["first frame"] = time.perf_counter() - start
            self._last = time.perf_counter()
            self.set_interval(TICK, self._tick)
            # A store's index opens when search is first asked for: ask at once, so "indexed"
            # is when search could first answer.
            self.want_index()

        def _tick(self) -> None:
            now = time.perf_counter()
            gaps.append(now - self._last)
            self._last = now

        def _loaded(self, *args: object) -> None:
            marks["loaded"] = time.perf_counter() - start
            super()._loaded(*args)  # type: ignore[arg-type]

        def _index_ready(self, *args: object) -> None:
            marks["indexed"] = time.perf_counter() - start
            super()._index_ready(*args)  # type: ignore[arg-type]
            self.set_timer(0.3, self.exit)

    Recorder(library, index_source=index_source, index_early=early).run()
    out.write_text(json.dumps({"marks": marks, "gaps": gaps}))
    return 0


def measure(path: Path) -> dict[str, float | int | None]:
    """One run of the browser on ``path`` in a fresh pty; its marks and gap statistics."""
    with tempfile.TemporaryDirectory(prefix="bt-stall-") as tmp:
        out = Path(tmp) / "out.json"
        argv = [sys.executable, "-m", "benchmarks", "stall", "--child", str(path), str(out)]
        # Plugins off, as briefing's cli.main sets them.
        pid, fd = spawn(argv, PYDANTIC_DISABLE_PLUGINS="__all__")
        try:
            drain(fd, TIMEOUT)  # until the child exits and the pty closes
        finally:
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            os.close(fd)
        if not out.exists():
            raise RuntimeError(f"the browser on {path} wrote no figures within {TIMEOUT:.0f} s")
        data = json.loads(out.read_text())
    gaps = sorted(1000 * g for g in data["gaps"])
    if not gaps:
        raise RuntimeError(f"the browser on {path} ended before its timer ticked")
    marks = data["marks"]
    return {
        "loaded s": marks.get("loaded"),
        "indexed s": marks.get("indexed"),
        "ticks": len(gaps),
        "longest ms": gaps[-1],
        "p99 ms": gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))],
        "median ms": statistics.median(gaps),
        "over 100 ms": sum(g > 100 for g in gaps),
    }


def run(library_size: int = 1000, repeats: int = 2) -> int:
    from benchmarks.synth import write_library

    with tempfile.TemporaryDirectory(prefix="bt-stall-lib-") as tmp:
        library = write_library(Path(tmp) / "library", library_size)
        cases = [("bundled briefing", bundled_content_path()),
                 (f"{library_size}-briefing library", library)]  # fmt: skip
        rows = [(name, measure(path)) for _ in range(repeats) for name, path in cases]
    print(f"UI timer every {1000 * TICK:.0f} ms, 80x24 pty; gaps between its ticks")
    header = ("case", "loaded s", "indexed s", "longest ms", "p99 ms", "median ms", "over 100 ms")
    print(" | ".join(header))
    for name, row in rows:
        cells = [name]
        cells.extend(_cell(row[key]) for key in header[1:])
        print(" | ".join(cells))
    return 0


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)
