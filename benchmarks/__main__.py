"""``python -m benchmarks NAME``: search, engines, store, startup, keystroke, keys, stall, wide,
state."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import search_bench


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    sub = parser.add_subparsers(dest="bench", required=True)
    search = sub.add_parser("search", help="search engine: load, build, memory, keystrokes")
    search.add_argument(
        "--sizes",
        default=",".join(str(s) for s in search_bench.SIZES),
        help="library sizes in briefings, comma-separated (default 1,10,100,1000)",
    )
    search.add_argument("--json", type=Path, metavar="FILE", help="also write raw results here")
    search.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    search.add_argument(
        "--language", choices=("en", "ru"), default="en", help="synthetic briefings' language"
    )
    search.add_argument(
        "--libraries",
        type=Path,
        metavar="DIR",
        help="reuse DIR/lib-N (DIR/lib-ru-N in Russian) where present, read only",
    )
    engines = sub.add_parser("engines", help="engine choice: ours vs SQLite FTS5 vs tantivy")
    engines.add_argument(
        "--sizes", default="1,1000,10000", help="library sizes (default 1,1000,10000)"
    )
    engines.add_argument("--rounds", type=int, default=3, help="query runs per engine and size")
    engines.add_argument(
        "--libraries", type=Path, metavar="DIR", help="reuse (or keep) libraries in DIR/lib-N"
    )
    engines.add_argument("--check-size", type=int, default=20, help="briefings of the cross-check")
    engines.add_argument("--json", type=Path, metavar="FILE", help="also write raw results here")
    engines.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    store = sub.add_parser("store", help="library store vs the old path: search, build, refresh")
    store.add_argument("--sizes", default="1000", help="library sizes (default 1000)")
    store.add_argument("--repeats", type=int, default=3, help="fresh-store searches per size")
    store.add_argument(
        "--libraries", type=Path, metavar="DIR", help="reuse (or keep) libraries in DIR/lib-N"
    )
    store.add_argument(
        "--no-old-path",
        action="store_true",
        help="skip the search without a store (at 10,000 it takes minutes and gigabytes)",
    )
    store.add_argument(
        "--baseline",
        metavar="PYTHON",
        help="another checkout's interpreter (e.g. /work/main/.venv/bin/python): every step "
        "runs for it too, interleaved, as 'before'",
    )
    startup = sub.add_parser("startup", help="time to first frame and peak RSS vs bare Textual")
    startup.add_argument("--repeats", type=int, default=5, help="runs per case (default 5)")
    startup.add_argument("--library-size", type=int, default=1000, help="synthetic briefings")
    startup.add_argument("--json", type=Path, metavar="FILE", help="also write raw results here")
    startup.add_argument(
        "--library", type=Path, metavar="DIR", help="an existing library instead of a synthetic one"
    )
    startup.add_argument("--cache", type=Path, metavar="DIR", help="XDG_CACHE_HOME for briefing")
    startup.add_argument(
        "--compare", metavar="PYTHON", help="also run the briefing cases with this interpreter"
    )
    startup.add_argument(
        "--compare-cache", type=Path, metavar="DIR", help="XDG_CACHE_HOME for --compare"
    )
    keystroke = sub.add_parser("keystroke", help="search bar: keystroke to painted hit count")
    keystroke.add_argument("--library-size", type=int, default=1000, help="synthetic briefings")
    keystroke.add_argument(
        "--libraries", type=Path, metavar="DIR", help="reuse DIR/lib-N where present, read only"
    )
    keystroke.add_argument(
        "--store",
        action="store_true",
        help="build or refresh the library's store first (briefing index --cache) and take the "
        "expected counts from its index, not from one built in memory (for 10,000 briefings)",
    )
    keystroke.add_argument("--cache", type=Path, metavar="DIR", help="XDG_CACHE_HOME for briefing")
    keystroke.add_argument("--only-library", action="store_true", help="skip the bundled briefing")
    keystroke.add_argument(
        "--engine", action="store_true", help="also the engine alone per key timed (the library's)"
    )
    keystroke.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="type the queries this many times in each browser (default 1: 14-18 keys timed, "
        "so p95 is the second-worst key)",
    )
    keys = sub.add_parser("keys", help="every documented key: key to settled screen")
    keys.add_argument("--repeats", type=int, default=6, help="presses per key (default 6)")
    keys.add_argument("--cpu", action="store_true", help="also the browser's CPU time per key")
    keys.add_argument(
        "--only", default="", help="comma-separated step names to time (others are skipped)"
    )
    stall = sub.add_parser("stall", help="UI thread stalls while a library loads and indexes")
    stall.add_argument("--library-size", type=int, default=1000, help="synthetic briefings")
    stall.add_argument("--repeats", type=int, default=2, help="runs per case (default 2)")
    stall.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    wide = sub.add_parser("wide", help="search on one briefing of many small sections")
    wide.add_argument("--repeats", type=int, default=3, help="runs per size (default 3)")
    wide.add_argument("--store", action="store_true", help="through briefing index / search")
    wide.add_argument("--sizes", default="1500,3000,6000", help="sections per case")
    wide.add_argument("--baseline", metavar="PYTHON", help="with --store: another checkout too")
    state = sub.add_parser("state", help="notes and marks: UI-thread time of each change")
    state.add_argument("--repeats", type=int, default=50, help="runs per case (default 50)")
    state.add_argument("--folder", type=Path, help="where to put the database (default: /tmp)")
    ns = parser.parse_args(argv)
    if ns.bench == "state":
        from . import state_writes

        return state_writes.run(ns.repeats, ns.folder)
    if ns.bench == "wide":
        from . import wide as wide_bench

        sizes = tuple(_sizes(parser, ns.sizes))
        if ns.store:
            return wide_bench.run_store(sizes, ns.repeats, ns.baseline)
        return wide_bench.run(sizes, repeats=ns.repeats)
    if ns.bench == "stall":
        from . import stall as stall_bench

        if ns.child is not None:
            return stall_bench.child(*ns.child)
        return stall_bench.run(ns.library_size, ns.repeats)
    if ns.bench == "keys":
        from . import keys as keys_bench

        return keys_bench.run(ns.repeats, ns.cpu, ns.only)
    if ns.bench == "keystroke":
        from . import keystroke as keystroke_bench

        return keystroke_bench.run(
            ns.library_size,
            ns.libraries,
            ns.store,
            ns.cache,
            ns.only_library,
            ns.engine,
            max(1, ns.rounds),
        )
    if ns.bench == "engines":
        from . import engines as engines_bench

        if ns.child:
            return engines_bench.child_main(ns.child)
        return engines_bench.run(
            _sizes(parser, ns.sizes), ns.rounds, ns.json, ns.libraries, ns.check_size
        )
    if ns.bench == "store":
        from . import store_bench

        return store_bench.run(
            _sizes(parser, ns.sizes), ns.repeats, ns.libraries, not ns.no_old_path, ns.baseline
        )
    if ns.bench == "startup":
        from . import startup as startup_bench

        return startup_bench.run(
            ns.repeats,
            ns.library_size,
            ns.json,
            ns.library,
            ns.cache,
            ns.compare,
            ns.compare_cache,
        )
    if ns.child is not None:
        print(json.dumps(search_bench.measure(ns.child, language=ns.language)))
        return 0
    return search_bench.run(_sizes(parser, ns.sizes), ns.json, ns.language, ns.libraries)


def _sizes(parser: argparse.ArgumentParser, text: str) -> list[int]:
    try:
        return [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes: expected numbers like 1,10,100, got {text!r}")


if __name__ == "__main__":
    sys.exit(main())
