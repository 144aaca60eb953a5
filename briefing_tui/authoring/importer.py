"""``briefing import``: a report file -> a briefing folder, validated, with the points that need
an author's judgement as ``file:line:`` pointers into the written TOML."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path

from briefing_tui.authoring.common import finish
from briefing_tui.authoring.draft import Draft, render, write_files
from briefing_tui.authoring.toml_out import Todo
from briefing_tui.content.errors import UsageError
from briefing_tui.content.loader import load_briefing
from briefing_tui.content.model import Briefing
from briefing_tui.content.problems import ContentError, Problem
from briefing_tui.content.record import record

#: A report larger than this is not a report (the content files themselves are capped at 1 MiB).
MAX_REPORT_BYTES = 4 * 1024 * 1024
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


@record(frozen=False)
class ImportResult:
    folder: Path
    todos: list[Todo] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    briefing: Briefing | None = None

    def summary(self) -> str:
        b = self.briefing
        if b is None:
            return f"{self.folder}: written, but it does not validate yet"
        sections = len(list(b.all_sections()))
        tables = len(list(b.tables()))
        return (
            f"{self.folder}: {sections} sections, {b.paragraph_count} paragraphs, {tables} "
            f"tables, {len(b.agreements)} agreements, {len(b.sources)} sources; "
            f"{len(self.todos)} point(s) to review"
        )


def read_report(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_REPORT_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_REPORT_BYTES:
        raise UsageError(f"{path} is over {MAX_REPORT_BYTES} bytes: not a report")
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not UTF-8 text (byte {exc.start})") from None


def draft_of(text: str, path: Path, today: dt.date | None = None) -> Draft:
    """The draft of a report: Markdown by its suffix, or by its look, else plain text."""
    from briefing_tui.authoring import from_export, from_markdown, from_text

    origin = path.name
    if path.suffix.lower() in MARKDOWN_SUFFIXES or text.startswith(("+++", "---", "# ")):
        if from_export.looks_exported(text):
            try:
                return from_export.read_export(text, origin)
            except (IndexError, KeyError, ValueError, AttributeError) as exc:
                raise UsageError(
                    f"{path} looks like `briefing export` Markdown (it has the metadata list) "
                    f"but does not keep its shapes ({type(exc).__name__}: {exc}); remove the "
                    "metadata list to import it as an ordinary Markdown report"
                ) from None
        draft, summary = from_markdown.read_markdown(text, origin)
    else:
        draft, summary = from_text.read_text(text, origin)
    finish(draft, path.stem, summary, today or dt.date.today())
    return draft


def import_report(
    path: Path, out: Path | None = None, force: bool = False, today: dt.date | None = None
) -> ImportResult:
    draft = draft_of(read_report(path), path, today)
    if not draft.sections:
        raise UsageError(
            f"{path}: no section found (Markdown: a `## Heading`; plain text: a short heading "
            "line followed by paragraphs): nothing was written"
        )
    texts, todos = render(draft)
    folder = out if out is not None else Path.cwd() / str(draft.briefing["id"])
    try:
        write_files(texts, folder, force)
    except FileExistsError as exc:
        what = "" if Path(str(exc)) == folder.absolute() else f" ({exc} is not a content file)"
        raise UsageError(
            f"{folder} exists{what}: choose another folder with -o, or --force to replace it"
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror or exc}") from None
    result = ImportResult(folder, [_shown(t, folder) for t in todos])
    try:
        result.briefing = load_briefing(folder)
    except ContentError as exc:
        result.problems = list(exc.problems)
    return result


def _shown(todo: Todo, folder: Path) -> Todo:
    return Todo(str(folder / todo.file), todo.line, todo.message)
