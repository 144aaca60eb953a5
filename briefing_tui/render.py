"""Content text -> rich Text, never markup.

Everything the app shows from a briefing goes through these helpers, so a ``[bold]`` or
``[@click=...]`` in content is shown literally and cannot style, crash or run anything. Control
characters are already rejected at load time; :func:`plain` strips any that reach here anyway
(for example from a search query typed by the user).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from rich.text import Text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: Where a search matches a text: ``(start, end)`` spans, for highlighting in place.
Marker = Callable[[str], list[tuple[int, int]]]


def plain(text: str) -> str:
    """Drop characters a terminal would interpret rather than print."""
    return _CONTROL.sub("", text)


def text(value: str, style: str = "") -> Text:
    """A rich Text holding ``value`` literally."""
    return Text(plain(value), style=style)


def highlighted(value: str, spans: Iterable[tuple[int, int]], style: str = "reverse") -> Text:
    """``value`` with each ``(start, end)`` span styled: search hits shown in place."""
    result = text(value)
    for start, end in spans:
        result.stylize(style, start, end)
    return result


def format_day(day: dt.date, *, year: bool = True) -> str:
    """``2025-05-08`` -> ``8 May 2025`` (the report's own day-month order)."""
    out = f"{day.day} {day:%B}"
    return f"{out} {day.year}" if year else out


def format_range(start: dt.date, end: dt.date | None, *, year: bool = True) -> str:
    """Dates as a reader writes them: ``7–10 May 2025``, ``30 April – 2 May 2025``."""
    if end is None or end == start:
        return format_day(start, year=year)
    suffix = f" {end.year}" if year else ""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B}{suffix}"
    if start.year == end.year:
        return f"{format_day(start, year=False)} – {format_day(end, year=False)}{suffix}"
    return f"{format_day(start)} – {format_day(end)}"
