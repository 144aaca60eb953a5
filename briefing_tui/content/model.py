"""The briefing data model (content format version 2).

Every content file maps onto one of the ``*File`` models below; the loader assembles them into a
:class:`Briefing`, and a folder of briefings into a :class:`Library`. Models are frozen
standard-library dataclasses (see ``scalars.Model``): the UI and the search index share them
without copying, a validated snapshot becomes one without importing pydantic, and ``validation``
checks content into the very same classes, with ``extra="forbid"`` so that a typo in a key is an
error instead of silently lost data. Every field carries a description and an example:
``briefing schema`` is the authors' reference, so a field without them is undocumented.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from briefing_tui.content.items import (
    Agreement,
    Area,
    Attribution,
    Figure,
    KeyFigure,
    Paragraph,
    Reaction,
    Section,
    Source,
    Table,
    TableRow,
    TimelineEvent,
)
from briefing_tui.content.record import record
from briefing_tui.content.rules import format_loc, reference_problems
from briefing_tui.content.scalars import (
    SLUG_RULE,
    Day,
    Language,
    Model,
    Rule,
    Slug,
    SourceKind,
    Stance,
    Status,
    Tag,
    Text,
    doc,
)

#: Items and word lists are defined next door; the rest of the package imports them from here.
__all__ = [
    "Agreement",
    "Area",
    "Attribution",
    "Figure",
    "KeyFigure",
    "Paragraph",
    "Reaction",
    "Section",
    "Source",
    "SourceKind",
    "Stance",
    "Status",
    "Table",
    "TableRow",
    "TimelineEvent",
]

#: The content format this package writes; files without ``schema_version`` are version 1,
#: which version 2 reads unchanged (it only adds fields and relaxes rules).
SCHEMA_VERSION = 2


def _known_version(version: int) -> int:
    if not 1 <= version <= SCHEMA_VERSION:
        raise ValueError(
            f"format version {version} is not known to this briefing-tui, which reads "
            f"versions 1 to {SCHEMA_VERSION}"
        )
    return version


def _dates_ordered(end: dt.date, fields: Mapping[str, Any]) -> dt.date:
    start = fields.get("start")
    if start is not None and end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    return end


#: ``schema_version``: a version this program reads.
Version = Annotated[int, Rule(_known_version)]
#: The briefing's ``end``: not before its ``start``.
EndDay = Annotated[Day, Rule(_dates_ordered, needs_fields=True)]

# --------------------------------------------------------------------------------------------
# One model per content file
# --------------------------------------------------------------------------------------------


@record(kw_only=True)
class BriefingFile(Model):
    """``briefing.toml``: what the briefing is, and who wrote it."""

    schema_version: Version = doc(
        "the content format version the files are written in (1 when absent)", 2, default=1
    )
    id: Slug = doc("unique id in the library", "xi-russia-visit-2025-05")
    title: Text = doc("the report's title", "Xi Jinping's visit to Russia (May 2025)")
    language: Language = doc(
        "BCP 47 tag of the content's language: dates and the words the app inserts follow it",
        "en",
        default="en",
    )
    start: Day = doc("first day the briefing covers (YYYY-MM-DD)", "2025-05-07")
    end: EndDay = doc("last day the briefing covers (YYYY-MM-DD)", "2025-05-10")
    photo_caption: Text | None = doc(
        "caption of the report's photo", "The two leaders in Moscow.", default=None
    )
    summary: Text = doc("a summary for the library list and the overview", "The visit produced ...")
    tags: tuple[Tag, ...] = doc("words to find the briefing by", ["energy"], default=())
    author: Text | None = doc("who wrote it", "Analysis department", default=None)
    organisation: Text | None = doc(
        "the organisation it comes from", "Institute of Studies", default=None
    )
    classification: Text | None = doc(
        "handling marking, printed as given", "For internal use", default=None
    )
    version: Text | None = doc("the briefing's own version", "1.2", default=None)
    updated: Day | None = doc("when it was last revised (YYYY-MM-DD)", "2025-05-20", default=None)


@record(kw_only=True)
class SectionsFile(Model):
    """``sections.toml``: the report's text, in reading order."""

    sections: tuple[Section, ...] = doc(
        "the report's sections",
        [
            {
                "id": "s1",
                "title": "Objectives",
                "paragraphs": [
                    {
                        "id": "s2.p1",
                        "text": "The parties agreed ...",
                        "sources": ["kremlin-reports"],
                    }
                ],
            }
        ],
        min_length=1,
    )


