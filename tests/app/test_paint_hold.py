"""One frame per key (ui.settle): the hold covers a key's layout rounds, never outlives a flood
of keys, and always ends."""

from __future__ import annotations

import time

import pytest
from harness import painted_frames, until_tabs_built
from rich.text import Text
from textual import events

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui import settle
from briefing_tui.ui.app import BriefingApp


def frames(app: BriefingApp) -> list[float]:
    """When the app paints its frames (not those dropped while painting is held)."""
    return painted_frames(app, time.monotonic)


async def test_toggling_the_pane_and_outline_paints_one_frame(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    # However slow the machine: the cap on a hold is not what this checks.
    monkeypatch.setattr(settle, "MOST", 30.0)
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_tabs_built(app, pilot)
        painted = frames(app)
        for key in ("p", "p", "o", "o", "3", "2"):
            painted.clear()
            await pilot.press(key)
            await pilot.pause(0.4)
            assert len(painted) == 1, (key, painted)
        assert app._batch_count == 0 and app.holds.count == 0


async def test_a_key_after_a_long_hold_adds_none(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        app.holds.count, app.holds.since = 1, time.monotonic() - 2 * settle.MOST
        batches = app._batch_count
        await app.on_event(events.Key("j", "j"))
        assert app.holds.count == 1 and app._batch_count == batches  # painted as soon as it can
        app.holds.count = 0


async def test_a_flood_of_keys_leaves_no_hold_behind(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        painted = frames(app)
        await pilot.press(*("j" * 60), *("]" * 20), "G", "g")
        await pilot.pause(0.5)
        assert app.holds.count == 0 and app._batch_count == 0
        assert painted  # the screen caught up


async def test_search_marks_restyle_the_overview_in_place(bundled: LoadResult) -> None:
    """Marking matches keeps the overview's options and their wrapped heights (restyled, not
    set anew), and the marks are drawn; clearing them restyles back."""
    from briefing_tui.ui.widgets.steady_list import SteadyOptionList

    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("1")
        await pilot.pause(0.3)
        options = app.screen.query_one("#overview-list", SteadyOptionList)
        before = list(options.options)
        heights = dict(options._line_cache.heights)
        await pilot.press("slash", *"siberia")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert list(options.options) == before  # the same Option objects
        assert dict(options._line_cache.heights) == heights
        texts = [o.prompt for o in options.options if isinstance(o.prompt, Text)]
        found = [(t, t.plain.find("Siberia")) for t in texts if "Siberia" in t.plain]
        assert found
        for prompt, at in found:  # a mark covers the word
            assert any(s.start <= at < s.end for s in prompt.spans), prompt.plain
        assert options.restyle([*before[:-1]]) is False  # a different list is refused


async def test_a_search_keystroke_paints_the_character_and_its_results_once(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settle, "MOST", 30.0)
    monkeypatch.setattr(settle, "WORKER_WAIT", 30.0)  # the search is waited for, however slow
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_tabs_built(app, pilot)
        await pilot.press("slash")
        await pilot.pause(0.3)
        painted = frames(app)
        counts = []
        for character in "trade":
            painted.clear()
            await pilot.press(character)
            await pilot.pause(0.3)
            assert len(painted) == 1, (character, painted)
            counts.append(str(app.screen.query_one("#search-count").render()))
        assert all("hit" in count for count in counts), counts


async def test_a_hold_that_ends_with_only_widgets_to_repaint_paints_them_at_once(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No waiting for Textual's update timer (up to 16 ms): the frame is painted by the hold's
    end itself when the key left no layout to do (a character typed into the search box)."""
    monkeypatch.setattr(settle, "MOST", 30.0)
    monkeypatch.setattr(settle, "WORKER_WAIT", 30.0)
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await until_tabs_built(app, pilot)
        await pilot.press("slash", *"trad")
        await pilot.pause(0.3)
        painted = frames(app)
        at_once: list[int] = []
        paint = settle._paint

        def spy(app_: object, holds: settle.Holds) -> None:
            before = len(painted)
            paint(app_, holds)  # type: ignore[arg-type]
            at_once.append(len(painted) - before)

        monkeypatch.setattr(settle, "_paint", spy)
        await pilot.press("e")  # "trade": the same hits, so nothing changes height
        await pilot.pause(0.3)
        assert at_once == [1] and len(painted) == 1, (at_once, painted)
