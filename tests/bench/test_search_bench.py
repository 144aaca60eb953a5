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


def test_russian_library_validates_and_its_common_word_is_found_in_other_forms(
    tmp_path: Path,
) -> None:
    """The Russian synthetic library (issue #15): valid, in Russian, and the mix's common word
    («переговоры») is found through its other forms, which the generator writes far more often."""
    assert briefing_files(7, language="ru") == briefing_files(7, language="ru")
    assert briefing_files(7, language="ru") != briefing_files(7)
    assert len(set(vocabulary("ru"))) == len(vocabulary("ru"))
    folder = write_library(tmp_path / "lib", 2, language="ru")
    result = load_library(folder)
    assert not result.broken, result.problems
    assert {b.language for b in result.library.briefings} == {"ru"}
    row = search_bench.measure(folder, passes=1, language="ru")
    assert row["keystrokes"] == len(search_bench.keystrokes("ru"))
    totals = row["totals"]
    assert isinstance(totals, dict) and totals["common word"] > 0
