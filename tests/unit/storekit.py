"""Small libraries for the store tests: copies of ``tests/data/mini`` under other ids."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"
#: A sentence of mini's first paragraph, which tests replace to change a briefing.
SENTENCE = "Gas talks resumed, said the ministry."


def add_briefing(root: Path, name: str, sentence: str | None = None) -> Path:
    """A copy of mini in ``root/name`` with id ``name``; ``sentence`` replaces SENTENCE."""
    folder = root / name
    shutil.copytree(MINI, folder)
    meta = folder / "briefing.toml"
    meta.write_text(meta.read_text().replace('id = "mini"', f'id = "{name}"'))
    if sentence is not None:
        edit(folder, SENTENCE, sentence)
    return folder


def edit(folder: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the briefing's sections file (its mtime moves on)."""
    path = folder / "sections.toml"
    text = path.read_text()
    assert old in text
    before = path.stat().st_mtime_ns
    path.write_text(text.replace(old, new))
    os.utime(path, ns=(before + 10**9, before + 10**9))


def library(root: Path, count: int = 3) -> Path:
    """``count`` briefings b0, b1, ... each with its own word ("wordN") in its first paragraph."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        add_briefing(root, f"b{n}", f"Gas talks resumed, said word{n}.")
    return root


def snapshot(*roots: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``roots`` with its size and mtime: to prove nothing was written."""
    out = {}
    for root in roots:
        if not root.exists():
            continue
        for folder, _dirs, files in os.walk(root):
            out[folder] = (0, os.stat(folder).st_mtime_ns)
            for name in files:
                info = os.stat(os.path.join(folder, name))
                out[os.path.join(folder, name)] = (info.st_size, info.st_mtime_ns)
    return out
