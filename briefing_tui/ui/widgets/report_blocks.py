"""What the reader shows, block by block: headings, paragraphs and the parts around them.

Built from the briefing for one provenance filter and one set of search marks; the reader lays
the blocks out at its width and scrolls them by line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from itertools import pairwise
from typing import overload

from rich.console import Console
from rich.text import Text
from textual.strip import Strip

from briefing_tui.content.model import Briefing, Paragraph, Section, Table
from briefing_tui.content.record import record
from briefing_tui.reading.outline import OutlineEntry, outline, reading_order
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.reading.words import words_for
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.line_breaks import line_breaks
from briefing_tui.ui.render import highlighted, text
from briefing_tui.ui.widgets.document import EDITORIAL_NOTE, agreements_table, source_list

#: A provenance filter: ``None`` (everything), ``"unsourced"``, or a source id.
Filter = str | None

UNSOURCED = "unsourced"


@record(frozen=False)
class Block:
    """One piece of the document: a heading, a paragraph, or a part of the original around them."""

    #: ``heading:s1``, a paragraph id, ``table:s5``, ``caption``...
    id: str
    text: Text
    #: Only paragraphs take the cursor.
    paragraph: bool = False
    #: Where the paragraph's ``full_text`` starts inside :attr:`text` (search marks index it).
    offset: int = 0
    #: Laid-out lines, filled for the current width.
    lines: Sequence[Strip] = field(default_factory=list)
    #: Character offset in :attr:`text` where each laid-out line starts.
    starts: list[int] = field(default_factory=list)
    #: First document line of the block.
    top: int = 0
    #: Width -> (lines, starts) already laid out: the pane and the outline toggle between two
    #: widths, and wrapping the whole report again took ~100 ms (bench ``keys``, ``p``).
    layouts: dict[int, tuple[Sequence[Strip], list[int]]] = field(default_factory=dict)

    @property
    def bottom(self) -> int:
        """One past the block's last line."""
        return self.top + len(self.lines)


def passes(paragraph: Paragraph, filter: Filter) -> bool:
    """Whether the provenance ``filter`` shows ``paragraph``."""
    if filter is None:
        return True
    if filter == UNSOURCED:
        return not paragraph.sources
    return filter in paragraph.sources


def _heading(refs: BriefingRefs, section: Section, shown: int) -> Text:
    sourced, count = refs.coverage(section)
    line = Text()
    line.append(f"{refs.labels[section.id]} ", style="bold")
    line.append(text(section.title, "bold underline"))
    if count:  # a section holding only subsections has no coverage of its own
        note = tr("  {sourced} of {count} paragraphs sourced", sourced=sourced, count=count)
        if shown != count:
            note += tr(" · {shown} shown", shown=shown)
        line.append(note, style="dim")
    line.append("\n")
    return line


def _paragraph(
    refs: BriefingRefs,
    paragraph: Paragraph,
    marks: dict[str, list[tuple[int, int]]],
    badge: Text | None = None,
) -> Block:
    prompt = Text()
    prompt.append(f"{refs.labels[paragraph.id]} ", style="bold cyan")
    if paragraph.bullet:
        prompt.append("• ")
    offset = len(prompt)
    if paragraph.label:
        label_spans = _shift(marks, paragraph.id, 0, len(paragraph.label))
        prompt.append(highlighted(paragraph.label, label_spans, "bold reverse"))
        prompt.stylize("bold", len(prompt) - len(paragraph.label))
        prompt.append(" ")
    start = len(paragraph.label) + 1 if paragraph.label else 0
    spans = _shift(marks, paragraph.id, start, start + len(paragraph.text))
    prompt.append(highlighted(paragraph.text, spans, "reverse"))
    if not paragraph.sources:
        assessment = words_for(refs.briefing.language).assessment  # the briefing's language
        prompt.append(f"\n  ◇ {assessment[0].lower()}{assessment[1:]}", style="italic dim")
    if paragraph.gap:
        gap = words_for(refs.briefing.language).gap  # the briefing's language
        prompt.append(f"\n  ⚠ {gap[0].lower()}{gap[1:]}: ", style="yellow")
        prompt.append(text(paragraph.gap, "yellow"))
    if paragraph.note:
        prompt.append(f"\n  {tr(EDITORIAL_NOTE)}: ", style="italic magenta")
        prompt.append_text(text(paragraph.note, "italic"))
    if badge is not None:  # the analyst's own layer: a note, "changed since you last read"
        prompt.append("\n")
        prompt.append_text(badge)
    prompt.append("\n")  # a blank line between paragraphs, as in the report
    return Block(paragraph.id, prompt, paragraph=True, offset=offset)


