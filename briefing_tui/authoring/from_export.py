"""``briefing export --format markdown`` read back into a :class:`Draft`, value for value.

The export shows every value of the JSON export in fixed shapes (``mdtree`` marks the inline
structure, ``export_patterns`` matches it), in the words of the briefing's language; reading
those shapes back is what makes export-then-import lossless.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing_tui.authoring.common import META_ORDER
from briefing_tui.authoring.draft import Draft
from briefing_tui.authoring.export_patterns import Patterns
from briefing_tui.authoring.from_export_parts import agreements, overview, sources
from briefing_tui.authoring.mdparse import parse
from briefing_tui.authoring.mdtree import (
    CODE,
    END_CODE,
    END_STRONG,
    STRONG,
    Node,
    codes,
    only_codes,
    plain,
    rows_of,
    tree,
)
from briefing_tui.content.errors import UsageError
from briefing_tui.reading.words import WORDS, Words

_META = re.compile(r"^- \*\*(?P<key>[^*\n]+):\*\* ", re.M)


def _words_of(text: str) -> Words | None:
    keys = set(_META.findall(text))
    for words in WORDS.values():
        if words.id in keys and words.format_version in keys:
            return words
    return None


def looks_exported(text: str) -> bool:
    """Exported Markdown has a metadata list naming the id and the format version."""
    return _words_of(text) is not None


def read_export(text: str, origin: str) -> Draft:
    words = _words_of(text)
    assert words is not None
    reader = _Reader(Patterns(words), Draft(origin=origin))
    tokens, _env = parse(text)
    titles = sum(t.type == "heading_open" and t.tag == "h1" for t in tokens)
    if titles > 1:
        raise UsageError(
            f"{origin} holds {titles} exported briefings: export one at a time "
            "(`briefing export --briefing ID --format markdown`)"
        )
    reader.read(tree(tokens))
    return reader.draft


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text.strip())


class _Reader:
    def __init__(self, patterns: Patterns, draft: Draft) -> None:
        self.p = patterns
        self.w = patterns.words
        self.draft = draft
        self.stack: list[dict[str, Any]] = []
        self.overview = ""
        self.summary_lead = f"{STRONG}{self.w.summary}.{END_STRONG} "

    # -- the document ---------------------------------------------------------------------

    def read(self, nodes: list[Node]) -> None:
        h2 = [i for i, n in enumerate(nodes) if n.type == "heading" and n.token.tag == "h2"]
        last_h2 = h2[-1] if h2 else len(nodes)
        index = 0
        while index < len(nodes):
            node = nodes[index]
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if index == last_h2:
                heading = plain(node.marked)
                if heading != self.w.sources:
                    self.draft.sources["heading"] = heading
                self._sources(nodes[index + 1 :])
                return
            index += self._node(node, following, nodes[index + 2 : index + 6])
        self.draft.sources.setdefault("sources", [])

    def _node(self, node: Node, following: Node | None, after: list[Node]) -> int:
        """Read one block; returns how many blocks were read."""
        meta = self.draft.briefing
        text = node.marked
        if node.type == "heading" and node.token.tag == "h1":
            meta["title"] = plain(text)
        elif node.type == "heading":
            if (
                following is not None
                and following.type == "paragraph"
                and only_codes(following.marked)
                and len(codes(following.marked)) == 1
            ):
                self._section(node, codes(following.marked)[0])
                return 2
            self.overview = plain(text)
        elif node.type == "blockquote":
            meta["photo_caption"] = plain(node.children[0].marked)
        elif node.type == "paragraph" and text.startswith(
            f"{STRONG}{self.w.summary}.{END_STRONG} "
        ):
            meta["summary"] = plain(text.split(END_STRONG, 1)[1][1:])
        elif node.type == "bullet_list" and not self.stack and not self.overview:
            self._metadata(node)
        elif node.type == "bullet_list" and not self.stack:
            self._overview(node)
        elif node.type == "paragraph" and self.stack:
            return self._in_section(node, following, after)
        elif node.type == "bullet_list" and self.stack:
            return self._bullets(node, following)
        elif node.type == "table" and self.stack:
            return self._agreements(node, [following, *after])
        return 1

    def _metadata(self, node: Node) -> None:
        w, meta = self.w, self.draft.briefing
        keys = {
            w.id: "id",
            w.format_version: "schema_version",
            w.language: "language",
            w.dates: "dates",
            w.author: "author",
            w.organisation: "organisation",
            w.classification: "classification",
            w.version: "version",
            w.updated: "updated",
            w.tags: "tags",
        }
        for item in node.blocks("list_item"):
            text = item.children[0].marked
            key, _, value = text.partition(f":{END_STRONG} ")
            field = keys.get(plain(key))
            value_text = plain(value)
            if field in ("id", "language"):
                meta[field] = codes(value)[0]
            elif field == "schema_version":
                meta[field] = int(value_text)
            elif field == "dates":
                start, end = value_text.split(" – ")
                meta["start"], meta["end"] = _date(start), _date(end)
            elif field == "updated":
                meta[field] = _date(value_text)
            elif field == "tags":
                meta[field] = value_text.split(", ")
            elif field is not None:
                meta[field] = value_text
        self.draft.briefing = {k: meta[k] for k in META_ORDER if k in meta}

    # -- sections, paragraphs, tables -----------------------------------------------------

    def _section(self, heading: Node, section_id: str) -> None:
        depth = int(heading.token.tag[1]) - 2
        while len(self.stack) > depth:
            self.stack.pop()
        section = {
            "id": section_id,
            "title": plain(heading.marked),
            "paragraphs": [],
            "tables": [],
            "sections": [],
        }
        (self.stack[-1]["sections"] if self.stack else self.draft.sections).append(section)
        self.stack.append(section)

    def _in_section(self, node: Node, following: Node | None, after: list[Node]) -> int:
        text = node.marked
        caption = self.p.caption.match(text)
        if caption and following is not None and following.type == "table":
            return 2 + self._table(caption, following, after)
        if text.startswith(CODE) and not only_codes(text):
            item = self._paragraph(text, following, bullet=False)
            if following is not None and following.type == "paragraph":
                self._notes(item, following)
                return 2
            return 1
        if following is not None and following.type == "table":
            self.draft.agreements["intro"] = plain(text)
            return 1
        return 1

    def _paragraph(self, text: str, notes: Node | None, bullet: bool) -> dict[str, Any]:
        pid = codes(text)[0]
        rest = text.split(CODE + pid + END_CODE, 1)[1].removeprefix(" ")
        item: dict[str, Any] = {"id": pid}
        if rest.startswith(STRONG):
            label, rest = rest[1:].split(END_STRONG, 1)
            item["label"] = plain(label)
            rest = rest[1:]
        item["text"] = plain(rest)
        if bullet:
            item["bullet"] = True
        self.stack[-1]["paragraphs"].append(item)
        return item

    def _notes(self, item: dict[str, Any], node: Node) -> None:
        match = self.p.notes.match(node.marked)
        if match is None:
            return
        item["sources"] = codes(match.group("ids") or "")
        if match.group("assessment"):
            item["assessment"] = True
        if match.group("gap") is not None:
            item["gap"] = plain(match.group("gap"))
        if match.group("note") is not None:
            item["note"] = plain(match.group("note"))

    def _attributions(self, node: Node) -> list[dict[str, Any]]:
        out = []
        for entry in node.blocks("list_item"):
            match = self.p.attribution.match(entry.children[0].marked)
            if match is None:
                continue
            a = {"speaker": plain(match.group("speaker"))}
            for key in ("role", "quote"):
                if match.group(key) is not None:
                    a[key] = plain(match.group(key))
            if match.group(4) is not None:
                a["source"] = match.group(4)
            out.append(a)
        return out

    def _bullets(self, node: Node, following: Node | None) -> int:
        items = node.blocks("list_item")
        first = items[0].children[0].marked if items and items[0].children else ""
        if first.startswith(f"{self.w.speaker}: "):  # a paragraph's attributions
            pending = self.stack[-1]["paragraphs"][-1]
            pending["attributions"] = self._attributions(node)
            return 1
        if self.p.detail.match(first):
            return 1
        for entry in items:
            blocks = [c for c in entry.children if c.type in ("paragraph", "bullet_list")]
            item = self._paragraph(blocks[0].marked, None, bullet=True)
            for block in blocks[1:]:
                if block.type == "paragraph":
                    self._notes(item, block)
                else:
                    item["attributions"] = self._attributions(block)
        return 1

    def _table(self, caption: re.Match[str], node: Node, after: list[Node]) -> int:
        rows = [[cell.marked for cell in row.children] for row in rows_of(node)]
        header, body = rows[0], rows[1:]
        with_sources = (
            plain(header[-1]) == self.w.sources
            and all(only_codes(r[-1]) or not plain(r[-1]).strip() for r in body)
            and any(only_codes(r[-1]) for r in body)
        )
        table: dict[str, Any] = {"id": caption.group(2), "caption": plain(caption.group("caption"))}
        if caption.group(3):
            table["after"] = caption.group(3)
        columns = header[:-1] if with_sources else header
        table["header"] = [plain(h) for h in columns]
        table["rows"] = [
            {
                "cells": [plain(c).strip() for c in (r[:-1] if with_sources else r)],
                "sources": codes(r[-1]) if with_sources else [],
            }
            for r in body
        ]
        used = 0
        for block in after[:2]:
            labelled = self.p.labelled.match(block.marked) if block.type == "paragraph" else None
            if labelled and labelled.group("word") == self.w.note and "note" not in table:
                table["note"] = plain(labelled.group("rest"))
            elif labelled and labelled.group("word") == self.w.table_sources:
                table["sources"] = codes(labelled.group("rest"))
            else:
                break
            used += 1
        self.stack[-1]["tables"].append(table)
        return used

    def _agreements(self, node: Node, after: list[Node | None]) -> int:
        return agreements(self, node, after)

    def _overview(self, node: Node) -> None:
        overview(self, node)

    def _sources(self, nodes: list[Node]) -> None:
        sources(self, nodes)
