"""Help generated from the live bindings, so it can never disagree with what the keys do."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

GROUP_NAMES = {
    "BriefingApp": "Everywhere",
    "BriefingScreen": "Briefing",
    "Reader": "Report text",
    "Outline": "Outline",
    "HitList": "Search results",
}


def binding_rows(
    nodes: list[DOMNode], key_display: Callable[[Binding], str]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(keys, description)]) for every described binding of ``nodes``.

    Bindings that share an action and description are merged, so ``j``/``down`` show as one row.
    """
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen_classes: set[str] = set()
    for node in nodes:
        name = type(node).__name__
        if name in seen_classes:
            continue
        seen_classes.add(name)
        merged: dict[tuple[str, str], list[str]] = {}
        for _key, binding in node._bindings:
            if not binding.description:
                continue
            merged.setdefault((binding.action, binding.description), []).append(
                key_display(binding)
            )
        rows = [
            (" ".join(dict.fromkeys(keys)), description)
            for (_, description), keys in merged.items()
        ]
        if rows:
            groups.append((GROUP_NAMES.get(name, name), rows))
    return groups


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("q", "dismiss", "Close", show=False, id="help.close_q"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close_help"),
        Binding("j", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="help.up"),
        Binding("space", "scroll(10)", "Page down", show=False, id="help.page_down"),
        Binding("b", "scroll(-10)", "Page up", show=False, id="help.page_up"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        nodes: list[DOMNode] = [self.app, self.under, *self.under.walk_children()]
        table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
        table.add_column("keys", style="bold cyan", no_wrap=True)
        table.add_column("what")
        for group, rows in binding_rows(nodes, self.app.get_key_display):
            table.add_row(Text(group, style="bold underline"), "")
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys  (Escape closes)", style="bold"))
            yield Static(table)

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=step, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
