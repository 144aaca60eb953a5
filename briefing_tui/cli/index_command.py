"""``briefing index [PATH] [--cache]``: build or refresh a library's store.

Without ``--cache`` the store goes beside the library (``PATH/.briefing-store``), where a
secure session finds it (it writes nothing of its own): the administrator runs this after
changing the library. With ``--cache`` it refreshes the user's own store, the one ``briefing``
and ``briefing search`` keep up to date by themselves.

A progress bar (rich.progress) is drawn on stderr when stderr is a terminal; otherwise the
output is one summary line on stdout. Exit status: 0 when every briefing is searchable, 1 when
some have problems (they are left out; ``briefing validate`` lists them), 2 for a bad path or
a store that cannot be written.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.cli.exitcodes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:  # the store brings the loader and pydantic: imported when the command runs
    from briefing_tui.store import Progress


def add_index_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "index",
        help="build or refresh the library's store (validated briefings + search index)",
        description="Build or refresh the store of a library: its validated briefings and "
        "search index, so that `briefing` and `briefing search` open them instead of "
        "rebuilding them. Only briefings whose files changed are validated again.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a briefing folder or a folder of briefings (default: the bundled briefing)",
    )
    parser.add_argument(
        "--cache",
        action="store_true",
        help="refresh your own store in the cache folder instead of the one beside the "
        "library (which secure sessions read)",
    )


def index_command(ns: argparse.Namespace) -> int:
    from briefing_tui.content.files import os_reason
    from briefing_tui.content.loader import bundled_content_path
    from briefing_tui.store import LibraryStore, beside_library, in_cache, refresh_store

    path: Path = ns.path if ns.path is not None else bundled_content_path()
    directory = in_cache(path) if ns.cache else beside_library(path)
    store = LibraryStore(directory, path, writable=True)

    def warn(line: str) -> None:
        print(line, file=sys.stderr)

    try:
        with _progress() as progress:
            report = refresh_store(store, warn, progress)
        if not ns.cache:
            _share(directory)
    except OSError as exc:
        print(f"briefing: cannot write the store in {directory}: {os_reason(exc)}", file=sys.stderr)
        return EXIT_USAGE
    searchable = report.total - report.broken
    print(
        f"ok: {searchable} of {report.total} briefings searchable; validated {report.validated}, "
        f"removed {report.removed}, unchanged {report.total - report.validated}"
        f"{' (store rebuilt)' if report.rebuilt else ''}; store: {directory}"
    )
    if report.broken:
        print(
            f"briefing: warning: {report.broken} briefing(s) with problems are left out "
            "(see `briefing validate`)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


@contextmanager
def _progress() -> Iterator[Progress | None]:
    """A rich progress bar on a terminal's stderr; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "validating and indexing",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("index", total=None)

    def advance(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield advance


def _share(directory: Path) -> None:
    """Make the store readable by other accounts (the analysts' in secure mode): files 0644,
    folders 0755, and tantivy's read lock 0666, since opening an index takes that lock even to
    read (nothing is written into it)."""
    for folder, _dirs, files in os.walk(directory):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    from briefing_tui.store.library import INDEX

    lock = directory / INDEX / ".tantivy-meta.lock"
    if lock.exists() and stat.S_ISREG(lock.lstat().st_mode):
        os.chmod(lock, 0o666)
