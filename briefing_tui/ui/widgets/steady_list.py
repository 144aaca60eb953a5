"""An OptionList that keeps its wrapped options when it is shown again at the same width.

Textual sends a Resize to every widget that becomes visible, even at the size it had, and
``OptionList`` answers every Resize by dropping its line and render caches: each tab switch
wrapped every option of the tab again (the overview: ~15 ms of a ~60 ms switch, cProfile in
Pilot, benchmarks/keys). Its caches depend on the width only, so a Resize that keeps the width
keeps them.

It also opens at its top while the cursor is on its first option, headings above it included.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.ui.widgets._shared import step_cursor


class SteadyOptionList(OptionList):
    """``OptionList`` whose caches survive a Resize that leaves the text's width as it was."""

    #: The width the cached lines were wrapped at (None: nothing cached).
    _wrapped_width: int | None = None

    def action_cursor_down(self) -> None:
        step_cursor(self, 1)  # stops at the last option instead of wrapping round

    def action_cursor_up(self) -> None:
        step_cursor(self, -1)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """With the cursor on the first option, scroll to the top, as `g` leaves the list.

        OptionList scrolls the cursor's option into view whenever the list is shown, and a tab
        built out of sight is shown that way the first time: at 60x16 the overview opened on
        its first key figure, its title and summary above the view. The lines above the first
        option are its headings; once the cursor has moved on, OptionList's scrolling applies.
        """
        first = next((i for i, option in enumerate(self.options) if not option.disabled), None)
        if self.highlighted is not None and self.highlighted == first:
            self._update_lines()  # as OptionList's does first: a list just shown measures now
            if self.scroll_y:
                self.scroll_home(animate=False, immediate=True)
            return
        super().scroll_to_highlight(top)

    def _on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width == self._wrapped_width:
            event.prevent_default()  # OptionList's own handler would clear the caches
            return
        self._wrapped_width = None  # OptionList's handler drops them

    def _update_lines(self) -> None:
        """Record the width the lines are wrapped at, so a Resize to another width is told apart
        (lines wrapped before a scrollbar appeared kept their height: the summary lost its last
        line). Lines cached at another width are dropped first: the update adds to them."""
        if not self.scrollable_content_region:
            return  # hidden: nothing is wrapped (OptionList's update does nothing either)
        width = self.scrollable_content_region.width
        if self._wrapped_width is not None and width != self._wrapped_width:
            self._option_render_cache.clear()
            self._line_cache.clear()
        super()._update_lines()
        self._wrapped_width = width

    def restyle(self, options: Sequence[Option | None]) -> bool:
        """Take ``options``' prompts in place of the current ones when they are the same
        options with the same text (search marks only restyle them); False, changing nothing,
        when they are not. The wrapped heights stay: setting the options anew measured every
        option again (0.17 s of a cProfiled run of three Enters on hits in the overview)."""
        new = [option for option in options if option is not None]
        if len(new) != self.option_count or any(
            old.id != option.id or _plain(old.prompt) != _plain(option.prompt)
            for old, option in zip(self.options, new, strict=True)
        ):
            return False
        for old, option in zip(self.options, new, strict=True):
            old._set_prompt(option.prompt)
        self._option_render_cache.clear()
        self.refresh()
        return True


def _plain(prompt: object) -> object:
    """A prompt's words without their styles, for the kinds of prompt our lists hold (Text,
    Rich tables and groups of them); anything else compares as unequal to everything."""
    if isinstance(prompt, Text):
        return prompt.plain
    if isinstance(prompt, str):
        return prompt
    if isinstance(prompt, Group):
        return ("group", *(_plain(part) for part in prompt.renderables))
    if isinstance(prompt, Table):
        return (
            "table",
            *((_plain(c.header), *(_plain(cell) for cell in c._cells)) for c in prompt.columns),
        )
    return object()
