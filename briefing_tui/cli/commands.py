"""The ``briefing`` command: the TUI by default, and the same engine for scripts.

This module must stay importable without textual (a test checks it), so the TUI is imported only
when it is about to run. Every failure ends in one line on stderr and an exit code:
0 success, 1 content problems (or no search hits, as grep does), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui import __version__
from briefing_tui.cli.authoring import (
    AUTHORING_COMMANDS,
    add_authoring_commands,
    import_command,
    new_command,
)
from briefing_tui.cli.exitcodes import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
)
from briefing_tui.cli.index_command import add_index_command, index_command
from briefing_tui.cli.notes import (
    STATE_COMMANDS,
    add_state_commands,
    add_state_options,
    cite_command,
    notes_command,
    tui_state,
)
from briefing_tui.content.errors import UsageError

if TYPE_CHECKING:  # the loader brings pydantic: imported by the commands that load
    from briefing_tui.content.model import Library
    from briefing_tui.content.problems import LoadResult

SUBCOMMANDS = (
    "validate",
    "export",
    "schema",
    "search",
    "index",
    *STATE_COMMANDS,
    *AUTHORING_COMMANDS,
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors in one line, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _path_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a briefing folder or a folder of briefings (default: the bundled briefing)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        description="Read analytical briefings in the terminal (no command: open the browser).",
        epilog="Commands: validate, export, search, index, schema, notes, cite, import, new. "
        "`briefing COMMAND --help` for each.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def build_tui_parser() -> argparse.ArgumentParser:
    parser = build_parser()
    _path_arg(parser)
    parser.add_argument(
        "--goto", metavar="ID", help="open at a paragraph, section, agreement or source id"
    )
    parser.add_argument(
        "--secure",
        action="store_true",
        help="locked-down mode for shared servers (also BRIEFING_SECURE=1)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload the briefing when its files change (for authors; refused with --secure)",
    )
    add_state_options(parser)
    return parser


def build_command_parser() -> argparse.ArgumentParser:
    parser = build_parser()
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = sub.add_parser("validate", help="check content and summarise it")
    _path_arg(validate)

    export = sub.add_parser("export", help="write a briefing to stdout")
    _path_arg(export)
    export.add_argument("--briefing", metavar="ID", help="only this briefing")
    export.add_argument(
        "--format",
        choices=("markdown", "json", "text"),
        default="markdown",
        help="markdown (default), json (the validated data) or text (the report as written)",
    )

    validate.add_argument(
        "--strict",
        action="store_true",
        help="also warn about what is allowed but often a slip (timeline dates outside the "
        "briefing's dates); warnings alone still exit 0",
    )
    validate.add_argument(
        "--watch",
        action="store_true",
        help="keep running and check again whenever a content file changes (ctrl+c ends)",
    )

    schema = sub.add_parser(
        "schema",
        help="print the JSON Schema of the content files (every field with a description and "
        "an example)",
    )
    schema.add_argument(
        "--export",
        action="store_true",
        help="the JSON Schema of `briefing export --format json` instead",
    )

    from briefing_tui.search import QUERY_SYNTAX

    search = sub.add_parser(
        "search",
        help="search the library; one hit per line",
        description="Search the library: one hit per line, id<TAB>location<TAB>snippet. "
        "Exit status 0 with hits, 1 without, 2 for a bad query or path.",
        epilog=QUERY_SYNTAX,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument(
        "query",
        help='e.g. \'"power of siberia"\' or "source:bloomberg gas"; after -- it may start with -',
    )
    _path_arg(search)
    search.add_argument(
        "--limit", type=int, default=50, metavar="N", help="at most N hits (default 50; 0: all)"
    )
    search.add_argument("--json", action="store_true", help="full hits as JSON")
    add_state_options(search)  # where a kind:note query finds the notes
    add_index_command(sub)
    add_state_commands(sub)
    add_authoring_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args if not a.startswith("-")), None)
    secure = first not in SUBCOMMANDS and (
        "--secure" in args or os.environ.get("BRIEFING_SECURE", "") not in ("", "0")
    )
    if not secure:
        return _main(args, first)
    # A secure session settles signals, core files and interpreter escape hatches before
    # anything slow, and leaves with os._exit: see process_guard.
    from briefing_tui import process_guard

    process_guard.harden()
    process_guard.leave(_main(args, first))


def _main(args: list[str], first: str | None) -> int:
    # pydantic would otherwise scan every installed distribution for plugins when our first
    # model is built, and run what it finds at each validation: code chosen by whatever is on
    # sys.path, which we never use. Set before the models load (the loader is imported lazily).
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    if first in SUBCOMMANDS:
        ns = build_command_parser().parse_args(args)
        handler = {
            "validate": _validate,
            "export": _export,
            "schema": _schema,
            "search": _search,
            "index": index_command,
            "notes": notes_command,
            "cite": cite_command,
            "import": import_command,
            "new": new_command,
        }[ns.command]
    else:
        ns = build_tui_parser().parse_args(args)
        handler = _tui
    try:
        return handler(ns)
    except UsageError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `briefing export | head` is normal use; leave quietly like other Unix tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug of ours: still one line, never a traceback on a terminal
        print(f"briefing: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL


def _load(path: Path | None) -> LoadResult:
    from briefing_tui import gcpolicy
    from briefing_tui.content.loader import load_library

    with gcpolicy.bulk():  # a third faster on a large library: see gcpolicy
        return load_library(path)


def _report_problems(result: LoadResult) -> None:
    for problem in result.problems:
        print(problem, file=sys.stderr)


def _validate(ns: argparse.Namespace) -> int:
    if ns.watch:
        from briefing_tui.cli.authoring import validate_watch

        return validate_watch(ns, _validate_once)
    return _validate_once(ns)


def _validate_once(ns: argparse.Namespace) -> int:
    result = _load(ns.path)
    _report_problems(result)
    library = result.library
    if ns.strict:
        _report_warnings(library)
    sections = sum(len(list(b.all_sections())) for b in library.briefings)
    paragraphs = sum(b.paragraph_count for b in library.briefings)
    agreements = sum(len(b.agreements) for b in library.briefings)
    sources = sum(len(b.sources) for b in library.briefings)
    count = len(library.briefings)
    summary = (
        f"{count} briefing{'s' * (count != 1)}, {sections} sections, {paragraphs} paragraphs, "
        f"{agreements} agreements, {sources} sources"
    )
    if result.broken:
        broken = len(result.broken)
        print(
            f"invalid: {len(result.problems)} problem(s) in {broken} briefing(s); valid: {summary}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"ok: {summary}")
    return EXIT_OK


def _report_warnings(library: Library) -> None:
    """What is valid but often a slip, as ``file: field: warning: message`` lines."""
    import dataclasses

    from briefing_tui.content.rules import content_loc, timeline_warnings

    for briefing in library.briefings:
        data = dataclasses.asdict(briefing)
        for loc, message in timeline_warnings(data):
            print(
                f"{briefing.id}/overview.toml: {content_loc(loc, data)}: warning: {message}",
                file=sys.stderr,
            )


def _export(ns: argparse.Namespace) -> int:
    from briefing_tui.export import export

    result = _load(ns.path)
    if result.broken:
        _report_problems(result)
        print("briefing: export refused: fix the problems above first", file=sys.stderr)
        return EXIT_PROBLEMS
    if ns.briefing is not None:
        try:
            result.library.get(ns.briefing)
        except KeyError:
            known = ", ".join(b.id for b in result.library.briefings)
            raise UsageError(f"no briefing with id {ns.briefing!r} (known: {known})") from None
    text = export(result.library, ns.format, ns.briefing)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _schema(ns: argparse.Namespace) -> int:
    from briefing_tui.content.model import content_schema, export_schema

    schema = export_schema() if ns.export else content_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _search(ns: argparse.Namespace) -> int:
    from briefing_tui import gcpolicy
    from briefing_tui.cli.search_output import run_search, search_index
    from briefing_tui.content.folders import bundled_content_path
    from briefing_tui.store import open_store

    # The library's store when it is fresh (or, outside secure mode, once refreshed): the
    # index opens in milliseconds instead of being rebuilt from a validated library.
    path = ns.path if ns.path is not None else bundled_content_path()
    secure = os.environ.get("BRIEFING_SECURE", "") not in ("", "0")
    with gcpolicy.bulk():  # validating and indexing create no cyclic garbage: see gcpolicy
        opened = open_store(path, secure, _warn)
        if opened is not None:
            return search_index(ns, opened.search_index(), opened.broken_count())
        return run_search(ns, _load(ns.path))


def _warn(line: str) -> None:
    print(line, file=sys.stderr)


def _tui(ns: argparse.Namespace) -> int:
    from briefing_tui import gcpolicy

    gcpolicy.pause()  # before pydantic, textual and our modules load: see gcpolicy
    try:
        tui_state(ns)  # a --state that cannot be used is a usage error before any screen
        from briefing_tui.cli.launch import run_tui

        return run_tui(ns)
    finally:
        gcpolicy.resume()
