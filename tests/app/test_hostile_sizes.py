"""Any window size, on any screen or modal, never crashes the app (issue #12, finding 4).

Before the fix: 1-3 columns on the report view, the palette at width 4, resize storms with the
search bar, help or the palette open all raised ``ValueError: range() arg 3 must not be zero``
inside Rich's wrapping. The app now lays out within 60x16..500x200 whatever the terminal says,
keeps every screen's breakpoint classes in step, and shows the size notice below the minimum.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from textual.pilot import Pilot

from briefing_tui.content.loader import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.input_guard import MAX_HEIGHT, MAX_WIDTH
from briefing_tui.ui.screens.too_small import TooSmallScreen

#: Sizes that cross the minimum, the wide breakpoint (110) and the maximum, down to 1x1.
STORM: Sequence[tuple[int, int]] = (
    (120, 40), (1, 1), (130, 30), (60, 16), (3, 24), (111, 15), (2, 2), (80, 24),
)  # fmt: skip

#: What is open while the storm blows: nothing, the search bar, help, the palette.
OPENERS: dict[str, Sequence[str]] = {
    "report": (),
    "search-bar": ("slash", "g", "a", "s"),
    "help": ("question_mark",),
    "palette": ("ctrl+p", "g", "a"),
}


async def storm(pilot: Pilot[None], sizes: Sequence[tuple[int, int]]) -> None:
    for width, height in sizes:
        await pilot.resize_terminal(width, height)
        await pilot.pause(0.02)
    await pilot.pause(0.2)


@pytest.mark.parametrize("opened", list(OPENERS), ids=list(OPENERS))
async def test_resize_storm_never_crashes(bundled: LoadResult, opened: str) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*OPENERS[opened])
        await pilot.pause(0.1)
        await storm(pilot, STORM)
        assert app.crash is None, app.crash
        assert app.size == (80, 24)
        assert not isinstance(app.screen, TooSmallScreen)


@pytest.mark.parametrize(("width", "height"), [(1, 1), (4, 24), (59, 80)])
async def test_tiny_terminal_shows_the_notice_over_every_screen(
    bundled: LoadResult, width: int, height: int
) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, TooSmallScreen)
        assert app.terminal_size == (width, height)
        assert app.size.width >= 60 and app.size.height >= 16  # what the screens lay out at
        # Opening the palette or help while small: the notice comes back on top, no crash.
        for key in ("ctrl+p", "question_mark"):
            await pilot.press(key)
            await pilot.pause(0.2)
            assert isinstance(app.screen, TooSmallScreen), key
        assert app.crash is None, app.crash


async def test_layout_size_is_capped_and_the_notice_reports_the_real_size(
    bundled: LoadResult,
) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(65535, 65535)
        await pilot.pause(0.2)
        assert app.size == (MAX_WIDTH, MAX_HEIGHT)
        assert app.terminal_size == (65535, 65535)
        await pilot.resize_terminal(10, 5)
        await pilot.pause(0.2)
        assert isinstance(app.screen, TooSmallScreen)
        assert "10x5" in str(app.screen.query_one("#too-small").render())
        assert app.crash is None
