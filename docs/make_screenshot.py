"""Regenerate docs/screenshot.svg, the README's picture, from the app itself.

    .venv/bin/python docs/make_screenshot.py

The report tab at 100x30 with the attribution pane toggled open (p), on the bundled briefing.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from briefing_tui.content.loader import load_library
from briefing_tui.ui.app import BriefingApp

DOCS = Path(__file__).resolve().parent
SIZE = (100, 30)
KEYS = ("2", "p")


async def screenshot() -> Path:
    app = BriefingApp(load_library())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*KEYS)
        await app.workers.wait_for_complete()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        saved = app.save_screenshot(filename="screenshot.svg", path=str(DOCS))
    return Path(saved)


def main() -> None:
    print(asyncio.run(screenshot()))


if __name__ == "__main__":
    main()
