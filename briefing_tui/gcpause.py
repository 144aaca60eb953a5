"""Cyclic garbage collection paused while the browser starts and while workers build in bulk.

Start-up creates ~110,000 objects that live as long as the process (modules, classes, pydantic
validators, widgets, styles). The collector's passes over them while they are being created
cost ~36 ms of the first frame on the bundled briefing (start-up benchmark, A/B). Once the
first frame is on screen they are frozen (``gc.freeze``): later passes, such as those during
the index build, no longer rescan them. The price is that the few thousand garbage objects
start-up leaves behind (~0.7 MiB measured) are never freed.

:func:`bulk` does the same for a worker that builds many long-lived objects: loading a library
and indexing it create no cyclic garbage (counted with ``gc.DEBUG_SAVEALL``), yet with
collection on, loading 1,000 briefings spent a third of its 3.4 s in full passes, and the index
build ended in a 0.5 s full pass that held the GIL while the UI waited.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_paused = False
_lock = threading.Lock()
_bulk_depth = 0
_bulk_disabled = False


def pause() -> None:
    """Stop automatic collection until :func:`resume`; a no-op if it is already off."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up built and collect again; a no-op unless :func:`pause` stopped it.

    Safe to call more than once: the first frame calls it, and so does the exit path in case
    the first frame never came.
    """
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


@contextmanager
def bulk() -> Iterator[None]:
    """Collection off while the block builds; then freeze what it built and collect again.

    Nests and may be entered from several threads: collection comes back when the last block
    ends. The price is that cyclic garbage made elsewhere meanwhile (the UI, for a few
    seconds) is frozen with the rest and never freed.
    """
    global _bulk_depth, _bulk_disabled
    with _lock:
        if _bulk_depth == 0 and gc.isenabled():
            gc.disable()
            _bulk_disabled = True
        _bulk_depth += 1
    try:
        yield
    finally:
        with _lock:
            _bulk_depth -= 1
            if _bulk_depth == 0:
                gc.freeze()
                if _bulk_disabled:
                    _bulk_disabled = False
                    gc.enable()
