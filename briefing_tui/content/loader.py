"""Content folders -> validated models, with every problem as ``file:line: field: message``.

A content path is either one briefing folder (it holds ``briefing.toml``) or a folder of briefing
folders. Files are read defensively: content may come from anyone, so a FIFO, a link to
``/dev/zero``, a huge file or a link out of the content folder is an error, never a hang, a crash
or a read of something else.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.content.errors import UsageError
from briefing_tui.content.files import decode, display_path, os_reason, read_bytes
from briefing_tui.content.folders import briefing_folders, bundled_content_path
from briefing_tui.content.messages import error_message, syntax_problem
from briefing_tui.content.model import (
    CONTENT_FILES,
    KEY_FILE,
    OPTIONAL_FILES,
    Briefing,
)
from briefing_tui.content.positions import Loc, key_lines, line_for
from briefing_tui.content.problems import BrokenBriefing, ContentError, LoadResult, Problem, collect
from briefing_tui.content.record import record
from briefing_tui.content.rules import content_loc, reference_problems
from briefing_tui.content.scalars import Model
from briefing_tui.content.tomlread import TOMLDecodeError, parse_toml

if TYPE_CHECKING:  # validation brings pydantic: imported when a file is validated, not before
    from pydantic import ValidationError


# --------------------------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------------------------


@record(frozen=False)
class _Parsed:
    """A parsed file and its text; key positions are worked out only when a problem needs one
    (the scan costs as much as parsing, and valid content never needs it)."""

    data: dict[str, Any]
    text: str
    _lines: dict[Loc, int] | None = None

    @property
    def lines(self) -> dict[Loc, int]:
        if self._lines is None:
            self._lines = key_lines(self.text)
        return self._lines


def _parse(text: str, shown: str) -> _Parsed:
    try:
        data = parse_toml(text)
    except TOMLDecodeError as exc:
        message, line, column = syntax_problem(str(exc), text)
        raise ContentError([Problem(shown, message, line, column=column)]) from None
    except RecursionError:
        raise ContentError([Problem(shown, "TOML nesting is too deep", _deep_line(text))]) from None
    return _Parsed(data, text)


#: Nesting depth from which the line of a too-deep value is reported (the parsers give up far below
#: Python's recursion limit, and real content never nests more than a few levels).
_DEEP = 50


def _deep_line(text: str) -> int | None:
    """The line where brackets first nest ``_DEEP`` levels deep, ignoring strings and comments."""
    depth = 0
    quote = ""
    line = 1
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\n":
            line += 1
            if quote in ('"', "'"):
                quote = ""
        elif quote:
            if char == "\\" and quote[0] == '"':
                i += 1
            elif text.startswith(quote, i):
                i += len(quote) - 1
                quote = ""
        elif char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, i) else char
            i += len(quote) - 1
        elif char in "[{":
            depth += 1
            if depth >= _DEEP:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None


def _validation_problems(
    exc: ValidationError, shown: str, parsed: _Parsed, model: type[Model]
) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    failed = [tuple(e["loc"]) for e in errors]
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and any(
            other[: len(loc)] == loc and other != loc for other in failed
        ):
            continue  # "needs at least one item" only because its items failed: noise
        problems.append(
            Problem(
                shown,
                error_message(error, model),
                line_for(parsed.lines, loc),
                content_loc(loc, parsed.data) or None,
            )
        )
    return sorted(problems, key=lambda p: p.line or 0)


# --------------------------------------------------------------------------------------------
# One briefing folder
# --------------------------------------------------------------------------------------------


def load_briefing(
    folder: Path, root: Path | None = None, read: Mapping[str, bytes] | None = None
) -> Briefing:
    """Load and validate one briefing folder, raising ContentError with every problem.

    ``read`` holds files of the folder already read by :func:`read_bytes` under the same
    ``root`` (by name): a store's build hashes each file first and validates those bytes."""
    from briefing_tui.content.validation import ValidationError, validate

    root = (root or folder).resolve()
    problems: list[Problem] = []
    parts: dict[str, Model] = {}
    positions: dict[str, tuple[str, _Parsed]] = {}

    problems.extend(_unexpected_entries(folder))
    raw: dict[str, Any] = {}
    absent: set[str] = set()
    for name, model in CONTENT_FILES.items():
        path = folder / name
        shown = display_path(path)
        if not path.exists() and not path.is_symlink():
            if name in OPTIONAL_FILES:
                absent.add(name)
            else:
                problems.append(Problem(shown, "required content file is missing"))
            continue
        try:
            data = read.get(name) if read is not None else None
            if data is None:
                data = read_bytes(path, root, shown)
            parsed = _parse(decode(data, shown), shown)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if not parsed.data:
            # An empty file and one holding only comments say the same thing: nothing.
            if name in OPTIONAL_FILES:
                absent.add(name)
            else:
                problems.append(
                    Problem(shown, "file has no content (it is empty or holds only comments)", 1)
                )
            continue
        positions[name] = (shown, parsed)
        raw.update(parsed.data)
        try:
            parts[name] = validate(model, parsed.data)
        except ValidationError as exc:
            problems.extend(_validation_problems(exc, shown, parsed, model))

    # Cross-file checks run on the parsed data of every file that was read, valid or not, so
    # that a type error in one object does not hide a dangling reference in the same object.
    def where(loc: Loc) -> str:
        shown, parsed = positions[KEY_FILE[str(loc[0])]]
        line = line_for(parsed.lines, loc)
        return f"{shown}:{line}" if line is not None else f"{shown}: {content_loc(loc, raw)}"

    for loc, message in reference_problems(raw, where, frozenset(positions) | absent):
        owner = KEY_FILE.get(str(loc[0]))
        if owner not in positions:
            continue  # a key of a file that did not parse: reported there already
        shown, parsed = positions[owner]
        problems.append(Problem(shown, message, line_for(parsed.lines, loc), content_loc(loc, raw)))
    if problems:
        raise ContentError(problems)
    # Every part is validated and every reference resolved: validating the whole again would
    # only repeat both, so the briefing is built from the validated parts.
    # (An optional file left out leaves its fields at their defaults.)
    fields: dict[str, Any] = {}
    for part in parts.values():
        fields.update({field.name: getattr(part, field.name) for field in dataclasses.fields(part)})
    return Briefing(**fields)


