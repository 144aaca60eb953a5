"""The reader on format-v2 briefings: it opens them at both sizes, in every tab, without crashing.

How subsections, plain tables, hidden empty tabs and localized chrome are drawn is the UI's own
work; this only proves the existing screens stand on briefings without an overview or an
agreements table, with nested sections, and in Russian.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.content.loader import load_library
from briefing_tui.ui.app import BriefingApp

V2 = Path(__file__).resolve().parent.parent / "data" / "library-v2"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("briefing_id", ["visit-figures-en", "visit-note-ru"])
async def test_every_tab_opens(briefing_id: str, size: tuple[int, int]) -> None:
    result = load_library(V2)
    assert result.problems == []
    app = BriefingApp(result, goto=f"{briefing_id}/")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in ("1", "2", "3", "4", "2", "j", "j", "p", "p"):
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.briefing.id == briefing_id  # type: ignore[attr-defined]
