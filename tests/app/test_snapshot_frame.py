"""The browser draws a briefing rebuilt from plain data without pydantic, and draws it the same.

The point of the library store's snapshot is a first frame that never imports pydantic (~160 ms
of start-up); here the app runs headless (Pilot) in a fresh interpreter on a briefing rebuilt by
``from_plain``, and its first screen is compared with the one the validated briefing gives.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.content.snapshot import to_plain

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

#: Draws the first screen of one briefing at 80x24, either rebuilt from the plain data in
#: argv[1] or validated from the folder in argv[2]; prints what pydantic modules were loaded
#: and the screen as text.
CHILD = """
import asyncio, json, sys
from briefing_tui.content.model import Library
from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp

mode, where = sys.argv[1], sys.argv[2]
if mode == "plain":
    from briefing_tui.content.snapshot import from_plain
    with open(where, encoding="utf-8") as file:
        result = LoadResult(Library(briefings=(from_plain(json.load(file)),)))
else:
    from briefing_tui.content.loader import load_library
    result = load_library(where)
app = BriefingApp(result)

async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        print(json.dumps({
            "pydantic": sorted(m for m in sys.modules if m.startswith("pydantic")),
            "screen": type(app.screen).__name__,
            "text": [strip.text for strip in strips],
        }))

asyncio.run(main())
"""


def _draw(mode: str, where: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(where)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert isinstance(result, dict)
    return result


@pytest.mark.parametrize(
    "folder",
    [bundled_content_path(), DATA / "library-v2" / "visit-note-ru"],
    ids=["bundled", "v2-ru"],
)
def test_first_screen_from_plain_data_is_drawn_without_pydantic(
    tmp_path: Path, folder: Path
) -> None:
    (briefing,) = load_library(folder).library.briefings
    plain = tmp_path / "briefing.json"
    plain.write_text(json.dumps(to_plain(briefing)), encoding="utf-8")

    from_plain_data = _draw("plain", plain)
    validated = _draw("validated", folder)

    assert from_plain_data["pydantic"] == []
    assert validated["pydantic"] != []  # the comparison run really validated
    assert from_plain_data["screen"] == validated["screen"] == "BriefingScreen"
    text = from_plain_data["text"]
    assert isinstance(text, list)
    assert briefing.title[:40] in text[0]
    assert text == validated["text"]
