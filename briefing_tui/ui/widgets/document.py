"""Parts of the original report around its paragraphs, and the words every view shares.

The text export prints the table's intro sentence, the table, the note under it, the photo
caption and the source list; the browser shows each of them in place too, so a search hit on
any of them lands on a screen where it can be read. One wording for the gap notice and one mark
for editorial additions keep the views consistent.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from briefing_tui.content.model import Briefing
from briefing_tui.reading.outline import agreements_by_area
from briefing_tui.reading.refs import BriefingRefs
from briefing_tui.reading.words import agreement_headings, source_heading
from briefing_tui.ui.i18n import N_, tr
from briefing_tui.ui.render import Marker, text

#: Shown beside wording that is ours rather than the report's (summaries, statuses, figures).
EDITORIAL = N_("✎ editorial")
#: Before an editorial note on a paragraph.
EDITORIAL_NOTE = N_("✎ editorial note")


def editorial(label: str = "") -> Text:
    """The editorial mark, optionally followed by what it covers."""
    mark = Text(tr(EDITORIAL), style="italic magenta")
    if label:  # our note on the content, in the analyst's language (see ui.i18n)
        mark.append(f": {tr(label)}", style="italic dim")
    return mark


def agreements_table(briefing: Briefing, refs: BriefingRefs) -> Text:
    """The agreements table as the report prints it: intro, rows by area, and the note."""
    b = briefing
    out = Text()
    if b.intro:
        out.append_text(text(b.intro))
        out.append("\n\n")
    out.append("▤ ", style="dim")
    area_heading, items_heading = agreement_headings(b)
    out.append_text(text(area_heading, "bold"))
    out.append(" › ", style="dim")
    out.append_text(text(items_heading, "bold"))
    out.append("\n")
    for title, items in agreements_by_area(b):
        out.append("  ")
        out.append_text(text(title, "bold"))
        out.append("\n")
        for agreement in items:
            out.append("    • ")
            out.append_text(text(agreement.text))
            out.append("\n")
    if b.note:
        out.append("\n")
        out.append("Note: ", style="bold")
        out.append_text(text(b.note))
        out.append("\n")
    return out


def source_list(briefing: Briefing) -> Text | None:
    """The report's closing source list, under its own heading."""
    listed = [s for s in briefing.sources if s.in_report_list]
    if not listed:
        return None
    out = Text()
    out.append_text(text(f"{source_heading(briefing)}:", "bold"))
    out.append("\n")
    for source in listed:
        out.append("  • ")
        out.append_text(text(source.title))
        out.append("\n")
    return out


def mark(renderable: object, marker: Marker | None) -> None:
    """Highlight search matches, in place, in every Text of a freshly built prompt.

    The overview and source prompts are Text, Groups of Text, or two-column grids; walking them
    marks a hit wherever it lands without threading the search through every prompt builder.
    """
    if marker is None:
        return
    if isinstance(renderable, Text):
        for start, end in marker(renderable.plain):
            renderable.stylize("reverse", start, end)
    elif isinstance(renderable, Group):
        for child in renderable.renderables:
            mark(child, marker)
    elif isinstance(renderable, Table):
        for column in renderable.columns:
            for cell in column.cells:
                mark(cell, marker)
