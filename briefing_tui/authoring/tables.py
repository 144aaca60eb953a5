"""GFM tables of a Markdown report: the agreements table (recognised by its header, in English
or Russian) or a plain table; cells' footnote citations become the row's sources."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markdown_it.token import Token

from briefing_tui.authoring.draft import todo
from briefing_tui.authoring.mdparse import Inline, cell_texts
from briefing_tui.authoring.slugs import slugify

if TYPE_CHECKING:
    from briefing_tui.authoring.from_markdown import _State

_AREA = ("area", "scope", "sphere", "field", "область", "сфера", "направление")
_AGREEMENT = ("agreement", "key agreement", "соглашени", "договорённост", "договоренност")
_STATUS = ("status", "статус")
_SOURCES = ("sources", "источники")

#: Status words an author may write, in English and Russian, -> the format's status.
STATUSES = {
    "negotiation": "negotiation",
    "negotiations": "negotiation",
    "переговоры": "negotiation",
    "memorandum": "memorandum",
    "меморандум": "memorandum",
    "agreed": "agreed",
    "signed": "agreed",
    "согласовано": "agreed",
    "подписано": "agreed",
    "target": "target",
    "goal": "target",
    "цель": "target",
    "statement": "statement",
    "заявление": "statement",
}
_CELL = re.compile(r"(?<!\\)\|")


def full(cell: Inline) -> str:
    return f"{cell.label} {cell.text}".strip() if cell.label else cell.text


def is_agreements_header(header: list[str]) -> bool:
    words = [h.lower() for h in header]
    if len(words) not in (3, 4):
        return False
    ok = (
        words[0].startswith(_AREA)
        and any(w in words[1] for w in _AGREEMENT)
        and words[2].startswith(_STATUS)
    )
    return ok and (len(words) == 3 or words[3].startswith(_SOURCES))


def read_table(s: _State, tokens: list[Token], start: int) -> tuple[int, dict[str, Any] | None]:
    rows, end = cell_texts(tokens, start)
    header, body = [full(c) for c in rows[0]], rows[1:]
    if not s.stack:
        todo(
            s.draft.briefing,
            "a table before the first section was left out: move it into a section",
        )
        return end, None
    section = s.stack[-1]
    widths = _source_widths(s, tokens[start])
    if is_agreements_header(header):
        if all(any(c.cites for c in row) for row in body) and body:
            return end, _agreements(s, section, header, body)
        note = "an agreements table needs a source for every row: imported as a plain table"
    else:
        note = None
    table = _plain(s, section, header, body, widths)
    if note:
        todo(table, note)
    return end, table


def _source_widths(s: _State, token: Token) -> list[int]:
    """How many cells each source line of the table has: markdown-it pads short rows and drops
    extra cells silently, and a malformed row is a point for the author."""
    if token.map is None:
        return []
    widths = []
    for line in s.lines[token.map[0] : token.map[1]]:
        body = line.strip().strip("|")
        widths.append(len(_CELL.split(body)))
    return widths


def _take_caption(s: _State, section: dict[str, Any]) -> str | None:
    last = s.last_paragraph
    if last is not None and last.get("_strong") and section["paragraphs"][-1:] == [last]:
        section["paragraphs"].pop()
        s.ids.taken.discard(last["id"])
        return str(last.get("label") or last["text"])
    return None


def _plain(
    s: _State,
    section: dict[str, Any],
    header: list[str],
    body: list[list[Inline]],
    widths: list[int],
) -> dict[str, Any]:
    caption = _take_caption(s, section)
    number = len(section["tables"]) + 1
    wanted = slugify(caption, "table") if caption else f"{section['id']}.t{number}"
    table_id, _ = s.ids.claim(wanted)
    table: dict[str, Any] = {"id": table_id, "caption": caption or header[0] or "Table"}
    if caption is None:
        todo(
            table,
            "no caption: a bold line right above the table gives one; the first "
            "column's heading stands in",
        )
    if section["paragraphs"]:
        table["after"] = section["paragraphs"][-1]["id"]
    table["header"] = [h or f"(column {n})" for n, h in enumerate(header, start=1)]
    if not all(header):
        todo(table, "the header has empty cells: each column needs a heading; placeholders put")
    rows = []
    for number, row in enumerate(body, start=1):
        cites = [_cite(s, label) for cell in row for label in cell.cites]
        rows.append({"cells": [full(c) for c in row], "sources": list(dict.fromkeys(cites))})
        if number + 1 < len(widths) and widths[number + 1] != len(header):
            todo(
                table,
                f"row {number} has {widths[number + 1]} cell(s) but the header has "
                f"{len(header)}: cells were padded or dropped, check it",
            )
    if widths and widths[0] != len(header):
        todo(table, "the header row is malformed: check it")
    table["rows"] = rows
    section["tables"].append(table)
    return table


def _cite(s: _State, label: str) -> str:
    from briefing_tui.authoring.from_markdown import _cites

    return _cites(s, [label])[0]


def _agreements(
    s: _State, section: dict[str, Any], header: list[str], body: list[list[Inline]]
) -> dict[str, Any]:
    data = s.draft.agreements
    if data.get("agreements"):
        todo(data, "a second agreements table was found and appended to the first")
    data["after_section"] = section["id"]
    last = s.last_paragraph
    if (
        last is not None
        and section["paragraphs"][-1:] == [last]
        and last.get("assessment")
        and last["text"].endswith(":")
    ):
        section["paragraphs"].pop()
        s.ids.taken.discard(last["id"])
        data["intro"] = last["text"]
    data["area_heading"], data["items_heading"] = header[0], header[1]
    areas = data.setdefault("areas", [])
    items = data.setdefault("agreements", [])
    for row in body:
        area_title = row[0].text
        area = next((a for a in areas if a["title"] == area_title), None)
        if area is None:
            area = {"id": s.ids.claim(slugify(area_title, "area"))[0], "title": area_title}
            areas.append(area)
        title, text = _title_text(row[1])
        status_word = row[2].text.strip().lower()
        status = STATUSES.get(status_word)
        agreement: dict[str, Any] = {
            "id": s.ids.claim(slugify(title, "agreement"))[0],
            "area": area["id"],
            "title": title,
            "text": text,
            "status": status or "statement",
        }
        if not row[1].label:
            todo(agreement, "no **Title** in the agreement cell: the first words stand in")
        if status is None:
            todo(
                agreement,
                f"status '{row[2].text}' is not one the format knows (negotiation, "
                "memorandum, agreed, target, statement): 'statement' was put; choose",
                "status",
            )
        cites = [_cite(s, label) for cell in row for label in cell.cites]
        agreement["sources"] = list(dict.fromkeys(cites))
        items.append(agreement)
    return data


def _title_text(cell: Inline) -> tuple[str, str]:
    """``**Title** — text`` -> title and text; without a bold title the text's start is used
    as the title and the author is asked."""
    if cell.label:
        return cell.label.rstrip(":"), cell.text.lstrip("—–-: ").strip()
    words = cell.text.split()
    return " ".join(words[:4]), cell.text
