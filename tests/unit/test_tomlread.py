"""The fast TOML parser reads what tomli reads, and tomli explains what it refuses.

``parse_toml`` hands valid content to rtoml and everything rtoml refuses to tomli. These tests
hold it to tomli's answers: the same data for every TOML file the project holds, the same
accept-or-refuse verdict and data for near-valid edits of them, and tomli's own errors.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.content import tomlread
from briefing_tui.content.tomlread import TOMLDecodeError, parse_toml, strict_parse_toml

ROOT = Path(__file__).resolve().parents[2]
TOML_FILES = sorted(
    p
    for folder in ("content", "tests", "benchmarks")
    for p in (ROOT / folder).rglob("*.toml")
    if p.stat().st_size < 1_048_576
)
LONG = os.environ.get("BRIEFING_FUZZ", "").lower() == "long"


def _same(value: Any) -> Any:
    """NaN equal to NaN, and each value's type compared too (1 is not 1.0, a date is not a
    string)."""
    if isinstance(value, dict):
        return {k: _same(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_same(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return ("nan", float)
    tz = getattr(value, "utcoffset", None)
    offset = tz() if callable(tz) and hasattr(value, "hour") else None
    return (value, type(value), offset)


def _verdict(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return "ok", _same(parse(text))
    except TOMLDecodeError as exc:
        return "error", str(exc)
    except RecursionError:
        return "error", "recursion"


def test_rtoml_is_the_parser_of_valid_content() -> None:
    """rtoml is a declared dependency: the fast path must not be silently off."""
    assert callable(tomlread._load_fast())


def test_every_project_toml_file_parses_as_tomli_parses_it() -> None:
    assert len(TOML_FILES) > 10
    for path in TOML_FILES:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        assert _verdict(parse_toml, text) == _verdict(strict_parse_toml, text), path


@pytest.mark.parametrize(
    "text",
    [
        'title = "unclosed\n',
        "a = [1, 2\nb = 3\n",
        "a = 1\na = 2\n",
        "[t]\n[t]\n",
        "a = 1979-05-27T07:32:00+25:00\n",
        "a = 0x\n",
        'a = "\x01"\n',
        "\ufeffa = 1\n",
        # rtoml reads these line breaks in inline tables; tomli and the spec refuse them
        "a = { b\n= 1 }\n",
        "a = [{ b =\r\n 1 }]\n",
    ],
)
def test_refused_text_raises_tomlis_error(text: str) -> None:
    with pytest.raises(TOMLDecodeError) as fast:
        parse_toml(text)
    with pytest.raises(TOMLDecodeError) as strict:
        strict_parse_toml(text)
    assert str(fast.value) == str(strict.value)


def test_values_of_every_toml_type_match() -> None:
    text = (
        'a = "x\\u00e9\\n"\nb = 1_000\nc = 0x1F\nd = 6.5e-3\ne = inf\nf = true\n'
        "g = 1979-05-27T07:32:00-08:00\nh = 1979-05-27T07:32:00\ni = 1979-05-27\n"
        "j = 07:32:00.999\nk = [1, [2, 3], { x = 'y' }]\nl = '''\nraw\\n'''\n"
        '[[m]]\nn = "o"\n[p.q."r s"]\nt = -0.0\n'
    )
    assert _verdict(parse_toml, text) == _verdict(strict_parse_toml, text)
    assert _verdict(parse_toml, text)[0] == "ok"


def test_nesting_past_rtomls_limit_is_tomlis_to_read_or_refuse() -> None:
    readable = "a = " + "[" * 150 + "]" * 150 + "\n"  # rtoml stops at 80 levels; tomli reads it
    assert parse_toml(readable) == strict_parse_toml(readable)
    hopeless = "a = " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert _verdict(parse_toml, hopeless) == ("error", "recursion")


def test_without_rtoml_tomli_parses_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tomlread, "_fast", False)
    calls: list[str] = []
    real = tomlread._toml.loads
    monkeypatch.setattr(tomlread._toml, "loads", lambda text: calls.append(text) or real(text))
    assert parse_toml("a = 1\n") == {"a": 1}
    assert calls == ["a = 1\n"]


_SOURCES = [p.read_text("utf-8") for p in TOML_FILES if "content" in p.parts][:12]
#: Characters that make or break TOML syntax, to edit valid files into near-valid ones.
_SYNTAX = [*"[]{}=\"',.#\n\\ \t0-:+_eE", '"""', "'''", "\r\n", "\x7f", "é"]


@settings(
    max_examples=2000 if LONG else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    source=st.sampled_from(_SOURCES or ["a = 1\n"]),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(_SYNTAX)),
        min_size=1,
        max_size=3,
    ),
)
def test_near_valid_edits_get_tomlis_verdict(
    source: str, edits: list[tuple[float, int, str]]
) -> None:
    """Delete a few characters somewhere and insert syntax: both parsers must accept the
    result with the same data, or both refuse it (with tomli's error)."""
    text = source
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    assert _verdict(parse_toml, text) == _verdict(strict_parse_toml, text)
