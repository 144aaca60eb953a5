"""One frame per key: the screen is painted once a key's effects have arrived.

Textual paints as soon as the screen's queue runs dry with something to repaint, and the parts
of a key's work arrive from different widgets' tasks: the reader's scroll first, the status
line after the Moved message has bubbled up to the screen, the tab switch's layout after the
focus change. Each arrival was a frame of its own, 16 ms apart at best (Textual's 60 fps
timer): `j` drew two frames (41-44 ms from key to settled screen on the loaded benchmark
machine, 17-20 ms as one), a tab switch four, the first a stale repaint of the old tab.
``App.delay_update`` holds painting in the same way but ends with a repaint of the whole
screen, which cost more than it saved (j: 28-52 ms of CPU against 14).

A key that changes the layout (`o` opens the outline, `p` the pane, a digit shows a tab) has a
second stage: Textual lays the screen out and paints in the same step, and only then do the
resized widgets hear of their new size (the reader re-wraps its text, which changes its height
and asks for another layout). Each round was another frame, 4-5 per key and 95 ms on repeat.
So while painting is held, the layout is run here, round after round, until no widget has
anything left to do; then the screen is painted once.
"""

from __future__ import annotations

import asyncio
import contextvars
from time import monotonic

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen

from briefing_tui.content.record import record

#: Seconds a key's effects get to arrive before the screen is painted: a floor only, since the
#: hold then lasts while any widget has messages waiting. It was 6 ms (with 2 ms rounds) before
#: the hold looked at the queues; at 2 ms a search keystroke's p95 went from 24-27 to 22-23 ms.
KEY_SETTLE = 0.002
#: Seconds between checks while a key's layout rounds run.
ROUND = 0.001
#: Checks in a row on the loop's next turn while only messages are left, before the timer
#: rounds take over again.
QUICK_CHECKS = 40
#: Worker groups whose answer to a key is worth waiting for, and for how long (seconds from
#: the key): a search on a small library answers in a few milliseconds, and painting the typed
#: character and its results as one frame saved a frame (16 ms or more) per keystroke; a slow
#: search (a large library) is not waited for past this, so the character still echoes.
AWAITED_WORKERS = frozenset({"search"})
WORKER_WAIT = 0.030
#: Longest a key may hold painting, however busy the widgets stay: the reader sees something.
#: A key released at 80 ms on the loaded benchmark machine was painted in 3-4 frames, each one
#: more render; so the cap is above what a key costs there, and floods are capped apart.
MOST = 0.150


def answering(screen: Screen[object]) -> bool:
    """Whether a worker the key started to answer it (a search) is still at work."""
    return any(
        worker.group in AWAITED_WORKERS and not worker.is_finished for worker in screen.app.workers
    )


def busy(screen: Screen[object]) -> bool:
    """Whether the screen or any widget on it still has work from the key: messages waiting
    (a resize, a layout), callbacks due after one, or a widget still being mounted (a tab's
    first showing mounts its page, whose compose and mount run outside its queue)."""
    if screen._layout_required:
        return True
    return any(_pump_busy(node) for node in (screen, *screen.walk_children()))


def _pump_busy(node: MessagePump) -> bool:
    # A message peeked at (to merge it with the next) has left the queue but not been handled.
    return bool(
        not node._message_queue.empty()
        or node._pending_message is not None
        or node._next_callbacks
        or not node._is_mounted
    )


def _nothing() -> None:
    pass


def _lay_out(screen: Screen[object]) -> None:
    """Textual's layout step without the frame it ends with (painting is held, so the frame
    would be rendered only to be dropped: 10-15 ms a round)."""
    screen._compositor_refresh = _nothing  # type: ignore[method-assign]
    try:
        screen._refresh_layout(scroll=screen._scroll_required)
    finally:
        del screen._compositor_refresh
    screen._layout_required = screen._scroll_required = False


@record(frozen=False)
class Holds:
    """The app's paint holds: how many are open, since when, and what painting they owe."""

    count: int = 0
    since: float = 0.0
    #: A hold laid the screen out: the compositor has the regions that moved, unpainted.
    laid_out: bool = False
    #: A hold saw the theme or the screen change: only a whole repaint is right.
    full: bool = False