def _unexpected_entries(folder: Path) -> list[Problem]:
    """Files an author may think are read but are not: better to say so than to ignore them."""
    problems = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        return [Problem(display_path(folder), f"cannot list folder: {os_reason(exc)}")]
    for entry in entries:
        if entry.name.endswith(".toml") and entry.name not in CONTENT_FILES:
            expected = ", ".join(CONTENT_FILES)
            problems.append(
                Problem(
                    display_path(Path(entry.path)), f"unknown content file; expected {expected}"
                )
            )
    return problems


# --------------------------------------------------------------------------------------------
# A library
# --------------------------------------------------------------------------------------------


def iter_library(path: Path | str | None = None) -> Iterator[tuple[int, Briefing | BrokenBriefing]]:
    """Yield ``(total, briefing or broken briefing)`` folder by folder, in name order.

    The browser uses this to show a large library while the rest of it is still loading; every
    briefing is fully validated before it is yielded. Raises UsageError up front when the path
    cannot hold briefings at all.
    """
    path = Path(path) if path is not None else bundled_content_path()
    folders = briefing_folders(path)
    if not folders:
        raise UsageError(f"{path}: no briefing found (a briefing folder holds briefing.toml)")
    return _iter_folders(path, folders)


def _iter_folders(
    path: Path, folders: list[Path]
) -> Iterator[tuple[int, Briefing | BrokenBriefing]]:
    root = path.resolve() if path.is_dir() else path.parent.resolve()
    total = len(folders)
    first_seen: dict[str, str] = {}
    for folder in folders:
        try:
            briefing = load_briefing(folder, root)
        except ContentError as exc:
            yield total, BrokenBriefing(display_path(folder), tuple(exc.problems))
            continue
        if briefing.id in first_seen:
            yield total, duplicate(folder, root, briefing.id, first_seen[briefing.id])
            continue
        first_seen[briefing.id] = display_path(folder)
        yield total, briefing


def duplicate(folder: Path, root: Path, briefing_id: str, first: str) -> BrokenBriefing:
    """A valid briefing folder whose id an earlier folder (shown as ``first``) already uses."""
    problem = Problem(
        display_path(folder / "briefing.toml"),
        f"duplicate briefing id {briefing_id!r} (also in {first})",
        line=_id_line(folder / "briefing.toml", root),
        field="id",
    )
    return BrokenBriefing(display_path(folder), (problem,))


def load_library(path: Path | str | None = None) -> LoadResult:
    """Load every briefing under ``path`` (the bundled content by default).

    A broken briefing does not hide the others: it is returned in ``broken`` with its problems.
    Raises UsageError when the path cannot hold briefings at all.
    """
    return collect(item for _, item in iter_library(path))


def _id_line(path: Path, root: Path) -> int | None:
    shown = display_path(path)
    try:
        return key_lines(decode(read_bytes(path, root, shown), shown)).get(("id",))
    except ContentError:  # it was read a moment ago; if it changed since, the line is unknown
        return None
