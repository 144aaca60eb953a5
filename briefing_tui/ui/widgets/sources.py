"""The Sources tab: every source, and every paragraph and agreement that cites it.

Two option lists: sources on the left, the backlinks of the highlighted source on the right
(stacked when the terminal is narrow). Enter on a source moves into its backlinks; Enter on a
backlink jumps to it. The reverse index itself lives in :class:`BriefingRefs`, so the palette and
this tab always agree on who cites what.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import DescendantFocus, Resize
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.content.model import Briefing, Source, SourceKind
from briefing_tui.reading.labels import labelled, list_status
from briefing_tui.reading.refs import BriefingRefs, Target
from briefing_tui.ui.i18n import ngettext, tr
from briefing_tui.ui.messages import ItemFocused, JumpRequested
from briefing_tui.ui.render import Marker, text
from briefing_tui.ui.widgets._shared import is_displayed
from briefing_tui.ui.widgets.attribution import kind_words, source_facts
from briefing_tui.ui.widgets.document import mark
from briefing_tui.ui.widgets.steady_list import SteadyOptionList

#: Below this many columns the two lists are stacked instead of side by side.
NARROW = 70

#: Characters of an item's text shown under each backlink: enough to recognise the paragraph.
EXCERPT = 110

KIND_STYLE: dict[SourceKind, str] = {
    SourceKind.OFFICIAL: "bold blue",
    SourceKind.AGENCY: "bold cyan",
    SourceKind.MEDIA: "bold magenta",
    SourceKind.DOCUMENT: "bold green",
    SourceKind.EXPERT: "bold yellow",
}


def excerpt(value: str, limit: int = EXCERPT) -> str:
    """``value`` cut at a word boundary near ``limit`` characters, with an ellipsis if cut."""
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


def list_badge(source: Source) -> Text:
    """Whether the report's own source list names this source, or only its text does."""
    style = "bold black on green" if source.in_report_list else "bold black on yellow"
    return text(f" {tr(list_status(source))} ", style)


def source_prompt(source: Source, count: int, language: str = "en") -> Group:
    """Title, then kind · outlets, then the list badge and how often it is cited, then the
    publisher, dates and the whole link (folded over lines, never cut)."""
    meta = text(kind_words(source, language), KIND_STYLE.get(source.kind, "bold"))
    if source.outlets:
        meta.append_text(text(" · " + ", ".join(source.outlets), "dim"))
    badges = list_badge(source)
    badges.append_text(text(tr("  cited by {n}", n=count), "bold" if count else "dim"))
    facts = source_facts(source, language)
    facts.overflow = "fold"
    lines = [text(source.title, "bold"), meta, badges]
    if facts.plain:
        lines.append(facts[1:])  # without its leading newline
    return Group(*lines)


