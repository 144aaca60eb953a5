"""Jumps land where they say, each is one history entry, and --goto takes what the UI shows."""

from __future__ import annotations

import pytest

from briefing_tui.content.problems import LoadResult
from briefing_tui.reading.refs import BriefingRefs, canonical_id, find_target, suggestions
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.widgets.reader import Reader


def screen_of(app: BriefingApp) -> BriefingScreen:
    assert isinstance(app.screen, BriefingScreen), app.screen
    return app.screen


def status(app: BriefingApp) -> str:
    return str(app.screen.query_one("#status-line").content)


@pytest.mark.parametrize("size", [(100, 30), (120, 40), (160, 48)])
async def test_goto_an_agreement_on_a_wide_screen_selects_that_row(
    bundled: LoadResult, size: tuple[int, int]
) -> None:
    """The table's first layout cleared the rows and put the cursor on Power of Siberia-2."""
    app = BriefingApp(bundled, goto="transport-corridors")
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = screen_of(app).view("agreements")
        assert view.current_target() == "transport-corridors"
        assert "Transport corridors" in app.screen.query_one("#attribution").plain_text


async def test_the_pane_toggle_keeps_the_agreement_row(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="national-currencies")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = screen_of(app).view("agreements")
        for _ in range(2):
            await pilot.press("p")
            await pilot.pause()
            assert view.current_target() == "national-currencies"


