"""Keeps the layout within sizes every widget can draw, and says so when the terminal is not.

A mixin for the App (placed before ``App`` in its bases) so the app module needs no size logic
of its own.

The app is never laid out outside :data:`MIN_WIDTH` x :data:`MIN_HEIGHT` ..
``input_guard.MAX_WIDTH`` x ``input_guard.MAX_HEIGHT``, whatever the terminal
reports. Below the minimum, Textual and Rich themselves crash (``range() arg 3 must not be zero``
when content wraps at width 0: the report at 1-3 columns, the palette at width 4, a resize storm
with the search bar open, a 1x1 in-band resize); above the maximum memory grows with the area
(65535x65535 reached 2.75 GB). Clamping the size the screens see, rather than guarding each
screen, covers every screen and modal, including ones pushed while the terminal is small.

Below the minimum the "terminal too small" notice goes on top, drawn from the top-left corner so
whatever part of it fits is readable; above the maximum the app is shown at the maximum.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.screen import Screen

from briefing_tui.ui.input_guard import MAX_HEIGHT, MAX_WIDTH
from briefing_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen, too_small


def layout_size(size: Size) -> Size:
    """``size`` clamped to the range the app is laid out in."""
    return Size(
        max(MIN_WIDTH, min(size.width, MAX_WIDTH)), max(MIN_HEIGHT, min(size.height, MAX_HEIGHT))
    )


def sync_breakpoints(screen: Screen, size: Size) -> None:
    """Give ``screen`` the breakpoint classes for ``size`` before it is laid out again.

    Textual sets them only on a Resize, which goes to the top screen alone. A screen that was
    covered (by help, the palette, the size notice) while the terminal changed width came back
    with its old classes and was laid out once with them: the briefing screen's wide layout
    (outline, text, search panel side by side) at 60 columns left the text 0 cells wide, and
    Rich raised ``range() arg 3 must not be zero``.
    """
    app = screen.app
    horizontal = (
        app.HORIZONTAL_BREAKPOINTS
        if screen.HORIZONTAL_BREAKPOINTS is None
        else screen.HORIZONTAL_BREAKPOINTS
    ) or []
    vertical = (
        app.VERTICAL_BREAKPOINTS
        if screen.VERTICAL_BREAKPOINTS is None
        else screen.VERTICAL_BREAKPOINTS
    ) or []
    if not horizontal and not vertical:
        return
    wanted = {
        *screen._get_breakpoint_classes(size.width, horizontal),
        *screen._get_breakpoint_classes(size.height, vertical),
    }
    names = {name for _, name in (*horizontal, *vertical)}
    screen.update_classes({name: name in wanted for name in names}, animate=False)


class SizeGuardMixin:
    """Clamps every resize, and pushes / pops :class:`TooSmallScreen` to match the terminal."""

    _terminal_size: Size | None = None

    @property
    def size(self) -> Size:
        """The size the app lays out at (clamped); see :attr:`terminal_size` for the real one."""
        return layout_size(super().size)  # type: ignore[misc]

    @property
    def terminal_size(self) -> Size:
        """The size the terminal last reported, unclamped."""
        return self._terminal_size or super().size  # type: ignore[misc,no-any-return]

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)  # type: ignore[attr-defined]
        self._guard_size()

    def on_resize(self, event: events.Resize) -> None:
        # Runs before App._on_resize (this class precedes App in the MRO), so the app and every
        # screen only ever see the clamped size.
        self._terminal_size = event.size
        before = self.size
        clamped = layout_size(event.size)
        event.size = event.virtual_size = event.container_size = clamped
        # Textual lays out the screen beneath the top one at the new size too (it may show
        # through) without updating its breakpoint classes, and any screen may be laid out again
        # at the old size before the new one reaches it. The classes for the smaller of the two
        # sizes are safe at both: a narrow layout fits a wide screen, not the other way round.
        # The top screen gets its exact classes from Textual when the Resize reaches it.
        safe = Size(min(before.width, clamped.width), min(before.height, clamped.height))
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            sync_breakpoints(screen, safe)
        self.call_after_refresh(self._guard_size)  # type: ignore[attr-defined]

    def _screen_changed(self, screen: Screen) -> None:
        # Now, before the screen's ScreenResume lays it out at the current size.
        sync_breakpoints(screen, self.size)
        # Deferred: the signal fires inside push/pop, which must not be re-entered.
        self.call_later(self._guard_size)  # type: ignore[attr-defined]

    def _guard_size(self) -> None:
        if not self.is_running or not self.screen_stack:  # type: ignore[attr-defined]
            return
        size = self.terminal_size
        top = self.screen  # type: ignore[attr-defined]
        if too_small(size):
            if isinstance(top, TooSmallScreen):
                top.show_size(size)
            else:
                self.push_screen(TooSmallScreen(size))  # type: ignore[attr-defined]
        elif isinstance(top, TooSmallScreen):
            self.pop_screen()  # type: ignore[attr-defined]
