"""Dates as a reader writes them, shared by the browser and the exports."""

from __future__ import annotations

import datetime as dt


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
