"""The analyst's own layer in the browser: marks, notes, citations (issue #17).

Every test runs the real BriefingApp on a real state database in a temporary folder, as the
command line hands it over, and checks what the analyst sees and what the database holds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from harness import HOSTILE, flat, screen_text
from textual.command import CommandPalette

from briefing_tui.content.problems import LoadResult
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.cite import citation
from briefing_tui.state.fingerprint import ref_to
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.screens.letter_prompt import LetterPrompt
from briefing_tui.ui.screens.note_editor import NoteEditor
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.reader import Reader

SIZE = (80, 24)


@pytest.fixture
def state(tmp_path: Path) -> AnalystState:
    opened = AnalystState.open(tmp_path / "state" / "state.sqlite3")
    assert opened.status == "writable", opened.notices
    yield opened
    opened.close()


def screen_of(app: BriefingApp) -> BriefingScreen:
    assert isinstance(app.screen, BriefingScreen), app.screen
    return app.screen


def status(app: BriefingApp) -> str:
    return str(app.screen.query_one("#status-line").content)


def reader(app: BriefingApp) -> Reader:
    return screen_of(app).query_one(Reader)


async def test_m_letter_marks_the_paragraph_and_quote_letter_jumps_back(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("]", "]")
        marked = reader(app).current_target()
        assert marked is not None
        await pilot.press("m")
        assert isinstance(app.screen, LetterPrompt)
        await pilot.press("a")
        await pilot.pause()
        assert [(m.letter, m.ref.item) for m in state.marks()] == [("a", marked)]
        assert "Mark a set on" in status(app)

        await pilot.press("G")
        bottom = reader(app).current_target()
        assert bottom != marked
        await pilot.press("apostrophe", "a")
        await pilot.pause()
        assert reader(app).current_target() == marked
        assert "At mark a" in status(app)

        # '' returns to where the jump started, and '' again comes back (as in less).
        await pilot.press("apostrophe", "apostrophe")
        await pilot.pause()
        assert reader(app).current_target() == bottom
        await pilot.press("apostrophe", "apostrophe")
        await pilot.pause()
        assert reader(app).current_target() == marked

        # The mark jump was one history entry: Back returns to where it came from.
        await pilot.press("backspace")
        await pilot.pause()
        assert reader(app).current_target() == bottom


async def test_the_letter_after_m_is_never_a_command(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "q")  # q quits elsewhere; here it is the mark's letter
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, BriefingScreen)
        assert [m.letter for m in state.marks()] == ["q"]
        await pilot.press("m", "escape")
        await pilot.pause()
        assert status(app) == "No mark set."
        await pilot.press("m", "1")
        await pilot.pause()
        assert [m.letter for m in state.marks()] == ["q"]
        await pilot.press("apostrophe", "z")
        await pilot.pause()
        assert status(app) == "No mark z: m z sets one."


async def test_marks_are_listed_in_the_palette_and_jump(
    bundled: LoadResult, state: AnalystState
) -> None:
    briefing = bundled.library.briefings[0]
    state.mark("b", ref_to(briefing, "s3.p2"))
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Mark b")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert reader(app).current_target() == "s3.p2"


async def test_a_note_is_saved_shown_in_the_text_and_pane_and_never_markup(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("]")
        item = reader(app).current_target()
        await pilot.press("A")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*HOSTILE, "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.is_running
        assert [(n.ref.item, n.text) for n in state.notes()] == [(item, HOSTILE)]
        assert status(app).startswith("Note saved.")
        shown = flat(screen_text(app))
        assert f"✎ note: {HOSTILE}" in shown
        pane = app.screen.query_one(AttributionPane)
        assert "✎ Your note" in pane.plain_text and HOSTILE in pane.plain_text

        # A again edits the same note; an empty note deletes it.
        await pilot.press("A")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one("#note-text").value == HOSTILE
        await pilot.press("ctrl+u", "enter")  # Input: ctrl+u clears to the start
        await pilot.pause()
        assert state.notes() == []
        assert "✎ note" not in flat(screen_text(app))


async def test_a_note_with_a_control_character_is_refused_in_the_editor(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("A")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.query_one("#note-text").value = "right\u202eleft"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor  # still open, the text kept for fixing
        assert "bidi" in str(editor.query_one("#note-problem").content)
        assert state.notes() == []
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)


async def test_notes_view_lists_notes_of_the_library_and_jumps(
    two_briefings: Path, state: AnalystState
) -> None:
    from briefing_tui.content.loader import load_library

    loaded = load_library(two_briefings)
    mini = next(b for b in loaded.library.briefings if b.id == "mini")
    state.add_note(ref_to(mini, "s2.p1"), "check the mini figure")
    app = BriefingApp(loaded, goto="xi-russia-visit-2025-05/s1.p1", state=state)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "check the mini figure" in flat(screen_text(app))
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = screen_of(app)
        assert screen.briefing.id == "mini"
        assert screen.query_one(Reader).current_target() == "s2.p1"


async def test_notes_are_found_by_search_as_kind_note(
    bundled: LoadResult, state: AnalystState
) -> None:
    briefing = bundled.library.briefings[0]
    state.add_note(ref_to(briefing, "s4.p3"), "ask the desk about the turbine deliveries")
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"kind:note turbine")
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = screen_of(app).query_one("#search-panel")
        hits = panel.result.hits
        assert [(h.kind, h.target_id) for h in hits] == [("note", "s4.p3")]
        assert "1 hit" in flat(screen_text(app))
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert reader(app).current_target() == "s4.p3"
        # Without kind: the note comes with the content's hits; -kind:note leaves it out.
        await pilot.press("slash", "ctrl+u", *"turbine")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "note" in [h.kind for h in panel.result.hits]
        await pilot.press(*" -kind:note")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "note" not in [h.kind for h in panel.result.hits]


async def test_y_copies_the_citation_of_the_item_under_the_cursor(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("]")
        item = reader(app).current_target()
        await pilot.press("y")
        assert app.clipboard == citation(bundled.library.briefings[0], item)
        assert "Copied a citation" in status(app)
        await pilot.press("3")  # agreements: the agreement under the cursor
        await pilot.pause(0.3)
        agreement = screen_of(app).view("agreements").current_target()
        await pilot.press("y")
        assert app.clipboard == citation(bundled.library.briefings[0], agreement)


async def test_y_works_with_no_state(bundled: LoadResult) -> None:
    app = BriefingApp(bundled)  # --no-state: nothing kept, citations still copied
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")
        assert app.clipboard.endswith("/s1.p1]")
        await pilot.press("m")
        assert "off in this session" in status(app)
        assert isinstance(app.screen, BriefingScreen)


async def test_a_failed_write_shows_a_notice_and_the_session_goes_on_read_only(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def deny(action: int, *args: object) -> int:
            writes = (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE)
            return sqlite3.SQLITE_DENY if action in writes else sqlite3.SQLITE_OK

        state._db._conn.set_authorizer(deny)  # the database refuses every change from now
        await pilot.press("m", "a")
        await pilot.pause()
        assert status(app) == "Mark a NOT saved."
        assert any("read-only" in str(n.message) for n in app._notifications)
        assert state.status == "read-only"
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert "read-only" in status(app)
        await pilot.press("j", "y")
        assert app.is_running


async def test_m_quote_and_a_typed_in_the_search_box_are_text(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", "m", "apostrophe", "A")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.query_one("#search-input").value == "m'A"
        assert state.marks() == []


async def test_agreements_and_sources_take_marks_and_notes_too(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause(0.3)
        agreement = screen_of(app).view("agreements").current_target()
        await pilot.press("m", "g", "A", *"ask about the price", "enter")
        await pilot.pause()
        assert [(m.letter, m.ref.item) for m in state.marks()] == [("g", agreement)]
        assert [(n.ref.item, n.text) for n in state.notes()] == [(agreement, "ask about the price")]
        # No room under a table row: the status line says the item has a note.
        await pilot.press("j", "k")
        await pilot.pause()
        assert status(app) == "✎ 1 note"
        await pilot.press("4")
        await pilot.pause(0.3)
        source = screen_of(app).view("sources").current_target()
        await pilot.press("A", *"check the outlet", "enter", "2")
        await pilot.pause()
        assert {n.ref.item for n in state.notes()} == {agreement, source}
        await pilot.press("apostrophe", "g")
        await pilot.pause(0.3)
        assert screen_of(app).active_tab == "agreements"
        assert screen_of(app).view("agreements").current_target() == agreement


async def test_quote_quote_returns_from_any_jump(bundled: LoadResult, state: AnalystState) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("]", "]")
        start = reader(app).current_target()
        screen_of(app).jump("s4.p3")  # as a search hit, the palette or a link would
        await pilot.pause()
        await pilot.press("apostrophe", "apostrophe")
        await pilot.pause()
        assert reader(app).current_target() == start
        await pilot.press("apostrophe", "apostrophe")
        await pilot.pause()
        assert reader(app).current_target() == "s4.p3"


async def test_the_keys_of_the_layer_are_text_inside_the_note_editor(
    bundled: LoadResult, state: AnalystState
) -> None:
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("A", *"Mm 'A' yc C", "ctrl+n", "enter")
        await pilot.pause()
        assert [n.text for n in state.notes()] == ["Mm 'A' yc C"]
        assert isinstance(app.screen, BriefingScreen)


async def test_a_note_written_into_the_file_by_other_means_is_shown_safely(
    bundled: LoadResult, state: AnalystState
) -> None:
    from harness import frame_output

    briefing = bundled.library.briefings[0]
    hostile = "\x1b]52;c;ZXZpbA==\x07 [bold]x[/] \u202eevil \x9b31m"
    state._db.change(
        "INSERT INTO notes (briefing, item, fingerprint, text, created, updated) "
        "VALUES (?, 's1.p1', NULL, ?, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
        (briefing.id, hostile),
    )
    app = BriefingApp(bundled, state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        drawn = frame_output(app)
        assert "[bold]x[/]" in screen_text(app)  # shown literally, never markup
        # Only the app's own escape sequences reach the terminal: no OSC 52, no bidi override.
        assert "\x1b]52" not in drawn and "\u202e" not in drawn and "\x9b" not in drawn
        await pilot.press("escape")
        await pilot.pause()
        assert "\u202e" not in frame_output(app) and app.is_running


async def test_notes_view_editor_and_note_hits_speak_russian_in_a_russian_session(
    bundled: LoadResult, state: AnalystState
) -> None:
    from briefing_tui.ui import i18n

    app = BriefingApp(bundled, state=state, language="ru")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert "Заметок пока нет" in flat(screen_text(app))
            await pilot.press("escape", "]", "A")
            await pilot.pause()
            assert isinstance(app.screen, NoteEditor)
            shown = flat(screen_text(app))
            assert "Заметка к" in shown and "Escape — отмена" in shown
            await pilot.press(*"проверить", "enter")
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert "Ваши заметки: 1" in flat(screen_text(app))
            await pilot.press("escape", "slash", *"kind:note проверить")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Ваша заметка" in flat(screen_text(app))
    finally:
        i18n.use("en")
