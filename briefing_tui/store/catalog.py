"""A library of many briefings listed from its store: the browser's first frame without
reading 10,000 briefings, nor checking 10,000 folders first.

Before the first frame the browser reads only the list entries of the first page
(:class:`Entry`, one small manifest row each). Everything else happens after it, in workers:
the freshness check (a ``stat`` of every content file: ~1 s at 10,000 briefings), the rest of
the list, and the search index, opened when search is first used (as the list is, without
waiting for the check). A briefing is read from the
store only when it is opened, and only after its own folder is seen unchanged; a library found
changed is refreshed (or, read-only, validated in memory) and the list replaced.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.content.record import record
from briefing_tui.store.identity import folder_stat
from briefing_tui.store.manifest import CorruptStore, Manifest
from briefing_tui.store.opened import indexed_folders

if TYPE_CHECKING:
    from briefing_tui.content.model import Briefing
    from briefing_tui.search import SearchIndex
    from briefing_tui.store.library import LibraryStore
    from briefing_tui.store.opened import OpenStore

#: Briefings read back and kept, so going back and forth between a few costs nothing; the rest
#: are read again when opened (a few milliseconds each).
KEPT = 16


def listing_of(briefing: Briefing) -> dict[str, Any]:
    """The list entry a store keeps for a valid briefing (plain data)."""
    return {
        "id": briefing.id,
        "title": briefing.title,
        "language": briefing.language,
        "start": briefing.start.isoformat(),
        "end": briefing.end.isoformat() if briefing.end is not None else None,
        "summary": briefing.summary,
        "tags": list(briefing.tags),
    }


@record
class Entry:
    """What the library's list shows of a briefing: the attributes it reads of one, so the
    list takes either."""

    id: str
    title: str
    language: str
    start: dt.date
    end: dt.date | None
    summary: str
    tags: tuple[str, ...]

    @classmethod
    def from_listing(cls, data: Mapping[str, Any]) -> Entry:
        end = data["end"]
        return cls(
            data["id"],
            data["title"],
            data["language"],
            dt.date.fromisoformat(data["start"]),
            dt.date.fromisoformat(end) if end is not None else None,
            data["summary"],
            tuple(data["tags"]),
        )


class Catalog:
    """A store's library, listed before it is checked. Thread-safe: the UI reads entries and
    briefings while a worker checks the folders."""

    def __init__(self, store: LibraryStore, manifest: Manifest, indexed: list[str]) -> None:
        self.store = store
        self.manifest = manifest
        #: Valid, searchable folders in reading order (as the store last wrote them).
        self.folders = indexed
        self._lock = threading.Lock()
        self._ids: dict[str, str] = {}
        self._kept: OrderedDict[str, Briefing] = OrderedDict()

    @classmethod
    def of(cls, opened: OpenStore) -> Catalog:
        """A store just refreshed and opened."""
        return cls(opened.store, opened.manifest, list(opened.indexed))

    @property
    def total(self) -> int:
        return len(self.folders)

    def entries(self, start: int = 0, stop: int | None = None) -> list[Entry]:
        """List entries of folders ``start:stop`` in reading order. Raises CorruptStore."""
        folders = self.folders[start:stop]
        with self._lock:
            rows = self.manifest.listing(folders)
        if len(rows) != len(folders):
            raise CorruptStore("manifest listing incomplete")
        out = []
        for folder in folders:
            entry = Entry.from_listing(rows[folder])
            self._ids[entry.id] = folder
            out.append(entry)
        return out

    def ids(self) -> list[str]:
        """The ids listed so far."""
        return list(self._ids)

    def briefing(self, briefing_id: str) -> Briefing:
        """A listed briefing, read from the store (KeyError for an id not listed). A folder
        changed since the store was written is validated from its files instead."""
        with self._lock:
            kept = self._kept.get(briefing_id)
            if kept is not None:
                self._kept.move_to_end(briefing_id)
                return kept
            folder = self._ids[briefing_id]
            [row] = self.manifest.payloads([folder])
        path = self.store.library / folder
        briefing = None
        if folder_stat(path) == row.stat:
            try:
                from briefing_tui.content.snapshot import from_plain

                briefing = from_plain(row.data()["briefing"])
            except (CorruptStore, KeyError):
                briefing = None
        if briefing is None or briefing.id != briefing_id:
            from briefing_tui.content.loader import load_briefing

            briefing = load_briefing(path, self.store.root)  # ContentError: it broke
            if briefing.id != briefing_id:
                raise KeyError(briefing_id)
        with self._lock:
            self._kept[briefing_id] = briefing
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        return briefing

    def check(self) -> bool:
        """Whether every folder of the library is as the store has it (the freshness check,
        ~1 s at 10,000 briefings: run it in a worker)."""
        with self._lock:
            plan = self.store._plan(self.manifest)
        if not plan.fresh:
            return False
        names = [f.name for f in plan.folders]
        return indexed_folders(names, {n: r.briefing_id for n, r in plan.heads.items()}) == (
            self.folders
        )

    def search_index(self) -> SearchIndex:
        """The store's index, as the list is: before the check (search is usable while the
        folders are being checked; a library found changed gets a refreshed store's index).
        Raises CorruptStore."""
        from briefing_tui.search import SearchIndex

        with self._lock:
            heads = self.manifest.heads()
            index = self.store.open_index_now(self.manifest)
        try:
            positions = {heads[n].seq: i for i, n in enumerate(self.folders)}
        except KeyError:
            raise CorruptStore("manifest rows do not match its listing") from None
        return SearchIndex.open(index, positions)


class LazyBriefings(Mapping[str, "Briefing"]):
    """The app's briefings by id, read from a catalog when asked for."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def __getitem__(self, briefing_id: str) -> Briefing:
        return self.catalog.briefing(briefing_id)

    def __contains__(self, briefing_id: object) -> bool:
        return briefing_id in self.catalog._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.catalog.ids())

    def __len__(self) -> int:
        return len(self.catalog._ids)


def open_catalog(path: Path, secure: bool) -> Catalog | None:
    """The library at ``path`` listed from a store written by this program for it (the
    administrator's, else outside secure mode the user's), unchecked; None when ``path`` is
    one briefing, or no such store is there. Raises CorruptStore (or OSError)."""
    import json

    from briefing_tui.store.library import LibraryStore
    from briefing_tui.store.location import beside_library, in_cache, library_root

    root = library_root(path)
    if (root / "briefing.toml").exists():
        return None
    stores = [LibraryStore(beside_library(path), path, writable=False)]
    if not secure:
        stores.append(LibraryStore(in_cache(path), path, writable=True))
    for store in stores:
        manifest_path = store.directory / "manifest.sqlite3"
        if not manifest_path.is_file():
            continue
        manifest = Manifest(store.directory, writable=False)
        meta = manifest.meta()
        if not store._check_meta(meta):
            manifest.close()
            continue
        try:
            indexed = json.loads(meta.get("indexed", "[]"))
        except ValueError:
            raise CorruptStore("manifest meta unreadable") from None
        if not isinstance(indexed, list) or len(indexed) < 2:
            manifest.close()
            return None  # one valid briefing: the plain path opens it directly
        return Catalog(store, manifest, [str(n) for n in indexed])
    return None
