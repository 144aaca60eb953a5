"""Shown while a library loads in a worker, so the first frame never waits for the disk."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from briefing_tui.ui.i18n import tr


class LoadingScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Text(tr("Loading briefings…"), style="bold"), id="loading-title")
            yield ProgressBar(total=None, show_eta=False, id="loading-progress")

    def progress(self, done: int, total: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=total, progress=done)
