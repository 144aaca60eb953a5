"""Run code in a fresh interpreter and return what it printed.

What a module imports can only be seen from a clean ``sys.modules``; the checks on what the
core, the CLI and the app load at import time go through this one helper.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def fresh_python(code: str) -> str:
    """Standard output of ``python -c code`` run from the repository root; fails on an error."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
