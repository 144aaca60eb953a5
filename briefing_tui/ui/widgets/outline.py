"""The section list beside the report: where you are, and how well each section is sourced."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing_tui.content.model import Briefing
from briefing_tui.reading.outline import outline
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.render import text
from briefing_tui.ui.widgets.steady_list import SteadyOptionList


class Outline(SteadyOptionList):
    """Sections with their coverage line; Enter jumps the reader to a section."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next section", show=False, id="outline.down"),
        Binding("k", "cursor_up", "Previous section", show=False, id="outline.up"),
        Binding("g", "first", "First section", show=False, id="outline.top"),
        Binding("G", "last", "Last section", show=False, id="outline.bottom"),
    ]

    class SectionChosen(Message):
        """The reader should move to this section."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, briefing: Briefing, refs: BriefingRefs, *, id: str | None = None) -> None:
        options = []
        for entry in outline(briefing):
            section = entry.section
            sourced, total = refs.coverage(section)
            prompt = Text("  " * entry.depth)
            prompt.append(f"{refs.labels[section.id]} ", style="bold")
            prompt.append(text(section.title))
            if total:  # a section of subsections only has no coverage of its own
                prompt.append(
                    tr("\n   {sourced} of {total} sourced", sourced=sourced, total=total),
                    style="dim",
                )
            options.append(Option(prompt, id=section.id))
        super().__init__(*options, markup=False, id=id)

    def follow(self, section_id: str) -> None:
        """Track the reading position without stealing focus or posting a jump."""
        try:
            index = self.get_option_index(section_id)
        except OptionDoesNotExist:
            return
        if self.highlighted != index:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.SectionChosen(event.option.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
