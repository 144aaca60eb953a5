"""The engine-choice benchmark (issue #14): our engine, SQLite FTS5 and tantivy on the same items.

``python -m benchmarks engines [--sizes 1,1000,10000] [--rounds N] [--libraries DIR] [--json F]``

Per library size the parent writes (or reuses, with ``--libraries``) a synthetic library, then:

1. *Build* (one child process): load the library into models once, cut it into items
   (:mod:`benchmarks.engine_items`) and write each persistent engine's index to disk: FTS5, and
   tantivy with the ``default`` tokenizer, with English+Russian stemming, and with edge n-gram
   fields for prefixes of 1-3 letters (``tantivy-pre``). Build time and size
   on disk per engine; the load time is reported apart, since every engine starts from it.
2. *Query* (a fresh child per engine, size and round, so each peak RSS is the engine's own):
   open the existing index and answer one query (what ``briefing search`` would pay with a
   fresh store), then type the keystroke mix of :mod:`benchmarks.search_bench` (every prefix
   of each query) with the TUI's result limit. Our engine persists nothing, so its "open" is
   loading the library and building the index; it is not run above :data:`OURS_MAX_SIZE`.
   Rounds run the engines interleaved (the order rotates per round) so they share the load.
3. *Cross-check* (in the parent, on a small library): for each query of :func:`check_queries`
   every engine's full hit set against ours.

The load average is recorded in every child, since the machine is shared.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.engine_adapters import (
    Fts5Searcher,
    OursSearcher,
    Searcher,
    TantivySearcher,
    fts5_build,
    search,
    tantivy_build,
)
from benchmarks.engine_items import library_items
from benchmarks.ptyrun import ROOT
from benchmarks.search_bench import LIMIT, keystrokes, machine, query_mix
from benchmarks.synth import vocabulary, write_library

SIZES = (1, 1000, 10000)
ENGINES = ("ours", "fts5", "tantivy", "tantivy-stem", "tantivy-pre")
#: Today's engine takes 74 s to load and 262 s to index 10,000 briefings (issue #14); larger
#: sizes are reported as not run rather than measured.
OURS_MAX_SIZE = 1000
#: The query a fresh ``briefing search`` answers after opening the store.
FIRST_QUERY = "cooperation"
#: tantivy variants: (tokenizer of the text fields, edge n-gram fields for short prefixes).
_TANTIVY = {
    "tantivy": ("default", False),
    "tantivy-stem": ("en_ru_stem", False),
    "tantivy-pre": ("default", True),
}


def check_queries() -> list[str]:
    """Queries of the cross-check: every feature of the language, and words that stemming or
    tokenizing would treat differently."""
    rare = vocabulary()[12_345]
    return [
        "cooperation",
        "gas pipeline",
        "coop",
        "energy sec",
        '"power of siberia"',
        "power-of-sib",
        "siberia-2",
        "gas -coal",
        '-"belt and road" road',
        "area:power gas",
        "status:agreed",
        "status:neg energy",
        "kind:figure percent",
        "-kind:paragraph trade",
        "source:tass",
        'source:"china daily" trade',
        "source:bloom",
        "source:berg",
        "section:2 trade",
        "briefing:synth-0001 nuclear",
        "москва",
        "zelensky",
        "agreements",
        "partnerships",
        rare,
    ]


# --------------------------------------------------------------------------------------------
# Children
# --------------------------------------------------------------------------------------------


def _disk_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _load(folder: Path) -> tuple[object, float]:
    from briefing_tui import gcpolicy
    from briefing_tui.content.loader import load_library

    t0 = time.perf_counter()
    with gcpolicy.bulk():
        library = load_library(folder).library
    return library, time.perf_counter() - t0


def build_child(folder: Path, out: Path) -> dict[str, object]:
    """Load the library once and write every persistent engine's index under ``out``."""
    from briefing_tui.content.model import Library

    avg0 = os.getloadavg()[0]
    library, load_s = _load(folder)
    assert isinstance(library, Library)
    t0 = time.perf_counter()
    items = library_items(library)
    items_s = time.perf_counter() - t0
    builds: dict[str, dict[str, float]] = {}
    t0 = time.perf_counter()
    path = fts5_build(items, out)
    builds["fts5"] = {"build_s": time.perf_counter() - t0, "disk_bytes": _disk_bytes(path)}
    for engine, (tokenizer, prefixes) in _TANTIVY.items():
        t0 = time.perf_counter()
        path = tantivy_build(out / engine, items, tokenizer, prefixes)
        builds[engine] = {"build_s": time.perf_counter() - t0, "disk_bytes": _disk_bytes(path)}
    return {
        "briefings": len(library.briefings),
        "items": len(items),
        "load_s": load_s,
        "items_s": items_s,
        "text_mb": sum(len(i.title) + len(i.body) for i in items) / 1e6,
        "library_bytes": _disk_bytes(folder),
        "builds": builds,
        "loadavg": max(avg0, os.getloadavg()[0]),
    }


