"""The stylesheet parsed once per theme: `d` switches between two, and parsing every rule of
the app and of Textual's widgets again was about a quarter of a switch in cProfile (Pilot);
keeping the parses cut a switch's function calls by 13% (2.09 to 1.81 million for six).

Textual re-parses its whole stylesheet whenever the theme's variables change. The rules depend
only on the sources and the variables, so the rules parsed for one (sources, variables) pair
are kept and put back when the pair comes again. A source added later (a widget class shown for
the first time brings its default CSS) makes a new pair and is parsed as before.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

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


class ThemeSwitch(App[None]):
    """`d`: dark and light, switched with the stylesheet parsed once per theme, and each widget
    marked for repainting once, not once per style it changes.

    Textual applies the new rules property by property, and every property set marks its
    widget dirty again, measuring the widget each time: ~1,700 marks for the ~40 widgets of a
    briefing screen; gathering them cut a switch's function calls by a quarter (cProfile in
    Pilot, 1.74 to 1.32 million for six switches). The marks are gathered while the rules apply
    and each widget is marked once afterwards; painting is the same.
    """

    _parses_kept = False

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def refresh_css(self, animate: bool = True) -> None:
        if not self._parses_kept:
            parse_once_per_theme(self.stylesheet)
            self._parses_kept = True
        touched: dict[Widget, None] = {}
        original = Widget._set_dirty

        def gather(widget: Widget, *regions: object) -> None:
            touched[widget] = None

        Widget._set_dirty = gather  # type: ignore[method-assign,assignment]
        try:
            super().refresh_css(animate)
        finally:
            Widget._set_dirty = original  # type: ignore[method-assign]
        for widget in touched:
            widget._set_dirty()  # the whole widget: every colour may have changed
