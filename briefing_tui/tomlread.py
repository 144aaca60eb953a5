"""The one place that chooses a TOML parser.

The stdlib ``tomllib`` (3.11+) and ``tomli`` are the same parser; on our content tomli's wheel was
not faster (see the commit that chose this), so the stdlib is used wherever it exists and tomli
only on Pythons that lack it.
"""

from __future__ import annotations

import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib as _toml
else:  # pragma: no cover - exercised only on 3.10
    import tomli as _toml

TOMLDecodeError = _toml.TOMLDecodeError


def parse_toml(text: str) -> dict[str, Any]:
    """Parse a TOML document that has already been decoded from UTF-8."""
    return _toml.loads(text)
