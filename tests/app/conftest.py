"""Shared fixtures for Pilot tests: the app is built from a loaded library, as the CLI does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_tui.content.loader import load_library
from briefing_tui.content.problems import LoadResult

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="session")
def bundled() -> LoadResult:
    return load_library()


@pytest.fixture
def two_briefings(tmp_path: Path) -> Path:
    """A library folder holding the bundled briefing and the mini fixture."""
    library = tmp_path / "library"
    library.mkdir()
    shutil.copytree(_bundled_folder(), library / "xi")
    shutil.copytree(DATA / "mini", library / "mini")
    return library


def _bundled_folder() -> Path:
    from briefing_tui.content.loader import bundled_content_path

    return next(p for p in bundled_content_path().iterdir() if (p / "briefing.toml").exists())
