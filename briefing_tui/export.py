"""Briefings rendered for reading elsewhere: Markdown, JSON, and the report's own plain text.

``text`` rebuilds the report exactly as the analyst wrote it; the tests compare it byte for byte
with the original, which is how we know the content was carried over word for word.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from briefing_tui.content.model import Agreement, Briefing, Library, Paragraph, Section
from briefing_tui.reading.dates import format_range

FORMATS = ("markdown", "json", "text")


def export(library: Library, fmt: str, briefing_id: str | None = None) -> str:
    """Render the whole library, or one briefing of it, in ``fmt``."""
    briefings = [library.get(briefing_id)] if briefing_id else list(library.briefings)
    if fmt == "json":
        return to_json(briefings)
    render = to_markdown if fmt == "markdown" else to_text
    return "\n\n".join(render(b) for b in briefings)


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


def to_json(briefings: Iterable[Briefing]) -> str:
    """The validated data; ``Library.model_validate_json`` reads it back."""
    data = {"briefings": [b.model_dump(mode="json") for b in briefings]}
    return json.dumps(data, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------------------------
# Plain text, as the report was written
# --------------------------------------------------------------------------------------------


def paragraph_line(paragraph: Paragraph) -> str:
    line = paragraph.full_text
    return f"  • {line}" if paragraph.bullet else line


def agreements_by_area(briefing: Briefing) -> list[tuple[str, list[Agreement]]]:
    """Areas in declared order, each with its agreements in order."""
    return [
        (area.title, [a for a in briefing.agreements if a.area == area.id])
        for area in briefing.areas
    ]


def to_text(b: Briefing) -> str:
    lines: list[str] = [b.title]
    if b.photo_caption:
        lines.append(b.photo_caption)
    for section in b.sections:
        lines.append(section.title)
        lines.extend(paragraph_line(p) for p in section.paragraphs)
        if section.id == b.after_section:
            lines.extend(_table_text(b))
    listed = [s for s in b.sources if s.in_report_list]
    if listed:
        lines.append(f"{b.heading}:")
        lines.extend(f"  • {s.title}" for s in listed)
    return "\n\n".join(lines)


def _table_text(b: Briefing) -> list[str]:
    lines = [b.intro] if b.intro else []
    lines += [b.area_heading, b.items_heading]
    for title, items in agreements_by_area(b):
        lines += [title, " • ".join(a.text for a in items)]
    if b.note:
        lines.append(f"Note: {b.note}")
    return lines


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    """Keep content from turning into Markdown structure it never had."""
    out = text.replace("\\", "\\\\")
    for char in "`*_[]<>|":
        out = out.replace(char, "\\" + char)
    if out[:1] in "#+-=" or out[:2].rstrip(".").isdigit():
        out = "\\" + out
    return out


def _source_refs(ids: Iterable[str]) -> str:
    return ", ".join(f"[{i}]" for i in ids)


def to_markdown(b: Briefing) -> str:
    out: list[str] = [f"# {_md_escape(b.title)}", ""]
    out.append(f"*{format_range(b.start, b.end)}*")
    out.append("")
    if b.photo_caption:
        out += [f"> {_md_escape(b.photo_caption)}", ""]
    out += [f"**Summary.** {_md_escape(b.summary)}", ""]
    for section in b.sections:
        out += _section_markdown(section)
        if section.id == b.after_section:
            out += _table_markdown(b)
    out += [f"## {_md_escape(b.heading)} (Sources)", ""]
    for source in b.sources:
        listed = "" if source.in_report_list else " *(cited in the text, not in the report's list)*"
        outlets = f" Outlets: {_md_escape(', '.join(source.outlets))}." if source.outlets else ""
        out.append(f"- **[{source.id}]** {_md_escape(source.title)}{listed}{outlets}")
    out.append("")
    return "\n".join(out)


def _section_markdown(section: Section) -> list[str]:
    out = [f"## {_md_escape(section.title)}", ""]
    for p in section.paragraphs:
        label = f"**{_md_escape(p.label)}** " if p.label else ""
        bullet = "- " if p.bullet else ""
        out.append(f"{bullet}`{p.id}` {label}{_md_escape(p.text)}")
        notes = []
        if p.sources:
            notes.append(f"Sources: {_source_refs(p.sources)}")
        else:
            notes.append("No source cited: analyst's assessment")
        if p.gap:
            notes.append(f"Gap in the original: {_md_escape(p.gap)}")
        indent = "  " if p.bullet else ""
        out += ["", f"{indent}*{_md_escape('; '.join(notes))}*", ""]
    return out


def _table_markdown(b: Briefing) -> list[str]:
    out: list[str] = []
    if b.intro:
        out += [_md_escape(b.intro), ""]
    out += [
        f"| {_md_escape(b.area_heading)} | {_md_escape(b.items_heading)} | Status | Sources |",
        "| --- | --- | --- | --- |",
    ]
    for title, items in agreements_by_area(b):
        for a in items:
            out.append(
                f"| {_md_escape(title)} | **{_md_escape(a.title)}**: {_md_escape(a.text)} "
                f"| {a.status.value} | {_md_escape(', '.join(a.sources))} |"
            )
    out.append("")
    if b.note:
        out += [f"*Note:* {_md_escape(b.note)}", ""]
    return out
