"""The browser with a library store: briefings read back and the index opened, not rebuilt.

The app never sees paths: the command line (cli.launch.open_library) hands it a loader and an
index source; these tests drive that pair as ``briefing PATH`` does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from harness import until_indexed
from storekit import edit, library

from briefing_tui.cli.launch import open_library
from briefing_tui.content.loader import load_library
from briefing_tui.content.problems import LoadResult
from briefing_tui.search import SearchIndex
from briefing_tui.store import in_cache, refresh_store
from briefing_tui.store.library import LibraryStore
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.picker import PickerScreen

SIZE = (80, 24)


async def ready(app: BriefingApp, pilot: object) -> SearchIndex:
    app.want_index()  # what "/" does: a fresh store's index opens on first use
    await until_indexed(app, pilot)  # type: ignore[arg-type]
    assert app.search_index is not None
    return app.search_index


def hits(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(h.briefing_id, h.target_id) for h in index.search(query).hits]


async def test_a_fresh_store_opens_without_validating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = library(tmp_path / "lib", 3)
    refresh_store(LibraryStore(in_cache(lib), lib, writable=True), pytest.fail)
    expected = SearchIndex.build(load_library(lib).library)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated a briefing")

    monkeypatch.setattr("briefing_tui.content.loader.load_briefing", refuse)
    monkeypatch.setattr("briefing_tui.cli.launch.iter_library", refuse)
    monkeypatch.setattr(SearchIndex, "build", refuse)
    warnings: list[str] = []
    loaded, source, early = open_library(lib, False, warnings)
    assert source is not None and early and warnings == []
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        index = await ready(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert sorted(app.loaded) == ["b0", "b1", "b2"]
        for query in ("gas", "word2", "kind:source"):
            assert hits(index, query) == hits(expected, query)


async def test_a_stale_store_is_refreshed_by_the_index_worker(tmp_path: Path) -> None:
    lib = library(tmp_path / "lib", 3)
    store = LibraryStore(in_cache(lib), lib, writable=True)
    refresh_store(store, pytest.fail)
    edit(lib / "b1", "word1", "zebra")
    loaded, source, early = open_library(lib, False, [])
    assert source is not None and not early
    app = BriefingApp(loaded, index_source=source)
    async with app.run_test(size=SIZE) as pilot:
        index = await ready(app, pilot)
        assert hits(index, "zebra") == [("b1", "s1.p1")]
    assert store.open_fresh() is not None  # and the next start opens it


async def test_secure_mode_without_a_store_builds_in_memory_and_writes_nothing(
    tmp_path: Path,
) -> None:
    lib = library(tmp_path / "lib", 2)
    loaded, source, early = open_library(lib, True, [])
    assert source is None and not early
    app = BriefingApp(loaded, secure=True)
    async with app.run_test(size=SIZE) as pilot:
        index = await ready(app, pilot)
        assert hits(index, "word1") == [("b1", "s1.p1")]
    assert not in_cache(lib).exists()


async def test_a_fresh_stores_index_opens_before_the_briefings_are_read(tmp_path: Path) -> None:
    import threading

    lib = library(tmp_path / "lib", 3)
    refresh_store(LibraryStore(in_cache(lib), lib, writable=True), pytest.fail)
    loaded, source, early = open_library(lib, False, [])
    assert callable(loaded) and early
    release = threading.Event()

    def slow() -> object:
        stream = loaded()
        yield next(stream)
        release.wait(timeout=10)  # the rest of the briefings are "still being read"
        yield from stream

    app = BriefingApp(slow, index_source=source, index_early=early)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        app.want_index()
        for _ in range(100):
            await pilot.pause(0.05)
            if app.search_index is not None:
                break
        assert app.search_index is not None and app.result is None
        assert [h.briefing_id for h in app.search_index.search("word2").hits] == ["b2"]
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.result is not None


async def test_a_fresh_stores_index_opens_at_the_first_search_not_at_start(
    tmp_path: Path,
) -> None:
    lib = library(tmp_path / "lib", 1)
    refresh_store(LibraryStore(in_cache(lib), lib, writable=True), pytest.fail)
    loaded, source, early = open_library(lib, False, [])
    assert early and isinstance(loaded, LoadResult)
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert app.search_index is None  # a reader who never searches never opens it
        await pilot.press("slash", *"word0")
        for _ in range(100):
            await pilot.pause(0.05)
            if "1 hit" in str(app.screen.query_one("#search-count").render()):
                break
        assert app.search_index is not None
        assert hits(app.search_index, "word0") == [("b0", "s1.p1")]


async def test_a_fresh_stores_index_opens_unasked_a_second_after_the_tabs_are_built(
    tmp_path: Path,
) -> None:
    """So the first / finds it open (opening it there was 90 ms of CPU, the slowest first key)."""
    lib = library(tmp_path / "lib", 1)
    refresh_store(LibraryStore(in_cache(lib), lib, writable=True), pytest.fail)
    loaded, source, early = open_library(lib, False, [])
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        assert app.search_index is None
        for _ in range(200):  # the idle build, then a second; nothing pressed
            await pilot.pause(0.05)
            if app.search_index is not None:
                break
        assert app.search_index is not None
        assert hits(app.search_index, "word0") == [("b0", "s1.p1")]


async def test_a_damaged_index_found_at_the_first_search_is_rebuilt(tmp_path: Path) -> None:
    lib = library(tmp_path / "lib", 2)
    store = LibraryStore(in_cache(lib), lib, writable=True)
    refresh_store(store, pytest.fail)
    warnings: list[str] = []
    loaded, source, early = open_library(lib, False, warnings)
    assert early and warnings == []
    meta = store.directory / "index" / "meta.json"
    meta.write_bytes(meta.read_bytes() + b" ")  # damaged after the start's check
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        index = await ready(app, pilot)
        assert hits(index, "word1") == [("b1", "s1.p1")]
    assert any("is not used" in line for line in warnings)
    assert store.open_fresh() is not None  # rebuilt for the next start
