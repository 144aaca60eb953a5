"""A validated briefing as plain data and back (``content.snapshot``), without pydantic.

The library store keeps briefings as ``to_plain`` data and rebuilds them with ``from_plain``
before the first frame; that is worth it only if rebuilding never imports pydantic, and safe only
if the rebuilt briefing is the validated one, field for field.
"""

from __future__ import annotations

import dataclasses
import json
import marshal
import typing
from pathlib import Path

import pytest
from probe import fresh_python

from briefing_tui.content import snapshot
from briefing_tui.content.loader import bundled_content_path, load_library
from briefing_tui.content.model import Briefing
from briefing_tui.content.snapshot import from_plain, to_plain
from briefing_tui.export import to_json

DATA = Path(__file__).resolve().parent.parent / "data"

BRIEFINGS = {
    b.id: b
    for where in (bundled_content_path(), DATA / "mini", DATA / "library-v2")
    for b in load_library(where).library.briefings
}


def test_the_fixtures_cover_the_bundled_mini_and_v2_briefings() -> None:
    assert set(BRIEFINGS) == {
        "xi-russia-visit-2025-05",
        "mini",
        "visit-figures-en",
        "visit-note-ru",
    }


@pytest.mark.parametrize("briefing_id", sorted(BRIEFINGS))
def test_round_trip_gives_the_validated_briefing(briefing_id: str) -> None:
    briefing = BRIEFINGS[briefing_id]
    plain = to_plain(briefing)
    # JSON-compatible as it is, and marshal-compatible (builtin types only, no str subclasses)
    assert json.loads(json.dumps(plain)) == plain
    assert marshal.loads(marshal.dumps(plain)) == plain
    for data in (plain, json.loads(json.dumps(plain)), marshal.loads(marshal.dumps(plain))):
        again = from_plain(data)
        assert type(again) is Briefing
        assert again == briefing
        assert to_plain(again) == plain


@pytest.mark.parametrize("briefing_id", sorted(BRIEFINGS))
def test_plain_data_is_the_json_export(briefing_id: str) -> None:
    briefing = BRIEFINGS[briefing_id]
    assert json.loads(to_json([briefing])) == {"briefings": [to_plain(briefing)]}


def test_rebuilt_items_keep_their_types_and_stay_frozen() -> None:
    briefing = from_plain(to_plain(BRIEFINGS["xi-russia-visit-2025-05"]))
    original = BRIEFINGS["xi-russia-visit-2025-05"]
    assert type(briefing.start) is type(original.start)
    assert type(briefing.sources[0].kind) is type(original.sources[0].kind)
    assert type(briefing.sections) is tuple
    assert type(briefing.figures[0].value) is float
    assert briefing.agreements_section == original.agreements_section
    with pytest.raises(dataclasses.FrozenInstanceError):
        briefing.title = "changed"  # type: ignore[misc]


def test_snapshot_exposes_exactly_the_two_functions() -> None:
    defined_here = {
        name
        for name, value in vars(snapshot).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == snapshot.__name__
    }
    assert defined_here == {"to_plain", "from_plain"}
    assert snapshot.__all__ == ["from_plain", "to_plain"]


def test_reading_a_briefing_from_plain_data_never_imports_pydantic(tmp_path: Path) -> None:
    """In a fresh interpreter: the model, the loader module and from_plain, no pydantic; the
    briefing it builds is the validated one (compared here, where pydantic is loaded)."""
    plain_files = {}
    for briefing_id, briefing in BRIEFINGS.items():
        plain_files[briefing_id] = tmp_path / f"{briefing_id}.json"
        plain_files[briefing_id].write_text(json.dumps(to_plain(briefing)), encoding="utf-8")
    code = (
        "import json, sys\n"
        "import briefing_tui.content.loader\n"
        "from briefing_tui.content.snapshot import from_plain, to_plain\n"
        f"paths = {json.dumps({k: str(v) for k, v in plain_files.items()})}\n"
        "built = {k: from_plain(json.load(open(p, encoding='utf-8'))) for k, p in paths.items()}\n"
        "print(json.dumps({\n"
        "    'pydantic': sorted(m for m in sys.modules if m.startswith('pydantic')),\n"
        "    'briefings': {k: to_plain(b) for k, b in built.items()},\n"
        "}))\n"
    )
    result = json.loads(fresh_python(code))
    assert result["pydantic"] == []
    for briefing_id, plain in result["briefings"].items():
        assert from_plain(plain) == BRIEFINGS[briefing_id]


def test_validating_still_goes_through_pydantic() -> None:
    """The other path: loading TOML imports pydantic, on the first validation only."""
    code = (
        "import sys\n"
        "from briefing_tui.content.loader import load_library\n"
        "before = 'pydantic' in sys.modules\n"
        "load_library()\n"
        "print(before, 'pydantic' in sys.modules)\n"
    )
    assert fresh_python(code) == "False True\n"


def test_from_plain_rejects_data_of_another_shape() -> None:
    """Trusted data only, but a store holding something else fails loudly, never silently."""
    plain = to_plain(BRIEFINGS["mini"])
    del plain["sections"]
    with pytest.raises(KeyError):
        from_plain(plain)
    with pytest.raises(ValueError):
        from_plain({**to_plain(BRIEFINGS["mini"]), "start": "not a date"})


def test_browser_modules_import_without_pydantic() -> None:
    """What ``briefing`` imports before its first frame (the launcher, the app) stays free of
    pydantic, so that a briefing rebuilt from plain data is drawn without it."""
    code = (
        "import sys\nimport briefing_tui.cli.launch, briefing_tui.ui.app\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    assert fresh_python(code) == "[]\n"


def _classes_of(root: type) -> set[type]:
    """Every dataclass a briefing is built of, found through the field types."""
    found: set[type] = set()
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.add(cls)
        for hint in typing.get_type_hints(cls).values():
            stack = [hint]
            while stack:
                current = stack.pop()
                if dataclasses.is_dataclass(current):
                    todo.append(current)  # type: ignore[arg-type]
                stack.extend(typing.get_args(current))
    return found


def test_field_types_are_read_as_get_type_hints_reads_them() -> None:
    """The snapshot evaluates annotations itself (one expression per class, not one per
    field): what it gets must be what ``typing`` gets, for every class of a briefing."""
    classes = _classes_of(Briefing)
    assert len(classes) > 8
    for cls in classes:
        assert snapshot._hints(cls) == typing.get_type_hints(cls, include_extras=True), cls
