"""Search stays cheap whatever is typed or indexed (issue #12, findings 9 and 10).

Query length and item count are capped with a one-line message; the filter index finds each
document's section, agreement and source by id, so a briefing of thousands of small sections
builds in time proportional to its size (figures: BENCHMARKS.md, ``bench wide``). Timing is not
asserted here; what is asserted is that the new lookups give the same answers as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.wide import write_wide_briefing
from briefing_tui.cli.commands import main
from briefing_tui.content.loader import load_library
from briefing_tui.search import QueryError, SearchIndex, parse_query
from briefing_tui.search.query import MAX_QUERY_CHARS, MAX_QUERY_ITEMS


@pytest.mark.parametrize(
    "text",
    [
        "a" * (MAX_QUERY_CHARS + 1),
        "gas " * 200,
        '"' + "x" * 100_000 + '"',
        "source:" + "y" * 200_000,
    ],
    ids=["one-word", "many-words", "huge-phrase", "huge-filter"],
)
def test_overlong_query_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(QueryError, match=r"^query too long: [\d,]+ characters; at most 500"):
        parse_query(text)


@pytest.mark.parametrize(
    "text",
    [
        " ".join(f"w{i}" for i in range(MAX_QUERY_ITEMS + 2)),
        " ".join(f"-w{i}" for i in range(MAX_QUERY_ITEMS + 2)),
        " ".join(f"kind:para{'' if i % 2 else ' x'}" for i in range(MAX_QUERY_ITEMS + 2)),
    ],
    ids=["words", "exclusions", "filters"],
)
def test_too_many_terms_is_refused_in_one_line(text: str) -> None:
    assert len(text) <= MAX_QUERY_CHARS
    with pytest.raises(QueryError, match=r"^too many terms: at most 32 words"):
        parse_query(text)


def test_a_query_at_the_limits_is_accepted() -> None:
    words = " ".join(f"w{i}" for i in range(MAX_QUERY_ITEMS))
    assert len(parse_query(words).terms) == MAX_QUERY_ITEMS
    assert parse_query("z" * MAX_QUERY_CHARS).terms


def test_cli_reports_an_overlong_query_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "q" * 10_000]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "query too long: 10,000 characters" in err


def test_filters_on_a_briefing_of_many_small_sections(tmp_path: Path) -> None:
    result = load_library(write_wide_briefing(tmp_path / "wide", 600, 200))
    assert not result.problems
    index = SearchIndex.build(result.library)

    def ids(query: str) -> set[str]:
        return {h.target_id for h in index.search(query).hits}

    assert ids("section:s517 gas") == {"s517.p1"}
    # Titles match by any part: "section 42" is in "Section 420" to "Section 429" too.
    assert ids('section:"section 42" gas') == {f"s{n}.p1" for n in (42, *range(420, 430))}
    assert ids("section:600 talks") == {"s600.p1"}
    energy = ids("area:energy gas")
    assert len(energy) == 100 and all(i.startswith("agreement-") for i in energy)
    assert len(ids("status:neg area:trade agreement")) == 100
    assert len(ids("source:ministry talks")) == 600
    assert ids("source:wire agreement 7") >= {"agreement-7"}
    assert index.search("zzzz").hits == ()
