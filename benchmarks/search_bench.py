"""The search benchmark: load, index build, memory and per-keystroke latency by library size.

Each size runs in a fresh Python process so that its peak RSS (``ru_maxrss``) is its own and
no cache from a smaller run helps a larger one. The parent writes the synthetic libraries to a
temporary folder, runs one child per size, and prints a Markdown table.

Per-keystroke latency: each query of :data:`QUERY_MIX` is typed one character at a time and
every prefix is searched with the TUI's result limit, as the search bar does. Each pass runs on
a freshly built index, so every pass pays for what a fresh session computes lazily; the
engine's compiled patterns are kept between passes, as in a session.
The baseline is a plain substring scan over every item's folded text (all words must occur),
with a plain excerpt cut for each of the first ``LIMIT`` matches, measured on the same
keystrokes in the same process; it does not rank, match word boundaries or report spans.
"""

from __future__ import annotations

import json
import math
import os
import platform
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.ptyrun import ROOT
from benchmarks.synth import vocabulary, write_library
from briefing_tui import gcpolicy
from briefing_tui.content.loader import load_library
from briefing_tui.content.model import Library
from briefing_tui.search import QueryError, SearchIndex, fold, parse_query

SIZES = (1, 10, 100, 1000)
#: The TUI asks for this many hits per keystroke (widgets/search_panel.py RESULT_LIMIT).
LIMIT = 200
PASSES = 3


def query_mix(language: str = "en") -> list[tuple[str, str]]:
    """(kind, query): a common word, a rare word, a phrase and a filter, as a user types them.

    In Russian the common word is typed in the nominative plural, which most of its
    occurrences are not (they are genitive and prepositional): its hits come from its forms."""
    rare = vocabulary(language)[12_345]
    if language == "ru":
        return [
            ("common word", "переговоры"),
            ("rare word", rare),
            ("phrase", '"сила сибири"'),
            ("filter", "area:power газ"),
        ]
    return [
        ("common word", "cooperation"),
        ("rare word", rare),
        ("phrase", '"power of siberia"'),
        ("filter", "area:power gas"),
    ]


