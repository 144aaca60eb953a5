"""The items every engine of the engine-choice benchmark indexes, and our queries in their terms.

Why a copy of the item list here and not the engine's own documents: the benchmark may import
only ``briefing_tui.search``'s public surface, and the item list below is what a persistent store
would write, so it is worth seeing whole. It follows the engine's documents one for one (same
``(briefing, kind, target)`` keys), which is what lets the correctness cross-check compare hit
sets item by item.

Text goes into the engines already folded with our :func:`~briefing_tui.search.fold` (case,
accents, "ß" -> "ss", "й" -> "и"), so that "the same word" means the same thing in every engine
and the query words that :func:`~briefing_tui.search.parse_query` folds find it; the engines'
tokenizers then only split words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefing_tui.content.model import Briefing, Library, Status
from briefing_tui.search import KINDS, Filter, Query, fold

#: The same word rule as our engine (letters and digits, no underscore), for filter values.
WORD = re.compile(r"[^\W_]+")
STATUSES = tuple(s.value for s in Status)
#: Text columns searched by query words; ``title`` carries the item's title fields.
TEXT_FIELDS = ("title", "body")
#: Filterable columns: the ``field:value`` filters of the query language.
FILTER_FIELDS = ("kind", "briefing", "section", "area", "status", "source")
#: Our engine counts a title word three times (search/rank.py); the engines get the same weight.
TITLE_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class Item:
    """One document: an item a hit can jump to, its folded text, and its filter values."""

    key: str  # "briefing-id/kind/target-id", the identity the cross-check compares
    title: str
    body: str
    kind: str
    briefing: str
    section: str
    area: str
    status: str
    source: str

    def fields(self) -> dict[str, str]:
        """Every column by name, for the engines' inserts."""
        return {name: getattr(self, name) for name in ("key", *TEXT_FIELDS, *FILTER_FIELDS)}


def _join(*parts: str | None) -> str:
    return fold("\n".join(p for p in parts if p))


def library_items(library: Library) -> list[Item]:
    """Every item of every briefing, in reading order."""
    return [item for b in library.briefings for item in _briefing_items(b)]


def _briefing_items(b: Briefing) -> Iterator[Item]:
    """One briefing's items: overview, sections and paragraphs (agreements after their section),
    the sources list and each source, key figures, timeline events, reactions."""
    who = _join(b.id, b.title)

    def item(kind: str, target: str, title: str, body: str, **filters: str) -> Item:
        values = {"section": "", "area": "", "status": "", "source": "", **filters}
        return Item(f"{b.id}/{kind}/{target}", title, body, kind, who, **values)

    def cites(ids: frozenset[str]) -> str:
        return _join(*(f"{s.id} {s.title} {' '.join(s.outlets)}" for s in map(b.source, ids)))

    yield item(
        "briefing",
        "#overview",
        _join(b.title),
        _join(b.summary, b.photo_caption, " ".join(b.tags)),
    )
    for number, section in enumerate(b.sections, 1):
        where = _join(section.id, str(number), section.title)
        yield item("section", section.id, _join(section.title), "", section=where)
        for p in section.paragraphs:
            quotes = [f"{a.speaker} {a.role or ''} {a.quote or ''}" for a in p.attributions]
            cited = frozenset(p.sources) | {a.source for a in p.attributions if a.source}
            yield item(
                "paragraph",
                p.id,
                _join(p.label),
                _join(p.text, p.gap, *quotes),
                section=where,
                source=cites(cited),
            )
        if section.id == b.after_section:
            yield from _agreement_items(b, item, cites)
    yield item("source", "#sources", _join(b.heading), "")
    for s in b.sources:
        yield item(
            "source",
            s.id,
            _join(s.title),
            _join(", ".join(s.outlets), s.note),
            source=cites(frozenset({s.id})),
        )
    for f in b.figures:
        yield item("figure", f.id, _join(f.label), _join(f.text, f.measures, f.unit))
    for ti, event in enumerate(b.timeline, 1):
        yield item("timeline", f"#timeline-{ti}", _join(event.title), _join(event.text))
    for r in b.reactions:
        yield item("reaction", r.id, _join(r.actor), _join(r.summary, r.stance.value))


def _agreement_items(
    b: Briefing, item: Callable[..., Item], cites: Callable[[frozenset[str]], str]
) -> Iterator[Item]:
    """The agreements table and each agreement, with its area and status as filter values."""
    yield item(
        "agreement",
        "#agreements",
        _join(b.area_heading, b.items_heading),
        _join(b.intro, b.note, " · ".join(a.title for a in b.areas)),
    )
    for a in b.agreements:
        extra = [f"{f.label}: {f.text} {f.measures or ''}" for f in a.figures]
        extra += [f"{x.speaker} {x.role or ''} {x.quote or ''}" for x in a.attributions]
        cited = frozenset(a.sources) | {x.source for x in a.attributions if x.source}
        yield item(
            "agreement",
            a.id,
            _join(a.title),
            _join(a.text, a.gap, *extra),
            area=_join(a.area, b.area(a.area).title),
            status=a.status.value,
            source=cites(cited),
        )


# --------------------------------------------------------------------------------------------
# Our parsed query, field by field: what each engine translates
# --------------------------------------------------------------------------------------------


def choices(f: Filter) -> list[str]:
    """The exact values a ``kind:`` or ``status:`` filter stands for (equal, else by start),
    as our parser accepts them while they are typed."""
    options = KINDS if f.field == "kind" else STATUSES
    if f.value in options:
        return [f.value]
    return [o for o in options if o.startswith(f.value)]


def filter_words(f: Filter) -> list[str]:
    """A name filter's value as words (``source:"china daily"``, ``briefing:synth-0001``)."""
    return WORD.findall(f.value)


def filter_groups(query: Query) -> tuple[dict[str, list[Filter]], list[Filter]]:
    """Positive filters by field (OR within a field, AND across fields) and negated ones."""
    groups: dict[str, list[Filter]] = {}
    for f in query.filters:
        if not f.negated:
            groups.setdefault(f.field, []).append(f)
    return groups, [f for f in query.filters if f.negated]


def is_exact_field(name: str) -> bool:
    """Kinds and statuses are keywords; the other filters match words of names."""
    return name in ("kind", "status")
