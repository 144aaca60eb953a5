"""The benchmark's own parts: the synthetic generator is deterministic and valid, the FTS5
query translation is right, and one measurement runs end to end."""

from __future__ import annotations

from pathlib import Path

from benchmarks import search_bench
from benchmarks.synth import briefing_files, vocabulary, write_library
from briefing_tui.content.loader import load_library


def test_generator_is_deterministic() -> None:
    assert briefing_files(7) == briefing_files(7)
    assert briefing_files(7) != briefing_files(8)
    assert vocabulary()[:3] == ["the", "of", "and"]
    assert len(set(vocabulary())) == len(vocabulary())


def test_generated_briefings_validate_and_are_sized_like_the_real_one(tmp_path: Path) -> None:
    result = load_library(write_library(tmp_path / "lib", 3))
    assert not result.broken, result.problems
    briefing = result.library.briefings[0]
    text = sum(len(p.text) for _, p in briefing.paragraphs())
    assert 15_000 < text < 35_000
    assert (len(briefing.sections), len(briefing.agreements), len(briefing.sources)) == (5, 13, 14)


def test_fts5_query_translation() -> None:
    assert search_bench._fts_query('gas "power of" -coal area:power') == (
        '"gas" AND "power of" AND "power" NOT "coal"'
    )
    assert search_bench._fts_query("coope") == '"coope"*'
    assert search_bench._fts_query('"unclosed') is None


def test_measure_one_briefing(tmp_path: Path) -> None:
    row = search_bench.measure(write_library(tmp_path / "lib", 1), passes=1)
    assert row["briefings"] == 1 and row["broken"] == 0
    assert row["keystrokes"] == len(search_bench.keystrokes())
    engine = row["engine_ms"]
    assert isinstance(engine, dict) and 0 < engine["median"] <= engine["p95"] <= engine["worst"]
    assert "fts5" in row and "scan_ms" in row
    assert "| 1 |" in search_bench.table([row])
