"""A hit's prompt is wrapped once per width and painted as Textual paints a Rich renderable.

``RenderedOnce`` replaces Textual's ``RichVisual`` for the search results: each of its paints
must be the strips RichVisual gives (text, styles, line breaks), at every width and base style,
while the renderable is rendered once per width instead of once per height query and paint.
"""

from __future__ import annotations

import pytest
from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text
from textual.app import App, ComposeResult
from textual.style import Style
from textual.visual import RichVisual, Visual
from textual.widgets import OptionList

from briefing_tui.ui.rendered_once import RenderedOnce


def hit_like(location: str, snippet: str, marks: list[tuple[int, int]]) -> Group:
    where = Text()
    where.append("¶ ", style="bold magenta")
    where.append(location, style="bold")
    body = Text(snippet)
    for start, end in marks:
        body.stylize("bold reverse", start, end)
    return Group(where, Padding(body, (0, 0, 0, 2)))


CASES = [
    ("1.2 Energy", "Power of Siberia 2 was discussed at length, with no date set.", [(0, 5)]),
    ("Agreements › Energy", "", []),
    (
        "3 A heading long enough to wrap over the first line of a narrow list of results",
        "Сила Сибири — 2: переговоры о цене газа продолжатся; 北京会谈 with wide characters "
        "and a word-that-is-far-too-long-to-fit-on-one-line-of-the-list-at-all",
        [(0, 4), (40, 48), (60, 70)],
    ),
]


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(id="list")


def strips(widget: OptionList, visual: Visual, width: int, style: Style) -> list[list[object]]:
    return [list(strip) for strip in Visual.to_strips(widget, visual, width, None, style)]


@pytest.mark.parametrize("case", CASES)
async def test_paints_what_textuals_rich_visual_paints(case: tuple[str, str, list]) -> None:
    app = Host()
    async with app.run_test(size=(90, 20)):
        widget = app.query_one(OptionList)
        styles = [
            widget.get_visual_style("option-list--option"),
            widget.get_visual_style("option-list--option", "option-list--option-highlighted"),
            widget.get_visual_style("option-list--option", "option-list--option-hover"),
        ]
        once = RenderedOnce(hit_like(*case))
        for width in (12, 37, 78):
            reference = RichVisual(widget, hit_like(*case))
            assert once.get_height(widget.styles, width) == reference.get_height(
                widget.styles, width
            )
            for style in styles:
                assert strips(widget, once, width, style) == strips(widget, reference, width, style)


async def test_wraps_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    app = Host()
    async with app.run_test(size=(90, 20)):
        widget = app.query_one(OptionList)
        renders: list[int] = []
        real = Console.render

        def counting(self: Console, renderable: object, options: object = None) -> object:
            renders.append(1)
            return real(self, renderable, options)  # type: ignore[arg-type]

        monkeypatch.setattr(Console, "render", counting)
        once = RenderedOnce(hit_like(*CASES[2]))
        plain = widget.get_visual_style("option-list--option")
        lit = widget.get_visual_style("option-list--option", "option-list--option-highlighted")
        once.get_height(widget.styles, 40)
        top = len(renders)
        strips(widget, once, 40, plain)
        strips(widget, once, 40, lit)
        assert len(renders) == top  # the height's render served both paints
        once.get_height(widget.styles, 30)
        assert len(renders) > top  # a new width is wrapped anew
        assert len(strips(widget, once, 30, plain)) == once.get_height(widget.styles, 30)
