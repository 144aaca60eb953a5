"""``briefing import``, ``briefing new`` and ``briefing validate --watch``: making briefings."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from briefing_tui.cli.exitcodes import EXIT_INTERNAL, EXIT_OK, EXIT_PROBLEMS
from briefing_tui.content.errors import UsageError

AUTHORING_COMMANDS = ("import", "new")


def add_authoring_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import",
        help="turn a report (Markdown or plain text) into a briefing folder",
        description="Write a briefing folder from a report: Markdown (.md, the dialect in "
        "README) or plain text. Prints a summary and every point that needs an author's "
        "judgement as file:line: message, with a TODO comment at that line.",
    )
    imp.add_argument("file", type=Path, help="the report (.md/.markdown: Markdown; else text)")
    imp.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DIR",
        help="the briefing folder to write (default: ./ID, ID from the report)",
    )
    imp.add_argument("--force", action="store_true", help="replace DIR if it exists")

    new = sub.add_parser(
        "new",
        help="scaffold a minimal valid briefing with commented examples of every part",
    )
    new.add_argument("id", help="the briefing's id (lowercase Latin letters, digits, - and .)")
    new.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=Path("."),
        help="the folder to create it in (default: the current folder): writes DIR/ID",
    )


def import_command(ns: argparse.Namespace) -> int:
    from briefing_tui.authoring.importer import import_report

    result = import_report(ns.file, ns.output, ns.force)
    print(result.summary())
    for todo in result.todos:
        print(todo)
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(
            "briefing: the imported briefing does not validate: fix the problems above",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def new_command(ns: argparse.Namespace) -> int:
    from briefing_tui.authoring.scaffold import scaffold, valid_id
    from briefing_tui.content.loader import load_briefing
    from briefing_tui.content.problems import ContentError

    if not valid_id(ns.id):
        raise UsageError(
            f"{ns.id!r} is not a valid id: lowercase Latin letters and digits in words joined "
            "by '-' or '.'"
        )
    folder = ns.dir / ns.id
    try:
        scaffold(ns.id, folder)
    except FileExistsError:
        raise UsageError(f"{folder} exists: choose another id or folder") from None
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror or exc}") from None
    try:
        load_briefing(folder)
    except ContentError as exc:  # a bug of ours: the scaffold must validate as written
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_INTERNAL
    print(
        f"{folder}: a new briefing that validates; edit its files, then "
        f"`briefing validate {folder}`"
    )
    return EXIT_OK


def validate_watch(ns: argparse.Namespace, once: Callable[[argparse.Namespace], int]) -> int:
    """Validate now, then again after each batch of changed content files, until ctrl+c."""
    import threading

    from briefing_tui.authoring.watch import changes
    from briefing_tui.content.loader import bundled_content_path

    path = ns.path if ns.path is not None else bundled_content_path()
    if not path.exists():
        raise UsageError(f"no such folder: {path}")
    code = EXIT_OK
    for changed in changes(path, threading.Event()):
        if not changed:  # the watch is in place: check once, then on every change
            code = once(ns)
            _flush()
            print(f"watching {path} for changes (ctrl+c ends)", flush=True)
            continue
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        print(f"-- {stamp} changed: {', '.join(changed)}", flush=True)
        code = once(ns)
        _flush()
    return code


def _flush() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
