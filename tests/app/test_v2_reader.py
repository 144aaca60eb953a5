"""A briefing of format v2 in the reader: subsections and plain tables are on screen and
reachable, not only searchable (the multi-level English fixture of tests/data/library-v2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import screen_text

from briefing_tui.content.loader import load_library
from briefing_tui.content.model import Briefing
from briefing_tui.content.problems import LoadResult
from briefing_tui.reading.outline import outline
from briefing_tui.reading.refs import BriefingRefs, find_target
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.outline import Outline
from briefing_tui.ui.widgets.reader import Reader

FIGURES = Path(__file__).resolve().parents[1] / "data" / "library-v2" / "visit-figures-en"


@pytest.fixture(scope="module")
def loaded() -> LoadResult:
    result = load_library(FIGURES)
    assert not result.broken
    return result


def briefing_of(result: LoadResult) -> Briefing:
    return result.library.briefings[0]


def test_the_fixture_has_subsections_and_tables(loaded: LoadResult) -> None:
    b = briefing_of(loaded)
    assert any(entry.depth >= 2 for entry in outline(b))
    assert list(b.tables())


async def test_every_paragraph_and_table_of_every_level_is_in_the_reader(
    loaded: LoadResult,
) -> None:
    b = briefing_of(loaded)
    app = BriefingApp(loaded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        ids = {block.id for block in reader.blocks}
        assert {p.id for _, p in b.paragraphs()} <= ids
        assert {f"table:{t.id}" for _, t in b.tables()} <= ids
        assert {f"heading:{e.section.id}" for e in outline(b)} <= ids
        # paging to the end puts every laid-out line on screen, subsections included
        reader.focus()
        seen: set[str] = set()
        for _ in range(600):
            before = reader.scroll_y
            area = reader.scrollable_content_region
            rows = screen_text(app).splitlines()[area.y : area.bottom]
            seen |= {row[area.x : area.right].strip() for row in rows}
            await pilot.press("space")
            await pilot.pause()
            if reader.scroll_y == before:
                break
        area = reader.scrollable_content_region
        rows = screen_text(app).splitlines()[area.y : area.bottom]
        seen |= {row[area.x : area.right].strip() for row in rows}
        wanted = [s.text.strip() for block in reader.blocks for s in block.lines if s.text.strip()]
        missing = [row for row in wanted if row not in seen]
        assert not missing, missing[:3]


async def test_goto_and_the_outline_reach_a_subsection(loaded: LoadResult) -> None:
    b = briefing_of(loaded)
    deep = next(e for e in outline(b) if e.depth >= 1 and e.section.paragraphs)
    paragraph = deep.section.paragraphs[0]
    refs = BriefingRefs(b)
    assert refs.target(deep.section.id) is not None
    assert find_target(loaded.library, deep.label) == (b, deep.section.id)
    app = BriefingApp(loaded, goto=paragraph.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(Reader).current_target() == paragraph.id
        options = app.screen.query_one(Outline)
        assert options.get_option(deep.section.id) is not None
