"""Content text -> rich Text, never markup.

Everything the app shows from a briefing goes through these helpers, so a ``[bold]`` or
``[@click=...]`` in content is shown literally and cannot style, crash or run anything. Control
characters are already rejected at load time; ``plain`` strips any that reach here anyway
(for example from a search query typed by the user).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text

from briefing_tui.content.text import plain

#: Where a search matches a text: ``(start, end)`` spans, for highlighting in place.
Marker = Callable[[str], list[tuple[int, int]]]


def text(value: str, style: str = "") -> Text:
    """A rich Text holding ``value`` literally."""
    return Text(plain(value), style=style)


def highlighted(value: str, spans: Iterable[tuple[int, int]], style: str = "reverse") -> Text:
    """``value`` with each ``(start, end)`` span styled: search hits shown in place."""
    result = text(value)
    for start, end in spans:
        result.stylize(style, start, end)
    return result
