"""The briefing screen: four tabs, the attribution pane, and the wiring between them.

Widgets post ``JumpRequested`` and ``ItemFocused``; this screen owns what they mean (switch tab,
move the cursor, remember the jump, update the pane), so the app stays a thin shell.
"""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane

from ..history import History
from ..messages import ItemFocused, JumpRequested
from ..models import Briefing
from ..refs import TABS, BriefingRefs, Tab
from ..render import date_range, text
from ..widgets.agreements import AgreementsView
from ..widgets.attribution import AttributionPane
from ..widgets.overview import OverviewView
from ..widgets.reader import UNSOURCED
from ..widgets.report import ReportView
from ..widgets.sources import SourcesView
from .choose_source import ChooseSourceScreen

TAB_TITLES: dict[Tab, str] = {
    "overview": "1 Overview",
    "report": "2 Report",
    "agreements": "3 Agreements",
    "sources": "4 Sources",
}


class TabView(Protocol):
    """What every tab's widget offers the screen."""

    def select(self, target_id: str) -> bool: ...
    def current_target(self) -> str | None: ...
    def focus_default(self) -> None: ...


class BriefingScreen(Screen[None]):
    """One briefing, read through four tabs with its sources always in view."""

    BINDINGS = [
        Binding("1", "show_tab('overview')", "Overview", show=False, id="tab.overview"),
        Binding("2", "show_tab('report')", "Report", show=False, id="tab.report"),
        Binding("3", "show_tab('agreements')", "Agreements", show=False, id="tab.agreements"),
        Binding("4", "show_tab('sources')", "Sources", show=False, id="tab.sources"),
        Binding("p", "toggle_pane", "Sources pane", id="pane.toggle"),
        Binding("f", "filter_source", "Filter by source", show=False, id="filter.source"),
        Binding("u", "filter_unsourced", "Unsourced only", show=False, id="filter.unsourced"),
        Binding("backspace", "back", "Back", show=False, id="history.back"),
        Binding("alt+left", "back", "Back", show=False, id="history.back_alt"),
        Binding("alt+right", "forward", "Forward", show=False, id="history.forward"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, briefing: Briefing, *, goto: str | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.refs = BriefingRefs(briefing)
        self.history = History()
        self._goto = goto
        self.pane_shown = False

    def compose(self) -> ComposeResult:
        b = self.briefing
        title = Text()
        title.append(text(b.title, "bold"))
        title.append(f"  {date_range(b.start, b.end)}", style="dim")
        yield Static(title, id="title-bar")
        with Horizontal(id="body"):
            with TabbedContent(initial="report", id="tabs"):
                with TabPane(TAB_TITLES["overview"], id="overview"):
                    yield OverviewView(b, self.refs, id="overview-view")
                with TabPane(TAB_TITLES["report"], id="report"):
                    yield ReportView(b, self.refs, id="report-view")
                with TabPane(TAB_TITLES["agreements"], id="agreements"):
                    yield AgreementsView(b, self.refs, id="agreements-view")
                with TabPane(TAB_TITLES["sources"], id="sources"):
                    yield SourcesView(b, self.refs, id="sources-view")
            yield AttributionPane(self.refs, id="attribution")
        yield Static(id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.view("report").focus_default()
        if self._goto:
            self.jump(self._goto, record=False)
        self.history.start(self.current_position())

    # -- helpers -----------------------------------------------------------------------------

    def view(self, tab: Tab) -> TabView:
        widget: Widget = self.query_one(f"#{tab}-view")
        return widget  # type: ignore[return-value]

    @property
    def active_tab(self) -> Tab:
        active = self.query_one(TabbedContent).active
        return active if active in TABS else "report"  # type: ignore[return-value]

    def current_position(self) -> str | None:
        return self.view(self.active_tab).current_target()

    def set_status(self, message: str) -> None:
        self.query_one("#status-line", Static).update(Text(message, style="dim"))

    # -- navigation --------------------------------------------------------------------------

    def jump(self, target_id: str, *, record: bool = True) -> bool:
        """Show ``target_id`` in its tab with the cursor on it; False when there is no such id."""
        target = self.refs.target(target_id)
        if target is None:
            return False
        origin = self.current_position()
        self.query_one(TabbedContent).active = target.tab
        found = self.view(target.tab).select(target_id)
        if found:
            self.query_one(AttributionPane).show(target_id)
            if record:
                self.history.jumped(origin, target_id)
        return found

    def action_show_tab(self, tab: Tab) -> None:
        self.query_one(TabbedContent).active = tab
        view = self.view(tab)
        view.focus_default()
        self.query_one(AttributionPane).show(view.current_target())

    def action_back(self) -> None:
        self._travel(self.history.back(self.current_position()))

    def action_forward(self) -> None:
        self._travel(self.history.forward())

    def _travel(self, target_id: str | None) -> None:
        if target_id is None:
            self.set_status("No further history.")
            return
        self.jump(target_id, record=False)

    def action_toggle_pane(self) -> None:
        self.pane_shown = not self.pane_shown
        self.query_one(AttributionPane).set_class(self.pane_shown, "-shown")
        self.set_class(self.pane_shown, "-pane-open")

    # -- provenance filters ------------------------------------------------------------------

    def action_filter_source(self) -> None:
        def chosen(source_id: str | None) -> None:
            if source_id is None:
                return
            self._apply_filter(source_id or None)

        self.app.push_screen(ChooseSourceScreen(self.briefing, self.refs), chosen)

    def action_filter_unsourced(self) -> None:
        report = self.query_one(ReportView)
        self._apply_filter(None if report.reader.filter == UNSOURCED else UNSOURCED)

    def _apply_filter(self, value: str | None) -> None:
        report = self.query_one(ReportView)
        report.set_filter(value)
        self.query_one(TabbedContent).active = "report"
        report.focus_default()
        if value is None:
            self.set_status("Showing every paragraph.")
        elif value == UNSOURCED:
            self.set_status("Showing only paragraphs that cite no source (u: show all).")
        else:
            title = self.briefing.source(value).title
            self.set_status(f"Showing paragraphs citing {title[:50]} (f: change, u/f: clear).")
        self.query_one(AttributionPane).show(report.current_target())

    # -- messages from the tabs --------------------------------------------------------------

    def on_item_focused(self, event: ItemFocused) -> None:
        event.stop()
        self.query_one(AttributionPane).show(event.target_id)

    def on_jump_requested(self, event: JumpRequested) -> None:
        event.stop()
        if not self.jump(event.target_id):
            self.set_status(f"Nothing to jump to for {event.target_id!r}.")

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane_id = event.pane.id
        if pane_id in TABS:
            self.query_one(AttributionPane).show(self.view(pane_id).current_target())  # type: ignore[arg-type]
