"""Start-up benchmark: time to the first frame with content, and peak memory, in a real pty.

``python -m benchmarks startup`` runs, in one go and interleaved so machine noise hits
all alike: a bare Textual app (one Static, the baseline), the same app after importing pydantic
and building the validators of our content files (the floor for any first frame of content
validated at start), ``briefing`` on the bundled briefing, the browser on the bundled briefing
rebuilt from a snapshot (plain data written by this benchmark, read with ``from_plain``: no
pydantic before the first frame), and ``briefing`` on a 1000-briefing synthetic library. Each
run is a fresh process on its own pseudo-terminal (80x24, TERM=xterm-256color) whose queries
nobody answers, as with a remote terminal that ignores them; the clock starts just before
``fork`` and stops when the expected text has been written to the terminal. Peak RSS is the
child's ``ru_maxrss`` after it quits.

For the library the mark is the first briefing's title in the picker: the first briefing is
validated before the app starts and the rest stream in from a worker after the first frame.
"""

from __future__ import annotations

import json
import marshal
import os
import select
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.ptyrun import drain, spawn
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.content.snapshot import to_plain

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Bare Textual baseline")

Bare().run()
"""

#: The floor: the bare app after importing pydantic and building the validators of our content
#: files, set up as ``briefing`` does (collection paused, pydantic plugins off). Any first frame
#: showing content validated at start pays at least this; it loads and draws nothing of ours.
FLOOR_APP = (
    "import os\nos.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
    "from briefing_tui import gcpolicy\ngcpolicy.pause()\n"
    "from pydantic import TypeAdapter\nfrom briefing_tui.content.model import CONTENT_FILES\n"
    "validators = [TypeAdapter(model) for model in CONTENT_FILES.values()]\n" + BARE_APP
)

#: The browser on a briefing rebuilt from a snapshot (``marshal`` of ``to_plain``, argv[1]),
#: started as ``briefing`` starts it (collection paused, output forced to UTF-8) but without
#: validating anything: what the library store's fresh snapshot gives. It skips the ``--state``
#: check (``tui_state``), as the snapshot is about content.
SNAPSHOT_APP = """
import marshal, os, sys
os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'
from briefing_tui import gcpolicy
gcpolicy.pause()
from briefing_tui.cli.launch import force_utf8_output
from briefing_tui.content.model import Library
from briefing_tui.content.problems import LoadResult
from briefing_tui.content.snapshot import from_plain
with open(sys.argv[1], 'rb') as file:
    library = LoadResult(Library(briefings=(from_plain(marshal.load(file)),)))
