"""The section tree of a briefing, flattened in reading order: what every view of the report walks.

The reader, the outline, the palette, search and the exports all need the same order (a section,
its paragraphs with its tables placed among them, the agreements table after its section, then the
subsections) and the same depth and labels; computing it here once keeps them from disagreeing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from briefing_tui.content.model import Agreement, Briefing, Paragraph, Section, Table
from briefing_tui.content.record import record
from briefing_tui.reading.labels import report_labels


@record(slots=True)
class OutlineEntry:
    """One section of the tree, where it sits and how it is labelled."""

    section: Section
    depth: int
    """0 for a top-level section, 1 for its subsections, and so on."""
    label: str
    """Its position label, ``§3`` or ``§3.1``."""
    parent: str | None
    """The id of the section holding it, None at the top."""
    top: str
    """The id of the top-level section it belongs to (itself at the top)."""


@record(slots=True)
class Block:
    """One item of a section's body in reading order."""

    kind: Literal["paragraph", "table", "agreements"]
    entry: OutlineEntry
    """The section the block belongs to."""
    paragraph: Paragraph | None = None
    table: Table | None = None


def outline(briefing: Briefing) -> list[OutlineEntry]:
    """Every section at every level, parents first, with depth and label."""
    labels = report_labels(briefing)
    out: list[OutlineEntry] = []

    def walk(
        sections: tuple[Section, ...], depth: int, parent: str | None, top: str | None
    ) -> None:
        for section in sections:
            here_top = top or section.id
            out.append(OutlineEntry(section, depth, labels[section.id], parent, here_top))
            walk(section.sections, depth + 1, section.id, here_top)

    walk(briefing.sections, 0, None, None)
    return out


def section_blocks(section: Section) -> list[Paragraph | Table]:
    """A section's own paragraphs and tables in reading order (subsections not included).

    A table follows the paragraph its ``after`` names, or the last paragraph when it names none.
    """
    tables_after: dict[str | None, list[Table]] = {}
    for table in section.tables:
        tables_after.setdefault(table.after, []).append(table)
    out: list[Paragraph | Table] = []
    for paragraph in section.paragraphs:
        out.append(paragraph)
        out.extend(tables_after.pop(paragraph.id, []))
    for tables in tables_after.values():
        out.extend(tables)
    return out


def reading_order(briefing: Briefing) -> Iterator[Block | OutlineEntry]:
    """The whole report in reading order: each section's entry, then its blocks.

    The agreements table comes right after the blocks of the section it follows, before that
    section's subsections, as the report prints it.
    """
    after = briefing.agreements_section
    for entry in outline(briefing):
        yield entry
        for item in section_blocks(entry.section):
            if isinstance(item, Table):
                yield Block("table", entry, table=item)
            else:
                yield Block("paragraph", entry, paragraph=item)
        if entry.section.id == after:
            yield Block("agreements", entry)


def agreements_by_area(briefing: Briefing) -> list[tuple[str, list[Agreement]]]:
    """Areas in declared order, each with its agreements in order."""
    return [
        (area.title, [a for a in briefing.agreements if a.area == area.id])
        for area in briefing.areas
    ]
