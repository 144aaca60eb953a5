"""README's two commands are the ones that work, and CI runs the test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    """The shell blocks at the top of README.md, before its first section."""
    top = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", top, re.S)]


def test_readme_starts_with_an_install_and_launch_and_a_test_command() -> None:
    launch, tests = readme_commands()
    assert launch.endswith(".venv/bin/briefing")
    assert tests.endswith(".venv/bin/python -m pytest")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci
