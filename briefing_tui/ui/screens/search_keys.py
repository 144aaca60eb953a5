"""The briefing screen's search: ``/`` opens the panel, Enter on a hit marks every match in
place, ``n``/``N`` step through them in reading order, Escape clears the marks.

Mixed into :class:`~briefing_tui.ui.screens.briefing.BriefingScreen`, as
:class:`~briefing_tui.ui.screens.analyst_keys.AnalystKeys` is: that screen keeps the wiring of
tabs, this file owns what a search does to the reading. The search session (where ``n`` goes
next) is made at the first search: nothing of it is needed to draw the first frame.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from briefing_tui.ui.i18n import tr
from briefing_tui.ui.messages import OpenBriefing
from briefing_tui.ui.screens.screen_parts import BriefingScreenParts
from briefing_tui.ui.widgets.report import ReportView
from briefing_tui.ui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:
    from textual.widget import Widget

    from briefing_tui.search import SearchIndex, SearchResult, SearchSession
    from briefing_tui.ui.render import Marker
    from briefing_tui.ui.widgets.lazy_tabs import LazyTabs


class SearchKeys(BriefingScreenParts):
    """Actions for ``/``, ``n``, ``N`` and Escape; see the module docstring."""

    if TYPE_CHECKING:  # provided by the BriefingScreen this is mixed into
        tabs: LazyTabs
        focused: Widget | None
        marker: Marker | None
        _marks_due: set[str]
        _focus_before_search: Widget | None

    @cached_property
    def search(self) -> SearchSession:
        """The search being stepped through with n/N (UI-free: see search.session)."""
        from briefing_tui.search import SearchSession

        return SearchSession(self.refs)

    def set_search_index(self, index: SearchIndex | None) -> None:
        """Called when the app's library index is ready (it is built after the first frame)."""
        many = index is not None and index.briefing_count > 1
        self.query_one(SearchPanel).set_index(index, show_briefing=many)

    def action_search(self) -> None:
        want_index = getattr(self.app, "want_index", None)
        if want_index is not None:
            want_index()  # a store's index opens on first use (see BriefingApp.want_index)
        panel = self.query_one(SearchPanel)
        if not panel.display:
            self._focus_before_search = self.focused
        panel.open()

    def on_search_panel_closed(self, event: SearchPanel.Closed) -> None:
        event.stop()
        if self._focus_before_search is not None and self._focus_before_search.is_attached:
            self._focus_before_search.focus()
        else:
            self.view(self.active_tab).focus_default()

    def on_search_panel_hit_chosen(self, event: SearchPanel.HitChosen) -> None:
        event.stop()
        self.query_one(SearchPanel).display = False
        self._mark_matches(event.result)
        # n/N continue in reading order from the hit chosen, at its first occurrence.
        self.search.start(event.result.hits, self._spans, event.position)
        self._show_stop(note="")

    def _mark_matches(self, result: SearchResult | None) -> None:
        """Highlight every match of the search in place: report text, agreements table, cards."""
        if result is None:
            self.marker = None
            self.query_one(ReportView).reader.set_marks({})
        else:
            from briefing_tui.search import match_spans

            query = result.query if result.query is not None else result.text
            self.marker = lambda value: match_spans(value, query)
            marks = {}
            for _, paragraph in self.briefing.paragraphs():
                spans = self.marker(paragraph.full_text)
                if spans:
                    marks[paragraph.id] = spans
            self.query_one(ReportView).reader.set_marks(marks)
        # Hidden views are marked when next shown (_open): redrawing them all took ~40 ms.
        self._marks_due = {"overview", "agreements", "sources"} & set(self.tabs.pages)
        if self.active_tab in self._marks_due:
            self._marks_due.discard(self.active_tab)
            self.view(self.active_tab).set_marker(self.marker)  # type: ignore[attr-defined]

    def _spans(self, value: str) -> list[tuple[int, int]]:
        return self.marker(value) if self.marker is not None else []

    def _show_stop(self, note: str) -> None:
        if not self.search.active:
            self.set_status(tr("No search results: press / to search."))
            return
        place = self.search.place()
        hit = place.hit
        if hit.briefing_id != self.briefing.id:
            goto = hit.ref if hit.target_id.startswith("#") else hit.target_id
            self.post_message(OpenBriefing(hit.briefing_id, goto=goto))
            return
        if place.target is not None:
            self.jump(place.target, span=place.stop.span)
        message = tr("Match {n}: {at}  (n/N: next/previous)", n=place.counter, at=hit.location)
        self.set_status(message + note)

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self.search.active:
            self.set_status(tr("No search results: press / to search."))
            return
        note = self.search.step(step)
        self._show_stop(tr(note) if note else "")

    def action_clear_marks(self) -> None:
        if self.search.active:
            self.search.clear()
            self._mark_matches(None)
            self.set_status(tr("Search marks cleared."))
