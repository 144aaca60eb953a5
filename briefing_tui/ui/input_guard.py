"""Bounds on what the terminal can make the app do: its size, and events waiting to be handled.

Kept free of textual so the limits can be unit-tested and read on their own.

Why these numbers: at 500x200 the bundled briefing peaked at 69 MiB (a 65535x65535
window took the app to 2.75 GB before it stopped answering); 500 columns is wider than any
readable line and 200 rows taller than any screen in use. A backlog of 32 input events is a few
hundred milliseconds of handling at most, so ctrl+q, queued behind it, still answers within a
second; a human typing or holding a key never comes close to it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: The largest size the app lays out at; a larger terminal shows the app at this size.
MAX_WIDTH, MAX_HEIGHT = 500, 200

#: Input events sent to the app and not yet handled by it, beyond which new ones are dropped.
MAX_PENDING = 32

#: Keys that always pass the gate, so that quitting always gets through.
URGENT_KEYS = frozenset({"ctrl+q"})


def clamp_size(width: int, height: int) -> tuple[int, int]:
    """``width`` x ``height`` limited to 1..MAX in each direction (0 or negative becomes 1)."""
    return max(1, min(int(width), MAX_WIDTH)), max(1, min(int(height), MAX_HEIGHT))


class InputGate:
    """Counts events between the input thread and the app; refuses new ones when too many wait.

    The input thread calls :meth:`admit`; the app calls :meth:`handled` once it has dispatched
    an admitted message. The app hands keys on to the screen and the focused widget, each with a
    queue of its own, so ``backlog`` (when given) reports what waits there and counts too: with
    the app's queue alone bounded, 48 KB of ``j`` still piled up in the reader's queue.

    Dropped events are counted and ``on_drop`` is told once per flood (the first drop after the
    gate was last clear), so the user learns keys were lost. Urgent keys (ctrl+q) always pass:
    dropping the one ctrl+q typed into a flood would leave the session unable to quit.
    """

    def __init__(
        self,
        on_drop: Callable[[int], None] | None = None,
        backlog: Callable[[], int] | None = None,
    ) -> None:
        self._lock = threading.Lock()
        self._backlog = backlog
        self._pending: set[int] = set()
        self._flooding = False
        self.dropped = 0
        self._on_drop = on_drop

    @property
    def pending(self) -> int:
        return len(self._pending)

    def admit(self, message: object) -> bool:
        """True to send ``message`` on; False to drop it (the gate is full)."""
        urgent = getattr(message, "key", None) in URGENT_KEYS
        with self._lock:
            if not self._full() or urgent:
                self._pending.add(id(message))
                return True
        self.refuse(1)
        return False

    def full(self) -> bool:
        """Whether an event other than an urgent key would be dropped now."""
        with self._lock:
            return self._full()

    def refuse(self, count: int) -> None:
        """Count ``count`` events as dropped without looking at them: the input thread drops
        a flood's plain keys a chunk at a time while the gate is full (``SafeDriver``)."""
        if count <= 0:
            return
        with self._lock:
            self.dropped += count
            first = not self._flooding
            self._flooding = True
        if first and self._on_drop is not None:
            self._on_drop(self.dropped)

    def _full(self) -> bool:
        waiting = len(self._pending) + (self._backlog() if self._backlog else 0)
        return waiting >= MAX_PENDING

    def handled(self, message: object) -> None:
        """The app has dispatched ``message``: free its place (no-op for messages not admitted)."""
        with self._lock:
            self._pending.discard(id(message))
            if not self._pending:
                self._flooding = False
