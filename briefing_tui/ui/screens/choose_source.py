"""Pick the source whose paragraphs the report should show (the provenance filter)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.i18n import ngettext, tr
from briefing_tui.ui.render import text
from briefing_tui.ui.widgets._shared import step_cursor
from briefing_tui.ui.widgets.steady_list import SteadyOptionList

SHOW_ALL = ""


class ChooseSourceScreen(ModalScreen[str | None]):
    """Returns a source id, ``SHOW_ALL`` to clear the filter, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="choose_source.cancel"),
        Binding("q", "dismiss_none", "Cancel", show=False, id="choose_source.quit"),
        Binding("j", "move(1)", "Down", show=False, id="choose_source.down"),
        Binding("k", "move(-1)", "Up", show=False, id="choose_source.up"),
    ]

    def __init__(self, briefing: Briefing, refs: BriefingRefs) -> None:
        super().__init__()
        self.briefing = briefing
        self.refs = refs

    def compose(self) -> ComposeResult:
        options = [
            Option(Text(tr("All paragraphs (clear the filter)"), style="italic"), id="*all*")
        ]
        for source in self.briefing.sources:
            count = sum(1 for t in self.refs.backlinks(source.id) if t.kind == "paragraph")
            prompt = text(source.title)
            prompt.append(ngettext("  ({n} paragraph)", "  ({n} paragraphs)", count), style="dim")
            options.append(Option(prompt, id=source.id, disabled=count == 0))
        with Vertical(id="choose-source"):
            yield Static(Text(tr("Show only paragraphs citing…"), style="bold"))
            yield SteadyOptionList(*options, markup=False)

    def action_move(self, step: int) -> None:
        step_cursor(self.query_one(OptionList), step)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(SHOW_ALL if event.option.id == "*all*" else event.option.id)
