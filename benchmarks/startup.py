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

For the library the mark is the first briefing's title in the picker (from the store's list
when the library has a fresh store; otherwise the first briefing validated before the app
starts). Each run is preceded by one unmeasured run per case, so every measured start finds
the stores it would find on a second start.

Beside the wall clock, the main thread's CPU time at the first frame (``/proc/PID/schedstat``):
on a machine shared with other work the wall clock of every case grows with the load, the CPU
time much less, so its ratio to the bare app's is the steadier one there.

The "… search" cases measure search readiness: once the first frame is on screen the benchmark
types what a reader would (for a library: Enter on the first briefing, then, when its tabs are
drawn, ``/gas``) and times the hit count reaching the screen, from the first frame. RSS is
reported two ways: at the first frame (``VmHWM`` read from /proc then), and peak over the run
(``ru_maxrss``: the start, 0.3 s after, and the search where there is one). Before the runs,
``briefing index --cache`` builds or refreshes the stores of the bundled briefing and of the
library, so every start measured is a start with a fresh store.

``--compare PYTHON`` adds the briefing cases run by another interpreter (``-P``: the checkout
of that interpreter's install, e.g. the main branch's venv) with its own cache folder
(``--compare-cache``), interleaved with these: before/after figures from the same runs.
"""

from __future__ import annotations

import json
import marshal
import os
import re
import select
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.ptyrun import ROOT, drain, spawn
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
#: What the hit count looks like once a search has answered.
HITS = rb"\d+ hits?"
#: The briefing screen is up (its tab strip).
TABS = rb"2 Report"


@dataclass
class Run:
    """One process start: seconds to each mark (None if never seen), RSS at the first frame and
    peak RSS in MiB."""

    name: str
    marks: dict[str, float | None]
    peak_rss_mib: float
    frame_rss_mib: float | None = None
    frame_cpu_s: float | None = None


@dataclass
class Case:
    """What to start, what marks its first frame, and what to type after it."""

    name: str
    argv: list[str]
    frame: str
    #: After the first frame: (keys, label, regex) in turn, each waiting for the one before.
    steps: list[tuple[bytes, str, bytes]] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)


def _cpu(pid: int) -> float | None:
    """Seconds the process's main thread has been on a CPU (``/proc/PID/schedstat``, in ns):
    up to the first frame nearly all the work is that thread's, and unlike the wall clock it
    does not grow with the machine's load."""
    try:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def _hwm(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def measure(case: Case, settle: float = 0.3) -> Run:
    """Start the case on a new pty; time its first frame and each step; quit."""
    start = time.perf_counter()
    pid, fd = spawn(case.argv, **case.env)
    waits = [("first frame", re.escape(case.frame.encode()))]
    waits += [(label, needle) for _keys, label, needle in case.steps]
    keys = [b""] + [k for k, _label, _needle in case.steps]
    seen: dict[str, float | None] = {label: None for label, _ in waits}
    frame_rss = frame_cpu = None
    output = b""
    deadline = start + TIMEOUT
    step = 0
    while step < len(waits) and time.perf_counter() < deadline:
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
        label, needle = waits[step]
        if re.search(needle, output):
            seen[label] = now
            if step == 0:
                frame_rss, frame_cpu = _hwm(pid), _cpu(pid)
            step += 1
            output = b""
            if step < len(waits):
                os.write(fd, keys[step])
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
    return Run(case.name, seen, usage.ru_maxrss / 1024, frame_rss, frame_cpu)


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if len(present) == len(values) and present else None


def run(
    repeats: int = 5,
    library_size: int = 1000,
    json_path: Path | None = None,
    library_path: Path | None = None,
    cache: Path | None = None,
    compare: str | None = None,
    compare_cache: Path | None = None,
) -> int:
    """Measure and print a table with ratios to the bare app; optionally write raw JSON.

    Exits 1 when a mark was never seen: a figure that was not measured is not printed.
    """
    from benchmarks.synth import briefing_files, write_library

    python = sys.executable
    briefing = [python, "-m", "briefing_tui"]
    single_title = "Xi Jinping's visit to Russia (May 2025)"
    if cache is None and os.environ.get("XDG_CACHE_HOME"):
        cache = Path(os.environ["XDG_CACHE_HOME"])  # where `briefing index` below writes
    env = {"XDG_CACHE_HOME": str(cache)} if cache is not None else {}
    with tempfile.TemporaryDirectory(prefix="bt-bench-") as tmp:
        # A notes database of the benchmark's own: with the analyst's, a start reopens where
        # the analyst last read (another tab built after the first frame: 1.5 MiB more at the
        # peak, start-up probe), so the figures depended on the last session.
        env = {**env, "XDG_STATE_HOME": str(Path(tmp) / "state")}
        if library_path is None:
            library = write_library(Path(tmp) / "library", library_size)
            first_title = _toml_title(briefing_files(0)["briefing.toml"])
        else:
            library = library_path
            first = sorted(p for p in library.iterdir() if (p / "briefing.toml").is_file())[0]
            first_title = _toml_title((first / "briefing.toml").read_text())
            library_size = sum(1 for p in library.iterdir() if (p / "briefing.toml").is_file())
        snapshot = Path(tmp) / "bundled.snapshot"
        (bundled,) = load_library(bundled_content_path()).library.briefings
        snapshot.write_bytes(marshal.dumps(to_plain(bundled)))
        lib_name = f"{library_size}-briefing library"
        search = [(b"/gas", "search usable", HITS)]
        open_search = [(b"\r", "briefing open", TABS), *search]
        cases = [
            Case("bare textual", [python, "-c", BARE_APP], "Bare Textual baseline"),
            Case("bare + models (floor)", [python, "-c", FLOOR_APP], "Bare Textual baseline"),
        ]
        bundled_path = str(bundled_content_path())
        runners = [("", briefing, env)]
        if compare is not None:
            before_env = {"XDG_CACHE_HOME": str(compare_cache)} if compare_cache else {}
            before_env["XDG_STATE_HOME"] = str(Path(tmp) / "state-before")
            runners.append((" (before)", [compare, "-P", "-m", "briefing_tui"], before_env))
        for suffix, argv, run_env in runners:
            cases += [
                Case(f"bundled briefing{suffix}", [*argv, bundled_path], single_title, env=run_env),
                Case(f"bundled, search{suffix}", [*argv, bundled_path], single_title, search,
                     run_env),
                Case(f"{lib_name}{suffix}", [*argv, str(library)], first_title[:30], env=run_env),
                Case(f"library, search{suffix}", [*argv, str(library)], first_title[:30],
                     open_search, run_env),
            ]  # fmt: skip
        cases.append(
            Case("bundled from snapshot", [python, "-c", SNAPSHOT_APP, str(snapshot)], single_title)
        )
        for _suffix, argv, run_env in runners:  # every start then finds a fresh store
            for target in (bundled_path, str(library)):
                _index(argv, target, run_env)
        runs: dict[str, list[Run]] = {case.name: [] for case in cases}
        for case in cases:  # warm-up: stores built or refreshed, caches warm
            measure(case)
        for _ in range(repeats):
            for case in cases:
                runs[case.name].append(measure(case))

    summary: dict[str, dict[str, float | None]] = {}
    for name, results in runs.items():
        labels = results[0].marks.keys()
        frame_rss = [r.frame_rss_mib for r in results]
        summary[name] = {
            **{label: _median([r.marks[label] for r in results]) for label in labels},
            "RSS at frame MiB": _median(frame_rss),
            "CPU at frame s": _median([r.frame_cpu_s for r in results]),
            "peak RSS MiB": statistics.median(r.peak_rss_mib for r in results),
        }
    _print(summary, repeats)
    if json_path is not None:
        raw = {name: [asdict(r) for r in rs] for name, rs in runs.items()}
        json_path.write_text(json.dumps({"summary": summary, "runs": raw}, indent=2))
    missing = [
        f"{name}: {label}"
        for name, values in summary.items()
        for label, value in values.items()
        if value is None
    ]
    if missing:
        print(f"never on screen within {TIMEOUT:.0f} s: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


def _index(argv: list[str], library: str, env: dict[str, str]) -> None:
    """``briefing index --cache LIBRARY`` as the measured starts will run it."""
    import subprocess

    full_env = {**os.environ, **env}
    subprocess.run(
        [*argv, "index", "--cache", library], env=full_env, cwd=ROOT, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def _toml_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("title = "):
            return json.loads(line.removeprefix("title = "))
    raise ValueError("no title")


def _print(summary: dict[str, dict[str, float | None]], repeats: int) -> None:
    bare = summary["bare textual"]
    bare_frame, bare_rss = bare["first frame"], bare["peak RSS MiB"]
    print(f"medians of {repeats} runs, 80x24 pty, TERM=xterm-256color")
    bare_cpu = bare["CPU at frame s"]
    head = f"{'case':34} {'first frame':>11} {'× bare':>6} {'CPU@frame':>9} {'× bare':>6}"
    print(f"{head} {'RSS@frame':>9} {'peak RSS':>8} {'× bare':>6}  after the first frame")
    for name, values in summary.items():
        frame, rss = values["first frame"], values["peak RSS MiB"]
        at_frame = values["RSS at frame MiB"]
        cpu = values["CPU at frame s"]
        cpu_cells = (
            f"{cpu:9.3f} {cpu / bare_cpu:6.2f}" if cpu and bare_cpu else f"{'-':>9} {'-':>6}"
        )
        ratio = f"{frame / bare_frame:.2f}" if frame and bare_frame else "-"
        rss_ratio = f"{rss / bare_rss:.2f}" if rss and bare_rss else "-"
        secs = f"{frame:.3f}" if frame is not None else "never"
        shown_at = f"{at_frame:.1f}" if at_frame is not None else "-"
        after = ", ".join(
            f"{label} +{(value - frame):.3f} s" if value is not None and frame else f"{label} never"
            for label, value in values.items()
            if label not in ("first frame", "RSS at frame MiB", "CPU at frame s", "peak RSS MiB")
        )
        print(
            f"{name:34} {secs:>11} {ratio:>6} {cpu_cells} {shown_at:>9} {rss or 0:8.1f} "
            f"{rss_ratio:>6}  {after}"
        )
    for suffix in ("", " (before)"):
        single = summary.get(f"bundled briefing{suffix}", {}).get("first frame")
        for name, values in summary.items():
            value = values["first frame"]
            if name.endswith(f"library{suffix}") and single and value:
                print(f"{name} first frame / bundled briefing{suffix} first frame: "
                      f"{value / single:.2f}")  # fmt: skip
