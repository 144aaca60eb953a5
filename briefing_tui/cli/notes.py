"""``briefing notes`` and ``briefing cite``, and the ``--state`` / ``--no-state`` options.

``notes`` reads the analyst's state database and never writes it (nor creates it): a script
listing notes must not change what the browser will find. ``cite`` needs no state at all: it
prints the citation the browser's ``y`` copies.

Output is one item per line, five tab-separated columns, every field on one line and free of
control characters (as ``briefing search`` does)::

    mark:a   BRIEFING/ITEM   LOCATION   STATUS   (empty)
    note:3   BRIEFING/ITEM   LOCATION   STATUS   the note's text

STATUS says how the item stands against the content at PATH: ``current``, ``changed`` (its text
is not what was marked or noted), ``gone`` (no such item now) or ``unknown`` (its briefing is
not in this library).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.cli.exitcodes import EXIT_OK, EXIT_USAGE
from briefing_tui.content.errors import UsageError
from briefing_tui.content.text import one_line, plain
from briefing_tui.state.paths import ENV_VAR, StateChoice, choose_state

if TYPE_CHECKING:  # pydantic's models load with the commands that need them (see gcpolicy)
    from briefing_tui.content.model import Briefing, Library
    from briefing_tui.state.model import ItemRef, Mark, Note

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
    from briefing_tui.content.loader import bundled_content_path

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


def notes_command(ns: argparse.Namespace) -> int:
    from briefing_tui.content.loader import load_library
    from briefing_tui.state.analyst import AnalystState

    choice = state_choice(ns)
    for notice in choice.notices:
        print(f"briefing: {notice}", file=sys.stderr)
    state = AnalystState.open(choice.path, readonly=True)
    try:
        for notice in state.notices:
            print(f"briefing: {one_line(notice)}", file=sys.stderr)
        if state.status == "off" and state.notices:
            return EXIT_USAGE
        library = load_library(ns.path).library
        marks, notes = state.marks(), state.notes()
    finally:
        state.close()
    if ns.json:
        data = {
            "state": str(choice.path) if choice.path else None,
            "marks": [_mark_dict(m, library) for m in marks],
            "notes": [_note_dict(n, library) for n in notes],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif ns.export == "md":
        sys.stdout.write(notes_markdown(marks, notes, library))
    else:
        for m in marks:
            sys.stdout.write(_line(f"mark:{m.letter}", m.ref, library, ""))
        for n in notes:
            sys.stdout.write(_line(f"note:{n.id}", n.ref, library, n.text))
    return EXIT_OK


def _briefing(library: Library, briefing_id: str) -> Briefing | None:
    return next((b for b in library.briefings if b.id == briefing_id), None)


def _location(ref: ItemRef, library: Library) -> str:
    from briefing_tui.reading.refs import BriefingRefs

    briefing = _briefing(library, ref.briefing)
    target = BriefingRefs(briefing).target(ref.item) if briefing else None
    if target is None:
        return ""
    return target.location if target.kind == "paragraph" else f"{target.label} ({target.location})"


def _status(ref: ItemRef, library: Library) -> str:
    from briefing_tui.state.fingerprint import ref_status

    return ref_status(ref, _briefing(library, ref.briefing))


def _line(kind: str, ref: ItemRef, library: Library, text: str) -> str:
    fields = [kind, ref.key, _location(ref, library), _status(ref, library), text]
    return "\t".join(one_line(f) for f in fields) + "\n"


def _mark_dict(mark: Mark, library: Library) -> dict[str, object]:
    return {
        "letter": mark.letter,
        "briefing": mark.ref.briefing,
        "item": mark.ref.item,
        "location": _location(mark.ref, library),
        "status": _status(mark.ref, library),
        "created": mark.created.isoformat(),
    }


def _note_dict(note: Note, library: Library) -> dict[str, object]:
    return {
        "id": note.id,
        "briefing": note.ref.briefing,
        "item": note.ref.item,
        "location": _location(note.ref, library),
        "status": _status(note.ref, library),
        "text": note.text,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
    }


_STATUS_WORDS = {
    "changed": "*The item's text has changed since this was written.*",
    "gone": "*The item is no longer in the briefing.*",
    "unknown": "*Its briefing is not in this library.*",
}


def notes_markdown(marks: list[Mark], notes: list[Note], library: Library) -> str:
    """Notes grouped by briefing, each under its item's location and quoted current text."""
    lines = ["# Notes", ""]
    if not notes:
        lines += ["No notes yet.", ""]
    for briefing_id in dict.fromkeys(n.ref.briefing for n in notes):
        briefing = _briefing(library, briefing_id)
        lines += [f"## {plain(briefing.title) if briefing else briefing_id}", ""]
        for note in (n for n in notes if n.ref.briefing == briefing_id):
            where = _location(note.ref, library) or note.ref.item
            lines += [f"### {one_line(where)} ({note.ref.key})", ""]
            quoted = _quote(note.ref, briefing)
            if quoted:
                lines += [f"> {one_line(quoted)}", ""]
            lines += [note.text, "", f"Noted {note.updated:%Y-%m-%d %H:%M} UTC.", ""]
            status = _status(note.ref, library)
            if status in _STATUS_WORDS:
                lines += [_STATUS_WORDS[status], ""]
    if marks:
        lines += ["## Marks", ""]
        lines += [
            f"- `{m.letter}` {m.ref.key} {one_line(_location(m.ref, library))}".rstrip()
            for m in marks
        ]
        lines.append("")
    return "\n".join(lines)


def _quote(ref: ItemRef, briefing: Briefing | None) -> str | None:
    from briefing_tui.state.fingerprint import item_texts

    if briefing is None:
        return None
    words = item_texts(briefing).get(ref.item)
    return " ".join(w for w in words if w) if words else None
