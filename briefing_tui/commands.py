"""Command-palette commands that jump to any section, agreement, source or figure by name."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from functools import partial
from itertools import islice

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from .refs import Target
from .render import plain, text

KIND_LABELS = {
    "section": "Section",
    "paragraph": "Paragraph",
    "agreement": "Agreement",
    "source": "Source",
    "figure": "Figure",
    "reaction": "Reaction",
}


#: Most entries the palette lists. Textual builds a widget row per hit: a briefing of 6,000
#: sections listed 8,003 entries in 3.7 s before the first keystroke could narrow them.
MAX_HITS = 50


class JumpCommands(Provider):
    """Fuzzy-matched jump targets of the briefing on screen."""

    def _targets(self) -> list[Target]:
        screen = self.screen
        refs = getattr(screen, "refs", None)
        if refs is None:
            # The palette runs over the screen beneath it; look down the stack for a briefing.
            for candidate in reversed(self.app.screen_stack):
                refs = getattr(candidate, "refs", None)
                if refs is not None:
                    break
        if refs is None:
            return []
        return [t for t in refs.targets.values() if t.kind != "paragraph"]

    def _jump(self, target_id: str) -> None:
        for candidate in reversed(self.app.screen_stack):
            jump = getattr(candidate, "jump", None)
            if jump is not None:
                jump(target_id)
                return

    @staticmethod
    def _name(target: Target) -> str:
        label = target.label if target.kind != "section" else target.location
        return f"{KIND_LABELS[target.kind]}: {label}"

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
        """The :data:`MAX_HITS` best matches, best first."""
        matcher = self.matcher(query)
        scored = []
        for order, target in enumerate(self._targets()):
            name = plain(self._name(target))
            score, offsets = matcher.fuzzy_search.match(matcher.query, name)
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
