"""Helpers shared by the tab widgets (overview, agreements, sources)."""

from __future__ import annotations

from textual.widget import Widget


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
