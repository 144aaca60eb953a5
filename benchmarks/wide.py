"""``python -m benchmarks wide``: search cost on a briefing of many small sections.

The shape behind issue #12 finding 9: an 800 KB ``sections.toml`` of 6,000 one-paragraph
sections made ``briefing search zzzz`` take ~4 s, because the filter index found each
document's section, agreement and source by scanning all of its briefing's. Cost should grow
with the number of sections, not with its square: the report gives each size's time and its
ratio to the size before (about 2.0 when linear, 4.0 when quadratic).

``--store`` measures the same briefings through the library store instead, as a user meets
them: a cold ``briefing index --cache`` and a ``briefing search`` with the store fresh, each a
fresh process (so each figure includes start-up, ~0.3 s).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

#: Sections per case; each has one paragraph, and there is one agreement per three sections.
SIZES = (1500, 3000, 6000)

_BRIEFING = """\
id = "wide"
title = "Wide briefing"
start = 2025-01-01
end = 2025-01-03
photo_caption = "A caption."
summary = "Many small sections."
tags = ["benchmark"]
"""

_SOURCES = """\
heading = "Sources"

[[sources]]
id = "ministry"
title = "Statements of the ministry"
kind = "official"
outlets = ["Ministry"]
in_report_list = true

[[sources]]
id = "wire"
title = "Wire reports"
kind = "agency"
outlets = ["Wire One"]
in_report_list = true
"""

_OVERVIEW = """\
[[timeline]]
date = 2025-01-02
title = "Talks"
text = "Gas talks resumed."
refs = ["s1.p1"]
"""

_AGREEMENTS_HEAD = """\
after_section = "s1"
intro = "The table below lists the agreements."
area_heading = "Area"
items_heading = "Agreements"
note = "Generated."

[[areas]]
id = "energy"
title = "Energy"

[[areas]]
id = "trade"
title = "Trade"
"""


def write_wide_briefing(folder: Path, sections: int, agreements: int) -> Path:
    """Write a valid briefing with ``sections`` one-paragraph sections and ``agreements``."""
    folder.mkdir(parents=True)
    (folder / "briefing.toml").write_text(_BRIEFING, encoding="utf-8")
    (folder / "sources.toml").write_text(_SOURCES, encoding="utf-8")
    (folder / "overview.toml").write_text(_OVERVIEW, encoding="utf-8")
    rows: list[str] = []
    for s in range(1, sections + 1):
        rows += [
            "[[sections]]",
            f'id = "s{s}"',
            f'title = "Section {s}"',
            "[[sections.paragraphs]]",
            f'id = "s{s}.p1"',
            f'text = "Talks {s} on gas."',
            'sources = ["ministry"]',
        ]
    (folder / "sections.toml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = [_AGREEMENTS_HEAD]
    for a in range(1, agreements + 1):
        items += [
            "[[agreements]]",
            f'id = "agreement-{a}"',
            f'area = "{("energy", "trade")[a % 2]}"',
            f'title = "Agreement {a}"',
            f'text = "Agreement {a} on gas supplies."',
            'status = "negotiation"',
            'sources = ["wire"]',
            "",
        ]
    (folder / "agreements.toml").write_text("\n".join(items), encoding="utf-8")
    return folder


def measure(sections: int, repeats: int = 3) -> dict[str, float]:
    """Median seconds to build the index and to run filter queries, on a fresh briefing."""
    from briefing_tui.content.loader import load_library
    from briefing_tui.search import SearchIndex

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_wide_briefing(Path(tmp) / "wide", sections, sections // 3)
        result = load_library(folder)
    assert not result.problems, result.problems[:3]
    library = result.library
    builds, queries = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        index = SearchIndex.build(library)
        builds.append(time.perf_counter() - started)
        started = time.perf_counter()
        for query in ("zzzz", f"section:s{sections} gas", "area:energy status:neg gas"):
            index.search(query)
        queries.append(time.perf_counter() - started)
    return {"build": statistics.median(builds), "queries": statistics.median(queries)}


def measure_store(
    sections: int, repeats: int = 3, python: str = sys.executable
) -> dict[str, float]:
    """Through the library store, as a user meets it: median wall seconds of a cold
    ``briefing index --cache`` and of ``briefing search`` with that store fresh, each in a
    fresh process."""
    import shutil

    from benchmarks.store_bench import _run, command_env

    builds, searches = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_wide_briefing(Path(tmp) / "lib" / "wide", sections, sections // 3)
        env = command_env(Path(tmp) / "cache")
        for _ in range(repeats):
            shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)
            run = _run(["index", "--cache", str(folder.parent)], env, python)
            assert run.code == 0, run.out
            builds.append(run.wall)
            run = _run(["search", f"section:s{sections} gas", str(folder.parent)], env, python)
            assert run.code == 0 and run.out.count("\n") == 1, run.out
            searches.append(run.wall)
    return {"build": statistics.median(builds), "search": statistics.median(searches)}


def run_store(sizes: tuple[int, ...] = SIZES, repeats: int = 3, baseline: str | None = None) -> int:
    """The same briefings through ``briefing index`` and ``briefing search`` (the store);
    with ``baseline`` (another checkout's interpreter), each size for it first, then ours."""
    import os

    load = os.getloadavg()
    print(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
    print(
        "| program | sections | agreements | index --cache s | x previous | search s | x previous |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    programs = [("before", baseline)] if baseline else []
    programs.append(("this" if baseline else "", sys.executable))
    previous: dict[str, dict[str, float]] = {}
    for size in sizes:
        for label, python in programs:
            result = measure_store(size, repeats, python)
            last = previous.get(label)
            shown = {k: (f"{result[k] / last[k]:.2f}" if last else "") for k in result}
            print(
                f"| {label} | {size} | {size // 3} | {result['build']:.2f} | {shown['build']} "
                f"| {result['search']:.2f} | {shown['search']} |",
                flush=True,
            )
            previous[label] = result
    load = os.getloadavg()
    print(f"load average at end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    return 0


def run(sizes: tuple[int, ...] = SIZES, repeats: int = 3) -> int:
    print("| sections | agreements | index build s | x previous | 3 queries s | x previous |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    previous: dict[str, float] | None = None
    for size in sizes:
        result = measure(size, repeats)
        ratio = {k: (result[k] / previous[k] if previous else 0.0) for k in result}
        shown = {k: (f"{ratio[k]:.2f}" if previous else "") for k in result}
        print(
            f"| {size} | {size // 3} | {result['build']:.3f} | {shown['build']} "
            f"| {result['queries']:.4f} | {shown['queries']} |"
        )
        previous = result
    return 0
