"""The Overview tab: what the briefing is, its numbers, its days and who reacted how.

Everything is one :class:`OptionList` so the reader moves over figures, timeline entries and
reactions with one cursor (headings are disabled options the cursor skips). Each item knows the
paragraph or agreement it comes from: Enter jumps there, and highlighting it tells the
attribution pane what to show.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.content.model import Briefing, KeyFigure, Reaction, Stance, TimelineEvent
from briefing_tui.content.record import record
from briefing_tui.reading.dates import format_range
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.reading.words import words_for
from briefing_tui.ui.i18n import N_, tr
from briefing_tui.ui.messages import ItemFocused, JumpRequested
from briefing_tui.ui.render import Marker, text
from briefing_tui.ui.widgets._shared import is_displayed
from briefing_tui.ui.widgets.document import editorial as editorial_mark
from briefing_tui.ui.widgets.document import mark
from briefing_tui.ui.widgets.steady_list import SteadyOptionList

#: Cells of the bar drawn for percentage figures; fixed so it fits at 80 columns with room for
#: the legend, and so two bars are comparable at a glance.
BAR_WIDTH = 40

#: Badge style per stance: hostile reactions warm, neutral ones grey, friendly ones green, so
#: the reactions column reads as a heat map before any word is read.
STANCE_STYLE: dict[Stance, str] = {
    Stance.CONDEMNED: "bold white on red3",
    Stance.CRITICAL: "bold black on dark_orange",
    Stance.CONCERNED: "bold black on yellow3",
    Stance.WARY: "bold black on khaki3",
    Stance.RESTRAINED: "bold white on grey39",
    Stance.SILENT: "bold white on grey30",
    Stance.DIVIDED: "bold white on medium_purple3",
    Stance.WELCOMED: "bold white on green4",
}

#: Width of the widest badge, so actor names line up after it.
BADGE_WIDTH = max(len(s.value) for s in Stance) + 2


@record
class OverviewItem:
    """One row the cursor can land on.

    ``item_id`` is what the attribution pane is told about; ``jump_id`` is where Enter goes.
    They differ only for timeline entries, which have no id of their own.
    """

    item_id: str
    jump_id: str


def number(value: float) -> str:
    """``200.0`` -> ``200``; figures are written as the report writes them, no trailing ``.0``."""
    return f"{value:g}"


def percent_bar(figure: KeyFigure, width: int = BAR_WIDTH) -> Text:
    """A bar of ``width`` cells: solid to the value, shaded to the target, hatched to its top.

    The three fills differ in glyph as well as colour so the bar still reads with NO_COLOR.
    """

    def cells(percent: float) -> int:
        return round(max(0.0, min(percent, 100.0)) * width / 100)

    value = cells(figure.value)
    low = max(value, cells(figure.target)) if figure.target is not None else value
    high = max(low, cells(figure.target_high)) if figure.target_high is not None else low
    bar = Text()
    bar.append("█" * value, style="bold cyan")
    bar.append("▓" * (low - value), style="yellow")
    bar.append("▒" * (high - low), style="yellow")
    bar.append("░" * (width - high), style="dim")
    return bar


def figure_legend(figure: KeyFigure) -> str:
    """``70% → 80–85%``: the bar's numbers in words, for readers and screen readers."""
    legend = f"{number(figure.value)}{figure.unit}"
    if figure.target is not None:
        target = number(figure.target)
        if figure.target_high is not None and figure.target_high != figure.target:
            target += f"–{number(figure.target_high)}"
        legend += f" → {target}{figure.unit}"
    return legend


def figure_prompt(figure: KeyFigure) -> Group:
    """A key figure: its label, then a bar (percentages) or the number large, then what it is."""
    lines: list[Text] = [text(figure.label, "bold")]
    if figure.unit == "%":
        line = percent_bar(figure)
        line.append("  ")
        line.append_text(text(figure_legend(figure), "bold"))
        lines.append(line)
        lines.append(text(f"“{figure.text}”", "italic dim"))
    else:
        line = text(number(figure.value), "bold reverse")
        line.append(" ")
        line.append_text(text(figure.unit, "bold"))
        line.append("  ")
        line.append_text(text(f"“{figure.text}”", "italic dim"))
        lines.append(line)
    lines.append(text(figure.measures, "dim"))
    return Group(*lines)


