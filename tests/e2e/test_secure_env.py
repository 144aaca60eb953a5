"""Secure mode against a hostile environment, and the refusal to run without a terminal.

These run the installed ``briefing`` as a separate process, because what is being tested is what
happens before and while textual is imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tmuxkit import TMUX, Tmux, briefing_command, wait_for, wait_screen

from briefing_tui.ui.lockdown import is_scrubbed, scrub_environment

TITLE = "Xi Jinping's visit to Russia"


def test_scrub_removes_every_textual_switch_and_browser() -> None:
    env = {
        "TEXTUAL": "devtools,debug",
        "TEXTUAL_DRIVER": "evil:Driver",
        "TEXTUAL_LOG": "/tmp/log",
        "TEXTUAL_SCREENSHOT": "0",
        "TEXTUAL_SCREENSHOT_LOCATION": "/tmp",
        "TEXTUAL_PRESS": "q",
        "TEXTUAL_SOMETHING_NEW": "1",
        "BROWSER": "xterm -e sh",
        "PAGER": "sh",
        "LANG": "C.UTF-8",
        "TERM": "xterm",
        "TEXTUALISH": "kept: not a textual switch",
    }
    removed = scrub_environment(env)
    assert env == {"LANG": "C.UTF-8", "TERM": "xterm", "TEXTUALISH": "kept: not a textual switch"}
    assert "TEXTUAL_DRIVER" in removed and "BROWSER" in removed
    assert not is_scrubbed("NO_COLOR")


def test_scrub_happens_before_textual_reads_its_constants(tmp_path: Path) -> None:
    """In a fresh interpreter: run_tui's order of scrub-then-import leaves textual's defaults."""
    code = (
        "from briefing_tui.ui.lockdown import scrub_environment\n"
        "scrub_environment()\n"
        "import sys; assert 'textual' not in sys.modules\n"
        "from textual import constants as c\n"
        "print(c.DRIVER, c.LOG_FILE, c.SCREENSHOT_DELAY, repr(c.PRESS), sys.dont_write_bytecode)\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "TEXTUAL_DRIVER": "os:system",
        "TEXTUAL_LOG": str(tmp_path / "log"),
        "TEXTUAL_SCREENSHOT": "0",
        "TEXTUAL_PRESS": "q",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["None", "None", "-1", "''", "True"]


def test_tui_without_a_terminal_exits_2_naming_the_script_commands() -> None:
    done = subprocess.run(
        [*briefing_command(), "--secure"],
        stdin=subprocess.PIPE,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    message = done.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "briefing export" in message and "briefing search" in message


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")
def test_secure_app_ignores_a_hostile_environment(tmp_path: Path) -> None:
    """Drivers, logs, screenshots, typed keys and a browser from the environment: all ignored."""
    shots = tmp_path / "shots"
    shots.mkdir()
    status = tmp_path / "status"
    hostile = {
        "TEXTUAL": "devtools",
        "TEXTUAL_DRIVER": "no_such_module:Driver",
        "TEXTUAL_LOG": str(tmp_path / "textual.log"),
        "TEXTUAL_SCREENSHOT": "0",
        "TEXTUAL_SCREENSHOT_LOCATION": str(shots),
        "TEXTUAL_PRESS": "q",
        "BROWSER": f"touch {tmp_path / 'browsed'}",
        "LANG": "C.UTF-8",
    }
    tmux = Tmux()
    try:
        argv = [*briefing_command(), "--secure", "--no-state"]  # notes: see test_state_tmux
        tmux.start("hostile", argv, env=hostile, status_file=status)
        wait_screen(tmux, "hostile", TITLE)
        assert not tmux.pane_dead("hostile"), "the app quit by itself (TEXTUAL_PRESS=q?)"
        tmux.keys("hostile", "q")
        assert wait_for(status.exists, timeout=10), tmux.screen("hostile")
        assert status.read_text().strip() == "0"
        assert "Traceback" not in tmux.screen("hostile")
    finally:
        tmux.kill()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shots", "status"]
    assert list(shots.iterdir()) == []
