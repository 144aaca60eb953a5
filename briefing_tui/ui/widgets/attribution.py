"""The pane that always says which sources back what you are reading."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.content.model import Attribution, Source, SourceKind
from briefing_tui.reading.dates import format_day
from briefing_tui.reading.labels import labelled, list_status, source_kind_words
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.reading.words import words_for
from briefing_tui.ui.i18n import N_, tr
from briefing_tui.ui.render import text

ASSESSMENT_NOTICE = N_("No source cited: analyst's assessment")

#: ``list_status``'s words (reading.labels), translated where they are shown.
LIST_STATUS = (N_("in report list"), N_("cited in text only"))


def kind_words(source: Source, language: str) -> str:
    """The source's kind in the briefing's language; ``other`` is the author's ``kind_label``."""
    if source.kind == SourceKind.OTHER and source.kind_label:
        return source.kind_label
    return words_for(language).kinds.get(source.kind, source_kind_words(source))


def source_facts(source: Source, language: str) -> Text:
    """Publisher, dates and link of a source, one per line, each starting with a newline.

    Dates follow the briefing's language; the link is shown whole, folded across lines when
    it is wider than the pane (never cut), and as text only: nothing here opens it.
    """
    out = Text()
    if source.publisher:
        out.append("\n  " + tr("Publisher: "), style="dim")
        out.append_text(text(source.publisher))
    dates = []
    if source.published:
        dates.append(tr("published {date}", date=format_day(source.published, language=language)))
    if source.accessed:
        dates.append(tr("accessed {date}", date=format_day(source.accessed, language=language)))
    if dates:
        out.append("\n  ")
        out.append_text(text(" · ".join(dates), "dim"))
    if source.url:
        out.append("\n  ")
        out.append_text(text(source.url, "underline"))
    return out


def source_block(source: Source, language: str = "en") -> Text:
    """A source as the pane describes it."""
    block = Text(overflow="fold")
    block.append("■ ", style="cyan")
    block.append(text(source.title, "bold"))
    block.append("\n  ")
    block.append(kind_words(source, language), style="italic")
    block.append(" · ")
    block.append(tr(list_status(source)), style="green" if source.in_report_list else "yellow")
    if source.outlets:
        block.append("\n  " + tr("Outlets: "), style="dim")
        block.append(text(", ".join(source.outlets)))
    block.append_text(source_facts(source, language))
    return block


def attribution_block(attribution: Attribution) -> Text:
    block = Text()
    block.append("▸ ", style="magenta")
    block.append(text(attribution.speaker, "bold"))
    if attribution.role:
        block.append(", ")
        block.append(text(attribution.role, "italic"))
    if attribution.quote:
        block.append("\n  “")
        block.append(text(attribution.quote))
        block.append("”")
    return block


class AttributionPane(VerticalScroll, can_focus=True):
    """Shows the sources and in-text attributions of the focused item.

    It follows the cursor in whichever tab is active without taking focus, so the reader's keys
    keep working while it updates; Tab moves into it when its list of sources is longer than
    the pane (four sources at 80x24), and j/k, arrows and pages scroll it there.
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll the pane down", show=False, id="pane.down"),
        Binding("k", "scroll_up", "Scroll the pane up", show=False, id="pane.up"),
    ]

    def __init__(self, refs: BriefingRefs, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.refs = refs
        self.target_id: str | None = None
        self.plain_text = ""
        #: Lines of the analyst's own layer for an item (its notes, "changed since you last
        #: read"), drawn under the sources; set by the screen.
        self.annotate: Callable[[str], list[Text]] | None = None
        self._pending: list[Text] | None = None
        """What to draw once the pane is shown; None: the pane shows the latest already."""

    def compose(self) -> ComposeResult:
        hint = Text(tr("Move the cursor onto a paragraph or an agreement."), style="dim")
        yield Static(hint, id="attribution-body")

    def show(self, target_id: str | None) -> None:
        """Describe ``target_id``; ids without attribution (a section, a source) keep the last."""
        if target_id is None:
            return
        target = self.refs.target(target_id)
        if target is not None and target.kind == "source":
            self._show_source(target_id)
            return
        found = self.refs.attribution_of(target_id)
        if target is None or found is None:
            return
        self.target_id = target_id
        sources, attributions = found
        title = Text()
        title.append(tr("Sources for "), style="bold")
        title.append(text(target.label if target.kind != "paragraph" else target.location, "bold"))
        parts: list[Text] = [title]
        if sources:
            language = self.refs.briefing.language
            parts.extend(source_block(s, language) for s in sources)
        else:
            parts.append(Text(tr(ASSESSMENT_NOTICE), style="italic yellow"))
        if attributions:
            parts.append(Text(tr("In the text"), style="bold"))
            parts.extend(attribution_block(a) for a in attributions)
        paragraph = self.refs.paragraph(target_id)
        gap = paragraph.gap if paragraph else None
        if gap:
            said = words_for(self.refs.briefing.language).gap  # the briefing's language
            said = f"{said[0].lower()}{said[1:]}"
            parts.append(Text.assemble((f"⚠ {said}: ", "bold yellow"), text(gap)))
        self._draw(parts)

    def redraw(self) -> None:
        """Draw the current item again (its notes changed)."""
        if self.target_id is not None:
            self.show(self.target_id)

    def _draw(self, parts: list[Text]) -> None:
        if self.annotate is not None and self.target_id is not None:
            parts = [*parts, *self.annotate(self.target_id)]
        self.plain_text = "\n\n".join(part.plain for part in parts)
        self._pending = parts
        if self.display:
            self.draw_pending()

    def draw_pending(self) -> None:
        """Put the last described item on screen.

        While the pane is hidden (narrow terminals, until ``p``) the cursor still moves it
        along; updating the hidden text laid the whole screen out again on every paragraph
        and tab change, so it is drawn when the pane is shown instead.
        """
        if self._pending is None:
            return
        parts, self._pending = self._pending, None
        self.query_one("#attribution-body", Static).update(Group(*_spaced(parts)))
        self.scroll_home(animate=False)

    def on_show(self) -> None:
        self.draw_pending()

    def _show_source(self, source_id: str) -> None:
        """On the Sources tab the item *is* a source: describe it and where it is cited."""
        self.target_id = source_id
        source = self.refs.briefing.source(source_id)
        parts = [
            Text(tr("Source"), style="bold"),
            source_block(source, self.refs.briefing.language),
            _cited_by(self.refs, source_id),
        ]
        if source.note:
            parts.append(text(labelled(source.note, self.refs.labels), "italic"))
        self._draw(parts)


def _cited_by(refs: BriefingRefs, source_id: str) -> Text:
    backlinks = refs.backlinks(source_id)
    line = Text(tr("Cited by {n}", n=len(backlinks)), style="bold")
    if backlinks:
        line.append(": ")
        line.append(text(", ".join(t.label for t in backlinks)))
    return line


def _spaced(parts: list[Text]) -> list[Text]:
    out: list[Text] = []
    for part in parts:
        if out:
            out.append(Text(""))
        out.append(part)
    return out
