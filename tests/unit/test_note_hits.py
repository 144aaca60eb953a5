"""Notes found by the search bar beside the engine (``kind:note``), without a terminal."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefing_tui.search import SearchResult
from briefing_tui.state.model import ItemRef, Note
from briefing_tui.store.note_hits import matching_notes, with_notes

WHEN = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def note(number: int, briefing: str, item: str, text: str) -> tuple[Note, str]:
    return Note(number, ItemRef(briefing, item), text, WHEN, WHEN), f"Your note · {item}"


NOTES = [
    note(1, "xi", "s2.p1", "Ask the desk about the turbine deliveries"),
    note(2, "xi", "s3.p4", "Power of Siberia price still open\nsecond line"),
    note(3, "mini", "s1.p1", "Turbines again: compare with the ministry"),
]


def found(query: str) -> list[int]:
    return [hit.order[1] for hit in matching_notes(query, NOTES)]


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("deliveries ", [1]),
        ("turbin", [1, 3]),  # the last word matches longer words while typing
        ("kind:note", [1, 2, 3]),
        ("kind:note desk ", [1]),
        ("kind:no", [1, 2, 3]),
        ('"siberia price"', [2]),
        ('"price siberia"', []),
        ("-ministry turbin", [1]),
        ("briefing:mini turbin", [3]),
        ("-briefing:mini turbin", [1]),
        ("kind:note -kind:note", []),
        ("kind:paragraph turbin", []),  # notes are not paragraphs
        ("kind:paragraph kind:note turbin", [1, 3]),  # kinds add up
        ("source:tass turbin", []),  # a note cites nothing
        ("-source:tass turbin", [1, 3]),
        ("briefing:mini", []),  # a filter alone lists items, not every note
        ("second line", [2]),  # a note's lines are searched as one text
        ('"unclosed', []),
        ("", []),
    ],
)
def test_which_notes_a_query_finds(query: str, ids: list[int]) -> None:
    assert found(query) == ids


def test_a_note_hit_jumps_to_its_item_and_marks_the_words() -> None:
    [hit] = matching_notes("siberia", NOTES)
    assert (hit.kind, hit.briefing_id, hit.target_id) == ("note", "xi", "s3.p4")
    assert hit.location == "Your note · s3.p4"
    assert "\n" not in hit.snippet
    start, end = hit.snippet_spans[0]
    assert hit.snippet[start:end].lower() == "siberia"


def test_note_hits_come_after_the_engines_and_count() -> None:
    engine = SearchResult("turbin", (), 0)
    merged = with_notes(engine, NOTES)
    assert [h.target_id for h in merged.hits] == ["s2.p1", "s1.p1"]
    assert merged.total == 2
    broken = SearchResult("turbin", (), 0, error="unknown filter")
    assert with_notes(broken, NOTES) is broken
    assert with_notes(engine, []) is engine


def test_note_hits_leave_the_engines_unread_hits_unbuilt() -> None:
    """A broad query keeps 200 hits and builds 5; adding the notes builds none of the rest."""
    from briefing_tui.search.results import Hit, LazyHits

    built: list[int] = []
    sample = matching_notes("turbin", NOTES)[0]

    def build(i: int) -> Hit:
        built.append(i)
        return dataclasses.replace(sample, target_id=f"engine{i}", kind="paragraph")

    engine = SearchResult("turbin", LazyHits(200, build, 5), 200)
    merged = with_notes(engine, NOTES)
    assert built == [0, 1, 2, 3, 4] and merged.total == 202 and len(merged.hits) == 202
    assert [h.target_id for h in merged.hits[198:]] == ["engine198", "engine199", "s2.p1", "s1.p1"]
    assert built == [0, 1, 2, 3, 4, 198, 199]
    assert merged.hits[3] is engine.hits[3]  # the engine's built hits are shared, not rebuilt
