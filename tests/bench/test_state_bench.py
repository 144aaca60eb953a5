"""The state benchmark writes a real database and prints a row for each change it times."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import state_writes


def test_every_case_is_timed_and_the_database_is_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert state_writes.run(3, tmp_path) == 0
    out = capsys.readouterr().out.splitlines()
    rows = {line[:44].strip(): line[44:].split() for line in out[2:]}
    assert list(rows) == [
        "baseline: write 64 B + fsync",
        "m a (mark)",
        "A + Enter (add a note)",
        "position on leaving (a new one each time)",
        "open a briefing (record its read)",
        "redraw notes and changes (annotate)",
        "6,000 sections: hash every item (worker)",
        "6,000 sections: record the read (UI)",
    ]
    assert all(len(v) == 2 and float(v[0]) >= 0 for v in rows.values())
    [db] = tmp_path.glob("bt-state-*/state/state.sqlite3")
    assert db.stat().st_size > 0
