"""Command-palette commands that jump to any section, agreement, source or figure by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .refs import Target

KIND_LABELS = {
    "section": "Section",
    "paragraph": "Paragraph",
    "agreement": "Agreement",
    "source": "Source",
    "figure": "Figure",
    "reaction": "Reaction",
}


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

    async def discover(self) -> Hits:
        for target in self._targets():
            if target.kind in ("section", "agreement"):
                yield DiscoveryHit(
                    self._name(target), partial(self._jump, target.id), help=target.location
                )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for target in self._targets():
            name = self._name(target)
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self._jump, target.id),
                    help=target.location,
                )
