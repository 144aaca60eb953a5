"""``--watch`` in the browser: a changed briefing is reloaded in place, at the same place.

The app is given a watcher (a callable the CLI binds to the content path: the app never sees
paths) and runs it in a thread worker; each reload arrives here on the UI thread. A briefing that
no longer validates is kept as it was and its problems shown in a notice: an author mid-edit
should not lose the page they are checking.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from textual import work
from textual.app import App

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.i18n import tr

#: Called with an event that stops it; yields the library loaded again after each change.
Watcher = Callable[[threading.Event], Iterator[LoadResult]]

#: At most this many problems are listed in a notice (the rest: `briefing validate`).
NOTICE_PROBLEMS = 6


class WatchMixin(App[None]):
    """Reloads for ``BriefingApp``; ``_watcher`` is None unless ``--watch`` was given."""

    _watcher: Watcher | None = None
    _watch_stop: threading.Event | None = None

    def start_watching(self) -> None:
        if self._watcher is None or getattr(self, "secure", False):
            return
        self._watch_stop = threading.Event()
        self._watch(self._watcher, self._watch_stop)

    def stop_watching(self) -> None:
        if self._watch_stop is not None:
            self._watch_stop.set()

    def on_unmount(self) -> None:
        self.stop_watching()

    @work(thread=True, exclusive=True, group="watch", description="watch the content")
    def _watch(self, watcher: Watcher, stop: threading.Event) -> None:
        for result in watcher(stop):
            if stop.is_set():
                return
            self.call_from_thread(self.content_changed, result)

    def content_changed(self, result: LoadResult) -> None:
        """Swap in the reloaded briefing at the reader's place, or say why it was not."""
        from briefing_tui.ui.screens.briefing import BriefingScreen

        if result.broken:
            lines = [str(p) for broken in result.broken for p in broken.problems]
            shown = lines[:NOTICE_PROBLEMS]
            if len(lines) > len(shown):
                more = len(lines) - len(shown)
                shown.append(tr("... and {count} more (briefing validate)", count=more))
            self.notify(
                "\n".join(shown),
                title=tr("Not reloaded: the changed files do not validate"),
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.adopt(result)
        from briefing_tui.ui.screens.picker import PickerScreen

        for listed in self.screen_stack:
            if isinstance(listed, PickerScreen) and listed.is_mounted:
                listed.replace(result.library.briefings)  # added, removed, retitled briefings
        screen = self.screen
        if not isinstance(screen, BriefingScreen):
            return
        new = next((b for b in result.library.briefings if b.id == screen.briefing.id), None)
        if new is None:
            return
        place = screen.current_position()
        replacement = BriefingScreen(new, goto=place)
        if len(self.screen_stack) > 1:
            self.switch_screen(replacement)
        else:  # the default screen cannot be switched away from
            self.push_screen(replacement)
        self.notify(tr("Reloaded {id}", id=new.id), timeout=2, markup=False)

    def adopt(self, result: LoadResult) -> None:
        """Take the reloaded library as the app's own (overridden by the app)."""
