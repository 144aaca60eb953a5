"""Snapshot tests: one per screen state, at 80x24 and one at 160x48.

The SVGs live in ``tests/app/__snapshots__/test_snapshots/``. After a deliberate change, run
``pytest tests/app/test_snapshots.py --snapshot-update`` and look at every changed SVG before
committing it. Behaviour is asserted by the Pilot tests; these catch what the eye would.

Determinism: the search index is built on a worker thread and searches run on one too, so every
test waits for the workers before the screenshot; the search input's cursor blink is switched off.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Protocol

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp

NARROW = (80, 24)
WIDE = (160, 48)


class SnapCompare(Protocol):
    def __call__(
        self,
        app: BriefingApp,
        press: Iterable[str] = (),
        terminal_size: tuple[int, int] = (80, 24),
        run_before: Callable[[Pilot[None]], Awaitable[None] | None] | None = None,
    ) -> bool: ...


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the index (and any search) has finished on its worker thread."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for search_input in pilot.app.screen.query(Input):
        search_input.cursor_blink = False
    await pilot.pause()


def keys_then_settle(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A ``run_before`` that waits for the index, presses ``keys`` and waits for the workers.

    Keys go here rather than in ``press=`` because ``press`` runs after ``run_before``: a search
    typed there could still be on its thread when the screenshot is taken.
    """

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


@pytest.fixture
def app(bundled: LoadResult) -> BriefingApp:
    return BriefingApp(bundled)


@pytest.mark.parametrize(
    "tab", ["1", "2", "3", "4"], ids=["overview", "report", "agreements", "sources"]
)
def test_tab_at_80x24(snap_compare: SnapCompare, app: BriefingApp, tab: str) -> None:
    assert snap_compare(app, run_before=keys_then_settle(tab), terminal_size=NARROW)


def test_report_with_attribution_pane_at_80x24(snap_compare: SnapCompare, app: BriefingApp) -> None:
    """p on a narrow terminal shows the pane beside the text, for the paragraph under the cursor."""
    assert snap_compare(app, run_before=keys_then_settle("2", "p"), terminal_size=NARROW)


def test_search_panel_with_query_at_80x24(snap_compare: SnapCompare, app: BriefingApp) -> None:
    assert snap_compare(app, run_before=keys_then_settle("slash", *"siberia"), terminal_size=NARROW)


def test_help_at_80x24(snap_compare: SnapCompare, app: BriefingApp) -> None:
    assert snap_compare(app, run_before=keys_then_settle("question_mark"), terminal_size=NARROW)


def test_report_at_160x48_with_docked_pane(snap_compare: SnapCompare, app: BriefingApp) -> None:
    """Wide: the outline, the text and the attribution pane all at once, without toggling."""
    assert snap_compare(app, run_before=keys_then_settle("2", "j"), terminal_size=WIDE)
