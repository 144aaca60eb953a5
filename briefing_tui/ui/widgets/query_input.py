"""The search box: an ``Input`` that never holds more than a query can be.

A 200 KB paste into the plain ``Input`` froze the UI for 7 s (issue #12): every keystroke after
it re-measured, re-rendered and re-searched the whole value. The box now holds at most
:data:`~.search_query.MAX_QUERY_CHARS` characters; a longer paste is cut to what fits, with a
notice saying so, and typing past the limit rings the bell as ``Input(max_length=...)`` does.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input

from briefing_tui.search.limits import MAX_QUERY_CHARS
from briefing_tui.ui.i18n import N_, tr

#: Shown when a paste was cut to fit.
CUT = N_("Pasted text cut to fit the search box ({limit} characters at most).")


class QueryInput(Input):
    """``Input`` capped at :data:`MAX_QUERY_CHARS`, cutting pastes instead of refusing them."""

    #: Input sets its scrollable width to its text's on every change, and a widget's virtual
    #: size asks for a layout of the whole screen: 2-3 ms of every search keystroke, before the
    #: search could start, for a box whose size never depends on its text (one row, the
    #: panel's width: app.tcss). The text still scrolls within the box: only the box's own
    #: scrolling reads this size.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=MAX_QUERY_CHARS, **kwargs)

    def _on_paste(self, event: events.Paste) -> None:
        # Stop Input's own handler, which would refuse the whole paste for being too long.
        event.prevent_default()
        event.stop()
        # Only the first line, as Input does; looked for in a bounded slice of the paste.
        line = event.text[: MAX_QUERY_CHARS + 1].split("\n", 1)[0].split("\r", 1)[0]
        start, end = sorted(self.selection)
        room = MAX_QUERY_CHARS - (len(self.value) - (end - start))
        if len(line) > room:
            line = line[: max(room, 0)]
            self.notify(tr(CUT, limit=MAX_QUERY_CHARS), severity="warning", markup=False)
        if line:
            self.replace(line, start, end)
