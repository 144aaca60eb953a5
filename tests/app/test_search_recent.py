"""The search bar keeps the index's answers to queries typed lately, and works out the dearest
lone letters ahead: what is kept is what the index would answer, and a new index forgets it."""

from __future__ import annotations

from typing import Any

import pytest
from harness import until_indexed
from textual.pilot import Pilot

from briefing_tui.content.problems import LoadResult
from briefing_tui.search import SearchIndex
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets import search_panel
from briefing_tui.ui.widgets.search_panel import RESULT_LIMIT, SearchPanel

SIZE = (80, 24)


class Counted:
    """Counts the engine's searches (the panel's only way to an answer), by query text."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        original = SearchIndex.search

        def search(index: SearchIndex, text: str, limit: int | None = None) -> Any:
            self.asked.append(text)
            return original(index, text, limit)

        monkeypatch.setattr(SearchIndex, "search", search)


async def settled(app: BriefingApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def typed(app: BriefingApp, pilot: Pilot[None], query: str) -> None:
    """Once the index is open (and its letters searched ahead): `/` and ``query``."""
    await until_indexed(app, pilot)
    await settled(app, pilot)
    await pilot.press("slash", *query)
    await settled(app, pilot)


def shown(app: BriefingApp) -> tuple[int, list[tuple[str, str]]]:
    panel = app.screen.query_one(SearchPanel)
    assert panel.result is not None
    return panel.result.total, [(h.target_id, h.snippet) for h in panel.result.hits]


async def test_a_query_typed_again_is_answered_without_the_engine(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_panel, "WARM_FROM", 10**9)  # no letter worked out ahead
    counted = Counted(monkeypatch)
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await typed(app, pilot, "gas")
        first = shown(app)
        assert counted.asked == ["g", "ga", "gas"]
        await pilot.press("backspace")
        await settled(app, pilot)
        assert counted.asked == ["g", "ga", "gas"]  # `ga` came back from what was kept
        await pilot.press("ctrl+u", *"gas")
        await settled(app, pilot)
        assert counted.asked == ["g", "ga", "gas"]
        assert shown(app) == first
        await pilot.press("e")
        await settled(app, pilot)
        assert counted.asked[-1] == "gase"


async def test_costly_letters_are_searched_once_the_index_opens(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_panel, "WARM_FROM", 1)  # every letter is worked out ahead
    counted = Counted(monkeypatch)
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await until_indexed(app, pilot)
        await settled(app, pilot)
        panel = app.screen.query_one(SearchPanel)
        assert panel.index is not None
        letters = panel.index.costly_letters(1)
        assert "g" in letters and counted.asked == letters
        await pilot.press("slash", "g")
        await settled(app, pilot)
        assert counted.asked == letters  # the letter typed was answered from what was kept
        expected = panel.index.search("g", limit=RESULT_LIMIT)
        total, hits = shown(app)
        assert total == expected.total > 0
        assert hits == [(h.target_id, h.snippet) for h in expected.hits]


async def test_a_new_index_forgets_the_old_ones_answers(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_panel, "WARM_FROM", 10**9)
    counted = Counted(monkeypatch)
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await typed(app, pilot, "gas")
        panel = app.screen.query_one(SearchPanel)
        assert panel.index is not None
        # As a reload does: another index of other content arrives while the query stands.
        fresh = SearchIndex.build(bundled.library)
        panel.set_index(fresh, show_briefing=False)
        await settled(app, pilot)
        assert counted.asked == ["g", "ga", "gas", "gas"]
        await pilot.press("backspace")
        await settled(app, pilot)
        assert counted.asked[-1] == "ga"
