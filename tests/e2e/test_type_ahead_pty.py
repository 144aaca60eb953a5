"""Type-ahead over a real terminal: ``/gas`` written the moment the browser is started, before
its first frame, opens the search and finds what the same search finds when typed later."""

from __future__ import annotations

import re
from pathlib import Path

from ptykit import Session

from briefing_tui.content.folders import bundled_content_path


def test_a_search_typed_before_the_first_frame_is_answered(tmp_path: Path) -> None:
    session = Session(str(bundled_content_path()), cwd=tmp_path, secure=False)
    try:
        session.write(b"/gas")  # the app has not drawn anything yet
        session.wait_for("hits", timeout=30)
        session.settle(0.3)
        counts = re.findall(r"(\d+) hits? ·", session.text())
        assert counts and counts[-1] == "5", session.text()[-1500:]
        assert session.quit() < 10
    finally:
        session.close()


def test_a_tab_key_typed_before_the_first_frame_switches_the_tab(tmp_path: Path) -> None:
    session = Session(str(bundled_content_path()), cwd=tmp_path, secure=True)
    try:
        session.write(b"3")
        session.wait_for("Power of Siberia-2", timeout=30)
        session.settle(0.5)
        assert session.peak_rss < 200, session.peak_rss  # held keys never go round
        assert session.quit() < 10
    finally:
        session.close()
