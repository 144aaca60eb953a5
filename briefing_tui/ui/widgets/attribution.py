"""The pane that always says which sources back what you are reading."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.content.model import Attribution, Source
from briefing_tui.reading.labels import labelled, list_status, source_kind_words
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.ui.render import text
from briefing_tui.ui.widgets.document import GAP

ASSESSMENT_NOTICE = "No source cited: analyst's assessment"


def source_block(source: Source) -> Text:
    """A source as the pane and the sources tab describe it."""
    block = Text()
    block.append("■ ", style="cyan")
    block.append(text(source.title, "bold"))
    block.append("\n  ")
    block.append(source_kind_words(source), style="italic")
    block.append(" · ")
    block.append(list_status(source), style="green" if source.in_report_list else "yellow")
    if source.outlets:
        block.append("\n  Outlets: ", style="dim")
        block.append(text(", ".join(source.outlets)))
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
        self._pending: list[Text] | None = None
        """What to draw once the pane is shown; None: the pane shows the latest already."""

    def compose(self) -> ComposeResult:
        hint = Text("Move the cursor onto a paragraph or an agreement.", style="dim")
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
        title.append("Sources for ", style="bold")
        title.append(text(target.label if target.kind != "paragraph" else target.location, "bold"))
        parts: list[Text] = [title]
        if sources:
            parts.extend(source_block(s) for s in sources)
        else:
            parts.append(Text(ASSESSMENT_NOTICE, style="italic yellow"))
        if attributions:
            parts.append(Text("In the text", style="bold"))
            parts.extend(attribution_block(a) for a in attributions)
        paragraph = self.refs.paragraph(target_id)
        gap = paragraph.gap if paragraph else None
        if gap:
            parts.append(Text.assemble((f"⚠ {GAP}: ", "bold yellow"), text(gap)))
        self._draw(parts)

    def _draw(self, parts: list[Text]) -> None:
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
            Text("Source", style="bold"),
            source_block(source),
            _cited_by(self.refs, source_id),
        ]
        if source.note:
            parts.append(text(labelled(source.note, self.refs.labels), "italic"))
        self._draw(parts)


def _cited_by(refs: BriefingRefs, source_id: str) -> Text:
    backlinks = refs.backlinks(source_id)
    line = Text(f"Cited by {len(backlinks)}", style="bold")
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
