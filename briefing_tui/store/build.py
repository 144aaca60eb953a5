"""Validating and cutting briefings into index documents for a refresh, in worker processes
when there are many.

A cold build is CPU work per briefing (read and hash the files, parse TOML, validate, cut the
briefing into search items, fold and split their words, pack the plain data): ~10 ms each,
100 s for 10,000 briefings on one core. Briefings are independent, so
:func:`prepared` spreads them over a process pool (the GIL keeps threads from helping) and
hands them back in order; the one process that owns the tantivy writer and the manifest's
transaction only adds what comes back, and feeds the progress bar as it does. Each briefing
crosses the process boundary as plain data (strings, bytes, numbers): its manifest row and
its documents as JSON for tantivy (``search.engine.item_json``).

A few briefings (the usual incremental refresh) are prepared in the process itself: starting a
worker (a fresh interpreter importing pydantic) costs more than validating a dozen.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from briefing_tui.content.files import display_path
from briefing_tui.content.problems import ContentError
from briefing_tui.content.record import record
from briefing_tui.store.catalog import listing_of
from briefing_tui.store.identity import folder_hash, folder_stat
from briefing_tui.store.manifest import Row, pack, pack_json

#: Below this many briefings to validate, no pool is started.
POOL_MIN = 200
#: Briefings handed to a worker at a time (fewer round trips, still a smooth progress bar).
CHUNK = 8
#: Set to a number to choose how many worker processes a big refresh uses (1: none).
JOBS_VAR = "BRIEFING_INDEX_JOBS"


@record(slots=True)
class Prepared:
    """One briefing folder, ready to be written: its manifest row and, when valid, its
    index documents (tantivy JSON documents, in reading order)."""

    row: Row
    documents: list[str]
    #: The briefing's entry in the library's list (``catalog.listing_of``); None if invalid.
    listing: dict[str, Any] | None = None

    @property
    def valid(self) -> bool:
        return self.row.briefing_id is not None


def prepare(folder: Path, root: Path, seq: int) -> Prepared:
    """Identity, validation, plain data and index documents of one folder (any process)."""
    from briefing_tui.content.loader import load_briefing
    from briefing_tui.content.model import Briefing
    from briefing_tui.content.validation import dump_json

    name = folder.name
    stat = folder_stat(folder)
    read: dict[str, bytes] = {}
    digest = folder_hash(folder, root, stat, read) if stat is not None else None
    try:
        briefing = load_briefing(folder, root, read)
    except ContentError as exc:
        problems = [asdict(p) for p in exc.problems]
        data = {"folder": display_path(folder), "problems": problems}
        return Prepared(Row(name, seq, stat, digest, None, *pack(data)), [])
    # What pack({"briefing": to_plain(briefing)}) writes, through pydantic-core (validating
    # imported it already): 0.5 ms a briefing less.
    payload = pack_json(b'{"briefing":' + dump_json(Briefing, briefing) + b"}")
    documents = briefing_documents(briefing, seq, name)
    row = Row(name, seq, stat, digest, briefing.id, *payload)
    return Prepared(row, documents, listing_of(briefing))


def briefing_documents(briefing: Any, seq: int, bkey: str) -> list[str]:
    """One briefing's items as tantivy JSON documents (``IndexWriter.add_json``), numbered
    from ``seq``'s order keys: what :func:`~briefing_tui.search.index.add_briefing` writes."""
    from briefing_tui.search import engine
    from briefing_tui.search.documents import briefing_docs
    from briefing_tui.search.filters import FilterKeys

    keys = FilterKeys(briefing)
    docs = list(briefing_docs(briefing))
    language = briefing.language
    return [
        engine.item_json(doc, order, bkey, keys.keys(doc, cited, section_id), language)
        for order, (doc, cited, section_id) in zip(
            engine.iter_orders(seq, len(docs)), docs, strict=True
        )
    ]


def jobs() -> int:
    """Worker processes for a big refresh: ``BRIEFING_INDEX_JOBS``, else one per CPU this
    process may use."""
    wanted = os.environ.get(JOBS_VAR, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def prepared(folders: list[Path], root: Path, seqs: dict[str, int]) -> Iterator[Prepared]:
    """Every folder prepared, in the order given; in worker processes when they are many.
    Close the iterator (``contextlib.closing``) to stop early."""
    workers = min(jobs(), len(folders) // CHUNK + 1)
    if len(folders) < POOL_MIN or workers < 2:
        for folder in folders:
            yield prepare(folder, root, seqs[folder.name])
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # "spawn", not fork: the parent may hold threads (a progress bar's, tantivy's, a UI's)
    # whose locks a forked child would inherit held.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start)
    done = 0
    try:
        args = ((f, root, seqs[f.name]) for f in folders)
        try:
            results = pool.map(_prepare_args, args, chunksize=CHUNK)
        except OSError:  # no process could be started (a process limit): all done here
            results = iter(())
        for ready in results:
            yield ready
            done += 1
    except BrokenProcessPool:
        # A worker died (killed for memory, or a host script that starts a pool again when
        # re-imported): the rest is prepared here, more slowly but the same.
        pass
    finally:
        # A refresh that stops early (an error, ctrl+c) does not wait for the rest.
        pool.shutdown(wait=True, cancel_futures=True)
    for folder in folders[done:]:
        yield prepare(folder, root, seqs[folder.name])


def _prepare_args(args: tuple[Path, Path, int]) -> Prepared:
    return prepare(*args)


def _worker_start() -> None:
    """Quiet, then import what every briefing needs once, and keep the collector off what was
    imported (validating creates no cyclic garbage worth its full passes: see gcpolicy).

    A worker shares the terminal of the process that started it, which may be the browser's:
    it writes nothing there (its errors reach the parent as exceptions; a crash breaks the
    pool, and the parent carries on alone), and ctrl+c is the parent's to handle (it stops
    the pool), not a traceback per worker.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    import briefing_tui.content.loader
    import briefing_tui.search.filters  # noqa: F401

    gc.collect()
    gc.freeze()
