"""The library store: fresh when nothing changed, and only what changed is validated again.

Each test builds a store of a small library (copies of tests/data/mini) in its temporary folder
and compares what the store answers with the in-memory path (load + SearchIndex.build).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from storekit import add_briefing, edit, library

from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex
from briefing_tui.store import LibraryStore, refresh_store

QUERIES = [
    "gas",
    "word1",
    "talks resum",
    '"talks resumed"',
    "kind:source",
    "source:wire gas",
    "-gas",
]


def answers(index: SearchIndex) -> dict[str, list[tuple[str, str, tuple[int, int]]]]:
    """Every query's hits as (briefing, target, order), in rank order."""
    out = {}
    for q in QUERIES:
        result = index.search(q)
        assert result.error is None
        out[q] = [(h.briefing_id, h.target_id, h.order) for h in result.hits]
    return out


def in_memory(root: Path) -> SearchIndex:
    return SearchIndex.build(load_library(root).library)


def stored(store: LibraryStore) -> SearchIndex:
    opened = store.open_fresh()
    assert opened is not None
    return opened.search_index()


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return library(tmp_path / "lib", 3)


@pytest.fixture
def store(tmp_path: Path, lib: Path) -> LibraryStore:
    return LibraryStore(tmp_path / "store", lib, writable=True)


def refresh(store: LibraryStore) -> tuple[int, int, int]:
    report = refresh_store(store, pytest.fail)
    return report.validated, report.removed, report.touched


def test_a_fresh_store_answers_as_the_library_does(store: LibraryStore, lib: Path) -> None:
    assert refresh(store) == (3, 0, 0)
    assert answers(stored(store)) == answers(in_memory(lib))
    assert refresh(store) == (0, 0, 0)
    opened = store.open_fresh()
    assert opened is not None
    items = [b for _, b in opened.iter_library()]
    assert items == list(load_library(lib).library.briefings)


def test_editing_one_briefing_revalidates_only_it(store: LibraryStore, lib: Path) -> None:
    refresh(store)
    edit(lib / "b1", "word1", "zebra")
    assert store.open_fresh() is None  # stale until refreshed
    assert refresh(store) == (1, 0, 0)
    index = stored(store)
    assert [h.briefing_id for h in index.search("zebra").hits] == ["b1"]
    assert index.search("word1").hits == ()
    assert answers(index) == answers(in_memory(lib))


def test_adding_deleting_and_renaming(store: LibraryStore, lib: Path) -> None:
    refresh(store)
    add_briefing(lib, "a0", "Gas talks resumed, said word9.")  # before the others in order
    assert refresh(store) == (1, 0, 0)
    assert answers(stored(store)) == answers(in_memory(lib))
    assert [h.briefing_id for h in stored(store).search("word9").hits] == ["a0"]
    shutil.rmtree(lib / "b2")
    assert refresh(store) == (0, 1, 0)
    assert stored(store).search("word2").hits == ()
    assert answers(stored(store)) == answers(in_memory(lib))
    os.rename(lib / "b0", lib / "z9")
    assert refresh(store) == (1, 1, 0)
    assert answers(stored(store)) == answers(in_memory(lib))


def test_touching_without_a_change_validates_nothing(store: LibraryStore, lib: Path) -> None:
    refresh(store)
    for path in (lib / "b1").iterdir():
        os.utime(path, ns=(1, 1))
    assert store.open_fresh() is not None  # same bytes: still fresh (the hash says so)
    assert refresh(store) == (0, 0, 1)
    assert refresh(store) == (0, 0, 0)  # the new times were recorded
    # An editor that rewrites a file with the same bytes (new inode) is the same.
    path = lib / "b2" / "sections.toml"
    text = path.read_bytes()
    path.unlink()
    path.write_bytes(text)
    assert refresh(store) == (0, 0, 1)


