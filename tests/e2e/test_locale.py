"""The installed browser in a real terminal picks its chrome's language from the locale:
Russian under ``LANG=ru_RU.UTF-8`` (or ``LC_MESSAGES``), English under ``C`` and ``en_US``,
while a Russian briefing's own dates stay Russian either way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tmuxkit import TMUX, Tmux, briefing_command, exit_status, wait_for, wait_screen

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")

NOTE_RU = Path(__file__).resolve().parent.parent / "data" / "library-v2" / "visit-note-ru"


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux()
    yield server
    server.kill()


@pytest.mark.parametrize(
    ("env", "tab", "help_title"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "2 Доклад", "Клавиши"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "2 Доклад", "Клавиши"),
        ({"LANG": "C"}, "2 Report", "Keys"),
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": "C.UTF-8"}, "2 Report", "Keys"),
    ],
    ids=["ru", "lc-messages-ru", "c", "lc-all-wins"],
)
def test_the_chrome_follows_the_locale(
    tmux: Tmux, tmp_path: Path, env: dict[str, str], tab: str, help_title: str
) -> None:
    status = tmp_path / "status"
    argv = [*briefing_command(), "--no-state", str(NOTE_RU)]
    tmux.start("locale", argv, env=env, status_file=status)
    screen = wait_screen(tmux, "locale", tab)
    assert "7–10 мая 2025" in screen.splitlines()[0]  # the briefing's language, not the user's
    assert "3 " not in screen.splitlines()[1]  # no agreements in this briefing: no tab 3
    tmux.keys("locale", "?")
    wait_screen(tmux, "locale", help_title)
    tmux.keys("locale", "q")  # closes the help (Escape would wait for a sequence's timeout)
    assert wait_for(lambda: help_title not in tmux.screen("locale"))
    tmux.keys("locale", "q")
    assert exit_status(status) == "0"
