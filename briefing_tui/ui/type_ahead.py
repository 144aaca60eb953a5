"""Keys typed before a screen is ready are kept, then answered in order.

Over ssh an analyst types ahead: ``briefing`` then ``/gas`` without waiting for the screen, or
Enter on the library's list then ``/gas`` at once. Keys that arrived before the first frame
were lost (the search never opened, the letters went nowhere): 6 times in 6 starts with ``/gas``
written 0.15 s after the start, in a pty, and once in 7 runs of the start-up benchmark, which
types as soon as it sees the screen. Textual hands keys to the screen as they come, while its
widgets are still being mounted (the search box is built after the screen's first frame, and
``set_focus`` on a widget not yet mounted leaves the focus where it was).

So keys are held here (at most :data:`MOST_HELD`: a flood is not memory) until the app's first
frame is out, and while the screen on top says it is not ready for keys (a ``keys_ready``
attribute, which :class:`~briefing_tui.ui.screens.briefing.BriefingScreen` sets once it has
started); then they are posted again, in the order typed. A screen that never says so is given
its keys after :data:`MOST_WAIT` seconds all the same.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.screen import Screen

#: Keys kept at most while held; later ones are dropped.
MOST_HELD = 256
#: Seconds keys are held at most for a screen that never becomes ready (an error, a bug).
MOST_WAIT = 3.0


class TypeAheadMixin(App[None]):
    """Holds keys until the first frame is out and the top screen is ready for them."""

    _typed_ahead: list[events.Key] | None = None
    _released = False

    def _holding(self) -> bool:
        if not self._released:
            return True
        try:
            screen = self.screen
        except Exception:  # no screen yet, or the app is closing
            return False
        return not getattr(screen, "keys_ready", True)

    async def on_event(self, event: events.Event) -> None:
        # Only keys from the terminal: a key the screen did not use bubbles back up to the
        # app, forwarded; held and posted again, it was answered twice, and went round for ever.
        if isinstance(event, events.Key) and not event.is_forwarded and self._holding():
            held = self._typed_ahead
            if held is None:
                held = self._typed_ahead = []
                self.set_timer(MOST_WAIT, self._give_up_waiting)
            if len(held) < MOST_HELD:
                held.append(event)
            return
        await super().on_event(event)

    def release_typed_ahead(self) -> None:
        """The first frame is out: answer the held keys after the app's queued messages (a
        screen that builds more after its first refresh says so with ``keys_ready``). Not
        after the screen's next refresh: a dialog opened over it at start (a briefing that
        could not be opened) kept that screen from refreshing, and the keys were held."""

        def release() -> None:
            self._released = True
            self._replay()

        self.call_later(release)

    def screen_ready(self, screen: Screen[object]) -> None:
        """``screen`` takes keys now (it had ``keys_ready = False``)."""
        screen.keys_ready = True  # type: ignore[attr-defined]
        self._replay()

    def _replay(self) -> None:
        if self._holding():
            return
        held, self._typed_ahead = self._typed_ahead, None
        for key in held or ():
            # Sent by the app, as a key from the terminal is: a key's sender stops its bubbling,
            # and sent from the screen (this runs in its callback) a digit never came back up
            # to the app, where the screen's own bindings are looked up.
            self.post_message(events.Key(key.key, key.character).set_sender(self))

    def _give_up_waiting(self) -> None:
        if self._typed_ahead:
            self._released = True
            try:
                self.screen.keys_ready = True  # type: ignore[attr-defined]
            except Exception:
                return
            self._replay()