def _shift(
    marks: dict[str, list[tuple[int, int]]], paragraph_id: str, start: int, end: int
) -> list[tuple[int, int]]:
    """Marks for ``full_text[start:end]``, re-based to that slice."""
    return [
        (max(s, start) - start, min(e, end) - start)
        for s, e in marks.get(paragraph_id, ())
        if s < end and e > start
    ]


def _table(refs: BriefingRefs, table: Table) -> Text:
    """A plain table as readable lines at any width: caption, then each row as heading: cell."""
    out = Text()
    out.append("▦ ", style="dim")
    out.append(f"{refs.labels.get(table.id, '')} ", style="bold")
    out.append_text(text(table.caption, "bold"))
    out.append("\n")
    for row in table.rows:
        out.append("  • ")
        for column, (heading, cell) in enumerate(zip(table.header, row.cells, strict=True)):
            if column:
                out.append(" · ", style="dim")
            out.append_text(text(f"{heading}: ", "dim"))
            out.append_text(text(cell))
        out.append("\n")
    if table.note:
        out.append_text(text(table.note, "italic"))
        out.append("\n")
    out.append("\n")
    return out


def _with_shown_paragraphs(b: Briefing, filter: Filter) -> set[str]:
    """Sections to show: all of them unfiltered; with a filter, those that hold (themselves or
    below them) a paragraph it shows."""
    entries = outline(b)
    if filter is None:
        return {e.section.id for e in entries}
    parent_of = {e.section.id: e.parent for e in entries}
    keep: set[str] = set()
    for entry in entries:
        if any(passes(p, filter) for p in entry.section.paragraphs):
            section_id: str | None = entry.section.id
            while section_id is not None and section_id not in keep:
                keep.add(section_id)
                section_id = parent_of[section_id]
    return keep


def build_blocks(
    b: Briefing,
    refs: BriefingRefs,
    filter: Filter,
    marks: dict[str, list[tuple[int, int]]],
    badges: Mapping[str, Text] | None = None,
) -> list[Block]:
    """The document for ``filter``, with the search ``marks`` in place: every section at every
    level, its paragraphs, its plain tables and the agreements table, in the report's order.
    ``badges`` (the analyst's notes and changes) go under their paragraphs."""
    badges = badges or {}
    blocks: list[Block] = []
    if b.photo_caption and filter is None:
        caption = Text()
        caption.append("Photo: ", style="dim italic")
        caption.append(text(b.photo_caption, "italic"))
        caption.append("\n")
        blocks.append(Block("caption", caption))
    keep = _with_shown_paragraphs(b, filter)
    for item in reading_order(b):
        if isinstance(item, OutlineEntry):
            if item.section.id not in keep:
                continue
            shown = sum(1 for p in item.section.paragraphs if passes(p, filter))
            heading = _heading(refs, item.section, shown)
            if item.depth:
                heading = Text("  " * item.depth) + heading
            blocks.append(Block(f"heading:{item.section.id}", heading))
        elif item.kind == "paragraph" and item.paragraph is not None:
            if passes(item.paragraph, filter):
                badge = badges.get(item.paragraph.id)
                blocks.append(_paragraph(refs, item.paragraph, marks, badge))
        elif filter is None and item.kind == "table" and item.table is not None:
            blocks.append(Block(f"table:{item.table.id}", _table(refs, item.table)))
        elif filter is None and item.kind == "agreements":
            table = agreements_table(b, refs)
            table.append("   Press 3 for the table with statuses and sources.\n\n", "dim")
            blocks.append(Block(f"table:{item.entry.section.id}", table))
    listed = source_list(b) if filter is None else None
    if listed is not None:
        blocks.append(Block("source-list", listed))
    if not any(block.paragraph for block in blocks):
        blocks.append(Block("empty", Text(tr("No paragraph matches this filter."), style="italic")))
    return blocks


