"""Cyclic garbage collection paused while the browser starts and while workers build in bulk.

Start-up creates ~110,000 objects that live as long as the process (modules, classes, pydantic
validators, widgets, styles). The collector's passes over them while they are being created
cost ~36 ms of the first frame on the bundled briefing (start-up benchmark, A/B). Once the
first frame is on screen they are frozen (``gc.freeze``): later passes, such as those during
the index build, no longer rescan them.

:func:`bulk` does the same for a worker that builds many long-lived objects: loading a library
and indexing it create no cyclic garbage (counted with ``gc.DEBUG_SAVEALL``), yet with
collection on, loading 1,000 briefings spent a third of its 3.4 s in full passes, and the index
build ended in a 0.4-0.5 s full pass that held the GIL while the UI waited.

The price of freezing: the cyclic collector never again looks at what was alive at that moment,
so what later becomes cyclic garbage among it stays in memory. That is the few thousand objects
of garbage start-up leaves behind (~0.7 MiB, counted with ``gc.DEBUG_SAVEALL``), any cyclic
garbage the UI makes during a bulk build, and a screen open at a freeze and closed later (a
briefing opened from the picker while the library still loads, the loading screen). Each is a
one-off, bounded by what was on screen; screens opened afterwards are freed as usual.
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
    with _lock:
        if gc.isenabled():
            gc.disable()
            _paused = True


def resume() -> None:
    """Freeze what start-up built and collect again; a no-op unless :func:`pause` stopped it.

    Safe to call more than once: the first frame calls it, and so does the exit path in case
    the first frame never came.
    """
    global _paused, _bulk_disabled
    with _lock:
        if not _paused:
            return
        _paused = False
        gc.freeze()
        if _bulk_depth:
            _bulk_disabled = True  # a bulk block is building: the last one to end enables
        else:
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


def freeze() -> None:
    """Hide everything alive now from the collector: for a UI that has just built what it keeps.

    The browser builds its hidden tabs after the first frame; left unfrozen, their widgets,
    styles and caches were rescanned by every full collection, ~50-80 ms that landed on
    whichever key happened to trigger one (benchmarks/keys). No pause first: the tabs are
    built across many event-loop turns, between which keys must still be answered.
    """
    gc.freeze()


#: The oldest generation's threshold while full collections wait for an idle moment (Python's
#: default is 10): keys pressed without a pause still get a full collection every 100 passes
#: of the middle generation (a few dozen tab switches), so memory stays bounded.
DEFERRED = 100


def defer_full() -> None:
    """Leave full collections to :func:`collect_idle`; young collections run as before.

    The strips Textual keeps for repainting (each with its own small caches: ~22,000 cache
    objects after four tab switches) survive into the oldest generation, and the automatic
    full pass over them took 30-80 ms of whichever key set it off; every twentieth key or so,
    mostly tab switches (benchmarks/keys, gc callbacks in the real process). They now run
    after a pause, or 10x less often while keys keep coming. Refcounting still frees
    everything that is not cyclic as soon as it is dropped.
    """
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, DEFERRED)


def collect_idle() -> None:
    """The full collection :func:`defer_full` put off, if anything reached the oldest
    generation since the last one; for when the user is not pressing keys."""
    if gc.isenabled() and gc.get_count()[2]:
        gc.collect()
