"""The row of tab labels above the briefing's views.

One widget drawing one line, in place of Textual's Tabs (a widget per tab plus an animated
underline): on the bundled briefing that was ~50 ms of the first frame's ~140 ms of app work
(measured with the first-frame harness, see BENCHMARKS.md). Tabs are switched with the digit
keys, which the screen binds; a click on a label works too.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

#: Cells between two labels.
GAP = 2


def _shorten(title: str) -> str:
    """``3 Agreements`` -> ``3 Agre``: the digit that switches to it, and a hint of the name."""
    digit, _, name = title.partition(" ")
    return f"{digit} {name[:4]}" if name else title


class TabStrip(Widget):
    """Labels for each tab, the active one highlighted; posts :class:`Chosen` on a click."""

    COMPONENT_CLASSES = {"tab-strip--active", "tab-strip--inactive"}

    active: reactive[str] = reactive("")

    class Chosen(Message):
        """A label was clicked: the screen decides what showing that tab means."""

        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, titles: dict[str, str], active: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles = dict(titles)
        self.set_reactive(TabStrip.active, active)

    def _layout(self) -> tuple[int, int, list[tuple[str, str]]]:
        """(gap, padding, labels) of the roomiest layout that fits the width.

        Labels are never cut: with the sources pane open at 80 columns the full layout needs
        53 cells of 46, and "4 Sources" used to end as "4". Tighter spacing comes first, then
        labels shortened to their digit and four letters.
        """
        width = self.content_size.width or 10_000
        full = list(self.titles.items())
        short = [(tab, _shorten(title)) for tab, title in full]
        for gap, pad, labels in ((GAP, 1, full), (1, 1, full), (1, 0, full), (1, 0, short)):
            needed = sum(cell_len(t) + 2 * pad for _, t in labels) + gap * (len(labels) - 1)
            if needed <= width:
                return gap, pad, labels
        return 1, 0, short

    def render(self) -> Text:
        active = self.get_component_rich_style("tab-strip--active")
        inactive = self.get_component_rich_style("tab-strip--inactive")
        gap, pad, labels = self._layout()
        line = Text(no_wrap=True, overflow="ellipsis")
        for n, (tab, title) in enumerate(labels):
            if n:
                line.append(" " * gap)
            padding = " " * pad
            line.append(
                f"{padding}{title}{padding}", style=active if tab == self.active else inactive
            )
        return line

    def tab_at(self, x: int) -> str | None:
        """The tab whose label covers column ``x`` of the content, if any."""
        gap, pad, labels = self._layout()
        start = 0
        for tab, title in labels:
            end = start + cell_len(title) + 2 * pad
            if start <= x < end:
                return tab
            start = end + gap
        return None

    def on_click(self, event: events.Click) -> None:
        if event.y != 0:  # the rule under the labels
            return
        tab = self.tab_at(event.x - self.styles.padding.left)
        if tab is not None:
            self.post_message(self.Chosen(tab))
