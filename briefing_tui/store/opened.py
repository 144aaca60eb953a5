"""A fresh store opened for reading: its search index, and its briefings read back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.content.files import display_path
from briefing_tui.content.problems import BrokenBriefing, ContentError, Problem
from briefing_tui.store.manifest import CorruptStore

if TYPE_CHECKING:
    import tantivy

    from briefing_tui.content.model import Briefing
    from briefing_tui.search import SearchIndex
    from briefing_tui.store.library import LibraryStore, Plan
    from briefing_tui.store.manifest import Manifest


def indexed_folders(names: list[str], ids: dict[str, str | None]) -> list[str]:
    """Valid folders in reading order whose briefing id no earlier folder holds."""
    seen: set[str] = set()
    out = []
    for name in names:
        bid = ids.get(name)
        if bid is not None and bid not in seen:
            seen.add(bid)
            out.append(name)
    return out


class OpenStore:
    """A fresh store opened for reading: its search index and its briefings."""

    def __init__(
        self, store: LibraryStore, manifest: Manifest, index: tantivy.Index | None, plan: Plan
    ) -> None:
        self.store = store
        self.manifest = manifest
        self.index = index
        self.plan = plan
        self.names = [f.name for f in plan.folders]
        ids = {n: r.briefing_id for n, r in plan.heads.items()}
        self.indexed = indexed_folders(self.names, ids)

    def search_index(self) -> SearchIndex:
        """The search index, opened (not built). Raises CorruptStore when a store opened
        without its index finds it damaged now."""
        from briefing_tui.search import SearchIndex

        if self.index is None:
            self.index = self.store.open_index_now(self.manifest)
        heads = self.plan.heads
        positions = {heads[n].seq: i for i, n in enumerate(self.indexed)}
        return SearchIndex.open(self.index, positions)

    def broken_count(self) -> int:
        """Folders that are not searchable: broken, or a duplicate id."""
        return len(self.names) - len(self.indexed)

    def iter_library(self) -> Iterator[tuple[int, Briefing | BrokenBriefing]]:
        """What :func:`~briefing_tui.content.loader.iter_library` yields, read from the store."""
        from briefing_tui.content.snapshot import from_plain

        total = len(self.names)
        indexed = set(self.indexed)
        first: dict[str, str] = {}
        folders = {f.name: f for f in self.plan.folders}
        for row in self.manifest.payloads(self.names):
            folder = folders[row.folder]
            try:
                data = row.data()
            except CorruptStore:
                # A damaged row: that briefing is validated from its files instead (the
                # index was checked when the store was opened).
                data = self._validated(folder)
            if "problems" in data:
                problems = tuple(Problem(**p) for p in data["problems"])
                yield total, BrokenBriefing(data["folder"], problems)
            elif row.folder not in indexed:
                from briefing_tui.content.loader import duplicate  # rare: the loader on demand

                earlier = first[row.briefing_id]
                yield total, duplicate(folder, self.store.root, row.briefing_id, earlier)
            else:
                first[row.briefing_id] = display_path(folder)
                yield total, from_plain(data["briefing"])

    def _validated(self, folder: Path) -> dict[str, Any]:
        """A folder validated now, in the form a row holds it."""
        from briefing_tui.content.loader import load_briefing
        from briefing_tui.content.snapshot import to_plain

        try:
            return {"briefing": to_plain(load_briefing(folder, self.store.root))}
        except ContentError as exc:
            problems = [asdict(p) for p in exc.problems]
            return {"folder": display_path(folder), "problems": problems}
