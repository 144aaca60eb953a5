"""The palette lists a bounded number of jump targets (issue #12, finding 9: a briefing of
6,000 sections listed 8,003 entries and took seconds to open and to narrow)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from benchmarks.wide import write_wide_briefing
from briefing_tui.content.loader import load_library
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.palette import MAX_HITS


async def test_palette_lists_at_most_max_hits_and_search_finds_any(tmp_path: Path) -> None:
    result = load_library(write_wide_briefing(tmp_path / "wide", 600, 200))
    app = BriefingApp(result)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(OptionList)
        listed = options.option_count
        # plus Help, theme, Quit and "Copy a citation" (no notes commands: no state here)
        assert MAX_HITS <= listed <= MAX_HITS + 4
        await pilot.press(*"Section 517")
        await pilot.pause(0.5)
        assert 0 < options.option_count <= MAX_HITS
        assert "Section 517" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, CommandPalette)
        assert app.crash is None
