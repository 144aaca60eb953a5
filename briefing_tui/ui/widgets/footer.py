"""The key bar at the bottom, in the chrome's language.

Textual's footer shows each binding's ``description`` as the class declared it, in English;
this one translates every key's description as it is composed (see ``ui.i18n``), so the
classes keep one set of bindings whatever the analyst's language.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from briefing_tui.ui.i18n import N_, tr

#: Textual's own footer entry for the command palette (ctrl+p), which has no binding of ours.
PALETTE = N_("palette")


class ChromeFooter(Footer):
    """Textual's footer with each key's description translated."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # FooterKey (Textual-private) keeps its description as a plain attribute.
            description = getattr(widget, "description", None)
            if isinstance(description, str) and description:
                widget.description = tr(description)  # type: ignore[attr-defined]
            yield widget
