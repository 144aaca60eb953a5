"""The search bar: type a query, watch the hits update, Enter jumps to one.

Queries run on a worker thread with a generation counter, so typing never waits for a search and
a slow, stale result can never overwrite a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..render import highlighted, text

if TYPE_CHECKING:  # the engine itself loads with the index, after the first frame
    from ..search import Hit, SearchIndex, SearchResult

RESULT_LIMIT = 200

#: Hits drawn at a time. The list shows about five; every drawn hit is wrapped when drawn, and
#: drawing all 200 took ~40 ms of the UI thread per keystroke on a large library. The next
#: page is drawn as the cursor nears the end of the drawn ones, so all of them stay reachable.
PAGE = 40

#: How close to the last drawn hit the cursor gets before the next page is drawn.
PAGE_AHEAD = 5

KIND_BADGES = {
    "paragraph": "¶",
    "section": "§",
    "agreement": "A",
    "source": "S",
    "figure": "#",
    "timeline": "T",
    "reaction": "R",
    "briefing": "B",
}


def hit_prompt(hit: Hit, show_briefing: bool) -> Group:
    """Where the hit is on one line; the snippet below it, indented as it wraps."""
    where = Text()
    where.append(f"{KIND_BADGES.get(hit.kind, '?')} ", style="bold magenta")
    if show_briefing:
        where.append(text(hit.briefing_id + " › ", "dim"))
    where.append(text(hit.location, "bold"))
    snippet = highlighted(hit.snippet, hit.snippet_spans, "bold reverse")
    return Group(where, Padding(snippet, (0, 0, 0, 2)))


class SearchPanel(Vertical):
    """Input, hit count and results; posts what the reader chose and leaves the jumping to the
    screen."""

    BINDINGS = [
        Binding("escape", "close", "Close search", id="search.close"),
        Binding("down", "results_down", "Next hit", show=False, id="search.down"),
        Binding("up", "results_up", "Previous hit", show=False, id="search.up"),
        Binding("pagedown", "results_page_down", "Page down", show=False, id="search.page_down"),
        Binding("pageup", "results_page_up", "Page up", show=False, id="search.page_up"),
    ]

    @dataclass
    class HitChosen(Message):
        """Enter on a hit: the screen jumps there and keeps ``hits`` for n/N."""

        result: SearchResult
        position: int

    @dataclass
    class Closed(Message):
        """Escape: the screen gives focus back to where it was."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: SearchIndex | None = None
        self.show_briefing = False
        self.result: SearchResult | None = None
        self._generation = 0
        #: How many of ``result.hits`` are in the list so far.
        self._drawn = 0

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder='search: words, "a phrase", -word, source:… (Esc closes)', id="search-input"
        )
        yield Static(id="search-count")
        yield OptionList(markup=False, id="search-results")

    # -- opening and typing ------------------------------------------------------------------

    def open(self) -> None:
        self.display = True
        search_input = self.query_one(Input)
        # Focus now, not via Widget.focus() (which waits for the next callback): keys typed or
        # pasted right after `/` must land in the search box, not in the view underneath.
        self.screen.set_focus(search_input)
        search_input.action_select_all()
        if search_input.value:
            self._search(search_input.value)

    def set_index(self, index: SearchIndex | None, show_briefing: bool) -> None:
        self.index = index
        self.show_briefing = show_briefing
        value = self.query_one(Input).value
        if self.display and value:
            self._search(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._search(event.value)

    def _search(self, query: str) -> None:
        self._generation += 1
        if not query.strip():
            self._show(self._generation, None)
            return
        if self.index is None:
            self.query_one("#search-count", Static).update(
                Text("Indexing… results will follow.", style="italic")
            )
            return
        self._run(self.index, query, self._generation)

    # A fixed description: Textual would otherwise repr() the arguments on the UI thread.
    @work(thread=True, exclusive=True, group="search", description="search")
    def _run(self, index: SearchIndex, query: str, generation: int) -> None:
        result = index.search(query, limit=RESULT_LIMIT)
        self.app.call_from_thread(self._show, generation, result)

    def _show(self, generation: int, result: SearchResult | None) -> None:
        if generation != self._generation:
            return  # a newer query is already on its way; this one is stale
        self.result = result
        count = self.query_one("#search-count", Static)
        results = self.query_one("#search-results", OptionList)
        if result is None:
            count.update("")
            results.clear_options()
            return
        if result.error:
            count.update(Text.assemble(("⚠ ", "bold red"), text(result.error)))
            results.clear_options()
            return
        shown = len(result.hits)
        summary = f"{result.total} hit{'s' * (result.total != 1)}"
        if shown < result.total:
            summary += f" (first {shown} shown)"
        count.update(Text(summary + " · Enter jumps, ↑↓ choose", style="dim"))
        results.clear_options()
        self._drawn = 0
        self._draw_more()
        if shown:
            results.highlighted = 0

    def _draw_more(self) -> None:
        """Append the next page of hits to the list, if any are left."""
        if self.result is None:
            return
        start, end = self._drawn, min(len(self.result.hits), self._drawn + PAGE)
        if end > start:
            self._results().add_options(
                Option(hit_prompt(hit, self.show_briefing), id=str(i))
                for i, hit in enumerate(self.result.hits[start:end], start)
            )
            self._drawn = end

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= self._drawn - PAGE_AHEAD:
            self._draw_more()

    # -- choosing ----------------------------------------------------------------------------

    def _results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def action_results_down(self) -> None:
        self._results().action_cursor_down()

    def action_results_up(self) -> None:
        self._results().action_cursor_up()

    def action_results_page_down(self) -> None:
        self._results().action_page_down()

    def action_results_page_up(self) -> None:
        self._results().action_page_up()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self._results()
        if self.result is None or not self.result.hits or results.highlighted is None:
            return
        self.post_message(self.HitChosen(self.result, results.highlighted))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.result is not None and event.option.id is not None:
            self.post_message(self.HitChosen(self.result, int(event.option.id)))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
