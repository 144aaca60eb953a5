"""The search session (n/N) without a terminal: stops in reading order, wrapping, landing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from briefing_tui.content.loader import load_library
from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.search import SearchIndex, SearchSession, match_spans


@dataclass(frozen=True)
class FakeHit:
    briefing_id: str
    target_id: str
    ref: str | None
    kind: str
    location: str


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return load_library().library.briefings[0]


def session_for(briefing: Briefing, query: str) -> tuple[SearchSession, list[object]]:
    result = SearchIndex.build(load_library().library).search(query)
    session = SearchSession(BriefingRefs(briefing))
    session.start(result.hits, lambda value: match_spans(value, result.query), chosen=0)
    return session, list(result.hits)


def test_report_stops_follow_the_text_one_per_occurrence(briefing: Briefing) -> None:
    session, _ = session_for(briefing, "zakharova")
    order = [p.id for _, p in briefing.paragraphs()]
    report = [(s.paragraph, s.span) for s in session.stops if s.paragraph is not None]
    assert report == sorted(report, key=lambda stop: (order.index(stop[0]), stop[1]))
    occurrences = sum(len(match_spans(p.full_text, "zakharova")) for _, p in briefing.paragraphs())
    assert len(report) == occurrences


def test_stepping_wraps_with_a_note_both_ways(briefing: Briefing) -> None:
    session, _ = session_for(briefing, "zakharova")
    session.position = len(session.stops) - 1
    assert session.step(1) == " — wrapped to the first match"
    assert session.position == 0
    assert session.step(-1) == " — wrapped to the last match"
    assert session.position == len(session.stops) - 1
    assert session.step(-1) == ""


def test_a_stop_lands_on_its_paragraph_or_item_and_counts(briefing: Briefing) -> None:
    session, _ = session_for(briefing, "zakharova")
    for _ in session.stops:
        place = session.place()
        assert place.counter == f"{session.position + 1}/{len(session.stops)}"
        if place.stop.paragraph is not None:
            assert place.target == place.stop.paragraph
        else:
            assert place.target in (place.hit.target_id, place.hit.ref)
        session.step(1)


def test_a_hit_in_another_briefing_has_no_target_here(briefing: Briefing) -> None:
    session = SearchSession(BriefingRefs(briefing))
    elsewhere = FakeHit("other-briefing", "s1.p1", None, "paragraph", "§1.1 Elsewhere")
    session.start([elsewhere], lambda value: [], chosen=0)
    assert session.active
    place = session.place()
    assert place.target is None and place.hit is elsewhere
    session.clear()
    assert not session.active
