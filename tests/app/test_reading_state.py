"""Where I left off, what changed since, and the picker's badges (issue #17), under Pilot."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import flat, screen_text

from briefing_tui.content.loader import load_library
from briefing_tui.content.problems import LoadResult
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.model import ItemRef
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.screens.picker import PickerScreen
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.reader import Reader

SIZE = (80, 24)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.sqlite3"


@pytest.fixture
def state(db: Path) -> Iterator[AnalystState]:
    opened = AnalystState.open(db)
    assert opened.status == "writable", opened.notices
    yield opened
    opened.close()


def reader(app: BriefingApp) -> Reader:
    assert isinstance(app.screen, BriefingScreen), app.screen
    return app.screen.query_one(Reader)


def status(app: BriefingApp) -> str:
    return str(app.screen.query_one("#status-line").content)


def as_if_read_before(db: Path, briefing: str, changed: str, added: str) -> None:
    """Rewrite the last read so that ``changed`` read differently then and ``added`` was not
    there: what a content update between two sessions looks like to the state."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE seen SET fingerprint = 'old' WHERE briefing = ? AND item = ?",
                     (briefing, changed))  # fmt: skip
        conn.execute("DELETE FROM seen WHERE briefing = ? AND item = ?", (briefing, added))
        conn.execute("UPDATE reads SET fingerprint = 'old' WHERE briefing = ?", (briefing,))
    conn.close()


async def test_reopening_returns_to_where_the_analyst_left_off(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("]", "]", "]", "]")
        left_at = reader(app).current_target()
        await pilot.press("q")
    assert state.last_position(bundled.library.briefings[0].id).item == left_at

    again = BriefingApp(bundled, state=state)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert reader(again).current_target() == left_at
        assert status(again).startswith("Back at §")


async def test_changed_and_new_paragraphs_are_marked_and_c_steps_through_them(
    bundled: LoadResult, state: AnalystState, db: Path
) -> None:
    briefing = bundled.library.briefings[0]
    state.record_read(briefing)
    state.add_note(ItemRef(briefing.id, "s2.p1", "old"), "the first tranche was 20 bcm")
    as_if_read_before(db, briefing.id, changed="s2.p1", added="s3.p1")

    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()  # what changed is worked out in a worker
        await pilot.pause()
        assert "2 items changed since you last read (c)" in status(app)
        await pilot.press("c")
        await pilot.pause()
        assert reader(app).current_target() == "s2.p1"
        assert "Change 1/2" in status(app) and "changed since you last read" in status(app)
        shown = flat(screen_text(app))
        assert "● changed since you last read" in shown
        assert "(written before the paragraph changed)" in shown
        pane = app.screen.query_one(AttributionPane).plain_text
        assert "● Changed since you last read" in pane
        assert "written before this item changed" in pane
        await pilot.press("c")
        await pilot.pause()
        assert reader(app).current_target() == "s3.p1"
        assert "new since you last read" in status(app)
        await pilot.press("C")
        await pilot.pause()
        assert reader(app).current_target() == "s2.p1"
    # This session's read was recorded when the briefing opened: next time nothing is new.
    assert not state.changes(briefing)


async def test_a_first_read_marks_nothing(bundled: LoadResult, state: AnalystState) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        assert status(app) == "First time you read this briefing: nothing is marked as changed."
        assert "since you last read" not in flat(screen_text(app))


async def test_picker_shows_last_read_and_updated_since(
    two_briefings: Path, state: AnalystState, db: Path
) -> None:
    loaded = load_library(two_briefings)
    xi = next(b for b in loaded.library.briefings if b.id != "mini")
    state.record_read(xi)
    as_if_read_before(db, xi.id, changed="s1.p1", added="s1.p2")
    app = BriefingApp(loaded, state=state)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        lines = screen_text(app).splitlines()
        xi_line = next(i for i, line in enumerate(lines) if xi.title[:30] in line)
        mini_line = next(i for i, line in enumerate(lines) if "Mini" in line)
        assert "last read" in lines[xi_line + 1] and "updated since" in lines[xi_line + 1]
        assert "last read" not in lines[mini_line + 1]
        # Opening it records this read: back in the picker, it is no longer "updated".
        app.screen.query_one("#picker-list").highlighted = 0 if xi_line < mini_line else 1
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("G")
        left_at = reader(app).current_target()
        await pilot.press("backspace")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert state.last_position(xi.id).item == left_at  # saved on leaving, not only at quit
        assert "updated since" not in screen_text(app)
        assert screen_text(app).count("last read") == 1
