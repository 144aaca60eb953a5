"""Every line of the report can be reached from the keyboard, at every size, pane open or shut.

The old reader moved a paragraph at a time with its top at the top of the pane: the end of a
paragraph taller than the pane never appeared, and paging stuck at §3.3 (80x24) or §1.1 (60x16).
These tests read the screen itself, as a person would, not the widget's scroll offset.
"""

from __future__ import annotations

import pytest
from harness import flat, region_text, screen_text
from textual.pilot import Pilot

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.reader import Reader


def reader_of(app: BriefingApp) -> Reader:
    return app.screen.query_one(Reader)


def rows_on_screen(app: BriefingApp) -> set[str]:
    """The reader's rows as drawn, without the edge cells (padding, scrollbar)."""
    reader = reader_of(app)
    area = reader.scrollable_content_region
    rows = screen_text(app).splitlines()[area.y : area.bottom]
    return {row[area.x : area.right].strip() for row in rows}


def document_rows(reader: Reader) -> list[str]:
    """Every line the reader has laid out, as text."""
    return [strip.text.strip() for block in reader.blocks for strip in block.lines]


async def open_pane(app: BriefingApp, pilot: Pilot, shown: bool) -> None:
    """Put the sources pane in the wanted state (docked on wide screens, hidden on narrow)."""
    pane = app.screen.query_one("#attribution")
    if (pane.region.width > 0) != shown:
        await pilot.press("p")
        await pilot.pause()
    assert (pane.region.width > 0) == shown


SIZES = [(80, 24), (60, 16), (120, 40)]


@pytest.mark.parametrize("pane", [False, True], ids=["pane-shut", "pane-open"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_space_from_the_top_shows_every_line(
    bundled: LoadResult, size: tuple[int, int], pane: bool
) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await open_pane(app, pilot, pane)
        reader = reader_of(app)
        reader.focus()
        await pilot.press("g")
        await pilot.pause()
        seen = rows_on_screen(app)
        for _ in range(400):
            before = reader.scroll_y
            await pilot.press("space")
            await pilot.pause()
            seen |= rows_on_screen(app)
            if reader.scroll_y == before:
                break
        else:
            pytest.fail("space never reached the end")
        wanted = [row for row in document_rows(reader) if row]
        missing = [row for row in wanted if row not in seen]
        assert not missing, f"{len(missing)} of {len(wanted)} lines never shown: {missing[:3]}"
        # The sentence the issue could never see at 80x24.
        assert any(row.endswith("initiatives.") for row in seen)
        assert reader.current_target() is not None


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_line_keys_reach_every_line_and_back(
    bundled: LoadResult, size: tuple[int, int]
) -> None:
    """j walks down a line at a time to the last line; k walks back to the first."""
    app = BriefingApp(bundled, goto="s4.p5")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        reader = reader_of(app)
        block = next(b for b in reader.blocks if b.id == "s4.p5")
        last_text_line = block.bottom - 2  # the last line is the blank after the paragraph
        presses = 0
        while last_text_line not in reader.visible_lines():
            await pilot.press("j")
            presses += 1
            assert presses < 200
        await pilot.pause()
        assert "cooling of Ukrainian initiatives." in flat(region_text(app, reader))
        # The cursor stays on the paragraph being read while any of it is on screen.
        assert reader.current_target() == "s4.p5"
        top = reader.scroll_y
        await pilot.press("ctrl+e")
        assert reader.scroll_y == top + 1
        await pilot.press("ctrl+y", "k")
        assert reader.scroll_y == top - 1


async def test_half_pages_and_pages_move_by_the_screen(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = reader_of(app)
        height = reader.scrollable_content_region.height
        await pilot.press("ctrl+d")
        assert reader.scroll_y == height // 2
        await pilot.press("ctrl+u")
        assert reader.scroll_y == 0
        await pilot.press("pagedown")
        assert reader.scroll_y == height - 2  # two lines of the last page stay, as in vim
        # After a page the cursor is on the paragraph at the top of the screen.
        top_block = next(b for b in reader.blocks if b.paragraph and b.bottom - 1 > reader.scroll_y)
        assert reader.current_target() == top_block.id
        await pilot.press("pageup")
        assert reader.scroll_y == 0
        await pilot.press("end")
        assert (
            reader.current_target()
            == reader.blocks[max(i for i, b in enumerate(reader.blocks) if b.paragraph)].id
        )
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("home")
        assert reader.scroll_y == 0 and reader.current_target() == "s1.p1"


async def test_at_the_bottom_j_and_bracket_step_the_cursor_through_the_last_paragraphs(
    bundled: LoadResult,
) -> None:
    """The last paragraphs can never reach the top of the view; the cursor still reaches them."""
    briefing = bundled.library.briefings[0]
    ids = [p.id for _, p in briefing.paragraphs()]
    app = BriefingApp(bundled)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("G", "g")
        reader = reader_of(app)
        reader._scroll(reader.line_count)
        await pilot.pause()
        at_bottom = reader.current_target()
        await pilot.press("j")
        assert reader.current_target() != at_bottom or at_bottom == ids[-1]
        for _ in ids:
            await pilot.press("]")
        assert reader.current_target() == ids[-1]
        await pilot.press("[")
        assert reader.current_target() == ids[-2]


async def test_position_indicator_in_the_status_line(bundled: LoadResult) -> None:
    briefing = bundled.library.briefings[0]
    count = briefing.paragraph_count
    app = BriefingApp(bundled, goto="s4.p5")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        status = str(app.screen.query_one("#status-line").content)
        ids = [p.id for _, p in briefing.paragraphs()]
        assert f"§4.5 · {ids.index('s4.p5') + 1}/{count} · " in status
        assert status.rstrip().endswith("%")
        await pilot.press("G")
        await pilot.pause()
        assert str(app.screen.query_one("#status-line").content).rstrip().endswith("100%")


async def test_a_search_hit_deep_in_a_paragraph_is_scrolled_on_screen(
    bundled: LoadResult,
) -> None:
    """'cooling' is near the end of §4.5, below the screen when the paragraph's top is shown."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"cooling")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        reader = reader_of(app)
        assert reader.current_target() == "s4.p5"
        spans = reader.marks["s4.p5"]
        line = reader.line_of_span("s4.p5", spans[0])
        assert line in reader.visible_lines()
        assert "cooling" in region_text(app, reader)


async def test_the_outline_opens_on_a_key_at_80_columns(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        outline = app.screen.query_one("#outline")
        assert outline.region.width == 0
        await pilot.press("o")
        await pilot.pause()
        assert outline.region.width > 0
        assert app.focused is outline
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert reader_of(app).current_target() == "s3.p1"
        assert outline.region.width == 0  # out of the way again once it has been used


@pytest.mark.parametrize("size", [(60, 16), (80, 24)])
async def test_opening_the_pane_keeps_the_place_being_read(
    bundled: LoadResult, size: tuple[int, int]
) -> None:
    """Reading the agreements table, p used to jump the view back to the paragraph above it."""
    app = BriefingApp(bundled)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        reader = reader_of(app)
        table = next(block for block in reader.blocks if block.id.startswith("table:"))
        reader._scroll(table.top + len(table.lines) // 2)
        await pilot.pause()
        for key in ("p", "p"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            table = next(block for block in reader.blocks if block.id.startswith("table:"))
            assert table.top <= reader.scroll_y < table.bottom, key
