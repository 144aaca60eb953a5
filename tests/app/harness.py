"""A tiny App that mounts one tab widget on its own, for Pilot tests of the widgets.

The widgets are meant to live inside the briefing screen's tab switcher; here each one is the
only thing on screen so a test sees exactly what it posts and draws.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from briefing_tui.content.loader import load_library
from briefing_tui.content.model import Briefing
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.messages import ItemFocused, JumpRequested

T = TypeVar("T")

CSS = Path(__file__).parents[2] / "briefing_tui" / "ui" / "app.tcss"

WidgetFactory = Callable[[Briefing, BriefingRefs], Widget]


@functools.cache
def bundled_briefing() -> Briefing:
    """The Xi Jinping visit report shipped in content/, loaded once for the whole run (the
    models are frozen, so tests can share them)."""
    return load_library().library.briefings[0]


class Harness(App[None]):
    """Mounts ``factory(briefing, refs)`` and records the messages it posts up."""

    CSS_PATH = CSS

    def __init__(self, factory: WidgetFactory, briefing: Briefing | None = None) -> None:
        super().__init__()
        self.briefing = briefing or bundled_briefing()
        self.refs = BriefingRefs(self.briefing)
        self.factory = factory
        self.jumps: list[str] = []
        """Target ids of every JumpRequested, in order."""
        self.item_focused: list[str] = []
        """Target ids of every ItemFocused, in order."""

    def compose(self) -> ComposeResult:
        yield self.factory(self.briefing, self.refs)

    def on_mount(self) -> None:
        widget = self.screen.children[0]
        widget.focus_default()  # type: ignore[attr-defined]

    def on_jump_requested(self, message: JumpRequested) -> None:
        self.jumps.append(message.target_id)

    def on_item_focused(self, message: ItemFocused) -> None:
        self.item_focused.append(message.target_id)


def frame_strips(app: App[object]) -> list[Strip]:
    """The composited frame, row by row, as the terminal gets it.

    The one place the tests read Textual's private compositor: Textual has no public API for
    the composited frame with its styles (``export_screenshot`` gives SVG, without links or
    actions), and the content-safety tests must see exactly what is drawn.
    """
    return app.screen._compositor.render_strips()


def frame_output(app: App[object]) -> str:
    """The text a full repaint writes to the terminal (the screens under a modal included)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    output = console.file.getvalue()
    assert isinstance(output, str)
    return output


def screen_text(app: App[object]) -> str:
    """Everything on the screen as plain text, one line per terminal row."""
    return "\n".join(strip.text for strip in frame_strips(app))


def region_text(app: App[object], widget: Widget) -> str:
    """The screen text inside ``widget``'s region (a modal over a table, without the table)."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


def flat(value: str) -> str:
    """``value`` with every run of whitespace (and box-drawing edge) as one space.

    Lets a test find a sentence on screen however the terminal wrapped it.
    """
    return " ".join(value.replace("│", " ").split())


#: Markup that must reach the screen as typed: styling, a stray closing tag, and an action link.
HOSTILE = "[bold]x[/] [/] [@click=app.quit]go"


def hostile_briefing() -> Briefing:
    """The bundled briefing with markup planted in every kind of text the three tabs show."""
    b = bundled_briefing()

    def plant(value: str) -> str:
        return f"{HOSTILE} {value}"

    first = b.agreements[0]
    agreement = dataclasses.replace(first, title=plant(first.title), text=plant(first.text))
    source = dataclasses.replace(b.sources[0], title=plant(b.sources[0].title))
    figure = dataclasses.replace(b.figures[0], label=plant(b.figures[0].label))
    event = dataclasses.replace(b.timeline[0], title=plant(b.timeline[0].title))
    reaction = dataclasses.replace(b.reactions[0], actor=plant(b.reactions[0].actor))
    return dataclasses.replace(
        b,
        title=plant(b.title),
        summary=plant(b.summary),
        agreements=(agreement, *b.agreements[1:]),
        sources=(source, *b.sources[1:]),
        figures=(figure, *b.figures[1:]),
        timeline=(event, *b.timeline[1:]),
        reactions=(reaction, *b.reactions[1:]),
    )


__all__ = [
    "HOSTILE",
    "Harness",
    "bundled_briefing",
    "flat",
    "frame_output",
    "frame_strips",
    "hostile_briefing",
    "region_text",
    "screen_text",
]


async def until(
    pilot: Pilot[object], condition: Callable[[], bool], most: float = 30.0, what: str = ""
) -> None:
    """Let the app run until ``condition()`` holds; fail after ``most`` seconds."""
    deadline = time.monotonic() + most
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting{': ' + what if what else ''}"
        await pilot.pause(0.05)


async def until_tabs_built(app: App[object], pilot: Pilot[object], most: float = 30.0) -> None:
    """Wait until the briefing screen has built every tab in the background (it starts 0.3 s
    after the first frame, a tab at a time), and until the search index has arrived (its
    worker hands it to the screen's search box): a test that counts frames must not race
    either."""
    from briefing_tui.ui.widgets.lazy_tabs import LazyTabs

    def built() -> bool:
        tabs = list(app.screen.query(LazyTabs))
        return bool(tabs) and all(tab in tabs[0].pages for tab in tabs[0].titles)

    await until(pilot, built, most, "every tab built")
    await until_indexed(app, pilot, most)
    await app.workers.wait_for_complete()
    await pilot.pause(0.3)


async def until_indexed(app: App[object], pilot: Pilot[object], most: float = 30.0) -> None:
    """Wait until the app's search index is set. Waiting for the running workers is not
    enough: the index worker starts when loading ends, possibly after the wait looked."""
    await until(pilot, lambda: getattr(app, "search_index", None) is not None, most, "the index")


def painted_frames(app: App[object], take: Callable[[], T]) -> list[T]:
    """``take()`` at every frame the app paints from now on (not the frames dropped while a
    key holds painting: ui/settle.py)."""
    out: list[T] = []
    display = app._display

    def record(screen: object, renderable: object) -> None:
        if renderable is not None and not app._batch_count:
            out.append(take())
        display(screen, renderable)  # type: ignore[arg-type]

    app._display = record  # type: ignore[method-assign]
    return out


def layout_requests(widget: Widget) -> list[bool]:
    """Whether each ``refresh`` of ``widget`` from now on asked for a layout of the screen.

    Replaces the widget's own ``refresh`` (an instance attribute, gone with the widget).
    """
    asked: list[bool] = []
    refresh = widget.refresh

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(bool(kwargs.get("layout")))
        return refresh(*args, **kwargs)  # type: ignore[arg-type]

    widget.refresh = spy  # type: ignore[method-assign]
    return asked
