"""Rules across a whole briefing: ids unique, references resolving, dates in range.

The models check each file on its own; these checks need all five files at once. They live
outside the validator so that the loader can report each problem at its own file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from briefing_tui.content.positions import Loc

if TYPE_CHECKING:  # the model calls these rules from its validator
    from briefing_tui.content.model import Attribution, Briefing


def format_loc(loc: Loc) -> str:
    """``("sections", 2, "paragraphs", 0)`` -> ``sections[2].paragraphs[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def reference_problems(
    b: Briefing,
    where: Callable[[Loc], str] = format_loc,
    loaded: Collection[str] | None = None,
) -> list[tuple[Loc, str]]:
    """Every id that is not unique and every reference that does not resolve, located.

    Kept outside the validator so the loader can report each problem at its own line; ``where``
    describes the first use of a duplicated id (the loader passes one that names file and line).
    ``loaded`` names the content files that validated when some did not (None: all did): a
    reference is judged only when the files on both of its ends loaded, so an author sees the
    dangling references among the good files in the same run as the broken files' problems.
    """

    def have(*names: str) -> bool:
        return loaded is None or all(name in loaded for name in names)

    problems: list[tuple[Loc, str]] = []
    seen: dict[str, Loc] = {}

    def claim(item_id: str, loc: Loc) -> None:
        if item_id in seen:
            problems.append(
                (loc, f"duplicate id {item_id!r} (first used at {where(seen[item_id])})")
            )
        else:
            seen[item_id] = loc

    for si, section in enumerate(b.sections):
        claim(section.id, ("sections", si, "id"))
        for pi, paragraph in enumerate(section.paragraphs):
            claim(paragraph.id, ("sections", si, "paragraphs", pi, "id"))
    for ai, area in enumerate(b.areas):
        claim(area.id, ("areas", ai, "id"))
    for gi, agreement in enumerate(b.agreements):
        claim(agreement.id, ("agreements", gi, "id"))
    for ri, source in enumerate(b.sources):
        claim(source.id, ("sources", ri, "id"))
    for fi, figure in enumerate(b.figures):
        claim(figure.id, ("figures", fi, "id"))
    for ri, reaction in enumerate(b.reactions):
        claim(reaction.id, ("reactions", ri, "id"))

    source_ids = {s.id for s in b.sources}
    section_ids = {s.id for s in b.sections}
    area_ids = {a.id for a in b.areas}
    paragraph_ids = {p.id for _, p in b.paragraphs()}
    readable_ids = paragraph_ids | {a.id for a in b.agreements}

    def check_sources(
        ids: tuple[str, ...], attributions: tuple[Attribution, ...], loc: Loc
    ) -> None:
        for i, source_id in enumerate(ids):
            if source_id not in source_ids:
                problems.append(((*loc, "sources", i), f"unknown source {source_id!r}"))
        for i, attribution in enumerate(attributions):
            if attribution.source is None:
                continue
            if attribution.source not in source_ids:
                problems.append(
                    ((*loc, "attributions", i, "source"), f"unknown source {attribution.source!r}")
                )
            elif attribution.source not in ids:
                problems.append(
                    (
                        (*loc, "attributions", i, "source"),
                        f"source {attribution.source!r} is not in this item's sources",
                    )
                )

    if have("sources.toml"):
        for si, section in enumerate(b.sections):
            for pi, paragraph in enumerate(section.paragraphs):
                check_sources(
                    paragraph.sources, paragraph.attributions, ("sections", si, "paragraphs", pi)
                )
    for gi, agreement in enumerate(b.agreements):
        loc = ("agreements", gi)
        if agreement.area not in area_ids:
            problems.append(((*loc, "area"), f"unknown area {agreement.area!r}"))
        if have("sources.toml"):
            check_sources(agreement.sources, agreement.attributions, loc)
    if have("agreements.toml", "sections.toml") and b.after_section not in section_ids:
        problems.append((("after_section",), f"unknown section {b.after_section!r}"))
    if not have("sections.toml", "agreements.toml"):
        return problems  # the overview refers into both
    for fi, figure in enumerate(b.figures):
        if figure.ref not in readable_ids:
            problems.append(
                (("figures", fi, "ref"), f"unknown paragraph or agreement {figure.ref!r}")
            )
    for ti, event in enumerate(b.timeline):
        for ri, ref in enumerate(event.refs):
            if ref not in readable_ids:
                problems.append(
                    (("timeline", ti, "refs", ri), f"unknown paragraph or agreement {ref!r}")
                )
        for field, day in (("date", event.date), ("end", event.end)):
            if day is not None and have("briefing.toml") and not b.start <= day <= b.end:
                problems.append(
                    (
                        ("timeline", ti, field),
                        f"{day} is outside the briefing ({b.start} to {b.end})",
                    )
                )
    for ri, reaction in enumerate(b.reactions):
        if reaction.ref not in readable_ids:
            problems.append(
                (("reactions", ri, "ref"), f"unknown paragraph or agreement {reaction.ref!r}")
            )
    return problems
