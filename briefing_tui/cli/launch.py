"""Starting the browser from the command line: checks that must pass before Textual loads."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.cli.exitcodes import EXIT_USAGE
from briefing_tui.content.folders import bundled_content_path
from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.i18n import ui_language
from briefing_tui.ui.lockdown import neutralise_textual_constants, scrub_environment

if TYPE_CHECKING:  # the app (and textual) load only after the environment is scrubbed
    from briefing_tui.content.model import Briefing, Library
    from briefing_tui.content.problems import BrokenBriefing
    from briefing_tui.search import SearchIndex
    from briefing_tui.state.analyst import AnalystState
    from briefing_tui.store import OpenStore
    from briefing_tui.ui.app import IndexSource, Loader
    from briefing_tui.ui.listed import Listed

WATCH_IN_SECURE = (
    "briefing: --watch is not available in secure mode (it is for authors editing content)"
)

NOT_A_TERMINAL = (
    "briefing: the browser needs a terminal on stdin, stdout and stderr; "
    "for scripts use `briefing export` or `briefing search`"
)


def secure_requested(ns: argparse.Namespace) -> bool:
    """Either switch turns secure mode on; nothing turns it off."""
    return bool(ns.secure) or os.environ.get("BRIEFING_SECURE", "") not in ("", "0")


#: List entries read before the first frame when a library is listed from its store: more than
#: an 80x24 screen holds (3 lines each); the rest is listed after the first frame.
FIRST_PAGE = 12


def open_library(
    path: Path, secure: bool = False, warnings: list[str] | None = None, listed: bool = False
) -> tuple[LoadResult | Loader | Listed, IndexSource | None, bool]:
    """What the app is given: a loaded library, or the rest of one still to validate; where
    its search index comes from (None: the app builds it in memory); and whether that source
    can open the index before the library is read (a fresh store's can).

    A fresh store (:mod:`briefing_tui.store`) gives both: briefings read back instead of
    validated, an index opened instead of built. Otherwise the library validates as before,
    and outside secure mode the app's index worker refreshes the user's store and opens it,
    so the next start is fast. A bad path is a usage error here, before any screen appears.
    The first briefing is read now (a few milliseconds) so that the first frame can show it.

    ``listed``: a library of several briefings with a store written for it is listed from
    the store as it stands (:class:`~briefing_tui.ui.listed.Listed`); the app checks it
    after the first frame (checking 10,000 folders takes ~1 s) and reads briefings as they
    are opened. Not for ``--goto`` (which searches every briefing) or ``--watch``.
    """
    from briefing_tui.store import fresh_store

    notes = warnings if warnings is not None else []
    if listed:
        found = _listed(path, secure, notes)
        if found is not None:
            return found, None, True
    # The index (and tantivy) opens in the app's index worker, after the first frame.
    opened = fresh_store(path, secure, notes.append, index=False)
    index_source: IndexSource | None
    if opened is not None:
        stream = opened.iter_library()
        index_source = _from_store(opened, path, secure, notes)
    else:
        stream = iter_library(path)
        index_source = None if secure else _refreshing(path, notes)
    return _first_then_rest(stream), index_source, opened is not None


def _listed(path: Path, secure: bool, warnings: list[str]) -> Listed | None:
    from briefing_tui.store import CorruptStore
    from briefing_tui.store.catalog import Catalog, open_catalog
    from briefing_tui.ui.listed import Listed

    try:
        catalog = open_catalog(path, secure)
        if catalog is None:
            return None
        first = catalog.entries(0, FIRST_PAGE)
    except (CorruptStore, OSError) as exc:
        warnings.append(f"briefing: warning: a store of {path} is not used ({exc})")
        return None

    def stale() -> Catalog | Loader:
        """The library changed since its store was written: refresh the user's store (not
        in secure mode), else validate in memory."""
        from briefing_tui.store import open_store

        opened = None if secure else open_store(path, False, warnings.append)
        if opened is not None:
            return Catalog.of(opened)
        return lambda: iter_library(path)

    return Listed(catalog, first, stale)


def _from_store(opened: OpenStore, path: Path, secure: bool, warnings: list[str]) -> IndexSource:
    """A fresh store's index, opened in the app's index worker. Should it turn out damaged
    (checked when opened), the app calls again with the loaded library: outside secure mode
    the user's store is then refreshed (rebuilt) and opened; in secure mode, or when that
    fails too, the index is built in memory."""

    def source(library: Library | None) -> SearchIndex:
        from briefing_tui.store import CorruptStore

        if library is None:
            try:
                return opened.search_index()
            except CorruptStore as exc:
                directory = opened.store.directory
                warnings.append(f"briefing: warning: the store in {directory} is not used ({exc})")
                raise
        if secure:
            from briefing_tui.search import SearchIndex

            return SearchIndex.build(library)
        return _refreshing(path, warnings)(library)

    return source


def _refreshing(path: Path, warnings: list[str]) -> IndexSource:
    """An index source that refreshes the user's store (in the app's index worker)."""

    def source(library: Library | None) -> SearchIndex:
        from briefing_tui.search import SearchIndex
        from briefing_tui.store import open_store

        opened = open_store(path, False, warnings.append)
        if opened is None:
            assert library is not None  # this source runs after the load
            return SearchIndex.build(library)
        return opened.search_index()

    return source


def iter_library(path: Path) -> Iterator[tuple[int, Briefing | BrokenBriefing]]:
    """The loader's (imported when a library is validated: not with a fresh store, whose
    start then never loads the TOML reader and the validation messages)."""
    from briefing_tui.content.loader import iter_library as validate

    return validate(path)


def _first_then_rest(
    stream: Iterator[tuple[int, Briefing | BrokenBriefing]],
) -> LoadResult | Loader:
    total, first = next(stream)
    if total == 1:
        # The whole library is loaded: the first frame is the briefing itself rather than a
        # progress screen that would flash for one frame.
        from briefing_tui.content.problems import collect

        return collect([first])
    rest = itertools.chain([(total, first)], stream)
    return lambda: rest  # the rest validates in the app's worker, streamed to the picker


def force_utf8_output() -> None:
    """Write UTF-8 to the terminal whatever the locale or ``PYTHONIOENCODING`` say.

    Textual draws box lines, ellipses and bars, and has no ASCII fallback. Under a Latin-1 or
    ASCII output encoding Python escapes them (``\\u2502`` for a line), which fills the screen
    with garbage; README asks for a UTF-8 terminal, so the browser always writes UTF-8.
    """
    for stream in (sys.__stdout__, sys.__stderr__):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", "utf-8") or "utf-8"
        if reconfigure is not None and encoding.lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8", errors="replace")


def run_tui(ns: argparse.Namespace) -> int:
    if getattr(ns, "watch", False) and secure_requested(ns):
        print(WATCH_IN_SECURE, file=sys.stderr)
        return EXIT_USAGE
    if not all(os.isatty(fd) for fd in (0, 1, 2)):
        print(NOT_A_TERMINAL, file=sys.stderr)
        return EXIT_USAGE
    secure = secure_requested(ns)
    if secure:
        # Before textual is imported: it reads its switches (drivers, devtools, log files,
        # screenshots) from the environment once, at import.
        scrub_environment()
    warnings: list[str] = []
    path = ns.path if ns.path is not None else bundled_content_path()
    listed = not ns.goto and not getattr(ns, "watch", False)
    library, index_source, early = open_library(path, secure, warnings, listed)
    for line in warnings:  # a damaged store, before the screen takes the terminal
        print(line, file=sys.stderr)
    warnings.clear()

    force_utf8_output()
    from briefing_tui.ui.app import BriefingApp

    if secure:
        neutralise_textual_constants()
    watch = None
    if getattr(ns, "watch", False):
        from briefing_tui.authoring.watch import reloads

        def watch(stop: threading.Event) -> Iterator[LoadResult]:
            return reloads(path, stop)

    # The chrome's language comes from the locale (LANG and LC_*, which sshd passes by default);
    # the app is told it rather than reading the environment.
    language = ui_language(os.environ)
    state = open_state(ns)
    try:
        app = BriefingApp(
            library,
            goto=ns.goto,
            secure=secure,
            language=language,
            watch=watch,
            state=state,
            index_source=index_source,
            index_early=early,
        )
        app.run()
    finally:
        if state is not None:
            state.close()
    for line in warnings:  # from refreshing the store while the browser ran
        print(line, file=sys.stderr)
    return app.return_code or 0


def open_state(ns: argparse.Namespace) -> AnalystState | None:
    """The analyst's database, opened here so the app never sees a path (see ``cli.notes``).

    Its notices (a database moved aside, a read-only home) are shown by the app, once.
    """
    choice = getattr(ns, "state_choice", None)
    if choice is None:
        return None
    from briefing_tui.state.analyst import AnalystState

    state = AnalystState.open(choice.path)
    state.notices[:0] = list(choice.notices)
    return state
