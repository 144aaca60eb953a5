"""The row of tab labels above the briefing's views.

One widget drawing one line, in place of Textual's Tabs (a widget per tab plus an animated
underline): on the bundled briefing that was ~50 ms of the first frame's ~140 ms of app work
(measured with the first-frame harness, see BENCHMARKS.md). Tabs are switched with the digit
keys, which the screen binds; a click on a label works too.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

#: Cells between two labels.
GAP = 2


class TabStrip(Widget):
    """Labels for each tab, the active one highlighted; posts :class:`Chosen` on a click."""

    COMPONENT_CLASSES = {"tab-strip--active", "tab-strip--inactive"}

    DEFAULT_CSS = """
    TabStrip {
        height: 1;
        padding: 0 1;
    }
    """

    active: reactive[str] = reactive("")

    @dataclass
    class Chosen(Message):
        """A label was clicked: the screen decides what showing that tab means."""

        tab: str

    def __init__(self, titles: dict[str, str], active: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles = dict(titles)
        self.set_reactive(TabStrip.active, active)

    def render(self) -> Text:
        active = self.get_component_rich_style("tab-strip--active")
        inactive = self.get_component_rich_style("tab-strip--inactive")
        line = Text(no_wrap=True, overflow="ellipsis")
        for n, (tab, title) in enumerate(self.titles.items()):
            if n:
                line.append(" " * GAP)
            line.append(f" {title} ", style=active if tab == self.active else inactive)
        return line

    def tab_at(self, x: int) -> str | None:
        """The tab whose label covers column ``x`` of the content, if any."""
        start = 0
        for tab, title in self.titles.items():
            end = start + cell_len(title) + 2
            if start <= x < end:
                return tab
            start = end + GAP
        return None

    def on_click(self, event: events.Click) -> None:
        if event.y != 0:  # the rule under the labels
            return
        tab = self.tab_at(event.x - self.styles.padding.left)
        if tab is not None:
            self.post_message(self.Chosen(tab))
