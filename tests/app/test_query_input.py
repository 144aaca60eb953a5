"""The search box holds at most a query's worth of text (issue #12, finding 10).

Before: a 200 KB paste went into the box whole and froze the UI for 7 s. Now a paste is cut to
MAX_QUERY_CHARS with a notice, and typing past the limit adds nothing.
"""

from __future__ import annotations

import pytest
from harness import layout_requests
from textual import events
from textual.widgets import Input

from briefing_tui.content.loader import LoadResult
from briefing_tui.search.query import MAX_QUERY_CHARS
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.query_input import CUT


@pytest.mark.parametrize(
    "pasted",
    ["gas " * 50_000, "x" * 200_000, "power " * 100 + "\n" + "y" * 100_000],
    ids=["200k-words", "200k-one-word", "long-first-line-then-more"],
)
async def test_a_huge_paste_is_cut_with_a_notice(bundled: LoadResult, pasted: str) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        box = app.screen.query_one("#search-input", Input)
        box.post_message(events.Paste(pasted))
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        first_line = pasted.split("\n", 1)[0]
        assert box.value == first_line[:MAX_QUERY_CHARS]
        assert any(n.message == CUT.format(limit=MAX_QUERY_CHARS) for n in app._notifications)
        await pilot.press(*"more")
        assert len(box.value) == MAX_QUERY_CHARS
        assert app.crash is None


async def test_a_paste_that_fits_is_taken_whole_without_notice(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"gas ")
        box = app.screen.query_one("#search-input", Input)
        box.post_message(events.Paste("pipeline\nsecond line"))
        await pilot.pause(0.2)
        assert box.value == "gas pipeline"
        assert not any(n.message == CUT for n in app._notifications)


async def test_typing_in_the_box_lays_nothing_out_and_the_text_still_scrolls(
    bundled: LoadResult,
) -> None:
    """The box's size never depends on its text: a character typed repaints the box and asks
    for no layout of the screen, and a query wider than the box still shows where one types."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("slash")
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = app.screen.query_one(Input)
        asked = layout_requests(box)
        words = "russia china agreement cooperation energy power siberia pipeline"
        for character in words:
            await pilot.press(character if character != " " else "space")
        await pilot.pause()
        assert box.value == words
        assert asked and not any(asked)  # repainted, never laid out
        width = box.content_region.width
        assert len(words) > width
        shown = box.render_line(0).text
        assert "pipeline" in shown and "russia" not in shown  # the end, where the cursor is
        await pilot.press("home")
        await pilot.pause()
        assert "russia" in box.render_line(0).text
