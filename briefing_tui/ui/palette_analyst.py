"""Command-palette entries of the analyst's own layer: every mark, and the notes commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing_tui.content.text import plain
from briefing_tui.ui.palette import JumpCommands

#: (name, where or what it does, what running it does)
Entry = tuple[str, str, Callable[[], None]]


@runtime_checkable
class AnalystHost(Protocol):
    """A screen that lists the analyst's marks and commands (the briefing screen)."""

    def palette_entries(self) -> list[Entry]: ...


class AnalystCommands(Provider):
    """``Mark a: §2.3 …`` for every mark, then write a note, list notes, copy a citation."""

    def _entries(self) -> list[Entry]:
        host = next(
            (s for s in reversed(self.app.screen_stack) if isinstance(s, AnalystHost)), None
        )
        return host.palette_entries() if host is not None else []

    async def discover(self) -> Hits:
        for name, where, run in self._entries():
            yield DiscoveryHit(JumpCommands._prompt(name, where), run, text=plain(name))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, where, run in self._entries():
            score, offsets = matcher.fuzzy_search.match(matcher.query, plain(name))
            if score > 0:
                yield Hit(score, JumpCommands._prompt(name, where, offsets), run, text=plain(name))
