"""Content files watched for changes, for ``briefing PATH --watch`` and ``validate --watch``.

watchfiles (the OS's notification API through a maintained Rust core) does the watching, so
nothing here polls; a burst of writes (an editor saving several files, or writing a temporary
file and renaming it) arrives as one batch after a short debounce.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

from briefing_tui.content.loader import load_library
from briefing_tui.content.problems import LoadResult

#: Milliseconds a burst of writes is gathered for before one reload: well under the second an
#: author waits for, and long enough for an editor's write-then-rename to land as one change.
DEBOUNCE_MS = 150
#: How often the watcher looks at the stop event, in milliseconds.
STEP_MS = 50
#: After this long without a change watchfiles reports an empty batch; the first one tells us
#: the watch is in place (so an edit made from then on is never missed).
QUIET_MS = 500


def is_content(change: object, path: str) -> bool:
    """The content files count (not an editor's swap or backup files), and a folder that
    appears: a briefing copied or moved into the library. The files of a folder moved in
    report nothing, and those of one copied in may be written before the folder is watched
    (a copied briefing went unlisted now and then)."""
    import watchfiles

    return path.endswith(".toml") or (change == watchfiles.Change.added and os.path.isdir(path))


def changes(path: Path, stop: threading.Event) -> Iterator[list[str]]:
    """The changed content files under ``path``, one batch at a time, until ``stop`` is set.

    The first batch is empty: it says the watch is in place. Later quiet spells are skipped.
    """
    import watchfiles

    ready = False
    for batch in watchfiles.watch(
        path,
        watch_filter=is_content,
        debounce=DEBOUNCE_MS,
        step=STEP_MS,
        rust_timeout=QUIET_MS,
        yield_on_timeout=True,
        stop_event=stop,
        raise_interrupt=True,
    ):
        if batch or not ready:
            ready = True
            yield sorted({changed for _change, changed in batch})


def reloads(path: Path, stop: threading.Event) -> Iterator[LoadResult]:
    """The library at ``path`` loaded again after each batch of changes."""
    for batch in changes(path, stop):
        if batch:
            yield load_library(path)
