"""The Sources tab on its own: the list, backlinks counts, focus between panes, jumps."""

from __future__ import annotations

from harness import HOSTILE, Harness, flat, hostile_briefing, region_text
from textual.widgets import OptionList

from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.widgets.sources import SourcesView, excerpt

SIZE = (80, 24)


def make(briefing: Briefing, refs: BriefingRefs) -> SourcesView:
    return SourcesView(briefing, refs, id="sources")


def view(app: Harness) -> SourcesView:
    return app.query_one(SourcesView)


def pane_title(app: Harness) -> str:
    return str(app.query_one("#backlinks-title").render())


def left(app: Harness) -> str:
    """The source list as shown, flattened."""
    return flat(region_text(app, app.query_one("#sources-list")))


def right(app: Harness) -> str:
    """The backlinks pane as shown, flattened."""
    return flat(region_text(app, app.query_one("#backlinks-pane")))


def citing(briefing: Briefing, source_id: str) -> list[str]:
    """Who cites ``source_id``, computed from the models without the reverse index."""
    paragraphs = [p.id for _, p in briefing.paragraphs() if source_id in p.sources]
    agreements = [a.id for a in briefing.agreements if source_id in a.sources]
    return paragraphs + agreements


def test_excerpt_cuts_at_a_word() -> None:
    assert excerpt("short") == "short"
    assert excerpt("one two three four", limit=10) == "one two…"


async def test_backlinks_match_the_data_for_every_source() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sources = view(app)
        for source in app.briefing.sources:
            expected = citing(app.briefing, source.id)
            assert sources.select(source.id) is True
            await pilot.pause()
            assert sources.backlink_ids == expected
            assert pane_title(app).startswith(f"Cited by {len(expected)}")
            assert app.query_one("#backlinks-list", OptionList).option_count == len(expected)


async def test_backlinks_literal_counts() -> None:
    """Known counts, so a reverse index that drops or doubles citations is caught."""
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sources = view(app)
        sources.select("news-agencies")
        await pilot.pause()
        assert pane_title(app) == "Cited by 14 (3 paragraphs, 11 agreements)"
        sources.select("foreign-ministries")
        await pilot.pause()
        assert sources.backlink_ids == ["s1.p1", "s2.p3", "s5.p1", "s5.p4"]
        sources.select("leading-media")
        await pilot.pause()
        assert sources.backlink_ids == ["s2.p2", "s4.p2", "s4.p3", "power-of-siberia-2"]
        shown = right(app)
        assert "Cited by 4 (3 paragraphs, 1 agreement)" in shown
        assert "Power of Siberia-2 Agreements › Power engineering" in shown
        assert "§2.2 Economic Arrangements and Agreements" in shown


async def test_list_shows_kind_outlets_and_list_badges() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = left(app)
        assert "official statement · Maria Zakharova, Chinese Foreign Ministry" in shown
        assert "in report list cited by 4" in shown
        view(app).select("china-daily")
        await pilot.pause()
        shown = left(app)
        assert "cited in text only cited by 1" in shown


async def test_highlight_enter_and_backlink_jump() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sources = view(app)
        assert app.item_focused == ["foreign-ministries"]
        await pilot.press("j")
        await pilot.pause()
        assert app.item_focused[-1] == "kremlin-reports"
        assert pane_title(app).startswith("Cited by 6")
        # Refilling the pane does not move the attribution pane to a backlink.
        assert "s1.p2" not in app.item_focused

        await pilot.press("enter")  # into the backlinks
        await pilot.pause()
        assert app.focused is app.query_one("#backlinks-list")
        assert sources.current_target() == "s1.p2"
        assert app.item_focused[-1] == "s1.p2"
        await pilot.press("j")
        await pilot.pause()
        assert app.item_focused[-1] == "s2.p1"
        await pilot.press("G")
        await pilot.pause()
        assert app.item_focused[-1] == "trade-growth"
        await pilot.press("enter")
        await pilot.pause()
        assert app.jumps == ["trade-growth"]
        await pilot.press("g", "enter")
        await pilot.pause()
        assert app.jumps == ["trade-growth", "s1.p2"]

        await pilot.press("h")  # back to the list, where it was
        await pilot.pause()
        assert app.focused is app.query_one("#sources-list")
        assert sources.current_target() == "kremlin-reports"
        assert app.item_focused[-1] == "kremlin-reports"
        await pilot.press("l")
        await pilot.pause()
        assert app.focused is app.query_one("#backlinks-list")
        await pilot.press("left", "G")
        await pilot.pause()
        assert sources.current_target() == "us-press"


async def test_select_only_sources() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sources = view(app)
        await pilot.press("l")
        assert sources.select("zelensky") is True
        await pilot.pause()
        assert app.focused is app.query_one("#sources-list")
        assert sources.current_target() == "zelensky"
        assert sources.backlink_ids == ["s4.p5"]
        assert sources.select("s4.p5") is False
        assert sources.select("power-of-siberia-2") is False
        assert sources.current_target() == "zelensky"


async def test_panes_side_by_side_at_80_and_stacked_when_narrow() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left = app.query_one("#sources-list").region
        right = app.query_one("#backlinks-pane").region
        assert not view(app).has_class("-narrow")
        assert left.right <= right.x and left.y == right.y
        assert right.right <= 80 and right.bottom <= 24
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        left = app.query_one("#sources-list").region
        right = app.query_one("#backlinks-pane").region
        assert view(app).has_class("-narrow")
        assert left.bottom <= right.y and right.bottom <= 24


async def test_markup_in_content_is_shown_literally() -> None:
    app = Harness(make, hostile_briefing())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = left(app)
        assert f"{HOSTILE} Official statements" in shown
        view(app).select("leading-media")
        await pilot.pause()
        # The planted agreement title shows in the backlinks pane, literally.
        assert f"{HOSTILE} Power of Siberia-2" in right(app)
        assert app.is_running