def _two_columns(left: Text, right: Text, left_width: int) -> Table:
    """A gutter column and a wrapping body, so wrapped lines keep their hanging indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=left_width, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(left, right)
    return grid


def timeline_date(event: TimelineEvent, language: str = "en") -> str:
    return format_range(event.date, event.end, year=False, language=language)


def timeline_prompt(event: TimelineEvent, date_width: int = 9, language: str = "en") -> Table:
    """``7–10 May  Title`` with the entry's text under the title.

    ``date_width`` is the longest date of the timeline, so no date is ever cut
    ("30 April – 2 May" would not fit a fixed column).
    """
    body = text(event.title, "bold")
    body.append("\n")
    body.append_text(text(event.text, "dim"))
    return _two_columns(text(timeline_date(event, language), "bold cyan"), body, date_width)


def summary_prompt(summary: str) -> Text:
    """The briefing's summary, marked as ours: the report has no summary of its own."""
    prompt = editorial_mark(N_("summary"))
    prompt.append("\n")
    prompt.append_text(text(summary))
    return prompt


def stance_words(reaction: Reaction, language: str = "en") -> str:
    """The stance in the briefing's language; ``other`` is the author's own ``stance_label``."""
    if reaction.stance == Stance.OTHER and reaction.stance_label:
        return reaction.stance_label
    return words_for(language).stances.get(reaction.stance, reaction.stance.value)


def badge_width(reactions: tuple[Reaction, ...], language: str = "en") -> int:
    """Wide enough for every badge of the list, and never narrower than the English stances."""
    return max([BADGE_WIDTH, *(len(stance_words(r, language)) + 2 for r in reactions)])


def stance_badge(stance: Stance, label: str | None = None, width: int = BADGE_WIDTH) -> Text:
    """The stance as a coloured, fixed-width badge: `` CONCERNED ``."""
    shown = (label or stance.value).upper()
    return text(f" {shown} ".center(width), STANCE_STYLE.get(stance, "bold reverse"))


def reaction_prompt(reaction: Reaction, language: str = "en", width: int = BADGE_WIDTH) -> Table:
    """Stance badge, then the actor and the phrase of the report that describes the reaction."""
    body = text(reaction.actor, "bold")
    body.append("\n")
    body.append_text(text(reaction.summary, "dim"))
    badge = stance_badge(reaction.stance, stance_words(reaction, language), width)
    return _two_columns(badge, body, width)


def heading(title: str, option_id: str, editorial: str = "") -> Option:
    """A section heading: a disabled option, so the cursor passes over it.

    ``editorial`` says what under it is our wording rather than the report's.
    """
    label = text("\n")
    label.append_text(text(title.upper(), "bold"))
    if editorial:
        label.append("  ")
        label.append_text(editorial_mark(editorial))
    return Option(label, id=option_id, disabled=True)


