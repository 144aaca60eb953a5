"""The report's own plain text, as the analyst wrote it.

Only words of the report itself are printed, in its order; the few the export inserts ("Note:",
the source list's heading) are in the briefing's language.
"""

from __future__ import annotations

from briefing_tui.content.model import Briefing, Paragraph, Table
from briefing_tui.reading.outline import Block, OutlineEntry, agreements_by_area, reading_order
from briefing_tui.reading.words import agreement_headings, source_heading, words_for


def paragraph_line(paragraph: Paragraph) -> str:
    line = paragraph.full_text
    return f"  • {line}" if paragraph.bullet else line


def to_text(b: Briefing) -> str:
    lines: list[str] = [b.title]
    if b.photo_caption:
        lines.append(b.photo_caption)
    note = words_for(b.language).note
    for item in reading_order(b):
        if isinstance(item, OutlineEntry):
            lines.append(item.section.title)
        elif isinstance(item, Block) and item.paragraph is not None:
            lines.append(paragraph_line(item.paragraph))
        elif isinstance(item, Block) and item.table is not None:
            lines.extend(table_text(item.table, note))
        else:
            lines.extend(_agreements_text(b, note))
    listed = [s for s in b.sources if s.in_report_list]
    if listed:
        lines.append(f"{source_heading(b)}:")
        lines.extend(f"  • {s.title}" for s in listed)
    return "\n\n".join(lines)


def table_text(table: Table, note_word: str) -> list[str]:
    """A plain table as text: caption, header and rows with cells joined by `` | ``."""
    lines = [table.caption, " | ".join(table.header)]
    lines += [" | ".join(row.cells) for row in table.rows]
    if table.note:
        lines.append(f"{note_word}: {table.note}")
    return lines


def _agreements_text(b: Briefing, note_word: str) -> list[str]:
    lines = [b.intro] if b.intro else []
    lines += list(agreement_headings(b))
    for title, items in agreements_by_area(b):
        lines += [title, " • ".join(a.text for a in items)]
    if b.note:
        lines.append(f"{note_word}: {b.note}")
    return lines
