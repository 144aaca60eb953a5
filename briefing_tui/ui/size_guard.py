"""Keeps a "terminal too small" notice on top whenever the terminal is below the minimum size.

A mixin for the App (placed before ``App`` in its bases) so the app module needs no size logic
of its own. It reacts to resizes and to screen changes: a screen pushed while the terminal is
small (the briefing arriving from the loader, help) gets the notice pushed over it too, and
every notice leaves as soon as the terminal is big enough again.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen

from briefing_tui.ui.screens.too_small import TooSmallScreen, too_small


class SizeGuardMixin:
    """Pushes / pops :class:`TooSmallScreen` to match the terminal size."""

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)  # type: ignore[attr-defined]
        self._guard_size()

    def on_resize(self, event: object) -> None:
        self.call_after_refresh(self._guard_size)  # type: ignore[attr-defined]

    def _screen_changed(self, screen: Screen) -> None:
        # Deferred: the signal fires inside push/pop, which must not be re-entered.
        self.call_later(self._guard_size)  # type: ignore[attr-defined]

    def _guard_size(self) -> None:
        if not self.is_running or not self.screen_stack:  # type: ignore[attr-defined]
            return
        size: Size = self.size  # type: ignore[attr-defined]
        top = self.screen  # type: ignore[attr-defined]
        if too_small(size):
            if isinstance(top, TooSmallScreen):
                top.show_size(size)
            else:
                self.push_screen(TooSmallScreen(size))  # type: ignore[attr-defined]
        elif isinstance(top, TooSmallScreen):
            self.pop_screen()  # type: ignore[attr-defined]