def open_engine(engine: str, folder: Path, out: Path) -> tuple[Searcher, dict[str, float]]:
    """Open ``engine``'s existing index (ours: load and build), with ours' load/build times."""
    if engine == "fts5":
        return Fts5Searcher(out / "fts5.sqlite"), {}
    if engine in _TANTIVY:
        return TantivySearcher(out / engine, *_TANTIVY[engine]), {}
    from briefing_tui import gcpolicy
    from briefing_tui.content.model import Library
    from briefing_tui.search import SearchIndex

    library, load_s = _load(folder)
    assert isinstance(library, Library)
    t0 = time.perf_counter()
    with gcpolicy.bulk():  # as `briefing search` and the browser build it
        index = SearchIndex.build(library)
    return OursSearcher(index), {"load_s": load_s, "build_s": time.perf_counter() - t0}


def query_child(engine: str, folder: Path, out: Path) -> dict[str, object]:
    """Open, answer one query, then the keystroke mix; peak RSS of this process at the end."""
    avg0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    searcher, extra = open_engine(engine, folder, out)
    first_total, _ = search(searcher, FIRST_QUERY, LIMIT)
    open_query_s = time.perf_counter() - t0
    samples, query_samples = [], []
    for key in keystrokes():
        t0 = time.perf_counter()
        _, handles = searcher.query(key, LIMIT)
        t1 = time.perf_counter()
        searcher.fetch(handles)
        samples.append(time.perf_counter() - t0)
        query_samples.append(t1 - t0)
    totals = {kind: searcher.query(q, LIMIT)[0] for kind, q in query_mix()}
    return {
        "engine": engine,
        "open_query_s": open_query_s,
        "first_total": first_total,
        "samples_ms": [s * 1000 for s in samples],
        "query_samples_ms": [s * 1000 for s in query_samples],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "totals": totals,
        "loadavg": max(avg0, os.getloadavg()[0]),
        **extra,
    }


