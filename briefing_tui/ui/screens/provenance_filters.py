"""The report's provenance filters (f: paragraphs citing one source, u: paragraphs citing
none), as a mixin of the briefing screen, which is long enough without them."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from briefing_tui.ui.i18n import tr
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.report import ReportView
from briefing_tui.ui.widgets.report_blocks import UNSOURCED

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from briefing_tui.content.model import Briefing
    from briefing_tui.reading.refs import BriefingRefs, Tab


_Node = TypeVar("_Node", bound="DOMNode")


class ProvenanceFilters:
    """Actions of :class:`~briefing_tui.ui.screens.briefing.BriefingScreen`."""

    briefing: Briefing
    refs: BriefingRefs

    if TYPE_CHECKING:
        app: App[None]

        def query_one(self, selector: type[_Node]) -> _Node: ...
        def set_status(self, message: str) -> None: ...
        def _open(self, tab: Tab) -> None: ...

    def action_filter_source(self) -> None:
        def chosen(source_id: str | None) -> None:
            if source_id is None:
                return
            self._apply_filter(source_id or None)

        from briefing_tui.ui.screens.choose_source import ChooseSourceScreen

        self.app.push_screen(ChooseSourceScreen(self.briefing, self.refs), chosen)

    def action_filter_unsourced(self) -> None:
        report = self.query_one(ReportView)
        self._apply_filter(None if report.reader.filter == UNSOURCED else UNSOURCED)

    def _apply_filter(self, value: str | None) -> None:
        report = self.query_one(ReportView)
        report.set_filter(value)
        self._open("report")
        report.focus_default()
        if value is None:
            self.set_status(tr("Showing every paragraph."))
        elif value == UNSOURCED:
            self.set_status(tr("Showing only paragraphs that cite no source (u: show all)."))
        else:
            title = self.briefing.source(value).title
            self.set_status(
                tr("Showing paragraphs citing {title} (f: change, u/f: clear).", title=title[:50])
            )
        self.query_one(AttributionPane).show(report.current_target())
