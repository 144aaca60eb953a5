"""The ``field:value`` filters of search: the keys each document is filed under, and which keys
a filter value selects.

Kept apart from the engine proper because filters work on model fields (source names and
outlets, section titles, areas, statuses), not on words. A document is filed under one key
per filter field (a cited source's id and folded names, its section's id, number and folded
title...), stored as a raw term in the index. A filter value is tested once per distinct key,
read from the index's term dictionary, rather than once per document: a thousand briefings
that cite "TASS" share one key. The matching keys then become one term-set query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing_tui.content.model import Briefing, Section
from briefing_tui.search.documents import Doc
from briefing_tui.search.engine import KEY_SEP
from briefing_tui.search.query import KINDS, STATUSES, Filter, choose
from briefing_tui.search.text import fold

#: Distinct filter values remembered; typing a filter tries one value per keystroke.
_CACHE_SIZE = 512


class FilterKeys:
    """The keys of one briefing's documents (build side). Lookups by id, with each name folded
    once: without them each document scanned every section, agreement and source of its
    briefing, and a 6,000-section briefing took 3 s."""

    def __init__(self, briefing: Briefing) -> None:
        self.look = _Lookups(briefing)
        self.briefing = _key(briefing.id, fold(briefing.title))

    def keys(self, doc: Doc, cited: frozenset[str], section_id: str | None) -> dict[str, list[str]]:
        """Every filter field's keys for one document (constant time per document)."""
        look = self.look
        out: dict[str, list[str]] = {"kind": [doc.kind], "briefing": [self.briefing]}
        if cited:
            out["source"] = [_key(*look.source_key(s)) for s in sorted(cited)]
        # An item belongs to its own section and every section above it, so ``section:s3``
        # finds what subsection 3.1 holds and ``section:3.1`` what is in 3.1 alone.
        chain = look.chain(doc.target_id) or ((section_id,) if section_id is not None else ())
        if chain:
            out["section"] = [_key(*look.section_key(one)) for one in chain]
        if doc.kind == "agreement" and not doc.target_id.startswith("#"):
            agreement = look.agreements[doc.target_id]
            out["area"] = [_key(*look.area_key(agreement.area))]
            out["status"] = [agreement.status.value]
        return out


def _key(*parts: str) -> str:
    return KEY_SEP.join(parts)


class FilterNames:
    """Which stored keys a filter value selects (query side). ``keys_of(field)`` lists the
    distinct keys of a filter field; they are read once and kept."""

    def __init__(self, keys_of: Callable[[str], list[str]]) -> None:
        self._keys_of = keys_of
        self._known: dict[str, list[tuple[str, ...]]] = {}
        self._cache: dict[tuple[str, str], list[str]] = {}

    def _parts(self, field: str) -> list[tuple[str, ...]]:
        known = self._known.get(field)
        if known is None:
            known = self._known[field] = [tuple(k.split(KEY_SEP)) for k in self._keys_of(field)]
        return known

    def terms(self, f: Filter) -> list[str]:
        """The keys one filter selects. Ids match exactly; names match by any part
        (``source:bloom`` finds Bloomberg); kinds and statuses by their start."""
        key = (f.field, f.value)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        value = f.value
        groups: list[tuple[str, ...]]
        if f.field == "status":
            found = choose(value, STATUSES, "status")
        elif f.field == "kind":
            found = choose(value, KINDS, "kind")
        else:
            parts = self._parts(f.field)
            if f.field == "source":
                groups = [p for p in parts if value == p[0] or value in p[-1]]
            elif f.field == "section":
                groups = [p for p in parts if value in (p[0], p[1]) or value in p[-1]]
            elif f.field == "area":
                groups = [p for p in parts if value == p[0] or value in p[-1]]
            else:  # briefing
                groups = [p for p in parts if value in p[0] or value in p[-1]]
            found = [_key(*p) for p in groups]
        if len(self._cache) > _CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = found
        return found


class _Lookups:
    """One briefing's sections, agreements, sources and areas by id, with their filter keys
    folded once each rather than once per document that mentions them."""

    def __init__(self, briefing: Briefing) -> None:
        self.agreements: dict[str, Any] = {a.id: a for a in briefing.agreements}
        self._sections: dict[str, tuple[str, Section]] = {}
        #: The sections holding each section, paragraph and table id, outermost first.
        self._chains: dict[str, tuple[str, ...]] = {}

        def walk(
            sections: tuple[Section, ...], numbers: tuple[int, ...], above: tuple[str, ...]
        ) -> None:
            for n, section in enumerate(sections, 1):
                here = (*numbers, n)
                chain = (*above, section.id)
                self._sections[section.id] = (".".join(map(str, here)), section)
                self._chains[section.id] = chain
                for item in (*section.paragraphs, *section.tables):
                    self._chains[item.id] = chain
                walk(section.sections, here, chain)

        walk(briefing.sections, (), ())
        self._sources = {s.id: s for s in briefing.sources}
        self._areas = {a.id: a for a in briefing.areas}
        self._keys: dict[tuple[str, str], Any] = {}

    def chain(self, item_id: str) -> tuple[str, ...]:
        """The ids of the sections holding ``item_id``, outermost first; () outside the report."""
        return self._chains.get(item_id, ())

    def section_key(self, section_id: str) -> tuple[str, str, str]:
        key = self._keys.get(("section", section_id))
        if key is None:
            number, section = self._sections[section_id]
            key = self._keys[("section", section_id)] = (
                section_id,
                number,
                fold(section.title),
            )
        return key  # type: ignore[no-any-return]

    def source_key(self, source_id: str) -> tuple[str, str]:
        key = self._keys.get(("source", source_id))
        if key is None:
            source = self._sources[source_id]
            key = self._keys[("source", source_id)] = (
                source.id,
                fold(" ".join((source.title, *source.outlets))),
            )
        return key  # type: ignore[no-any-return]

    def area_key(self, area_id: str) -> tuple[str, str]:
        key = self._keys.get(("area", area_id))
        if key is None:
            key = self._keys[("area", area_id)] = (area_id, fold(self._areas[area_id].title))
        return key  # type: ignore[no-any-return]
