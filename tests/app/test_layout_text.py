"""Nothing on the chrome is cut without a sign: tab labels whole, the header ellipsised."""

from __future__ import annotations

import pytest
from harness import screen_text

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp


@pytest.mark.parametrize(
    ("size", "labels"),
    [
        ((80, 24), ["1 Overview", "2 Report", "3 Agreements", "4 Sources"]),
        ((60, 16), ["1 Over", "2 Repo", "3 Agre", "4 Sour"]),
    ],
)
async def test_tab_labels_are_never_cut_with_the_pane_open(
    bundled: LoadResult, size: tuple[int, int], labels: list[str]
) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        strip = screen_text(app).splitlines()[1].split("│")[0]
        for label in labels:
            assert label in strip, strip
        # A click on a label still switches to its tab, with the tighter layout.
        tab_strip = app.screen.query_one("#tab-strip")
        x = strip.index(labels[2]) - tab_strip.region.x - tab_strip.styles.padding.left
        assert tab_strip.tab_at(x) == "agreements"


async def test_the_header_ends_in_an_ellipsis_when_cut(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        header = screen_text(app).splitlines()[0].rstrip()
        assert header.endswith("…"), header


async def test_a_status_message_lasts_until_the_next_key(bundled: LoadResult) -> None:
    """'Search marks cleared.' stayed through 10+ actions; now the next key replaces it."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("/", *"trade")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        def status() -> str:
            return str(app.screen.query_one("#status-line").content)

        assert "Search marks cleared." in status()
        await pilot.press("2", "j")
        await pilot.pause()
        assert "cleared" not in status()
        assert "/23 · " in status()  # the reading position is back


async def test_table_cells_wrap_between_words_at_60_columns(bundled: LoadResult) -> None:
    """At 60 columns the area column was 9 cells: "Infrastructure" was cut mid-word."""
    app = BriefingApp(bundled, goto="transport-corridors")
    async with app.run_test(size=(60, 16)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "Infrastructure" in shown
        assert "Infrastru\n" not in shown.replace(" ", "")
