"""Pilot tests of the whole app on the bundled briefing: tabs, keys, pane, history, --goto."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from harness import until_indexed

from briefing_tui import gcpolicy
from briefing_tui.content.loader import iter_library, load_library
from briefing_tui.content.model import Briefing
from briefing_tui.content.problems import BrokenBriefing, LoadResult
from briefing_tui.ui import app as app_module
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.screens.error import ErrorScreen
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.screens.picker import PickerScreen
from briefing_tui.ui.widgets.attribution import ASSESSMENT_NOTICE, AttributionPane
from briefing_tui.ui.widgets.reader import Reader
from briefing_tui.ui.widgets.tab_strip import TabStrip
from briefing_tui.ui.widgets.tab_views import tab_titles

SMALL = (80, 24)
WIDE = (160, 48)


def screen_of(app: BriefingApp) -> BriefingScreen:
    assert isinstance(app.screen, BriefingScreen), app.screen
    return app.screen


def reader_at(app: BriefingApp) -> str | None:
    return app.screen.query_one(Reader).current_target()


def pane_text(app: BriefingApp) -> str:
    return app.screen.query_one(AttributionPane).plain_text


def active_tab(app: BriefingApp) -> str | None:
    return app.screen.active_tab


async def test_opens_on_report_at_first_paragraph(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert active_tab(app) == "report"
        assert reader_at(app) == "s1.p1"
        assert isinstance(app.focused, Reader)
        assert app.crash is None


async def test_first_frame_resumes_paused_garbage_collection(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command pauses collection for start-up (gcpolicy); the app's Ready brings it back,
    frozen. (No background work here: the index worker would freeze on its own.)"""
    monkeypatch.setattr(BriefingApp, "_after_load", lambda self, result: None)
    was_enabled = gc.isenabled()
    gc.enable()
    gc.unfreeze()
    gcpolicy.pause()
    try:
        app = BriefingApp(bundled)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
    finally:
        gcpolicy.resume()
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


@pytest.mark.parametrize(("size", "expected"), [(SMALL, "-narrow"), (WIDE, "-wide")])
async def test_width_class_is_set_before_the_first_frame(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], expected: str
) -> None:
    """Set at compose, not by the first Resize: so the first frame already has the wide
    layout's outline and pane, and the text is not wrapped a second time for it."""
    seen: dict[str, set[str]] = {}

    class Probe(BriefingScreen):
        def on_mount(self) -> None:
            # BriefingScreen.on_mount runs too: Textual calls each class's handler in the MRO.
            seen["classes"] = set(self.classes)

    monkeypatch.setattr(app_module, "BriefingScreen", Probe)
    app = BriefingApp(bundled)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Probe)
        assert seen["classes"] & {"-narrow", "-wide"} == {expected}
        assert app.screen.query_one("#outline").display == (expected == "-wide")


