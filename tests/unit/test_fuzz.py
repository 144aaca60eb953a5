"""Property tests: whatever the bytes, the loader answers with a briefing or a ContentError.

The default run is short (for CI). ``BRIEFING_FUZZ=long python -m pytest tests/unit/test_fuzz.py``
runs many more examples (see the README's "Fuzzing" section). Hypothesis settings are applied per
test here, so they do not change other test modules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from minikit import MINI

from briefing_tui.content import model as models
from briefing_tui.content.loader import load_briefing, load_library
from briefing_tui.content.positions import key_lines
from briefing_tui.content.problems import ContentError
from briefing_tui.content.text import unsafe_character
from briefing_tui.content.tomlread import parse_toml
from briefing_tui.search import QueryError, SearchIndex, SearchResult, parse_query

LONG = os.environ.get("BRIEFING_FUZZ", "").lower() == "long"

FUZZ = settings(
    max_examples=3000 if LONG else 25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not LONG,  # CI runs are reproducible; long local runs explore
)

FILES = list(models.CONTENT_FILES)
MINI_TEXT = {name: (MINI / name).read_text(encoding="utf-8") for name in FILES}
MINI_DATA = {name: parse_toml(text) for name, text in MINI_TEXT.items()}
FIELD_NAMES = sorted(
    {
        n
        for m in vars(models).values()
        if isinstance(m, type) and dataclasses.is_dataclass(m)
        for n in (f.name for f in dataclasses.fields(m))
    }
)


@contextmanager
def briefing_with(name: str, data: bytes) -> Iterator[Path]:
    """A fresh copy of the mini briefing with ``name`` replaced by ``data``."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "mini"
        shutil.copytree(MINI, folder)
        (folder / name).write_bytes(data)
        yield folder


def load_or_problems(folder: Path) -> models.Briefing | list[str]:
    """The property: a Briefing, or a ContentError whose problems are safe one-liners."""
    try:
        return load_briefing(folder)
    except ContentError as exc:
        lines = [str(p) for p in exc.problems]
        assert lines
        for line in lines:
            assert "\n" not in line and "\r" not in line
            assert unsafe_character(line) is None, line
        return lines


# --------------------------------------------------------------------------------------------
# A TOML writer of our own, so hypothesis can build documents as data
# --------------------------------------------------------------------------------------------


def toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else toml_string(key)


def toml_string(text: str) -> str:
    # JSON string escapes (\" \\ \n \uXXXX) are all valid TOML basic-string escapes
    return json.dumps(text, ensure_ascii=False)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_document(data: dict[str, Any]) -> str:
    """Scalars and inline values first, then arrays of tables as ``[[key]]`` blocks."""
    lines = []
    tables = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables.append((key, value))
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    for key, items in tables:
        for item in items:
            lines.append(f"\n[[{toml_key(key)}]]")
            lines.extend(f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items())
    return "\n".join(lines) + "\n"


def test_writer_round_trips_the_fixture() -> None:
    for name, data in MINI_DATA.items():
        assert parse_toml(toml_document(data)) == data, name


