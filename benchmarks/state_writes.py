"""The analyst's layer on the UI thread: how long each change the keys make holds it.

The browser writes marks, notes and positions on the UI thread (the SQLite connection belongs
to the thread that opened it, and a note is shown as saved only once committed). Each change
is one transaction with ``synchronous=FULL``, so its floor is one ``fsync`` of the folder's
disk: the baseline, measured in the same run, is writing 64 bytes to a file beside the
database and ``fsync``-ing it. Run where analysts' homes live (a network home is slower).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _times(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    found = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        found.append((time.perf_counter() - start) * 1000)
    found.sort()
    return statistics.median(found), found[max(0, int(len(found) * 0.95) - 1)]


def run(repeats: int, folder: Path | None = None) -> int:
    from briefing_tui.content.loader import load_library
    from briefing_tui.reading.refs import BriefingRefs
    from briefing_tui.state.analyst import AnalystState
    from briefing_tui.state.fingerprint import item_fingerprints, ref_to
    from briefing_tui.ui.analyst_session import AnalystSession
    from briefing_tui.ui.annotations import annotate

    from .wide import write_wide_briefing

    briefing = load_library().library.briefings[0]
    where = Path(tempfile.mkdtemp(prefix="bt-state-", dir=folder))
    state = AnalystState.open(where / "state" / "state.sqlite3")
    assert state.writable, state.notices
    probe = where / "state" / "fsync-probe"

    def fsync_floor() -> None:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"x" * 64)
            os.fsync(fd)
        finally:
            os.close(fd)

    ref = ref_to(briefing, "s2.p1")
    places = [p.id for _, p in briefing.paragraphs()]
    count = [0]

    def new_position() -> None:
        count[0] += 1
        assert state.set_last_position(briefing.id, places[count[0] % len(places)])

    session = AnalystSession(state)
    refs = BriefingRefs(briefing)
    for i in range(20):
        state.add_note(ref_to(briefing, f"s{i % 4 + 1}.p1"), f"note {i}")
    cases: list[tuple[str, Callable[[], object]]] = [
        ("baseline: write 64 B + fsync", fsync_floor),
        ("m a (mark)", lambda: state.mark("a", ref)),
        ("A + Enter (add a note)", lambda: state.add_note(ref, "a note")),
        ("position on leaving (a new one each time)", new_position),
        ("open a briefing (record its read)", lambda: state.record_read(briefing)),
        ("redraw notes and changes (annotate)", lambda: annotate(session, briefing, refs)),
    ]
    # A briefing of 6,000 one-paragraph sections: hashing its items is the worker's; the UI
    # thread stores them (one transaction of 6,202 rows).
    wide = load_library(write_wide_briefing(where / "wide", 6000, 200)).library.briefings[0]
    wide_prints = item_fingerprints(wide)
    cases += [
        ("6,000 sections: hash every item (worker)", lambda: item_fingerprints(wide)),
        ("6,000 sections: record the read (UI)", lambda: state.record_read(wide, wide_prints)),
    ]
    print(f"state in {where} · {repeats} runs each · milliseconds")
    print(f"{'case':44} {'median':>8} {'p95':>8}")
    for name, action in cases:
        median, p95 = _times(action, repeats)
        print(f"{name:44} {median:8.2f} {p95:8.2f}")
    state.close()
    return 0
