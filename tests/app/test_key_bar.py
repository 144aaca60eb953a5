"""The key bar (widgets/key_bar.py): one widget, right from the first frame, whole keys only."""

from __future__ import annotations

import pytest
from harness import painted_frames, until_tabs_built

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.key_bar import EDGE, KeyBar


def bottom_line(app: BriefingApp) -> str:
    return "".join(segment.text for segment in app.screen._compositor.render_strips()[-1])


def first_frame_bottom(app: BriefingApp) -> list[str]:
    """The bottom line of every frame painted, from the first one on."""
    return painted_frames(app, lambda: bottom_line(app))


async def test_the_first_frame_shows_the_keys(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    painted = first_frame_bottom(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert painted, "nothing painted"
        first = painted[0]
        for shown in ("o Outline", "/ Search", "p Sources pane", "q Quit", "? Help"):
            assert shown in first, first
        assert first.rstrip().endswith(f"{EDGE}^p palette"), first
        # One widget draws the whole bar: no widget per key.
        bar = app.screen.query_one(KeyBar)
        assert not bar.children


async def test_the_keys_follow_the_tab_in_the_same_frame(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_tabs_built(app, pilot)  # no background frame between the two
        painted = first_frame_bottom(app)
        await pilot.press("3")  # agreements: its own keys
        await pilot.pause(0.3)
        assert painted and all("s Sort" in line for line in painted), painted
        await pilot.press("slash")
        await pilot.pause(0.3)
        assert "esc Close search" in bottom_line(app)
        assert "s Sort" not in bottom_line(app)


AGREEMENT_KEYS = ["s Sort", "a Area", "t Status", "/ Search", "p Sources pane", "q Quit"]


@pytest.mark.parametrize("width", [60, 64, 70, 80, 100])
async def test_keys_that_do_not_fit_are_left_out_whole_but_help_stays(
    bundled: LoadResult, width: int
) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(width, 24)) as pilot:
        await until_tabs_built(app, pilot)
        await pilot.press("3")
        await pilot.pause(0.3)
        line = bottom_line(app)
        assert len(line) == width
        assert line.rstrip().endswith(f"{EDGE}^p palette"), line
        keys = line.split(EDGE)[0]
        shown = [k for k in AGREEMENT_KEYS if k in keys]
        # Left out from the right: what is shown is the start of the list, then the help.
        assert shown == AGREEMENT_KEYS[: len(shown)], line
        assert keys.rstrip().endswith("? Help"), line
        # Nothing else: no piece of a key that did not fit.
        rest = keys
        for key in [*shown, "? Help"]:
            rest = rest.replace(key, "", 1)
        assert not rest.strip(), line
        if len(shown) == len(AGREEMENT_KEYS):
            assert " s Sort  a Area" in keys or width < 80, line  # the footer's spacing


async def test_keys_are_drawn_closer_before_any_is_left_out(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, language="ru")
    async with app.run_test(size=(92, 24)) as pilot:
        await until_tabs_built(app, pilot)
        await pilot.press("3")
        await pilot.pause(0.3)
        line = bottom_line(app)
        # The Russian descriptions are longer: at 92 columns every key fits a space apart.
        closer = "s Сортировка a Область t Статус / Поиск p Панель источников q Выход ? Справка "
        assert line.startswith(closer), line
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        line = bottom_line(app)
        assert line.startswith("s Сортировка a Область t Статус / Поиск ? Справка "), line


async def test_descriptions_are_in_the_sessions_language(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, language="ru")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause(0.3)
        line = bottom_line(app)
        assert "q Выход" in line and "? Справка" in line and "o Оглавление" in line, line
        assert "Quit" not in line and "Help" not in line


async def test_a_click_on_a_key_presses_it(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_tabs_built(app, pilot)
        line = bottom_line(app)
        pane = app.screen.query_one(AttributionPane)
        shown = pane.has_class("-toggled")
        await pilot.click(KeyBar, offset=(line.index("Sources pane"), 0))
        await pilot.pause(0.3)
        assert pane.has_class("-toggled") is not shown