class OverviewView(Vertical):
    """Title, dates, summary, key figures, timeline and reactions of one briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next item", show=False, id="overview.down"),
        Binding("k", "cursor_up", "Previous item", show=False, id="overview.up"),
        Binding("g", "first", "First item", show=False, id="overview.first"),
        Binding("G", "last", "Last item", show=False, id="overview.last"),
    ]

    def __init__(self, briefing: Briefing, refs: BriefingRefs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        """The briefing shown; read only."""
        self.refs = refs
        """Shared navigation facts (not needed for drawing, kept for the common constructor)."""
        self.items: dict[str, OverviewItem] = {}
        """Option id -> the item behind it; headings and header rows are absent."""
        self.marker: Marker | None = None
        """Where the current search matches a text, to highlight it in place; None: no search."""

    # -- building ----------------------------------------------------------------------------

    def _options(self) -> list[Option | None]:
        b = self.briefing
        words = words_for(b.language)
        dates = format_range(b.start, b.end, language=b.language)
        options: list[Option | None] = [
            Option(text(b.title, "bold"), id="header-title", disabled=True),
            Option(text(dates, "bold cyan"), id="header-dates", disabled=True),
            Option(summary_prompt(b.summary), id="header-summary", disabled=True),
        ]
        if not (b.figures or b.timeline or b.reactions):
            # Said, not left blank: the overview.toml of this briefing is absent or empty.
            note = tr("This briefing has no key figures, timeline or reactions.")
            options.append(Option(text("\n" + note, "italic dim"), id="empty", disabled=True))
        if b.figures:
            options.append(
                heading(words.key_figures, "heading-figures", N_("numbers picked from the text"))
            )
            for figure in b.figures:
                option_id = f"figure:{figure.id}"
                self.items[option_id] = OverviewItem(figure.id, figure.ref)
                options.append(Option(figure_prompt(figure), id=option_id))
        if b.timeline:
            options.append(
                heading(words.timeline, "heading-timeline", N_("dates and wording ours"))
            )
            date_width = max(len(timeline_date(event, b.language)) for event in b.timeline)
            for index, event in enumerate(b.timeline):
                option_id = f"timeline:{index}"
                self.items[option_id] = OverviewItem(event.refs[0], event.refs[0])
                prompt = timeline_prompt(event, date_width, b.language)
                options.append(Option(prompt, id=option_id))
        if b.reactions:
            options.append(
                heading(words.reactions, "heading-reactions", N_("stances and summaries ours"))
            )
            width = badge_width(b.reactions, b.language)
            for reaction in b.reactions:
                option_id = f"reaction:{reaction.id}"
                self.items[option_id] = OverviewItem(reaction.id, reaction.ref)
                prompt = reaction_prompt(reaction, b.language, width)
                options.append(Option(prompt, id=option_id))
        return options

    def _marked_options(self) -> list[Option | None]:
        options = self._options()
        for option in options:
            if option is not None:
                mark(option.prompt, self.marker)
        return options

    def compose(self) -> ComposeResult:
        yield SteadyOptionList(*self._marked_options(), id="overview-list", markup=False)

    def set_marker(self, marker: Marker | None) -> None:
        """Highlight search matches in place, keeping the cursor where it is."""
        self.marker = marker
        if not self.is_mounted:
            return
        option_list = self.option_list
        options = self._marked_options()
        if isinstance(option_list, SteadyOptionList) and option_list.restyle(options):
            return  # the same options, marked anew: the cursor and heights stay
        keep = option_list.highlighted
        option_list.set_options(options)
        if keep is not None:
            option_list.highlighted = keep

    def on_mount(self) -> None:
        if not self.children:  # mounted as the app closed (tabs are built in idle time)
            return
        self.option_list.action_first()
        self.option_list.scroll_home(animate=False)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#overview-list", OptionList)

    # -- the tab contract --------------------------------------------------------------------

    def select(self, target_id: str) -> bool:
        """Put the cursor on a figure, reaction or timeline entry (``#timeline-N``, as search
        names them), or on the first item for ``#overview``."""
        option_list = self.option_list
        if target_id == "#overview":
            self.action_first()
            return True
        if target_id.startswith("#timeline-"):
            option_id = f"timeline:{target_id.removeprefix('#timeline-')}"
            if option_id in self.items:
                option_list.highlighted = option_list.get_option_index(option_id)
                return True
            return False
        for option_id, item in self.items.items():
            if item.item_id == target_id and not option_id.startswith("timeline:"):
                option_list = self.option_list
                option_list.highlighted = option_list.get_option_index(option_id)
                option_list.focus()
                return True
        return False

    def current_target(self) -> str | None:
        """The attribution id of the highlighted item."""
        option_list = self.option_list
        if option_list.highlighted is None:
            return None
        option = option_list.get_option_at_index(option_list.highlighted)
        item = self.items.get(option.id or "")
        return item.item_id if item else None

    def focus_default(self) -> None:
        self.option_list.focus()

    # -- keys and events ---------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.option_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.option_list.action_cursor_up()

    def action_first(self) -> None:
        """First item, and the header above it back into view."""
        self.option_list.action_first()
        self.option_list.scroll_home(animate=False)

    def action_last(self) -> None:
        self.option_list.action_last()

    @on(OptionList.OptionHighlighted, "#overview-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Stopped here: the screen's own option lists (the outline) must not see ours.
        event.stop()
        item = self.items.get(event.option_id or "")
        if item is not None and is_displayed(self):
            self.post_message(ItemFocused(item.item_id))

    @on(OptionList.OptionSelected, "#overview-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items.get(event.option_id or "")
        if item is not None:
            self.post_message(JumpRequested(item.jump_id))
