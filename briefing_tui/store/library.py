"""One store per library: each briefing's validated content and its items in the search index,
refreshed incrementally.

A store is a folder holding ``manifest.sqlite3`` (:mod:`briefing_tui.store.manifest`), the
tantivy index in ``index/``, and ``store.lock``. :meth:`LibraryStore.refresh` compares every
briefing folder's identity (:mod:`briefing_tui.store.identity`) with the manifest and validates
only what changed; the index loses the changed folders' items and gets their new ones, so
changing one briefing of 10,000 re-indexes that one. The store is also keyed by the program's
version, the engine's schema version and the content schema version: any change rebuilds it.

Nothing in a store is trusted blindly: the index files' sizes and modification times are
recorded in the manifest in the transaction that follows each index commit, and every payload
has a checksum. Anything that does not match raises :class:`CorruptStore` (one line), and the
caller rebuilds (or, read-only, does without the store).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui import __version__
from briefing_tui.content.errors import UsageError
from briefing_tui.content.folders import briefing_folders
from briefing_tui.content.record import record
from briefing_tui.store.identity import folder_hash, folder_stat
from briefing_tui.store.location import library_root
from briefing_tui.store.manifest import MANIFEST, CorruptStore, Manifest, Row
from briefing_tui.store.opened import OpenStore, indexed_folders
from briefing_tui.store.sequence import sequence_numbers

if TYPE_CHECKING:
    import tantivy


INDEX = "index"
LOCK = "store.lock"
#: Progress callback: (briefings checked or validated so far, total).
Progress = Callable[[int, int], None]


#: The layout of the manifest and of its payloads (the plain data of content/snapshot.py):
#: raise it whenever either changes, so that stores written before are rebuilt, not misread.
STORE_FORMAT = 2  # 2: the listing table (the browser's list without reading briefings)


def versions() -> dict[str, str]:
    """What a store must have been written with to be read."""
    from briefing_tui.content.model import SCHEMA_VERSION as CONTENT_SCHEMA
    from briefing_tui.search.schema import SCHEMA_VERSION as ENGINE_SCHEMA

    return {
        "store_format": str(STORE_FORMAT),
        "program": __version__,
        "engine_schema": str(ENGINE_SCHEMA),
        "content_schema": str(CONTENT_SCHEMA),
    }


@record(frozen=False)
class Plan:
    """What a refresh has to do, from comparing the folders with the manifest."""

    folders: list[Path]
    heads: dict[str, Row]
    changed: list[str] = field(default_factory=list)
    touched: list[tuple[str, str, str]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def fresh(self) -> bool:
        """Nothing to validate or remove (touched files hold the same bytes)."""
        return not self.changed and not self.deleted


@record(frozen=False)
class RefreshReport:
    """What a refresh did, for ``briefing index``."""

    total: int
    validated: int
    removed: int
    touched: int
    broken: int
    rebuilt: bool


class LibraryStore:
    """The store of one library in ``directory``; ``writable=False`` never writes a byte."""

    def __init__(self, directory: Path, library: Path, writable: bool) -> None:
        self.directory = directory
        self.library = library_root(library)
        self.path = library
        self.writable = writable
        self.root = self.library
        #: The library as the last refresh left the store (for :meth:`open_refreshed`); its
        #: manifest rows are read there when ``_after_rows`` is False.
        self._after = Plan([], {})
        self._after_rows = True

    # -- locking and opening -------------------------------------------------------------------

    @contextmanager
    def _locked(self, exclusive: bool) -> Iterator[None]:
        """Writers exclude each other and readers; readers share (a read-only store's lock
        file, when present, is only opened for reading)."""
        path = self.directory / LOCK
        if exclusive:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        else:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                yield
                return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            yield
        finally:
            os.close(fd)

    def _manifest(self) -> Manifest:
        return Manifest(self.directory, self.writable)

    def _index_files(self) -> dict[str, list[int]]:
        """The index's live files (``meta.json`` and the files of the segments it lists),
        each with its size and mtime. Files of merged-away segments are left out: tantivy
        deletes them whenever a writer next collects garbage, which must not look like
        damage. Raises ValueError for a ``meta.json`` that cannot be read as tantivy's."""
        folder = self.directory / INDEX
        meta = json.loads((folder / "meta.json").read_bytes())
        live: set[str] = {"meta.json"}
        prefixes: list[str] = []
        for segment in meta["segments"]:
            prefix = str(segment["segment_id"]).replace("-", "")
            prefixes.append(prefix + ".")
            deletes = segment.get("deletes")
            if deletes:
                live.add(f"{prefix}.{deletes['opstamp']}.del")
        out = {}
        for entry in os.scandir(folder):
            name = entry.name
            keep = name in live or (
                name.startswith(tuple(prefixes)) and not name.endswith((".del", ".lock"))
            )
            if keep:
                info = entry.stat(follow_symlinks=False)
                out[name] = [info.st_size, info.st_mtime_ns]
        if live - set(out):
            raise ValueError("index files listed in meta.json are missing")
        return dict(sorted(out.items()))

    def _check_meta(self, meta: dict[str, str]) -> bool:
        """True when the store was written by this program for this library."""
        wanted = {**versions(), "library": str(self.library)}
        return all(meta.get(k) == v for k, v in wanted.items())

    def _open_index(self, meta: dict[str, str]) -> tantivy.Index:
        """The index, after checking that its files are the ones the manifest recorded."""
        import tantivy

        try:
            recorded = json.loads(meta.get("index_files", "null"))
            present = self._index_files()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CorruptStore(f"index unreadable ({exc})") from None
        if recorded != present:
            raise CorruptStore("index files do not match the manifest")
        try:
            return tantivy.Index.open(str(self.directory / INDEX))
        except (OSError, ValueError) as exc:
            raise CorruptStore(f"index unreadable ({exc})") from None

    # -- comparing -----------------------------------------------------------------------------

    def _folders(self) -> list[Path]:
        """The library's briefing folders; a path that holds none is a usage error, checked
        before anything is created."""
        folders = briefing_folders(self.path)
        if not folders:
            shown = f"{self.path}: no briefing found"
            raise UsageError(f"{shown} (a briefing folder holds briefing.toml)")
        return folders

    def _plan(self, manifest: Manifest | None, folders: list[Path] | None = None) -> Plan:
        folders = self._folders() if folders is None else folders
        heads = manifest.heads() if manifest is not None else {}
        plan = Plan(folders, heads)
        names = set()
        for folder in folders:
            name = folder.name
            names.add(name)
            row = heads.get(name)
            stat = folder_stat(folder)
            if row is not None and stat is not None and row.stat == stat:
                continue
            same = (
                row is not None
                and stat is not None
                and row.hash is not None
                and folder_hash(folder, self.root, stat) == row.hash
            )
            if same:
                assert row is not None and row.hash is not None and stat is not None
                plan.touched.append((name, stat, row.hash))
                continue
            plan.changed.append(name)
        plan.deleted = [n for n in heads if n not in names]
        return plan

    # -- reading a fresh store -------------------------------------------------------------------

    def open_refreshed(self) -> OpenStore:
        """The store as :meth:`refresh` just left it, opened for reading without comparing
        the library again. Raises CorruptStore."""
        plan = self._after
        with self._locked(exclusive=False):
            manifest = Manifest(self.directory, writable=False)
            if not self._after_rows:
                plan = self._after = Plan(plan.folders, manifest.heads())
                self._after_rows = True
            index = self._open_index(manifest.meta())
        return OpenStore(self, manifest, index, plan)

    def open_fresh(self, index: bool = True) -> OpenStore | None:
        """The store opened for reading if it is fresh; None if stale or missing. Raises
        CorruptStore (one line) for a store that cannot be trusted. ``index=False`` leaves
        the search index (and tantivy: ~9 MiB, ~10 ms) to :meth:`OpenStore.search_index`,
        which the browser calls after its first frame."""
        if not (self.directory / MANIFEST).is_file():
            return None
        with self._locked(exclusive=False):
            manifest = Manifest(self.directory, writable=False)
            meta = manifest.meta()
            if not self._check_meta(meta):
                manifest.close()
                return None
            plan = self._plan(manifest)
            if not plan.fresh:
                manifest.close()
                return None
            opened = self._open_index(meta) if index else None
        return OpenStore(self, manifest, opened, plan)

    def open_index_now(self, manifest: Manifest) -> tantivy.Index:
        """The index of a store opened without it (checked against the manifest as
        :meth:`open_fresh` checks it). Raises CorruptStore."""
        with self._locked(exclusive=False):
            return self._open_index(manifest.meta())

    # -- refreshing ------------------------------------------------------------------------------

    def wipe(self) -> None:
        """Remove what a store holds (only its own files)."""
        shutil.rmtree(self.directory / INDEX, ignore_errors=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            (self.directory / f"{MANIFEST}{suffix}").unlink(missing_ok=True)

    def refresh(self, progress: Progress | None = None) -> RefreshReport:
        """Bring the store up to date with the library. Raises CorruptStore when what is
        there cannot be trusted: the caller warns, :meth:`wipe`\\ s and calls again."""
        from briefing_tui.search import engine

        folders = self._folders()
        with self._locked(exclusive=True):
            manifest = Manifest(self.directory, writable=True)
            try:
                meta = manifest.meta()
                rebuilt = not self._check_meta(meta)
                if rebuilt:
                    manifest.close()
                    self.wipe()
                    manifest = Manifest(self.directory, writable=True)
                    meta = {}
                    (self.directory / INDEX).mkdir(parents=True, exist_ok=True)
                    index = engine.open_index(str(self.directory / INDEX))
                else:
                    index = self._open_index(meta)
                try:
                    return self._refresh(manifest, index, meta, rebuilt, progress, folders)
                except ValueError as exc:  # tantivy's way of saying an index is unusable
                    raise CorruptStore(f"index unusable ({exc})") from None
            finally:
                manifest.close()

    def _refresh(
        self,
        manifest: Manifest,
        index: tantivy.Index,
        meta: dict[str, str],
        rebuilt: bool,
        progress: Progress | None,
        folders: list[Path],
    ) -> RefreshReport:
        from briefing_tui.content.snapshot import from_plain
        from briefing_tui.search import engine
        from briefing_tui.search.index import add_briefing
        from briefing_tui.store.build import prepared

        plan = self._plan(manifest, folders)
        total = len(plan.folders)
        if plan.fresh and not plan.touched and not rebuilt:
            self._after, self._after_rows = plan, True  # nothing to write: every start
            indexed = indexed_folders(
                [f.name for f in plan.folders], {n: r.briefing_id for n, r in plan.heads.items()}
            )
            return RefreshReport(total, 0, 0, 0, total - len(indexed), False)
        names = [f.name for f in plan.folders]
        by_name = {f.name: f for f in plan.folders}
        seqs = sequence_numbers(plan, names)
        before = set(json.loads(meta.get("indexed", "[]")))
        ids = {n: r.briefing_id for n, r in plan.heads.items() if n not in plan.deleted}
        # Each briefing is indexed as soon as it comes back valid (from a worker process when
        # there are many: store/build.py) and its row written into the open transaction, so a
        # cold build holds a few briefings at a time, not the library.
        writer = engine.writer(index) if plan.changed or plan.deleted else None
        added: set[str] = set()
        manifest.begin()
        try:
            if writer is not None:
                for name in plan.changed:
                    if name in before:
                        writer.delete_documents_by_term("bkey", name)  # its previous items
            changed = [by_name[name] for name in plan.changed]
            with closing(prepared(changed, self.root, seqs)) as ready_ones:
                for done, ready in enumerate(ready_ones, 1):
                    assert writer is not None
                    name = ready.row.folder
                    if ready.valid:
                        add = writer.add_json
                        for document in ready.documents:
                            add(document)
                        added.add(name)
                    ids[name] = ready.row.briefing_id
                    manifest.put(ready.row)
                    manifest.put_listing(name, ready.listing)
                    if progress is not None:
                        progress(done, len(plan.changed))
            indexed = indexed_folders(names, ids)
            now = set(indexed)
            if writer is not None:
                # Removed folders, and folders whose id an earlier folder now holds.
                gone = (before & set(plan.deleted)) | (added - now)
                gone |= before - now - set(plan.changed)
                for name in gone:
                    writer.delete_documents_by_term("bkey", name)
                # Folders whose id was held by an earlier folder that changed or went.
                for name in (n for n in indexed if n not in added and n not in before):
                    [row] = manifest.payloads([name])
                    add_briefing(writer, from_plain(row.data()["briefing"]), seqs[name], name)
                writer.commit()
                writer.wait_merging_threads()
            meta = {
                **versions(),
                "library": str(self.library),
                "indexed": json.dumps(indexed),
                "index_files": json.dumps(self._index_files()),
            }
            manifest.finish(plan.deleted, plan.touched, meta)
        except BaseException:
            manifest.abort()
            raise
        # The rows as written are read back only if the store is opened next (open_refreshed
        # opens the manifest anyway): `briefing index` never needs them, 60-80 ms at 10,000.
        self._after, self._after_rows = Plan(plan.folders, {}), False
        broken = len(names) - len(indexed)
        return RefreshReport(
            total, len(plan.changed), len(plan.deleted), len(plan.touched), broken, rebuilt
        )
