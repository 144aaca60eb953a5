"""The Report tab: outline on the left, the text on the right, kept in step.

Below 110 columns the outline is hidden until `o` opens it, so there it is built just after
the first frame rather than before it: styling and laying out its list cost ~7 ms of a start
that draws nothing of it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal

from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.messages import ItemFocused
from briefing_tui.ui.widgets.outline import Outline
from briefing_tui.ui.widgets.reader import Filter, Reader


class ReportView(Horizontal):
    """Owns the wiring between outline and reader, so the screen sees one tab widget."""

    BINDINGS = [
        Binding("o", "toggle_outline", "Outline", id="report.outline"),
    ]

    def __init__(self, briefing: Briefing, refs: BriefingRefs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.refs = refs
        self._followed: str | None = None
        """The section the outline should show, kept while the outline is not built yet."""

    def compose(self) -> ComposeResult:
        if self.screen.has_class("-wide"):  # shown on the first frame: built for it
            yield Outline(self.briefing, self.refs, id="outline")
        yield Reader(self.briefing, self.refs, id="reader")

    def on_mount(self) -> None:
        if self.outline is None:
            self.call_after_refresh(self.build_outline)

    @property
    def outline(self) -> Outline | None:
        """The outline, or None before it is built."""
        found = self.query(Outline)
        return found.first() if found else None

    async def build_outline(self) -> Outline:
        """The outline, built now if it was not (it shows the section the reader is in)."""
        outline = self.outline
        if outline is None:
            outline = Outline(self.briefing, self.refs, id="outline")
            await self.mount(outline, before=self.reader)
            if self._followed is not None:
                outline.follow(self._followed)
        return outline

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    def on_outline_section_chosen(self, event: Outline.SectionChosen) -> None:
        event.stop()
        self.reader.select(event.section_id)
        if self.has_class("-toggled") and not self.screen.has_class("-wide"):
            self.remove_class("-toggled")  # opened on a key to jump: out of the way again

    def on_item_focused(self, event: ItemFocused) -> None:
        # Let it bubble on to the screen (attribution pane); just keep the outline in step.
        section = self.refs.section_of(event.target_id)
        if section is not None:
            self._followed = section.id
            if (outline := self.outline) is not None:
                outline.follow(section.id)

    async def action_toggle_outline(self) -> None:
        """Show the outline where it is hidden by default (below 110 columns), or hide it.

        The CSS decides which: ``-toggled`` flips the default of the screen's width class.
        """
        outline = await self.build_outline()  # `o` pressed within the first frame
        self.toggle_class("-toggled")
        if outline.display and not outline.has_focus:
            outline.focus()
        elif not outline.display:
            self.reader.focus()

    # -- tab-widget contract -----------------------------------------------------------------

    def select(self, target_id: str, span: tuple[int, int] | None = None) -> bool:
        """Put the reader on ``target_id``; ``span`` (a search match) is scrolled into view."""
        target = self.refs.target(target_id)
        if target is None or target.tab != "report":
            return False
        if self.reader.select(target_id, span=span):
            return True
        # Hidden by a provenance filter: show everything again rather than refuse the jump.
        self.reader.set_filter(None)
        return self.reader.select(target_id, span=span)

    def current_target(self) -> str | None:
        return self.reader.current_target()

    def focus_default(self) -> None:
        self.reader.focus()

    def set_filter(self, value: Filter) -> None:
        self.reader.set_filter(value)
