"""Content is data: markup in a briefing shows literally in every part of the browser."""

from __future__ import annotations

import dataclasses

from briefing_tui.content.model import Library
from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.reader import Reader

PAYLOAD = "[bold]x[/] [/] [@click=app.quit]go[link=file:///etc/passwd]y[/link]"


def planted(result: LoadResult) -> LoadResult:
    b = result.library.briefings[0]
    section = b.sections[0]
    first = section.paragraphs[0]
    attribution = dataclasses.replace(first.attributions[0], quote=PAYLOAD)
    paragraph = dataclasses.replace(
        first,
        text=f"{PAYLOAD} {first.text}",
        label=PAYLOAD,
        attributions=(attribution,),
    )
    sources = (dataclasses.replace(b.sources[0], title=PAYLOAD), *b.sources[1:])
    section = dataclasses.replace(
        section, title=PAYLOAD, paragraphs=(paragraph, *section.paragraphs[1:])
    )
    briefing = dataclasses.replace(
        b, title=PAYLOAD, sections=(section, *b.sections[1:]), sources=sources
    )
    return LoadResult(Library(briefings=(briefing,)))


async def test_markup_in_content_is_shown_literally_and_runs_nothing(bundled: LoadResult) -> None:
    app = BriefingApp(planted(bundled))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        # Clicking where the payload is drawn must not run app.quit.
        await pilot.click("#title-bar", offset=(10, 0))
        await pilot.pause()
        assert app.is_running
        assert app.crash is None
        title = app.screen.query_one("#title-bar").content
        assert PAYLOAD in title.plain
        reader = app.screen.query_one(Reader)
        blocks = {block.id: block.text for block in reader.blocks}
        prompt = blocks["s1.p1"]
        assert prompt.plain.count(PAYLOAD) == 2  # label and text
        heading = blocks["heading:s1"]
        assert PAYLOAD in heading.plain
        pane = app.screen.query_one(AttributionPane).plain_text
        assert PAYLOAD in pane  # the source title and the quote
