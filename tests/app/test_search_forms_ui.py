"""Word forms and typos in the browser (issue #15): the search bar says "showing results for"
and "did you mean"; the picker and the palette match word forms as search does."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from briefing_tui.content.loader import load_library
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.screens.picker import PickerScreen

FORMS = Path(__file__).resolve().parent.parent / "data" / "library-forms"
SIZE = (80, 24)


async def test_search_bar_says_showing_results_for_and_did_you_mean() -> None:
    app = BriefingApp(load_library(FORMS / "forms-en"))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("slash", *"Yurj Ushakov")
        await app.workers.wait_for_complete()
        await pilot.pause()
        count = str(app.screen.query_one("#search-count", Static).content)
        assert count.startswith("3 hits · showing results for Yuri Ushakov")
        search_input = app.screen.query_one("#search-input", Input)
        search_input.value = "Yuri prce"
        await app.workers.wait_for_complete()
        await pilot.pause()
        count = str(app.screen.query_one("#search-count", Static).content)
        assert count == "0 hits · did you mean Yuri price"


async def test_picker_filter_matches_other_forms() -> None:
    app = BriefingApp(load_library(FORMS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        # The Russian title says «переговоров»; the English one has no such word.
        await pilot.press(*"переговоры ")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            "forms-ru"
        ]


async def test_palette_matches_other_forms() -> None:
    app = BriefingApp(load_library(FORMS / "forms-ru"))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"монголия")
        await pilot.pause(0.5)
        options = app.screen.query_one(OptionList)
        assert "Газопровод через Монголию" in str(options.get_option_at_index(0).prompt)
