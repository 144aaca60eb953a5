"""``briefing notes`` and ``briefing cite``, and the ``--state`` / ``--no-state`` options.

``notes`` reads the analyst's state database and never writes it (nor creates it): a script
listing notes must not change what the browser will find. ``cite`` needs no state at all: it
prints the citation the browser's ``y`` copies. What ``notes`` prints is in ``notes_output``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.cli.exitcodes import EXIT_OK, EXIT_USAGE
from briefing_tui.content.errors import UsageError
from briefing_tui.content.text import one_line
from briefing_tui.state.paths import ENV_VAR, StateChoice, choose_state

if TYPE_CHECKING:
    from briefing_tui.state.analyst import AnalystState

STATE_COMMANDS = ("notes", "cite")


def add_state_options(parser: argparse.ArgumentParser) -> None:
    """``--state PATH`` and ``--no-state``, for the browser and ``briefing notes``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--state",
        type=Path,
        metavar="PATH",
        help=f"the notes database to use (also {ENV_VAR}; refused with --secure)",
    )
    group.add_argument(
        "--no-state", action="store_true", help="keep no notes, marks or reading positions"
    )


def add_state_commands(sub: Any) -> None:
    """The ``notes`` and ``cite`` subparsers (``sub`` is argparse's subparsers action)."""
    notes = sub.add_parser(
        "notes",
        help="list your notes and marks",
        description="List your notes and marks (read-only: the database is not changed). "
        "Lines: KIND<TAB>BRIEFING/ITEM<TAB>LOCATION<TAB>STATUS<TAB>TEXT.",
    )
    _path(notes)
    add_state_options(notes)
    out = notes.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="marks and notes as JSON")
    out.add_argument("--export", choices=("md",), help="md: a Markdown document of your notes")

    cite = sub.add_parser(
        "cite",
        help="print an item as a citation",
        description="Print a paragraph, agreement or source as a citation: location, text, "
        "sources. ID as --goto takes it: ITEM or BRIEFING/ITEM.",
    )
    cite.add_argument("id", metavar="ID", help="a paragraph, agreement or source id")
    _path(cite)


def _path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a briefing folder or a folder of briefings (default: the bundled briefing)",
    )


def secure_requested(ns: argparse.Namespace) -> bool:
    from briefing_tui.cli.launch import secure_requested as launch_secure

    return launch_secure(argparse.Namespace(secure=getattr(ns, "secure", False)))


def state_choice(ns: argparse.Namespace) -> StateChoice:
    """The database this run uses; :class:`UsageError` for a ``--state`` that cannot be."""
    from briefing_tui.content.folders import bundled_content_path

    content = ns.path if ns.path is not None else bundled_content_path()
    return choose_state(ns.state, ns.no_state, secure_requested(ns), content)


def tui_state(ns: argparse.Namespace) -> None:
    """Settle the browser's state database before it starts: ``ns.state_choice``."""
    ns.state_choice = state_choice(ns)


# --------------------------------------------------------------------------------------------
# briefing cite
# --------------------------------------------------------------------------------------------


def cite_command(ns: argparse.Namespace) -> int:
    from briefing_tui.content.loader import load_library
    from briefing_tui.reading.refs import find_target
    from briefing_tui.state.cite import NotCitable, citation

    library = load_library(ns.path).library
    found = find_target(library, ns.id)
    if found is None:
        raise UsageError(f"no paragraph, agreement or source with id {one_line(ns.id)!r}")
    briefing, item = found
    if item != ns.id.rpartition("/")[2]:  # find_target's answer for a briefing id alone
        raise UsageError(f"{one_line(ns.id)} is a briefing; cite a paragraph, agreement or source")
    try:
        text = citation(briefing, item)
    except NotCitable as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(text + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# briefing notes
# --------------------------------------------------------------------------------------------


@contextmanager
def read_only_state(ns: argparse.Namespace) -> Iterator[tuple[StateChoice, AnalystState]]:
    """The database this run reads (never writes), its notices told on stderr."""
    from briefing_tui.state.analyst import AnalystState

    choice = state_choice(ns)
    for notice in choice.notices:
        print(f"briefing: {notice}", file=sys.stderr)
    state = AnalystState.open(choice.path, readonly=True)
    try:
        for notice in state.notices:
            print(f"briefing: {one_line(notice)}", file=sys.stderr)
        yield choice, state
    finally:
        state.close()


def notes_command(ns: argparse.Namespace) -> int:
    from briefing_tui.cli.notes_output import notes_json, notes_lines, notes_markdown
    from briefing_tui.content.loader import load_library

    with read_only_state(ns) as (choice, state):
        if state.status == "off" and state.notices:
            return EXIT_USAGE
        library = load_library(ns.path).library
        marks, notes = state.marks(), state.notes()
    if ns.json:
        data = notes_json(marks, notes, library)
        data["state"] = str(choice.path) if choice.path else None
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif ns.export == "md":
        sys.stdout.write(notes_markdown(marks, notes, library))
    else:
        sys.stdout.writelines(notes_lines(marks, notes, library))
    return EXIT_OK
