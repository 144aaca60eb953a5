"""Secure mode inside the running app: every built-in that reaches outside the terminal is inert.

Each test runs the real BriefingApp with ``secure=True`` under Pilot and triggers the action the
way Textual would (action, method or palette), then checks nothing happened outside the app.
"""

from __future__ import annotations

import os
import webbrowser
from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandList, CommandPalette

from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.lockdown import REFUSED

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def no_browser_no_signals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail loudly if anything reaches webbrowser or signals the process."""
    opened: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        raise AssertionError(f"webbrowser.open({url!r}) was called")

    def fake_kill(pid: int, sig: int) -> None:
        raise AssertionError(f"os.kill({pid}, {sig}) was called")

    monkeypatch.setattr(webbrowser, "open", fake_open)
    monkeypatch.setattr(os, "kill", fake_kill)
    return opened


def shown_commands(palette: object) -> list[str]:
    """The prompts the command palette currently lists."""
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def notices(app: App[None]) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("secure", [True, False])
async def test_open_url_never_starts_a_browser_and_shows_the_link(
    bundled: LoadResult, secure: bool
) -> None:
    app = BriefingApp(bundled, secure=secure)
    async with app.run_test(size=SIZE) as pilot:
        app.open_url("https://example.org/report")
        await pilot.pause()
        assert "Link: https://example.org/report" in notices(app)


async def test_screenshot_action_and_methods_write_no_file(
    bundled: LoadResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=SIZE) as pilot:
        app.action_screenshot("shot.svg", str(tmp_path))
        assert app.save_screenshot("saved.svg", str(tmp_path)) == ""
        assert app.deliver_screenshot("delivered.svg", str(tmp_path)) is None
        await app.run_action("screenshot")
        await pilot.pause()
        assert REFUSED in notices(app)
    assert list(tmp_path.iterdir()) == []


async def test_deliver_text_reads_and_writes_nothing(bundled: LoadResult, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    out = tmp_path / "out"
    out.mkdir()

    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=SIZE):
        assert app.deliver_text(secret, save_directory=out) is None
        assert app.deliver_binary(secret, save_directory=out) is None

    assert list(out.iterdir()) == []


async def test_suspend_does_nothing(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=SIZE) as pilot:
        app.action_suspend_process()
        await app.run_action("suspend_process")
        with pytest.raises(PermissionError), app.suspend():
            raise AssertionError("the terminal was handed over")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.is_running


async def test_palette_offers_no_screenshot_or_other_outside_command(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Help", "Dark/light theme", "Quit"]
        await pilot.press("ctrl+p", *"siberia")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        assert any("Siberia" in s for s in shown_commands(app.screen)), "palette shows nothing"
        await pilot.press(*["backspace"] * 7, *"screenshot")
        await pilot.pause(0.5)
        shown = shown_commands(app.screen)
        assert not any("screenshot" in s.lower() for s in shown), shown


async def test_devtools_are_never_connected_in_secure_mode(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, secure=True)
    app.features = frozenset({"devtools"})
    async with app.run_test(size=SIZE):
        await app._init_devtools()
        assert app.devtools is None


async def test_palette_offers_the_readers_own_system_commands(bundled: LoadResult) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.5)
        assert any("Dark/light theme" in s for s in shown_commands(app.screen))
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
