"""A report as plain text (the shape the bundled report's original has) -> a :class:`Draft`.

Blocks are separated by blank lines: the title, a caption, heading lines (short, no final full
stop), paragraphs (``•`` for bullets), and a final source list introduced by a line ending in
``:`` with ``•`` items. A table flattened into one cell per block (a line ending in ``:``, the
header cells, then each row's cells, then "Note: ...") is rebuilt as a plain table for review.
Nothing is cited in plain text: every paragraph is imported unsourced and listed for review, and
the sources the text names are suggested, never linked.
"""

from __future__ import annotations

import re
from typing import Any

from briefing_tui.authoring.common import new_source, paragraph
from briefing_tui.authoring.draft import Draft, todo
from briefing_tui.authoring.slugs import Ids, slugify

_BULLET = re.compile(r"^\s*[•·▪●]\s*")
_NOTE = re.compile(r"^(?:Note|Примечание)\s*:\s*", re.I)
_BULLET_LABEL = re.compile(r"^([^.:!?]{1,60}:)\s+(\S.*)$", re.S)
_LEAD_LABEL = re.compile(r"^((?:[A-ZА-ЯЁ][\w-]*)(?:\s+[\w-]+){0,3}\.)\s+([A-ZА-ЯЁ«\"].*)$", re.S)
MAX_HEADING = 120


def blocks(text: str) -> list[tuple[int, str]]:
    """Blocks of non-blank lines, each with its first line's number, lines joined by spaces."""
    out: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            out.append((start, _join(current)))
            current = []
    if current:
        out.append((start, _join(current)))
    return out


def _join(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def heading_like(block: str) -> bool:
    return (
        len(block) <= MAX_HEADING
        and not _BULLET.match(block)
        and block[-1:] not in ".:!?;,…"
        and not _NOTE.match(block)
    )


def read_text(text: str, origin: str) -> tuple[Draft, list[str]]:
    draft = Draft(origin=origin)
    ids = Ids()
    items = blocks(text)
    if not items:
        return draft, []
    draft.briefing["title"] = items[0][1]
    body = items[1:]
    body, sources = _source_list(draft, ids, body)
    if body and not heading_like(body[0][1]):
        draft.briefing["photo_caption"] = body[0][1]
        body = body[1:]
    summary: list[str] = []
    section: dict[str, Any] | None = None
    index = 0
    while index < len(body):
        _line, block = body[index]
        following = body[index + 1][1] if index + 1 < len(body) else ""
        if heading_like(block) and following and not heading_like(following):
            section = {
                "id": ids.claim(slugify(block, "section"))[0],
                "title": block,
                "paragraphs": [],
                "tables": [],
            }
            if section["id"] != slugify(block, "section"):
                todo(section, f"the heading '{block}' occurs more than once: id '{section['id']}'")
            draft.sections.append(section)
        elif section is None:
            summary.append(block)
        elif block.endswith(":") and heading_like(following):
            index = _flat_table(section, ids, body, index)
        else:
            section["paragraphs"].append(_paragraph(section, ids, block, sources))
        index += 1
    return draft, summary


def _paragraph(
    section: dict[str, Any], ids: Ids, block: str, known: list[dict[str, Any]]
) -> dict[str, Any]:
    pid = ids.claim(f"{section['id']}.p{len(section['paragraphs']) + 1}")[0]
    bullet = bool(_BULLET.match(block))
    text = _BULLET.sub("", block)
    label = None
    pattern = _BULLET_LABEL if bullet else _LEAD_LABEL
    match = pattern.match(text)
    if match:
        label, text = match.group(1), match.group(2)
    item = paragraph(pid, text, [], label=label, bullet=bullet, known=known)
    if label:
        todo(item, f"the lead-in '{label}' was taken as the paragraph's label: check it")
    return item


def _source_list(
    draft: Draft, ids: Ids, body: list[tuple[int, str]]
) -> tuple[list[tuple[int, str]], list[dict[str, Any]]]:
    """Split off the final "Sources:" list (a line ending in ':' and only '•' items after it)."""
    for index in range(len(body) - 2, -1, -1):
        block = body[index][1]
        rest = body[index + 1 :]
        if (
            block.endswith(":")
            and heading_like(block[:-1])
            and rest
            and all(_BULLET.match(b) for _, b in rest)
        ):
            draft.sources["heading"] = block[:-1]
            found = [new_source(ids, _BULLET.sub("", b)) for _, b in rest]
            draft.sources["sources"] = found
            return body[:index], found
    return body, []


def _flat_table(section: dict[str, Any], ids: Ids, body: list[tuple[int, str]], index: int) -> int:
    """Rebuild a table flattened into blocks; returns the index of its last block."""
    intro = body[index][1]
    cells: list[str] = []
    j = index + 1
    while j < len(body) and heading_like(body[j][1]):
        cells.append(body[j][1])
        j += 1
    if len(cells) < 2:
        section["paragraphs"].append(_paragraph(section, ids, intro, []))
        return index
    header, first_area = cells[:-1], cells[-1]
    rows = []
    area = first_area
    note = None
    while j < len(body):
        values = [b for _, b in body[j : j + len(header) - 1]]
        if len(values) < len(header) - 1 or any(heading_like(v) for v in values):
            j -= 1
            break
        rows.append({"cells": [area, *values], "sources": []})
        j += len(header) - 1
        if j < len(body) and _NOTE.match(body[j][1]):
            note = _NOTE.sub("", body[j][1], count=1)
            break
        if j + 1 < len(body) and heading_like(body[j][1]) and "•" in body[j + 1][1]:
            area = body[j][1]
            j += 1
            continue
        j -= 1
        break
    if not rows:
        section["paragraphs"].append(_paragraph(section, ids, intro, []))
        return index
    table: dict[str, Any] = {
        "id": ids.claim(f"{section['id']}.t{len(section['tables']) + 1}")[0],
        "caption": intro,
    }
    if section["paragraphs"]:
        table["after"] = section["paragraphs"][-1]["id"]
    table.update({"header": header, "rows": rows})
    if note is not None:
        table["note"] = note
    todo(
        table,
        "a table flattened into lines was rebuilt from them (caption: the line that "
        "introduces it): check its rows; if it is the agreements table, move it to "
        "agreements.toml with statuses and sources",
    )
    section["tables"].append(table)
    return j
