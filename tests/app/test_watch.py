"""``--watch``: rewriting a briefing's file under a running app reloads it at the same place;
a rewrite that does not validate leaves the briefing as it was and says why in a notice."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from harness import until

from briefing_tui.authoring.watch import changes
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.briefing import BriefingScreen


def copy_bundled(tmp_path: Path) -> Path:
    folder = tmp_path / "xi"
    shutil.copytree(bundled_content_path() / "xi-russia-visit-2025-05", folder)
    return folder


class Watched:
    """What ``reloads`` does for the app, and when the watch is in place: a file changed
    before that is never reported (the tests waited 0.3 s for it, and lost a change now and
    then on a loaded machine)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ready = threading.Event()

    def __call__(self, stop: threading.Event) -> Iterator[LoadResult]:
        for batch in changes(self.folder, stop):
            self.ready.set()  # the first batch, empty, says the watch is in place
            if batch:
                yield load_library(self.folder)


def watcher(folder: Path) -> Watched:
    return Watched(folder)


def position(app: BriefingApp) -> str | None:
    """The reader's place once the (possibly new) screen is composed."""
    from textual.css.query import NoMatches

    screen = app.screen
    if not isinstance(screen, BriefingScreen):
        return None
    try:
        return screen.current_position()
    except NoMatches:
        return None


def paragraph_text(app: BriefingApp, pid: str) -> str:
    screen = app.screen
    assert isinstance(screen, BriefingScreen)
    return next(p.text for _, p in screen.briefing.paragraphs() if p.id == pid)


async def test_a_rewritten_file_reloads_at_the_same_place(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    watched = watcher(folder)
    app = BriefingApp(load_library(folder), goto="s3.p2", watch=watched)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: position(app) == "s3.p2")
        await pilot.press("]")  # the reader moves on: that is the place to keep
        await until(pilot, lambda: position(app) == "s3.p3")
        await until(pilot, watched.ready.is_set)  # started once the first frame is up
        sections = folder / "sections.toml"
        text = sections.read_text(encoding="utf-8")
        assert "The leaders reaffirmed that" in text
        sections.write_text(text.replace("The leaders reaffirmed that", "The leaders said that"))
        await until(pilot, lambda: paragraph_text(app, "s3.p2").startswith("The leaders said"))
        await until(pilot, lambda: position(app) == "s3.p3")
        assert any(n.message == "Reloaded xi-russia-visit-2025-05" for n in app._notifications)

        # an edit that does not validate: the briefing stays, the problem is in a notice
        sections.write_text(text.replace('id = "s3.p2"', 'id = "S3 P2"'), encoding="utf-8")
        await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        notice = next(n for n in app._notifications if n.severity == "error")
        assert notice.title == "Not reloaded: the changed files do not validate"
        assert "sections.toml:" in notice.message and "S3 P2" in notice.message
        assert paragraph_text(app, "s3.p2").startswith("The leaders said")
        assert isinstance(app.screen, BriefingScreen) and position(app) == "s3.p3"
        assert app.crash is None


async def test_secure_mode_never_watches(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    started: list[bool] = []

    def spy(stop: threading.Event) -> Iterator[LoadResult]:
        started.append(True)
        return iter(())

    app = BriefingApp(load_library(folder), secure=True, watch=spy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
    assert started == []


async def test_the_picker_lists_briefings_added_removed_and_retitled(two_briefings: Path) -> None:
    from textual.widgets import OptionList

    from briefing_tui.ui.screens.picker import PickerScreen

    def listed(app: BriefingApp) -> list[str]:
        screen = app.screen
        if not isinstance(screen, PickerScreen):
            return []
        options = screen.query_one(OptionList)
        return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]

    watched = watcher(two_briefings)
    app = BriefingApp(load_library(two_briefings), watch=watched)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: sorted(listed(app)) == ["mini", "xi-russia-visit-2025-05"])
        await until(pilot, watched.ready.is_set)
        await pilot.press("down")  # the cursor on the second briefing: it stays there
        await pilot.pause(0.3)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        on = listed(app)[picker.query_one(OptionList).highlighted or 0]
        other = two_briefings / "mini2"
        shutil.copytree(two_briefings / "mini", other)
        meta = other / "briefing.toml"
        meta.write_text(
            meta.read_text(encoding="utf-8").replace('id = "mini"', 'id = "mini2"'),
            encoding="utf-8",
        )
        await until(pilot, lambda: "mini2" in listed(app))
        assert listed(app)[picker.query_one(OptionList).highlighted or 0] == on
        shutil.rmtree(two_briefings / "mini")
        await until(pilot, lambda: "mini" not in listed(app))
        assert sorted(listed(app)) == ["mini2", "xi-russia-visit-2025-05"]
        assert app.crash is None
