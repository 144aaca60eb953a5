"""The stylesheet parsed once per theme: `d` switches between two, and parsing every rule of
the app and of Textual's widgets again took ~40 of the ~100 ms a switch cost (cProfile in
Pilot, benchmarks/keys ``d``).

Textual re-parses its whole stylesheet whenever the theme's variables change. The rules depend
only on the sources and the variables, so the rules parsed for one (sources, variables) pair
are kept and put back when the pair comes again. A source added later (a widget class shown for
the first time brings its default CSS) makes a new pair and is parsed as before.
"""

from __future__ import annotations

from typing import Any

from textual.css.stylesheet import Stylesheet

#: Parsed rule sets kept per stylesheet: dark and light, and a few more if sources change.
KEEP = 6


def parse_once_per_theme(sheet: Stylesheet) -> None:
    """Make ``sheet.reparse`` reuse the rules it parsed before for the same sources and
    variables (a method of this one stylesheet only; Textual is pinned)."""
    parsed: dict[tuple[Any, ...], tuple[Any, Any]] = {}
    reparse = sheet.reparse

    def reparse_or_reuse() -> None:
        key = (
            tuple(sorted(sheet._variables.items())),
            tuple((where, source) for where, source in sheet.source.items()),
        )
        known = parsed.get(key)
        if known is not None:
            sheet._rules, sheet.source = known[0], dict(known[1])
            sheet._rules_map = None
            sheet._require_parse = False
            return
        reparse()
        if len(parsed) >= KEEP:
            parsed.pop(next(iter(parsed)))
        parsed[key] = (sheet._rules, dict(sheet.source))  # add_source changes the dict in place

    sheet.reparse = reparse_or_reuse  # type: ignore[method-assign]
