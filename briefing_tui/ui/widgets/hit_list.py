"""The search results list: hits drawn a page at a time, every one of them reachable.

A hit is drawn as a Rich group with a hanging indent, and OptionList wraps every option it is
given: all 200 hits of a broad query took 30-45 ms of the UI thread per keystroke on a large
library, while the list (9 rows high at any terminal size) shows about three. So 5 are drawn
for a new result (they fill the list: a hit is two lines or more), and the next 40 whenever the
cursor or the scroll position comes near the end of what is drawn; End draws them all first.
The engine builds those first hits on the searching thread (search/index.py ``EAGER_HITS``), so
drawing them reads no index on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.reading.kinds import KIND_INFO
from briefing_tui.ui.render import highlighted, text
from briefing_tui.ui.rendered_once import RenderedOnce
from briefing_tui.ui.widgets._shared import step_cursor

if TYPE_CHECKING:  # the engine itself loads with the index, after the first frame
    from briefing_tui.search import Hit

#: Hits drawn at a time.
PAGE = 40
#: Hits drawn for a new result: the list shows about three (each hit is two lines or more);
#: each one drawn costs 0.3-1 ms of the UI thread (wrapped once: to measure and paint it),
#: and each one built reads its item back from the index, up to 0.9 ms when the item's block
#: of the store is not in memory (10,000 briefings).
FIRST_PAGE = 5

#: How close to the last drawn hit the cursor comes before the next page is drawn. (Scrolling
#: draws the next page once the view is within one screen of the bottom.) Less than
#: FIRST_PAGE: the first hit, highlighted with each new result, must not draw the next page.
PAGE_AHEAD = 2


def hit_prompt(hit: Hit, show_briefing: bool) -> RenderedOnce:
    """Where the hit is on one line; the snippet below it, indented as it wraps. Wrapped once
    for its height and its paints (:class:`RenderedOnce`)."""
    where = Text()
    where.append(
        f"{KIND_INFO[hit.kind].badge if hit.kind in KIND_INFO else '?'} ", style="bold magenta"
    )
    if show_briefing:
        where.append(text(hit.briefing_id + " › ", "dim"))
    where.append(text(hit.location, "bold"))
    snippet = highlighted(hit.snippet, hit.snippet_spans, "bold reverse")
    return RenderedOnce(Group(where, Padding(snippet, (0, 0, 0, 2))))


class HitList(OptionList):
    """Options whose ids are the hits' positions in the result, so a choice maps back to it."""

    #: The list's lines change with every result, and a widget's virtual size asks for a layout
    #: of the whole screen when it changes: 1.5-2.5 ms of the keystrokes whose first hits wrap to
    #: a different number of lines, before their frame. The list's own size never depends on
    #: its lines (it fills the panel: app.tcss), and OptionList updates its scrollbar itself
    #: (``_scroll_update``). The scrollbar is always shown (app.tcss), so no result hides it.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.hits: Sequence[Hit] = ()
        self.show_briefing = False
        #: How many of ``hits`` are drawn so far.
        self.drawn = 0

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)

    def show(self, hits: Sequence[Hit], show_briefing: bool) -> None:
        """Replace the list with ``hits``, the first page drawn and the first hit highlighted."""
        self.hits = hits
        self.show_briefing = show_briefing
        if not hits:
            self.clear_options()
            self.drawn = 0
            return
        # Replaced in one step: clearing first shrank the list to nothing and grew it again,
        # two size changes (and the scrollbar hidden and shown), each a layout of the screen.
        self.drawn = min(FIRST_PAGE, len(hits))
        self.set_options(
            Option(hit_prompt(hit, show_briefing), id=str(i))
            for i, hit in enumerate(hits[: self.drawn])
        )
        self.highlighted = 0

    def _draw_to(self, end: int) -> None:
        end = min(end, len(self.hits))
        if end > self.drawn:
            self.add_options(
                Option(hit_prompt(hit, self.show_briefing), id=str(i))
                for i, hit in enumerate(self.hits[self.drawn : end], self.drawn)
            )
            self.drawn = end

    def action_cursor_down(self) -> None:
        step_cursor(self, 1)  # the last hit drawn stays highlighted; the next page comes first

    def action_cursor_up(self) -> None:
        step_cursor(self, -1)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= self.drawn - PAGE_AHEAD:
            self._draw_to(self.drawn + PAGE)

    def _scrolled(self, value: float) -> None:
        if value >= self.max_scroll_y - self.size.height:
            self._draw_to(self.drawn + PAGE)

    def action_last(self) -> None:
        self._draw_to(len(self.hits))
        super().action_last()