async def test_zakharova_paragraph_shows_foreign_ministries_and_quote(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        text = pane_text(app)
        assert "Official statements of the Foreign Ministries" in text
        assert "Maria Zakharova" in text
        assert "the widest agenda of bilateral and international issues" in text
        # Docked and visible on a wide terminal without pressing anything.
        assert app.screen.query_one(AttributionPane).display


async def test_unsourced_paragraph_shows_assessment_notice(bundled: LoadResult) -> None:
    briefing = bundled.library.briefings[0]
    unsourced = next(p.id for _, p in briefing.paragraphs() if not p.sources)
    app = BriefingApp(bundled, goto=unsourced)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert reader_at(app) == unsourced
        assert ASSESSMENT_NOTICE in pane_text(app)


async def test_power_of_siberia_agreement_pane_shows_bloomberg(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="power-of-siberia-2")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert active_tab(app) == "agreements"
        assert "Bloomberg" in pane_text(app)


async def test_pane_follows_the_cursor(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("]")
        assert reader_at(app) == "s1.p2"
        assert "Yury Ushakov" in pane_text(app) or "Yuri Ushakov" in pane_text(app)
        await pilot.press("[")
        assert "Maria Zakharova" in pane_text(app)


@pytest.mark.parametrize(
    ("key", "tab"), [("1", "overview"), ("2", "report"), ("3", "agreements"), ("4", "sources")]
)
async def test_digits_switch_tabs(bundled: LoadResult, key: str, tab: str) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("4" if key != "4" else "1")
        await pilot.press(key)
        await pilot.pause()
        assert active_tab(app) == tab
        assert app.crash is None


async def test_tab_strip_marks_the_active_tab_and_a_click_opens_one(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        strip = app.screen.query_one(TabStrip)
        assert strip.active == "report"
        line = strip.render()
        assert line.plain == " 1 Overview    2 Report    3 Agreements    4 Sources "
        styles = {line.plain[s.start : s.end]: s.style for s in line.spans}
        assert styles[" 2 Report "] != styles[" 1 Overview "] == styles[" 4 Sources "]
        # Column 0 is padding; " 3 Agreements " starts 26 cells into the line.
        await pilot.click(TabStrip, offset=(1 + 26 + 3, 0))
        await pilot.pause()
        assert active_tab(app) == "agreements" and strip.active == "agreements"
        assert app.screen.query_one("#agreements-view").display
        await pilot.click(TabStrip, offset=(1 + 2, 1))  # the rule under the labels
        await pilot.pause()
        assert active_tab(app) == "agreements"
        await pilot.click(TabStrip, offset=(1 + 2, 0))
        await pilot.pause()
        assert active_tab(app) == "overview"
        await pilot.press("2")
        assert strip.active == "report"
        assert app.crash is None


def test_tab_strip_maps_columns_to_labels() -> None:
    strip = TabStrip({"a": "1 A", "b": "2 Bee"}, "a")
    # " 1 A " covers 0-4, two cells of gap, then " 2 Bee " covers 7-13.
    columns = (0, 4, 5, 6, 7, 13, 14)
    assert [strip.tab_at(x) for x in columns] == ["a", "a", None, None, "b", "b", None]
    # Columns are terminal cells: a wide character takes two.
    wide = TabStrip({"a": "1 中文", "b": "2 B"}, "a")
    assert [wide.tab_at(x) for x in (7, 8, 9, 10)] == ["a", None, None, "b"]


async def test_reader_movement_keys(bundled: LoadResult) -> None:
    briefing = bundled.library.briefings[0]
    ids = [p.id for _, p in briefing.paragraphs()]
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("]", "]")
        assert reader_at(app) == ids[2]
        await pilot.press("]")
        assert reader_at(app) == ids[3]
        await pilot.press("[", "[")
        assert reader_at(app) == ids[1]
        await pilot.press("G")
        assert reader_at(app) == ids[-1]
        await pilot.press("g")
        assert reader_at(app) == ids[0]
        await pilot.press("space")
        after_page = reader_at(app)
        assert after_page is not None and ids.index(after_page) > 0
        await pilot.press("b")
        assert reader_at(app) == ids[0]


async def test_section_keys(bundled: LoadResult) -> None:
    briefing = bundled.library.briefings[0]
    firsts = [s.paragraphs[0].id for s in briefing.sections]
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("}")
        assert reader_at(app) == firsts[1]
        await pilot.press("}")
        assert reader_at(app) == firsts[2]
        await pilot.press("]", "{")  # from inside a section: back to its start
        assert reader_at(app) == firsts[2]
        await pilot.press("{")
        assert reader_at(app) == firsts[1]


@pytest.mark.parametrize(
    ("goto", "tab", "where"),
    [
        ("s3.p2", "report", "s3.p2"),
        ("s4", "report", "s4.p1"),
        ("xi-russia-visit-2025-05/s2.p2", "report", "s2.p2"),
        ("national-currencies", "agreements", "national-currencies"),
        ("leading-media", "sources", "leading-media"),
    ],
)
async def test_goto(bundled: LoadResult, goto: str, tab: str, where: str) -> None:
    app = BriefingApp(bundled, goto=goto)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert active_tab(app) == tab
        view = screen_of(app).view(tab)  # type: ignore[arg-type]
        assert view.current_target() == where


async def test_goto_unknown_id_exits_with_usage_code(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="no-such-thing")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
    assert app.return_code == 2


async def test_back_and_forward_after_jumps(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("]")  # s1.p2
        screen.jump("power-of-siberia-2")
        await pilot.pause()
        assert active_tab(app) == "agreements"
        await pilot.press("backspace")
        await pilot.pause()
        assert active_tab(app) == "report"
        assert reader_at(app) == "s1.p2"
        await pilot.press("alt+right")
        await pilot.pause()
        assert active_tab(app) == "agreements"
        assert screen.view("agreements").current_target() == "power-of-siberia-2"
        await pilot.press("alt+left")
        await pilot.pause()
        assert reader_at(app) == "s1.p2"


async def test_unsourced_filter_and_coverage(bundled: LoadResult) -> None:
    briefing = bundled.library.briefings[0]
    unsourced = [p.id for _, p in briefing.paragraphs() if not p.sources]
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("u")
        reader = app.screen.query_one(Reader)
        shown = [b.id for b in reader.blocks if b.paragraph]
        assert shown == unsourced
        await pilot.press("u")
        shown = [b.id for b in reader.blocks if b.paragraph]
        assert len(shown) == briefing.paragraph_count
        # The coverage line of section 4 counts its sourced paragraphs.
        s4 = next(s for s in briefing.sections if s.id == "s4")
        sourced = sum(1 for p in s4.paragraphs if p.sources)
        heading = next(b.text for b in reader.blocks if b.id == "heading:s4")
        assert f"{sourced} of {len(s4.paragraphs)} paragraphs sourced" in heading.plain


async def test_source_filter_shows_only_citing_paragraphs(bundled: LoadResult) -> None:
    briefing = bundled.library.briefings[0]
    citing = [p.id for _, p in briefing.paragraphs() if "leading-media" in p.sources]
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        chooser = app.screen
        from textual.widgets import OptionList

        options = chooser.query_one(OptionList)
        options.highlighted = options.get_option_index("leading-media")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        shown = [b.id for b in reader.blocks if b.paragraph]
        assert shown == citing
        assert "citing" in str(app.screen.query_one("#status-line").content)


async def test_pane_toggle_on_narrow_terminal(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(AttributionPane)
        assert pane.region.width == 0  # collapsed on 80 columns
        await pilot.press("p")
        await pilot.pause()
        assert pane.region.width > 0
        assert "Maria Zakharova" in pane.plain_text
        await pilot.press("p")
        await pilot.pause()
        assert pane.region.width == 0


async def test_help_lists_bindings_from_every_layer(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, BriefingScreen)
        from briefing_tui.ui.screens.help import binding_rows

        rows = binding_rows([app, app.screen, *app.screen.walk_children()], app.get_key_display)
        flat = {desc for _, group in rows for _, desc in group}
        for description in ("Quit", "Search", "Next paragraph", "Next section", "Sources pane"):
            assert description in flat


async def test_every_binding_has_an_id(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        from briefing_tui.ui import app as app_module

        nodes = [app, app.screen, *app.screen.walk_children()]
        for node in nodes:
            if not type(node).__module__.startswith(app_module.__package__ or "briefing_tui"):
                continue
            for binding in vars(type(node)).get("BINDINGS", []):
                assert getattr(binding, "id", None), f"{type(node).__name__}: {binding}"


async def test_quit_keys(bundled: LoadResult) -> None:
    for key in ("q", "ctrl+q"):
        app = BriefingApp(bundled)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            assert not app.is_running


async def test_theme_toggle(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("d")
        assert app.theme == "textual-light"


async def test_palette_jump_commands(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Power of Siberia")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert active_tab(app) == "agreements"
        assert screen_of(app).view("agreements").current_target() == "power-of-siberia-2"


async def test_loads_in_worker_from_a_loader(tmp_path: Path) -> None:
    app = BriefingApp(partial(iter_library, None))
    async with app.run_test(size=SMALL) as pilot:
        await until_indexed(app, pilot)
        assert isinstance(app.screen, BriefingScreen)


async def test_picker_filters_and_opens(two_briefings: Path) -> None:
    result = load_library(two_briefings)
    app = BriefingApp(result)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"mini")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.briefing.id == "mini"


async def test_back_to_the_library_list_leaves_painting_on(two_briefings: Path) -> None:
    """A key holds painting for a few milliseconds (ui/settle.py); Back from a briefing's first
    place closes its screen, and a hold released by that screen's own timer was never released:
    the app stopped painting for good."""
    app = BriefingApp(load_library(two_briefings))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("backspace")
        await pilot.pause(0.1)
        assert isinstance(app.screen, PickerScreen)
        assert app._batch_count == 0  # Textual paints nothing while this count is above zero


async def test_broken_briefing_is_listed_and_the_rest_opens(two_briefings: Path) -> None:
    (two_briefings / "mini" / "sources.toml").write_text("heading = 1\n", encoding="utf-8")
    result = load_library(two_briefings)
    app = BriefingApp(result)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.briefing.id == "xi-russia-visit-2025-05"


async def test_unexpected_error_becomes_error_screen(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()

        def explode() -> None:
            raise RuntimeError("boom [/] [@click=app.quit]")

        # A failing callback on the screen's message loop, as a bug in a handler would be.
        app.screen.call_later(explode)
        # The failed screen no longer processes messages, so wait on the clock, not on it.
        await asyncio.sleep(0.5)
        assert isinstance(app.screen, ErrorScreen)
        assert app.crash is not None
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1


async def test_pane_describes_a_source_on_the_sources_tab(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="leading-media")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        text = pane_text(app)
        assert "Articles in the leading media" in text
        cited = len(screen_of(app).refs.backlinks("leading-media"))
        assert f"Cited by {cited}" in text
        assert "Power of Siberia-2" in text


async def test_cursor_paragraph_stays_in_view_when_the_pane_opens(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("]", "]", "]")
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        block = reader.blocks[reader.cursor]
        # The paragraph's first line is on screen, re-wrapped to the narrower width.
        assert reader_at(app) == "s2.p2"
        assert block.top in reader.visible_lines()


async def test_a_library_shows_its_picker_before_it_has_finished_loading(
    two_briefings: Path,
) -> None:
    import threading

    items = list(iter_library(two_briefings))
    release = threading.Event()

    def slow_loader() -> Iterator[tuple[int, Briefing | BrokenBriefing]]:
        yield items[0]
        release.wait(timeout=10)  # the rest of the library is "still validating"
        yield from items[1:]

    app = BriefingApp(slow_loader)
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, PickerScreen):
                break
        assert isinstance(app.screen, PickerScreen)
        assert app.result is None  # not finished: the picker came first
        title = str(app.screen.query_one("#picker-title").content)
        assert "loading 1 of 2" in title
        # Readable while loading: no spinner covers the list (Widget.loading's cover widget).
        assert app.screen._cover_widget is None
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.result is not None
        assert len(app.screen.briefings) == 2
        assert "loading" not in str(app.screen.query_one("#picker-title").content)
        from textual.widgets import OptionList

        assert app.screen.query_one(OptionList).option_count == 2


async def test_back_from_a_briefing_opened_in_the_picker_returns_to_it(two_briefings: Path) -> None:
    app = BriefingApp(load_library(two_briefings))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_hidden_tabs_are_built_after_the_first_frame(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame builds the report alone; a tab opened before the idle build reaches it
    is built on the spot, and the idle build then builds the rest (so first uses cost what
    repeats do, see BENCHMARKS.md)."""
    built_at_first_frame: list[set[str]] = []
    paint = BriefingScreen._compositor_refresh

    def first_frame(screen: BriefingScreen) -> None:
        if not built_at_first_frame:
            built_at_first_frame.append(set(screen.tabs.pages))
        paint(screen)

    monkeypatch.setattr(BriefingScreen, "_compositor_refresh", first_frame)
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        # Nothing but the report at first (read when the first frame is painted: however slow
        # the machine, the idle build may have begun by the time the test looks).
        assert built_at_first_frame == [{"report"}]
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.view("agreements").current_target() == "power-of-siberia-2"
        for _ in range(200):  # the idle build: one tab at a time, with pauses between
            if set(screen.tabs.pages) == set(tab_titles()):
                break
            await pilot.pause(0.05)
        assert set(screen.tabs.pages) == set(tab_titles())
        assert screen.active_tab == "agreements"  # built in the background, not shown


async def test_help_lists_keys_of_tabs_never_opened(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        from briefing_tui.ui.screens.help import binding_rows

        under = app.screen.under
        rows = binding_rows([app, under, *under.walk_children()], app.get_key_display)
        flat = {desc for _, group in rows for _, desc in group}
        assert "Reverse sort" in flat  # an agreements-tab key
        assert "Backlinks" in flat  # a sources-tab key


async def test_streamed_library_with_one_good_briefing_opens_it(two_briefings: Path) -> None:
    (two_briefings / "xi" / "sources.toml").write_text("heading = 1\n", encoding="utf-8")
    app = BriefingApp(partial(iter_library, two_briefings))
    async with app.run_test(size=SMALL) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)  # the broken one, listed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.briefing.id == "mini"


@pytest.mark.parametrize("size", [(80, 24), (60, 16), (120, 40)])
async def test_the_overview_summary_shows_its_last_line_after_a_tab_switch(
    bundled: LoadResult, size: tuple[int, int]
) -> None:
    """The overview's list wrapped its options before its scrollbar appeared and kept those
    heights at the narrower width: the summary's last line ("partnership.") was cut."""
    from harness import screen_text
    from textual.widgets import OptionList

    app = BriefingApp(bundled)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The tab opens at its top: at 60x16 the summary's end is below the view until the
        # list is scrolled to it.
        listing = app.screen.query_one("#overview-list", OptionList)
        index = listing.get_option_index("header-summary")
        end = listing._index_to_line[index] + listing._heights[index]
        listing.scroll_to(y=max(0, end - listing.scrollable_content_region.height), animate=False)
        await pilot.pause()
        summary = bundled.library.briefings[0].summary
        shown = " ".join(screen_text(app).split())
        last_words = " ".join(summary.split()[-3:])
        assert last_words in shown
