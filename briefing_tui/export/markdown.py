"""A briefing as CommonMark with GFM tables, showing every value of the JSON export.

Content text is data: every character that CommonMark could read as structure is escaped with a
backslash (which CommonMark defines for every ASCII punctuation character), and line breaks inside
a value become spaces, so that no text can start a heading, a list or a table row of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from briefing_tui.content.model import (
    Agreement,
    Attribution,
    Briefing,
    Figure,
    Paragraph,
    Source,
    SourceKind,
    Stance,
    Status,
    Table,
)
from briefing_tui.reading.dates import format_range
from briefing_tui.reading.outline import Block, OutlineEntry, agreements_by_area, reading_order
from briefing_tui.reading.words import Words, agreement_headings, source_heading, words_for

_INLINE = re.compile(r"([\\`*_\[\]<>|~&!#])")
_LIST_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def md(text: str) -> str:
    """``text`` as inline Markdown that renders as exactly that text, where it follows other
    inline content on its line (a list marker or heading sign only counts at a line's start)."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


def md_start(text: str) -> str:
    """Like :func:`md`, for text that starts a line (or a block quote's line), where ``1.``,
    ``-`` or ``+`` would begin a list and ``=`` or ``-`` underline a heading."""
    out = _LIST_START.sub(r"\1\\\2", md(text))
    if out[:1] in ("+", "-", "=", ">") and (len(out) == 1 or out[1] in " \t" or out[0] in "=-"):
        out = "\\" + out
    return out


def code(value: str) -> str:
    """An id as a code span (ids are slugs: no backticks to fence)."""
    return f"`{value}`"


def ids(values: Iterable[str]) -> str:
    return ", ".join(code(v) for v in values)


def num(value: float) -> str:
    """Short where that is exact (``200``, ``0.5``), else every digit, so that ``briefing
    import`` reads back the very number."""
    short = f"{value:g}"
    return short if float(short) == value else repr(value)


def to_markdown(b: Briefing) -> str:
    w = words_for(b.language)
    out: list[str] = [f"# {md(b.title)}", ""]
    out += [f"*{md(format_range(b.start, b.end, language=b.language))}*", ""]
    if b.photo_caption:
        out += [f"> {md_start(b.photo_caption)}", ""]
    out += [f"**{md(w.summary)}.** {md(b.summary)}", ""]
    out += _metadata(b, w)
    out += _overview(b, w)
    for item in reading_order(b):
        if isinstance(item, OutlineEntry):
            level = min(6, 2 + item.depth)
            out += [f"{'#' * level} {md(item.section.title)}", "", f"{code(item.section.id)}", ""]
        elif isinstance(item, Block) and item.paragraph is not None:
            out += _paragraph(item.paragraph, w)
        elif isinstance(item, Block) and item.table is not None:
            out += _table(item.table, w)
        else:
            out += _agreements(b, w)
    out += [f"## {md(source_heading(b))}", ""]
    for source in b.sources:
        out += _source(source, w)
    return "\n".join(out).rstrip("\n") + "\n"


def _metadata(b: Briefing, w: Words) -> list[str]:
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    rows = [
        (w.id, code(b.id)),
        (w.format_version, str(b.schema_version)),
        (w.language, code(b.language)),
        (w.dates, f"{b.start.isoformat()} – {b.end.isoformat()}"),
        (w.author, md(b.author) if b.author else None),
        (w.organisation, md(b.organisation) if b.organisation else None),
        (w.classification, md(b.classification) if b.classification else None),
        (w.version, md(b.version) if b.version else None),
        (w.updated, day(b.updated)),
        (w.tags, md(", ".join(b.tags)) if b.tags else None),
    ]
    return [f"- **{md(name)}:** {value}" for name, value in rows if value] + [""]


def _word(word: str, value: Status | Stance | SourceKind) -> str:
    """A status or stance in the briefing's language, with the value the data holds when the
    two differ (``переговоры (negotiation)``), so a reader can match it to the JSON."""
    return md(word) if word == value.value else f"{md(word)} ({value.value})"


def _figure(figure: Figure, w: Words) -> str:
    out = f"**{md(figure.label)}:** {md(figure.text)} ({num(figure.value)} {md(figure.unit)}; "
    out += f"{w.measures}: {md(figure.measures)}"
    if figure.target is not None:
        high = f"–{num(figure.target_high)}" if figure.target_high is not None else ""
        out += f"; {w.target}: {num(figure.target)}{high}"
    return out + ")"


def _overview(b: Briefing, w: Words) -> list[str]:
    out: list[str] = []
    if b.figures:
        out += [f"## {md(w.key_figures)}", ""]
        for figure in b.figures:
            out.append(f"- {code(figure.id)} {_figure(figure, w)} {w.refs} {code(figure.ref)}")
        out.append("")
    if b.timeline:
        out += [f"## {md(w.timeline)}", ""]
        for event in b.timeline:
            when = format_range(event.date, event.end, language=b.language)
            iso = event.date.isoformat() + (f" – {event.end.isoformat()}" if event.end else "")
            out.append(
                f"- **{md(when)}** ({iso}) **{md(event.title)}:** {md(event.text)} "
                f"{w.refs} {ids(event.refs)}"
            )
        out.append("")
    if b.reactions:
        out += [f"## {md(w.reactions)}", ""]
        for r in b.reactions:
            if r.stance == Stance.OTHER and r.stance_label:
                shown = f"{md(r.stance_label)} ({r.stance.value})"
            else:
                shown = _word(w.stances[r.stance], r.stance)
            out.append(
                f"- {code(r.id)} **{md(r.actor)}** ({shown}): {md(r.summary)} "
                f"{w.refs} {code(r.ref)}"
            )
        out.append("")
    return out


def _attributions(attributions: tuple[Attribution, ...], w: Words, indent: str) -> list[str]:
    out = []
    for a in attributions:
        # "*" and not "-": a following bullet paragraph ("- ") must not join this list
        line = f"{indent}* {md(w.speaker)}: **{md(a.speaker)}**"
        if a.role:
            line += f", {md(a.role)}"
        if a.quote:
            opening, closing = w.quote_marks
            line += f"; {w.quote}: {opening}{md(a.quote)}{closing}"
        if a.source:
            line += f" ({code(a.source)})"
        out.append(line)
    return [*out, ""] if out else out


def _paragraph(p: Paragraph, w: Words) -> list[str]:
    label = f"**{md(p.label)}** " if p.label else ""
    bullet, indent = ("- ", "  ") if p.bullet else ("", "")
    out = [f"{bullet}{code(p.id)} {label}{md(p.text)}", ""]
    notes = [f"{w.sources}: {ids(p.sources)}" if p.sources else md(w.assessment)]
    if p.gap:
        notes.append(f"{md(w.gap)}: {md(p.gap)}")
    if p.note:
        notes.append(f"{md(w.editorial_note)}: {md(p.note)}")
    out += [f"{indent}*{'; '.join(notes)}*", ""]
    out += _attributions(p.attributions, w, indent)
    return out


def _cells(values: Iterable[str]) -> str:
    return "| " + " | ".join(md(v) if v.strip() else " " for v in values) + " |"


def _table(t: Table, w: Words) -> list[str]:
    # "→ `p`": the paragraph the table is placed after, when the data names one (an import
    # must tell it from a table that follows the section's paragraphs by default)
    after = f" → {code(t.after)}" if t.after else ""
    out = [f"**{md(t.caption)}** ({code(t.id)}{after})", ""]
    with_sources = any(row.sources for row in t.rows)
    header = list(t.header) + ([w.sources] if with_sources else [])
    out += [_cells(header), "|" + " --- |" * len(header)]
    for row in t.rows:
        cells = _cells(row.cells)
        out.append(cells + (f" {ids(row.sources)} |" if with_sources else ""))
    out.append("")
    if t.note:
        out += [f"*{md(w.note)}:* {md(t.note)}", ""]
    if t.sources:
        out += [f"*{md(w.table_sources)}:* {ids(t.sources)}", ""]
    return out


def _agreement_cell(a: Agreement) -> str:
    return f"{code(a.id)} **{md(a.title)}:** {md(a.text)}"


def _agreements(b: Briefing, w: Words) -> list[str]:
    out: list[str] = []
    if b.intro:
        out += [md_start(b.intro), ""]
    area, items = agreement_headings(b)
    out += [
        f"| {md(area)} | {md(items)} | {md(w.status)} | {md(w.sources)} |",
        "| --- | --- | --- | --- |",
    ]
    for title, agreements in agreements_by_area(b):
        for a in agreements:
            out.append(
                f"| {md(title)} | {_agreement_cell(a)} | {_word(w.statuses[a.status], a.status)} "
                f"| {ids(a.sources)} |"
            )
    area_ids = ", ".join(f"{code(a.id)} {md(a.title)}" for a in b.areas)
    out += ["", f"*{md(w.area)}:* {area_ids}", ""]
    if b.after_section:
        out += [f"*{md(w.after_section)}:* {code(b.after_section)}", ""]
    # every agreement, in the data's order (the table above is grouped by area)
    for a in b.agreements:
        details = [f"* {code(a.id)} ({code(a.area)})"]
        details += [f"  - {_figure(f, w)}" for f in a.figures]
        if a.gap:
            details.append(f"  - {md(w.gap)}: {md(a.gap)}")
        details += [line for line in _attributions(a.attributions, w, "  ") if line]
        out += details
    out.append("")
    if b.note:
        out += [f"*{md(w.note)}:* {md(b.note)}", ""]
    return out


def _source(s: Source, w: Words) -> list[str]:
    listed = "" if s.in_report_list else f" *({md(w.cited_in_text)})*"
    if s.kind == SourceKind.OTHER and s.kind_label:
        kind = f"{md(s.kind_label)} ({s.kind.value})"
    else:
        kind = _word(w.kinds[s.kind], s.kind)
    out = [f"- {code(s.id)} **{md(s.title)}**{listed}", f"  - {md(w.kind)}: {kind}"]
    if s.outlets:
        out.append(f"  - {md(w.outlets)}: {md(', '.join(s.outlets))}")
    if s.publisher:
        out.append(f"  - {md(w.publisher)}: {md(s.publisher)}")
    if s.published:
        out.append(f"  - {md(w.published)}: {s.published.isoformat()}")
    if s.accessed:
        out.append(f"  - {md(w.accessed)}: {s.accessed.isoformat()}")
    if s.url:
        out.append(f"  - {md(w.url)}: <{s.url}>")
    if s.note:
        out.append(f"  - {md(w.note)}: {md(s.note)}")
    return out
