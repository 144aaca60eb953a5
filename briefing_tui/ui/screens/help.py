"""Help generated from the live bindings, so it can never disagree with what the keys do."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from briefing_tui.ui.i18n import N_, tr

#: Help is grouped by what an analyst wants to do, in that order; rows come from the live
#: bindings (by id), so a remapped key shows as remapped and a key that is not bound is not
#: listed. Textual's own bindings (text editing, copy, widget internals) have no id and are left
#: out: they are not the browser's keys.
TASKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("Read the report"),
        (
            "reader.down", "reader.up", "reader.half_down", "reader.half_up",
            "reader.page_down", "reader.page_up", "reader.top", "reader.bottom",
            "reader.next_paragraph", "reader.prev_paragraph", "reader.next_section",
            "reader.prev_section", "report.outline",
        ),
    ),
    (N_("Switch tabs"), ("tab.overview", "tab.report", "tab.agreements", "tab.sources")),
    (N_("Search"), ("search.open", "search.next", "search.previous", "search.clear")),
    (
        N_("Check sources"),
        (
            "pane.toggle", "pane.down", "pane.up", "filter.source", "filter.unsourced",
            "sources.backlinks", "sources.list", "source.copy_link",
        ),
    ),
    (
        N_("Go back and forward after a jump"),
        ("history.back", "history.back_alt", "history.forward"),
    ),
    (
        N_("Your marks, notes and citations"),
        (
            "marks.set", "marks.goto", "notes.edit", "notes.list", "cite.copy", "changes.next",
            "changes.previous",
        ),
    ),
    (
        N_("Agreements table"),
        ("agreements.sort", "agreements.reverse", "agreements.area", "agreements.status"),
    ),
    (N_("The app"), ("app.help", "app.help_f1", "app.theme", "app.quit", "app.quit_ctrl")),
)  # fmt: skip

#: Keys Textual provides without an id of ours, that do what they say in every tab.
GENERAL_ROWS: tuple[tuple[str, str], ...] = (
    ("enter", N_("Open the item under the cursor, or jump to what it cites")),
    ("tab", N_("Move to the next pane (the sources pane scrolls with j/k once there)")),
    ("ctrl+p", N_("Jump to any section, agreement, source or figure by name")),
)


def declared_bindings(node: DOMNode) -> list[Binding]:
    """The bindings ``node``'s classes declare (their public ``BINDINGS``), base classes first.

    Read from the classes rather than from Textual's private per-node map: the browser has no
    user keymap, so what the classes declare is exactly what is bound.
    """
    found: list[Binding] = []
    for cls in reversed(type(node).__mro__):
        declared = cls.__dict__.get("BINDINGS")
        if declared:
            found.extend(Binding.make_bindings(declared))
    return found


def binding_rows(
    nodes: list[DOMNode],
    key_display: Callable[[Binding], str],
    hidden: frozenset[str] = frozenset(),
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(task, [(keys, description)]) for the bindings with an id on ``nodes``, by task.

    Bindings that share a description in a task are merged, so ``j``/``down`` show as one row;
    moving a cursor in a list (j/k/g/G of every tab) is one row under "Move in any list".
    ``hidden`` are binding ids left out (the digit of a tab the briefing does not have).
    Rows are in English, the message ids: the help screen translates them as it draws.
    """
    by_id: dict[str, tuple[list[str], str]] = {}
    for node in nodes:
        for binding in declared_bindings(node):
            if not binding.id or not binding.description or binding.id in hidden:
                continue
            keys, _ = by_id.setdefault(binding.id, ([], binding.description))
            shown = key_display(binding)
            if shown not in keys:
                keys.append(shown)
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    placed: set[str] = set()
    for task, ids in TASKS:
        merged: dict[str, list[str]] = {}
        for binding_id in ids:
            if binding_id in by_id:
                keys, description = by_id[binding_id]
                merged.setdefault(description, []).extend(keys)
                placed.add(binding_id)
        if merged:
            groups.append((task, [(" ".join(k), d) for d, k in merged.items()]))
    lists = [by_id[i] for i in by_id if i not in placed and i.split(".")[-1] in LIST_MOVES]
    if lists:
        keys = list(dict.fromkeys(k for keys, _ in lists for k in keys))
        row = (" ".join(keys), N_("Next / previous / first / last"))
        groups.append((N_("Move in any list"), [row]))
        placed.update(i for i in by_id if i.split(".")[-1] in LIST_MOVES)
    rest = [by_id[i] for i in by_id if i not in placed and i.split(".")[0] not in DIALOGS]
    if rest:
        groups.append((N_("More"), [(" ".join(keys), description) for keys, description in rest]))
    groups.append((N_("In every tab"), list(GENERAL_ROWS)))
    return groups


#: Cursor moves every list has; listed once rather than per tab.
LIST_MOVES = {"down", "up", "first", "last", "top", "bottom"}

#: Keys of dialogs and the search bar, which show their own hints while open.
DIALOGS = {
    "help",
    "search",
    "agreement",
    "choose_source",
    "error",
    "picker",
    "notes",
    "note_editor",
}


class KeyTable:
    """Two columns, keys and what they do, laid out as text and kept per width.

    A Rich Table did the same, but the help is measured and then drawn, each time rendering
    every row of the table: 136 ms of the first `?` (cProfile in Pilot, benchmarks/keys). Here
    a description wraps under itself, beside its keys, and the lines for a width are made once.
    """

    #: The keys column is never wider than this share of the line.
    KEYS_SHARE = 0.4

    def __init__(self, rows: list[tuple[Text, Text | None]]) -> None:
        """``rows``: (keys, what they do); a heading is (its text, None)."""
        self.rows = rows
        self._lines: dict[int, Text] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if width not in self._lines:
            self._lines[width] = self._lay_out(console, width)
        yield self._lines[width]

    def _lay_out(self, console: Console, width: int) -> Text:
        widest = max((cell_len(keys.plain) for keys, what in self.rows if what), default=0)
        column = min(widest, int(width * self.KEYS_SHARE))
        room = max(8, width - column - 2)
        out = Text(no_wrap=True, overflow="fold")
        for keys, what in self.rows:
            if what is None:
                out.append_text(keys)
                out.append("\n")
                continue
            lines = list(what.wrap(console, room, overflow="fold")) or [Text()]
            if cell_len(keys.plain) > column:  # keys of their own on a line, the rest below
                out.append_text(keys)
                out.append("\n")
                keys = Text("")
            for n, line in enumerate(lines):
                head = keys if n == 0 else Text("")
                out.append_text(head)
                out.append(" " * (column - cell_len(head.plain) + 2))
                out.append_text(line)
                out.append("\n")
        return out


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
        lines: list[tuple[Text, Text | None]] = []
        hidden = getattr(self.under, "hidden_binding_ids", frozenset())
        for group, rows in binding_rows(nodes, self.app.get_key_display, hidden):
            lines.append((Text(tr(group), style="bold underline"), None))
            for keys, description in rows:
                lines.append((Text(keys, style="bold cyan"), Text(tr(description))))
            lines.append((Text(""), None))
        table = KeyTable(lines)
        with VerticalScroll(id="help-body"):
            yield Static(Text(tr("Keys  (Escape closes)"), style="bold"))
            yield Static(table)

    def on_screen_resume(self) -> None:
        # The briefing screen keeps its help: each opening starts at the top again.
        for body in self.query("#help-body"):
            body.scroll_home(animate=False)

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=step, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
