"""The Overview tab on its own: cursor, jumps, attribution messages, drawing at 80x24."""

from __future__ import annotations

import datetime as dt

from harness import HOSTILE, Harness, flat, hostile_briefing, region_text, screen_text
from textual.widgets import OptionList

from briefing_tui.content.model import Briefing
from briefing_tui.content.problems import LoadResult
from briefing_tui.reading.dates import format_range
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.overview import OverviewView, percent_bar

SIZE = (80, 24)


def make(briefing: Briefing, refs: BriefingRefs) -> OverviewView:
    return OverviewView(briefing, refs, id="overview")


def view(app: Harness) -> OverviewView:
    return app.query_one(OverviewView)


def test_format_range_writes_dates_as_a_reader_does() -> None:
    may7, may10 = dt.date(2025, 5, 7), dt.date(2025, 5, 10)
    assert format_range(may7, may10) == "7–10 May 2025"
    assert format_range(may7, may10, year=False) == "7–10 May"
    assert format_range(may7, None, year=False) == "7 May"
    assert format_range(dt.date(2025, 4, 30), dt.date(2025, 5, 2)) == "30 April – 2 May 2025"


def test_settlement_bar_is_solid_to_70_and_shaded_to_80_85() -> None:
    b = Harness(make).briefing
    figure = next(f for f in b.figures if f.id == "national-currency-settlements")
    bar = percent_bar(figure, width=40).plain
    assert bar == "█" * 28 + "▓" * 4 + "▒" * 2 + "░" * 6


async def test_header_figures_timeline_and_reactions_are_drawn() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        top = screen_text(app)
        assert "Xi Jinping's visit to Russia (May 2025): Analytical report" in top
        assert "7–10 May 2025" in top
        assert "KEY FIGURES" in top
        assert "200 USD billion" in top
        view(app).select("national-currency-settlements")
        await pilot.pause()
        assert "█" * 28 + "▓" * 4 + "▒" * 2 in screen_text(app)
        assert "70% → 80–85%" in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        bottom = screen_text(app)
        assert "DIVIDED" in bottom and "International community" in bottom
        # Nothing runs past the right edge at 80 columns: every row fits the terminal.
        assert all(len(line) <= 80 for line in bottom.splitlines())


async def test_cursor_moves_with_j_k_g_G_and_skips_headings() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overview = view(app)
        assert overview.current_target() == "trade-2024"
        await pilot.press("j")
        assert overview.current_target() == "trade-goal-2025"
        await pilot.press("down", "k")
        assert overview.current_target() == "trade-goal-2025"
        await pilot.press("G")
        assert overview.current_target() == "international-community"
        await pilot.press("g")
        assert overview.current_target() == "trade-2024"
        # From the last figure, one step passes the TIMELINE heading to the first entry.
        overview.select("eu-prc-relations")
        await pilot.press("j")
        assert overview.current_target() == "s1.p1"
        await pilot.press("j", "j", "j", "j")
        assert overview.current_target() == "united-states"


async def test_k_at_the_first_item_and_j_at_the_last_stay_there() -> None:
    """As in less and vim: the cursor stops at either end, it does not wrap round (Textual's
    OptionList does: k on the first item jumped to the last line of the overview)."""
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overview = view(app)
        await pilot.press("g", "k", "up")
        assert overview.current_target() == "trade-2024"
        await pilot.press("G", "j", "down")
        assert overview.current_target() == "international-community"
        await pilot.press("k")
        assert overview.current_target() != "international-community"


async def test_highlight_posts_item_focused() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.item_focused[-1] == "trade-2024"
        await pilot.press("j")
        await pilot.pause()
        assert app.item_focused[-1] == "trade-goal-2025"
        view(app).select("eu-prc-relations")
        await pilot.press("j")
        await pilot.pause()
        assert app.item_focused[-1] == "s1.p1"  # a timeline entry reports its first ref
        await pilot.press("G")
        await pilot.pause()
        assert app.item_focused[-1] == "international-community"


async def test_enter_jumps_to_the_ref_of_figure_timeline_and_reaction() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overview = view(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.jumps == ["s2.p1"]  # trade-2024 comes from §2.1
        overview.select("national-currency-settlements")
        await pilot.press("enter")
        await pilot.pause()
        assert app.jumps[-1] == "national-currencies"  # an agreement
        overview.select("eu-prc-relations")
        await pilot.press("j", "j", "j", "j", "enter")  # the Victory Parade entry
        await pilot.pause()
        assert app.jumps[-1] == "s3.p4"
        overview.select("ukraine")
        await pilot.press("enter")
        await pilot.pause()
        assert app.jumps[-1] == "s4.p5"


async def test_select_figures_and_reactions_only() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overview = view(app)
        assert overview.select("india") is True
        await pilot.pause()
        assert overview.current_target() == "india"
        assert isinstance(app.focused, OptionList)
        assert overview.select("joint-statements") is True
        assert overview.current_target() == "joint-statements"
        assert overview.select("s4.p7") is False  # a paragraph: the report tab's
        assert overview.select("power-of-siberia-2") is False  # an agreement
        assert overview.select("no-such-id") is False
        assert overview.current_target() == "joint-statements"


async def test_markup_in_content_is_shown_literally() -> None:
    app = Harness(make, hostile_briefing())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = flat(screen_text(app))
        assert f"{HOSTILE} Xi Jinping's visit" in shown
        assert f"{HOSTILE} Chinese President" in shown
        assert f"{HOSTILE} Russia-China trade in 2024" in shown
        await pilot.press("G")
        await pilot.pause()
        assert f"{HOSTILE} United States" in flat(screen_text(app))
        assert app.is_running


async def test_the_tab_opens_at_its_top_on_a_small_screen(bundled: LoadResult) -> None:
    """Built out of sight, then shown: at 60x16 it opened scrolled down to its first key
    figure, the title and summary above the view. It opens at its top while the cursor is on
    the first item, and keeps a cursor moved further on in view when shown again."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        overview = app.screen.query_one(OverviewView)
        listing = overview.option_list
        assert overview.current_target() == "trade-2024"
        assert listing.scroll_y == 0
        assert "Xi Jinping's visit to Russia" in region_text(app, listing)
        await pilot.press("j", "j", "j", "2", "1")
        await pilot.pause()
        moved = overview.current_target()
        assert moved not in (None, "trade-2024")
        highlighted = listing.highlighted
        assert highlighted is not None
        top = listing._index_to_line[highlighted]  # the cursor's option is in view
        assert listing.scroll_y <= top < listing.scroll_y + listing.scrollable_content_region.height
