"""Full garbage collections while the analyst pauses, not in the middle of a key.

``gcpolicy.defer_full`` keeps the cyclic collector's full passes (30-80 ms each) from running
during keys; this mixin runs them once no key or click has come for :data:`IDLE_COLLECT`
seconds. One one-shot timer is armed by the input, not an app-wide interval: an interval held
a panic's report back until the event loop itself closed.
"""

from __future__ import annotations

import time

from textual import events
from textual.app import App
from textual.timer import Timer

from briefing_tui import gcpolicy

#: Seconds without a key before a full garbage collection may run.
IDLE_COLLECT = 1.0


class IdleCollectMixin(App[None]):
    """Runs ``gcpolicy.collect_idle`` 1-2 s after the last key or click."""

    _last_input = 0.0
    _armed = 0.0
    _idle_timer: Timer | None = None

    def _collect_idle(self) -> None:
        if time.monotonic() - self._last_input >= IDLE_COLLECT:
            gcpolicy.collect_idle()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseEvent):
            self._last_input = time.monotonic()
            # Re-armed at most once a second, so a burst of keys makes one timer, not many.
            if self._idle_timer is None or self._last_input - self._armed >= IDLE_COLLECT:
                if self._idle_timer is not None:
                    self._idle_timer.stop()
                self._armed = self._last_input
                self._idle_timer = self.set_timer(2 * IDLE_COLLECT, self._collect_idle)
        await super().on_event(event)
