"""The browser's view of the analyst's layer, without a terminal (ui/analyst_session.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from statekit import mini, open_state

from briefing_tui.state.model import ItemRef, StateInputError
from briefing_tui.ui.analyst_session import OFF, READ_ONLY, AnalystSession


def test_a_briefing_is_read_once_a_session_and_its_changes_kept(tmp_path: Path) -> None:
    state = open_state(tmp_path / "s.sqlite3")
    b = mini()
    first = AnalystSession(state)
    assert first.opened(b).first_read and first.item_changes(b) == {}
    state._db.change("UPDATE seen SET fingerprint = 'old' WHERE item = 's1.p1'", ())
    state._db.change("DELETE FROM seen WHERE item = 's2.p1'", ())

    second = AnalystSession(state)  # the next session sees what changed since the first
    assert second.item_changes(b) == {}  # not opened yet
    changes = second.opened(b)
    assert second.item_changes(b) == {"s1.p1": "changed", "s2.p1": "new"}
    assert second.opened(b) is changes  # recorded once: opening again keeps the answer
    assert not state.changes(b)


def test_notes_are_added_edited_and_deleted_by_empty_text(tmp_path: Path) -> None:
    state = open_state(tmp_path / "s.sqlite3")
    session, b = AnalystSession(state), mini()
    assert session.save_note(b, "s1.p1", "first", None) == "Note saved."
    note = session.note_on(b.id, "s1.p1")
    assert note is not None and note.text == "first"
    assert session.save_note(b, "s1.p1", "second", note) == "Note saved."
    assert [n.text for n in state.notes()] == ["second"]
    with pytest.raises(StateInputError):
        session.save_note(b, "s1.p1", "bad\x1b[31m", note)
    assert session.save_note(b, "s1.p1", "  ", note) == "Note deleted."
    assert state.notes() == [] and session.note_on(b.id, "s1.p1") is None
    assert session.save_note(b, "s1.p1", "", None) == "No note written."


def test_off_and_read_only_refuse_changes_and_notices_show_once(tmp_path: Path) -> None:
    assert AnalystSession.off().refusal() == OFF
    state = open_state(tmp_path / "s.sqlite3")
    session = AnalystSession(state)
    assert session.refusal() is None
    state._db.status = "read-only"
    state.notices.append("notes are read-only from now on: disk full")
    assert session.refusal() == READ_ONLY
    assert session.new_notices() == ["notes are read-only from now on: disk full"]
    assert session.new_notices() == []
    assert not session.remember_position(mini(), "s1.p1")


def test_note_status_from_the_sessions_fingerprints(tmp_path: Path) -> None:
    from briefing_tui.state.fingerprint import note_status

    state = open_state(tmp_path / "s.sqlite3")
    session, b = AnalystSession(state), mini()
    session.save_note(b, "s1.p1", "now", None)
    state.add_note(ItemRef(b.id, "s1.p2", "old"), "then")
    state.add_note(ItemRef(b.id, "s9.p9", "old"), "gone")
    state.add_note(ItemRef("other", "s1.p1", "old"), "elsewhere")
    for note in state.notes():
        briefing = b if note.ref.briefing == b.id else None
        assert session.note_status(note, briefing) == note_status(note, briefing), note
    assert [session.note_status(n, b) for n in state.notes()] == [
        "current",
        "changed",
        "gone",
        "unknown",
    ]
