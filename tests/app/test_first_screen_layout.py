"""The report's first frame wraps only what is on screen; the rest is wrapped right after.
And the briefing screen is styled once on its way to the first frame, not twice.

Wrapping a whole report was ~20 ms of the browser's first frame (benchmarks/startup.py). The
lines drawn must be the same either way, and once the frame is out everything is laid out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import frame_output
from textual import events
from textual.screen import Screen

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.widgets.reader import Reader

DATA = Path(__file__).parents[1] / "data"

SIZE = (80, 24)


async def test_only_the_first_screen_is_wrapped_for_the_first_frame_then_all() -> None:
    app = BriefingApp(load_library(bundled_content_path()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert not reader._partial  # the first frame is out: all of it is laid out
        full = [reader.render_line(y).text for y in range(reader.size.height)]
        assert reader.virtual_size.height == reader.line_count == reader._bottom
        assert reader.position().endswith(" · 0%")

        # As before the first frame: nothing laid out yet.
        for block in reader.blocks:
            block.layouts.clear()
        reader._laid_out_width = -1
        first = [reader.render_line(y).text for y in range(reader.size.height)]
        wrapped = sum(1 for block in reader.blocks if block.layouts)
        assert reader._partial and 0 < wrapped < len(reader.blocks)
        assert first == full
        assert reader.position().endswith(" · 0%")
        assert reader._partial  # the position at the top needs no full layout

        await pilot.pause()
        assert not reader._partial
        assert all(block.layouts for block in reader.blocks)
        assert reader.virtual_size.height == reader.line_count


def _restyled_on_first_showing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual's default: every widget styled again when the screen is first shown."""
    monkeypatch.setattr(BriefingScreen, "on_screen_resume", lambda self, event: None)


def _count_restyles(monkeypatch: pytest.MonkeyPatch) -> list[Screen[object]]:
    """The screens Textual's resume handler is asked to restyle, in order."""
    restyled: list[Screen[object]] = []
    resume = Screen._on_screen_resume

    def counting(self: Screen[object], event: events.ScreenResume) -> None:
        if event.refresh_styles and isinstance(self, BriefingScreen):
            restyled.append(self)
        resume(self, event)

    monkeypatch.setattr(Screen, "_on_screen_resume", counting)
    return restyled


@pytest.mark.parametrize("size", [(60, 16), (80, 24), (130, 40)])
@pytest.mark.parametrize("folder", ["bundled", "library-v2"])
async def test_the_first_showing_draws_what_a_restyle_would(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], folder: str
) -> None:
    """The briefing screen skips Textual's second styling pass on its first showing: the
    screen must come out the same, colours and all, at every width class."""
    library = load_library() if folder == "bundled" else load_library(DATA / folder)

    async def drawn() -> str:
        app = BriefingApp(library)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if not isinstance(app.screen, BriefingScreen):  # a library: open from the picker
                await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, BriefingScreen)
            return frame_output(app)

    restyled = _count_restyles(monkeypatch)
    skipped = await drawn()
    assert restyled == []  # no second pass on the way to the first frame
    with monkeypatch.context() as patch:
        _restyled_on_first_showing(patch)
        assert await drawn() == skipped
    assert len(restyled) == 1


def test_only_the_first_showing_is_spared(bundled: LoadResult) -> None:
    """Later showings (a screen pushed again, after a theme switch, say) are restyled as
    Textual decides."""
    screen = BriefingScreen(bundled.library.briefings[0])
    first, second, third = (events.ScreenResume() for _ in range(3))
    screen.on_screen_resume(first)
    screen.on_screen_resume(second)
    screen.on_screen_resume(third)
    assert (first.refresh_styles, second.refresh_styles, third.refresh_styles) == (
        False,
        True,
        True,
    )