class Wrapped(Sequence[Strip]):
    """A block's lines at one width, each drawn the first time it is needed.

    Finding where the lines break is cheap and must be done for every block (the document's
    height, the position indicator); drawing them as strips was over half of wrapping the whole
    report (32-44 ms a width, paid by the first `o`, `p` and the first frame) and is only
    needed for the lines on screen. A paragraph is often taller than what shows of it: the
    first frame at 80x24 drew 37 lines for 19 rows when a block drew all its lines at once.
    """

    def __init__(self, text: Text, spans: list[tuple[int, int]], width: int, console: Console):
        self._text = text
        self._spans = spans
        self._width = width
        self._console = console
        self._strips: list[Strip | None] = [None] * len(spans)

    def __len__(self) -> int:
        return len(self._spans)

    @property
    def drawn(self) -> int:
        """How many of the lines are drawn so far."""
        return sum(strip is not None for strip in self._strips)

    @overload
    def __getitem__(self, index: int) -> Strip: ...
    @overload
    def __getitem__(self, index: slice) -> list[Strip]: ...
    def __getitem__(self, index: int | slice) -> Strip | list[Strip]:
        if isinstance(index, slice):
            return [self._line(i) for i in range(*index.indices(len(self._spans)))]
        return self._line(index)

    def _line(self, index: int) -> Strip:
        strip = self._strips[index]  # IndexError as a list's, negative indexes as a list's
        if strip is None:
            start, end = self._spans[index]
            strip = self._strips[index] = self._draw(start, end)
        return strip

    def _draw(self, start: int, end: int) -> Strip:
        # What Rich's Text.wrap does to each piece of a line it divides.
        piece = self._text[start:end]
        piece.rstrip_end(self._width)
        piece.truncate(self._width, overflow="fold")
        return Strip(piece.render(self._console, end="")).adjust_cell_length(self._width)


def line_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """Where each line of ``plain`` starts and ends at ``width``, as Rich's wrap divides it
    (lines at newlines, then at words, a word wider than a line folded)."""
    spans: list[tuple[int, int]] = []
    base = 0
    for line in plain.split("\n"):
        bounds = [0, *line_breaks(line, width), len(line)]
        spans.extend((base + a, base + b) for a, b in pairwise(bounds))
        base += len(line) + 1
    return spans


def wrap_block(block: Block, width: int, console: Console) -> tuple[Sequence[Strip], list[int]]:
    """A block's lines at ``width``, and where in its text each line starts."""
    text = block.text
    if "\t" in text.plain or text.justify not in (None, "default", "left"):
        return _wrap_eagerly(block, width, console)  # what line_spans does not model
    spans = line_spans(text.plain, max(1, width))
    return Wrapped(text, spans, width, console), [start for start, _ in spans]


def _wrap_eagerly(block: Block, width: int, console: Console) -> tuple[list[Strip], list[int]]:
    lines: list[Strip] = []
    starts: list[int] = []
    plain = block.text.plain
    position = 0
    for line in block.text.wrap(console, width, overflow="fold"):
        found = plain.find(line.plain.rstrip(), position) if line.plain.strip() else -1
        if found >= 0:
            position = found
        starts.append(position)
        lines.append(Strip(line.render(console, end="")).adjust_cell_length(width))
    return lines, starts
