"""``?`` and F1: the keys of the screen underneath, each screen's help built once and kept.

A mixin of the app (``BriefingApp``). The help screen is imported at the first ``?``: nothing
of it is needed for the first frame.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from briefing_tui.ui.screens.briefing import BriefingScreen


class HelpKeysMixin:
    """The app's ``help`` action; ``_helps`` holds the kept helps by the screen they describe."""

    _helps: dict[Screen, Screen]

    def action_help(self) -> None:
        from briefing_tui.ui.screens.help import HelpScreen

        app: Any = self
        screen = app.screen
        if isinstance(screen, HelpScreen):
            return
        if isinstance(screen, BriefingScreen):
            # Tabs are built when first opened; help lists every tab's keys, so build them now.
            screen.open_all(lambda: app.push_screen(self._kept_help(screen)))
        else:
            app.push_screen(HelpScreen(screen))

    def _kept_help(self, screen: Screen) -> Screen:
        """``screen``'s help, built once and kept (installed) while ``screen`` is open: laying
        out its table of keys took ~100 ms of every ``?``. Helps of closed screens go here."""
        app: Any = self
        for under, kept in list(self._helps.items()):
            if under is not screen and not under.is_attached:
                del self._helps[under]
                app.uninstall_screen(kept)
                kept.remove()
        if screen not in self._helps:
            from briefing_tui.ui.screens.help import HelpScreen

            self._helps[screen] = HelpScreen(screen)
            app.install_screen(self._helps[screen], f"help-{id(screen)}")
        return self._helps[screen]
