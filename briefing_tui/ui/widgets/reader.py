"""The report text, paragraph by paragraph, with the cursor on one paragraph at a time."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing_tui.content.model import Briefing, Paragraph, Section
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.messages import ItemFocused
from briefing_tui.ui.render import highlighted, text

#: A provenance filter: ``None`` (everything), ``"unsourced"``, or a source id.
Filter = str | None

UNSOURCED = "unsourced"


class Reader(OptionList):
    """Paragraphs as options, so moving, paging and highlighting come from OptionList.

    Section headings are disabled options: the cursor steps over them but they scroll with the
    text, so a reader always sees which section a paragraph belongs to.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Next paragraph", show=False, id="reader.down"),
        Binding("k", "cursor_up", "Previous paragraph", show=False, id="reader.up"),
        Binding("g", "first", "Top", show=False, id="reader.top"),
        Binding("G", "last", "Bottom", show=False, id="reader.bottom"),
        Binding("space", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("}", "next_section", "Next section", show=False, id="reader.next_section"),
        Binding("{", "previous_section", "Previous section", show=False, id="reader.prev_section"),
    ]

    def __init__(self, briefing: Briefing, refs: BriefingRefs, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.briefing = briefing
        self.refs = refs
        self.filter: Filter = None
        self.marks: dict[str, list[tuple[int, int]]] = {}
        self._section_starts: list[int] = []

    def on_mount(self) -> None:
        self.rebuild()

    # -- building ----------------------------------------------------------------------------

    def _visible(self, paragraph: Paragraph) -> bool:
        if self.filter is None:
            return True
        if self.filter == UNSOURCED:
            return not paragraph.sources
        return self.filter in paragraph.sources

    def _heading(self, section: Section, shown: int) -> Text:
        sourced, count = self.refs.coverage(section)
        line = Text()
        line.append(f"{self.refs.labels[section.id]} ", style="bold")
        line.append(text(section.title, "bold underline"))
        note = f"  {sourced} of {count} paragraphs sourced"
        if shown != count:
            note += f" · {shown} shown"
        line.append(note, style="dim")
        return line

    def _prompt(self, paragraph: Paragraph) -> Text:
        prompt = Text()
        prompt.append(f"{self.refs.labels[paragraph.id]} ", style="bold cyan")
        if paragraph.bullet:
            prompt.append("• ")
        if paragraph.label:
            label_spans = self._shift(paragraph.id, 0, len(paragraph.label))
            prompt.append(highlighted(paragraph.label, label_spans, "bold reverse"))
            prompt.stylize("bold", len(prompt) - len(paragraph.label))
            prompt.append(" ")
        offset = len(paragraph.label) + 1 if paragraph.label else 0
        spans = self._shift(paragraph.id, offset, offset + len(paragraph.text))
        prompt.append(highlighted(paragraph.text, spans, "reverse"))
        if not paragraph.sources:
            prompt.append("\n  ◇ no source cited: analyst's assessment", style="italic dim")
        if paragraph.gap:
            prompt.append("\n  ⚠ gap in the original: ", style="yellow")
            prompt.append(text(paragraph.gap, "yellow"))
        prompt.append("\n")  # a blank line between paragraphs, as in the report
        return prompt

    def _shift(self, paragraph_id: str, start: int, end: int) -> list[tuple[int, int]]:
        """Marks for ``full_text[start:end]``, re-based to that slice."""
        return [
            (max(s, start) - start, min(e, end) - start)
            for s, e in self.marks.get(paragraph_id, ())
            if s < end and e > start
        ]

    def rebuild(self) -> None:
        """Re-render after a filter or the search marks change, keeping the cursor's paragraph."""
        keep = self.current_target()
        options: list[Option] = []
        self._section_starts = []
        for section in self.briefing.sections:
            shown = [p for p in section.paragraphs if self._visible(p)]
            if not shown:
                continue
            self._section_starts.append(len(options))
            heading = self._heading(section, len(shown))
            options.append(Option(heading, id=f"heading:{section.id}", disabled=True))
            options.extend(Option(self._prompt(p), id=p.id) for p in shown)
            if section.id == self.briefing.after_section:
                note = Text(
                    "   ▤ The agreements table follows here: press 3 to open it.", style="dim"
                )
                options.append(Option(note, id=f"table:{section.id}", disabled=True))
        if not options:
            options.append(
                Option(Text("No paragraph matches this filter.", style="italic"), disabled=True)
            )
        self.set_options(options)
        if keep is None or not self.select(keep, focus=False):
            self.action_first()

    # -- public API used by the report view --------------------------------------------------

    def set_filter(self, value: Filter) -> None:
        self.filter = value
        self.rebuild()

    def set_marks(self, marks: dict[str, list[tuple[int, int]]]) -> None:
        """Highlight search matches in place; spans index into each paragraph's full text."""
        self.marks = marks
        self.rebuild()

    def current_target(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.id if option.id and not option.disabled else None

    def select(self, target_id: str, *, focus: bool = True) -> bool:
        """Put the cursor on a paragraph, or on the first paragraph of a section."""
        if target_id.startswith("s") and "." not in target_id:
            section = next((s for s in self.briefing.sections if s.id == target_id), None)
            if section is None:
                return False
            visible = [p for p in section.paragraphs if self._visible(p)]
            if not visible:
                return False
            target_id = visible[0].id
        try:
            index = self.get_option_index(target_id)
        except OptionDoesNotExist:  # hidden by a filter, or not a paragraph
            return False
        self.highlighted = index
        self.show_cursor()
        if focus:
            self.focus()
        return True

    def show_cursor(self) -> None:
        """Bring the paragraph under the cursor to the top, with its section heading if it is
        the first of its section, so a reader never lands mid-paragraph or loses the heading.

        Uses OptionList's line map (``_index_to_line``); textual is pinned, and the Pilot tests
        of ``{``/``}`` and --goto cover it.
        """
        index = self.highlighted
        if index is None or not self.is_mounted:
            return
        self._update_lines()
        start = index
        if index > 0 and self.get_option_at_index(index - 1).disabled:
            start = index - 1
        try:
            top = self._index_to_line[start]
            bottom = self._index_to_line[index] + self._heights[index]
        except KeyError:
            return
        region = Region(0, top, self.scrollable_content_region.width, bottom - top)
        self.scroll_to_region(region, top=True, force=True, animate=False, immediate=True)

    # -- actions -----------------------------------------------------------------------------

    def _off_heading(self) -> None:
        """Paging can land on a section heading; the cursor belongs on a paragraph."""
        if self.highlighted is None:
            self.action_first()
        elif self.get_option_at_index(self.highlighted).disabled:
            self.action_cursor_down()

    def action_page_up(self) -> None:
        super().action_page_up()
        self._off_heading()

    def action_page_down(self) -> None:
        super().action_page_down()
        self._off_heading()

    def _section_index_of_cursor(self) -> int:
        cursor = self.highlighted or 0
        return max(
            (i for i, start in enumerate(self._section_starts) if start <= cursor), default=0
        )

    def action_next_section(self) -> None:
        index = self._section_index_of_cursor() + 1
        if index < len(self._section_starts):
            self._go_to_section(index)

    def action_previous_section(self) -> None:
        current = self._section_index_of_cursor()
        start = self._section_starts[current] if self._section_starts else 0
        # From inside a section, `{` goes to its start first, as in vim.
        at_first_paragraph = (self.highlighted or 0) <= start + 1
        index = current - 1 if at_first_paragraph else current
        if index >= 0:
            self._go_to_section(index)

    def _go_to_section(self, index: int) -> None:
        start = self._section_starts[index]
        self.highlighted = start + 1
        self.show_cursor()

    def on_resize(self) -> None:
        # A narrower reader re-wraps every paragraph; keep the cursor's paragraph in view.
        self.call_after_refresh(self.show_cursor)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # Paragraphs are long: show the one under the cursor from its first line.
        self.show_cursor()
        if event.option.id and not event.option.disabled:
            self.post_message(ItemFocused(event.option.id))
