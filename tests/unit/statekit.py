"""Helpers for the state tests: the mini briefing, a state opened in a temporary folder.

Tests import this module (pytest puts ``tests/unit`` on ``sys.path``), as they do minikit.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

from minikit import MINI

from briefing_tui.content.loader import load_briefing
from briefing_tui.content.model import Briefing
from briefing_tui.state.analyst import AnalystState

#: A fixed clock, so stored times can be asserted exactly.
NOON = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def mini() -> Briefing:
    return load_briefing(MINI)


def open_state(path: Path) -> AnalystState:
    state = AnalystState.open(path, clock=lambda: NOON)
    assert state.status == "writable", state.notices
    return state


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for a folder): to prove nothing moved."""
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        found[str(path.relative_to(folder))] = None if path.is_dir() else path.read_bytes()
    return found