def test_broken_and_duplicate_briefings_are_left_out_as_the_loader_does(
    store: LibraryStore, lib: Path
) -> None:
    (lib / "b1" / "sources.toml").write_text("[[sources]\n")
    dup = add_briefing(lib, "c0")
    meta = dup / "briefing.toml"
    meta.write_text(meta.read_text().replace('id = "c0"', 'id = "b0"'))
    refresh(store)
    opened = store.open_fresh()
    assert opened is not None
    assert opened.broken_count() == 2
    expected = load_library(lib)
    items = [item for _, item in opened.iter_library()]
    assert [b for b in items if not hasattr(b, "problems")] == list(expected.library.briefings)
    assert [b for b in items if hasattr(b, "problems")] == list(expected.broken)
    assert answers(opened.search_index()) == answers(in_memory(lib))
    # Fixing the first broken one, and removing the original of the duplicate id.
    shutil.copy(lib / "b0" / "sources.toml", lib / "b1" / "sources.toml")
    shutil.rmtree(lib / "b0")
    refresh(store)
    opened = store.open_fresh()
    assert opened is not None and opened.broken_count() == 0
    assert answers(opened.search_index()) == answers(in_memory(lib))


def test_a_new_program_version_rebuilds(
    store: LibraryStore, lib: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refresh(store)
    from briefing_tui.store import library as store_library

    monkeypatch.setattr(store_library, "__version__", "999")
    assert store.open_fresh() is None
    report = refresh_store(store, pytest.fail)
    assert report.rebuilt and report.validated == 3


def test_a_damaged_row_is_validated_from_its_files_instead(store: LibraryStore, lib: Path) -> None:
    import sqlite3

    refresh(store)
    con = sqlite3.connect(store.directory / "manifest.sqlite3")
    con.execute("UPDATE briefings SET payload = x'00ff00' WHERE folder = 'b1'")
    con.commit()
    con.close()
    opened = store.open_fresh()
    assert opened is not None
    items = [b for _, b in opened.iter_library()]
    assert items == list(load_library(lib).library.briefings)


def test_many_small_refreshes_never_look_like_damage(store: LibraryStore, lib: Path) -> None:
    """Each refresh commits a small segment; tantivy merges them and deletes the merged-away
    files later, which the store must not take for damage (it rebuilt before this was fixed)."""
    refresh(store)
    index_dir = store.directory / "index"
    stray = index_dir / ("0" * 32 + ".idx")  # a merged-away file not yet collected
    stray.write_bytes(b"old")
    for n in range(12):
        edit(lib / "b0", f"word0{'x' * n}", f"word0{'x' * (n + 1)}")
        report = refresh_store(store, pytest.fail)  # fails on any "damaged" warning
        assert (report.validated, report.rebuilt) == (1, False)
        if n == 5:
            stray.unlink()
    assert [h.briefing_id for h in stored(store).search("word0xxxxxxxxxxxx").hits] == ["b0"]
    assert answers(stored(store)) == answers(in_memory(lib))


def test_the_store_opened_after_a_refresh_is_the_one_it_wrote(
    store: LibraryStore, lib: Path
) -> None:
    """open_refreshed reads the rows a writing refresh left (the refresh no longer reads them
    back itself), and gives what open_fresh gives, after a build and after each change."""

    def view(opened: object) -> tuple[object, ...]:
        assert opened is not None
        plan = opened.plan  # type: ignore[attr-defined]
        rows = {n: (r.seq, r.stat, r.hash, r.briefing_id) for n, r in plan.heads.items()}
        library = [b for _, b in opened.iter_library()]  # type: ignore[attr-defined]
        return rows, opened.indexed, library  # type: ignore[attr-defined]

    for change in (
        lambda: None,
        lambda: edit(lib / "b1", "word1", "zebra"),
        lambda: add_briefing(lib, "a0", "Gas talks resumed, said word9."),
        lambda: shutil.rmtree(lib / "b2"),
    ):
        change()
        refresh(store)
        after = view(store.open_refreshed())
        assert after == view(store.open_fresh())
        assert sorted(after[0]) == sorted(p.name for p in lib.iterdir())  # type: ignore[call-overload]
