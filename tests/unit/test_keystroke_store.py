"""The keystroke benchmark's ``--store`` counts are the ones it would get from an index built in
memory: the store's index, opened read-only as the browser opens it, answers every keystroke the
benchmark types with the same number of hits, and lists the same first briefing."""

from __future__ import annotations

from pathlib import Path

from benchmarks import keystroke
from benchmarks.synth import write_library


def test_store_counts_equal_the_in_memory_index(tmp_path: Path) -> None:
    library = write_library(tmp_path / "library", 12)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    built, built_title = keystroke.in_memory(library)
    stored, stored_title = keystroke.from_store(library, env)
    expected = keystroke.expected_counts(built)
    assert keystroke.expected_counts(stored) == expected
    assert set(expected) == {q[:e] for q in keystroke.QUERIES for e in range(1, len(q) + 1)}
    assert any(expected.values())  # the queries find something: the comparison means something
    assert stored_title == built_title
    assert any((tmp_path / "cache").rglob("manifest.sqlite3"))  # in the cache folder given
    assert not (library / ".briefing-store").exists()  # nothing written beside the library
