"""The key bar of the briefing screen: its key labels changed in place rather than rebuilt.

``Footer`` removes and mounts every key label after each change of focus or bindings, and does
it after the next frame: every tab switch, the outline, search and help drew two or three more
frames, with ~10-25 ms of styling and layout (cProfile in Pilot; benchmarks/keys). Here the
labels are a fixed set of widgets, relabelled in the same frame as the key that changed them;
labels not needed are hidden, and a change that does not alter the footer does nothing.
Descriptions are in the chrome's language, as in ChromeFooter (widgets/footer.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from briefing_tui.ui.i18n import tr
from briefing_tui.ui.widgets.footer import ChromeFooter

#: Labels kept ready; the browser never shows more than 8 keys at once (the agreements tab).
SLOTS = 12

#: What one label shows: Footer.compose's inputs for it.
Shown = tuple[Binding, bool, str]


class KeyFooter(ChromeFooter):
    """A ``Footer`` of the briefing's keys: the same labels relabelled in place."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: list[Shown] | None = None

    def compose(self) -> ComposeResult:
        yield from super().compose()
        if self._bindings_ready:
            self._shown = self._wanted(self.screen)
            for _ in range(SLOTS - len(self._shown)):
                spare = FooterKey("", "", "", "").data_bind(compact=Footer.compact)
                spare.display = False
                yield spare

    def _wanted(self, screen: Screen) -> list[Shown]:
        """The labels left of the palette key, one per action, as ``Footer.compose`` makes."""
        by_action: dict[str, Shown] = {}
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show:
                by_action.setdefault(binding.action, (binding, enabled, tooltip))
        return list(by_action.values())

    def _slots(self) -> Iterable[FooterKey]:
        for child in self.children:
            if isinstance(child, FooterKey) and not child.has_class("-command-palette"):
                yield child

    def bindings_changed(self, screen: Screen) -> None:
        if not (self._shown is not None and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # first build: Footer composes the labels
            return
        if not screen.app.app_focus:
            return
        wanted = self._wanted(screen)
        if wanted == self._shown:
            return
        slots = list(self._slots())
        if len(wanted) > len(slots) or any(b.group is not None for b, _, _ in wanted):
            self._shown = None  # more than the slots, or grouped keys: let Footer rebuild
            super().bindings_changed(screen)
            return
        self._shown = wanted
        chosen = self._choose(slots, wanted)
        for slot in slots:
            if slot not in chosen:
                slot.display = False
        previous: FooterKey | None = None
        for slot, shown in zip(chosen, wanted, strict=True):
            self._relabel(slot, shown)
            if previous is not None and slots.index(slot) < slots.index(previous):
                self.move_child(slot, after=previous)  # keep the bindings' order
                slots = list(self._slots())
            previous = slot

    def _choose(self, slots: list[FooterKey], wanted: list[Shown]) -> list[FooterKey]:
        """A slot for each wanted label: the one that showed it last if any (hidden labels
        keep their text, so showing one again changes no width and needs no second layout
        pass), else one whose label is not wanted now."""
        by_label = {(s.key, s.action, s.description): s for s in slots}
        chosen = [by_label.get((b.key, b.action, tr(b.description))) for b, _, _ in wanted]
        # Never-used slots first: a hidden label may be wanted again soon.
        spare = iter(sorted((s for s in slots if s not in chosen), key=lambda s: s.key != ""))
        return [slot if slot is not None else next(spare) for slot in chosen]

    def _relabel(self, slot: FooterKey, shown: Shown) -> None:
        """Make ``slot`` show what ``FooterKey(...)`` in ``Footer.compose`` would."""
        binding, enabled, tooltip = shown
        slot.display = True
        slot._disabled = not enabled  # FooterKey keeps it privately; Textual is pinned
        slot.set_class(not enabled, "-disabled")
        slot.tooltip = tooltip or None
        label = (binding.key, binding.action, tr(binding.description))
        if (slot.key, slot.action, slot.description) == label:
            return
        slot.key = binding.key
        slot.key_display = self.app.get_key_display(binding)
        slot.description = tr(binding.description)
        slot.action = binding.action
        slot.refresh(layout=True)  # its width is the label's
