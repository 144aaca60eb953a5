"""A keystroke in the search box repaints the search panel, not the whole screen.

Each character widened the box's text and changed the hit list's scrollable height; Textual
lays out the whole screen for either, and the frame then repainted every widget (the reader's
scrollbar moved into the dirty region). Both sizes are fixed by the stylesheet, so only a
scrollbar appearing or going needs a layout.
"""

from __future__ import annotations

import pytest
from harness import until_indexed
from textual.pilot import Pilot
from textual.screen import Screen

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.hit_list import HitList
from briefing_tui.ui.widgets.query_input import QueryInput
from briefing_tui.ui.widgets.search_panel import SearchPanel

SIZE = (80, 24)


async def typed(app: BriefingApp, pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await app.workers.wait_for_complete()
    await pilot.pause(0.2)


def count_layouts(screen: Screen[object], monkeypatch: pytest.MonkeyPatch) -> list[int]:
    layouts: list[int] = []
    lay_out = screen._refresh_layout

    def counted(*args: object, **kwargs: object) -> None:
        layouts.append(1)
        lay_out(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(screen, "_refresh_layout", counted)
    return layouts


async def test_typing_a_query_lays_out_nothing(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await until_indexed(app, pilot)
        await typed(app, pilot, "slash", "t")  # the first hits: the scrollbar appears
        layouts = count_layouts(app.screen, monkeypatch)
        for key in "rade":
            await typed(app, pilot, key)
        panel = app.screen.query_one(SearchPanel)
        assert panel.result is not None and panel.result.text == "trade"
        assert app.screen.query_one(QueryInput).value == "trade"
        assert layouts == []


async def test_the_hit_lists_scrollbar_still_comes_and_goes(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await until_indexed(app, pilot)
        results = app.screen.query_one(HitList)
        await typed(app, pilot, "slash", *"zzzz")  # no hits
        assert not results.show_vertical_scrollbar
        await typed(app, pilot, *["backspace"] * 4, "t")  # dozens of hits
        assert results.show_vertical_scrollbar
        bar = results.vertical_scrollbar
        assert bar.display and bar.region.height == results.region.height  # laid out
        assert results.max_scroll_y > 0
        results.scroll_to(y=3, animate=False)
        await pilot.pause(0.1)
        assert results.scroll_y == 3
        await typed(app, pilot, "backspace", *"zzzz")
        assert not results.show_vertical_scrollbar and results.option_count == 0


async def test_a_long_query_scrolls_within_the_box(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await until_indexed(app, pilot)
        words = "cooperation agreement siberia pipeline moscow beijing energy trade visit " * 2
        await typed(app, pilot, "slash", *[("space" if c == " " else c) for c in words])
        box = app.screen.query_one(QueryInput)
        assert box.value == words and len(words) > SIZE[0]
        assert box.virtual_size.width > box.content_size.width  # wider than the box
        assert box.scroll_x > 0  # the cursor, at the end, is in view
        assert box.cursor_screen_offset.x <= box.content_region.right  # in view: padding
