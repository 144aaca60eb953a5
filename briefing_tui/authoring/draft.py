"""An imported briefing before it is written: plain data shaped like the content files.

Readers (Markdown, plain text, the Markdown export) fill a :class:`Draft`; :func:`write_draft`
turns it into TOML files and returns the TODOs with the lines they were written at. No model
object is built here: the written files are validated by the loader, as an author's would be.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import field
from pathlib import Path
from typing import Any

from briefing_tui.authoring.toml_out import Document, Todo
from briefing_tui.content.record import record

_HEADERS = {
    "briefing.toml": "Briefing metadata.",
    "sections.toml": "Report text, in reading order, word for word.",
    "agreements.toml": "The agreements table.",
    "sources.toml": "The report's source list, and sources named in the text but not in it.",
    "overview.toml": "Key figures, timeline and reactions for the Overview tab.",
}


@record(frozen=False)
class Draft:
    """Everything a reader found, as the content files' data (with ``_todo`` keys)."""

    briefing: dict[str, Any] = field(default_factory=dict)
    sections: list[dict[str, Any]] = field(default_factory=list)
    agreements: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)
    overview: dict[str, Any] = field(default_factory=dict)
    origin: str = ""

    def files(self) -> dict[str, dict[str, Any]]:
        out = {
            "briefing.toml": self.briefing,
            "sections.toml": {"sections": self.sections},
            "sources.toml": self.sources,
        }
        if self.agreements.get("agreements"):
            out["agreements.toml"] = self.agreements
        if any(self.overview.get(k) for k in ("figures", "timeline", "reactions")):
            out["overview.toml"] = self.overview
        return out


def todo(item: dict[str, Any], message: str, key: str | None = None) -> None:
    """Ask the author to look at ``item`` (or one of its keys): a ``# TODO`` comment there."""
    item.setdefault(f"_todo_{key}" if key else "_todo", []).append(message)


def render(draft: Draft) -> tuple[dict[str, str], list[Todo]]:
    """The files' text, and every TODO with its file and line."""
    texts: dict[str, str] = {}
    todos: list[Todo] = []
    for name, data in draft.files().items():
        doc = Document(name)
        doc.comment(_HEADERS[name] + (f" Imported from {draft.origin}." if draft.origin else ""))
        doc.comment("Lines marked TODO need an author's judgement; delete each once settled.")
        doc.blank()
        for message in data.get("_todo", ()):  # about the file as a whole
            doc.todo(message)
        doc.body(data)
        texts[name] = doc.text()
        todos += doc.todos
    return texts, todos


def write_files(texts: dict[str, str], folder: Path, force: bool) -> None:
    """Write the files into ``folder`` (created), never over an existing folder unless forced.

    The files go to a temporary folder beside it first, so that a failure leaves no half-written
    briefing behind.
    """
    folder = folder.absolute()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        for name, text in texts.items():
            (staging / name).write_text(text, encoding="utf-8")
        if folder.exists() or folder.is_symlink():
            if not force:
                raise FileExistsError(folder)
            _replace(folder)
        os.replace(staging, folder)
    finally:
        if staging.exists():
            for child in staging.iterdir():
                child.unlink()
            staging.rmdir()


def _replace(folder: Path) -> None:
    """Make way for a forced import: only content files may be removed, nothing else."""
    if folder.is_symlink() or not folder.is_dir():
        raise FileExistsError(folder)
    for child in folder.iterdir():
        if child.suffix != ".toml" or not child.is_file() or child.is_symlink():
            raise FileExistsError(child)
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
