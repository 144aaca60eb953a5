"""Command-palette commands that jump to any section, agreement, source or figure by name."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from functools import partial
from itertools import islice
from typing import Protocol, runtime_checkable

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing_tui.content.text import plain
from briefing_tui.reading.kinds import KIND_INFO
from briefing_tui.reading.refs import BriefingRefs, Target
from briefing_tui.search import fold, match_words
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.render import text


@runtime_checkable
class JumpHost(Protocol):
    """A screen whose items the palette lists and jumps to (the briefing screen)."""

    refs: BriefingRefs

    def jump(self, target_id: str) -> None: ...


#: Most entries the palette lists. Textual builds a widget row per hit: a briefing of 6,000
#: sections listed 8,003 entries in 3.7 s before the first keystroke could narrow them.
MAX_HITS = 50
#: Added to the score of a name whose words match the query as search matches them, so those
#: rank above names that only hold the query's letters in order.
WORD_MATCH = 1000.0


class JumpCommands(Provider):
    """Fuzzy-matched jump targets of the briefing on screen."""

    def _host(self) -> JumpHost | None:
        """The topmost briefing: the palette runs over the screen beneath it."""
        return next((s for s in reversed(self.app.screen_stack) if isinstance(s, JumpHost)), None)

    def _targets(self) -> list[Target]:
        host = self._host()
        if host is None:
            return []
        hidden = getattr(host, "hidden_tabs", frozenset())  # a tab the briefing lacks
        return [
            t for t in host.refs.targets.values() if t.kind != "paragraph" and t.tab not in hidden
        ]

    def _jump(self, target_id: str) -> None:
        host = self._host()
        if host is not None:
            host.jump(target_id)

    @staticmethod
    def _name(target: Target) -> str:
        label = target.label if target.kind != "section" else target.location
        return f"{tr(KIND_INFO[target.kind].title)}: {label}"

    @staticmethod
    def _prompt(name: str, location: str, offsets: Sequence[int] = ()) -> Text:
        """Name over location, as rich Text: the palette parses a ``str`` prompt or ``help``
        as markup, so content (titles) must never reach it as a string."""
        prompt = text(name)
        for offset in offsets:
            if offset < len(prompt.plain) and not prompt.plain[offset].isspace():
                prompt.stylize("reverse", offset, offset + 1)
        prompt.append("\n")
        prompt.append_text(text(location, "dim"))
        return prompt

    async def discover(self) -> Hits:
        """The first :data:`MAX_HITS` sections and agreements; typing searches them all."""
        listed = (t for t in self._targets() if t.kind in ("section", "agreement"))
        for target in islice(listed, MAX_HITS):
            name = self._name(target)
            yield DiscoveryHit(
                self._prompt(name, target.location),
                partial(self._jump, target.id),
                text=plain(name),
            )

    async def search(self, query: str) -> Hits:
        """The :data:`MAX_HITS` best matches, best first.

        Names whose words match as search matches them (folded, any form of a word, the last
        word as a prefix) come first; then Textual's fuzzy match of the folded letters, so
        "ecdev" still finds "Economic development"."""
        host = self._host()
        language = host.refs.briefing.language if host is not None else "en"
        matcher = self.matcher(fold(query))
        scored = []
        for order, target in enumerate(self._targets()):
            name = plain(self._name(target))
            folded = fold(name)
            score, offsets = matcher.fuzzy_search.match(matcher.query, folded)
            if len(folded) != len(name):
                offsets = ()  # folding moved letters: highlight nothing rather than wrongly
            spans = match_words(query, name, language)
            if spans is not None:
                score += WORD_MATCH
                offsets = [i for start, end in spans for i in range(start, end)]
            if score > 0:
                scored.append((score, -order, name, offsets, target))
        for score, _, name, offsets, target in heapq.nlargest(
            MAX_HITS, scored, key=lambda s: s[:2]
        ):
            yield Hit(
                score,
                self._prompt(name, target.location, offsets),
                partial(self._jump, target.id),
                text=name,
            )
