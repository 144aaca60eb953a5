"""Keys typed before the first screen is ready are answered in order (ui/type_ahead.py)."""

from __future__ import annotations

import pytest
from harness import until_indexed
from textual import events
from textual.widgets import Input

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui import type_ahead
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.search_panel import SearchPanel


async def test_keys_before_the_release_are_held_then_answered_in_order(
    bundled: LoadResult,
) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_indexed(app, pilot)
        # As before the first frame: nothing released yet.
        app._released, app._typed_ahead = False, None
        await pilot.press("slash", *"gas")
        await pilot.pause(0.2)
        panel = app.screen.query_one(SearchPanel)
        assert not panel.display  # held, not lost and not answered out of order
        app.release_typed_ahead()
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert panel.display
        assert app.screen.query_one(Input).value == "gas"
        assert "5 hits" in str(app.screen.query_one("#search-count").render())


async def test_a_flood_before_the_release_is_bounded(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)
        app._released, app._typed_ahead = False, None
        for _ in range(type_ahead.MOST_HELD + 50):
            await app.on_event(events.Key("j", "j"))
        assert app._typed_ahead is not None
        assert len(app._typed_ahead) == type_ahead.MOST_HELD
        app.release_typed_ahead()
        await pilot.pause(0.5)
        assert app._typed_ahead is None and app._released


async def test_a_screen_not_ready_for_keys_gets_them_when_it_is(bundled: LoadResult) -> None:
    """A briefing opened from the library's list takes keys once it has started; keys typed
    meanwhile (Enter then /gas at once) wait for it instead of reaching the view underneath."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_indexed(app, pilot)
        screen = app.screen
        assert screen.keys_ready  # type: ignore[attr-defined]  # set once it had started
        screen.keys_ready = False  # type: ignore[attr-defined]
        await pilot.press("slash", *"gas")
        await pilot.pause(0.2)
        panel = screen.query_one(SearchPanel)
        assert not panel.display
        app.screen_ready(screen)
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert panel.display and screen.query_one(Input).value == "gas"
        # A key the screen's bindings answer (not a priority key like /): it must come back
        # up to the app after the focused widget passed on it, and be answered once.
        await pilot.press("escape", "escape")
        screen.keys_ready = False  # type: ignore[attr-defined]
        await pilot.press("3")
        await pilot.pause(0.2)
        assert screen.active_tab == "report"  # type: ignore[attr-defined]
        app.screen_ready(screen)
        await pilot.pause(0.4)
        assert screen.active_tab == "agreements"  # type: ignore[attr-defined]
        assert app._typed_ahead is None


async def test_keys_are_not_held_forever_for_a_screen_that_never_gets_ready(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type_ahead, "MOST_WAIT", 0.2)
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_indexed(app, pilot)
        app.screen.keys_ready = False  # type: ignore[attr-defined]
        await pilot.press("slash")
        await pilot.pause(0.6)
        assert app.screen.query_one(SearchPanel).display
