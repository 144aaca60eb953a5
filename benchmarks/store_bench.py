"""``python -m benchmarks store``: the library store against the old path, in the same run.

For each library size (synthetic libraries from :mod:`benchmarks.synth`, reused from
``--libraries DIR/lib-N`` when present), every step runs the real ``briefing`` command in a
fresh process, and its wall time and peak RSS (``ru_maxrss`` from ``wait4``) are recorded:

1. ``briefing search QUERY LIB`` with ``BRIEFING_NO_STORE=1``: the old path (validate the
   whole library, build the index in memory), the baseline.
2. ``briefing index --cache LIB`` with an empty cache folder: the cold build of the store.
3. ``briefing search QUERY LIB`` with that store fresh (``--repeats`` times; median and worst).
4. ``briefing index --cache LIB`` again with nothing changed (the freshness check alone).
5. One briefing's text changed, then ``briefing index --cache LIB`` (the incremental refresh),
   then ``briefing search`` (which finds the new word).
6. The same briefing's files touched without a change, then ``briefing index --cache``.
7. In a child process: open the fresh store's index as the browser does (``fresh_store``) and
   type the search benchmark's keystroke mix (53 keystrokes, :func:`search_bench.keystrokes`)
   three times, each answered with ``limit=200`` (the search bar's) and hits built with
   snippets and marks: p50 / p95 / worst per keystroke, and the child's peak RSS.

The store's size on disk is reported after step 2. Each run works on its own copy of the
library (``--libraries`` ones are copied), since steps 5 and 6 change and touch a file.

``--baseline PYTHON`` runs every step (but 1 and 7) with another checkout's interpreter too,
just before this checkout's, each with its own store: before/after in the same run, under the
same load. ``--no-old-path`` skips step 1 (at 10,000 briefings it takes minutes and 5 GB).
Wall, CPU (the process's and its worker processes') and peak RSS (its largest process).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synth import write_library

QUERY = "cooperation"


def _run(argv: list[str], env: dict[str, str], python: str = sys.executable) -> Run:
    """Wall seconds, CPU seconds (its own and its worker processes'), peak RSS in MB (the
    largest single process), exit code and stdout of one ``briefing`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [python, "-m", "briefing_tui", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=tempfile.gettempdir(),  # -m finds the interpreter's own checkout, not the cwd's
    )
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, out)


def command_env(cache: Path) -> dict[str, str]:
    """The environment a measured ``briefing`` runs in: its own cache folder (so its own
    store), and compiled bytecode kept as an installed program keeps it (in a folder of its
    own, so that no checkout is written to), even where PYTHONDONTWRITEBYTECODE is set:
    compiling our modules on every start would add ~0.1 s to every figure."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("BRIEFING_NO_STORE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "briefing-bench-pycache")
    return env


@dataclass
class Run:
    wall: float
    cpu: float
    rss: float
    code: int
    out: str


def _size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _library(size: int, keep: Path | None) -> Path:
    """A library of its own for this run: steps 5 and 6 change and touch a briefing, which
    must not disturb a shared library's other users (a kept library is copied, not used)."""
    work = Path(tempfile.mkdtemp(prefix="store-bench-"))
    folder = work / f"lib-{size}"
    kept = keep / f"lib-{size}" if keep is not None else None
    start = time.perf_counter()
    if kept is not None and kept.exists():
        shutil.copytree(kept, folder, ignore=shutil.ignore_patterns(".*"))
        print(f"copied {kept} in {time.perf_counter() - start:.1f} s", flush=True)
        return folder
    write_library(folder, size)
    print(f"wrote {size} briefings in {time.perf_counter() - start:.1f} s", flush=True)
    if kept is not None:
        shutil.copytree(folder, kept)
    return folder


def measure(
    size: int, repeats: int, keep: Path | None, old_path: bool = True, baseline: str | None = None
) -> list[tuple[str, ...]]:
    """Rows of (program, step, wall, CPU, peak RSS, note) for one library size. With
    ``baseline`` (another checkout's interpreter), every step runs for it first, then for
    this checkout, each with its own store: before and after, interleaved in one run."""
    lib = _library(size, keep)
    programs = [("before", baseline)] if baseline else []
    programs.append(("this" if baseline else "", sys.executable))
    envs = {}
    for label, _python in programs:
        cache = Path(tempfile.mkdtemp(prefix="store-bench-cache-"))
        envs[label] = command_env(cache)
    rows: list[tuple[str, ...]] = []

    def row(label: str, step: str, run: Run, note: str = "") -> None:
        rows.append(
            (label, step, f"{run.wall:.2f} s", f"{run.cpu:.1f} s", f"{run.rss:.0f} MB", note)
        )
        print(
            f"{size:>6} {label:>6}  {step:<44} {run.wall:8.2f} s {run.cpu:7.1f} s cpu "
            f"{run.rss:6.0f} MB  {note}",
            flush=True,
        )

    def each(argv: list[str]) -> list[tuple[str, Run]]:
        return [(label, _run(argv, envs[label], python)) for label, python in programs]

    expected = None
    if old_path:
        env = {**envs[programs[-1][0]], "BRIEFING_NO_STORE": "1"}
        run = _run(["search", QUERY, str(lib)], env)
        row("", "old path: search (validate + build in memory)", run, f"exit {run.code}")
        expected = run.out
    for label, run in each(["index", "--cache", str(lib)]):
        store = next((Path(envs[label]["XDG_CACHE_HOME"]) / "briefing-tui" / "stores").iterdir())
        row(label, "cold build: index --cache", run, f"store {_size(store):.0f} MB on disk")
    runs: dict[str, list[Run]] = {label: [] for label, _ in programs}
    for _ in range(repeats):
        for label, run in each(["search", QUERY, str(lib)]):
            runs[label].append(run)
            assert run.out == runs[label][0].out, "the store answered differently"
    # Between two builds (another program, the in-memory index), hits scoring exactly alike
    # may be cut at the limit in another order: tantivy orders them by document address, which
    # depends on how each build cut its segments. Said, not asserted.
    for label, _ in programs:
        same = _same_hits(expected, runs[label][0].out) if expected is not None else "first"
        print(f"{size:>6} {label:>6}  hits of {QUERY!r} against the first answer: {same}")
        expected = runs[label][0].out if expected is None else expected
    for label, _ in programs:
        walls = sorted(r.wall for r in runs[label])
        median = Run(
            statistics.median(walls),
            statistics.median(r.cpu for r in runs[label]),
            max(r.rss for r in runs[label]),
            0,
            "",
        )
        row(label, f"fresh store: search (median of {repeats})", median, f"worst {walls[-1]:.2f} s")
    for label, run in each(["index", "--cache", str(lib)]):
        row(label, "no change: index --cache", run)
    victim = sorted(p for p in lib.iterdir() if p.is_dir())[size // 2] / "sections.toml"
    original = victim.read_bytes()
    stamp = victim.stat()
    try:
        text = original.decode()
        victim.write_text(text.replace("cooperation", "zzbenchword", 1))
        for label, run in each(["index", "--cache", str(lib)]):
            row(label, "one briefing changed: index --cache", run, run.out.split(";")[1].strip())
        for label, run in each(["search", "zzbenchword", str(lib)]):
            row(label, "then search for its new word", run, f"{len(run.out.splitlines())} hit(s)")
    finally:
        victim.write_bytes(original)
        os.utime(victim, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    each(["index", "--cache", str(lib)])
    os.utime(victim, None)
    for label, run in each(["index", "--cache", str(lib)]):
        row(label, "one briefing touched: index --cache", run, run.out.split(";")[1].strip())
    env = envs[programs[-1][0]]
    code = f"from benchmarks.store_bench import keystrokes; keystrokes({str(lib)!r})"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    _, _status, usage = os.wait4(proc.pid, 0)
    run = Run(
        time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, 0, ""
    )
    row(programs[-1][0], "keystrokes on the opened store (limit 200)", run, out.strip())
    shutil.rmtree(lib.parent, ignore_errors=True)  # the copy and the stores (GBs at 10,000)
    for env in envs.values():
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    return rows


def keystrokes(library: str) -> None:
    """Child: open the fresh store and time the keystroke mix (see step 7)."""
    from benchmarks.search_bench import keystrokes as mix
    from briefing_tui.store import fresh_store

    start = time.perf_counter()
    opened = fresh_store(Path(library), False, print)
    assert opened is not None
    index = opened.search_index()
    opened_in = time.perf_counter() - start
    times = []
    for _ in range(3):
        for text in mix():
            t = time.perf_counter()
            index.search(text, limit=200)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[max(0, -(-95 * len(times) // 100) - 1)]
    print(
        f"opened in {opened_in:.3f} s; {len(times)} keystrokes p50 "
        f"{statistics.median(times):.1f} / p95 {p95:.1f} / worst {times[-1]:.1f} ms"
    )


def run(
    sizes: list[int],
    repeats: int,
    keep: Path | None,
    old_path: bool = True,
    baseline: str | None = None,
) -> int:
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
    results = {size: measure(size, repeats, keep, old_path, baseline) for size in sizes}
    print()
    print("| Briefings | Program | Step | Wall | CPU | Peak RSS | Note |")
    print("| ---: | --- | --- | ---: | ---: | ---: | --- |")
    for size, rows in results.items():
        for label, step, wall, cpu, rss, note in rows:
            print(f"| {size:,} | {label} | {step} | {wall} | {cpu} | {rss} | {note} |")
    load = os.getloadavg()
    print(f"\nload average at end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    return 0


def _same_hits(expected: str, out: str) -> str:
    """ "identical", or where two answers' hit lines first differ."""
    want, got = expected.splitlines(), out.splitlines()
    if want == got:
        return "identical"
    pairs = zip(want, got, strict=False)
    first = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(want), len(got)))
    return f"{len(want)} and {len(got)} hits, the same down to hit {first} (a tie at the cut?)"
