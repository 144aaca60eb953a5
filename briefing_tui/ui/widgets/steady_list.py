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

    _wrapped_width: int | None = None

    def _on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width == self._wrapped_width:
            event.prevent_default()  # OptionList's own handler would clear the caches
            return
        self._wrapped_width = width
