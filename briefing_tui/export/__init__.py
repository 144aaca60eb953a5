"""Briefings rendered for reading elsewhere: Markdown, JSON, and the report's own plain text.

``text`` rebuilds the report exactly as the analyst wrote it; the tests compare it byte for byte
with the original, which is how we know the content was carried over word for word. ``json`` is
the validated data (``briefing schema --export`` describes it); ``markdown`` shows every value of
it to a reader.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from briefing_tui.content.model import Briefing, Library
from briefing_tui.content.snapshot import to_plain
from briefing_tui.export.markdown import to_markdown
from briefing_tui.export.text import to_text

FORMATS = ("markdown", "json", "text")

__all__ = ["FORMATS", "export", "to_json", "to_markdown", "to_text"]


def export(library: Library, fmt: str, briefing_id: str | None = None) -> str:
    """Render the whole library, or one briefing of it, in ``fmt``."""
    briefings = [library.get(briefing_id)] if briefing_id else list(library.briefings)
    if fmt == "json":
        return to_json(briefings)
    render = to_markdown if fmt == "markdown" else to_text
    return "\n\n".join(render(b) for b in briefings)


def to_json(briefings: Iterable[Briefing]) -> str:
    """The validated data; ``content.validation.validate_json(Library, ...)`` reads it back."""
    data = {"briefings": [to_plain(b) for b in briefings]}
    return json.dumps(data, ensure_ascii=False, indent=2)