@record(kw_only=True)
class AgreementsFile(Model):
    """``agreements.toml`` (optional): the typed agreements table and the note under it."""

    after_section: Slug | None = doc(
        "id of the section (any level) the table follows (default: after the last section)",
        "s2",
        default=None,
    )
    intro: Text | None = doc(
        "printed above the table", "Below are the key agreements:", default=None
    )
    area_heading: Text | None = doc(
        "heading of the area column", "Scope of cooperation", default=None
    )
    items_heading: Text | None = doc(
        "heading of the agreements column", "Key agreements", default=None
    )
    areas: tuple[Area, ...] = doc(
        "the table's row groups, in order",
        [{"id": "power", "title": "Power engineering"}],
        default=(),
    )
    agreements: tuple[Agreement, ...] = doc(
        "the table's items, in order",
        [
            {
                "id": "pos2",
                "area": "power",
                "title": "Power of Siberia-2",
                "text": "Talks resumed",
                "status": "negotiation",
                "sources": ["leading-media"],
            }
        ],
        default=(),
    )
    note: Text | None = doc(
        "printed under the table as 'Note: ' + note", "Most were confirmed.", default=None
    )


@record(kw_only=True)
class SourcesFile(Model):
    """``sources.toml``: the report's source list, and sources the text names outside it."""

    heading: Text | None = doc(
        "heading of the source list (default: 'Sources' in the briefing's language)",
        "Sources",
        default=None,
    )
    sources: tuple[Source, ...] = doc(
        "every source the briefing cites",
        [{"id": "kremlin-reports", "title": "Kremlin reports", "kind": "official"}],
        min_length=1,
    )


@record(kw_only=True)
class OverviewFile(Model):
    """``overview.toml`` (optional): structured highlights for the Overview tab."""

    figures: tuple[KeyFigure, ...] = doc(
        "headline figures",
        [
            {
                "id": "fig-trade",
                "ref": "s2.p1",
                "label": "Trade",
                "text": "about $200 billion",
                "value": 200,
                "unit": "USD billion",
                "measures": "trade in 2024",
            }
        ],
        default=(),
    )
    timeline: tuple[TimelineEvent, ...] = doc(
        "dated events, in order",
        [{"date": "2025-05-08", "title": "Talks", "text": "The leaders met.", "refs": ["s1.p2"]}],
        default=(),
    )
    reactions: tuple[Reaction, ...] = doc(
        "how actors reacted",
        [
            {
                "id": "ukraine",
                "actor": "Ukraine",
                "stance": "condemned",
                "summary": "Condemned the visit.",
                "ref": "s4.p5",
            }
        ],
        default=(),
    )


#: File name -> model, in the order the loader reads them.
CONTENT_FILES: dict[str, type[Model]] = {
    "briefing.toml": BriefingFile,
    "sections.toml": SectionsFile,
    "agreements.toml": AgreementsFile,
    "sources.toml": SourcesFile,
    "overview.toml": OverviewFile,
}

#: Files a briefing may leave out: a briefing is valid with metadata, sections and sources.
OPTIONAL_FILES = frozenset({"agreements.toml", "overview.toml"})

#: Top-level key -> the file that owns it; lets a problem found on the assembled briefing point
#: back at the file and line an author has to edit.
KEY_FILE: dict[str, str] = {
    field.name: name for name, model in CONTENT_FILES.items() for field in dataclasses.fields(model)
}


