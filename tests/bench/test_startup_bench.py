"""The start-up benchmark sees every mark it reports: a real run, one repeat, a small library.

A mark that never reaches the screen (as when the library's loading screen stopped being shown)
made the benchmark wait out its timeout on every run; now it is a failure, caught here.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import startup


def test_every_case_reaches_its_mark(tmp_path: Path, capsys) -> None:
    out = tmp_path / "startup.json"
    assert startup.run(repeats=1, library_size=3, json_path=out) == 0
    summary = json.loads(out.read_text())["summary"]
    assert set(summary) == {
        "bare textual",
        "bare + models (floor)",
        "bundled briefing",
        "bundled from snapshot",
        "3-briefing library",
        "bundled, search",
        "library, search",
    }
    for case, values in summary.items():
        assert values["first frame"] > 0, case
        assert values["peak RSS MiB"] > 0, case
        assert values["RSS at frame MiB"] > 0, case
        assert values["CPU at frame s"] > 0, case
    for case in ("bundled, search", "library, search"):
        assert summary[case]["search usable"] > summary[case]["first frame"]
    printed = capsys.readouterr().out
    assert "3-briefing library first frame / bundled briefing first frame:" in printed
