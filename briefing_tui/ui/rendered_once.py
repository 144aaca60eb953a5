"""A Rich renderable that Textual wraps once per width, not once per question asked of it.

An OptionList asks each option's visual for its height (to place the options) and then for
its lines (to paint them), once more for the highlighted option's style. Textual's
``RichVisual`` renders the renderable anew for each: a search result's hit (a Rich group,
its snippet wrapped under a hanging indent) was wrapped twice or three times per keystroke,
about 0.3 ms each. :class:`RenderedOnce` keeps the lines of its last width, unstyled, and lays
each paint's base style over them, which is what Textual does to a fresh render
(``Widget.post_render``: every segment's style added to the base style).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual._context import active_app
from textual.render import measure
from textual.strip import Strip
from textual.visual import Visual

if TYPE_CHECKING:
    from rich.console import ConsoleRenderable
    from textual.css.styles import RulesMap
    from textual.style import Style
    from textual.visual import RenderOptions


class RenderedOnce(Visual):
    """``renderable`` as a Textual visual, wrapped once per width."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable
        self._width = -1
        self._lines: list[list[Segment]] = []

    def lines(self, width: int) -> list[list[Segment]]:
        """The renderable's lines at ``width``, without a base style (kept for the next call)."""
        if width != self._width:
            app = active_app.get()
            options = app.console_options.update(highlight=False, width=width, height=None)
            segments = app.console.render(self.renderable, options)
            self._lines = list(
                Segment.split_and_crop_lines(segments, width, include_new_lines=False, pad=False)
            )
            self._width = width
        return self._lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        console = active_app.get().console
        return measure(console, self.renderable, container_width, container_width=container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self.lines(width)
        if height is not None:
            lines = lines[:height]
        base = style.rich_style
        if not base:  # never for an option list's options, whose styles have colours
            return [Strip(line) for line in lines]
        add = base.__add__
        return [Strip([Segment(text, add(own), None) for text, own, _ in line]) for line in lines]
