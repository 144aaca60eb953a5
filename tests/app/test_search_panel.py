"""Pilot tests of searching from the browser: /, live hits, Enter, n/N, marks, Escape."""

from __future__ import annotations

import pytest
from harness import layout_requests, until_indexed
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.problems import LoadResult
from briefing_tui.search import SearchIndex
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.hit_list import FIRST_PAGE, PAGE, PAGE_AHEAD, HitList
from briefing_tui.ui.widgets.reader import Reader
from briefing_tui.ui.widgets.search_panel import SearchPanel

SIZE = (80, 24)


async def settle(app: BriefingApp, pilot: Pilot) -> None:
    """Let workers (index, search, tab building) finish and the screen catch up."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def ready(app: BriefingApp, pilot: Pilot) -> None:
    await until_indexed(app, pilot)
    await settle(app, pilot)


async def search(app: BriefingApp, pilot: Pilot, query: str) -> None:
    """Open the search bar, type ``query`` and wait for its results."""
    await pilot.press("slash", *query)
    await settle(app, pilot)


async def test_slash_opens_search_and_hits_update_as_you_type(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("slash")
        panel = app.screen.query_one(SearchPanel)
        assert panel.display
        assert isinstance(app.focused, Input)
        await pilot.press(*"siberia")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.result is not None and panel.result.total > 0
        count = str(app.screen.query_one("#search-count").content)
        assert f"{panel.result.total} hit" in count
        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count == min(len(panel.result.hits), FIRST_PAGE)


async def test_bad_query_shows_inline_message(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, '"unclosed')
        count = str(app.screen.query_one("#search-count").content)
        assert "⚠" in count
        assert app.crash is None


async def test_enter_jumps_marks_matches_and_n_steps(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "zakharova")
        panel = app.screen.query_one(SearchPanel)
        hits = panel.result.hits
        assert hits
        await pilot.press("enter")
        await pilot.pause()
        assert not panel.display
        status = str(app.screen.query_one("#status-line").content)
        stops = app.screen.search.stops
        # One stop per occurrence: at least one per hit (a paragraph may name her twice).
        assert len(stops) >= len(hits)
        assert f"/{len(stops)}" in status
        reader = app.screen.query_one(Reader)
        # Every paragraph that names her has its matches marked in place.
        assert reader.marks
        for paragraph_id, spans in reader.marks.items():
            full = next(p for _, p in app.screen.briefing.paragraphs() if p.id == paragraph_id)
            assert all(full.full_text[s:e].casefold() == "zakharova" for s, e in spans)
        # n walks every stop once, then wraps; N wraps back.
        start = app.screen.search.position
        for _ in range(len(stops) - 1 - start):
            await pilot.press("n")
        assert f"{len(stops)}/{len(stops)}" in str(app.screen.query_one("#status-line").content)
        await pilot.press("n")
        assert "wrapped to the first match" in str(app.screen.query_one("#status-line").content)
        await pilot.press("N")
        assert "wrapped to the last match" in str(app.screen.query_one("#status-line").content)


async def test_search_jump_to_agreement(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "kind:agreement siberia")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.active_tab == "agreements"


async def test_escape_closes_and_restores_focus(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("]")
        before = app.focused
        await pilot.press("slash", *"gas")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one(SearchPanel).display
        assert app.focused is before
        assert app.screen.query_one(Reader).current_target() == "s1.p2"


async def test_keys_typed_right_after_slash_go_to_the_search_box(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="power-of-siberia-2")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table_order = app.screen.view("agreements").current_target()
        # One burst, as a paste or a fast typist over ssh delivers it: s, a and r are also
        # agreements-table keys, and must not reach the table.
        driver = app._driver
        assert driver is not None
        for key, char in [("slash", "/"), *((c, c) for c in "siberia")]:
            event = events.Key(key, char)
            event.set_sender(app)
            driver.send_message(event)  # no waiting between keys, unlike pilot.press
        await pilot.pause()
        assert app.screen.query_one(Input).value == "siberia"
        assert app.screen.view("agreements").current_target() == table_order


async def test_a_slash_inside_the_query_is_text(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", "a", "slash", "b")
        assert app.screen.query_one(Input).value == "a/b"


async def test_matches_are_marked_in_the_agreements_table_and_card(bundled: LoadResult) -> None:
    from textual.widgets import DataTable

    from briefing_tui.ui.screens.agreement import AgreementScreen

    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "kind:agreement siberia")
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.screen.query_one("#agreements-table", DataTable)
        title = table.get_cell("power-of-siberia-2", table.ordered_columns[1].key)
        marked = [title.plain[s.start : s.end] for s in title.spans if "reverse" in str(s.style)]
        assert marked == ["Siberia"]
        await pilot.press("enter")  # open the card
        await pilot.pause()
        assert isinstance(app.screen, AgreementScreen)
        assert app.screen.marker is not None
        assert app.screen.marker("Power of Siberia-2") == [(9, 16)]
        await pilot.press("escape", "escape")  # close the card, clear the marks
        await pilot.pause()
        title = table.get_cell("power-of-siberia-2", table.ordered_columns[1].key)
        assert not [s for s in title.spans if "reverse" in str(s.style)]


async def test_workers_never_stringify_the_library_or_index(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual describes a @work call by repr() of its arguments, on the UI thread, unless the
    decorator names a description: for a 1,000-briefing library that repr stalled the UI for
    0.75 s. Loading, indexing and searching must never ask for one."""
    calls: list[str] = []

    def counted(self: object) -> str:
        calls.append(type(self).__name__)
        return "<counted>"

    for cls in (Library, Briefing, SearchIndex):
        monkeypatch.setattr(cls, "__repr__", counted)
    source = bundled.library.briefings
    app = BriefingApp(lambda: iter([(len(source), b) for b in source]))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "siberia")
        assert app.screen.query_one(SearchPanel).result is not None
    assert calls == []