class SourcesView(Vertical):
    """Source list and backlinks pane; focus moves between them with Enter, h/l or arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next", show=False, id="sources.down"),
        Binding("k", "cursor_up", "Previous", show=False, id="sources.up"),
        Binding("g", "first", "First", show=False, id="sources.first"),
        Binding("G", "last", "Last", show=False, id="sources.last"),
        Binding("l,right", "focus_backlinks", "Backlinks", id="sources.backlinks"),
        Binding("h,left", "focus_sources", "Source list", show=False, id="sources.list"),
    ]

    def __init__(self, briefing: Briefing, refs: BriefingRefs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        """The briefing whose sources are listed; read only."""
        self.refs = refs
        """Shared navigation facts: the reverse index of citations comes from here."""
        self.backlink_ids: list[str] = []
        """Target ids of the backlinks pane, in the order shown."""
        self._last_focused: str | None = None
        """The id last told to the attribution pane, so focus changes do not repeat it."""
        self.marker: Marker | None = None
        """Where the current search matches a text, to highlight it in place; None: no search."""

    # -- building ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SteadyOptionList(*self._source_options(), id="sources-list", markup=False)
        with Vertical(id="backlinks-pane"):
            yield Static(id="backlinks-title", markup=False)
            yield SteadyOptionList(id="backlinks-list", markup=False)

    def _source_options(self) -> list[Option]:
        options = []
        for source in self.briefing.sources:
            count = len(self.refs.backlinks(source.id))
            prompt = source_prompt(source, count, self.briefing.language)
            mark(prompt, self.marker)
            options.append(Option(prompt, id=source.id))
        return options

    def set_marker(self, marker: Marker | None) -> None:
        """Highlight search matches in the list and the backlinks, keeping both cursors."""
        self.marker = marker
        if not self.is_mounted:
            return
        source_list = self.source_list
        keep = source_list.highlighted
        options = self._source_options()
        if not (isinstance(source_list, SteadyOptionList) and source_list.restyle(options)):
            source_list.set_options(options)  # not the same list: set anew
        if keep is not None:
            source_list.highlighted = keep
            backlink = self.backlinks_list.highlighted
            self._show_backlinks(self.briefing.sources[keep].id)
            if backlink is not None and backlink < self.backlinks_list.option_count:
                self.backlinks_list.highlighted = backlink

    def on_mount(self) -> None:
        if not self.children:  # mounted as the app closed (tabs are built in idle time)
            return
        self.source_list.highlighted = 0
        self._show_backlinks(self.briefing.sources[0].id)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    @property
    def source_list(self) -> OptionList:
        return self.query_one("#sources-list", OptionList)

    @property
    def backlinks_list(self) -> OptionList:
        return self.query_one("#backlinks-list", OptionList)

    def _backlink_prompt(self, target: Target) -> Group:
        if target.kind == "agreement":
            agreement = self.refs.agreement(target.id)
            body = agreement.text if agreement else ""
            head = text(target.label, "bold")
            head.append_text(text(f"  {target.location}", "dim"))
        else:
            paragraph = self.refs.paragraph(target.id)
            body = paragraph.full_text if paragraph else ""
            head = text(target.location, "bold")
        group = Group(head, text(excerpt(body), "dim italic"))
        mark(group, self.marker)
        return group

    def _show_backlinks(self, source_id: str) -> None:
        """Fill the right pane with what cites ``source_id``."""
        source = self.briefing.source(source_id)
        targets = self.refs.backlinks(source_id)
        self.backlink_ids = [t.id for t in targets]
        paragraphs = sum(1 for t in targets if t.kind == "paragraph")
        title = text(tr("Cited by {n}", n=len(targets)), "bold")
        parts = []
        if paragraphs:
            parts.append(ngettext("{n} paragraph", "{n} paragraphs", paragraphs))
        agreements = sum(1 for t in targets if t.kind == "agreement")
        if agreements:
            parts.append(ngettext("{n} agreement", "{n} agreements", agreements))
        tables = len(targets) - paragraphs - agreements
        if tables:
            parts.append(ngettext("{n} table", "{n} tables", tables))
        if parts:
            title.append_text(text(f" ({', '.join(parts)})", "dim"))
        else:
            title.append_text(text(tr(": no paragraph or agreement cites it"), "dim"))
        if source.note:
            title.append_text(text(f"\n{labelled(source.note, self.refs.labels)}", "italic"))
        self.query_one("#backlinks-title", Static).update(title)
        backlinks = self.backlinks_list
        backlinks.clear_options()
        backlinks.add_options(
            Option(self._backlink_prompt(t), id=f"backlink:{i}") for i, t in enumerate(targets)
        )
        if targets:
            backlinks.highlighted = 0
        backlinks.scroll_home(animate=False)

    # -- the tab contract --------------------------------------------------------------------

    def select(self, target_id: str) -> bool:
        """Put the cursor on a source (backlinks are paragraphs and agreements: not ours)."""
        if not any(s.id == target_id for s in self.briefing.sources):
            return False
        source_list = self.source_list
        source_list.highlighted = source_list.get_option_index(target_id)
        self._show_backlinks(target_id)
        source_list.focus()
        return True

    def current_target(self) -> str | None:
        """The highlighted backlink when the backlinks pane has focus, else the source."""
        if self.backlinks_list.has_focus:
            backlink = self._current_backlink()
            if backlink is not None:
                return backlink
        return self.current_source()

    def current_place(self) -> str | None:
        """Where history returns to: the source, even while a backlink is highlighted (a
        backlink's id is a paragraph's, and going back to it would leave this tab)."""
        return self.current_source()

    def current_source(self) -> str | None:
        index = self.source_list.highlighted
        return None if index is None else self.briefing.sources[index].id

    def _current_backlink(self) -> str | None:
        index = self.backlinks_list.highlighted
        return None if index is None else self.backlink_ids[index]

    def focus_default(self) -> None:
        self.source_list.focus()

    # -- keys --------------------------------------------------------------------------------

    def _active_list(self) -> OptionList:
        backlinks = self.backlinks_list
        return backlinks if backlinks.has_focus else self.source_list

    def action_cursor_down(self) -> None:
        self._active_list().action_cursor_down()

    def action_cursor_up(self) -> None:
        self._active_list().action_cursor_up()

    def action_first(self) -> None:
        self._active_list().action_first()

    def action_last(self) -> None:
        self._active_list().action_last()

    def action_focus_backlinks(self) -> None:
        if self.backlink_ids:
            self.backlinks_list.focus()

    def action_focus_sources(self) -> None:
        self.source_list.focus()

    # -- events ------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#sources-list")
    def _source_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_id is None or event.option_index != self.source_list.highlighted:
            return  # stale: the cursor moved on meanwhile (a jump that built this tab landed)
        self._show_backlinks(event.option_id)
        self._tell(event.option_id)

    @on(OptionList.OptionSelected, "#sources-list")
    def _source_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_focus_backlinks()

    @on(OptionList.OptionHighlighted, "#backlinks-list")
    def _backlink_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # Refilling the pane for a new source highlights its first row; only a reader moving
        # in the pane itself should move the attribution pane.
        if self.backlinks_list.has_focus and event.option_index < len(self.backlink_ids):
            self._tell(self.backlink_ids[event.option_index])

    @on(OptionList.OptionSelected, "#backlinks-list")
    def _backlink_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(JumpRequested(self.backlink_ids[event.option_index]))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Entering either list tells the attribution pane what is now under the cursor."""
        target = self.current_target()
        if target is not None:
            self._tell(target)

    def _tell(self, target_id: str) -> None:
        """Post ItemFocused for ``target_id`` unless hidden or just said."""
        if target_id != self._last_focused and is_displayed(self):
            self._last_focused = target_id
            self.post_message(ItemFocused(target_id))
