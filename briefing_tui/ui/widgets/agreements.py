"""The Agreements tab: the report's table of agreements, sortable and filterable by keyboard.

The table is rebuilt from :attr:`AgreementsView.rows` whenever the sort or a filter changes, so
the order on screen is always exactly what :meth:`AgreementsView.visible_ids` returns; the
cursor stays on the same agreement across rebuilds when it is still shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from briefing_tui.content.model import Agreement, Briefing, Status
from briefing_tui.content.record import record
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.messages import ItemFocused
from briefing_tui.ui.render import Marker, highlighted, text
from briefing_tui.ui.screens.agreement import AgreementScreen
from briefing_tui.ui.widgets._shared import is_displayed
from briefing_tui.ui.widgets.document import EDITORIAL

SortKey = Callable[[Agreement], "str | float | int"]


@record
class Column:
    """A table column: its header, and how agreements sort by it."""

    key: str
    label: str
    sort_key: SortKey


#: Status badge colours: the firmer the agreement, the greener.
STATUS_STYLE: dict[Status, str] = {
    Status.AGREED: "bold green",
    Status.MEMORANDUM: "cyan",
    Status.TARGET: "yellow",
    Status.STATEMENT: "magenta",
    Status.NEGOTIATION: "bold red",
}


def figure_value(agreement: Agreement) -> float:
    """Sort key of the key-figure column: the first figure's value; none sorts first."""
    return agreement.figures[0].value if agreement.figures else float("-inf")


