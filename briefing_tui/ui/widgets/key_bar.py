"""The key bar at the bottom: the keys the focused part of the screen answers, as one line.

Textual's ``Footer`` is a container of one widget per key, composed only after the first frame
(the first frame showed an empty bar) and composed again after every change of focus. On the
bundled briefing its 13 key widgets were 1.7 MiB of the browser's peak memory at start (start-up
probe, median of 3 runs with and without it), and each rebuild cost frames of its own. This bar
is a single widget that draws its keys as text: right in the first frame, redrawn in the same
frame as the key that changed them, and only when the keys shown changed.

It reads as Textual's footer does: each key then its description (in the chrome's language, see
``ui.i18n``), keys that do nothing now dimmed, the command palette's key at the right edge. When
the keys do not fit, they are drawn closer together; when they still do not, keys are left out
whole from the right (the footer cut one mid-word), but never the key to the help, which lists
them all: at 80 columns in Russian the agreements tab's bar lost "q Выход ? Справка" otherwise.
A click on a key presses it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from briefing_tui.content.record import record
from briefing_tui.ui.i18n import N_, tr

#: Textual's own entry for the command palette (ctrl+p), which has no binding of ours.
PALETTE = N_("palette")

#: Between the keys on the left and the palette's key at the right edge.
EDGE = "▏"
#: The action whose key is kept when keys must be left out.
HELP_ACTION = "help"


@record(slots=True)
class Key:
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    action: str = ""


class KeyBar(Widget, can_focus=False):
    """One line of the keys the screen's focused widget and its ancestors answer."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--edge"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: tuple[tuple[Key, ...], Key | None] | None = None
        #: Columns of each key drawn, for clicks: (start, end, key).
        self._spans: list[tuple[int, int, Key]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen and self.is_attached and self._wanted() != self._keys:
            self.refresh()

    def _wanted(self) -> tuple[tuple[Key, ...], Key | None]:
        """The keys to show, once per action as the bindings list them, and the palette's."""
        app = self.app
        by_action: dict[str, Key] = {}
        palette: Key | None = None
        for key, (_node, binding, enabled, _tip) in self.screen.active_bindings.items():
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = Key(key, app.get_key_display(binding), tr(PALETTE), enabled)
            elif binding.show and binding.action not in by_action:
                description = tr(binding.description) if binding.description else ""
                display = app.get_key_display(binding)
                by_action[binding.action] = Key(
                    binding.key, display, description, enabled, binding.action
                )
        return tuple(by_action.values()), palette

    def render(self) -> Text:
        self._keys = keys, palette = self._wanted()
        width = self.size.width
        right = Text()
        if palette is not None:
            right.append(EDGE, self.get_component_rich_style("key-bar--edge"))
            right.append_text(self._item(palette, compact=True))
        room = width - right.cell_len
        items = [(key, self._item(key, compact=False)) for key in keys]
        if sum(item.cell_len for _, item in items) > room:
            items = [(key, self._item(key, compact=True)) for key in keys]
        while items and sum(item.cell_len for _, item in items) > room:
            # Leave out the rightmost key that is not the help's.
            droppable = [i for i, (key, _) in enumerate(items) if key.action != HELP_ACTION]
            items.pop(droppable[-1] if droppable else -1)
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, Key]] = []
        for key, item in items:
            spans.append((line.cell_len, line.cell_len + item.cell_len, key))
            line.append_text(item)
        if palette is not None and width >= right.cell_len:
            line.append(" " * (width - line.cell_len - right.cell_len))
            spans.append((line.cell_len + len(EDGE), width, palette))
            line.append_text(right)
        self._spans = spans
        return line

    def _item(self, key: Key, *, compact: bool) -> Text:
        """One key and its description: `` k Description `` (compact: ``k Description ``)."""
        item = Text()
        item.append(key.display if compact else f" {key.display} ", self._style("key"))
        if key.description:
            item.append(f" {key.description} " if compact else f"{key.description} ",
                        self._style("description"))  # fmt: skip
        elif compact:
            item.append(" ")  # the next key's start
        if not key.enabled:
            item.stylize("dim")
        return item

    def _style(self, part: str) -> Style:
        return self.get_component_rich_style(f"key-bar--{part}")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        for start, end, key in self._spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
