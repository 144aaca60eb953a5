"""Cyclic garbage collection paused while the browser starts, resumed after its first frame.

Start-up creates ~110,000 objects that live as long as the process (modules, classes, pydantic
validators, widgets, styles). The collector's passes over them while they are being created
cost ~36 ms of the first frame on the bundled briefing (start-up benchmark, A/B). Once the
first frame is on screen they are frozen (``gc.freeze``): later passes, such as those during
the index build, no longer rescan them. The price is that the few thousand garbage objects
start-up leaves behind (~0.7 MiB measured) are never freed.
"""

from __future__ import annotations

import gc

_paused = False


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