async def test_palette_jump_to_an_agreement_at_120_columns(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Transport corridors")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert screen_of(app).view("agreements").current_target() == "transport-corridors"


async def test_backlink_jump_is_in_history(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sources = screen_of(app).view("sources")
        origin = sources.current_target()
        await pilot.press("l", "enter")  # the first backlink of the first source
        await pilot.pause()
        assert screen_of(app).active_tab == "report"
        landed = app.screen.query_one(Reader).current_target()
        assert landed is not None
        await pilot.press("backspace")
        await pilot.pause()
        assert screen_of(app).active_tab == "sources"
        assert sources.current_target() == origin
        assert "No further history" not in status(app)
        await pilot.press("alt+right")
        await pilot.pause()
        assert app.screen.query_one(Reader).current_target() == landed


async def test_search_hit_jump_is_in_history(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("/", *"Baikal")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_of(app).active_tab != "report" or (
            app.screen.query_one(Reader).current_target() != "s1.p1"
        )
        await pilot.press("backspace")
        await pilot.pause()
        assert screen_of(app).active_tab == "report"
        assert app.screen.query_one(Reader).current_target() == "s1.p1"


async def test_search_for_baikal_lands_on_transport_corridors_at_120(
    bundled: LoadResult,
) -> None:
    app = BriefingApp(bundled)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("/", *"kind:agreement Baikal")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_of(app).view("agreements").current_target() == "transport-corridors"


async def test_n_steps_matches_in_reading_order_per_occurrence(bundled: LoadResult) -> None:
    briefing = bundled.library.briefings[0]
    order = [p.id for _, p in briefing.paragraphs()]
    app = BriefingApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("/", *"Zakharova")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = screen_of(app)
        # Report stops come in the text's order, one per occurrence of the word.
        report = [(s.paragraph, s.span) for s in screen.search.stops if s.paragraph is not None]
        assert report == sorted(report, key=lambda stop: (order.index(stop[0]), stop[1]))
        expected = sum(len(spans) for spans in app.screen.query_one(Reader).marks.values())
        assert len(report) == expected
        # Step to the first report stop and through them: each lands with its match on screen.
        reader = app.screen.query_one(Reader)
        first = next(i for i, s in enumerate(screen.search.stops) if s.paragraph is not None)
        while screen.search.position != first:
            await pilot.press("n")
            await pilot.pause()
        for paragraph, span in report:
            assert reader.current_target() == paragraph
            assert reader.line_of_span(paragraph, span) in reader.visible_lines()
            await pilot.press("n")
            await pilot.pause()


@pytest.mark.parametrize(
    ("goto", "tab", "where"),
    [
        ("§4.7", "report", "s4.p7"),
        ("4.7", "report", "s4.p7"),
        ("§4", "report", "s4.p1"),
        ("#agreements", "agreements", None),
        ("#overview", "overview", None),
        ("#sources", "sources", None),
        ("#timeline-1", "overview", None),
    ],
)
async def test_goto_accepts_labels_and_search_ids(
    bundled: LoadResult, goto: str, tab: str, where: str | None
) -> None:
    app = BriefingApp(bundled, goto=goto)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.return_code is None
        assert screen_of(app).active_tab == tab
        if where is not None:
            assert screen_of(app).view(tab).current_target() == where  # type: ignore[arg-type]


def test_canonical_ids(bundled: LoadResult) -> None:
    refs = BriefingRefs(bundled.library.briefings[0])
    assert canonical_id("§4.7", refs) == "s4.p7"
    assert canonical_id(" 4.7 ", refs) == "s4.p7"
    assert canonical_id("§4", refs) == "s4"
    assert canonical_id("§4.77", refs) == "§4.77"
    assert canonical_id("power-of-siberia-2", refs) == "power-of-siberia-2"


def test_an_unknown_goto_suggests_the_closest_ids(bundled: LoadResult) -> None:
    library = bundled.library
    assert find_target(library, "transport-corridor") is None
    assert "transport-corridors" in suggestions(library, "transport-corridor")
    assert "§4.7" in suggestions(library, "§4.77") or "§4.7" in suggestions(library, "s4.p77")
    assert find_target(library, "#agreements") == (library.briefings[0], "#agreements")


async def test_unknown_goto_message_names_suggestions(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="transport-corridor")
    messages: list[str] = []
    exit_app = app.exit

    def exit_recording(*args: object, **kwargs: object) -> None:
        messages.append(str(kwargs.get("message")))
        exit_app(*args, **kwargs)  # type: ignore[arg-type]

    app.exit = exit_recording  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2
    assert any("did you mean transport-corridors" in m for m in messages), messages


async def test_matches_are_marked_in_overview_and_sources(bundled: LoadResult) -> None:
    """A hit that lands in the Sources tab shows the match marked there, as in the report."""
    app = BriefingApp(bundled)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("/", *"kind:source Bloomberg")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_of(app)
        assert screen.active_tab == "sources"
        sources = screen.view("sources")
        prompt = sources.source_list.get_option(sources.current_place()).prompt  # type: ignore[attr-defined]
        texts = [prompt, *getattr(prompt, "renderables", [])]
        marked = [
            t.plain[span.start : span.end].lower()
            for t in texts
            if hasattr(t, "spans")
            for span in t.spans
            if "reverse" in str(span.style)
        ]
        assert "bloomberg" in marked
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        overview = screen.view("overview")
        assert overview.marker is not None  # type: ignore[attr-defined]


def test_raw_paragraph_ids_in_notes_are_shown_as_labels(bundled: LoadResult) -> None:
    from briefing_tui.reading.labels import labelled

    labels = BriefingRefs(bundled.library.briefings[0]).labels
    assert labelled("Cited in the text (s2.p3) but not in s4.p7.", labels) == (
        "Cited in the text (§2.3) but not in §4.7."
    )
    # only ids the briefing has: a word that merely looks like one stays as written
    assert labelled("see s4.p10 and e.g. this", labels) == "see s4.p10 and e.g. this"


async def test_the_sources_pane_takes_focus_and_scrolls_at_80x24(bundled: LoadResult) -> None:
    """§4.5 has four sources: at 80x24 the pane showed 2½ and its last lines were unreachable."""
    from briefing_tui.ui.widgets.attribution import AttributionPane

    app = BriefingApp(bundled, goto="s4.p5")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        pane = app.screen.query_one(AttributionPane)
        assert pane.max_scroll_y > 0  # taller than the pane
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is pane
        for _ in range(pane.max_scroll_y):
            await pilot.press("j")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        from harness import flat, region_text

        assert "In the text" in flat(region_text(app, pane)) or pane.scroll_y > 0
        last_line = pane.plain_text.strip().splitlines()[-1]
        assert flat(last_line)[-20:] in flat(region_text(app, pane))


async def test_help_speaks_of_tasks_not_widgets(bundled: LoadResult) -> None:
    from harness import screen_text

    app = BriefingApp(bundled)
    async with app.run_test(size=(100, 80)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        for task in ("Read the report", "Search", "Check sources", "Go back"):
            assert task in shown
        for widget in ("OverviewView", "DataTable", "OptionList", "Input", "Footer", "Reader"):
            assert widget not in shown
        # ctrl+c (Textual's "Copy" of a selection) copies nothing in the briefing: not listed;
        # L (a source's link) and y (a citation) are the browser's copy keys.
        assert "^c" not in shown and "Copy selected text" not in shown
        assert "Copy a citation" in shown
        assert "Half a page down" in shown


async def test_goto_is_a_history_entry(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, goto="s4.p5")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.current_target() == "s4.p5"
        await pilot.press("backspace")
        await pilot.pause()
        assert reader.current_target() == "s1.p1"
        await pilot.press("alt+right")
        await pilot.pause()
        assert reader.current_target() == "s4.p5"