def keystrokes(language: str = "en") -> list[str]:
    """Every prefix of every query in the mix, in typing order."""
    return [query[:i] for _, query in query_mix(language) for i in range(1, len(query) + 1)]


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _stats(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {"median": statistics.median(ms), "p95": _percentile(ms, 0.95), "worst": max(ms)}


def _scan_words(query: str) -> list[str]:
    """The words a plain scan looks for: quotes dropped, a filter's value taken as a word."""
    text = re.sub(r"\b[a-z]+:", " ", query.replace('"', " "))
    return fold(text).split()


def _scan(corpus: list[str], query: str, limit: int) -> list[str]:
    """The baseline: every item whose folded text holds every word, and for the first
    ``limit`` of them a plain excerpt around the first word (no ranking, no spans)."""
    words = _scan_words(query)
    hits = [text for text in corpus if all(w in text for w in words)]
    excerpts = []
    for text in hits[:limit]:
        at = text.find(words[0]) if words else 0
        excerpts.append(text[max(0, at - 50) : at + 110])
    return excerpts


def item_texts(library: Library) -> list[str]:
    """The text of every item a reader can jump to, for the baselines (not the engine's own
    documents: the baselines must not depend on the engine's inside)."""
    texts: list[str] = []
    for b in library.briefings:
        texts.append("\n".join((b.title, b.summary)))
        for section in b.sections:
            texts.append(section.title)
            for p in section.paragraphs:
                quotes = (f"{a.speaker} {a.quote or ''}" for a in p.attributions)
                texts.append("\n".join((p.label or "", p.text, p.gap or "", *quotes)))
        for a in b.agreements:
            figures = (f"{f.label} {f.text}" for f in a.figures)
            texts.append("\n".join((a.title, a.text, *figures)))
        for s in b.sources:
            texts.append("\n".join((s.title, s.note or "", *s.outlets)))
        texts.extend(f"{f.label} {f.text}" for f in b.figures)
        texts.extend(f"{e.title} {e.text}" for e in b.timeline)
        texts.extend(f"{r.actor} {r.summary}" for r in b.reactions)
    return texts


def _fts_query(text: str) -> str | None:
    """The same query in SQLite FTS5 syntax (filters become plain words); None if malformed."""
    try:
        query = parse_query(text)
    except QueryError:
        return None
    parts = []
    for term in query.terms:
        phrase = '"' + " ".join(term.words) + '"'
        parts.append(phrase + ("*" if term.prefix else ""))
    parts += ['"' + f.value.replace('"', " ") + '"' for f in query.filters if not f.negated]
    if not parts:
        return None
    match = " AND ".join(parts)
    for term in query.excluded:
        match += ' NOT "' + " ".join(term.words) + '"'
    return match


def _fts5(corpus: list[str], keys: list[str], limit: int, passes: int) -> dict[str, object]:
    """The alternative engine: SQLite FTS5 over the same items, ranked by bm25 with snippets."""
    con = sqlite3.connect(":memory:")
    t0 = time.perf_counter()
    con.execute(
        "CREATE VIRTUAL TABLE items USING fts5(body, "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    con.executemany("INSERT INTO items(rowid, body) VALUES (?, ?)", enumerate(corpus))
    con.commit()
    build_s = time.perf_counter() - t0
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(passes):
        for key in keys:
            c0, t0 = time.thread_time(), time.perf_counter()
            match = _fts_query(key)
            if match is not None:
                con.execute("SELECT count(*) FROM items WHERE items MATCH ?", (match,)).fetchone()
                con.execute(
                    "SELECT rowid, snippet(items, 0, '', '', '…', 24) FROM items "
                    "WHERE items MATCH ? ORDER BY rank LIMIT ?",
                    (match, limit),
                ).fetchall()
            wall.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
    con.close()
    return {"build_s": build_s, "wall_ms": _stats(wall), "cpu_ms": _stats(cpu)}


def measure(
    folder: Path, limit: int = LIMIT, passes: int = PASSES, language: str = "en"
) -> dict[str, object]:
    """Everything for one library size, measured in this process."""
    t0 = time.perf_counter()
    result = load_library(folder)
    load_s = time.perf_counter() - t0
    loaded_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    library = result.library
    t0 = time.perf_counter()
    with gcpolicy.bulk():  # as `briefing search` and the browser build it
        index = SearchIndex.build(library)
    build_s = time.perf_counter() - t0

    keys = keystrokes(language)
    engine: list[float] = []
    engine_cpu: list[float] = []
    for n in range(passes):
        if n:
            with gcpolicy.bulk():
                index = SearchIndex.build(library)
        for key in keys:
            c0, t0 = time.thread_time(), time.perf_counter()
            index.search(key, limit=limit)
            engine.append(time.perf_counter() - t0)
            engine_cpu.append(time.thread_time() - c0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    totals = {kind: index.search(query).total for kind, query in query_mix(language)}

    corpus = [fold(text) for text in item_texts(library)]
    scan: list[float] = []
    scan_cpu: list[float] = []
    for _ in range(passes):
        for key in keys:
            c0, t0 = time.thread_time(), time.perf_counter()
            _scan(corpus, key, limit)
            scan.append(time.perf_counter() - t0)
            scan_cpu.append(time.thread_time() - c0)

    fts5 = _fts5(corpus, keys, limit, passes)
    chars = sum(len(text) for text in corpus)
    return {
        "briefings": len(library.briefings),
        "language": language,
        "broken": len(result.broken),
        "text_kb_per_briefing": chars / 1000 / max(1, len(library.briefings)),
        "docs": index.doc_count,
        "terms": index.term_count,
        "load_s": load_s,
        "build_s": build_s,
        "peak_rss_mb": peak_kb / 1024,
        "rss_after_load_mb": loaded_kb / 1024,
        "keystrokes": len(engine),
        "engine_ms": _stats(engine),
        "engine_cpu_ms": _stats(engine_cpu),
        "scan_ms": _stats(scan),
        "scan_cpu_ms": _stats(scan_cpu),
        "fts5": fts5,
        "loadavg": os.getloadavg()[0],
        "totals": totals,
    }


def _child(folder: Path, language: str = "en") -> dict[str, object]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "search",
            "--child",
            str(folder),
            "--language",
            language,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def table(rows: list[dict[str, object]], cpu: bool = False) -> str:
    """The results as a Markdown table: wall-clock latency, or CPU time with ``cpu``."""
    engine_key, scan_key = ("engine_cpu_ms", "scan_cpu_ms") if cpu else ("engine_ms", "scan_ms")
    lines = [
        "| Briefings | Items | Load | Index build | Peak RSS (after load) "
        "| Keystroke median / p95 / worst "
        "| Substring scan median / p95 / worst | Scan ÷ engine (median; p95) | Load avg |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        e, s = row[engine_key], row[scan_key]
        assert isinstance(e, dict) and isinstance(s, dict)
        lines.append(
            f"| {row['briefings']} | {row['docs']:,} | {row['load_s']:.2f} s "
            f"| {row['build_s']:.2f} s "
            f"| {row['peak_rss_mb']:.0f} MB ({row['rss_after_load_mb']:.0f} MB) "
            f"| {e['median']:.2f} / {e['p95']:.2f} / {e['worst']:.2f} ms "
            f"| {s['median']:.2f} / {s['p95']:.2f} / {s['worst']:.2f} ms "
            f"| {s['median'] / e['median']:.1f}×; {s['p95'] / e['p95']:.1f}× "
            f"| {row['loadavg']:.1f} |"
        )
    return "\n".join(lines)


def fts5_table(rows: list[dict[str, object]]) -> str:
    """The SQLite FTS5 alternative, measured on the same items and keystrokes."""
    lines = [
        "| Briefings | FTS5 build | FTS5 keystroke median / p95 / worst (wall) "
        "| FTS5 CPU median / p95 / worst | Engine p95 (CPU) |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        fts = row["fts5"]
        engine = row["engine_cpu_ms"]
        assert isinstance(fts, dict) and isinstance(engine, dict)
        w, c = fts["wall_ms"], fts["cpu_ms"]
        lines.append(
            f"| {row['briefings']} | {fts['build_s']:.2f} s "
            f"| {w['median']:.2f} / {w['p95']:.2f} / {w['worst']:.2f} ms "
            f"| {c['median']:.2f} / {c['p95']:.2f} / {c['worst']:.2f} ms "
            f"| {engine['p95']:.2f} ms |"
        )
    return "\n".join(lines)


def machine() -> str:
    """A one-line description of where the numbers came from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def library_name(size: int, language: str = "en") -> str:
    """A synthetic library's folder name: ``lib-1000``, ``lib-ru-1000``."""
    return f"lib-{size}" if language == "en" else f"lib-{language}-{size}"


def run(
    sizes: Sequence[int],
    json_out: Path | None = None,
    language: str = "en",
    libraries: Path | None = None,
) -> int:
    """Write the libraries (or reuse ``libraries/lib-N``, read only), measure each size in its
    own process, print the table."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        for size in sizes:
            name = library_name(size, language)
            folder = libraries / name if libraries is not None else Path(tmp) / name
            if folder.is_dir():
                print(f"size {size}: reusing {folder}; measuring…", file=sys.stderr)
            else:
                folder = Path(tmp) / name
                t0 = time.perf_counter()
                write_library(folder, size, language=language)
                written = time.perf_counter() - t0
                print(
                    f"size {size}: wrote {size} briefing(s) in {written:.1f} s; measuring…",
                    file=sys.stderr,
                )
            row = _child(folder, language)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    print(f"Machine: {machine()}")
    print(f"Date: {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(
        f"Library language: {language}; query mix: "
        f"{', '.join(f'{k} {q!r}' for k, q in query_mix(language))}; "
        f"{len(keystrokes(language))} keystrokes × {PASSES} passes, limit {LIMIT}"
    )
    print()
    print("Wall-clock time per keystroke:")
    print()
    print(table(rows))
    print()
    print("CPU time of the searching thread per keystroke (insensitive to other load):")
    print()
    print(table(rows, cpu=True))
    print()
    print("SQLite FTS5 (bm25 order, snippet(), count) on the same items and keystrokes:")
    print()
    print(fts5_table(rows))
    if json_out is not None:
        json_out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0
