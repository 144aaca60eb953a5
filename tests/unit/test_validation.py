"""Validating a JSON export (``content.validation``) checks as much as loading the TOML did.

The items are plain dataclasses now; pydantic validates into them, running each field's rule
and each item's own ``check`` (a whole briefing's references, a library's unique ids).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from briefing_tui.content.loader import load_library
from briefing_tui.content.model import Library
from briefing_tui.content.snapshot import to_plain
from briefing_tui.content.validation import validate_json

MINI = Path(__file__).resolve().parent.parent / "data" / "mini"


def _export() -> dict[str, object]:
    (briefing,) = load_library(MINI).library.briefings
    return {"briefings": [to_plain(briefing)]}


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [e["msg"] for e in exc.value.errors(include_url=False)]


def test_a_valid_export_validates_into_the_model_classes() -> None:
    library = validate_json(Library, json.dumps(_export()))
    assert type(library) is Library
    assert library.briefings == load_library(MINI).library.briefings


def test_a_dangling_reference_in_an_export_is_an_error() -> None:
    data = _export()
    briefing = data["briefings"][0]  # type: ignore[index]
    briefing["sections"][0]["paragraphs"][0]["sources"] = ["nowhere"]
    with pytest.raises(ValidationError) as exc:
        validate_json(Library, json.dumps(data))
    [message] = _messages(exc)
    assert message.startswith(
        "Value error, sections[0].paragraphs[0].sources[0]: unknown source 'nowhere'"
    )


def test_a_subsection_without_content_is_an_error_at_any_depth() -> None:
    data = _export()
    section = data["briefings"][0]["sections"][0]  # type: ignore[index]
    section["sections"] = [{"id": "deep", "title": "Deep", "sections": [{"id": "x", "title": "X"}]}]
    with pytest.raises(ValidationError) as exc:
        validate_json(Library, json.dumps(data))
    errors = exc.value.errors(include_url=False)
    assert [(e["loc"][-4:], e["msg"]) for e in errors] == [
        (
            ("sections", 0, "sections", 0),
            "Value error, a section needs at least one paragraph, table or subsection",
        )
    ]


def test_duplicate_briefing_ids_in_an_export_are_an_error() -> None:
    data = _export()
    data["briefings"] = data["briefings"] * 2  # type: ignore[operator]
    with pytest.raises(ValidationError) as exc:
        validate_json(Library, json.dumps(data))
    assert _messages(exc) == ["Value error, duplicate briefing id(s): mini"]
