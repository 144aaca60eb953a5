"""Helpers shared by the widgets and the screens that hold lists."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import OptionList


def is_displayed(widget: Widget) -> bool:
    """Whether ``widget`` and every ancestor are displayed.

    The tab switcher keeps every opened tab mounted and hides the inactive ones; a hidden tab whose
    cursor settles on mount must not tell the attribution pane about it, or the pane would show
    the last tab mounted instead of the one in front.
    """
    node: Widget | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        parent = node.parent
        node = parent if isinstance(parent, Widget) else None
    return True


def step_cursor(option_list: OptionList, step: int) -> None:
    """Move a list's cursor to the next enabled option down (``step`` > 0) or up, stopping at
    either end: ``k`` on the first option stays there, as in less and vim. (OptionList's own
    actions wrap round, and ``k`` at the top of the overview jumped to its last line.) Also for
    keys bound on the screen around a list whose filter box has focus."""
    index = option_list.highlighted
    if index is None:  # nothing highlighted yet: OptionList picks the first (or last) option
        if step > 0:
            OptionList.action_cursor_down(option_list)
        else:
            OptionList.action_cursor_up(option_list)
        return
    options = option_list.options
    direction = 1 if step > 0 else -1
    index += direction
    while 0 <= index < len(options):
        if not options[index].disabled:
            option_list.highlighted = index
            return
        index += direction
