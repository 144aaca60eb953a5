"""The benchmark tier: each benchmark runs for real, on a small case, and prints its table.

These tests check that the benchmarks work (they reach every mark, count what they say,
print a table), never how fast anything was: figures live in BENCHMARKS.md, measured by
``python -m benchmarks``. Every test here is marked ``bench``, so ``pytest -m "not bench"``
leaves the tier out of a quick run and ``pytest -m bench`` runs it alone; the full suite (CI)
runs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.bench)