keys = st.sampled_from(FIELD_NAMES) | st.text(min_size=1, max_size=6)
scalars = (
    st.text(max_size=12)
    | st.sampled_from(["s1", "s1.p1", "wire", "ministry", "energy", "trade-goal", "official"])
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.booleans()
    | st.dates(min_value=dt.date(1, 1, 1))
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
documents = st.dictionaries(
    keys,
    values | st.lists(st.dictionaries(keys, values, max_size=6), min_size=1, max_size=3),
    max_size=8,
)


# --------------------------------------------------------------------------------------------
# The loader
# --------------------------------------------------------------------------------------------


@FUZZ
@given(name=st.sampled_from(FILES), data=st.binary(max_size=2048))
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    with briefing_with(name, data) as folder:
        load_or_problems(folder)


@FUZZ
@given(name=st.sampled_from(FILES), document=documents)
def test_arbitrary_toml_documents(name: str, document: dict[str, Any]) -> None:
    text = toml_document(document)
    with briefing_with(name, text.encode("utf-8")) as folder:
        load_or_problems(folder)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            found.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found.extend(_paths(v, (*prefix, i)))
    return found


def _replace(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    if isinstance(data, dict):
        out = dict(data)
        if new is _DELETE and not rest:
            out.pop(head, None)
        else:
            out[head] = _replace(data[head], tuple(rest), new)
        return out
    out_list = list(data)
    if new is _DELETE and not rest:
        del out_list[head]
    else:
        out_list[head] = _replace(data[head], tuple(rest), new)
    return out_list


_DELETE = object()


@FUZZ
@given(data=st.data())
def test_structured_mutations_of_the_fixture(data: st.DataObject) -> None:
    """Near-valid files: one value of a mini file replaced, removed or retyped."""
    name = data.draw(st.sampled_from(FILES))
    document = MINI_DATA[name]
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(document)
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        new = data.draw(st.just(_DELETE) | values)
        document = _replace(document, path, new)
    with briefing_with(name, toml_document(document).encode("utf-8")) as folder:
        load_or_problems(folder)


@FUZZ
@given(data=st.data())
def test_text_mutations_of_the_fixture(data: st.DataObject) -> None:
    """Files cut, spliced and sprinkled with hostile characters at random places."""
    name = data.draw(st.sampled_from(FILES))
    text = MINI_TEXT[name]
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "truncate", "duplicate"]))
        if action == "insert":
            piece = data.draw(
                st.sampled_from(
                    [
                        "[",
                        "]",
                        "{",
                        "}",
                        '"',
                        "'''",
                        '"""',
                        "=",
                        ",",
                        "\n",
                        "#",
                        ".",
                        "\\",
                        "\\u001b",
                        "\u202e",
                        "\x85",
                        "[[sections]]\n",
                        "\x00",
                    ]
                )
                | st.text(max_size=5)
            )
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 20)) :]
        elif action == "truncate":
            text = text[:at]
        else:
            lines = text.splitlines(keepends=True)
            if lines:
                i = data.draw(st.integers(0, len(lines) - 1))
                lines.insert(i, lines[i])
            text = "".join(lines)
    with briefing_with(name, text.encode("utf-8", "surrogatepass")) as folder:
        load_or_problems(folder)


@FUZZ
@given(text=st.text(max_size=400))
def test_key_lines_never_raises(text: str) -> None:
    lines = key_lines(text)
    assert all(isinstance(v, int) and v >= 1 for v in lines.values())


# --------------------------------------------------------------------------------------------
# The search query parser
# --------------------------------------------------------------------------------------------

_INDEX = SearchIndex.build(load_library(MINI).library)
query_text = st.text(max_size=40) | st.lists(
    st.sampled_from(
        [
            '"',
            "-",
            ":",
            "source:",
            "status:",
            "kind:",
            "area:",
            "section:",
            "briefing:",
            "gas",
            "wire",
            "s1.p1",
            " ",
            "\u202e",
            "\x1b",
            "агент",
            "中俄",
            "*",
            "é",
        ]
    ),
    max_size=10,
).map("".join)


@FUZZ
@given(text=query_text)
def test_query_parser_raises_only_query_error(text: str) -> None:
    try:
        parse_query(text)
    except QueryError as exc:
        message = str(exc)
        assert message and "\n" not in message


@FUZZ
@given(text=query_text, limit=st.none() | st.integers(0, 20))
def test_search_never_raises(text: str, limit: int | None) -> None:
    result = _INDEX.search(text, limit)
    assert isinstance(result, SearchResult)
    if result.error is not None:
        assert result.hits == ()
    if limit is not None:
        assert len(result.hits) <= limit
    assert result.total >= len(result.hits)


@pytest.mark.parametrize("text", ['"unclosed', "nosuch:thing", "status:", "kind:zebra"])
def test_malformed_queries_come_back_as_errors(text: str) -> None:
    result = _INDEX.search(text)
    assert result.error
    assert result.hits == ()
