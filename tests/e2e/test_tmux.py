"""End to end: the installed ``briefing`` command in a real terminal (tmux, 80x24).

Keys go in with ``tmux send-keys`` and the screen comes back with ``capture-pane``, exactly what a
person at the keyboard would type and see. The tmux server runs on a socket of its own and reads
no configuration file, so the test never touches a user's tmux sessions or settings.

The exit code is written by the shell that ran the program (``tmuxkit``'s ``status_file``), not
read from tmux's ``pane_dead_status``: tmux 3.3a leaves that empty for about half of the
programs that exit quickly (measured with ``sleep 0.3``: 11 of 20), so the test failed whenever
the browser quit fast.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tmuxkit import TMUX, Tmux, exit_status, wait_for

from briefing_tui.content.loader import load_library
from briefing_tui.reading.labels import number_label

BRIEFING = Path(sys.executable).parent / "briefing"
TIMEOUT = 20.0
NAME = "e2e"


def require_tmux() -> None:
    """In CI (CI=true) a missing tmux is a failure; elsewhere a skip with the reason."""
    if TMUX is None:
        message = "tmux is not installed (apt-get install tmux)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: the end-to-end test must run in CI")
        pytest.skip(message)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    require_tmux()
    assert BRIEFING.is_file(), (
        f"{BRIEFING} is missing: install the project into this Python (pip install '.[test]')"
    )
    server = Tmux()
    try:
        yield server
    finally:
        server.kill()


def wait(tmux: Tmux, what: str, found: Callable[[str], bool]) -> str:
    """Poll the screen until ``found(screen)``; fail with the last screen after TIMEOUT."""
    if not wait_for(lambda: found(tmux.screen(NAME)), timeout=TIMEOUT):
        pytest.fail(f"timed out waiting for {what}; the screen:\n{tmux.screen(NAME)}")
    return tmux.screen(NAME)


def wait_text(tmux: Tmux, text: str) -> str:
    return wait(tmux, repr(text), lambda screen: text in screen)


def test_installed_briefing_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:
    briefing = load_library().library.briefings[0]
    status = tmp_path / "status"
    tmux.start(NAME, [str(BRIEFING)], env={"LANG": "C.UTF-8"}, status_file=status)

    screen = wait_text(tmux, briefing.title)
    assert "2 Report" in screen
    # The report opens at its first section with the heading whole: in a real terminal the size
    # arrives after the first layout, which once left the heading half scrolled away.
    first = briefing.sections[0]
    wait_text(tmux, f"{number_label(1)} {first.title[:40]}")

    tmux.keys(NAME, "3")
    screen = wait_text(tmux, "Power of Siberia-2")
    assert re.search(r"Area\s+Agreement\s+Status", screen), screen

    tmux.keys(NAME, "/")
    # Type only once the search bar is on screen: keys that arrive before Textual moves the focus
    # still go to the table (s sorts, a filters), as they would for a person typing that fast.
    wait_text(tmux, "(Esc closes)")
    tmux.keys(NAME, "siberia", literal=True)
    wait(tmux, "search hits", lambda s: re.search(r"\d+ hits?", s) is not None)
    tmux.keys(NAME, "Enter")
    screen = wait(tmux, "the match indicator", lambda s: re.search(r"Match \d+/\d+", s) is not None)

    tmux.keys(NAME, "?")
    screen = wait_text(tmux, "Keys  (Escape closes)")
    assert "Quit" in screen
    tmux.keys(NAME, "Escape")
    wait(tmux, "help to close", lambda s: "Escape closes" not in s)

    tmux.keys(NAME, "q")
    assert exit_status(status, timeout=TIMEOUT) == "0", tmux.screen(NAME)
