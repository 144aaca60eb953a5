"""The briefing's four tabs: their titles, the widget of each, and what every view offers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.widget import Widget

from briefing_tui.reading.refs import Tab
from briefing_tui.ui.widgets.report import ReportView


def view_class(tab: Tab) -> Callable[..., Widget]:
    """The widget class of ``tab``'s view.

    The hidden tabs' modules are imported when a tab is first built, after the first frame:
    the agreements table alone brings in DataTable.
    """
    if tab == "overview":
        from briefing_tui.ui.widgets.overview import OverviewView

        return OverviewView
    if tab == "agreements":
        from briefing_tui.ui.widgets.agreements import AgreementsView

        return AgreementsView
    if tab == "sources":
        from briefing_tui.ui.widgets.sources import SourcesView

        return SourcesView
    return ReportView


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
