"""The briefing's four tabs: their titles, the widget of each, and what every view offers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.widget import Widget

from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import Tab
from briefing_tui.ui.i18n import N_, tr
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


#: Each tab's digit and name. Digits are fixed, whatever a briefing lacks: 4 is Sources in every
#: briefing, so the keys an analyst learnt on one hold on the next.
TAB_NAMES: dict[Tab, tuple[str, str]] = {
    "overview": ("1", N_("Overview")),
    "report": ("2", N_("Report")),
    "agreements": ("3", N_("Agreements")),
    "sources": ("4", N_("Sources")),
}


def hidden_tabs(briefing: Briefing) -> frozenset[Tab]:
    """Tabs with nothing to show in ``briefing``, left out of the strip, the help and the palette.

    Only the agreements table can be wholly absent (``agreements.toml`` is optional). The
    overview always has the title, dates and summary, and says so when the briefing has no key
    figures, timeline or reactions; the report and the source list are required.
    """
    return frozenset() if briefing.agreements else frozenset({"agreements"})


def tab_titles(hidden: frozenset[Tab] = frozenset()) -> dict[Tab, str]:
    """``{"report": "2 Report", ...}`` in the chrome's language, without the hidden tabs."""
    return {
        tab: f"{digit} {tr(name)}" for tab, (digit, name) in TAB_NAMES.items() if tab not in hidden
    }


#: What the digit of a hidden tab says on the status line (only these tabs can be hidden).
NOTHING_IN_TAB: dict[Tab, str] = {
    "agreements": N_("This briefing has no agreements table."),
}


class TabView(Protocol):
    """What every tab's widget offers the screen."""

    def select(self, target_id: str) -> bool: ...
    def current_target(self) -> str | None: ...
    def focus_default(self) -> None: ...
