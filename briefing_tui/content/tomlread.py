"""The one place that chooses a TOML parser.

Valid content is parsed by rtoml (Rust): on the benchmark libraries it parses a briefing's
files 5x faster than tomli, whose mypyc-compiled wheel was already 3x faster than the stdlib
``tomllib`` (the same parser). Parsing was a fifth of a cold build's CPU per briefing in the
worker processes; with rtoml, a cold build of 1,000 briefings went from 6.5 to 5.8 s.

tomli stays the parser that decides: whatever rtoml refuses (bad syntax, nesting deeper than
its limit, TOML it does not know) is parsed again by tomli, which either reads it or raises
the error authors see, with the positions ``content.messages`` turns into their words. The
two agree on every valid and invalid document of the toml-test suite (checked by hand when
rtoml came in) except one: rtoml accepts a leading byte-order mark, which tomli refuses, so a
text starting with one goes to tomli alone. A test compares both parsers on every TOML file
the project holds. Without rtoml (no wheel for the platform), tomli parses everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

try:
    import tomli as _toml
except ImportError:  # pragma: no cover - tomli is a declared dependency
    import tomllib as _toml  # type: ignore[no-redef]

TOMLDecodeError = _toml.TOMLDecodeError

#: A ``{`` with a line break before the next ``}``: an inline table that may span lines, where
#: rtoml reads line breaks that tomli (and the TOML spec) refuse, such as one between a key and
#: its ``=``. Such text goes to tomli; so does a string holding a ``{`` and a line break, which
#: costs time, never a wrong answer.
_SPANNING = re.compile(r"\{[^}\n]*[\r\n]")

#: rtoml's ``loads``, looked up on the first parse (its import is 1.4 ms that a start drawing
#: from a store never needs); False when rtoml is not installed.
_fast: Callable[[str], dict[str, Any]] | bool | None = None


def parse_toml(text: str) -> dict[str, Any]:
    """Parse a TOML document that has already been decoded from UTF-8. Raises tomli's
    ``TOMLDecodeError`` (or ``RecursionError``) for what is not valid TOML."""
    fast = _fast if _fast is not None else _load_fast()
    if fast is not False and not text.startswith("\ufeff") and _SPANNING.search(text) is None:
        try:
            return fast(text)  # type: ignore[operator,no-any-return]
        except Exception:  # any refusal: tomli reads the text or explains it, below
            pass
    return _toml.loads(text)


def strict_parse_toml(text: str) -> dict[str, Any]:
    """tomli alone: what :func:`parse_toml` must agree with (tests compare the two)."""
    return _toml.loads(text)


def _load_fast() -> Callable[[str], dict[str, Any]] | bool:
    global _fast
    try:
        from rtoml import loads
    except ImportError:
        _fast = False
    else:
        _fast = loads
    return _fast
