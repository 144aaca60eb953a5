"""Broken fixtures built from ``tests/data/mini``: copy it, edit the text, load, read the problems.

Tests import this module (pytest puts ``tests/unit`` on ``sys.path``); each test file wraps
:func:`copy_mini` in a small fixture of its own. Problems are returned as the strings a user sees,
with paths relative to the copied folder (the fixture changes into it), so a test can assert
``"sources.toml:13: sources[1].kind: ..."`` exactly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing_tui.content.loader import load_briefing, load_library
from briefing_tui.content.problems import ContentError

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"

#: The message pydantic gives for an unknown key, as the loader rewrites it.
UNKNOWN = "unknown field (check the spelling; see `briefing schema`)"


class MiniCopy:
    """A writable copy of the mini briefing in a temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / name

    def read(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        self.path(name).write_text(text, encoding="utf-8")

    def write_bytes(self, name: str, data: bytes) -> None:
        path = self.path(name)
        path.unlink(missing_ok=True)
        path.write_bytes(data)

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace the one occurrence of ``old`` in ``name`` (fails loudly if it is not there)."""
        text = self.read(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.write(name, text.replace(old, new))

    def problems(self) -> list[str]:
        """Every problem the loader reports for this folder, as printed; [] if it is valid."""
        try:
            load_briefing(Path("."))
        except ContentError as exc:
            return [str(p) for p in exc.problems]
        return []

    def library_problems(self) -> list[str]:
        return [str(p) for p in load_library(Path(".")).problems]


def copy_mini(dest: Path) -> MiniCopy:
    """Copy the mini fixture to ``dest`` (which must not exist yet)."""
    shutil.copytree(MINI, dest)
    return MiniCopy(dest)
