"""An item as a citation: what ``y`` copies in the browser and ``briefing cite`` prints.

Plain text the analyst pastes into their own writing: where the item is (label, section,
briefing and dates), its words exactly as the report has them, and the sources it rests on by
title, outlet and URL. Every line passes the character policy, so a citation is safe to print on a
terminal and to send as OSC 52.
"""

from __future__ import annotations

from briefing_tui.content.model import Briefing, Source
from briefing_tui.content.text import plain
from briefing_tui.reading.dates import format_range
from briefing_tui.reading.labels import source_kind_words
from briefing_tui.reading.refs import BriefingRefs

#: The kinds of item a citation can be made of.
CITABLE = ("paragraph", "agreement", "source")


class NotCitable(ValueError):
    """The id names something that is not a paragraph, agreement or source."""


def citation(briefing: Briefing, item_id: str) -> str:
    """The citation text for ``item_id`` of ``briefing`` (no trailing newline)."""
    refs = BriefingRefs(briefing)
    target = refs.target(item_id)
    if target is None or target.kind not in CITABLE:
        what = "nothing" if target is None else f"a {target.kind}"
        raise NotCitable(f"{item_id} is {what}; cite a paragraph, agreement or source id")
    where = f"{briefing.title}, {format_range(briefing.start, briefing.end)}"
    lines: list[str]
    if target.kind == "paragraph":
        paragraph = refs.paragraph(item_id)
        section = refs.section_of(item_id)
        assert paragraph is not None and section is not None
        lines = [f"{refs.labels[item_id]} {section.title} — {where}", paragraph.full_text]
        if paragraph.gap:
            lines.append(f"[gap: {paragraph.gap}]")
        if paragraph.assessment:
            lines.append("(the report's own assessment)")
        lines += _sources([briefing.source(s) for s in paragraph.sources])
    elif target.kind == "agreement":
        agreement = refs.agreement(item_id)
        assert agreement is not None
        area = briefing.area(agreement.area).title
        lines = [
            f"Agreement: {agreement.title} ({area}; {agreement.status.value}) — {where}",
            agreement.text,
        ]
        if agreement.gap:
            lines.append(f"[gap: {agreement.gap}]")
        lines += _sources([briefing.source(s) for s in agreement.sources])
    else:
        source = briefing.source(item_id)
        lines = [f"Source: {_source_line(source)} — {where}"]
        if source.note:
            lines.append(source.note)
        cited_by = [t.label for t in refs.backlinks(item_id)]
        if cited_by:
            lines.append(f"Cited by: {', '.join(cited_by)}")
    lines.append(f"[{briefing.id}/{item_id}]")
    return "\n".join(plain(line) for line in lines)


def _source_line(source: Source) -> str:
    outlets = f"; {', '.join(source.outlets)}" if source.outlets else ""
    line = f"{source.title} ({source_kind_words(source)}{outlets})"
    return f"{line} {source.url}" if source.url else line


def _sources(sources: list[Source]) -> list[str]:
    if not sources:
        return []
    return ["Sources:", *(f"- {_source_line(s)}" for s in sources)]
