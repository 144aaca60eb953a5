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
    """Move a list's cursor from a key bound on the screen around it (its filter box has focus)."""
    if step > 0:
        option_list.action_cursor_down()
    else:
        option_list.action_cursor_up()
