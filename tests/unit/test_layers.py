"""The package's layers, as import-linter contracts in pyproject.toml, hold and are enforced.

``cli -> ui -> search | export | state -> reading -> content``: a module may import from the
layers below its own, never above, and the core (content, reading, search, export, state) never
imports textual. The other tests plant a backward import in a copy of the package and check that
the same contracts catch it, so a passing first test means something.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_layer_contracts_hold() -> None:
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


def test_a_backward_import_breaks_the_build(tmp_path: Path) -> None:
    copy = tmp_path / "briefing_tui"
    shutil.copytree(ROOT / "briefing_tui", copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    rules = copy / "content" / "rules.py"
    rules.write_text(rules.read_text() + "\nfrom briefing_tui.ui import app  # reversed\n")
    done = lint(tmp_path, pythonpath=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "BROKEN" in done.stdout
    assert "briefing_tui.content.rules -> briefing_tui.ui.app" in done.stdout


def test_the_state_layer_may_not_import_the_ui_or_textual(tmp_path: Path) -> None:
    """The analyst's state sits beside search and export: below the UI, free of textual."""
    copy = tmp_path / "briefing_tui"
    shutil.copytree(ROOT / "briefing_tui", copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    cite = copy / "state" / "cite.py"
    planted = "\nimport textual  # reversed\nfrom briefing_tui import ui\n"
    cite.write_text(cite.read_text() + planted)
    done = lint(tmp_path, pythonpath=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "0 kept, 2 broken" in done.stdout
    assert "briefing_tui.state.cite -> briefing_tui.ui" in done.stdout


def test_no_module_of_the_package_is_over_400_lines() -> None:
    """Small modules with one job each (STYLE.md): a module past 400 lines holds two jobs."""
    long = {
        str(path.relative_to(ROOT)): count
        for path in (ROOT / "briefing_tui").rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
