"""A library listed from its store: the list from the manifest before the first frame, the
folders checked after it, briefings read when opened (issue #14: 10,000 briefings).

Driven as ``briefing PATH`` drives it: ``cli.launch.open_library(..., listed=True)``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from storekit import edit, library, snapshot

from briefing_tui.cli.launch import open_library
from briefing_tui.store import LibraryStore, beside_library, in_cache, refresh_store
from briefing_tui.store.catalog import Entry, open_catalog
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.listed import Listed
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.screens.picker import SHOWN, PickerScreen

SIZE = (80, 24)


def stored(tmp_path: Path, count: int = 3) -> Path:
    lib = library(tmp_path / "lib", count)
    refresh_store(LibraryStore(in_cache(lib), lib, writable=True), pytest.fail)
    return lib


async def settled(app: BriefingApp, pilot: object) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]


def listed_ids(app: BriefingApp) -> list[str]:
    picker = app.screen
    assert isinstance(picker, PickerScreen)
    return [b.id for b in picker.briefings]


async def test_a_stored_library_is_listed_without_reading_a_briefing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = stored(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read or validated a whole briefing")

    monkeypatch.setattr("briefing_tui.content.loader.load_briefing", refuse)
    monkeypatch.setattr("briefing_tui.content.snapshot.from_plain", refuse)
    loaded, source, early = open_library(lib, False, [], listed=True)
    assert isinstance(loaded, Listed) and early
    assert all(isinstance(e, Entry) for e in loaded.first)
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        assert listed_ids(app) == ["b0", "b1", "b2"]
        assert app.screen.load_state is None  # type: ignore[attr-defined]
        monkeypatch.undo()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.briefing.id == "b1"


async def test_a_listed_librarys_index_opens_from_its_store_after_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.search import SearchIndex

    lib = stored(tmp_path)
    loaded, source, early = open_library(lib, False, [], listed=True)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("built an index")

    monkeypatch.setattr(SearchIndex, "build", refuse)
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)  # nothing typed: a library's index opens by itself
        assert app.search_index is not None
        hits = app.search_index.search("word2").hits
        assert [(h.briefing_id, h.target_id) for h in hits] == [("b2", "s1.p1")]


async def test_a_library_changed_since_its_store_is_refreshed_and_listed_again(
    tmp_path: Path,
) -> None:
    lib = stored(tmp_path)
    edit(lib / "b1", "word1", "zebra")
    loaded, source, early = open_library(lib, False, [], listed=True)
    assert isinstance(loaded, Listed)
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        app.want_index()
        await settled(app, pilot)
        assert listed_ids(app) == ["b0", "b1", "b2"]
        assert app.search_index is not None
        hits = app.search_index.search("zebra").hits
        assert [(h.briefing_id, h.target_id) for h in hits] == [("b1", "s1.p1")]
        briefing = app.loaded["b1"]
        assert "zebra" in briefing.sections[0].paragraphs[0].text
    assert LibraryStore(in_cache(lib), lib, writable=True).open_fresh() is not None


def test_a_briefing_changed_before_the_check_is_read_from_its_files(tmp_path: Path) -> None:
    lib = stored(tmp_path)
    catalog = open_catalog(lib, False)
    assert catalog is not None
    catalog.entries()
    edit(lib / "b2", "word2", "walrus")
    assert "walrus" in catalog.briefing("b2").sections[0].paragraphs[0].text
    assert "word0" in catalog.briefing("b0").sections[0].paragraphs[0].text
    assert catalog.check() is False


async def test_secure_mode_with_a_stale_store_validates_in_memory_and_writes_nothing(
    tmp_path: Path,
) -> None:
    lib = library(tmp_path / "lib", 3)
    refresh_store(LibraryStore(beside_library(lib), lib, writable=True), pytest.fail)
    edit(lib / "b0", "word0", "yak")
    before = snapshot(lib, in_cache(lib).parent)
    loaded, source, early = open_library(lib, True, [], listed=True)
    assert isinstance(loaded, Listed)
    app = BriefingApp(loaded, index_source=source, index_early=early, secure=True)
    async with app.run_test(size=SIZE) as pilot:
        app.want_index()
        await settled(app, pilot)
        assert sorted(listed_ids(app)) == ["b0", "b1", "b2"]
        assert "yak" in app.loaded["b0"].sections[0].paragraphs[0].text
        assert app.search_index is not None
        assert [h.briefing_id for h in app.search_index.search("yak").hits] == ["b0"]
    assert snapshot(lib, in_cache(lib).parent) == before


def test_one_briefing_is_not_listed(tmp_path: Path) -> None:
    lib = stored(tmp_path, 1)
    assert open_catalog(lib, False) is None


async def test_the_list_holds_at_most_a_screenful_of_pages_and_typing_narrows_it(
    tmp_path: Path,
) -> None:
    import datetime as dt

    entries = [
        Entry(f"e{n}", f"Title {n}", "en", dt.date(2025, 1, 1), None, "summary", ("tag",))
        for n in range(SHOWN + 15)
    ]
    entries.append(Entry("last", "Walrus", "en", dt.date(2025, 1, 1), None, "s", ()))
    from textual.app import App
    from textual.widgets import OptionList

    class Host(App[None]):
        CSS_PATH = BriefingApp.CSS_PATH

        def get_default_screen(self) -> PickerScreen:
            return PickerScreen(entries)

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        picker = app.screen
        assert isinstance(picker, PickerScreen)

        options = picker.query_one(OptionList)
        assert options.option_count == SHOWN
        await pilot.press(*"walrus")
        await pilot.pause()
        assert options.option_count == 1
        assert options.get_option_at_index(0).id == "last"


async def test_a_listed_briefing_broken_since_its_store_says_so_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.store.catalog import Catalog
    from briefing_tui.ui.screens.error import ErrorScreen

    lib = stored(tmp_path)
    monkeypatch.setattr(Catalog, "check", lambda self: True)  # broken after the check
    loaded, source, early = open_library(lib, False, [], listed=True)
    (lib / "b1" / "sections.toml").write_text("this is = not [valid toml\n")
    app = BriefingApp(loaded, index_source=source, index_early=early)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert app.crash is None
