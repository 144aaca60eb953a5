"""The Agreements tab on its own: sorting, filters, the detail card, messages."""

from __future__ import annotations

from harness import HOSTILE, Harness, flat, hostile_briefing, region_text, screen_text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from briefing_tui.content.model import Briefing, Status
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.screens.agreement import AgreementScreen
from briefing_tui.ui.widgets.agreements import AgreementsView

SIZE = (80, 24)


def make(briefing: Briefing, refs: BriefingRefs) -> AgreementsView:
    return AgreementsView(briefing, refs, id="agreements")


def view(app: Harness) -> AgreementsView:
    return app.query_one(AgreementsView)


def rows(app: Harness) -> list[str]:
    """Agreement ids in the order the table shows them."""
    table = app.query_one("#agreements-table", DataTable)
    return [
        table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value or ""
        for row in range(table.row_count)
    ]


def card_text(app: Harness) -> str:
    """The agreement card's text, flattened; the table around it left out."""
    return flat(region_text(app, app.screen.query_one("#agreement-card")))


def status_line(app: Harness) -> str:
    return str(app.query_one("#agreements-status").render())


async def test_table_lists_all_13_with_every_column_at_80_columns() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert rows(app) == [a.id for a in app.briefing.agreements]
        assert len(rows(app)) == 13
        shown = screen_text(app)
        assert "13 of 13" in shown
        for header in ("Area", "Agreement", "Status", "Key figure", "Src"):
            assert header in shown
        assert "~50 billion m³" in shown
        assert "Power of Siberia-2" in shown


async def test_s_sorts_by_each_column_in_turn_and_r_reverses() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        b = app.briefing
        report = [a.id for a in b.agreements]
        by = {a.id: a for a in b.agreements}
        area_title = {a.id: a.title for a in b.areas}

        await pilot.press("s")  # area
        expected = sorted(report, key=lambda i: area_title[by[i].area].casefold())
        assert rows(app) == expected
        assert rows(app)[:3] == [
            "connection-of-initiatives",
            "transport-corridors",
            "regional-cooperation",
        ]
        assert "Sort: area ↑" in status_line(app)

        await pilot.press("s")  # agreement title
        assert rows(app) == sorted(report, key=lambda i: by[i].title.casefold())
        assert rows(app)[0] == "agricultural-sector"

        await pilot.press("s")  # status
        assert rows(app) == sorted(report, key=lambda i: by[i].status.value)
        assert [by[i].status for i in rows(app)[:7]] == [Status.AGREED] * 7

        await pilot.press("s")  # key figure, by value; agreements without one first
        assert rows(app)[-3:] == ["power-of-siberia-2", "national-currencies", "trade-growth"]

        await pilot.press("s")  # number of sources
        assert rows(app)[-2:] == ["trade-growth", "trade-planning"]
        await pilot.press("r")
        assert rows(app)[:2] == ["trade-growth", "trade-planning"]  # ties keep report order
        assert "Sort: src ↓" in status_line(app)

        await pilot.press("s")  # back to the report's order (still reversed)
        assert rows(app) == report[::-1]
        await pilot.press("r")
        assert rows(app) == report
        assert "Sort: report order" in status_line(app)


async def test_sorting_keeps_the_cursor_on_the_same_agreement() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert view(app).current_target() == "trade-growth"
        before = list(app.item_focused)
        await pilot.press("s", "s", "r")
        await pilot.pause()
        assert view(app).current_target() == "trade-growth"
        # The rebuild did not tell the attribution pane about rows it passed through.
        assert app.item_focused == before


async def test_area_and_status_filters_cycle_and_count() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        b = app.briefing
        per_area = {a.id: sum(1 for g in b.agreements if g.area == a.id) for a in b.areas}
        assert per_area == {"power": 3, "trade": 4, "technology": 3, "infrastructure": 3}
        for area in b.areas:
            await pilot.press("a")
            assert len(rows(app)) == per_area[area.id]
            assert {g.area for g in b.agreements if g.id in rows(app)} == {area.id}
            assert f"Area: {area.title}" in status_line(app)
            assert f"{per_area[area.id]} of 13" in status_line(app)
        await pilot.press("a")  # back to all
        assert len(rows(app)) == 13

        await pilot.press("t")
        assert rows(app) == ["power-of-siberia-2"]  # the one still under negotiation
        assert "Status: negotiation" in status_line(app)
        assert "1 of 13" in status_line(app)
        counts = []
        for _ in range(4):
            await pilot.press("t")
            counts.append(len(rows(app)))
        assert counts == [2, 7, 2, 1]  # memorandum, agreed, target, statement
        await pilot.press("t")
        assert len(rows(app)) == 13

        await pilot.press("a", "a", "t", "t", "t")  # trade and agreed
        assert rows(app) == ["trade-planning", "investments-and-finance"]
        await pilot.press("t", "t")  # trade and statement: nothing
        assert rows(app) == []
        assert view(app).current_target() is None
        assert "0 of 13" in status_line(app)


async def test_cursor_keys_and_item_focused() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.item_focused == ["power-of-siberia-2"]
        await pilot.press("j")
        await pilot.pause()
        assert app.item_focused[-1] == "oil-and-coal"
        await pilot.press("G")
        await pilot.pause()
        assert view(app).current_target() == "regional-cooperation"
        assert app.item_focused[-1] == "regional-cooperation"
        await pilot.press("k", "up")
        await pilot.pause()
        assert app.item_focused[-1] == "connection-of-initiatives"
        await pilot.press("g")
        await pilot.pause()
        assert app.item_focused[-1] == "power-of-siberia-2"


async def test_select_clears_filters_that_hide_the_agreement() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agreements = view(app)
        await pilot.press("a")  # power only
        assert "transport-corridors" not in rows(app)
        assert agreements.select("transport-corridors") is True
        await pilot.pause()
        assert len(rows(app)) == 13
        assert agreements.current_target() == "transport-corridors"
        assert app.focused is app.query_one("#agreements-table")
        await pilot.press("a")  # power again; select keeps a filter that shows the item
        assert agreements.select("oil-and-coal") is True
        assert len(rows(app)) == 3
        assert agreements.current_target() == "oil-and-coal"
        assert agreements.select("s2.p1") is False
        assert agreements.select("leading-media") is False


async def test_enter_opens_power_of_siberia_2_in_full_and_keys_close_it() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        agreement = app.refs.agreement("power-of-siberia-2")
        assert agreement is not None
        for close in ("escape", "q", "enter"):
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, AgreementScreen)
            shown = card_text(app)
            assert flat(agreement.text) in shown  # the whole text, however it wrapped
            assert "status: negotiation" in shown
            assert "50 billion m³/year" in shown
            assert "Bloomberg" in shown
            assert "in report list" in shown
            await pilot.press(close)
            await pilot.pause()
            assert not isinstance(app.screen, AgreementScreen)
        assert app.jumps == []


async def test_card_shows_the_gap_note() -> None:
    app = Harness(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view(app).select("transport-corridors")
        await pilot.press("enter")
        await pilot.pause()
        shown = card_text(app)
        assert "Gap in the original" in shown
        assert "Words lost before" in shown


async def test_markup_in_content_is_shown_literally() -> None:
    app = Harness(make, hostile_briefing())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold]x[/]" in shown
        assert "[@click=app.quit]go" in shown
        await pilot.press("enter")
        await pilot.pause()
        card = card_text(app)
        assert f"{HOSTILE} The Power of Siberia-2 gas pipeline" in card
        assert f"{HOSTILE} Power of Siberia-2" in card  # the card's border title
        assert app.is_running
