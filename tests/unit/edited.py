"""Test libraries made by copying a fixture and replacing exact strings in its files.

Each edit must match exactly once, so a fixture changed under a test fails loudly here rather
than leaving the test to check text that is no longer there.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from briefing_tui.content.loader import load_library
from briefing_tui.search import SearchIndex


def edited_copy(source: Path, dest: Path, edits: Mapping[str, Sequence[tuple[str, str]]]) -> Path:
    """``source`` copied to ``dest`` with ``edits`` (file name -> (old, new) pairs) made."""
    shutil.copytree(source, dest)
    for name, pairs in edits.items():
        path = dest / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, (name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return dest


def index_of(root: Path) -> SearchIndex:
    """The search index of the library at ``root``, every briefing of which must load."""
    result = load_library(root)
    assert not result.broken, result.problems
    return SearchIndex.build(result.library)
