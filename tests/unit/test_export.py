"""The exports of format-v2 briefings: complete, correct Markdown, lossless JSON, the report's text.

The Markdown export is read the way a renderer reads it (markdown-it-py, CommonMark with GFM
tables): a value counts as shown only if it is in the rendered text, not merely somewhere in the
Markdown source, where an escape or a stray list marker could still hide or mangle it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mdkit import parse, rendered_text
from minikit import MINI

from briefing_tui.content.loader import load_library
from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.validation import validate_json
from briefing_tui.export import to_json, to_markdown, to_text
from briefing_tui.export.markdown import md, md_start

V2 = Path(__file__).resolve().parent.parent / "data" / "library-v2"
BUNDLED = Path(__file__).resolve().parent.parent.parent / "content"


def _load(path: Path) -> list[Briefing]:
    result = load_library(path)
    assert result.problems == []
    return list(result.library.briefings)


BRIEFINGS = {b.id: b for path in (V2, MINI, BUNDLED) for b in _load(path)}


@pytest.fixture(params=sorted(BRIEFINGS))
def briefing(request: pytest.FixtureRequest) -> Briefing:
    return BRIEFINGS[request.param]


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def test_every_json_value_is_in_the_rendered_markdown(briefing: Briefing) -> None:
    shown = rendered_text(to_markdown(briefing))
    missing = []
    for path, value in leaves(json.loads(to_json([briefing]))):
        if value is None or isinstance(value, bool):
            continue  # absent, or shown as structure (a bullet, a list marker, a note)
        expected = f"{value:g}" if isinstance(value, int | float) else " ".join(str(value).split())
        if expected not in shown:
            missing.append(path)
    assert missing == []


def test_markdown_has_no_structure_the_content_did_not_ask_for() -> None:
    tokens = parse(to_markdown(BRIEFINGS["visit-figures-en"]))
    headings = [
        "".join(c.content for c in tokens[i + 1].children or ())
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    # "# Not a heading" is a bullet's text; "1. The leaders" is a paragraph, not a list
    assert headings == [
        "The May 2025 visit in figures",
        "1. Economy",
        "1.1 Trade",
        "1.2 Energy",
        "1.2.1 Gas",
        "2. Politics",
        "Sources",
    ]
    assert not any(t.type == "ordered_list_open" for t in tokens)
    levels = [t.tag for t in tokens if t.type == "heading_open"]
    assert levels == ["h1", "h2", "h3", "h3", "h4", "h2", "h2"]


def test_markdown_labels_starting_with_digits_render_without_a_backslash() -> None:
    shown = rendered_text(to_markdown(BRIEFINGS["visit-figures-en"]))
    assert "3.1 Turnover. President Putin" in shown
    assert "\\" not in shown


def test_markdown_plain_table_is_a_gfm_table_with_row_sources() -> None:
    tokens = parse(to_markdown(BRIEFINGS["visit-figures-en"]))
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == 3  # two plain tables and the agreements table
    first = tables[0]
    cells = []
    for token in tokens[first:]:
        if token.type == "table_close":
            break
        if token.type == "inline":
            cells.append(token.content)
    assert cells[:4] == ["Measure", "Figure", "Year", "Sources"]
    assert cells[4:8] == ["Bilateral trade", "approached $200 billion", "2024", "`kremlin`"]


def test_markdown_sources_heading_and_titles_stand_apart() -> None:
    markdown = to_markdown(BRIEFINGS["xi-russia-visit-2025-05"])
    assert "## Источники\n" in markdown
    assert "(Sources)" not in markdown
    for line in markdown.splitlines():
        assert not ("**" in line and "Outlets:" in line)  # a title never runs into outlets


def test_markdown_of_a_russian_briefing_uses_its_own_words() -> None:
    markdown = to_markdown(BRIEFINGS["visit-note-ru"])
    assert markdown.startswith(
        "# Визит Си Цзиньпина в Россию: краткая записка\n\n*7–10 мая 2025*\n"
    )
    assert "**Кратко.** Визит" in markdown
    assert "## Хронология" in markdown and "**8 мая 2025** (2025-05-08)" in markdown
    assert "## Источники" in markdown
    for english in ("Summary", "Sources", "Timeline", "Note:"):
        assert english not in markdown


def test_source_urls_are_links_in_markdown() -> None:
    tokens = parse(to_markdown(BRIEFINGS["visit-figures-en"]))
    hrefs = [
        c.attrs["href"]
        for t in tokens
        if t.type == "inline"
        for c in t.children or ()
        if c.type == "link_open"
    ]
    assert hrefs == [
        "http://en.kremlin.ru/",
        "https://customs.gov.ru/",
        "https://www.bloomberg.com/",
    ]


def test_json_export_round_trips(briefing: Briefing) -> None:
    again = validate_json(Library, to_json([briefing]))
    assert again.briefings == (briefing,)


def test_text_export_of_a_multi_level_briefing() -> None:
    text = to_text(BRIEFINGS["visit-figures-en"])
    blocks = text.split("\n\n")
    assert blocks[:9] == [
        "The May 2025 visit in figures",
        "1. Economy",
        "The economic results of the visit fall into trade and energy.",
        "1.1 Trade",
        '3.1 Turnover. President Putin noted that trade in 2024 "approached $200 billion" & the '
        "goal is to surpass it.",
        "Trade figures named in the report",
        "Measure | Figure | Year",
        "Bilateral trade | approached $200 billion | 2024",
        "Settlements in rubles and yuan | more than 70% | 2024",
    ]
    # the agreements table follows the subsection it names, before the next top-level section
    gas = blocks.index("1.2.1 Gas")
    assert blocks[gas + 3 : gas + 5] == ["Agreements named in the sections above:", "Area"]
    assert blocks.index("2. Politics") > gas + 5
    assert blocks[-5:] == [
        "Sources:",
        "  • Kremlin reports on the programme of the visit",
        "  • Customs statistics",
        "  • News agency materials: RIA Novosti, Interfax, TASS",
        "  • Leading media: Bloomberg",
    ]


def test_text_export_of_a_russian_briefing_inserts_russian_words() -> None:
    assert to_text(BRIEFINGS["visit-note-ru"]).endswith(
        "\n\nИсточники:\n\n  • Сообщения Кремля о программе визита"
    )


_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")

#: Markdown's own punctuation, dense: where escaping mistakes hide.
_PUNCTUATION = st.text(
    st.sampled_from(list(" !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~ax")),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() != "")


@settings(max_examples=600, deadline=None)
@given(text=st.one_of(_TEXT, _PUNCTUATION))
def test_any_text_renders_as_itself(text: str) -> None:
    """Whatever an author writes, the rendered Markdown shows exactly that text (spacing aside):
    no emphasis, link, entity, code span, list or heading appears that the text did not ask for.
    """
    expected = " ".join(text.split())
    assert rendered_text(f"`p1` {md(text)}") == f"p1 {expected}"
    assert rendered_text(md_start(text)) == expected
    assert rendered_text(f"| {md(text)} |\n| --- |\n| {md(text)} |") == f"{expected} {expected}"
