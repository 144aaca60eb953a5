"""The reader's keys, as less and vim have them: lines, half pages, pages, paragraphs, sections.

Every line of a paragraph taller than the screen must be reachable, so the line keys scroll by
line; at the very bottom, where the last paragraphs can no longer reach the top of the view,
they step the cursor instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Region

from briefing_tui.ui.widgets.report_blocks import Block


class ReaderKeys:
    """The key actions of :class:`~briefing_tui.ui.widgets.reader.Reader` (mixed into it; the
    bindings stay on the Reader, since Textual collects them from widget classes only)."""

    if TYPE_CHECKING:  # provided by the Reader this is mixed into
        blocks: list[Block]
        cursor: int | None
        scrollable_content_region: Region
        line_count: int

        def _scroll(self, line: int) -> None: ...
        def _scroll_by(self, lines: int, *, snap: bool = False) -> bool: ...
        def _set_cursor(self, index: int | None) -> None: ...
        def _show_block(self, index: int) -> None: ...
        def _paragraph_indexes(self) -> list[int]: ...
        def visible_lines(self) -> range: ...

    def _step_paragraph(self, step: int) -> bool:
        paragraphs = self._paragraph_indexes()
        if not paragraphs:
            return False
        here = paragraphs.index(self.cursor) if self.cursor in paragraphs else -1
        there = here + step
        if not 0 <= there < len(paragraphs):
            return False
        index = paragraphs[there]
        self._set_cursor(index)
        block = self.blocks[index]
        view = self.visible_lines()
        if not (view.start <= block.top and block.bottom - 1 <= view.stop):
            self._show_block(index)
        return True

    def action_line_down(self) -> None:
        # At the bottom of the document the last paragraphs can never reach the top of the
        # view: step the cursor through them instead.
        if not self._scroll_by(1):
            self._step_paragraph(1)

    def action_line_up(self) -> None:
        if not self._scroll_by(-1):
            self._step_paragraph(-1)

    def _page(self) -> int:
        """A page keeps two lines of the last one, as vim does, so the eye finds its place."""
        height = self.scrollable_content_region.height
        return max(1, height - 2 if height > 6 else height)

    def action_half_down(self) -> None:
        self._scroll_by(max(1, self.scrollable_content_region.height // 2), snap=True)

    def action_half_up(self) -> None:
        self._scroll_by(-max(1, self.scrollable_content_region.height // 2), snap=True)

    def action_page_down(self) -> None:
        if not self._scroll_by(self._page(), snap=True):
            self._step_paragraph(1)

    def action_page_up(self) -> None:
        if not self._scroll_by(-self._page(), snap=True):
            self._step_paragraph(-1)

    def action_first(self) -> None:
        self._scroll(0)
        paragraphs = self._paragraph_indexes()
        self._set_cursor(paragraphs[0] if paragraphs else None)

    def action_last(self) -> None:
        self._scroll(self.line_count)
        paragraphs = self._paragraph_indexes()
        self._set_cursor(paragraphs[-1] if paragraphs else None)

    def action_next_paragraph(self) -> None:
        self._step_paragraph(1)

    def action_previous_paragraph(self) -> None:
        self._step_paragraph(-1)

    def _section_firsts(self) -> list[int]:
        return [
            i + 1
            for i, b in enumerate(self.blocks[:-1])
            if b.id.startswith("heading:") and self.blocks[i + 1].paragraph
        ]

    def action_next_section(self) -> None:
        firsts = self._section_firsts()
        cursor = self.cursor if self.cursor is not None else -1
        later = [i for i in firsts if i > cursor]
        if later:
            self._go_to(later[0])

    def action_previous_section(self) -> None:
        firsts = self._section_firsts()
        cursor = self.cursor if self.cursor is not None else 0
        # From inside a section, `{` goes to its start first, as in vim.
        earlier = [i for i in firsts if i < cursor]
        if earlier:
            self._go_to(earlier[-1])

    def _go_to(self, index: int) -> None:
        self._set_cursor(index)
        self._show_block(index)
