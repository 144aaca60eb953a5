"""Format v2: what authors can now write, and what the validator says when they get it wrong.

Each rule has a broken copy of a fixture and the exact message, as tests/unit/test_models_rules.py
does for the rules of version 1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from minikit import MiniCopy, copy_mini

from briefing_tui.content.loader import load_briefing
from briefing_tui.content.model import SCHEMA_VERSION, Briefing

V2 = Path(__file__).resolve().parent.parent / "data" / "library-v2"


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniCopy:
    copy = copy_mini(tmp_path / "mini")
    monkeypatch.chdir(copy.folder)
    return copy


@pytest.fixture
def figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniCopy:
    """A writable copy of the multi-level English fixture."""
    folder = tmp_path / "figures"
    shutil.copytree(V2 / "visit-figures-en", folder)
    monkeypatch.chdir(folder)
    return MiniCopy(folder)


# -- what validates now ------------------------------------------------------------------------


def test_a_briefing_needs_only_metadata_sections_and_sources(mini: MiniCopy) -> None:
    mini.path("agreements.toml").unlink()
    mini.path("overview.toml").unlink()
    briefing = load_briefing(Path("."))
    assert (briefing.agreements, briefing.figures, briefing.agreements_section) == ((), (), None)


def test_multi_level_fixture_loads_with_its_tree() -> None:
    briefing = load_briefing(V2 / "visit-figures-en")
    assert [s.id for s in briefing.all_sections()] == [
        "econ",
        "econ.trade",
        "econ.energy",
        "econ.energy.gas",
        "politics",
    ]
    assert [p.id for _, p in briefing.paragraphs()][:2] == ["econ.intro", "econ.trade.p1"]
    assert [t.id for _, t in briefing.tables()] == ["t-trade", "t-statements"]
    assert briefing.agreements_section == "econ.energy.gas"
    kremlin = briefing.source("kremlin")
    assert (kremlin.url, str(kremlin.published), str(kremlin.accessed)) == (
        "http://en.kremlin.ru/",
        "2025-05-08",
        "2025-05-12",
    )
    assert briefing.schema_version == SCHEMA_VERSION
    assert (briefing.author, briefing.version, str(briefing.updated)) == (
        "Test fixture author",
        "2.1",
        "2025-05-20",
    )


def test_russian_fixture_has_cyrillic_tags_a_free_stance_and_a_later_timeline_event() -> None:
    briefing = load_briefing(V2 / "visit-note-ru")
    assert briefing.language == "ru"
    assert briefing.tags == ("дипломатия", "китай", "россия")
    assert briefing.reactions[1].stance_label == "выжидательная"
    assert str(briefing.timeline[1].date) == "2025-05-12"  # after the visit: allowed


@pytest.mark.parametrize(
    "kind", ["think-tank", "academic", "government", "ngo", "company", "social"]
)
def test_wider_source_kinds(mini: MiniCopy, kind: str) -> None:
    mini.edit("sources.toml", 'kind = "agency"', f'kind = "{kind}"')
    assert mini.problems() == []


def test_files_without_schema_version_are_version_1(mini: MiniCopy) -> None:
    assert load_briefing(Path(".")).schema_version == 1


# -- what the validator says -------------------------------------------------------------------


def test_a_newer_format_version_is_refused(mini: MiniCopy) -> None:
    mini.edit("briefing.toml", 'id = "mini"', 'schema_version = 9\nid = "mini"')
    assert mini.problems() == [
        "briefing.toml:2: schema_version: format version 9 is not known to this briefing-tui, "
        "which reads versions 1 to 2"
    ]


def test_a_quoted_date_says_to_remove_the_quotes(mini: MiniCopy) -> None:
    mini.edit("briefing.toml", "start = 2025-01-01", 'start = "2025-01-01"')
    assert mini.problems() == [
        "briefing.toml:4: start: expected a date written YYYY-MM-DD without quotes "
        "(for example 2025-05-07); got '2025-01-01'; remove the quotes"
    ]


def test_a_misspelt_kind_gets_a_suggestion(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "agnecy"')
    assert mini.problems() == [
        "sources.toml:13: wire kind: 'agnecy' is not one of official, government, agency, media, "
        "document, expert, think-tank, academic, ngo, company, social, other; "
        "did you mean 'agency'?"
    ]


def test_a_misspelt_field_gets_a_suggestion_at_any_depth(mini: MiniCopy) -> None:
    mini.edit("sections.toml", 'quote = "talks resumed"', 'qoute = "talks resumed"')
    mini.edit("briefing.toml", "summary = ", "summry = ")
    assert mini.problems() == [
        "briefing.toml: summary: required field is missing",
        "briefing.toml:7: summry: unknown field; did you mean 'summary'? (see `briefing schema`)",
        "sections.toml:10: s1.p1 attributions[0].qoute: unknown field; did you mean 'quote'? "
        "(see `briefing schema`)",
    ]


def test_a_misspelt_source_gets_a_suggestion(mini: MiniCopy) -> None:
    mini.edit("sections.toml", 'sources = ["wire", "ministry"]', 'sources = ["wire", "minsitry"]')
    assert mini.problems() == [
        "sections.toml:27: s2.p1 sources[1]: unknown source 'minsitry'; did you mean 'ministry'?"
    ]


def test_other_kind_needs_a_label(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "other"')
    assert mini.problems() == [
        "sources.toml:10: wire: kind = 'other' needs kind_label: say in words what kind of source"
    ]


def test_other_stance_needs_a_label(mini: MiniCopy) -> None:
    mini.edit("overview.toml", 'stance = "restrained"', 'stance = "other"')
    assert mini.problems() == [
        "overview.toml:16: europe: stance = 'other' needs stance_label: say the stance in words"
    ]


@pytest.mark.parametrize("bad", ["english", "e", "en_GB"])
def test_language_is_a_bcp47_tag(mini: MiniCopy, bad: str) -> None:
    mini.edit("briefing.toml", 'id = "mini"', f'id = "mini"\nlanguage = "{bad}"')
    assert mini.problems() == [
        f"briefing.toml:3: language: a language is a BCP 47 tag such as 'en', 'ru' or 'en-GB'; "
        f"got {bad!r}"
    ]


def test_url_must_be_http(mini: MiniCopy) -> None:
    mini.edit("sources.toml", 'kind = "agency"', 'kind = "agency"\nurl = "javascript:alert(1)"')
    assert mini.problems() == [
        "sources.toml:14: wire url: a url starts with http:// or https:// and holds no spaces "
        "(for example 'https://www.example.org/report'); got 'javascript:alert(1)'"
    ]


def test_a_quote_must_occur_in_its_paragraph(mini: MiniCopy) -> None:
    mini.edit("sections.toml", 'quote = "talks resumed"', 'quote = "talks stalled"')
    assert mini.problems() == [
        "sections.toml:10: s1.p1 attributions[0].quote: quote does not occur in the text it is "
        "attributed in (quote marks, case and spacing aside): check it word for word"
    ]


def test_a_quote_may_differ_in_quote_marks_case_and_spacing(mini: MiniCopy) -> None:
    mini.edit(
        "sections.toml",
        "Gas talks resumed, said the ministry.",
        "Gas “talks  resumed,” said the ministry.",
    )
    mini.edit("sections.toml", 'quote = "talks resumed"', "quote = '\"Talks resumed,\"'")
    assert mini.problems() == []


def test_nested_locations_are_named_by_id(figures: MiniCopy) -> None:
    figures.edit(
        "sections.toml",
        'of gas per year to Asia."\nsources = ["media"]',
        'of gas per year to Asia."\nsources = ["bloom"]',
    )
    assert figures.problems() == [
        "sections.toml:48: econ.energy.gas.p1 sources[0]: unknown source 'bloom'; "
        "known: customs, kremlin, media, news, talk"
    ]


def test_table_rows_must_fit_the_header(figures: MiniCopy) -> None:
    figures.edit("sections.toml", '"80-85%", ""', '"80-85%"')
    assert figures.problems() == [
        "sections.toml:24: t-trade: row 3 has 2 cell(s) but the header has 3 column(s)"
    ]


def test_table_after_names_a_paragraph_of_its_section(figures: MiniCopy) -> None:
    figures.edit("sections.toml", 'after = "econ.trade.p1"', 'after = "econ.intro"')
    assert figures.problems() == [
        "sections.toml:28: t-trade after: unknown paragraph of this section 'econ.intro'; "
        "did you mean 'econ.trade.p1'?"
    ]


def test_row_sources_are_checked(figures: MiniCopy) -> None:
    figures.edit("sections.toml", 'sources = ["news"] }', 'sources = ["newz"] }')
    assert figures.problems() == [
        "sections.toml:33: t-trade rows[1].sources[0]: unknown source 'newz'; did you mean 'news'?"
    ]


def test_a_section_needs_content(figures: MiniCopy) -> None:
    text = figures.read("sections.toml")
    start = text.index("[[sections.sections.sections.paragraphs]]")
    end = text.index('[[sections]]\nid = "politics"')
    figures.write("sections.toml", text[:start] + text[end:])
    assert figures.problems() == [
        "sections.toml:41: econ.energy.gas: a section needs at least one paragraph, table or "
        "subsection"
    ]


def test_loaded_briefing_is_the_model(figures: MiniCopy) -> None:
    assert isinstance(load_briefing(Path(".")), Briefing)


# -- search ------------------------------------------------------------------------------------


def test_subsection_paragraphs_and_plain_tables_are_searchable() -> None:
    from briefing_tui.content.loader import load_library
    from briefing_tui.search import SearchIndex

    index = SearchIndex.build(load_library(V2).library)
    hits = {h.target_id: h.location for h in index.search("Mongolia").hits}
    assert hits == {"econ.energy.gas.p2": "§1.2.1.2 1.2.1 Gas"}
    tables = {h.target_id: (h.kind, h.location) for h in index.search("kind:table").hits}
    assert tables == {
        "t-trade": ("table", "Table 1 1.1 Trade"),
        "t-statements": ("table", "Table 2 2. Politics"),
    }
    # a table is found by its cells, and cited by the sources of its rows
    assert [h.target_id for h in index.search("rubles").hits] == ["t-trade"]
    assert "t-trade" in {h.target_id for h in index.search("source:news").hits}
    # section: names a top-level section and finds what its subsections hold
    in_econ = {h.target_id for h in index.search("section:econ kind:paragraph").hits}
    assert in_econ == {"econ.intro", "econ.trade.p1", "econ.energy.gas.p1", "econ.energy.gas.p2"}
