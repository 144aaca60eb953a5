"""The installed browser in real terminals: six TERMs, UTF-8 and C locales, NO_COLOR, resizes.

Every combination starts in its own tmux session at once (a module fixture), so the whole matrix
costs about one start-up; each parametrised test then drives its own session through the same
script: first frame, too small, big, back to 80x24, quit with exit code 0, and never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tmuxkit import (
    TITLE,
    TMUX,
    Tmux,
    briefing_command,
    exit_status,
    laid_out,
    wait_for,
    wait_screen,
)

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")

TERMS = ("xterm-256color", "xterm", "screen", "tmux-256color", "linux", "vt100")
TOO_SMALL = "Terminal too small"
SGR = re.compile(r"\x1b\[([0-9;]*)m")
#: Palette entries that are greys: black, white, the two greys, and the 232-255 ramp.
GREY_INDEXES = {0, 7, 8, 15, 16, 231, *range(232, 256)}


def hues(screen_with_escapes: str) -> set[str]:
    """Every colour on screen that is not a shade of grey, as its SGR parameters.

    Textual honours NO_COLOR by drawing in greys (its NoColor filter keeps contrast), so the
    check is "no hue", not "no SGR at all".
    """
    found: set[str] = set()
    for params in SGR.findall(screen_with_escapes):
        codes = [int(p) if p else 0 for p in params.split(";")]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                if codes[i + 2] not in GREY_INDEXES:
                    found.add(params)
                i += 3
            elif code in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                if len(set(codes[i + 2 : i + 5])) != 1:
                    found.add(params)
                i += 5
            else:
                if 31 <= code <= 36 or 41 <= code <= 46 or 91 <= code <= 96 or 101 <= code <= 106:
                    found.add(params)
                i += 1
    return found


@dataclass(frozen=True)
class Case:
    """One terminal the browser must work in."""

    term: str
    locale: str
    no_color: bool
    start: tuple[int, int] = (80, 24)

    @property
    def name(self) -> str:
        colour = "-nocolor" if self.no_color else ""
        return f"{self.term}-{self.locale}{colour}-{self.start[0]}x{self.start[1]}".replace(".", "")

    def env(self) -> dict[str, str]:
        env = {"LANG": self.locale, "LC_ALL": self.locale}
        if self.no_color:
            env["NO_COLOR"] = "1"
        return env


CASES = [
    Case(term, locale, no_color=(index + offset) % 2 == 1)
    for index, term in enumerate(TERMS)
    for offset, locale in enumerate(("C.UTF-8", "C"))
] + [
    Case("xterm-256color", "C.UTF-8", no_color=False, start=(40, 12)),
    Case("vt100", "C", no_color=True, start=(40, 12)),
]


@dataclass
class Session:
    tmux: Tmux
    status: Path


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Session]]:
    """Every case's browser, started together."""
    tmux = Tmux()
    folder = tmp_path_factory.mktemp("terminals")
    started: dict[str, Session] = {}
    try:
        for case in CASES:
            status = folder / f"{case.name}.status"
            tmux.start(
                case.name,
                briefing_command(),
                size=case.start,
                env=case.env(),
                term=case.term,
                status_file=status,
            )
            started[case.name] = Session(tmux, status)
        yield started
    finally:
        tmux.kill()


def assert_no_traceback(screen: str) -> None:
    assert "Traceback" not in screen and "Error" not in screen, screen


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_browser_works_in_terminal(case: Case, sessions: dict[str, Session]) -> None:
    session = sessions[case.name]
    tmux, name = session.tmux, case.name

    if case.start == (80, 24):
        wait_screen(tmux, name, TITLE)
        drawn = wait_for(lambda: laid_out(tmux.screen(name), 80, 24))
        assert drawn, f"no full frame at 80x24:\n{tmux.screen(name)}"
        if case.no_color:
            coloured = tmux.run("capture-pane", "-p", "-e", "-t", name)
            assert hues(coloured) == set(), sorted(hues(coloured))[:10]
        else:
            assert hues(tmux.run("capture-pane", "-p", "-e", "-t", name)), "expected colour"
        tmux.resize(name, 40, 12)
    screen = wait_screen(tmux, name, TOO_SMALL)
    assert TITLE not in screen
    assert_no_traceback(screen)

    for width, height in ((100, 30), (80, 24), (60, 16)):
        tmux.resize(name, width, height)
        # tmux reflows the old frame at once; wait for the app's own frame at the new size.
        drawn = wait_for(lambda w=width, h=height: laid_out(tmux.screen(name), w, h))
        screen = tmux.screen(name)
        assert drawn, f"no full frame at {width}x{height}:\n{screen}"
        assert TOO_SMALL not in screen
        assert_no_traceback(screen)

    tmux.keys(name, "q")
    assert exit_status(session.status) == "0", tmux.screen(name)
    assert_no_traceback(tmux.screen(name))