force_utf8_output()
from briefing_tui.ui.app import BriefingApp
BriefingApp(library).run()
"""

TIMEOUT = 30.0


@dataclass
class Run:
    """One process start: seconds to each mark (None if never seen) and peak RSS in MiB."""

    name: str
    marks: dict[str, float | None]
    peak_rss_mib: float


def measure(name: str, argv: list[str], marks: dict[str, str], settle: float = 0.3) -> Run:
    """Start ``argv`` on a new pty; time each text in ``marks`` reaching the screen; quit."""
    start = time.perf_counter()
    pid, fd = spawn(argv)
    seen: dict[str, float | None] = {label: None for label in marks}
    output = b""
    deadline = start + TIMEOUT
    while any(v is None for v in seen.values()) and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        now = time.perf_counter() - start
        output += chunk
        for label, needle in marks.items():
            if seen[label] is None and needle.encode() in output:
                seen[label] = now
    drain(fd, settle)
    os.write(fd, b"\x11")  # ctrl+q: quits the bare app and the browser alike
    drain(fd, 2.0)
    try:
        done, _status, usage = os.wait4(pid, os.WNOHANG)
        if done == 0:  # still running after ctrl+q: not expected, but never hang the benchmark
            os.kill(pid, signal.SIGKILL)
            _done, _status, usage = os.wait4(pid, 0)
    finally:
        os.close(fd)
    return Run(name, seen, usage.ru_maxrss / 1024)


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if len(present) == len(values) and present else None


def run(repeats: int = 5, library_size: int = 1000, json_path: Path | None = None) -> int:
    """Measure and print a table with ratios to the bare app; optionally write raw JSON.

    Exits 1 when a mark was never seen: a figure that was not measured is not printed.
    """
    from benchmarks.synth import write_library

    python = sys.executable
    briefing = [python, "-m", "briefing_tui"]
    single_title = "Xi Jinping's visit to Russia (May 2025)"
    with tempfile.TemporaryDirectory(prefix="bt-bench-") as tmp:
        library = write_library(Path(tmp) / "library", library_size)
        from benchmarks.synth import briefing_files

        first_title = _toml_title(briefing_files(0)["briefing.toml"])
        snapshot = Path(tmp) / "bundled.snapshot"
        (bundled,) = load_library(bundled_content_path()).library.briefings
        snapshot.write_bytes(marshal.dumps(to_plain(bundled)))
        cases = [
            ("bare textual", [python, "-c", BARE_APP], {"first frame": "Bare Textual baseline"}),
            ("bare + models (floor)", [python, "-c", FLOOR_APP],
             {"first frame": "Bare Textual baseline"}),
            ("bundled briefing", [*briefing, str(bundled_content_path())],
             {"first frame": single_title}),
            ("bundled from snapshot", [python, "-c", SNAPSHOT_APP, str(snapshot)],
             {"first frame": single_title}),
            (f"{library_size}-briefing library", [*briefing, str(library)],
             {"first frame": first_title[:30]}),
        ]  # fmt: skip
        runs: dict[str, list[Run]] = {name: [] for name, _, _ in cases}
        measure("warm-up", [python, "-c", BARE_APP], {"first frame": "Bare Textual baseline"})
        for _ in range(repeats):
            for name, argv, marks in cases:
                runs[name].append(measure(name, argv, marks))

    summary = {}
    for name, results in runs.items():
        labels = results[0].marks.keys()
        summary[name] = {
            **{label: _median([r.marks[label] for r in results]) for label in labels},
            "peak RSS MiB": statistics.median(r.peak_rss_mib for r in results),
        }
    _print(summary, repeats)
    if json_path is not None:
        raw = {name: [asdict(r) for r in rs] for name, rs in runs.items()}
        json_path.write_text(json.dumps({"summary": summary, "runs": raw}, indent=2))
    missing = [name for name, values in summary.items() if values["first frame"] is None]
    if missing:
        print(f"never on screen within {TIMEOUT:.0f} s: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


def _toml_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("title = "):
            return json.loads(line.removeprefix("title = "))
    raise ValueError("no title")


def _print(summary: dict[str, dict[str, float | None]], repeats: int) -> None:
    bare = summary["bare textual"]
    bare_frame, bare_rss = bare["first frame"], bare["peak RSS MiB"]
    print(f"medians of {repeats} runs, 80x24 pty, TERM=xterm-256color")
    print(f"{'case':28} {'mark':14} {'seconds':>8} {'× bare':>7} {'RSS MiB':>8} {'× bare':>7}")
    for name, values in summary.items():
        rss = values["peak RSS MiB"]
        for label, seconds in values.items():
            if label == "peak RSS MiB":
                continue
            ratio = f"{seconds / bare_frame:.2f}" if seconds and bare_frame else "-"
            secs = f"{seconds:.3f}" if seconds is not None else "never"
            rss_ratio = f"{rss / bare_rss:.2f}" if rss and bare_rss else "-"
            print(f"{name:28} {label:14} {secs:>8} {ratio:>7} {rss or 0:8.1f} {rss_ratio:>7}")
    single = summary["bundled briefing"]["first frame"]
    for name, values in summary.items():
        value = values["first frame"]
        if name.endswith("library") and single and value:
            print(f"{name} first frame / bundled briefing first frame: {value / single:.2f}")