def _child(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "engines", "--child", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def child_main(args: Sequence[str]) -> int:
    """The children's entry: ``--child build LIB OUT`` or ``--child query ENGINE LIB OUT``."""
    if args[0] == "build":
        row = build_child(Path(args[1]), Path(args[2]))
    else:
        row = query_child(args[1], Path(args[2]), Path(args[3]))
    print(json.dumps(row))
    return 0


# --------------------------------------------------------------------------------------------
# Cross-check
# --------------------------------------------------------------------------------------------


def cross_check(folder: Path, out: Path) -> dict[str, object]:
    """Each engine's full hit set against ours, per query of :func:`check_queries`."""
    out.mkdir(parents=True, exist_ok=True)
    build_child(folder, out)
    searchers = {engine: open_engine(engine, folder, out)[0] for engine in ENGINES}
    rows = []
    for text in check_queries():
        ours = {key for key, _ in search(searchers["ours"], text, None)[1]}
        row: dict[str, object] = {"query": text, "ours": len(ours)}
        for engine in ENGINES[1:]:
            theirs = {key for key, _ in search(searchers[engine], text, None)[1]}
            row[engine] = {
                "hits": len(theirs),
                "only_ours": sorted(ours - theirs)[:3],
                "only_engine": sorted(theirs - ours)[:3],
                "missing": len(ours - theirs),
                "extra": len(theirs - ours),
                "jaccard": len(ours & theirs) / len(ours | theirs) if ours | theirs else 1.0,
            }
        rows.append(row)
    return {"briefings": len(list(folder.iterdir())), "queries": rows}


# --------------------------------------------------------------------------------------------
# The run and its tables
# --------------------------------------------------------------------------------------------


def _pct(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} KB"


def measure_size(
    size: int, lib_root: Path, work: Path, rounds: int, engines: Sequence[str]
) -> dict[str, object]:
    """Everything for one library size: build child, then the query children, interleaved."""
    folder = lib_root / f"lib-{size}"
    written_s = None
    if not folder.exists():
        t0 = time.perf_counter()
        write_library(folder, size)
        written_s = time.perf_counter() - t0
    how = "reused" if written_s is None else f"written in {written_s:.1f} s"
    _log(f"size {size}: library ready ({how}); building…")
    out = work / f"idx-{size}"
    out.mkdir(parents=True, exist_ok=True)
    build = _child("build", str(folder), str(out))
    _log(json.dumps(build))
    runs: dict[str, list[dict[str, object]]] = {e: [] for e in engines}
    for r in range(rounds):
        order = list(engines[r % len(engines) :]) + list(engines[: r % len(engines)])
        for engine in order:
            if engine == "ours" and size > OURS_MAX_SIZE:
                continue
            row = _child("query", engine, str(folder), str(out))
            runs[engine].append(row)
            brief = {k: v for k, v in row.items() if not k.endswith("samples_ms")}
            _log(f"size {size} round {r + 1}: {json.dumps(brief)}")
    return {"size": size, "written_s": written_s, "build": build, "runs": runs}


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def table(results: Sequence[dict[str, object]]) -> str:
    """One row per engine and size."""
    lines = [
        "| Briefings | Items | Engine | Build | On disk | Open + 1 query | Peak RSS "
        "| Keystroke p50 / p95 / worst | of which query p50 / p95 | Load avg |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for res in results:
        build = res["build"]
        runs = res["runs"]
        assert isinstance(build, dict) and isinstance(runs, dict)
        size, items = build["briefings"], f"{build['items']:,}"
        for engine, rows in runs.items():
            if not rows:
                lines.append(
                    f"| {size:,} | {items} | {engine} | not run (today: load 74 s, index 262 s "
                    "per issue #14) | – | – | – | – | – | – |"
                )
                continue
            samples = [s for row in rows for s in row["samples_ms"]]
            queried = [s for row in rows for s in row["query_samples_ms"]]
            opened = statistics.median(row["open_query_s"] for row in rows)
            rss = max(row["peak_rss_mb"] for row in rows)
            avg = max(row["loadavg"] for row in rows)
            if engine == "ours":
                b = statistics.median(row["build_s"] for row in rows)
                built, disk = f"{b:.2f} s (in memory)", "–"
            else:
                b_row = build["builds"][engine]
                built, disk = f"{b_row['build_s']:.2f} s", _mb(b_row["disk_bytes"])
            lines.append(
                f"| {size:,} | {items} | {engine} | {built} | {disk} | {opened:.3f} s "
                f"| {rss:.0f} MB | {statistics.median(samples):.2f} / {_pct(samples, 0.95):.2f}"
                f" / {max(samples):.2f} ms "
                f"| {statistics.median(queried):.2f} / {_pct(queried, 0.95):.2f} ms | {avg:.1f} |"
            )
    return "\n".join(lines)


def check_table(check: dict[str, object]) -> str:
    """Per query: our hit count, and per engine its count, or what it missed and added."""
    engines = ENGINES[1:]
    lines = [
        "| Query | ours | " + " | ".join(engines) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in engines) + " |",
    ]
    rows = check["queries"]
    assert isinstance(rows, list)
    for row in rows:
        cells = []
        for engine in engines:
            e = row[engine]
            same = not e["missing"] and not e["extra"]
            cells.append(
                f"{e['hits']} =" if same else f"{e['hits']} (−{e['missing']} +{e['extra']})"
            )
        lines.append(f"| `{row['query']}` | {row['ours']} | " + " | ".join(cells) + " |")
    agree = []
    for engine in engines:
        same = sum(1 for r in rows if not r[engine]["missing"] and not r[engine]["extra"])
        mean = statistics.mean(r[engine]["jaccard"] for r in rows)
        agree.append(f"{same}/{len(rows)} queries identical, mean Jaccard {mean:.1%}")
    lines.append("| **agreement** | | " + " | ".join(agree) + " |")
    return "\n".join(lines)


def run(
    sizes: Sequence[int],
    rounds: int = 3,
    json_out: Path | None = None,
    libraries: Path | None = None,
    check_size: int = 20,
    engines: Sequence[str] = ENGINES,
) -> int:
    """Measure every size and engine, cross-check on a small library, print the tables."""
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    with tempfile.TemporaryDirectory(prefix="briefing-engines-") as tmp:
        work = Path(tmp)
        lib_root = libraries or work / "libs"
        results = [measure_size(s, lib_root, work, rounds, engines) for s in sizes]
        check_lib = write_library(work / "check-lib", check_size)
        check = cross_check(check_lib, work / "check-idx")
    print(f"Machine: {machine()}; load average at the end {os.getloadavg()[0]:.2f}")
    print(f"Started: {started}; rounds per engine and size: {rounds}")
    print(
        f"Keystroke mix: {', '.join(repr(q) for _, q in query_mix())}: "
        f"{len(keystrokes())} keystrokes per round, limit {LIMIT}; open + 1 query: "
        f"{FIRST_QUERY!r}"
    )
    for res in results:
        b = res["build"]
        assert isinstance(b, dict)
        written = "" if res["written_s"] is None else f"written in {res['written_s']:.1f} s, "
        print(
            f"{b['briefings']:,} briefings: library {written}{_mb(b['library_bytes'])} of TOML, "
            f"{b['text_mb']:.1f} MB of indexed text; load into models {b['load_s']:.2f} s, "
            f"cut into items {b['items_s']:.2f} s (before every engine's build)"
        )
    print()
    print(table(results))
    print()
    print(f"Cross-check on {check['briefings']} briefings: hits of each engine vs ours")
    print()
    print(check_table(check))
    if json_out is not None:
        json_out.write_text(
            json.dumps({"results": results, "check": check}, indent=1) + "\n", encoding="utf-8"
        )
    return 0
