"""``L`` in a real secure session on a pty: the link travels to the analyst's terminal as an
OSC 52 clipboard sequence (what an ssh client's terminal turns into its own clipboard), and
nothing is opened on the server."""

from __future__ import annotations

import base64
import time
from pathlib import Path

from ptykit import Session

FIGURES = Path(__file__).resolve().parent.parent / "data" / "library-v2" / "visit-figures-en"


def test_L_sends_the_source_link_to_the_terminal_clipboard(tmp_path: Path) -> None:
    session = Session("--no-state", "--goto", "customs", str(FIGURES), cwd=tmp_path, secure=True)
    try:
        session.wait_for("Customs statistics")
        session.settle(0.5)
        expected = b"\x1b]52;c;" + base64.b64encode(b"https://customs.gov.ru/")
        assert expected not in session.output
        session.write(b"L")
        deadline = time.monotonic() + 10
        while expected not in session.output and time.monotonic() < deadline:
            session.read(0.1)
        assert expected in session.output
        session.wait_for("Copied the link: https://customs.gov.ru/")
        session.quit()
        assert session.finish() == 0
    finally:
        session.close()
