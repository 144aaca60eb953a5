"""The report as one document scrolled by line, with a paragraph cursor on top.

A paragraph taller than the pane must still be readable to its last line, so the unit of
scrolling is the terminal line (as in ``less``), not the paragraph. The cursor (which drives the
sources pane, ``f`` and the search marks) is a separate thing: it stays on its paragraph while
any line of it is on screen, and moves to the paragraph at the top of the view once it scrolls
off, so it is always where the reader is looking.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.messages import ItemFocused, Moved
from briefing_tui.ui.widgets.reader_keys import ReaderKeys
from briefing_tui.ui.widgets.report_blocks import Block, Filter, build_blocks, passes, wrap_block


class Reader(ReaderKeys, ScrollView, can_focus=True):
    """The report's text: less/vim keys scroll it by line; ``[``/``]`` move the cursor."""

    COMPONENT_CLASSES = {"reader--cursor"}

    BINDINGS = [
        Binding("j,down,ctrl+e", "line_down", "Down a line", show=False, id="reader.down"),
        Binding("k,up,ctrl+y", "line_up", "Up a line", show=False, id="reader.up"),
        Binding("ctrl+d", "half_down", "Half a page down", show=False, id="reader.half_down"),
        Binding("ctrl+u", "half_up", "Half a page up", show=False, id="reader.half_up"),
        Binding(
            "space,pagedown,ctrl+f", "page_down", "Page down", show=False, id="reader.page_down"
        ),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "first", "Top", show=False, id="reader.top"),
        Binding("G,end", "last", "Bottom", show=False, id="reader.bottom"),
        Binding("}", "next_section", "Next section", show=False, id="reader.next_section"),
        Binding("{", "previous_section", "Previous section", show=False, id="reader.prev_section"),
        Binding("]", "next_paragraph", "Next paragraph", show=False, id="reader.next_paragraph"),
        Binding(
            "[", "previous_paragraph", "Previous paragraph", show=False, id="reader.prev_paragraph"
        ),
    ]

    def __init__(self, briefing: Briefing, refs: BriefingRefs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.refs = refs
        self.filter: Filter = None
        self.marks: dict[str, list[tuple[int, int]]] = {}
        #: Lines under paragraphs from the analyst's own layer (notes, "changed"), by id.
        self.badges: dict[str, Text] = {}
        self.blocks: list[Block] = []
        #: Index into :attr:`blocks` of the cursor's paragraph, or None with nothing to show.
        self.cursor: int | None = None
        self._tops: list[int] = []
        self._laid_out_width = -1
        #: One past the last laid-out line (the document's end once :attr:`_partial` is off).
        self._bottom = 0
        #: Only the first screen is wrapped yet (the first frame's, see _layout).
        self._partial = False
        #: (block index, fraction of it above the view) from before the last re-wrap.
        self._keep_place: tuple[int, float] | None = None
        self._build()
        self.cursor = next((i for i, b in enumerate(self.blocks) if b.paragraph), None)

    def on_mount(self) -> None:
        if self.cursor is not None:
            self.post_message(ItemFocused(self.blocks[self.cursor].id))

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        # A block drawn as before keeps its wrapped lines: a search or a filter changes a few
        # blocks, and wrapping all of them again was most of Enter on a search hit.
        before = {block.id: block for block in self.blocks}
        self.blocks = build_blocks(self.briefing, self.refs, self.filter, self.marks, self.badges)
        for block in self.blocks:
            old = before.get(block.id)
            if old is not None and old.text == block.text:
                block.layouts = old.layouts
        self._laid_out_width = -1

    def _layout(self, first_screen: bool = False) -> None:
        """Wrap every block to the current width (only when the width changed).

        ``first_screen`` (drawing, before anything else asked for a layout): wrap only the
        blocks on screen and estimate the rest, then wrap them all after this frame. Wrapping
        a whole report was ~20 ms of the browser's first frame.
        """
        width = self.scrollable_content_region.width
        if width <= 0 or (width == self._laid_out_width and (first_screen or not self._partial)):
            return
        if self._laid_out_width > 0 and self._tops and not self._partial:
            # Re-wrapping moves every line: remember how far into its block the top line was,
            # so the view keeps the place being read (see _after_resize).
            index = self._block_at(int(self.scroll_y))
            block = self.blocks[index]
            into = (int(self.scroll_y) - block.top) / max(1, len(block.lines))
            self._keep_place = (index, into)
        self._laid_out_width = width
        stop = int(self.scroll_y) + self.scrollable_content_region.height if first_screen else None
        top = 0
        for index, block in enumerate(self.blocks):
            if stop is not None and top >= stop:
                rest = sum(len(b.text.plain) // width + 1 for b in self.blocks[index:])
                self._tops = [b.top for b in self.blocks[:index]]
                self._bottom, self._partial = top, True
                self.virtual_size = Size(width, top + rest)  # the scrollbar, for one frame
                self.call_after_refresh(self._finish_layout)
                return
            if width not in block.layouts:
                block.layouts[width] = wrap_block(block, width, self.app.console)
            block.lines, block.starts = block.layouts[width]
            block.top = top
            top += len(block.lines)
        self._tops = [block.top for block in self.blocks]
        self._bottom, self._partial = top, False
        self.virtual_size = Size(width, top)

    def _finish_layout(self) -> None:
        if self._partial:
            self._layout()
            self.refresh()

    @property
    def line_count(self) -> int:
        self._layout()
        return self.blocks[-1].bottom if self.blocks else 0

    def rebuild(self) -> None:
        """Re-render after a filter or the search marks change, keeping the reading position."""
        keep = self.current_target()
        top_id, into = self._anchor()
        self._build()
        self._layout()
        self.cursor = None
        if keep is not None:
            self.cursor = self._index(keep)
        anchor = self._index(top_id) if top_id else None
        if anchor is not None and self.cursor is not None:
            self._scroll(self.blocks[anchor].top + into)
            block = self.blocks[self.cursor]
            if block.top >= self.visible_lines().stop or block.bottom <= self.scroll_y:
                self._show_block(self.cursor)  # a filter moved it out of view: bring it back
        elif self.cursor is not None:
            self._show_block(self.cursor)
        else:
            self.action_first()
        self.refresh()

    def _anchor(self) -> tuple[str | None, int]:
        """The block at the top of the view and how far into it, to keep across a rebuild."""
        if not self.blocks or not self._tops:
            return None, 0
        index = self._block_at(int(self.scroll_y))
        return self.blocks[index].id, int(self.scroll_y) - self.blocks[index].top

    # -- drawing -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._layout(first_screen=True)
        width = self._laid_out_width
        line = int(self.scroll_y) + y
        if not self.blocks or line >= self._bottom:
            return Strip.blank(width, self.rich_style)
        index = self._block_at(line)
        block = self.blocks[index]
        strip = block.lines[line - block.top]
        base = self.rich_style
        if index == self.cursor and line < block.bottom - 1:
            cursor: Style = self.get_component_rich_style("reader--cursor", partial=True)
            base = base + cursor
        return strip.apply_style(base)

    def _block_at(self, line: int) -> int:
        return max(0, bisect_right(self._tops, line) - 1)

    # -- positions ---------------------------------------------------------------------------

    def _index(self, block_id: str) -> int | None:
        return next((i for i, b in enumerate(self.blocks) if b.id == block_id), None)

    def _paragraph_indexes(self) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if b.paragraph]

    def current_target(self) -> str | None:
        if self.cursor is None or self.cursor >= len(self.blocks):
            return None
        return self.blocks[self.cursor].id

    def visible_lines(self) -> range:
        """Document lines on screen now."""
        top = int(self.scroll_y)
        return range(top, min(top + self.scrollable_content_region.height, self.line_count))

    def _set_cursor(self, index: int | None) -> None:
        if index == self.cursor:
            return
        self.cursor = index
        self.refresh()
        if index is not None:
            self.post_message(ItemFocused(self.blocks[index].id))

    def _follow_view(self, *, snap: bool = False) -> None:
        """After a scroll: if the cursor's paragraph left the screen, take the one at the top.

        ``snap`` (paging) takes the one at the top even if the old one is still in view: after
        a page the eye starts at the top, and so does the cursor.
        """
        if not self.blocks:
            return
        view = self.visible_lines()
        if self.cursor is not None and not snap:
            block = self.blocks[self.cursor]
            if block.top < view.stop and block.bottom - 1 > view.start:
                return
        self._set_cursor(self._paragraph_at_top(view))

    def _paragraph_at_top(self, view: range) -> int | None:
        """The paragraph being read: the one on the top line; else the first to start on
        screen; else (the agreements table fills the screen) the last one above it."""
        paragraphs = self._paragraph_indexes()
        if not paragraphs:
            return None
        for i in paragraphs:
            if self.blocks[i].top <= view.start < self.blocks[i].bottom - 1:
                return i
        for i in paragraphs:
            if view.start <= self.blocks[i].top < view.stop:
                return i
        above = [i for i in paragraphs if self.blocks[i].top < view.start]
        return above[-1] if above else paragraphs[0]

    def _scroll(self, line: int) -> None:
        self._layout()
        limit = max(0, self.line_count - self.scrollable_content_region.height)
        self.scroll_to(y=max(0, min(line, limit)), animate=False, immediate=True, force=True)

    def _scroll_by(self, lines: int, *, snap: bool = False) -> bool:
        """Scroll by ``lines``; False when already at that end."""
        before = int(self.scroll_y)
        self._scroll(before + lines)
        moved = int(self.scroll_y) != before
        if moved:
            self._follow_view(snap=snap)
        return moved

    def _show_block(self, index: int) -> None:
        """Bring a block to the top of the view, with its section heading if it opens one."""
        start = index
        if index > 0 and self.blocks[index - 1].id.startswith("heading:"):
            start = index - 1
        self._scroll(self.blocks[start].top)

    def select(
        self, target_id: str, *, focus: bool = True, span: tuple[int, int] | None = None
    ) -> bool:
        """Put the cursor on a paragraph (or a section's first), showing ``span`` of its text.

        ``span`` indexes the paragraph's ``full_text``: a search hit deep in a long paragraph
        is scrolled into view rather than left below the screen.
        """
        self._layout()
        target = self.refs.target(target_id)
        if target is not None and target.kind == "table":
            block = self._index(f"table:{target_id}")
            if block is None:
                return False  # hidden by a filter
            self._show_block(block)
            return True
        if target is not None and target.kind == "section":
            section = self.refs.section(target_id)
            if section is None:
                return False
            visible = [p for p in section.paragraphs if passes(p, self.filter)]
            if not visible:
                return False
            target_id = visible[0].id
        index = self._index(target_id)
        if index is None or not self.blocks[index].paragraph:
            return False  # hidden by a filter, or not a paragraph
        self._set_cursor(index)
        self._show_block(index)
        if span is not None:
            self._show_span(index, span)
        if focus:
            self.focus()
        return True

    def _show_span(self, index: int, span: tuple[int, int]) -> None:
        block = self.blocks[index]
        start = block.offset + span[0]
        row = max(0, bisect_right(block.starts, start) - 1)
        line = block.top + row
        view = self.visible_lines()
        if not view.start <= line < view.stop:
            # Keep two lines of context above the match, and the cursor on this paragraph.
            self._scroll(line - 2)

    def line_of_span(self, target_id: str, span: tuple[int, int]) -> int | None:
        """The document line showing ``span`` of a paragraph's text (tests use it)."""
        self._layout()
        index = self._index(target_id)
        if index is None:
            return None
        block = self.blocks[index]
        row = max(0, bisect_right(block.starts, block.offset + span[0]) - 1)
        return block.top + row

    def position(self) -> str:
        """Where the reader is, for the status line: ``§4.5 · 14/23 · 61%``."""
        paragraphs = self._paragraph_indexes()
        if self.cursor is None or self.cursor not in paragraphs:
            return ""
        label = self.refs.labels[self.blocks[self.cursor].id]
        # At the top it is 0% whatever the length: the first frame needs no full layout.
        total = (
            max(1, self.line_count - self.scrollable_content_region.height) if self.scroll_y else 1
        )
        percent = 100 if self.scroll_y >= total else round(100 * self.scroll_y / total)
        number = paragraphs.index(self.cursor) + 1
        return f"{label} · {number}/{len(paragraphs)} · {percent}%"

    def show_cursor(self) -> None:
        """Bring the cursor's paragraph to the top (after a resize re-wrapped the text)."""
        if self.cursor is not None:
            self._show_block(self.cursor)

    # -- public API used by the report view --------------------------------------------------

    def set_filter(self, value: Filter) -> None:
        self.filter = value
        self.rebuild()

    def set_marks(self, marks: dict[str, list[tuple[int, int]]]) -> None:
        """Highlight search matches in place; spans index into each paragraph's full text."""
        self.marks = marks
        self.rebuild()

    def set_badges(self, badges: dict[str, Text]) -> None:
        """Show the analyst's notes and "changed" markers under their paragraphs."""
        if badges == self.badges:
            return
        self.badges = badges
        self.rebuild()

    def on_resize(self) -> None:
        # A narrower reader re-wraps every paragraph; keep the cursor's paragraph in view.
        # Shown again at the same width (a tab switch sends a Resize too), nothing moved: no
        # second frame for it. (The first Resize, before the first frame, wraps its screen.)
        self._layout(first_screen=self._partial or self._laid_out_width < 0)
        if self._keep_place is not None:
            self.call_after_refresh(self._after_resize)

    def _after_resize(self) -> None:
        """Keep reading where the top of the view was: opening the pane mid-table must not
        jump back to the paragraph above it."""
        self._layout()
        if self._keep_place is not None:
            index, into = self._keep_place
            self._keep_place = None
            if index < len(self.blocks):
                block = self.blocks[index]
                self._scroll(block.top + int(into * len(block.lines)))
                self._follow_view()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """A click on a paragraph puts the cursor there, as in any list."""
        line = int(self.scroll_y) + event.y - self.styles.padding.top
        if self.blocks and 0 <= line < self.line_count:
            index = self._block_at(line)
            if self.blocks[index].paragraph:
                self._set_cursor(index)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.is_mounted and round(old_value) != round(new_value):
            # The mouse wheel and the scrollbar scroll too: keep the cursor in view.
            self._follow_view()
            self.post_message(Moved())
