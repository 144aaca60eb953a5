"""The Report tab: outline on the left, the text on the right, kept in step."""

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

    def compose(self) -> ComposeResult:
        yield Outline(self.briefing, self.refs, id="outline")
        yield Reader(self.briefing, self.refs, id="reader")

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
            self.query_one(Outline).follow(section.id)

    def action_toggle_outline(self) -> None:
        """Show the outline where it is hidden by default (below 110 columns), or hide it.

        The CSS decides which: ``-toggled`` flips the default of the screen's width class.
        """
        self.toggle_class("-toggled")
        outline = self.query_one(Outline)
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
