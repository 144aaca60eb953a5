"""Starting the browser from the command line: checks that must pass before Textual loads."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable, Iterator

from .loader import (
    BrokenBriefing,
    LoadResult,
    bundled_content_path,
    collect,
    iter_library,
)
from .models import Briefing
from .secure import neutralise_textual_constants, scrub_environment

NOT_A_TERMINAL = (
    "briefing: the browser needs a terminal on stdin, stdout and stderr; "
    "for scripts use `briefing export` or `briefing search`"
)


def secure_requested(ns: argparse.Namespace) -> bool:
    """Either switch turns secure mode on; nothing turns it off."""
    return bool(ns.secure) or os.environ.get("BRIEFING_SECURE", "") not in ("", "0")


def run_tui(ns: argparse.Namespace) -> int:
    if not all(os.isatty(fd) for fd in (0, 1, 2)):
        print(NOT_A_TERMINAL, file=sys.stderr)
        return 2
    secure = secure_requested(ns)
    if secure:
        # Before textual is imported: it reads its switches (drivers, devtools, log files,
        # screenshots) from the environment once, at import.
        scrub_environment()
    path = ns.path if ns.path is not None else bundled_content_path()
    # A bad path is a usage error before any screen appears.
    stream = iter_library(path)
    total, first = next(stream)  # validates the first briefing (a few milliseconds)
    library: LoadResult | Callable[[], Iterator[tuple[int, Briefing | BrokenBriefing]]]
    if total == 1:
        # The whole library is loaded: the first frame is the briefing itself rather than a
        # progress screen that would flash for one frame.
        library = collect([first])
    else:
        rest = itertools.chain([(total, first)], stream)
        library = lambda: rest  # noqa: E731 - the rest validates in the app's worker, streamed

    from .app import BriefingApp

    if secure:
        neutralise_textual_constants()
    app = BriefingApp(library, goto=ns.goto, secure=secure)
    app.run()
    return app.return_code or 0
