"""Keys typed before the first screen is ready are kept, then answered in order.

Over ssh an analyst types ahead: ``briefing`` then ``/gas`` without waiting for the screen.
Keys that arrived before the first frame were lost (the search never opened, the letters went
nowhere), in the start-up benchmark too: its ``/gas`` sent as soon as the title was on screen
was lost once in 7 runs, and sent 0.15 s after the start, 6 times in 6. Textual hands keys to
the screen as they come; the screen's widgets are still being mounted then, and the search
box is built after the first frame.

So until the first screen has been painted and its after-refresh work has run, keys are held
here (at most :data:`MOST_HELD`: a flood is not memory), then posted again in the order typed.
"""

from __future__ import annotations

from textual import events
from textual.app import App

#: Keys kept at most before the first screen is ready; later ones are dropped.
MOST_HELD = 256


class TypeAheadMixin(App[None]):
    """Holds keys until :meth:`release_typed_ahead` (called once the first frame is out)."""

    _typed_ahead: list[events.Key] | None = None
    _released = False

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not self._released:
            held = self._typed_ahead
            if held is None:
                held = self._typed_ahead = []
            if len(held) < MOST_HELD:
                held.append(event)
            return
        await super().on_event(event)

    def release_typed_ahead(self) -> None:
        """Answer the held keys, in order, after what the first screen does once painted (its
        after-refresh callbacks run before this one, which is queued after them)."""

        def release() -> None:
            self._released = True
            for key in self._typed_ahead or ():
                self.post_message(events.Key(key.key, key.character))
            self._typed_ahead = None

        self.call_after_refresh(release)
