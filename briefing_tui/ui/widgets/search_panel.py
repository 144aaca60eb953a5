"""The search bar: type a query, watch the hits update, Enter jumps to one.

Queries run on a worker thread with a generation counter, so typing never waits for a search and
a slow, stale result can never overwrite a newer one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from briefing_tui.search.recent import Recent
from briefing_tui.ui.i18n import ngettext, tr
from briefing_tui.ui.render import text

if TYPE_CHECKING:  # the engine itself loads with the index, after the first frame
    from briefing_tui.search import SearchIndex, SearchResult
    from briefing_tui.state.model import Note
    from briefing_tui.ui.widgets.hit_list import HitList

RESULT_LIMIT = 200
#: Lone letters starting words in at least this many items are searched as soon as the index
#: is open (``SearchIndex.costly_letters``): at 10,000 briefings the 26 such letters each took
#: 3-39 ms, the first keystroke of every query, and 0.5 s in all on a worker (tantivy lets the
#: UI thread run meanwhile). A library of 1,000 briefings has a few; one briefing none.
WARM_FROM = 50_000


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

    class HitChosen(Message):
        """Enter on a hit: the screen jumps there and keeps ``hits`` for n/N."""

        def __init__(self, result: SearchResult, position: int) -> None:
            super().__init__()
            self.result = result
            self.position = position

    class Closed(Message):
        """Escape: the screen gives focus back to where it was."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: SearchIndex | None = None
        self.show_briefing = False
        self.result: SearchResult | None = None
        #: The index's answers to the queries typed lately (search/recent.py), by query text.
        self._recent: Recent[SearchResult] = Recent()
        self._generation = 0
        #: How many of ``result.hits`` are in the list so far.
        self._drawn = 0
        #: The analyst's notes with where each is, searched beside the engine (ui.note_hits);
        #: set by the screen.
        self.notes_source: Callable[[], Sequence[tuple[Note, str]]] | None = None

    def compose(self) -> ComposeResult:
        # Hidden until the first `/`: its input and list are mounted after the first frame
        # (an Input and an OptionList cost ~25 ms and 1.3 MiB of the browser's first frame).
        return iter(())

    def on_mount(self) -> None:
        self.call_after_refresh(self._build)

    def _build(self) -> None:
        if self.query(Input):
            return
        # Imported here, as they are built: after the first frame, like the engine.
        from briefing_tui.ui.widgets.hit_list import HitList
        from briefing_tui.ui.widgets.query_input import QueryInput

        self.mount_all(
            [
                QueryInput(
                    placeholder=tr('search: words, "a phrase", -word, source:… (Esc closes)'),
                    id="search-input",
                ),
                Static(id="search-count"),
                HitList(id="search-results"),
            ]
        )

    # -- opening and typing ------------------------------------------------------------------

    def open(self) -> None:
        self._build()  # a `/` typed before the first frame was out
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
        self._recent = Recent()
        if index is not None:
            self._prepare(index, self._recent)
        inputs = self.query(Input)
        value = inputs.first().value if inputs else ""
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
                Text(tr("Indexing… results will follow."), style="italic")
            )
            return
        notes = self.notes_source() if self.notes_source is not None else ()
        known = self._recent.get(query)
        if known is not None and not notes:  # answered already: no thread, no wait
            self._show(self._generation, known)
            return
        self._run(self.index, query, self._generation, notes, self._recent)

    @work(thread=True, exclusive=True, group="search-prepare", description="search-prepare")
    def _prepare(self, index: SearchIndex, recent: Recent[SearchResult]) -> None:
        """The engine's per-index reading (the library's words and forms) done before the first
        keystroke, which otherwise paid for it: 60-100 ms at 1,000 briefings; then the lone
        letters that cost the most (:data:`WARM_FROM`)."""
        index.prepare()
        worker = get_current_worker()
        for letter in index.costly_letters(WARM_FROM):
            if worker.is_cancelled:  # another index came: these answers are for nobody
                return
            if letter not in recent:
                recent.put(letter, index.search(letter, limit=RESULT_LIMIT))

    # A fixed description: Textual would otherwise repr() the arguments on the UI thread.
    @work(thread=True, exclusive=True, group="search", description="search")
    def _run(
        self,
        index: SearchIndex,
        query: str,
        generation: int,
        notes: Sequence[tuple[Note, str]],
        recent: Recent[SearchResult],
    ) -> None:
        result = recent.get(query)
        if result is None:
            result = index.search(query, limit=RESULT_LIMIT)
            recent.put(query, result)
        if notes:
            from briefing_tui.store.note_hits import with_notes

            result = with_notes(result, notes, title=tr("Your note"))
        self.app.call_from_thread(self._show, generation, result)

    def _show(self, generation: int, result: SearchResult | None) -> None:
        if generation != self._generation:
            return  # a newer query is already on its way; this one is stale
        self.result = result
        count = self.query_one("#search-count", Static)
        results = self._results()
        if result is None or result.error:
            error = result.error if result is not None else None
            count.update(
                Text.assemble(("⚠ ", "bold red"), text(error)) if error else "", layout=False
            )
            results.show((), self.show_briefing)
            return
        shown = len(result.hits)
        summary = ngettext("{n} hit", "{n} hits", result.total)
        if shown < result.total:
            summary += tr(" (first {shown} shown)", shown=shown)
        # The line's own style covers every part, so the count and the words after it are
        # painted as one run (a pty benchmark waits for "74 hits " in the bytes).
        line = Text(summary, style="dim")
        # Query words are user text: appended as plain Text, never parsed as markup.
        if result.corrected is not None:
            line.append(tr(" · showing results for "))
            line.append_text(text(result.corrected, "bold"))
        elif result.suggestion is not None:
            line.append(tr(" · did you mean "))
            line.append_text(text(result.suggestion, "bold"))
        if result.hits:
            line.append(tr(" · Enter jumps, ↑↓ choose"))
        # One row high whatever it says (app.tcss): no layout of the screen for it.
        count.update(line, layout=False)
        results.show(result.hits, self.show_briefing)

    # -- choosing ----------------------------------------------------------------------------

    def _results(self) -> HitList:
        from briefing_tui.ui.widgets.hit_list import HitList

        return self.query_one("#search-results", HitList)

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

    def on_option_list_option_selected(self, event: HitList.OptionSelected) -> None:
        event.stop()
        if self.result is not None and event.option.id is not None:
            self.post_message(self.HitChosen(self.result, int(event.option.id)))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
