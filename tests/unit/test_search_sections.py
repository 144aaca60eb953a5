"""``section:`` on a briefing with subsections: a section filter includes what its
subsections hold, and a subsection can be named by id, number or title on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex

FIGURES = Path(__file__).resolve().parents[1] / "data" / "library-v2" / "visit-figures-en"


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    result = load_library(FIGURES)
    assert not result.broken
    return SearchIndex.build(result.library)


def ids(index: SearchIndex, query: str) -> set[str]:
    return {hit.target_id for hit in index.search(query).hits}


def test_a_section_filter_includes_its_subsections(index: SearchIndex) -> None:
    found = ids(index, "section:econ")
    # the section itself, its own paragraph, a subsection, a table in it, and two levels down
    assert {"econ", "econ.intro", "econ.trade", "econ.trade.p1", "t-trade"} <= found
    assert {"econ.energy", "econ.energy.gas", "econ.energy.gas.p1"} <= found
    assert not {"politics", "politics.p1", "t-statements"} & found


def test_a_subsection_by_id_number_and_title_holds_only_its_own_tree(index: SearchIndex) -> None:
    energy = {"econ.energy", "econ.energy.gas", "econ.energy.gas.p1", "econ.energy.gas.p2"}
    for query in ("section:econ.energy", "section:1.2", "section:energy"):
        found = ids(index, query)
        assert energy <= found, query
        assert not {"econ", "econ.intro", "econ.trade.p1", "t-trade"} & found, query
    assert ids(index, "section:1.2.1") == {
        "econ.energy.gas",
        "econ.energy.gas.p1",
        "econ.energy.gas.p2",
    }


def test_words_and_a_subsection_filter_combine(index: SearchIndex) -> None:
    outside = ids(index, "section:politics")
    assert outside
    assert not ids(index, "section:1.2.1 -kind:section") & outside