def paint_when_settled(screen: Screen[object], holds: Holds) -> None:
    """Hold painting for at least :data:`KEY_SETTLE` seconds, until the key's work is done.

    While painting is held, Textual drops the frames it draws outside its timer: those of a
    restyle (a theme change) and of a screen coming to the top, so such a key gets the whole
    screen repainted, as ``App.delay_update`` does for every key. The layouts run here paint
    nothing: the regions they moved stay with the compositor and are painted when the last
    hold ends, with the widgets that changed (a whole repaint cost 10-25 ms a key).
    """
    app = screen.app
    theme = app.theme
    start = monotonic()
    app._begin_batch()  # the start and end of App.batch_update; Textual is pinned

    def settled() -> None:
        current = app.screen is screen and screen.is_attached
        if current and monotonic() - start < MOST:
            if screen._layout_required:
                # Lay out now, under the hold: the resized widgets get their Resize events
                # and answer them before anything is painted.
                _lay_out(screen)
                holds.laid_out = True
                later(ROUND)
                return
            if monotonic() - start < WORKER_WAIT and answering(screen):
                later(ROUND)
                return
            if busy(screen):
                # Only messages left (the search has answered): look again as soon as the
                # loop has run them, not a timer round later (up to 2 ms of an idle loop).
                soon()
                return
        if not current or app.theme != theme:
            holds.full = True
        holds.count -= 1
        app._end_batch()
        if not app._batch_count:  # the last hold: paint what they all owe, once
            _paint(app, holds)

    # The event loop's own timer, not a widget's: a key may close the screen (Back to the
    # library's list), and a hold never released would leave the whole app unpainted. And not
    # Textual's Timer either: each is a task and a message, for a check every ROUND that needs
    # neither. The callback runs in the key's context (the active app).
    loop = asyncio.get_running_loop()
    context = contextvars.copy_context()

    def guarded() -> None:
        try:
            settled()
        except Exception as error:  # as Textual's own timers do: the app's error screen
            app._handle_exception(error)

    def later(delay: float) -> None:
        loop.call_later(delay, guarded, context=context)

    quick_left = QUICK_CHECKS

    def soon() -> None:
        nonlocal quick_left
        if quick_left > 0:
            quick_left -= 1
            loop.call_soon(guarded, context=context)
        else:
            later(ROUND)

    later(KEY_SETTLE)


def _paint(app: App[object], holds: Holds) -> None:
    screen = app.screen
    if holds.full:
        screen.refresh()
    elif holds.laid_out and not (screen._repaint_required or screen._layout_required):
        # What Textual's update timer does after a layout, now that painting is allowed. (A
        # focus change asks for a whole repaint: then the timer does it, as one frame.)
        _paint_changed(screen)
    elif not (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
    ):
        # Only widgets to repaint (a character typed into the search box, its results): what
        # the update timer would do at its next tick, up to 16 ms later, done now.
        if screen._dirty_widgets:
            _paint_changed(screen)
        screen.check_idle()  # callbacks waiting for the screen to settle
    else:
        screen.check_idle()  # the screen paints on idle; nothing else may wake it
    holds.full = holds.laid_out = False


def _paint_changed(screen: Screen[object]) -> None:
    """One frame of the widgets that changed and the regions a layout moved."""
    screen._compositor.update_widgets(screen._dirty_widgets)
    screen._dirty_widgets.clear()
    screen._compositor_refresh()


class OneFramePerKey(App[None]):
    """Every key holds painting from the moment it arrives, whatever answers it.

    Held from the screen's ``on_key`` instead, keys bound with priority (``/``, ``m``, ``'``,
    ``A``) were never held: the app answers them before the screen hears of the key, and `/`
    drew 4 frames.

    Holds overlap when keys come faster than they are answered (a held-down `j` on a slow
    machine): a key arriving when painting has been held for :data:`MOST` already adds no hold
    of its own, so the screen is painted at least that often while keys keep coming.
    """

    _paint_holds: Holds | None = None

    @property
    def holds(self) -> Holds:
        if self._paint_holds is None:
            self._paint_holds = Holds()
        return self._paint_holds

    async def on_event(self, event: events.Event) -> None:
        # A key comes back up to the app (forwarded) after the screen has answered it, and
        # opens a second hold that ends later: keep it. It covers work that trails the first
        # hold; without it `p` drew 4 frames in 2 of 8 runs of test_paint_hold.
        if isinstance(event, events.Key) and self._running and not self._closing:
            holds, now = self.holds, monotonic()
            if not holds.count or now - holds.since < MOST:
                if not holds.count:
                    holds.since = now
                holds.count += 1
                paint_when_settled(self.screen, holds)
        await super().on_event(event)
