"""Defence in depth: hostile text that slipped past the loader still never reaches the terminal.

The loader rejects control and bidi characters, but every widget must hold up on its own: here a
briefing is rebuilt with ``dataclasses.replace`` (no validation, as if a loader bug let the text
through) so that every text field of every model carries markup and terminal-control payloads.
The app is driven through every view; each must keep running, show the markup literally, and draw
no ESC, C1 or bidi character: checked on the compositor's segments and on the bytes the screen
renders to (what the driver would write to a real terminal).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from harness import frame_output, frame_strips, screen_text
from rich.segment import Segment

from briefing_tui.content.loader import load_briefing
from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.problems import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.agreement import AgreementScreen
from briefing_tui.ui.screens.briefing import BriefingScreen
from briefing_tui.ui.screens.choose_source import ChooseSourceScreen
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.screens.picker import PickerScreen
from briefing_tui.ui.widgets.attribution import AttributionPane
from briefing_tui.ui.widgets.search_panel import SearchPanel

#: Markup that must be shown as typed: a style, a stray close, an action and a file link.
MARKUP = "[bold]x[/] [/] [@click=app.quit] [link=file:///etc/passwd]"

#: Terminal control payloads, one of each kind the issue names.
CONTROLS = (
    "\x1b]52;c;SGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]8;;http://x\x1b\\",  # OSC 8: hyperlink
    "\x1b]0;pwned\x07",  # OSC 0: icon name and window title
    "\x1b]2;pwned\x07",  # OSC 2: window title
    "\x1b[2J",  # CSI: erase the screen
    "\x9b2J",  # C1 CSI: erase the screen, 8-bit form
    "\x9d",  # C1 OSC introducer
    "\u202e",  # right-to-left override
)

PAYLOAD = MARKUP + " " + " ".join(CONTROLS)

#: Byte strings that would show a payload reached the terminal; the app's own output never
#: contains an OSC here (no links, no clipboard, no title), so any ``ESC ]`` is a leak too.
LEAKS = (
    "\x1b]",
    "]52;c;SGVsbG8=\x07",
    "\x1b]8;;http://x",
    "pwned\x07",
    "\x1b[2J",
    "\x9b",
    "\x9d",
    "\u202e",
)

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"

#: Fields that are ids or references, not text: left alone so the briefing still resolves.
ID_FIELDS = {"id", "area", "ref", "refs", "source", "sources", "tags", "after_section"}


def _is_item(value: Any) -> bool:
    """A content item (a dataclass instance), not a value inside one."""
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def poison(model: Any) -> Any:
    """``model`` with PAYLOAD prefixed to every free-text field, recursively, unvalidated."""
    if isinstance(model, tuple):
        return tuple(poison(item) for item in model)
    if not _is_item(model):
        return model
    update: dict[str, object] = {}
    for name in (f.name for f in dataclasses.fields(model)):
        value = getattr(model, name)
        words = isinstance(value, tuple) and value and all(type(v) is str for v in value)
        if name in ID_FIELDS and (type(value) is str or words):
            continue
        if type(value) is str:  # StrEnum values (status, kind, stance) are not free text
            update[name] = f"{PAYLOAD} {value}"
        elif words:
            update[name] = tuple(f"{PAYLOAD} {v}" for v in value)
        elif isinstance(value, tuple) or _is_item(value):
            update[name] = poison(value)
    return dataclasses.replace(model, **update)


def mini() -> Briefing:
    return load_briefing(MINI)


def hostile(briefing_id: str = "mini") -> Briefing:
    briefing = dataclasses.replace(poison(mini()), id=briefing_id)
    assert isinstance(briefing, Briefing)
    return briefing


def library(*briefings: Briefing) -> LoadResult:
    # Building a Library checks only that ids are unique: nothing is re-validated.
    return LoadResult(Library(briefings=briefings))


def test_poison_reaches_every_text_field() -> None:
    """The fixture itself: every str field of every model carries the payload."""
    seen: list[str] = []

    def walk(model: Any, where: str) -> None:
        if isinstance(model, tuple):
            for index, item in enumerate(model):
                walk(item, f"{where}[{index}]")
            return
        if not _is_item(model):
            return
        for name in (f.name for f in dataclasses.fields(model)):
            value = getattr(model, name)
            if type(value) is str and name not in ID_FIELDS:
                seen.append(f"{where}.{name}")
                assert value.startswith(PAYLOAD), f"{where}.{name}"
            walk(value, f"{where}.{name}")

    walk(hostile(), "briefing")
    for field in (
        "briefing.title",
        "briefing.summary",
        "briefing.photo_caption",
        "briefing.sections[0].title",
        "briefing.sections[1].paragraphs[0].label",
        "briefing.sections[1].paragraphs[0].gap",
        "briefing.sections[0].paragraphs[0].attributions[0].quote",
        "briefing.agreements[1].figures[0].measures",
        "briefing.areas[0].title",
        "briefing.sources[1].note",
        "briefing.figures[0].unit",
        "briefing.timeline[0].text",
        "briefing.reactions[0].summary",
    ):
        assert field in seen
    assert hostile().sources[1].outlets[0].startswith(PAYLOAD)


# -- what reached the screen ------------------------------------------------------------------


def segments(app: BriefingApp) -> list[Segment]:
    return [segment for strip in frame_strips(app) for segment in strip]


def unsafe(value: str) -> list[str]:
    """Every ESC, other C0 (but newline), DEL, C1 or bidi control character in ``value``."""
    return [
        f"U+{ord(c):04X}"
        for c in value
        if (ord(c) < 0x20 and c != "\n")
        or 0x7F <= ord(c) <= 0x9F
        or 0x202A <= ord(c) <= 0x202E
        or 0x2066 <= ord(c) <= 0x2069
    ]


def assert_safe(app: BriefingApp, where: str, *, literal: bool = True) -> str:
    """The app is alive, nothing unsafe was drawn, and (``literal``) the markup shows as text."""
    assert app.crash is None, f"{where}: {app.crash!r}"
    assert app.is_running, where
    for segment in segments(app):
        assert not unsafe(segment.text), f"{where}: {unsafe(segment.text)} in {segment.text!r}"
        style = segment.style
        if style is not None:
            assert not style.link, f"{where}: link {style.link!r} on {segment.text!r}"
            assert "@click" not in (style.meta or {}), f"{where}: action on {segment.text!r}"
    output = frame_output(app)
    for leak in LEAKS:
        assert leak not in output, f"{where}: {leak!r} written to the terminal"
    assert not [c for c in output if 0x80 <= ord(c) <= 0x9F], where
    svg = app.export_screenshot()
    assert not unsafe(svg.replace("\n", "").replace("\t", "")), where
    assert "&#27;" not in svg and "pwned\x07" not in svg, where
    plain = " ".join(screen_text(app).replace("│", " ").split())
    if literal:
        assert "[bold]x[/]" in plain, f"{where}: markup not shown literally:\n{plain}"
    return plain


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.pause()


# -- every view -------------------------------------------------------------------------------


async def test_every_view_shows_payloads_inert() -> None:
    app = BriefingApp(library(hostile()))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.has_class("-wide")

        # Report tab, with the attribution pane beside it (wide terminal).
        plain = assert_safe(app, "report")
        assert MARKUP in plain  # the title bar has room for all of it
        pane = screen.query_one(AttributionPane)
        assert pane.display and pane.region.width > 0
        assert MARKUP in pane.plain_text
        for key in ("j", "j"):  # onto s2.p1: label, gap, two sources with outlets and a note
            await pilot.press(key)
            await settle(pilot)
            assert_safe(app, f"report after {key}")
        assert pane.plain_text.count("[bold]x[/]") >= 4

        await pilot.press("1")
        await settle(pilot)
        assert_safe(app, "overview")
        for _ in range(3):  # key figure, timeline entry, reaction
            await pilot.press("j")
            await settle(pilot)
            assert_safe(app, "overview item")

        await pilot.press("3")
        await settle(pilot)
        assert_safe(app, "agreements")
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgreementScreen)
        plain = assert_safe(app, "agreement modal")
        assert MARKUP in plain
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("4")
        await settle(pilot)
        assert_safe(app, "sources")
        await pilot.press("j")  # the source with outlets, a note and three backlinks
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert screen.query_one("#backlinks-list").has_focus
        plain = assert_safe(app, "backlinks")
        assert plain.count("[bold]x[/]") >= 4

        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert_safe(app, "help", literal=False)  # the keys only; the briefing shows beneath
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, ChooseSourceScreen)
        assert_safe(app, "choose source")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        assert_safe(app, "report filtered by source")
        await pilot.press("f", "enter")  # clear the filter again
        await settle(pilot)
    assert app.return_code in (None, 0)


async def test_search_panel_with_hits_shows_payloads_inert() -> None:
    app = BriefingApp(library(hostile()))
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(50):  # the index is built on a worker after the first frame
            if app.search_index is not None:
                break
            await pilot.pause(0.05)
        assert app.search_index is not None
        await pilot.press("slash", *"pwned")
        await settle(pilot)
        panel = app.screen.query_one(SearchPanel)
        for _ in range(50):
            if panel.result is not None:
                break
            await pilot.pause(0.05)
        assert panel.result is not None and panel.result.hits
        plain = assert_safe(app, "search results")
        assert "pwned" in plain
        await pilot.press("enter")  # jump to the first hit: the status line names its place
        await settle(pilot)
        assert_safe(app, "search hit")
        await pilot.press("n")
        await settle(pilot)
        assert_safe(app, "next hit")


async def test_picker_shows_payloads_inert() -> None:
    app = BriefingApp(library(hostile("mini-a"), hostile("mini-b")))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        plain = assert_safe(app, "picker")
        assert plain.count(MARKUP) >= 2  # each title
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.briefing.id == "mini-b"
        assert_safe(app, "picked briefing (narrow)")


async def test_command_palette_shows_payloads_inert() -> None:
    app = BriefingApp(library(hostile()))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.pause(0.3)
        assert_safe(app, "palette discovery", literal=False)
        await pilot.press(*"trade")
        await pilot.pause(0.5)
        plain = assert_safe(app, "palette search")
        assert "Agreement: [bold]x[/]" in plain
        await pilot.press("enter")  # the jump still works from a Text prompt
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.active_tab != "report"  # it opened on the report; "trade" is not there
        assert_safe(app, "after palette jump")
