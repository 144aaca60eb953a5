"""In secure mode an unexpected error ends the session with one line, never a traceback
(issue #12, finding 3: Textual printed 2,779 lines with locals, install paths and source).

The first error of a running app is shown on its error screen (``BriefingApp._handle_exception``);
what is tested here is what happens beyond it: a second error, an error while the input thread
dies (``panic``), and what reaches stderr when the app has gone.
"""

from __future__ import annotations

import asyncio

import pytest
from rich.traceback import Traceback

from briefing_tui.content.loader import LoadResult
from briefing_tui.process_guard import EXIT_CRASH, escape_hatches, one_line
from briefing_tui.ui.app import BriefingApp

SIZE = (80, 24)


def only_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "/" not in err, err
    return lines[0]


async def test_an_error_after_the_error_screen_ends_in_one_line(
    bundled: LoadResult, capsys: pytest.CaptureFixture[str]
) -> None:
    app = BriefingApp(bundled, secure=True)
    with pytest.raises(ValueError, match="second"):
        async with app.run_test(size=SIZE) as pilot:
            app._handle_exception(ValueError("first"))
            await pilot.pause()
            try:
                raise ValueError("second\nwith /a/path on its next line")
            except ValueError as exc:
                app._handle_exception(exc)
            await pilot.pause()
    assert app.return_code == EXIT_CRASH
    line = only_line(capsys.readouterr().err)
    assert line == "briefing: internal error: ValueError: second"


async def test_a_panic_from_the_input_thread_ends_in_one_line(
    bundled: LoadResult, capsys: pytest.CaptureFixture[str]
) -> None:
    app = BriefingApp(bundled, secure=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        try:
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
        except UnicodeDecodeError:
            app.panic(Traceback())  # what Textual's driver does when its input thread dies
    await _printed(app)
    assert app.return_code == EXIT_CRASH
    assert only_line(capsys.readouterr().err) == "briefing: internal error"


async def test_outside_secure_mode_textual_reports_as_usual(
    bundled: LoadResult, capsys: pytest.CaptureFixture[str]
) -> None:
    app = BriefingApp(bundled, secure=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.panic("a message from Textual")
    await _printed(app)
    assert "a message from Textual" in capsys.readouterr().err


async def _printed(app: BriefingApp) -> None:
    """Wait (bounded) for the app's last words: with timers of its own still pending (the idle
    collection, the idle tab build), Pilot's exit returns before the app has printed them."""
    for _ in range(200):
        if not app._exit_renderables:
            return
        await asyncio.sleep(0.01)


def test_one_line_keeps_the_type_and_first_line_only() -> None:
    assert one_line(OverflowError("too big\n  File /x.py")) == (
        "briefing: internal error: OverflowError: too big"
    )
    assert one_line(KeyError()) == "briefing: internal error: KeyError"
    assert len(one_line(ValueError("x" * 1000))) == 200


class Flags:
    def __init__(self, **set_: bool) -> None:
        self.inspect = set_.get("inspect", False)
        self.interactive = set_.get("interactive", False)
        self.dev_mode = set_.get("dev_mode", False)


@pytest.mark.parametrize(
    ("flags", "env", "faulthandler", "expected"),
    [
        (Flags(), {}, False, []),
        (Flags(), {"LANG": "C.UTF-8", "PYTHONIOENCODING": "latin-1"}, False, []),
        (Flags(inspect=True), {}, False, ["-i (inspect)"]),
        (Flags(interactive=True), {}, False, ["-i (interactive)"]),
        (Flags(dev_mode=True), {}, False, ["-X dev"]),
        (
            Flags(),
            {"PYTHONINSPECT": "1", "PYTHONSTARTUP": "/x"},
            False,
            ["PYTHONINSPECT", "PYTHONSTARTUP"],
        ),
        (Flags(), {"PYTHONINSPECT": ""}, False, []),
        (Flags(), {}, True, ["faulthandler"]),
    ],
)
def test_escape_hatches(
    flags: Flags, env: dict[str, str], faulthandler: bool, expected: list[str]
) -> None:
    assert escape_hatches(flags, env, faulthandler) == expected
