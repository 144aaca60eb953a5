"""The section tree, flattened: labels, depth, reading order; dates and words in a briefing's
language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing_tui.content.loader import load_briefing
from briefing_tui.reading.dates import format_range
from briefing_tui.reading.labels import report_labels
from briefing_tui.reading.outline import Block, OutlineEntry, outline, reading_order
from briefing_tui.reading.words import agreement_headings, source_heading, words_for

V2 = Path(__file__).resolve().parent.parent / "data" / "library-v2"
FIGURES = load_briefing(V2 / "visit-figures-en")
NOTE_RU = load_briefing(V2 / "visit-note-ru")


def test_outline_has_depth_label_parent_and_top() -> None:
    assert [(e.section.id, e.depth, e.label, e.parent, e.top) for e in outline(FIGURES)] == [
        ("econ", 0, "§1", None, "econ"),
        ("econ.trade", 1, "§1.1", "econ", "econ"),
        ("econ.energy", 1, "§1.2", "econ", "econ"),
        ("econ.energy.gas", 2, "§1.2.1", "econ.energy", "econ"),
        ("politics", 0, "§2", None, "politics"),
    ]


def test_labels_never_collide_between_a_parents_paragraphs_and_its_subsections() -> None:
    labels = report_labels(FIGURES)
    assert labels["econ.intro"] == "§1 ¶1"  # §1.1 is the subsection
    assert labels["econ.trade.p1"] == "§1.1.1"
    assert labels["econ.energy.gas.p2"] == "§1.2.1.2"
    assert labels["politics.p1"] == "§2.1"
    assert (labels["t-trade"], labels["t-statements"]) == ("Table 1", "Table 2")
    assert len(set(labels.values())) == len(labels)


def test_reading_order_places_tables_and_the_agreements_table() -> None:
    order = []
    for item in reading_order(FIGURES):
        if isinstance(item, OutlineEntry):
            order.append(item.section.id)
        elif isinstance(item, Block):
            target = item.paragraph or item.table
            order.append(f"{item.kind}:{target.id if target else item.entry.section.id}")
    assert order == [
        "econ",
        "paragraph:econ.intro",
        "econ.trade",
        "paragraph:econ.trade.p1",
        "table:t-trade",
        "econ.energy",
        "econ.energy.gas",
        "paragraph:econ.energy.gas.p1",
        "paragraph:econ.energy.gas.p2",
        "agreements:econ.energy.gas",
        "politics",
        "paragraph:politics.p1",
        "table:t-statements",
    ]


def test_dates_follow_the_language_with_babel_month_forms() -> None:
    may7, may10 = dt.date(2025, 5, 7), dt.date(2025, 5, 10)
    assert format_range(may7, may10) == "7–10 May 2025"
    assert format_range(may7, may10, language="ru") == "7–10 мая 2025"
    assert format_range(dt.date(2025, 4, 30), may10, language="ru") == "30 апреля – 10 мая 2025"
    assert format_range(may7, None, year=False, language="ru-RU") == "7 мая"
    assert format_range(may7, may10, language="de") == "7.–10. Mai 2025"
    assert format_range(may7, may10, language="xx") == "7–10 May 2025"  # unknown: English


def test_inserted_words_follow_the_language() -> None:
    assert source_heading(NOTE_RU) == "Источники"  # no heading given: the language's word
    assert source_heading(FIGURES) == "Sources"
    assert words_for("ru-RU").note == "Примечание"
    assert words_for("fr").note == "Note"
    assert agreement_headings(FIGURES) == ("Area", "Agreement")
