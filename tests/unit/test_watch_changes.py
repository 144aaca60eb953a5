"""authoring.watch: a briefing folder moved or copied into a watched library is a change."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from briefing_tui.authoring.watch import changes
from briefing_tui.content.loader import bundled_content_path


def first_change(library: Path, act: Callable[[], object], seconds: float = 10.0) -> list[str]:
    """Start watching ``library``, ``act()`` once the watch is in place, return the first batch
    of changes after it (empty if none came within ``seconds``)."""
    stop = threading.Event()
    found: list[str] = []

    def watch() -> None:
        for batch in changes(library, stop):
            if not batch:
                act()
                continue
            found.extend(batch)
            return

    thread = threading.Thread(target=watch)
    thread.start()
    thread.join(seconds)
    stop.set()
    thread.join(5)
    return found


def test_a_folder_moved_in_is_a_change(tmp_path: Path) -> None:
    library, outside = tmp_path / "library", tmp_path / "outside"
    library.mkdir()
    shutil.copytree(bundled_content_path() / "xi-russia-visit-2025-05", outside / "xi")
    time.sleep(0.1)
    found = first_change(library, lambda: os.rename(outside / "xi", library / "xi"))
    assert found == [str(library / "xi")]


def test_a_file_that_is_not_content_is_not(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    found = first_change(library, lambda: (library / "notes.txt").write_text("x"), seconds=2.0)
    assert found == []
