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

The store's size on disk is reported after step 2. The library is restored afterwards.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synth import write_library

QUERY = "cooperation"


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS in MB, exit code, stdout) of one ``briefing`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing_tui", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode, out


def _size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _library(size: int, keep: Path | None) -> Path:
    folder = (keep or Path(tempfile.mkdtemp(prefix="store-bench-"))) / f"lib-{size}"
    if not folder.exists():
        start = time.perf_counter()
        write_library(folder, size)
        print(f"wrote {size} briefings in {time.perf_counter() - start:.1f} s", flush=True)
    return folder


def measure(size: int, repeats: int, keep: Path | None) -> list[tuple[str, str, str, str]]:
    """Rows of (step, wall, peak RSS, note) for one library size."""
    lib = _library(size, keep)
    cache = Path(tempfile.mkdtemp(prefix="store-bench-cache-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("BRIEFING_NO_STORE", None)
    rows: list[tuple[str, str, str, str]] = []

    def row(step: str, wall: float, rss: float, note: str = "") -> None:
        rows.append((step, f"{wall:.2f} s", f"{rss:.0f} MB", note))
        print(f"{size:>6}  {step:<44} {wall:8.2f} s {rss:7.0f} MB  {note}", flush=True)

    wall, rss, code, out = _run(["search", QUERY, str(lib)], {**env, "BRIEFING_NO_STORE": "1"})
    row("old path: search (validate + build in memory)", wall, rss, f"exit {code}")
    old_out = out
    wall, rss, code, _ = _run(["index", "--cache", str(lib)], env)
    store = next((cache / "briefing-tui" / "stores").iterdir())
    row("cold build: index --cache", wall, rss, f"store {_size(store):.0f} MB on disk")
    walls, rsses = [], []
    for _ in range(repeats):
        wall, rss, code, out = _run(["search", QUERY, str(lib)], env)
        walls.append(wall)
        rsses.append(rss)
        assert out == old_out, "the store answered differently from the old path"
    row(
        f"fresh store: search (median of {repeats})",
        statistics.median(walls),
        max(rsses),
        f"worst {max(walls):.2f} s; same output as the old path",
    )
    wall, rss, code, _ = _run(["index", "--cache", str(lib)], env)
    row("no change: index --cache", wall, rss)
    victim = sorted(p for p in lib.iterdir() if p.is_dir())[size // 2] / "sections.toml"
    original = victim.read_bytes()
    stamp = victim.stat()
    try:
        text = original.decode()
        victim.write_text(text.replace("cooperation", "zzbenchword", 1))
        wall, rss, code, out = _run(["index", "--cache", str(lib)], env)
        row("one briefing changed: index --cache", wall, rss, out.split(";")[1].strip())
        wall, rss, code, out = _run(["search", "zzbenchword", str(lib)], env)
        row("then search for its new word", wall, rss, f"{len(out.splitlines())} hit(s)")
    finally:
        victim.write_bytes(original)
        os.utime(victim, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    _run(["index", "--cache", str(lib)], env)
    os.utime(victim, None)
    wall, rss, code, out = _run(["index", "--cache", str(lib)], env)
    row("one briefing touched: index --cache", wall, rss, out.split(";")[1].strip())
    code = f"from benchmarks.store_bench import keystrokes; keystrokes({str(lib)!r})"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    _, _status, usage = os.wait4(proc.pid, 0)
    row(
        "keystrokes on the opened store (limit 200)",
        time.perf_counter() - start,
        usage.ru_maxrss / 1024,
        out.strip(),
    )
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


def run(sizes: list[int], repeats: int, keep: Path | None) -> int:
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
    results = {size: measure(size, repeats, keep) for size in sizes}
    print()
    print("| Briefings | Step | Wall | Peak RSS | Note |")
    print("| ---: | --- | ---: | ---: | --- |")
    for size, rows in results.items():
        for step, wall, rss, note in rows:
            print(f"| {size:,} | {step} | {wall} | {rss} | {note} |")
    load = os.getloadavg()
    print(f"\nload average at end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    return 0
