"""A validated briefing as plain data (dicts, lists, strings, numbers), and back.

The library store (:mod:`briefing_tui.store`) keeps each briefing in this form, so that a
briefing whose files have not changed is read back instead of parsed and validated again.
"""

from __future__ import annotations

from typing import Any

from briefing_tui.content.model import Briefing


def to_plain(briefing: Briefing) -> dict[str, Any]:
    """The briefing as JSON-compatible plain data."""
    return briefing.model_dump(mode="json")


def from_plain(data: dict[str, Any]) -> Briefing:
    """The briefing :func:`to_plain` gave (dates come back from their ISO strings)."""
    return Briefing.model_validate(data, strict=False)
