"""The library store: a library's validated briefings and search index, kept on disk so that a
start at 10,000 briefings opens them instead of rebuilding them (issue #14).

Sits between the browser and the engine (``cli -> ui -> store -> search``); never imports
textual. :func:`open_store` is what the command line uses: the administrator's store beside the
library when it is fresh, else (outside secure mode) the user's own, refreshed as needed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing_tui.store.library import LibraryStore, OpenStore, Progress, RefreshReport
from briefing_tui.store.location import beside_library, in_cache
from briefing_tui.store.manifest import CorruptStore

__all__ = [
    "CorruptStore",
    "LibraryStore",
    "OpenStore",
    "Progress",
    "RefreshReport",
    "beside_library",
    "fresh_store",
    "in_cache",
    "open_store",
    "refresh_store",
]

#: Set to anything but "" or "0" to leave stores alone: validate and index in memory, as
#: before the store existed (for comparisons, and when a cache folder is unwanted).
NO_STORE_VAR = "BRIEFING_NO_STORE"


def refresh_store(
    store: LibraryStore, warn: Callable[[str], None], progress: Progress | None = None
) -> RefreshReport:
    """Refresh; a store that cannot be trusted is reported in one line, wiped and rebuilt."""
    try:
        return store.refresh(progress)
    except CorruptStore as exc:
        warn(f"briefing: warning: the store in {store.directory} is damaged ({exc}); rebuilding it")
        store.wipe()
        return store.refresh(progress)


def open_store(
    path: Path, secure: bool, warn: Callable[[str], None], progress: Progress | None = None
) -> OpenStore | None:
    """A fresh store of the library at ``path``, or None (then validate in memory).

    The administrator's store beside the library is used read-only when fresh. In secure mode
    nothing else is tried and nothing is written; otherwise the user's store in the cache
    folder is refreshed (only what changed is validated) and opened. Never raises for a
    store's sake: a damaged or unwritable store is one line through ``warn``.
    """
    import os

    if os.environ.get(NO_STORE_VAR, "") not in ("", "0"):
        return None
    beside = LibraryStore(beside_library(path), path, writable=False)
    try:
        opened = beside.open_fresh()
    except (CorruptStore, OSError) as exc:
        warn(f"briefing: warning: the store in {beside.directory} is not used ({exc})")
        opened = None
    if opened is not None or secure:
        return opened
    cache = LibraryStore(in_cache(path), path, writable=True)
    try:
        refresh_store(cache, warn, progress)
        return cache.open_refreshed()
    except (CorruptStore, OSError) as exc:
        warn(f"briefing: warning: the store in {cache.directory} is not used ({exc})")
        return None


def fresh_store(
    path: Path, secure: bool, warn: Callable[[str], None], index: bool = True
) -> OpenStore | None:
    """A store of the library that is fresh now, without refreshing anything: the
    administrator's, else (outside secure mode) the user's. For the browser, which must not
    wait for a refresh before its first frame (nor, with ``index=False``, for tantivy: the
    index is then opened by :meth:`OpenStore.search_index`, after the first frame)."""
    import os

    if os.environ.get(NO_STORE_VAR, "") not in ("", "0"):
        return None
    stores = [LibraryStore(beside_library(path), path, writable=False)]
    if not secure:
        stores.append(LibraryStore(in_cache(path), path, writable=True))
    for store in stores:
        try:
            opened = store.open_fresh(index)
        except (CorruptStore, OSError) as exc:
            warn(f"briefing: warning: the store in {store.directory} is not used ({exc})")
            continue
        if opened is not None:
            return opened
    return None
