"""The briefing screen: four tabs, the attribution pane, and the wiring between them.

Widgets post ``JumpRequested`` and ``ItemFocused``; this screen owns what they mean (switch tab,
move the cursor, remember the jump, update the pane), so the app stays a thin shell.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from briefing_tui import gcpolicy
from briefing_tui.content.model import Briefing
from briefing_tui.reading.dates import format_range
from briefing_tui.reading.history import History
from briefing_tui.reading.refs import TABS, BriefingRefs, Tab
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.links import copy_links
from briefing_tui.ui.messages import ItemFocused, JumpRequested, Moved
from briefing_tui.ui.render import Marker, text
from briefing_tui.ui.screens.analyst_bindings import ANALYST_BINDINGS, TYPED
from briefing_tui.ui.screens.analyst_keys import AnalystKeys
from briefing_tui.ui.screens.picker import PickerScreen
from briefing_tui.ui.screens.provenance_filters import ProvenanceFilters
from briefing_tui.ui.screens.search_keys import SearchKeys
from briefing_tui.ui.widgets import tab_views
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.key_bar import KeyBar
from briefing_tui.ui.widgets.lazy_tabs import LazyTabs
from briefing_tui.ui.widgets.report import ReportView
from briefing_tui.ui.widgets.search_panel import SearchPanel
from briefing_tui.ui.widgets.status_line import StatusLine
from briefing_tui.ui.widgets.tab_strip import TabStrip
from briefing_tui.ui.widgets.tab_views import TabView, view_class


class BriefingScreen(SearchKeys, AnalystKeys, ProvenanceFilters, Screen[None]):
    """One briefing, read through four tabs with its sources always in view."""

    BINDINGS = [
        Binding("1", "show_tab('overview')", "Overview", show=False, id="tab.overview"),
        Binding("2", "show_tab('report')", "Report", show=False, id="tab.report"),
        Binding("3", "show_tab('agreements')", "Agreements", show=False, id="tab.agreements"),
        Binding("4", "show_tab('sources')", "Sources", show=False, id="tab.sources"),
        # Priority: handled as the key arrives at the app, so keys typed straight after it are
        # routed to the search box rather than queued for the view underneath.
        Binding("slash", "search", "Search", priority=True, id="search.open"),
        Binding("n", "next_hit", "Next match", show=False, id="search.next"),
        Binding("N", "previous_hit", "Previous match", show=False, id="search.previous"),
        Binding("escape", "clear_marks", "Clear search marks", show=False, id="search.clear"),
        Binding("p", "toggle_pane", "Sources pane", id="pane.toggle"),
        Binding("f", "filter_source", "Filter by source", show=False, id="filter.source"),
        Binding("u", "filter_unsourced", "Unsourced only", show=False, id="filter.unsourced"),
        Binding("L", "copy_link", "Copy source link", show=False, id="source.copy_link"),
        Binding("backspace", "back", "Back", show=False, id="history.back"),
        Binding("alt+left", "back", "Back", show=False, id="history.back_alt"),
        Binding("alt+right", "forward", "Forward", show=False, id="history.forward"),
        *ANALYST_BINDINGS,  # m ' A ctrl+n y c C: the analyst's own layer (issue #17)
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, briefing: Briefing, *, goto: str | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self._shown_once = False
        self.keys_ready = False  # keys typed before it has started wait (ui/type_ahead.py)
        self.refs = BriefingRefs(briefing)
        self.history = History()
        self._goto = goto
        self.pane_shown = False
        self._focus_before_search: Widget | None = None
        #: The current search's matches in any text, or None: views built later pick it up.
        self.marker: Marker | None = None
        self.hidden_tabs = tab_views.hidden_tabs(briefing)
        """Tabs this briefing has nothing for: not in the strip, the help or the palette."""
        self.hidden_binding_ids = frozenset(f"tab.{tab}" for tab in self.hidden_tabs)
        """Keys the help leaves out: their tab is not there (the key says so if pressed)."""
        self._marks_due: set[str] = set()
        """Built tabs whose view still shows the marks of an earlier search (see _open)."""

    def compose(self) -> ComposeResult:
        self._set_breakpoint(self.app.size.width)
        b = self.briefing
        title = Text()
        title.append(text(b.title, "bold"))
        title.append(f"  {format_range(b.start, b.end, language=b.language)}", style="dim")
        yield Static(title, id="title-bar")
        with Horizontal(id="body"):
            yield LazyTabs(tab_views.tab_titles(self.hidden_tabs), "report", self._build, id="tabs")
            yield AttributionPane(self.refs, id="attribution")
        yield SearchPanel(id="search-panel")
        yield StatusLine(self._position, id="status-line")
        yield KeyBar()

    def _set_breakpoint(self, width: int) -> None:
        """Set the class Textual's first Resize would set, before the first frame.

        Without it the first frame is drawn with neither class and the Resize that follows
        restyles every widget; on a wide terminal the outline and pane appeared a frame late,
        and the report was wrapped again for its narrower width.
        """
        # Textual's rule: the class of the largest threshold not above the width.
        fitting = [(low, name) for low, name in self.HORIZONTAL_BREAKPOINTS if width >= low]
        chosen = max(fitting)[1] if fitting else None
        for _, name in self.HORIZONTAL_BREAKPOINTS:
            self.set_class(name == chosen, name)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Let the first showing keep the styles its widgets got when they were mounted.

        Textual restyles every widget of a screen each time it is shown, which matters when it
        comes back after a theme switch. The first time, the widgets were styled a moment ago,
        when they were mounted, so a second pass (~5 ms of a ~370 ms start) redrew the same
        first frame byte for byte. This handler runs before ``Screen``'s own.
        """
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.query_one(SearchPanel).display = False
        # The app owns the index (built after the first frame); every screen follows it.
        self.watch(self.app, "search_index", self.set_search_index)
        self.view("report").focus_default()
        # The tabs settle their initial pane during the first refresh; jump after it.
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        # Reading starts at the top; a --goto is a jump from there, so Back returns to it.
        self.history.start(self.current_position())
        if self._goto:
            self.jump(self._goto)
        self._show_status()
        self.start_analyst()
        # A tab's first showing (and help's) cost 60-150 ms more than the next: build them early.
        tabs = self.tabs  # its timer, so it stops with the tabs when the screen closes
        tabs.set_timer(0.3, lambda: tabs.build_rest(0.05, self._built))
        if ready := getattr(self.app, "screen_ready", None):  # after the search box's build
            self.call_after_refresh(ready, self)

    def _built(self) -> None:
        gcpolicy.freeze()  # every tab is built: the objects made so far stay
        want_index = getattr(self.app, "want_index", None)
        if want_index is not None:  # a store's index, a second later (first / paid for it)
            self.tabs.set_timer(1.0, want_index)

    # -- helpers -----------------------------------------------------------------------------

    def _build(self, tab: Tab) -> Widget:
        view = view_class(tab)(self.briefing, self.refs, id=f"{tab}-view")
        if tab != "report":  # views built after a search show its marks too
            view.marker = self.marker  # type: ignore[attr-defined]
        return view

    @property
    def tabs(self) -> LazyTabs[Tab]:
        return self.query_one(LazyTabs)

    def view(self, tab: Tab) -> TabView:
        """A tab's view; only for tabs already opened (see :meth:`_open`)."""
        return self.tabs.pages[tab]  # type: ignore[return-value]

    def _open(self, tab: Tab, then: Callable[[TabView], None] | None = None) -> None:
        """Show ``tab``, building its view on first use, and call ``then`` once it is ready."""

        def ready(view: TabView) -> None:
            if tab in self._marks_due:
                self._marks_due.discard(tab)
                view.set_marker(self.marker)  # type: ignore[attr-defined]
            if then is not None:
                then(view)

        self.tabs.show(tab, ready)  # type: ignore[arg-type]

    def open_all(self, then: Callable[[], None]) -> None:
        """Build every tab without switching to it (help lists every tab's keys), then ``then``."""
        self.tabs.ensure_all(then)

    @property
    def active_tab(self) -> Tab:
        return self.tabs.active

    def current_position(self) -> str | None:
        """Where the reader is, as history records it (a tab may name a place other than the
        item the pane shows: see ``SourcesView.current_place``)."""
        view = self.tabs.pages.get(self.active_tab)
        if view is None:
            return None
        place = getattr(view, "current_place", view.current_target)
        return place()  # type: ignore[no-any-return]

    def set_status(self, message: str) -> None:
        """Say something until the next key; then the line shows the reading position again."""
        self.query_one(StatusLine).say(message)

    def _show_status(self) -> None:
        self.query_one(StatusLine).refresh_line()

    def _position(self) -> str:
        hint = self.layer_hint()  # the analyst's notes and changes (analyst_keys)
        if self.active_tab != "report":
            return hint
        return " · ".join(p for p in (self.query_one(ReportView).reader.position(), hint) if p)

    def on_key(self) -> None:
        self.query_one(StatusLine).key_pressed()  # the paint hold: ui.settle.OneFramePerKey

    def on_moved(self, event: Moved) -> None:
        event.stop()
        if not self.query_one(StatusLine).message:
            self._show_status()

    # -- navigation --------------------------------------------------------------------------

    def jump(
        self, target_id: str, *, record: bool = True, span: tuple[int, int] | None = None
    ) -> bool:
        """Show ``target_id`` in its tab with the cursor on it; False when there is no such id.

        Every jump is one history entry, whoever asked for it. ``span`` is a search match in a
        paragraph's text, scrolled into view. The move itself may finish a moment later, when
        the tab is opened for the first time.
        """
        target = self.refs.target(target_id)
        if target is None or target.tab in self.hidden_tabs:
            return False
        origin = self.current_position()

        def select(view: TabView) -> None:
            if target.kind == "tab":
                landed = True  # the tab itself: its view keeps its own cursor
            elif span is not None and isinstance(view, ReportView):
                landed = view.select(target_id, span=span)
            else:
                landed = view.select(target_id)
            if landed:
                view.focus_default()
                self.query_one(AttributionPane).show(view.current_target())
                if record:
                    self.history.jumped(origin, target_id)
                    self.jumped_from(origin)  # for '' (analyst_keys)
                self._show_status()

        self._open(target.tab, select)
        return True

    def action_show_tab(self, tab: Tab) -> None:
        if tab in self.hidden_tabs:
            self.set_status(tr(tab_views.NOTHING_IN_TAB[tab]))
            return

        def show(view: TabView) -> None:
            view.focus_default()
            self.query_one(AttributionPane).show(view.current_target())
            self._show_status()

        self._open(tab, show)

    def action_back(self) -> None:
        target = self.history.back(self.current_position())
        stack = self.app.screen_stack
        came_from_picker = len(stack) > 1 and isinstance(stack[-2], PickerScreen)
        if target is None and came_from_picker:
            self.dismiss()  # back past the first jump: return to the library's list
            return
        self._travel(target)

    def action_forward(self) -> None:
        self._travel(self.history.forward())

    def _travel(self, target_id: str | None) -> None:
        if target_id is None:
            self.set_status(tr("No further history."))
            return
        self.jump(target_id, record=False)

    def action_copy_link(self) -> None:
        """Copy links to the analyst's own clipboard (OSC 52, through ssh); see ``ui.links``."""
        self.set_status(copy_links(self))

    def action_toggle_pane(self) -> None:
        self.pane_shown = not self.pane_shown
        pane = self.query_one(AttributionPane)
        pane.set_class(self.pane_shown, "-toggled")
        pane.draw_pending()  # in this frame, not one after it is shown (harmless if it hides)

    # -- messages from the tabs --------------------------------------------------------------

    def on_item_focused(self, event: ItemFocused) -> None:
        event.stop()
        self.query_one(AttributionPane).show(event.target_id)
        if not self.query_one(StatusLine).message:
            self._show_status()

    def on_jump_requested(self, event: JumpRequested) -> None:
        event.stop()
        if not self.jump(event.target_id):
            label = self.refs.labels.get(event.target_id, event.target_id)
            self.set_status(tr("Nothing to jump to for {label}.", label=label))

    def on_tab_strip_chosen(self, event: TabStrip.Chosen) -> None:
        event.stop()
        # A click on a label does what its digit key does.
        if event.tab in TABS and event.tab not in self.hidden_tabs:
            self.action_show_tab(event.tab)  # type: ignore[arg-type]

    # -- search ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A "/" typed into a text box is text (a query may contain one), not "open search".
        return not ((action == "search" or action in TYPED) and isinstance(self.focused, Input))
