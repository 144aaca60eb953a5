"""AnalystState, the API the browser uses: marks, notes, where I left off, what changed."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from minikit import copy_mini
from statekit import NOON, mini, open_state

from briefing_tui.content.loader import load_briefing
from briefing_tui.state.analyst import AnalystState
from briefing_tui.state.fingerprint import note_status, ref_to
from briefing_tui.state.model import MAX_NOTE_CHARS, ItemRef, Mark, StateInputError
from briefing_tui.state.paths import DB_NAME


@pytest.fixture
def state(tmp_path: Path) -> AnalystState:
    return open_state(tmp_path / DB_NAME)


# -- marks -------------------------------------------------------------------------------------


def test_a_mark_is_saved_and_a_letter_moves_when_set_again(state: AnalystState) -> None:
    b = mini()
    assert state.mark("a", ref_to(b, "s1.p1"))
    assert state.mark("B", ref_to(b, "wire"))
    assert state.mark("a", ref_to(b, "s2.p1"))
    assert state.marks() == [
        Mark("B", ref_to(b, "wire"), NOON),
        Mark("a", ref_to(b, "s2.p1"), NOON),
    ]
    assert state.mark_at("a") == Mark("a", ref_to(b, "s2.p1"), NOON)
    assert state.unmark("a")
    assert state.mark_at("a") is None


@pytest.mark.parametrize("letter", ["", "ab", "1", "'", "é", "\x1b"])
def test_a_mark_is_one_ascii_letter(state: AnalystState, letter: str) -> None:
    with pytest.raises(StateInputError, match="a mark is one letter a-z or A-Z"):
        state.mark(letter, ItemRef("mini", "s1.p1"))


def test_ids_with_control_characters_are_refused() -> None:
    with pytest.raises(StateInputError, match="not a usable item id"):
        ItemRef("mini", "s1\x1b[2J")


# -- notes -------------------------------------------------------------------------------------


def test_a_note_is_saved_with_its_item_fingerprint(state: AnalystState) -> None:
    b = mini()
    note = state.add_note(ref_to(b, "s1.p1"), "  Check the ministry's\r\nown transcript.  ")
    assert note is not None
    assert note.text == "Check the ministry's\nown transcript."
    assert note.ref.fingerprint is not None
    assert state.notes() == [note]
    assert state.notes("other") == []
    assert note_status(note, b) == "current"


def test_notes_can_be_edited_and_deleted(state: AnalystState) -> None:
    note = state.add_note(ItemRef("mini", "s1.p1"), "first")
    assert note is not None
    assert state.edit_note(note.id, "second")
    assert [n.text for n in state.notes()] == ["second"]
    assert state.delete_note(note.id)
    assert state.notes() == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\x1b[31mred", "U+001B"),
        ("right\u202eleft", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("bell\x07", "U+0007"),
        ("c1\x9b", "U+009B"),
    ],
)
def test_notes_obey_the_character_policy(state: AnalystState, text: str, message: str) -> None:
    with pytest.raises(StateInputError, match=re.escape(message)):
        state.add_note(ItemRef("mini", "s1.p1"), text)
    assert state.notes() == []


def test_a_note_is_size_capped(state: AnalystState) -> None:
    assert state.add_note(ItemRef("mini", "s1.p1"), "x" * MAX_NOTE_CHARS) is not None
    with pytest.raises(StateInputError, match="at most 10,000 characters"):
        state.add_note(ItemRef("mini", "s1.p1"), "x" * (MAX_NOTE_CHARS + 1))


def test_an_empty_note_is_refused(state: AnalystState) -> None:
    with pytest.raises(StateInputError, match="a note needs some text"):
        state.add_note(ItemRef("mini", "s1.p1"), " \n\t ")


def test_text_written_into_the_file_by_other_means_is_escaped_on_the_way_out(
    tmp_path: Path,
) -> None:
    state = open_state(tmp_path / DB_NAME)
    assert state.add_note(ItemRef("mini", "s1.p1"), "fine") is not None
    state.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("UPDATE notes SET text = 'evil\x1b]52;c;AAAA\x07 \u2066x'")
    conn.execute("INSERT INTO marks VALUES ('z', 'mini', 's1\x1b', NULL, '2026-01-01')")
    conn.commit()
    conn.close()
    state = open_state(tmp_path / DB_NAME)
    assert [n.text for n in state.notes()] == ["evil]52;c;AAAA x"]
    assert state.marks() == []  # an id that is not an id is skipped, not shown


def test_a_note_says_when_its_paragraph_changed(state: AnalystState, tmp_path: Path) -> None:
    copy = copy_mini(tmp_path / "mini")
    before = load_briefing(copy.folder)
    note = state.add_note(ref_to(before, "s1.p1"), "Is this confirmed?")
    other = state.add_note(ref_to(before, "s1.p2"), "About the assessment.")
    assert note is not None and other is not None
    copy.edit("sections.toml", "said the ministry.", "said the ministry on Monday.")
    after = load_briefing(copy.folder)
    assert note_status(note, after) == "changed"
    assert note_status(other, after) == "current"
    assert note_status(note, None) == "unknown"


# -- where I left off, what changed ------------------------------------------------------------


def test_last_position_is_kept_per_briefing(state: AnalystState) -> None:
    assert state.last_position("mini") is None
    assert state.set_last_position("mini", "s2.p1")
    position = state.last_position("mini")
    assert position is not None
    assert (position.item, position.last_read) == ("s2.p1", None)


def test_opening_a_briefing_records_when_and_what_was_read(state: AnalystState) -> None:
    b = mini()
    first = state.open_briefing(b)
    assert first.first_read and not first
    position = state.last_position("mini")
    assert position is not None and position.last_read == NOON
    assert state.seen_text_hash("mini", "s1.p1") == ref_to(b, "s1.p1").fingerprint
    assert not state.updated_since_read(b)
    again = state.open_briefing(b)
    assert not again.first_read and not again


def test_changed_and_new_items_are_found_in_reading_order(
    state: AnalystState, tmp_path: Path
) -> None:
    copy = copy_mini(tmp_path / "mini")
    state.open_briefing(load_briefing(copy.folder))
    copy.edit("sections.toml", "Brussels took note.", "Brussels objected.")
    copy.edit("sources.toml", 'outlets = ["Ministry"]', 'outlets = ["Ministry", "Radio"]')
    copy.edit(
        "sections.toml",
        'id = "s1.p2"',
        'id = "s1.p3"\ntext = "New words."\nassessment = true\n\n[[sections.paragraphs]]\n'
        'id = "s1.p2"',
    )
    updated = load_briefing(copy.folder)
    assert state.updated_since_read(updated)
    changes = state.open_briefing(updated)
    assert changes.changed == ("s2.p1", "ministry")
    assert changes.added == ("s1.p3",)
    assert changes.ids == ("s1.p3", "s2.p1", "ministry")
    assert not state.changes(updated)  # recorded: the next visit starts from here
    assert not state.updated_since_read(updated)


def test_a_position_saved_later_keeps_the_read_record(state: AnalystState) -> None:
    b = mini()
    state.open_briefing(b)
    state.set_last_position("mini", "s1.p2")
    position = state.last_position("mini")
    assert position is not None
    assert (position.item, position.last_read) == ("s1.p2", NOON)
    assert position.fingerprint is not None


# -- off ---------------------------------------------------------------------------------------


def test_with_no_state_nothing_is_written_and_every_call_answers() -> None:
    state = AnalystState.open(None)
    b = mini()
    assert state.status == "off"
    assert state.mark("a", ref_to(b, "s1.p1")) is False
    assert state.add_note(ref_to(b, "s1.p1"), "x") is None
    assert state.marks() == [] and state.notes() == []
    assert state.open_briefing(b).first_read
    assert state.notices == []