# --------------------------------------------------------------------------------------------
# The assembled briefing
# --------------------------------------------------------------------------------------------


@record(kw_only=True)
class Briefing(OverviewFile, SourcesFile, AgreementsFile, SectionsFile, BriefingFile):
    """One whole report: every content file of a briefing folder, cross-checked.

    Its fields are exactly the five files' fields (inherited, so the two cannot drift apart),
    and so are their per-file rules, which keeps validating a JSON export as strict as loading
    the TOML.
    """

    def check(self) -> None:
        """Every id unique, every reference resolving, every quote found in its text."""
        problems = reference_problems(dataclasses.asdict(self))
        if problems:
            raise ValueError("; ".join(f"{format_loc(loc)}: {msg}" for loc, msg in problems))

    # -- lookups -----------------------------------------------------------------------------

    def all_sections(self) -> Iterator[Section]:
        """Every section at every level, in reading order (a parent before its subsections)."""

        def walk(sections: tuple[Section, ...]) -> Iterator[Section]:
            for section in sections:
                yield section
                yield from walk(section.sections)

        return walk(self.sections)

    def paragraphs(self) -> Iterator[tuple[Section, Paragraph]]:
        """Every paragraph with the (innermost) section holding it, in reading order."""
        for section in self.all_sections():
            for paragraph in section.paragraphs:
                yield section, paragraph

    def tables(self) -> Iterator[tuple[Section, Table]]:
        for section in self.all_sections():
            for table in section.tables:
                yield section, table

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    @property
    def paragraph_count(self) -> int:
        return sum(len(s.paragraphs) for s in self.all_sections())

    @property
    def agreements_section(self) -> str | None:
        """The id of the section the agreements table follows; None without agreements."""
        if not self.agreements:
            return None
        return self.after_section or list(self.all_sections())[-1].id


@record(kw_only=True)
class Library(Model):
    """Every briefing the app can show; ids are unique across it."""

    briefings: tuple[Briefing, ...] = doc(
        "every briefing, with the fields of all its content files",
        [{"id": "xi-russia-visit-2025-05"}],
    )

    def __post_init__(self) -> None:
        # Checked whenever a library is built, not only when one is validated: it costs one
        # pass, and two briefings under one id would make --goto, marks and search ambiguous.
        seen: set[str] = set()
        duplicates = {b.id for b in self.briefings if b.id in seen or seen.add(b.id)}
        if duplicates:
            raise ValueError(f"duplicate briefing id(s): {', '.join(sorted(duplicates))}")

    def get(self, briefing_id: str) -> Briefing:
        for briefing in self.briefings:
            if briefing.id == briefing_id:
                return briefing
        raise KeyError(briefing_id)


#: What ``briefing schema`` says about ids before the files' schemas.
ID_NAMESPACE = (
    "Ids of sections, paragraphs, tables, areas, agreements, sources, figures and reactions "
    "share one namespace per briefing: --goto, refs and search name any of them by id alone, "
    "so each id may be used once. " + SLUG_RULE[0].upper() + SLUG_RULE[1:] + "."
)


def content_schema() -> dict[str, object]:
    """JSON Schema of every content file, keyed by file name, for authors' editors."""
    from briefing_tui.content.validation import json_schema  # brings pydantic

    out: dict[str, object] = {}
    for name, model in CONTENT_FILES.items():
        schema = json_schema(model)
        if name in OPTIONAL_FILES:
            schema["description"] = f"{schema.get('description', '')} Optional file."
        out[name] = schema
    return out


def export_schema() -> dict[str, object]:
    """JSON Schema of ``briefing export --format json``: a library of whole briefings."""
    from briefing_tui.content.validation import json_schema  # brings pydantic

    schema = json_schema(Library)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefing-tui JSON export"
    schema["description"] = (
        f"The validated briefings, content format version {SCHEMA_VERSION}. " + ID_NAMESPACE
    )
    return schema
