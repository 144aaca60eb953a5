"""An OptionList that keeps its wrapped options when it is shown again at the same width.

Textual sends a Resize to every widget that becomes visible, even at the size it had, and
``OptionList`` answers every Resize by dropping its line and render caches: each tab switch
wrapped every option of the tab again (the overview: ~15 ms of a ~60 ms switch, cProfile in
Pilot, benchmarks/keys). Its caches depend on the width only, so a Resize that keeps the width
keeps them.
"""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """``OptionList`` whose caches survive a Resize that leaves the text's width as it was."""

    #: The width the cached lines were wrapped at (None: nothing cached).
    _wrapped_width: int | None = None

    def _on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width == self._wrapped_width:
            event.prevent_default()  # OptionList's own handler would clear the caches
            return
        self._wrapped_width = None  # OptionList's handler drops them

    def _update_lines(self) -> None:
        """Record the width the lines are wrapped at, so a Resize to another width is told apart
        (lines wrapped before a scrollbar appeared kept their height: the summary lost its last
        line). Lines cached at another width are dropped first: the update adds to them."""
        if not self.scrollable_content_region:
            return  # hidden: nothing is wrapped (OptionList's update does nothing either)
        width = self.scrollable_content_region.width
        if self._wrapped_width is not None and width != self._wrapped_width:
            self._option_render_cache.clear()
            self._line_cache.clear()
        super()._update_lines()
        self._wrapped_width = width
