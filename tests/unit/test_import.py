"""``briefing import`` and ``briefing new``: reports in Markdown and plain text become briefings
that validate, word for word, with every judgement point at a TODO line of the written TOML."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.authoring.importer import ImportResult, import_report
from briefing_tui.authoring.slugs import slugify
from briefing_tui.authoring.toml_out import string, value
from briefing_tui.content.loader import bundled_content_path, load_briefing
from briefing_tui.export.text import paragraph_line

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "xi-russia-visit-2025-05.txt"
TODAY = dt.date(2025, 1, 1)


def imported(name: str, tmp_path: Path) -> ImportResult:
    result = import_report(DATA / name, tmp_path / "out", today=TODAY)
    assert result.problems == []
    assert result.briefing is not None
    return result


def points(result: ImportResult) -> list[tuple[str, str]]:
    """(file name, message) of every judgement point, after checking that each one's line is
    the TODO comment saying it."""
    out = []
    for todo in result.todos:
        path = Path(todo.file)
        line = path.read_text(encoding="utf-8").splitlines()[todo.line - 1]
        assert line == "# TODO: " + " ".join(todo.message.split())
        assert str(todo).startswith(f"{path}:{todo.line}: ")
        out.append((path.name, todo.message))
    return out


# -- TOML text -------------------------------------------------------------------------------


@given(st.text())
def test_any_string_reads_back_as_itself(text: str) -> None:
    assert tomllib.loads(f"x = {string(text)}")["x"] == text


def test_values_read_back() -> None:
    data = {"d": dt.date(2025, 5, 7), "f": 0.1, "n": [1, 2], "t": {"a": 'b"\\'}, "b": True}
    line = "\n".join(f"{k} = {value(v)}" for k, v in data.items())
    assert tomllib.loads(line) == data


def test_slugs_are_stable_and_transliterated() -> None:
    assert slugify("Политические итоги визита") == "politicheskie-itogi-vizita"
    assert slugify("Щёлково и Ярославль") == "shchelkovo-iaroslavl"
    assert slugify("Technology & Industry") == "technology-industry"
    assert slugify("The Economy of the North") == slugify("The Economy of the North")


# -- plain text: the bundled report's original -------------------------------------------------


def test_seed_text_gives_its_sections_paragraphs_and_sources_word_for_word(
    tmp_path: Path,
) -> None:
    result = import_report(SEED, tmp_path / "seed", today=TODAY)
    assert result.problems == []
    got = result.briefing
    bundled = load_briefing(bundled_content_path() / "xi-russia-visit-2025-05")
    assert got is not None
    assert [s.title for s in got.sections] == [s.title for s in bundled.sections]
    assert len(got.sections) == 5
    assert got.paragraph_count == 23
    assert [paragraph_line(p) for _, p in got.paragraphs()] == [
        paragraph_line(p) for _, p in bundled.paragraphs()
    ]
    seed_blocks = SEED.read_text(encoding="utf-8").split("\n\n")
    for _, p in got.paragraphs():
        assert paragraph_line(p) in seed_blocks
    listed = [s.title for s in bundled.sources if s.in_report_list]
    assert [s.title for s in got.sources] == listed
    assert len(listed) == 5
    assert got.title == bundled.title and got.photo_caption == bundled.photo_caption
    table = next(t for _, t in got.tables())
    assert table.header == ("Scope of cooperation", "Key agreements (May 2025)")
    assert [r.cells[0] for r in table.rows] == [a.title for a in bundled.areas]
    assert table.note == bundled.note


def test_seed_text_judgement_points(tmp_path: Path) -> None:
    found = points(import_report(SEED, tmp_path / "seed", today=TODAY))
    messages = [m for _, m in found]
    unsourced = [m for m in messages if m.startswith("cites no source")]
    assert len(unsourced) == 23  # nothing is cited in plain text: every paragraph for review
    assert (
        "the text names 'Bloomberg' (listed in source articles-leading-media-gazeta-ru): "
        "cite it as a source?"
    ) in messages
    assert "the text names 'China Daily': cite it as a source?" in messages
    assert "the text names 'the Kremlin': cite it as a source?" in messages
    assert sum("was guessed from the title" in m for m in messages) == 5
    assert sum(m.startswith("a table flattened into lines") for m in messages) == 1
    assert ("briefing.toml", "id derived from the file name: 'xi-russia-visit-2025-05'") in found
    assert sum(m.startswith("the lead-in") for m in messages) == 7
    # sources named in the text are suggested, never linked
    assert all(not p.sources for _, p in load_briefing(tmp_path / "seed").paragraphs())


# -- Markdown ----------------------------------------------------------------------------------


def test_markdown_subsections_footnotes_tables_and_agreements(tmp_path: Path) -> None:
    result = imported("summit-subsections.md", tmp_path)
    b = result.briefing
    assert b is not None
    assert (b.id, b.title, b.language, b.start, b.tags) == (
        "summit-2025-09",
        "The September 2025 summit",
        "en",
        dt.date(2025, 9, 1),
        ("trade", "energy"),
    )
    assert b.author == "Analysis department"
    assert b.photo_caption == "The leaders at the opening session."
    assert b.summary == "The summit produced a trade plan and an energy memorandum."
    tree = [(s.id, [c.id for c in s.sections]) for s in b.all_sections()]
    assert tree == [
        ("economy", ["economy.trade", "energy"]),
        ("economy.trade", ["settlements"]),
        ("settlements", []),
        ("energy", []),
        ("politics", []),
    ]
    first = b.sections[0].paragraphs[0]
    assert first.text == (
        "Trade grew again in 2024, officials said. The plan sets a target for 2026."
    )
    assert first.sources == ("customs", "tass")
    trade = b.sections[0].sections[0]
    assert trade.paragraphs[0].label == "Turnover."
    table = trade.tables[0]
    assert table.caption == "Trade by year"
    assert [(r.cells, r.sources) for r in table.rows] == [
        (("2023", "$240 bn"), ("customs",)),
        (("2024", "$245 bn"), ("customs",)),
    ]
    assert table.note == "Customs data, rounded."
    bullets = trade.sections[0].paragraphs
    assert [(p.bullet, p.label) for p in bullets] == [(True, "Currencies:"), (True, None)]
    assert [(a.title, a.text, a.status.value, a.sources) for a in b.agreements] == [
        ("Pipeline", "Talks on the route resumed.", "negotiation", ("tass",)),
        ("Nuclear power", "A memorandum on new units was signed.", "memorandum", ("tass",)),
        ("Trade plan", "A plan to balance trade was agreed.", "agreed", ("customs",)),
    ]
    assert b.after_section == "energy" and b.note == "Most items were confirmed officially."
    assert {s.id: s.url for s in b.sources} == {
        "tass": "https://tass.example/summit",
        "customs": "https://customs.example/bulletin",
        "statement": None,
    }
    assert (b.sources[0].published, b.sources[0].accessed) == (
        dt.date(2025, 9, 1),
        dt.date(2025, 9, 5),
    )
    assert [s.title for s in b.sources] == [
        "TASS reports on the summit",
        "Customs service data, monthly bulletin",
        "Joint statement of the leaders",
    ]
    assert points(result) == [
        (
            "sections.toml",
            "cites no source: imported as the analyst's assessment; cite a source or confirm",
        ),
        ("sections.toml", "the text names 'Reuters': cite it as a source?"),
        ("sources.toml", "kind 'agency' was guessed from the title: check it"),
        ("sources.toml", "kind 'government' was guessed from the title: check it"),
        ("sources.toml", "say what kind of source this is (kind; kind_label for 'other')"),
    ]


def test_markdown_russian_report(tmp_path: Path) -> None:
    result = imported("visit-note-ru.md", tmp_path)
    b = result.briefing
    assert b is not None
    # "Источники" and "Область" are the Russian defaults: they read back as the default
    assert b.language == "ru" and b.heading is None and b.tags == ("энергетика",)
    assert [s.id for s in b.sections] == ["politicheskie-itogi-vizita", "ekonomika"]
    assert [(a.area, a.title, a.status.value) for a in b.agreements] == [
        ("energetika", "Газопровод", "negotiation"),
        ("torgovlia", "Расчёты", "target"),
    ]
    assert (b.area_heading, b.items_heading) == (None, "Соглашение")
    assert b.note == "Большинство договорённостей подтверждено официально."
    assert points(result) == [
        ("briefing.toml", "id derived from the file name: 'visit-note-ru'"),
        (
            "sections.toml",
            "cites no source: imported as the analyst's assessment; cite a source or confirm",
        ),
        ("sections.toml", "the text names 'Синьхуа': cite it as a source?"),
        ("sources.toml", "kind 'official' was guessed from the title: check it"),
        ("sources.toml", "kind 'government' was guessed from the title: check it"),
    ]


def test_markdown_without_table_or_front_matter(tmp_path: Path) -> None:
    result = imported("no-table.md", tmp_path)
    b = result.briefing
    assert b is not None
    assert (b.id, b.title) == ("no-table", "Regional security after the talks")
    assert not b.agreements and not list(b.tables())
    assert [m for _, m in points(result)] == [
        "id derived from the file name: 'no-table'",
        "start date not given: set the first/last day the briefing covers",
        "end date not given: set the first/last day the briefing covers",
        "cites no source: imported as the analyst's assessment; cite a source or confirm",
        "the text names 'Kommersant': cite it as a source?",
        "cites no source: imported as the analyst's assessment; cite a source or confirm",
        "kind 'agency' was guessed from the title: check it",
    ]


def test_markdown_malformed_tables(tmp_path: Path) -> None:
    result = imported("malformed-table.md", tmp_path)
    table = next(t for _, t in result.briefing.tables())  # type: ignore[union-attr]
    assert [r.cells for r in table.rows] == [("2023", "10"), ("2024", "")]
    assert [m for _, m in points(result)] == [
        "cites no source: imported as the analyst's assessment; cite a source or confirm",
        "this paragraph looks like a table but is not one (check the |---| line under its "
        "header and the number of cells): imported as text",
        "row 1 has 3 cell(s) but the header has 2: cells were padded or dropped, check it",
        "row 2 has 1 cell(s) but the header has 2: cells were padded or dropped, check it",
        "say what kind of source this is (kind; kind_label for 'other')",
    ]


def test_markdown_dangling_and_unused_footnotes(tmp_path: Path) -> None:
    result = imported("dangling-footnote.md", tmp_path)
    b = result.briefing
    assert b is not None
    assert [(s.id, s.title, s.in_report_list) for s in b.sources] == [
        ("unhcr", "UNHCR situation report", True),
        ("unused", "A source the text never cites", True),
        ("missing", "missing", False),
    ]
    assert b.sections[0].paragraphs[1].text == "Aid deliveries resumed."
    assert b.sections[0].paragraphs[1].sources == ("missing",)
    assert [m for _, m in points(result)] == [
        "cites [^missing], which has no footnote definition: a source was added for it; give "
        "it a title",
        "say what kind of source this is (kind; kind_label for 'other')",
        "defined but never cited",
        "say what kind of source this is (kind; kind_label for 'other')",
        "cited as [^missing] but never defined: give it a title (and url)",
        "say what kind of source this is (kind; kind_label for 'other')",
    ]


def test_markdown_duplicate_heading(tmp_path: Path) -> None:
    result = imported("duplicate-heading.md", tmp_path)
    assert [s.id for s in result.briefing.sections] == ["background", "background-2"]  # type: ignore[union-attr]
    assert points(result) == [
        (
            "sections.toml",
            "the heading 'Background' occurs more than once; this one's id is 'background-2'",
        ),
        ("sources.toml", "kind 'agency' was guessed from the title: check it"),
    ]


def test_markdown_front_matter_and_heading_id_problems_are_judgement_points(
    tmp_path: Path,
) -> None:
    report = tmp_path / "odd.md"
    report.write_text(
        '+++\nid = "odd"\nstart = 2025-01-01\nend = 2025-01-02\nmood = "sunny"\n+++\n\n'
        "# Odd\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSummary.\n\n"
        "## First {#Not An Id}\n\nText.[^s]\n\n## Sources\n\n[^s]: Agency report\n",
        encoding="utf-8",
    )
    result = import_report(report, tmp_path / "out", today=TODAY)
    assert result.problems == []
    assert [s.id for s in result.briefing.sections] == ["first"]  # type: ignore[union-attr]
    assert [m for _, m in points(result)] == [
        "front matter key 'mood' is not part of the format; left out (value: 'sunny')",
        "a table before the first section was left out: move it into a section",
        "'{#Not An Id}' is not a valid id (lowercase Latin letters, digits, '-' and '.'): a "
        "slug of the title is used",
        "kind 'agency' was guessed from the title: check it",
    ]


@pytest.mark.parametrize("report", [*sorted(DATA.glob("*.md")), SEED], ids=lambda p: p.name)
def test_every_todo_of_a_draft_is_written_and_listed(report: Path) -> None:
    """No judgement point is lost between the reader and the files."""
    from typing import Any

    from briefing_tui.authoring.draft import render
    from briefing_tui.authoring.importer import draft_of

    draft = draft_of(report.read_text(encoding="utf-8"), report, TODAY)

    def messages(node: Any) -> int:
        if isinstance(node, dict):
            own = sum(len(v) for k, v in node.items() if k.startswith("_todo"))
            return own + sum(messages(v) for k, v in node.items() if not k.startswith("_"))
        if isinstance(node, list):
            return sum(messages(v) for v in node)
        return 0

    texts, todos = render(draft)
    assert len(todos) == messages(list(draft.files().values()))
    assert sum(text.count("\n# TODO: ") for text in texts.values()) == len(todos)


def test_markdown_plain_list_under_the_sources_heading(tmp_path: Path) -> None:
    report = tmp_path / "listed.md"
    report.write_text(
        "# X\n\n## S\n\nText.[^tass]\n\n## Sources\n\n[^tass]: TASS\n\n"
        "- Reuters, <https://reuters.example/x>\n- Kommersant\n",
        encoding="utf-8",
    )
    result = import_report(report, tmp_path / "out", today=TODAY)
    assert result.problems == []
    assert [(s.id, s.title, s.url, s.in_report_list) for s in result.briefing.sources] == [  # type: ignore[union-attr]
        ("tass", "TASS", None, True),
        ("reuters", "Reuters", "https://reuters.example/x", True),
        ("kommersant", "Kommersant", None, True),
    ]
    assert [m for _, m in points(result) if "cite it with" in m] == [
        "listed under the sources heading, not as a footnote: cite it with [^reuters] where "
        "the text rests on it",
        "listed under the sources heading, not as a footnote: cite it with [^kommersant] where "
        "the text rests on it",
    ]


_PIECES = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "#### ",
        "+++\n",
        "| a | b |\n",
        "| --- | --- |\n",
        "| 1 | 2 |\n",
        "[^a]",
        "[^b]: Source <https://x.example/>\n",
        "**Bold.** ",
        "- ",
        "* ",
        "> ",
        "Note: ",
        "Sources\n",
        "## Sources\n",
        "Источники:\n",
        "• ",
        "Text. ",
        "Слово ",
        "{#id}",
        "\n",
        "\n\n",
        "`code` ",
        "- **Id:** `x`\n",
        "- **Format version:** 2\n",
        "Area | Agreement | Status\n",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join), st.sampled_from(["r.md", "r.txt"]))
def test_any_report_gives_a_draft_or_one_usage_error(text: str, name: str) -> None:
    """Whatever the input, the readers end in a draft (or a one-line usage error), never a
    crash, and the draft renders as TOML that parses."""
    from briefing_tui.authoring.draft import render
    from briefing_tui.authoring.importer import draft_of
    from briefing_tui.content.errors import UsageError

    try:
        draft = draft_of(text, Path(name), TODAY)
    except UsageError:
        return
    texts, _todos = render(draft)
    for toml_text in texts.values():
        tomllib.loads(toml_text)


def test_markdown_inline_markup_is_dropped_and_no_word_is_lost(tmp_path: Path) -> None:
    report = tmp_path / "inline.md"
    report.write_text(
        "# X\n\n## S\n\n`pip` is a *tool*, see [the docs](https://d.example/) and\n"
        "the next line.[^a]\n\n[^a]: s\n",
        encoding="utf-8",
    )
    result = import_report(report, tmp_path / "out", today=TODAY)
    paragraph = result.briefing.sections[0].paragraphs[0]  # type: ignore[union-attr]
    assert paragraph.text == "pip is a tool, see the docs and the next line."
