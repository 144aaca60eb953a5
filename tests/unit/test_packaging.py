"""The wheel ships the program and its bundled briefings, and no benchmark or test code."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_holds_the_package_and_content_but_no_benchmarks(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.startswith(("benchmarks/", "tests/")) or "bench" in n]
    assert "briefing_tui/ui/app.tcss" in names
    assert "briefing_tui/search/__init__.py" in names
    assert "briefing_tui/bundled/xi-russia-visit-2025-05/sections.toml" in names