def column_widths(width: int, words: dict[str, int] | None = None) -> dict[str, int]:
    """Widths that fill ``width`` cells: fixed status and count, the rest shared out.

    Two cells go to the scrollbar and two per column to cell padding; area and agreement titles
    get the room first, as those are what a reader scans. ``words`` gives each column's longest
    word: a column is never narrower, so a cell wraps between words ("Infrastructure" was cut
    into "Infrastru/cture" at 60 columns); the table scrolls sideways instead.
    """
    status, sources = 11, 3
    free = max(width - 2 - 2 * 5 - status - sources, 30)
    figure = max(14, min(24, free - 50))
    area = min(28, (free - figure) * 9 // 20)
    agreement = min(48, free - figure - area)
    widths = {
        "area": area,
        "agreement": agreement,
        "status": status,
        "figure": figure,
        "sources": sources,
    }
    for key, longest in (words or {}).items():
        widths[key] = max(widths[key], longest)
    return widths


def longest_word(values: list[str]) -> int:
    return max((cell_len(word) for value in values for word in value.split()), default=0)


class AgreementsView(Vertical):
    """One line of status (sort, filters, count) above the table of agreements."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next agreement", show=False, id="agreements.down"),
        Binding("k", "cursor_up", "Previous agreement", show=False, id="agreements.up"),
        Binding("g", "first", "First agreement", show=False, id="agreements.first"),
        Binding("G", "last", "Last agreement", show=False, id="agreements.last"),
        Binding("s", "cycle_sort", "Sort", id="agreements.sort"),
        Binding("r", "reverse", "Reverse sort", show=False, id="agreements.reverse"),
        Binding("a", "cycle_area", "Area", id="agreements.area"),
        Binding("t", "cycle_status", "Status", id="agreements.status"),
    ]

    def __init__(self, briefing: Briefing, refs: BriefingRefs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        """The briefing whose agreements are shown; read only."""
        self.refs = refs
        """Shared navigation facts; the detail screen uses it to title sources."""
        area_titles = {a.id: a.title for a in briefing.areas}
        self.columns: tuple[Column, ...] = (
            Column("area", tr("Area"), lambda a: area_titles[a.area].casefold()),
            Column("agreement", tr("Agreement"), lambda a: a.title.casefold()),
            # ✎: statuses and figures are our reading of the table, not the report's words.
            Column("status", tr("Status") + " ✎", lambda a: a.status.value),
            Column("figure", tr("Key figure") + " ✎", figure_value),
            Column("sources", tr("Src"), lambda a: len(a.sources)),
        )
        """The table's columns, in display order; also the order ``s`` cycles through."""
        self.sort_column: int | None = None
        """Index into :attr:`columns`, or None for the report's own order."""
        self.sort_reverse = False
        """Whether the sort is descending."""
        self.area_filter: str | None = None
        """Area id shown, or None for all areas."""
        self.status_filter: Status | None = None
        """Status shown, or None for every status."""
        self.statuses: tuple[Status, ...] = tuple(
            s for s in Status if any(a.status == s for a in briefing.agreements)
        )
        """Statuses that occur, in the model's order: what ``t`` cycles through."""
        self._widths: dict[str, int] = {}
        """Column widths the table was last laid out with."""
        self._words = {
            "area": longest_word([a.title for a in briefing.areas]),
            "agreement": longest_word([a.title for a in briefing.agreements]),
            "figure": longest_word([f.text for a in briefing.agreements for f in a.figures]),
        }
        """Each wrapping column's longest word: the narrowest it may be."""
        self._last_focused: str | None = None
        """The id last told to the attribution pane, so a rebuild does not repeat it."""
        self.marker: Marker | None = None
        """Where the current search matches a text, to highlight it in place; None: no search."""

    # -- building ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="agreements-status", markup=False)
        table: DataTable[Text] = DataTable(
            id="agreements-table", cursor_type="row", zebra_stripes=True
        )
        yield table

    def on_mount(self) -> None:
        if not self.children:  # mounted as the app closed (tabs are built in idle time)
            return
        self._layout_columns(self.size.width or 80)
        self._rebuild()

    def on_resize(self) -> None:
        if column_widths(self.size.width, self._words) != self._widths:
            # Read the cursor's row first: recreating the columns clears the rows, and a jump
            # (or the pane opening) would otherwise land on the first row.
            keep = self.current_target()
            self._layout_columns(self.size.width)
            self._rebuild(keep)

    def _layout_columns(self, width: int) -> None:
        """(Re)create the columns sized to ``width``, so rows wrap instead of scrolling."""
        self._widths = column_widths(width, self._words)
        table = self.table
        table.clear(columns=True)
        for column in self.columns:
            table.add_column(
                text(column.label, "bold"), key=column.key, width=self._widths[column.key]
            )

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#agreements-table", DataTable)

    def visible_ids(self) -> list[str]:
        """Agreement ids shown, in table order, after filters and sort."""
        shown = [
            a
            for a in self.briefing.agreements
            if (self.area_filter is None or a.area == self.area_filter)
            and (self.status_filter is None or a.status == self.status_filter)
        ]
        if self.sort_column is not None:
            # list.sort is stable even with reverse=True, so ties keep the report's order.
            shown.sort(key=self.columns[self.sort_column].sort_key, reverse=self.sort_reverse)
        elif self.sort_reverse:
            shown.reverse()
        return [a.id for a in shown]

    def _marked(self, value: str, style: str = "") -> Text:
        if self.marker is None:
            return text(value, style)
        marked = highlighted(value, self.marker(value), "reverse")
        marked.stylize(style, 0, len(marked))
        return marked

    def set_marker(self, marker: Marker | None) -> None:
        """Highlight search matches in the table and in the cards it opens."""
        self.marker = marker
        if self.is_mounted:
            self._rebuild()

    def _cells(self, agreement: Agreement) -> list[Text]:
        figure = agreement.figures[0].text if agreement.figures else "—"
        return [
            self._marked(self.briefing.area(agreement.area).title),
            self._marked(agreement.title, "bold"),
            text(agreement.status.value, STATUS_STYLE[agreement.status]),
            text(figure),
            text(str(len(agreement.sources)), "bold"),
        ]

    def _rebuild(self, keep: str | None = None) -> None:
        """Refill the table in the current order, keeping the cursor on ``keep`` if shown."""
        table = self.table
        keep = keep or self.current_target()
        table.clear()
        ids = self.visible_ids()
        for agreement_id in ids:
            agreement = self.refs.agreement(agreement_id)
            assert agreement is not None
            table.add_row(*self._cells(agreement), key=agreement_id, height=None)
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        self._update_status(len(ids))

    def _update_status(self, shown: int) -> None:
        arrow = "↓" if self.sort_reverse else "↑"
        if self.sort_column is None:
            sort = tr("report order") + (f" {arrow}" if self.sort_reverse else "")
        else:
            sort = f"{self.columns[self.sort_column].label.lower()} {arrow}"
        area = self.briefing.area(self.area_filter).title if self.area_filter else tr("all")
        status = self.status_filter.value if self.status_filter else tr("all")
        line = Text()
        for label, value in ((tr("Sort"), sort), (tr("Area"), area), (tr("Status"), status)):
            line.append_text(text(f"{label}: ", "dim"))
            line.append_text(text(value, "bold"))
            line.append("  ")
        total = len(self.briefing.agreements)
        line.append_text(text(tr("{shown} of {total}", shown=shown, total=total), "bold"))
        line.append("  " + tr(EDITORIAL), style="italic magenta")
        if not shown:
            line.append_text(text(tr("  none match: a/t change the filters"), "italic"))
        self.query_one("#agreements-status", Static).update(line)

    # -- the tab contract --------------------------------------------------------------------

    def select(self, target_id: str) -> bool:
        """Put the cursor on an agreement, clearing the filters if they hide it."""
        if self.refs.agreement(target_id) is None:
            return False
        if target_id not in self.visible_ids():
            self.area_filter = None
            self.status_filter = None
        self._rebuild(keep=target_id)
        self.table.focus()
        return True

    def current_target(self) -> str | None:
        """The agreement id under the cursor, or None when the filters leave the table empty."""
        table = self.table
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def focus_default(self) -> None:
        self.table.focus()

    # -- keys --------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_first(self) -> None:
        self.table.move_cursor(row=0)

    def action_last(self) -> None:
        self.table.move_cursor(row=max(self.table.row_count - 1, 0))

    def action_cycle_sort(self) -> None:
        """Report order, then each column in turn, then report order again."""
        if self.sort_column is None:
            self.sort_column = 0
        elif self.sort_column + 1 < len(self.columns):
            self.sort_column += 1
        else:
            self.sort_column = None
        self._rebuild()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._rebuild()

    def action_cycle_area(self) -> None:
        """All areas, then each area in the report's order."""
        order: list[str | None] = [None, *(a.id for a in self.briefing.areas)]
        self.area_filter = order[(order.index(self.area_filter) + 1) % len(order)]
        self._rebuild()

    def action_cycle_status(self) -> None:
        """All statuses, then each status that occurs."""
        order: list[Status | None] = [None, *self.statuses]
        self.status_filter = order[(order.index(self.status_filter) + 1) % len(order)]
        self._rebuild()

    # -- events ------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#agreements-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        row_id = event.row_key.value
        # A rebuild highlights row 0 on its way to the kept row: only the final row is news.
        if row_id is None or row_id != self.current_target() or row_id == self._last_focused:
            return
        if is_displayed(self):
            self._last_focused = row_id
            self.post_message(ItemFocused(row_id))

    @on(DataTable.RowSelected, "#agreements-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        agreement = self.refs.agreement(event.row_key.value or "")
        if agreement is not None:
            self.app.push_screen(AgreementScreen(agreement, self.briefing, self.marker))
