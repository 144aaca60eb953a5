"""Up and Down stop at the ends of every list, as j and k do: Textual's OptionList wraps round.

The picker, the source chooser and the notes list stepped through their own keys, but once
the list itself had focus (Tab, a click) its own Up and Down wrapped: Up on the first briefing
went to the last.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from briefing_tui.content.loader import load_library
from briefing_tui.content.problems import LoadResult
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.fingerprint import ref_to
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.choose_source import ChooseSourceScreen
from briefing_tui.ui.screens.notes import NotesScreen
from briefing_tui.ui.screens.picker import PickerScreen

SIZE = (80, 24)


async def _ends_hold(app: BriefingApp, pilot: object, listing: OptionList) -> None:
    press = pilot.press  # type: ignore[attr-defined]
    listing.focus()
    await pilot.pause()  # type: ignore[attr-defined]
    listing.highlighted = 0
    await press("up")
    assert listing.highlighted == 0
    last = listing.option_count - 1
    assert last > 0
    listing.highlighted = last
    await press("down")
    assert listing.highlighted == last
    await press("up")
    assert listing.highlighted == last - 1


async def test_the_pickers_list_stops_at_its_ends(two_briefings: Path) -> None:
    app = BriefingApp(load_library(two_briefings))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await _ends_hold(app, pilot, app.screen.query_one("#picker-list", OptionList))


async def test_the_source_choosers_list_stops_at_its_ends(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ChooseSourceScreen)
        await _ends_hold(app, pilot, app.screen.query_one(OptionList))


async def test_the_notes_list_stops_at_its_ends(bundled: LoadResult, tmp_path: Path) -> None:
    state = AnalystState.open(tmp_path / "state" / "state.sqlite3")
    briefing = bundled.library.briefings[0]
    for item in ("s1.p1", "s2.p1", "s3.p1"):
        state.add_note(ref_to(briefing, item), f"a note on {item}")
    app = BriefingApp(bundled, state=state)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert isinstance(app.screen, NotesScreen)
            await _ends_hold(app, pilot, app.screen.query_one(OptionList))
    finally:
        state.close()
