"""Every part of the original is shown in the browser, in place; editorial additions are marked.

Before, the table's intro sentence, the note under the table, the photo caption and the source
list's heading existed only in exports: search found them, then landed on a screen without them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from harness import Harness, bundled_briefing, flat, screen_text

from briefing_tui.content.model import Briefing
from briefing_tui.content.problems import LoadResult
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.document import EDITORIAL
from briefing_tui.ui.widgets.overview import OverviewView
from briefing_tui.ui.widgets.reader import Reader

#: The bundled briefing is in English: its gaps are named in English words.
GAP = "gap in the original"


def report_text(reader: Reader) -> str:
    return flat(" ".join(block.text.plain for block in reader.blocks))


async def test_report_shows_caption_table_intro_table_note_and_source_list(
    bundled: LoadResult,
) -> None:
    b = bundled.library.briefings[0]
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        shown = report_text(reader)
        assert b.photo_caption and flat(b.photo_caption) in shown
        assert b.intro and flat(b.intro) in shown
        assert b.note and flat(f"Note: {b.note}") in shown
        assert f"{b.heading}:" in shown
        for agreement in b.agreements:
            assert flat(agreement.text) in shown
        for source in b.sources:
            if source.in_report_list:
                assert flat(source.title) in shown
        # In place: the table follows its section, the source list closes the report.
        ids = [block.id for block in reader.blocks]
        assert (
            ids.index(f"table:{b.after_section}") == ids.index(b.sections[1].paragraphs[-1].id) + 1
        )
        assert ids[-1] == "source-list"


async def test_goto_the_note_shows_it_on_screen(bundled: LoadResult) -> None:
    """`G` then paging back finds the note; here: scroll the table block to the top."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        table = next(block for block in reader.blocks if block.id.startswith("table:"))
        reader._scroll(table.bottom - 8)
        await pilot.pause()
        assert "Note: The signing of most of the above agreements" in flat(screen_text(app))


async def test_gap_notices_are_worded_one_way(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="s3.p1")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert GAP in screen_text(app)  # in the report text and in the pane
        pane = app.screen.query_one("#attribution").plain_text
        assert GAP in pane or "gap" not in pane.lower()


def _overview(briefing: Briefing, refs: BriefingRefs) -> OverviewView:
    return OverviewView(briefing, refs, id="overview-view")


async def test_overview_marks_editorial_parts() -> None:
    app = Harness(_overview)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        # The summary, and each block of our own wording, carries the mark.
        assert screen.count(EDITORIAL) >= 3
        assert f"{EDITORIAL}: summary" in screen


async def test_a_long_timeline_date_is_never_cut() -> None:
    b = bundled_briefing()
    event = dataclasses.replace(b.timeline[0], date=dt.date(2025, 9, 1), end=dt.date(2025, 9, 3))
    briefing = dataclasses.replace(b, timeline=(event, *b.timeline[1:]))
    app = Harness(_overview, briefing)
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.pause()
        assert "1–3 September" in screen_text(app)
        assert "Septem…" not in screen_text(app)


async def test_agreements_table_marks_statuses_and_figures_as_editorial(
    bundled: LoadResult,
) -> None:
    app = BriefingApp(bundled, goto="power-of-siberia-2")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_text(app)
        assert "Status ✎" in screen
        assert EDITORIAL in screen
