"""The full text of one agreement, over the table it was opened from.

A table row can only hold a title and a figure; this modal shows everything the report says
about the agreement and what it rests on, then gets out of the way with the key that opened it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.content.model import Agreement, Briefing
from briefing_tui.reading.labels import list_status, source_kind_words
from briefing_tui.reading.words import words_for
from briefing_tui.ui.i18n import tr
from briefing_tui.ui.render import Marker, highlighted, text


def _heading(title: str) -> Text:
    return text(f"\n{title}", "bold underline")


def agreement_body(agreement: Agreement, briefing: Briefing, marker: Marker | None = None) -> Group:
    """Status, text, figures, sources and gap of ``agreement``, all as literal text, with the
    current search's matches in the text highlighted when there is one."""
    parts: list[RenderableType] = []
    meta = text(briefing.area(agreement.area).title, "dim")
    meta.append_text(text(tr("  ·  status: "), "dim"))
    meta.append_text(text(agreement.status.value, "bold"))
    body = highlighted(agreement.text, marker(agreement.text)) if marker else text(agreement.text)
    parts += [meta, Text(), body]
    if agreement.figures:
        parts.append(_heading(tr("Figures")))
        for figure in agreement.figures:
            line = text(f"{figure.value:g} {figure.unit}", "bold")
            line.append_text(text(f"  “{figure.text}”  {figure.label}: {figure.measures}", ""))
            parts.append(line)
    parts.append(_heading(tr("Sources ({n})", n=len(agreement.sources))))
    for source_id in agreement.sources:
        source = briefing.source(source_id)
        line = text("• ")
        line.append_text(text(source.title))
        kind = source_kind_words(source)
        line.append_text(text(f"  [{kind}; {tr(list_status(source))}]", "dim"))
        parts.append(line)
    if agreement.attributions:
        parts.append(_heading(tr("Attributed to")))
        for attribution in agreement.attributions:
            line = text(f"• {attribution.speaker}")
            if attribution.role:
                line.append_text(text(f", {attribution.role}", "dim"))
            if attribution.quote:
                line.append_text(text(f": “{attribution.quote}”", "italic"))
            parts.append(line)
    if agreement.gap:
        parts.append(_heading(f"⚠ {words_for(briefing.language).gap}"))
        parts.append(text(agreement.gap, "italic"))
    return Group(*parts)


class AgreementScreen(ModalScreen[None]):
    """A scrollable card with one agreement; Escape, q or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="agreement.close"),
        Binding("q", "close", "Close", show=False, id="agreement.close_q"),
        Binding("enter", "close", "Close", show=False, id="agreement.close_enter"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="agreement.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="agreement.up"),
    ]

    def __init__(
        self, agreement: Agreement, briefing: Briefing, marker: Marker | None = None
    ) -> None:
        super().__init__()
        self.marker = marker
        """The current search's matches, highlighted in the text; None when not searching."""
        self.agreement = agreement
        """The agreement shown."""
        self.briefing = briefing
        """Its briefing, for area titles and source titles."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="agreement-card") as card:
            card.border_title = text(self.agreement.title)  # Text: a str is markup
            card.border_subtitle = text(tr("Esc/q/Enter close"))
            body = agreement_body(self.agreement, self.briefing, self.marker)
            yield Static(body, id="agreement-body")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#agreement-card", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#agreement-card", VerticalScroll).scroll_up()
