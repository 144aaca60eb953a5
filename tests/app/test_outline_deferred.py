"""Below 110 columns the outline is built after the first frame, not before it.

It is hidden there until `o`, so building it first only delayed the start. What must hold: it
is there once the screen has started, it shows the section being read even if the reader
moved before it was built, and on a wide screen it is on the first frame.
"""

from __future__ import annotations

import pytest

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.outline import Outline
from briefing_tui.ui.widgets.report import ReportView


@pytest.mark.parametrize(
    ("size", "at_compose"), [((80, 24), False), ((60, 16), False), ((120, 40), True)]
)
async def test_the_outline_is_built_with_the_first_frame_only_where_it_shows(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], at_compose: bool
) -> None:
    seen: dict[str, bool] = {}
    compose = ReportView.compose

    def probe(self: ReportView):  # type: ignore[no-untyped-def]
        children = list(compose(self))
        seen["outline"] = any(isinstance(child, Outline) for child in children)
        return iter(children)

    monkeypatch.setattr(ReportView, "compose", probe)
    app = BriefingApp(bundled)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert seen["outline"] is at_compose
        view = app.screen.query_one(ReportView)
        outline = view.outline
        assert outline is not None  # built once the first frame is out, in either case
        assert outline.display is at_compose
        assert list(view.children) == [outline, view.reader]  # on the left, as before


async def test_a_section_reached_before_the_outline_is_built_is_shown_in_it(
    bundled: LoadResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader moves first, the outline comes later: it opens on the reader's section."""
    monkeypatch.setattr(ReportView, "on_mount", lambda self: None)  # not built on its own
    app = BriefingApp(bundled, goto="s3.p1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ReportView)
        assert view.outline is None
        assert view.reader.current_target() == "s3.p1"
        await pilot.press("o")  # builds it
        await pilot.pause()
        outline = view.outline
        assert outline is not None and app.focused is outline
        highlighted = outline.highlighted_option
        assert highlighted is not None and highlighted.id == "s3"


async def test_o_at_once_builds_the_outline_and_opens_it(bundled: LoadResult) -> None:
    """`o` before the deferred build has run: the key builds it itself, once."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(ReportView)
        outline = await view.build_outline()
        assert await view.build_outline() is outline
        await pilot.press("o")
        await pilot.pause()
        assert len(app.screen.query(Outline)) == 1
        assert outline.region.width > 0 and app.focused is outline
