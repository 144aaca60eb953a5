"""`d` switches theme without parsing the stylesheet again for a theme it has parsed before."""

from __future__ import annotations

import pytest

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp


async def test_switching_back_reuses_the_rules_and_draws_the_same(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("1", "3", "4", "2")  # every tab built: their widgets' CSS is in
        await app.workers.wait_for_complete()
        await pilot.pause()
        start_theme = app.theme
        await pilot.press("d")
        await pilot.pause()
        first_rules = app.stylesheet.rules
        first_screen = app.export_screenshot()
        await pilot.press("d")
        await pilot.pause()
        assert app.theme == start_theme
        other_screen = app.export_screenshot()
        await pilot.press("d")
        await pilot.pause()
        assert app.stylesheet.rules is first_rules  # reused, not parsed again
        assert app.export_screenshot() == first_screen  # and drawn exactly as the first time
        assert other_screen != first_screen  # the themes do differ


async def test_a_source_added_later_is_parsed(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d", "d")
        await pilot.pause()
        app.stylesheet.add_source("#reader { color: red; }", read_from=("test", "extra"))
        app.stylesheet.reparse()
        assert ("test", "extra") in app.stylesheet.source
        count = len(app.stylesheet.rules)
        app.stylesheet.source.pop(("test", "extra"))
        app.stylesheet.reparse()
        assert len(app.stylesheet.rules) == count - 1


async def test_a_switched_theme_draws_as_textuals_own_switch_does(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each widget is marked for repainting once after a switch: nothing is left in the old
    theme's colours (every tab compared with Textual's own switch, which marks every style)."""
    from textual.app import App

    from briefing_tui.ui.css_cache import ThemeSwitch

    shots: dict[str, list[str]] = {}
    for name in ("ours", "textual"):
        if name == "textual":
            monkeypatch.setattr(ThemeSwitch, "refresh_css", App.refresh_css)
        app = BriefingApp(bundled)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("d")
            await pilot.pause()
            shots[name] = []
            for tab in ("1", "2", "3", "4", "p", "2"):
                await pilot.press(tab)
                await app.workers.wait_for_complete()
                await pilot.pause()
                shots[name].append(app.export_screenshot())
    assert shots["ours"] == shots["textual"]
