"""The parts of the Markdown export outside the sections' text: the agreements table and its
details, the overview's lists and the source list (see ``from_export``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing_tui.authoring.export_patterns import figure, word_and_value
from briefing_tui.authoring.mdtree import CODE, END_CODE, Node, codes, plain, rows_of

if TYPE_CHECKING:
    from briefing_tui.authoring.from_export import _Reader


def agreements(r: _Reader, node: Node, after: list[Node | None]) -> int:
    """The agreements table, then its area list, placement, details and note."""
    data = r.draft.agreements
    w = r.w
    rows = [[cell.marked for cell in row.children] for row in rows_of(node)]
    header, body = rows[0], rows[1:]
    area_heading, items_heading = plain(header[0]), plain(header[1])
    if area_heading != w.area:
        data["area_heading"] = area_heading
    if items_heading != w.items:
        data["items_heading"] = items_heading
    by_id: dict[str, dict[str, Any]] = {}
    for row in body:
        match = r.p.agreement_cell.match(row[1])
        if match is None:
            continue
        _word, status = word_and_value(plain(row[2]))
        by_id[match.group(1)] = {
            "id": match.group(1),
            "area": "",
            "title": plain(match.group("title")),
            "text": plain(match.group("text")),
            "status": status,
            "sources": codes(row[3]),
        }
    used = 0
    order: list[dict[str, Any]] = []
    for block in after:
        if block is None:
            break
        labelled = r.p.labelled.match(block.marked) if block.type == "paragraph" else None
        if labelled and labelled.group("word") == w.area:
            data["areas"] = []
            for part in labelled.group("rest").split(CODE)[1:]:
                area_id, _, title = part.partition(END_CODE)
                title = title.removeprefix(" ").removesuffix(" ").removesuffix(",")
                data["areas"].append({"id": area_id, "title": plain(title)})
        elif labelled and labelled.group("word") == w.after_section:
            data["after_section"] = codes(labelled.group("rest"))[0]
        elif labelled and labelled.group("word") == w.note and order:
            data["note"] = plain(labelled.group("rest"))
        elif block.type == "bullet_list" and _details(r, block, by_id, order):
            pass
        else:
            break
        used += 1
    data["agreements"] = order
    return 1 + used


def _details(
    r: _Reader, node: Node, by_id: dict[str, dict[str, Any]], order: list[dict[str, Any]]
) -> bool:
    items = node.blocks("list_item")
    if not items or r.p.detail.match(items[0].children[0].marked) is None:
        return False
    for entry in items:
        match = r.p.detail.match(entry.children[0].marked)
        if match is None or match.group(1) not in by_id:
            continue
        agreement = by_id[match.group(1)]
        agreement["area"] = match.group(2)
        figures, attributions = [], []
        for sub in entry.blocks("bullet_list"):
            for line in sub.blocks("list_item"):
                text = line.children[0].marked
                fig = r.p.figure.match(text)
                if text.startswith(f"{r.w.gap}: "):
                    agreement["gap"] = plain(text[len(r.w.gap) + 2 :])
                elif text.startswith(f"{r.w.speaker}: "):
                    attributions += _attributions_of(r, line)
                elif fig is not None:
                    figures.append(figure(fig))
        ordered = {k: agreement[k] for k in ("id", "area", "title", "text", "status")}
        if figures:
            ordered["figures"] = [{k: _plain(v) for k, v in f.items()} for f in figures]
        ordered["sources"] = agreement["sources"]
        if attributions:
            ordered["attributions"] = attributions
        if "gap" in agreement:
            ordered["gap"] = agreement["gap"]
        order.append(ordered)
    return True


def _attributions_of(r: _Reader, line: Node) -> list[dict[str, Any]]:
    holder = Node("bullet_list", children=[line])
    return r._attributions(holder)


def _plain(value: Any) -> Any:
    return plain(value) if isinstance(value, str) else value


def overview(r: _Reader, node: Node) -> None:
    w, data = r.w, r.draft.overview
    for entry in node.blocks("list_item"):
        text = entry.children[0].marked
        if r.overview == w.key_figures:
            match = r.p.key_figure.match(text)
            fig = r.p.figure.match(match.group("figure")) if match else None
            if match and fig:
                item = {"id": match.group(1), "ref": match.group(3)}
                item |= {k: _plain(v) for k, v in figure(fig).items()}
                data.setdefault("figures", []).append(item)
        elif r.overview == w.timeline:
            match = r.p.event.match(text)
            if match:
                event: dict[str, Any] = {"date": _day(match.group("date"))}
                if match.group("end"):
                    event["end"] = _day(match.group("end"))
                event |= {
                    "title": plain(match.group("title")),
                    "text": plain(match.group("text")),
                    "refs": codes(match.group("refs")),
                }
                data.setdefault("timeline", []).append(event)
        elif r.overview == w.reactions:
            match = r.p.reaction.match(text)
            if match:
                word, stance = word_and_value(plain(match.group("shown")))
                reaction: dict[str, Any] = {
                    "id": match.group(1),
                    "actor": plain(match.group("actor")),
                    "stance": stance,
                }
                if stance == "other":
                    reaction["stance_label"] = word
                reaction |= {"summary": plain(match.group("summary")), "ref": match.group(5)}
                data.setdefault("reactions", []).append(reaction)


def _day(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def sources(r: _Reader, nodes: list[Node]) -> None:
    w = r.w
    out = r.draft.sources.setdefault("sources", [])
    fields = {
        w.publisher: "publisher",
        w.published: "published",
        w.accessed: "accessed",
        w.url: "url",
        w.note: "note",
        w.outlets: "outlets",
        w.kind: "kind",
    }
    for node in nodes:
        if node.type != "bullet_list":
            continue
        for entry in node.blocks("list_item"):
            match = r.p.source.match(entry.children[0].marked)
            if match is None:
                continue
            source: dict[str, Any] = {"id": match.group(1), "title": plain(match.group("title"))}
            for sub in entry.blocks("bullet_list"):
                for line in sub.blocks("list_item"):
                    text = plain(line.children[0].marked)
                    key, _, value = text.partition(": ")
                    field = fields.get(key)
                    if field == "kind":
                        word, kind = word_and_value(value)
                        source["kind"] = kind
                        if kind == "other":
                            source["kind_label"] = word
                    elif field == "outlets":
                        source["outlets"] = value.split(", ")
                    elif field in ("published", "accessed"):
                        source[field] = _day(value)
                    elif field is not None:
                        source[field] = value
            if match.group("cited"):
                source["in_report_list"] = False
            out.append(source)
