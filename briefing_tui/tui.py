"""Starting the browser from the command line: checks that must pass before Textual loads."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator

from .loader import (
    BrokenBriefing,
    LoadResult,
    briefing_folders,
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
    library: LoadResult | Callable[[], Iterator[tuple[int, Briefing | BrokenBriefing]]]
    if len(briefing_folders(path)) == 1:
        # One briefing loads in a few milliseconds: load it now, so the first frame is the
        # briefing itself rather than a progress screen that would flash for one frame.
        library = collect(item for _, item in iter_library(path))
    else:
        briefings = iter_library(path)
        library = lambda: briefings  # noqa: E731 - validated in the app's worker, streamed

    from .app import BriefingApp

    if secure:
        neutralise_textual_constants()
    app = BriefingApp(library, goto=ns.goto, secure=secure)
    app.run()
    return app.return_code or 0
