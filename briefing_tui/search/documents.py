"""What the index holds: each briefing cut into the items a reader can jump to.

A *document* is one paragraph (with its label, gap note, speakers, roles and quotes), section
heading, agreement (with its figures and attributions), source, key figure, timeline event,
reaction, the briefing's own title and summary, or a list heading (sources, agreements table).
Items without an id get a ``#``-prefixed pseudo id (``#overview``, ``#sources``,
``#agreements``, ``#timeline-2``), which can never clash with a content slug.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from briefing_tui.content.model import Briefing
from briefing_tui.content.record import record
from briefing_tui.reading.labels import report_labels
from briefing_tui.reading.outline import OutlineEntry, reading_order
from briefing_tui.reading.words import agreement_headings, source_heading
from briefing_tui.search.text import CJK_CHAR, fold_aligned


@record(slots=True)
class Field:
    """One searchable text of an item (its text, title, a quote...), with its folded form
    computed once at build time, since every query and snippet works on folded text."""

    name: str
    text: str
    folded: str
    is_title: bool = False
    #: Every character folded to exactly one, so spans in ``folded`` are spans in ``text``.
    aligned: bool = True
    #: Holds CJK characters (decides how word boundaries are checked).
    has_cjk: bool = False


@record(frozen=False, slots=True)
class Doc:
    """One item a hit can point at, with the fields the index searched."""

    briefing: int
    briefing_id: str
    kind: str
    target_id: str
    ref: str | None
    location: str
    title: str
    fields: tuple[Field, ...]
    #: Its place among its briefing's items (reading order), set when read back from the index.
    local: int = 0
    #: The fields in the order a snippet prefers them: running text first, titles last.
    display: tuple[Field, ...] = ()
    #: The field shown when nothing matched (a filter-only query): the item's own text.
    main: Field | None = None
    #: Some field holds CJK text (its word boundaries are checked the slow way).
    has_cjk: bool = False

    def __post_init__(self) -> None:
        # Plain loops and list comprehensions: a build makes ~80 items a briefing.
        fields = self.fields
        titles = [f for f in fields if f.is_title]
        if titles and len(titles) < len(fields):
            self.display = (*[f for f in fields if not f.is_title], *titles)
        else:
            self.display = fields or (Field("title", self.title, fold_aligned(self.title)[0]),)
        names = _MAIN_FIELDS.get(self.kind, ("text", "summary"))
        self.main = self.display[0]
        for f in fields:
            if f.name in names:
                self.main = f
                break
        self.has_cjk = False
        for f in fields:
            if f.has_cjk:
                self.has_cjk = True
                break


#: The field that stands for an item when no word matched; titles stand for themselves.
_MAIN_FIELDS = {"figure": ("label",), "source": ("title", "heading")}


def _fields(*pairs: tuple[str, str | None] | tuple[str, str | None, bool]) -> tuple[Field, ...]:
    """Fields from ``(name, text[, is_title])``; absent (None or empty) texts are skipped, so
    optional content fields need no special casing at the call sites."""
    return make_fields(
        (pair[0], pair[1], bool(pair[2]) if len(pair) > 2 else False) for pair in pairs if pair[1]
    )


def make_fields(triples: Iterable[Sequence[Any]]) -> tuple[Field, ...]:
    """Fields from ``(name, text, is_title)``, folded: for the index as it cuts a briefing,
    and for hits, whose items come back from the index as stored text."""
    out = []
    for name, text, is_title in triples:
        folded, aligned = fold_aligned(text)
        has_cjk = not folded.isascii() and CJK_CHAR.search(folded) is not None
        out.append(Field(name, text, folded, is_title, aligned, has_cjk))
    return tuple(out)


def briefing_docs(b: Briefing) -> Iterable[tuple[Doc, frozenset[str], str | None]]:
    """A briefing's documents in reading order, each with the source ids it cites and its
    section id (for the source: and section: filters)."""
    bid = b.id

    def doc(
        kind: str,
        target: str,
        location: str,
        title: str,
        fields: tuple[Field, ...],
        ref: str | None = None,
    ) -> Doc:
        return Doc(-1, bid, kind, target, ref, location, title, fields)

    yield (
        doc(
            "briefing",
            "#overview",
            "Overview",
            b.title,
            _fields(
                ("title", b.title, True),
                ("summary", b.summary),
                ("caption", b.photo_caption),
                ("tags", " ".join(b.tags) or None),
            ),
        ),
        frozenset(),
        None,
    )
    labels = report_labels(b)
    for item in reading_order(b):
        if isinstance(item, OutlineEntry):
            section = item.section
            yield (
                doc(
                    "section",
                    section.id,
                    f"{item.label} {section.title}",
                    section.title,
                    _fields(("title", section.title, True)),
                ),
                frozenset(),
                item.top,
            )
            continue
        section = item.entry.section
        if item.paragraph is not None:
            p = item.paragraph
            label = labels[p.id]
            pairs: list[tuple[str, str | None] | tuple[str, str | None, bool]] = [
                ("label", p.label, True),
                ("text", p.text),
                ("gap", p.gap),
                ("note", p.note),
            ]
            for a in p.attributions:
                pairs += [("speaker", a.speaker), ("role", a.role), ("quote", a.quote)]
            cited = frozenset(p.sources) | {a.source for a in p.attributions if a.source}
            yield (
                doc(
                    "paragraph", p.id, f"{label} {section.title}", p.label or label, _fields(*pairs)
                ),
                cited,
                item.entry.top,
            )
        elif item.table is not None:
            t = item.table
            pairs = [("caption", t.caption, True), ("header", " · ".join(t.header))]
            pairs += [("row", " · ".join(row.cells)) for row in t.rows]
            pairs.append(("note", t.note))
            cited = frozenset(t.sources) | {s for row in t.rows for s in row.sources}
            yield (
                doc(
                    "table",
                    t.id,
                    f"{labels[t.id]} {section.title}",
                    t.caption,
                    _fields(*pairs),
                ),
                cited,
                item.entry.top,
            )
        else:
            yield from _agreement_docs(b, doc)
    yield (
        doc(
            "source",
            "#sources",
            "Sources",
            source_heading(b),
            _fields(("heading", source_heading(b), True)),
        ),
        frozenset(),
        None,
    )
    for s in b.sources:
        yield (
            doc(
                "source",
                s.id,
                "Sources",
                s.title,
                _fields(
                    ("title", s.title, True),
                    ("outlets", ", ".join(s.outlets) or None),
                    ("note", s.note),
                    ("publisher", s.publisher),
                    ("url", s.url),
                    ("kind", s.kind_label),
                ),
            ),
            frozenset({s.id}),
            None,
        )
    for f in b.figures:
        yield (
            doc(
                "figure",
                f.id,
                "Overview › Key figures",
                f.label,
                _fields(
                    ("label", f.label, True),
                    ("text", f.text),
                    ("measures", f.measures),
                    ("unit", f.unit),
                ),
                ref=f.ref,
            ),
            frozenset(),
            None,
        )
    for ti, event in enumerate(b.timeline, 1):
        yield (
            doc(
                "timeline",
                f"#timeline-{ti}",
                "Overview › Timeline",
                event.title,
                _fields(
                    ("title", event.title, True),
                    ("text", event.text),
                ),
                ref=event.refs[0],
            ),
            frozenset(),
            None,
        )
    for r in b.reactions:
        yield (
            doc(
                "reaction",
                r.id,
                "Overview › Reactions",
                r.actor,
                _fields(
                    ("actor", r.actor, True),
                    ("summary", r.summary),
                    ("stance", r.stance_label or r.stance.value),
                ),
                ref=r.ref,
            ),
            frozenset(),
            None,
        )


_MakeDoc = Callable[..., Doc]


def _agreement_docs(b: Briefing, doc: _MakeDoc) -> Iterator[tuple[Doc, frozenset[str], str | None]]:
    """The agreements table (its headings, intro and note) and each agreement, in order."""
    area_heading, items_heading = agreement_headings(b)
    yield (
        doc(
            "agreement",
            "#agreements",
            "Agreements",
            items_heading,
            _fields(
                ("intro", b.intro),
                ("heading", area_heading, True),
                ("heading", items_heading, True),
                ("note", b.note),
                ("areas", " · ".join(a.title for a in b.areas)),
            ),
        ),
        frozenset(),
        None,
    )
    for a in b.agreements:
        pairs: list[tuple[str, str | None] | tuple[str, str | None, bool]] = [
            ("title", a.title, True),
            ("text", a.text),
            ("gap", a.gap),
        ]
        for f in a.figures:
            pairs += [("figure", f"{f.label}: {f.text}"), ("measures", f.measures)]
        for at in a.attributions:
            pairs += [("speaker", at.speaker), ("role", at.role), ("quote", at.quote)]
        cited = frozenset(a.sources) | {x.source for x in a.attributions if x.source}
        yield (
            doc(
                "agreement", a.id, f"Agreements › {b.area(a.area).title}", a.title, _fields(*pairs)
            ),
            cited,
            None,
        )
