"""Rules across a whole briefing: ids unique, references resolving, quotes found in their text.

The models check each file on its own; these checks need all the files at once. They read the
parsed data (plain dicts and lists), not the models, for one reason: an author must see every
problem in one run, and a typo in one field of an object (a status spelt wrong) makes pydantic
drop the whole object, which would hide a dangling reference in the same object. So every rule
here tolerates values of the wrong type (those are reported by the models) and judges the rest.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from briefing_tui.content.scalars import SLUG_PATTERN
from briefing_tui.content.text import unsafe_character

if TYPE_CHECKING:  # the TOML reader (positions) loads only when a file is validated
    from briefing_tui.content.positions import Loc


def format_loc(loc: Loc) -> str:
    """``("sections", 2, "paragraphs", 0)`` -> ``sections[2].paragraphs[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def content_loc(loc: Loc, data: Mapping[str, Any]) -> str:
    """A location named from the nearest item with an id: ``s3.p2 attributions[0].source``.

    Authors know their items by id, not by their index in a list; an item without an id (an
    attribution, a table row) keeps its index after the id of the item that holds it, and an
    item whose id is itself malformed is named by its index.
    """
    label = ""
    rest: list[str | int] = []
    node: Any = data
    for part in loc:
        rest.append(part)
        if isinstance(part, int):
            node = node[part] if isinstance(node, list | tuple) and 0 <= part < len(node) else None
            item_id = node.get("id") if isinstance(node, Mapping) else None
            if isinstance(item_id, str) and SLUG_PATTERN.fullmatch(item_id):
                label, rest = item_id, []
        else:
            node = node.get(part) if isinstance(node, Mapping) else None
    tail = format_loc(tuple(rest))
    if label and tail:
        return f"{label} {tail}"
    return label or tail


def did_you_mean(value: str, known: Collection[str], what: str) -> str:
    """``unknown source 'x'; did you mean 'y'?`` or the list of valid ids when it is short."""
    message = f"unknown {what} {value!r}"
    close = difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6)
    if close:
        return f"{message}; did you mean {_either(close)}?"
    if not known:
        return f"{message}; none are defined"
    if len(known) <= 8:
        return f"{message}; known: {', '.join(sorted(known))}"
    return message


def _either(options: list[str]) -> str:
    quoted = [repr(o) for o in options]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟«»‹›″＂"} | {c: "'" for c in "‘’‚‛′＇`"})
_QUOTE_MARK_PAIRS = tuple((chr(code), plain) for code, plain in _QUOTE_MARKS.items())


def normalise_quote(text: str) -> str:
    """Text with quote marks, dashes and spacing made uniform, for finding a quote in its text."""
    if text.isascii():
        # NFC leaves ASCII as it is, and every dash and quote mark but "`" is not ASCII.
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFC", text)
        # The marks present, each replaced in one pass: translate looks every character of
        # non-ASCII text up in a dict (the replacements are ASCII, never marks themselves).
        for mark, plain in _QUOTE_MARK_PAIRS:
            if mark in text:
                text = text.replace(mark, plain)
        text = re.sub("[‐-―−]", "-", text)
    return " ".join(text.split()).casefold()


def quote_found(quote: str, text: str) -> bool:
    """Whether ``quote`` occurs in ``text``, ignoring quote marks, case and spacing.

    Trailing punctuation that a quote carries over from the sentence around it (``,`` ``.``)
    is not required to match, nor are quote marks around the quote itself.
    """
    needle = normalise_quote(quote).strip("\"' ")
    haystack = normalise_quote(text)
    return needle in haystack or needle.rstrip(".,;:!?…").strip("\"' ") in haystack


# --------------------------------------------------------------------------------------------
# Walking raw data
# --------------------------------------------------------------------------------------------


def _items(value: Any) -> Iterator[tuple[int, Mapping[str, Any]]]:
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def _strings(value: Any) -> Iterator[tuple[int, str]]:
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def walk_sections(data: Mapping[str, Any]) -> Iterator[tuple[Loc, Mapping[str, Any]]]:
    """Every section at every level with its location, parents first."""

    def walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, Mapping[str, Any]]]:
        for index, section in _items(value):
            here = (*loc, index)
            yield here, section
            yield from walk(section.get("sections"), (*here, "sections"))

    return walk(data.get("sections"), ("sections",))


def _str(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) else None


# --------------------------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------------------------