async def test_hits_are_drawn_a_page_at_a_time_and_all_stay_reachable(
    bundled: LoadResult,
) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "the")
        panel = app.screen.query_one(SearchPanel)
        results = app.screen.query_one("#search-results", OptionList)
        hits = len(panel.result.hits)
        assert hits > FIRST_PAGE + PAGE  # the bundled briefing has 72 hits for "the"
        assert results.option_count == FIRST_PAGE
        await pilot.press(*["down"] * (FIRST_PAGE - PAGE_AHEAD - 1))
        assert results.option_count == FIRST_PAGE  # not yet near the end
        await pilot.press("down")
        assert results.option_count == FIRST_PAGE + PAGE
        await pilot.press(*["down"] * PAGE)
        assert results.option_count == hits
        for _ in range(hits):
            await pilot.press("pagedown")
        await pilot.pause()
        assert results.highlighted == hits - 1
        await pilot.press("enter")
        await pilot.pause()
        status = str(app.screen.query_one("#status-line").content)
        # The status counts matches in reading order; it names the hit chosen, the last one.
        assert panel.result.hits[-1].location in status


async def test_up_on_the_first_hit_stays_there(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "the")
        results = app.screen.query_one(HitList)
        assert results.highlighted == 0
        await pilot.press("up")
        assert results.highlighted == 0  # not the last hit drawn: the list does not wrap
        await pilot.press("down", "down")
        assert results.highlighted == 2


async def test_end_scrolling_and_a_new_search_on_a_paged_list(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "the")
        results = app.screen.query_one(HitList)
        hits = len(app.screen.query_one(SearchPanel).result.hits)
        assert results.option_count == FIRST_PAGE < hits
        # End on the list itself goes to the last hit, not the last drawn one.
        results.focus()
        await pilot.press("end")
        assert results.option_count == hits and results.highlighted == hits - 1
        # A new query starts again from its first page, first hit highlighted.
        await search(app, pilot, "r")
        assert results.option_count == FIRST_PAGE and results.highlighted == 0
        # Scrolling (the wheel moves the view, not the cursor) to the bottom draws more.
        results.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert results.option_count > FIRST_PAGE
        assert results.highlighted == 0


async def test_new_hits_of_another_height_lay_nothing_out(bundled: LoadResult) -> None:
    """A result whose first hits wrap to more or fewer lines repaints the list without laying
    out the screen (its scrollbar is always there, as the reader's is), and every line stays
    reachable."""
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await search(app, pilot, "siberia")
        results = app.screen.query_one(HitList)
        asked = layout_requests(results)
        heights = {results.virtual_size.height}
        for query in ("moscow", "power of siberia", "yuan", "trade"):
            await pilot.press("ctrl+u", *query)
            await settle(app, pilot)
            heights.add(results.virtual_size.height)
            # The scroll range follows the new lines, with no layout to tell it.
            view = results.scrollable_content_region.height
            assert results.max_scroll_y == max(0, results.virtual_size.height - view)
        assert len(heights) > 1  # the lines did change
        assert asked and not any(asked)
        assert results.show_vertical_scrollbar
