"""The stall benchmark measures a real browser on a pty: it reaches its marks and ticks."""

from __future__ import annotations

from pathlib import Path

from benchmarks import stall
from benchmarks.synth import write_library
from briefing_tui.content.loader import bundled_content_path


def test_bundled_briefing_is_indexed_while_the_timer_ticks() -> None:
    row = stall.measure(bundled_content_path())
    assert row["loaded s"] is None  # one briefing is loaded before the app starts
    assert row["indexed s"] is not None and row["indexed s"] > 0
    assert row["ticks"] > 0  # the UI timer ran while the index was built
    assert 0 < row["median ms"] <= row["p99 ms"] <= row["longest ms"]


def test_a_library_is_loaded_then_indexed(tmp_path: Path) -> None:
    row = stall.measure(write_library(tmp_path / "lib", 3))
    assert row["loaded s"] is not None and row["indexed s"] is not None
    assert 0 < row["loaded s"] < row["indexed s"]