def reference_problems(
    data: Mapping[str, Any],
    where: Callable[[Loc], str] = format_loc,
    loaded: Collection[str] | None = None,
) -> list[tuple[Loc, str]]:
    """Every id that is not unique, every reference that does not resolve, every quote not in
    its text, located.

    ``data`` is the briefing's files' top-level keys merged. ``where`` describes the first use
    of a duplicated id (the loader passes one that names file and line). ``loaded`` names the
    content files that parsed (None: all did): a reference is judged only when the file it
    points into was read, so a file that could not be read does not make every reference into
    it look dangling.
    """

    def have(*names: str) -> bool:
        return loaded is None or all(name in loaded for name in names)

    def listed(key: str) -> bool:
        """Whether a list that references point into is a list at all (else: a type error,
        reported by the model, and every reference into it would only repeat that)."""
        return isinstance(data.get(key, ()), list | tuple)

    problems: list[tuple[Loc, str]] = []
    seen: dict[str, Loc] = {}

    def claim(item: Mapping[str, Any], loc: Loc) -> None:
        item_id = _str(item, "id")
        if item_id is None:
            return
        if item_id in seen:
            problems.append(
                ((*loc, "id"), f"duplicate id {item_id!r} (first used at {where(seen[item_id])})")
            )
        else:
            seen[item_id] = (*loc, "id")

    sections = list(walk_sections(data))
    for loc, section in sections:
        claim(section, loc)
        for pi, paragraph in _items(section.get("paragraphs")):
            claim(paragraph, (*loc, "paragraphs", pi))
        for ti, table in _items(section.get("tables")):
            claim(table, (*loc, "tables", ti))
    for key in ("areas", "agreements", "sources", "figures", "reactions"):
        for index, item in _items(data.get(key)):
            claim(item, (key, index))

    source_ids = {i for _, s in _items(data.get("sources")) if (i := _str(s, "id"))}
    area_ids = {i for _, a in _items(data.get("areas")) if (i := _str(a, "id"))}
    section_ids = {i for _, s in sections if (i := _str(s, "id"))}
    readable_ids = {
        i
        for _, s in sections
        for key in ("paragraphs", "tables")
        for _, item in _items(s.get(key))
        if (i := _str(item, "id"))
    } | {i for _, a in _items(data.get("agreements")) if (i := _str(a, "id"))}

    def check_sources(item: Mapping[str, Any], loc: Loc, text: str | None) -> None:
        own = {s for _, s in _strings(item.get("sources"))}
        if have("sources.toml") and listed("sources"):
            for i, source_id in _strings(item.get("sources")):
                if source_id not in source_ids:
                    problems.append(
                        ((*loc, "sources", i), did_you_mean(source_id, source_ids, "source"))
                    )
        for i, attribution in _items(item.get("attributions")):
            source = _str(attribution, "source")
            if source is not None and have("sources.toml") and listed("sources"):
                if source not in source_ids:
                    problems.append(
                        (
                            (*loc, "attributions", i, "source"),
                            did_you_mean(source, source_ids, "source"),
                        )
                    )
                elif source not in own:
                    problems.append(
                        (
                            (*loc, "attributions", i, "source"),
                            f"source {source!r} is not in this item's sources",
                        )
                    )
            quote = _str(attribution, "quote")
            if (
                quote is not None
                and text is not None
                and unsafe_character(quote) is None  # else the model reports the character
                and not quote_found(quote, text)
            ):
                problems.append(
                    (
                        (*loc, "attributions", i, "quote"),
                        "quote does not occur in the text it is attributed in "
                        "(quote marks, case and spacing aside): check it word for word",
                    )
                )

    for loc, section in sections:
        paragraph_ids = set()
        for pi, paragraph in _items(section.get("paragraphs")):
            check_sources(paragraph, (*loc, "paragraphs", pi), _str(paragraph, "text"))
            if (pid := _str(paragraph, "id")) is not None:
                paragraph_ids.add(pid)
        for ti, table in _items(section.get("tables")):
            tloc = (*loc, "tables", ti)
            check_sources(table, tloc, None)
            for ri, row in _items(table.get("rows")):
                check_sources(row, (*tloc, "rows", ri), None)
            after = _str(table, "after")
            if after is not None and after not in paragraph_ids:
                problems.append(
                    (
                        (*tloc, "after"),
                        did_you_mean(after, paragraph_ids, "paragraph of this section"),
                    )
                )
    for gi, agreement in _items(data.get("agreements")):
        loc = ("agreements", gi)
        area = _str(agreement, "area")
        if area is not None and listed("areas") and area not in area_ids:
            problems.append(((*loc, "area"), did_you_mean(area, area_ids, "area")))
        check_sources(agreement, loc, _str(agreement, "text"))
    after_section = data.get("after_section")
    if (
        isinstance(after_section, str)
        and have("sections.toml")
        and listed("sections")
        and after_section not in section_ids
    ):
        problems.append((("after_section",), did_you_mean(after_section, section_ids, "section")))
    if not have("sections.toml", "agreements.toml") or not listed("sections"):
        return problems  # the overview refers into both
    what = "paragraph, table or agreement"
    for fi, figure in _items(data.get("figures")):
        ref = _str(figure, "ref")
        if ref is not None and ref not in readable_ids:
            problems.append((("figures", fi, "ref"), did_you_mean(ref, readable_ids, what)))
    for ti, event in _items(data.get("timeline")):
        for ri, ref in _strings(event.get("refs")):
            if ref not in readable_ids:
                problems.append(
                    (("timeline", ti, "refs", ri), did_you_mean(ref, readable_ids, what))
                )
    for ri, reaction in _items(data.get("reactions")):
        ref = _str(reaction, "ref")
        if ref is not None and ref not in readable_ids:
            problems.append((("reactions", ri, "ref"), did_you_mean(ref, readable_ids, what)))
    return problems


def timeline_warnings(data: Mapping[str, Any]) -> list[tuple[Loc, str]]:
    """Timeline days outside the briefing's dates: allowed (a follow-up, a background event),
    so only ``briefing validate --strict`` reports them."""
    start, end = data.get("start"), data.get("end")
    warnings: list[tuple[Loc, str]] = []
    if start is None or end is None:
        return warnings
    for ti, event in _items(data.get("timeline")):
        for field in ("date", "end"):
            day = event.get(field)
            if day is not None and hasattr(day, "year") and not start <= day <= end:
                warnings.append(
                    (("timeline", ti, field), f"{day} is outside the briefing ({start} to {end})")
                )
    return warnings
