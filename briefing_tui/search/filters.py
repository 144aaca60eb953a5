"""The ``field:value`` filters of search: which documents each filter value selects.

Kept apart from the index proper because filters work on model fields (source names and
outlets, section titles, areas, statuses), not on words. Names are grouped so that a filter
value is tested once per distinct name rather than once per briefing: a thousand briefings that
cite "TASS" share one entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing_tui.content.model import Briefing, Section
from briefing_tui.search.documents import Doc
from briefing_tui.search.query import KINDS, STATUSES, Filter, choose
from briefing_tui.search.text import fold

#: Distinct filter values remembered; typing a filter tries one value per keystroke.
_CACHE_SIZE = 512


@dataclass
class FilterIndex:
    """Document sets by the names a filter value is compared with."""

    sources: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    sections: dict[tuple[str, str, str], set[int]] = field(default_factory=dict)
    areas: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    statuses: dict[str, set[int]] = field(default_factory=dict)
    kinds: dict[str, set[int]] = field(default_factory=dict)
    briefings: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    _cache: dict[tuple[str, str], frozenset[int]] = field(default_factory=dict)
    #: Lookups by id for the briefing being indexed: without them each document scanned every
    #: section, agreement and source of its briefing, and a 6,000-section briefing took 3 s.
    _lookups: tuple[Briefing, _Lookups] | None = None

    def _lookup(self, briefing: Briefing) -> _Lookups:
        if self._lookups is None or self._lookups[0] is not briefing:
            self._lookups = (briefing, _Lookups(briefing))
        return self._lookups[1]

    def add(
        self,
        briefing: Briefing,
        doc: Doc,
        doc_id: int,
        cited: frozenset[str],
        section_id: str | None,
    ) -> None:
        """Record what the filters can say about one document (constant time per document)."""
        look = self._lookup(briefing)
        self.kinds.setdefault(doc.kind, set()).add(doc_id)
        for source_id in cited:
            self.sources.setdefault(look.source_key(source_id), set()).add(doc_id)
        # An item belongs to its own section and every section above it, so ``section:s3``
        # finds what subsection 3.1 holds and ``section:3.1`` what is in 3.1 alone.
        chain = look.chain(doc.target_id) or ((section_id,) if section_id is not None else ())
        for one in chain:
            self.sections.setdefault(look.section_key(one), set()).add(doc_id)
        if doc.kind == "agreement" and not doc.target_id.startswith("#"):
            agreement = look.agreements[doc.target_id]
            self.areas.setdefault(look.area_key(agreement.area), set()).add(doc_id)
            self.statuses.setdefault(agreement.status.value, set()).add(doc_id)

    def add_briefing(self, briefing: Briefing, first: int, end: int) -> None:
        """Record that documents ``first`` to ``end - 1`` belong to ``briefing``."""
        key = (briefing.id, fold(briefing.title))
        self.briefings.setdefault(key, set()).update(range(first, end))
        self._cache.clear()
        self._lookups = None

    def allowed(self, filters: Sequence[Filter], doc_count: int) -> set[int] | None:
        """Documents the filters allow: OR within one field, AND across fields, minus the
        negated ones. None when there are no filters (everything is allowed)."""
        if not filters:
            return None
        allowed: set[int] | None = None
        by_field: dict[str, set[int]] = {}
        for f in filters:
            if not f.negated:
                by_field.setdefault(f.field, set()).update(self.docs(f))
        for docs in by_field.values():
            allowed = set(docs) if allowed is None else allowed & docs
        if allowed is None:
            allowed = set(range(doc_count))
        for f in filters:
            if f.negated:
                allowed -= self.docs(f)
        return allowed

    def docs(self, f: Filter) -> frozenset[int]:
        """Documents one filter selects. Ids match exactly; names match by any part
        (``source:bloom`` finds Bloomberg); kinds and statuses by their start."""
        key = (f.field, f.value)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        value = f.value
        groups: Iterable[set[int]]
        if f.field == "source":
            groups = [
                d for (sid, names), d in self.sources.items() if value == sid or value in names
            ]
        elif f.field == "section":
            groups = [
                d
                for (sid, number, title), d in self.sections.items()
                if value in (sid, number) or value in title
            ]
        elif f.field == "area":
            groups = [d for (aid, title), d in self.areas.items() if value == aid or value in title]
        elif f.field == "status":
            groups = [self.statuses.get(s, set()) for s in choose(value, STATUSES, "status")]
        elif f.field == "kind":
            groups = [self.kinds.get(k, set()) for k in choose(value, KINDS, "kind")]
        else:  # briefing
            groups = [
                d for (bid, title), d in self.briefings.items() if value in bid or value in title
            ]
        docs = frozenset().union(*groups)
        if len(self._cache) > _CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = docs
        return docs

    def clear_cache(self) -> None:
        """Forget the remembered filter values."""
        self._cache.clear()


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
