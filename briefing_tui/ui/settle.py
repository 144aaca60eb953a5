"""One frame per key: the screen is painted once a key's effects have arrived.

Textual paints as soon as the screen's queue runs dry with something to repaint, and the parts
of a key's work arrive from different widgets' tasks: the reader's scroll first, the status
line after the Moved message has bubbled up to the screen, the tab switch's layout after the
focus change. Each arrival was a frame of its own, 16 ms apart at best (Textual's 60 fps
timer): `j` drew two frames (41-44 ms from key to settled screen on the loaded benchmark
machine, 17-20 ms as one), a tab switch four, the first a stale repaint of the old tab.
``App.delay_update`` holds painting in the same way but ends with a repaint of the whole
screen, which cost more than it saved (j: 28-52 ms of CPU against 14).
"""

from __future__ import annotations

from textual.screen import Screen

#: Seconds a key's effects get to arrive before the screen is painted.
KEY_SETTLE = 0.006


def paint_when_settled(screen: Screen[object]) -> None:
    """Hold painting for :data:`KEY_SETTLE` seconds, then let the screen paint what changed.

    While painting is held, Textual drops the frames it draws outside its timer: those of a
    restyle (a theme change) and of a screen coming to the top. A key that did either gets
    the whole screen repainted, as ``App.delay_update`` does for every key.
    """
    app = screen.app
    theme = app.theme
    app._begin_batch()  # the start and end of App.batch_update; Textual is pinned

    def settled() -> None:
        app._end_batch()
        if app.screen is not screen or app.theme != theme or not screen.is_attached:
            app.screen.refresh()
        else:
            screen.check_idle()  # the screen paints on idle; nothing else may wake it

    # The app's timer, not the screen's: a key may close the screen (Back to the library's
    # list), and a hold never released would leave the whole app unpainted.
    app.set_timer(KEY_SETTLE, settled)
