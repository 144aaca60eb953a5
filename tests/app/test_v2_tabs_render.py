"""Both format-v2 fixtures drawn in every tab at 80x24 and 120x40: no crash, and what the tab
is for on screen (a tab the briefing lacks says so on the status line instead)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import screen_text

from briefing_tui.content.loader import load_library
from briefing_tui.ui import i18n
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.status_line import StatusLine

V2 = Path(__file__).resolve().parent.parent / "data" / "library-v2"

#: (briefing, tab key) -> the tab that must be active and words that must be on screen (the
#: briefing's own, or a message of the chrome, looked up in the session's language).
EXPECTED: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("visit-figures-en", "1"): (
        "overview",
        (
            "The May 2025 visit in figures",
            "This briefing has no key figures, timeline or reactions.",
        ),
    ),
    ("visit-figures-en", "2"): ("report", ("1. Economy", "Trade")),
    ("visit-figures-en", "3"): ("agreements", ("Power of Siberia-2", "Energy")),
    ("visit-figures-en", "4"): (
        "sources",
        ("Kremlin reports on the programme", "http://en.kremlin.ru/"),
    ),
    ("visit-note-ru", "1"): ("overview", ("7–10 мая 2025", "ХРОНОЛОГИЯ", "Переговоры в Кремле")),
    ("visit-note-ru", "2"): ("report", ("Итоги визита", "По итогам переговоров 8 мая")),
    ("visit-note-ru", "3"): ("report", ("Итоги визита",)),  # no agreements: the report stays
    ("visit-note-ru", "4"): ("sources", ("Сообщения Кремля о программе", "http://kremlin.ru/")),
}


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.use("en")


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("key", ["1", "2", "3", "4"])
@pytest.mark.parametrize("briefing_id", ["visit-figures-en", "visit-note-ru"])
async def test_each_tab_draws_its_content(
    briefing_id: str, key: str, size: tuple[int, int], language: str
) -> None:
    result = load_library(V2 / briefing_id)
    assert result.problems == []
    app = BriefingApp(result, language=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        tab, words = EXPECTED[briefing_id, key]
        assert app.screen.tabs.active == tab  # type: ignore[attr-defined]
        shown = " ".join(screen_text(app).split())
        for word in map(i18n.tr, words):  # the chrome's words in the session's language
            assert word in shown, (word, shown)
        if (briefing_id, key) == ("visit-note-ru", "3"):
            message = app.screen.query_one(StatusLine).message
            assert message == i18n.tr("This briefing has no agreements table.")
        # moving and the pane work in every tab at this size too
        for more in ("j", "j", "p", "k", "p"):
            await pilot.press(more)
        await pilot.pause()
        assert app.screen.tabs.active == tab  # type: ignore[attr-defined]
        assert app.crash is None
