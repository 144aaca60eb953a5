"""The briefing data model (content format version 2).

Every content file maps onto one of the ``*File`` models below; the loader assembles them into a
:class:`Briefing`, and a folder of briefings into a :class:`Library`. Models are frozen so that the
UI and the search index can share them without copying, and ``extra="forbid"`` so that a typo in a
key is an error instead of silently lost data. Every field carries a description and an example:
``briefing schema`` is the authors' reference, so a field without them is undocumented.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    field_validator,
    model_validator,
)

from briefing_tui.content.rules import format_loc, reference_problems
from briefing_tui.content.text import unsafe_character

#: The content format this package writes; files without ``schema_version`` are version 1,
#: which version 2 reads unchanged (it only adds fields and relaxes rules).
SCHEMA_VERSION = 2

# --------------------------------------------------------------------------------------------
# Scalar types
# --------------------------------------------------------------------------------------------


def _safe_characters(value: str) -> str:
    found = unsafe_character(value)
    if found is not None:
        index, description = found
        raise ValueError(
            f"forbidden character {description} at position {index + 1}; "
            "control and bidi-override characters are not allowed in content"
        )
    return value


def _safe_text(value: str) -> str:
    _safe_characters(value)
    if not value.strip():
        raise ValueError("text must not be empty or only whitespace")
    return value


#: Any human-readable text in content: non-empty and free of terminal control characters.
Text = Annotated[str, AfterValidator(_safe_text)]

#: A table cell: like Text, but may be empty (a blank cell is real data in a table of figures).
Cell = Annotated[str, AfterValidator(_safe_characters)]

_SLUG = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
SLUG_RULE = (
    "an id is lowercase Latin letters and digits, in words joined by '-' or '.' "
    "(for example 's2.p3' or 'power-of-siberia'), at most 80 characters"
)


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value) or len(value) > 80:
        raise ValueError(f"{SLUG_RULE}; got {value!r}")
    return value


#: Ids are lowercase slugs; dots are allowed so that paragraph ids read like ``s2.p3``. Ids stay
#: Latin because they are typed on the command line (``--goto``) and in queries.
Slug = Annotated[str, AfterValidator(_slug)]

_TAG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
TAG_RULE = (
    "a tag is one lowercase word, or words joined by '-', in any script "
    "(for example 'energy', 'энергетика' or 'north-korea')"
)


def _tag(value: str) -> str:
    if not _TAG.fullmatch(value) or value != value.lower() or len(value) > 60:
        raise ValueError(f"{TAG_RULE}; got {value!r}")
    return value


Tag = Annotated[str, AfterValidator(_tag)]

_LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*")


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise ValueError(f"a language is a BCP 47 tag such as 'en', 'ru' or 'en-GB'; got {value!r}")
    return value


Language = Annotated[str, AfterValidator(_language)]


def _url(value: str) -> str:
    _safe_characters(value)
    if not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", value):
        raise ValueError(
            f"a url starts with http:// or https:// and holds no spaces "
            f"(for example 'https://www.example.org/report'); got {value!r}"
        )
    return value


Url = Annotated[str, AfterValidator(_url)]

#: A calendar day, written as a TOML date (2025-05-07): strict, so that an integer is not read as a
#: Unix timestamp and a date-time is not silently cut to its day.
Day = Annotated[dt.date, Field(strict=True)]

#: A number the UI can draw: strictly numeric (no strings like "10"), and finite (no inf/nan).
Number = Annotated[float, Field(strict=True), AllowInfNan(False)]


def _f(description: str, example: Any, **kwargs: Any) -> Any:
    """A documented field: ``briefing schema`` shows every field's description and example."""
    return Field(description=description, examples=[example], **kwargs)


class SourceKind(StrEnum):
    """What kind of publisher a source is: a list wide enough for any department's sources,
    with ``other`` and a free ``kind_label`` for the rest, so filters and badges stay meaningful."""

    OFFICIAL = "official"
    GOVERNMENT = "government"
    AGENCY = "agency"
    MEDIA = "media"
    DOCUMENT = "document"
    EXPERT = "expert"
    THINK_TANK = "think-tank"
    ACADEMIC = "academic"
    NGO = "ngo"
    COMPANY = "company"
    SOCIAL = "social"
    OTHER = "other"


class Status(StrEnum):
    """How firm an agreement is, as the note under the agreements table describes it."""

    NEGOTIATION = "negotiation"
    MEMORANDUM = "memorandum"
    AGREED = "agreed"
    TARGET = "target"
    STATEMENT = "statement"


class Stance(StrEnum):
    """How an actor reacted, from hostile to supportive, with ``other`` and a free label."""

    CONDEMNED = "condemned"
    CRITICAL = "critical"
    CONCERNED = "concerned"
    WARY = "wary"
    RESTRAINED = "restrained"
    SILENT = "silent"
    NEUTRAL = "neutral"
    MIXED = "mixed"
    DIVIDED = "divided"
    CAUTIOUS = "cautious"
    SUPPORTIVE = "supportive"
    WELCOMED = "welcomed"
    OTHER = "other"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------

_SOURCES = "ids of sources (sources.toml) this item rests on"

#: Said of every id: ids of every kind share one namespace per briefing.
_ID = (
    "unique id in the briefing: section, paragraph, table, area, agreement, source, figure and "
    "reaction ids share one namespace, since --goto, refs and search name any of them by id alone"
)


class Attribution(_Model):
    """Who the text says said something, and where the report got it."""

    speaker: Text = _f("who is reported as speaking", "Wang Yi")
    role: Text | None = _f(
        "the speaker's role as the text gives it", "Chinese Foreign Minister", default=None
    )
    quote: Text | None = _f(
        "words the text quotes, exactly as they occur in the item's text (quote marks and "
        "spacing may differ)",
        "strong impetus for cooperation in new areas",
        default=None,
    )
    source: Slug | None = _f(
        "the source the quote comes from; one of the item's own sources",
        "china-daily",
        default=None,
    )


class Paragraph(_Model):
    """One paragraph of a section, verbatim.

    ``assessment`` is how the data says explicitly that a paragraph cites nothing and is the
    analyst's own judgement; it must be true exactly when ``sources`` is empty.
    """

    id: Slug = _f(_ID, "s2.p3")
    label: Text | None = _f("a lead-in printed before the text, in bold", "Energy.", default=None)
    text: Text = _f("the paragraph, word for word", "The parties agreed to ...")
    bullet: StrictBool = _f("printed as a bullet point", False, default=False)
    sources: tuple[Slug, ...] = _f(_SOURCES, ["kremlin-reports"], default=())
    attributions: tuple[Attribution, ...] = _f(
        "who the text quotes or cites",
        [{"speaker": "Wang Yi", "quote": "green development", "source": "foreign-ministries"}],
        default=(),
    )
    assessment: StrictBool = _f(
        "true when the paragraph cites nothing: the analyst's own assessment",
        False,
        default=False,
        validate_default=True,
    )
    gap: Text | None = _f(
        "words lost from the original text", "The sentence is a fragment.", default=None
    )
    note: Text | None = _f(
        "an editorial note on the paragraph, shown apart from the text",
        "Figures checked against the customs data on 12 May.",
        default=None,
    )

    @field_validator("assessment")
    @classmethod
    def _assessment_matches_sources(cls, assessment: bool, info: ValidationInfo) -> bool:
        sources = info.data.get("sources")
        if sources is None:  # sources itself was invalid; that error is reported already
            return assessment
        if assessment and sources:
            raise ValueError("a paragraph marked assessment = true must not list sources")
        if not assessment and not sources:
            raise ValueError(
                "paragraph cites no sources: list them, or set assessment = true "
                "to mark it as the analyst's own assessment"
            )
        return assessment

    @property
    def full_text(self) -> str:
        """The paragraph as the report prints it, label included."""
        return f"{self.label} {self.text}" if self.label else self.text


class TableRow(_Model):
    """One row of a plain table: text cells, as many as the header has columns."""

    cells: tuple[Cell, ...] = _f(
        "the row's cells, left to right", ["2024", "$245 bn"], min_length=1
    )
    sources: tuple[Slug, ...] = _f(_SOURCES + " (this row)", ["customs-data"], default=())


class Table(_Model):
    """A plain table of the report (figures, trade, casualties, a timeline), placed in a section."""

    id: Slug = _f(_ID, "t-trade")
    caption: Text = _f("the table's caption, printed above it", "Trade turnover, 2021-2024")
    header: tuple[Text, ...] = _f("the column headings", ["Year", "Turnover"], min_length=1)
    rows: tuple[TableRow, ...] = _f(
        "the rows, top to bottom", [{"cells": ["2024", "$245 bn"]}], min_length=1
    )
    after: Slug | None = _f(
        "id of the paragraph of this section the table follows (default: after the section's "
        "paragraphs)",
        "s2.p1",
        default=None,
    )
    note: Text | None = _f("printed under the table", "Customs data.", default=None)
    sources: tuple[Slug, ...] = _f(_SOURCES + " (the whole table)", ["customs-data"], default=())

    @model_validator(mode="after")
    def _rows_fit_header(self) -> Table:
        columns = len(self.header)
        for index, row in enumerate(self.rows):
            if len(row.cells) != columns:
                raise ValueError(
                    f"row {index + 1} has {len(row.cells)} cell(s) but the header has "
                    f"{columns} column(s)"
                )
        return self


class Section(_Model):
    """A section of the report: paragraphs, plain tables and subsections, in that order."""

    id: Slug = _f(_ID, "s3")
    title: Text = _f("the section heading as the report prints it", "Joint statements")
    paragraphs: tuple[Paragraph, ...] = _f(
        "the section's own paragraphs",
        [{"id": "s2.p1", "text": "The parties agreed ...", "sources": ["kremlin-reports"]}],
        default=(),
    )
    tables: tuple[Table, ...] = _f(
        "plain tables placed in this section",
        [
            {
                "id": "t-trade",
                "caption": "Trade",
                "header": ["Year", "Turnover"],
                "rows": [{"cells": ["2024", "$245 bn"]}],
            }
        ],
        default=(),
    )
    sections: tuple[Section, ...] = _f(
        "subsections, printed after the paragraphs",
        [
            {
                "id": "s3.1",
                "title": "Energy",
                "paragraphs": [
                    {
                        "id": "s2.p1",
                        "text": "The parties agreed ...",
                        "sources": ["kremlin-reports"],
                    }
                ],
            }
        ],
        default=(),
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Section:
        if not (self.paragraphs or self.tables or self.sections):
            raise ValueError("a section needs at least one paragraph, table or subsection")
        return self


class Figure(_Model):
    """A number the report gives, with what it measures.

    ``value`` and the optional ``target``/``target_high`` are numeric so the UI can draw them;
    ``text`` is how the report writes the figure, shown next to the drawing.
    """

    label: Text = _f("what the figure is", "Gas supply")
    text: Text = _f("the figure as the report writes it", "up to 50 billion m³ a year")
    value: Number = _f("the figure as a number, for drawing", 50)
    unit: Text = _f("the unit of value", "billion m³/yr")
    measures: Text = _f("what the number measures", "planned annual capacity")
    target: Number | None = _f("a target the figure is measured against", 80, default=None)
    target_high: Number | None = _f("the top of a target range (needs target)", 85, default=None)

    @field_validator("target_high")
    @classmethod
    def _range_ordered(cls, high: float | None, info: ValidationInfo) -> float | None:
        if high is None or "target" not in info.data:
            return high
        low = info.data["target"]
        if low is None:
            raise ValueError("target_high needs target")
        if high < low:
            raise ValueError(f"target_high ({high:g}) must not be below target ({low:g})")
        return high


class Agreement(_Model):
    """One agreement of the typed agreements table."""

    id: Slug = _f(_ID, "power-of-siberia-2")
    area: Slug = _f("id of the area (areas in agreements.toml) it belongs to", "power")
    title: Text = _f("a short title", "Power of Siberia-2")
    text: Text = _f("the table item, word for word", "Negotiations on the pipeline resumed")
    status: Status = _f("how firm the agreement is", "negotiation")
    figures: tuple[Figure, ...] = _f(
        "numbers the agreement gives",
        [
            {
                "label": "Capacity",
                "text": "up to 50 billion m³",
                "value": 50,
                "unit": "billion m³",
                "measures": "annual capacity",
            }
        ],
        default=(),
    )
    sources: tuple[Slug, ...] = _f(_SOURCES, ["leading-media"], min_length=1)
    attributions: tuple[Attribution, ...] = _f(
        "who the item quotes or cites",
        [{"speaker": "Wang Yi", "quote": "green development", "source": "foreign-ministries"}],
        default=(),
    )
    gap: Text | None = _f(
        "words lost from the original text", "The sentence is a fragment.", default=None
    )


class Area(_Model):
    """A row group of the agreements table."""

    id: Slug = _f(_ID, "power")
    title: Text = _f("the area as the table prints it", "Power engineering")


class Source(_Model):
    """A source the report cites."""

    id: Slug = _f(_ID, "kremlin-reports")
    title: Text = _f("the source as the report's list names it", "Kremlin reports on the visit")
    kind: SourceKind = _f("what kind of publisher it is ('other' needs kind_label)", "official")
    kind_label: Text | None = _f(
        "the kind in words, for kind = 'other'", "parliamentary record", default=None
    )
    outlets: tuple[Text, ...] = _f("outlets or people the source groups", ["TASS"], default=())
    publisher: Text | None = _f("who published it", "Presidential Executive Office", default=None)
    url: Url | None = _f(
        "where to read it (shown and copyable, never opened)",
        "https://www.example.org/a",
        default=None,
    )
    published: Day | None = _f("when it was published (YYYY-MM-DD)", "2025-05-08", default=None)
    accessed: Day | None = _f("when the analyst read it (YYYY-MM-DD)", "2025-05-12", default=None)
    in_report_list: StrictBool = _f(
        "true if the report's own source list names it; false if only the text cites it",
        True,
        default=True,
    )
    note: Text | None = _f("an editorial note on the source", "Paywalled.", default=None)

    @model_validator(mode="after")
    def _other_has_label(self) -> Source:
        if self.kind == SourceKind.OTHER and self.kind_label is None:
            raise ValueError("kind = 'other' needs kind_label: say in words what kind of source")
        return self


class KeyFigure(Figure):
    """A headline figure on the overview, tied to the paragraph or agreement it comes from."""

    id: Slug = _f(_ID, "fig-trade")
    ref: Slug = _f("id of the paragraph, table or agreement the figure comes from", "s2.p1")


class TimelineEvent(_Model):
    """A dated event of the overview's timeline (any date: follow-ups and background too)."""

    date: Day = _f("the day it happened (YYYY-MM-DD)", "2025-05-08")
    end: Day | None = _f("the last day, for events of several days", "2025-05-10", default=None)
    title: Text = _f("a short title", "Talks in the Kremlin")
    text: Text = _f("what happened", "Xi Jinping and Vladimir Putin held talks.")
    refs: tuple[Slug, ...] = _f(
        "ids of paragraphs, tables or agreements it rests on", ["s1.p2"], min_length=1
    )

    @field_validator("end")
    @classmethod
    def _ordered(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("date")
        if end is not None and start is not None and end < start:
            raise ValueError(f"end ({end}) is before date ({start})")
        return end


class Reaction(_Model):
    """How an actor reacted, for the overview."""

    id: Slug = _f(_ID, "reaction-eu")
    actor: Text = _f("who reacted", "European Union")
    stance: Stance = _f("how, in one word ('other' needs stance_label)", "critical")
    stance_label: Text | None = _f(
        "the stance in words, for stance = 'other'", "ironic", default=None
    )
    summary: Text = _f("what they said or did", "Called the visit a show of unity.")
    ref: Slug = _f("id of the paragraph, table or agreement it rests on", "s4.p1")

    @model_validator(mode="after")
    def _other_has_label(self) -> Reaction:
        if self.stance == Stance.OTHER and self.stance_label is None:
            raise ValueError("stance = 'other' needs stance_label: say the stance in words")
        return self


# --------------------------------------------------------------------------------------------
# One model per content file
# --------------------------------------------------------------------------------------------


class BriefingFile(_Model):
    """``briefing.toml``: what the briefing is, and who wrote it."""

    schema_version: int = _f(
        "the content format version the files are written in (1 when absent)", 2, default=1
    )
    id: Slug = _f("unique id in the library", "xi-russia-visit-2025-05")
    title: Text = _f("the report's title", "Xi Jinping's visit to Russia (May 2025)")
    language: Language = _f(
        "BCP 47 tag of the content's language: dates and the words the app inserts follow it",
        "en",
        default="en",
    )
    start: Day = _f("first day the briefing covers (YYYY-MM-DD)", "2025-05-07")
    end: Day = _f("last day the briefing covers (YYYY-MM-DD)", "2025-05-10")
    photo_caption: Text | None = _f(
        "caption of the report's photo", "The two leaders in Moscow.", default=None
    )
    summary: Text = _f("a summary for the library list and the overview", "The visit produced ...")
    tags: tuple[Tag, ...] = _f("words to find the briefing by", ["energy"], default=())
    author: Text | None = _f("who wrote it", "Analysis department", default=None)
    organisation: Text | None = _f(
        "the organisation it comes from", "Institute of Studies", default=None
    )
    classification: Text | None = _f(
        "handling marking, printed as given", "For internal use", default=None
    )
    version: Text | None = _f("the briefing's own version", "1.2", default=None)
    updated: Day | None = _f("when it was last revised (YYYY-MM-DD)", "2025-05-20", default=None)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, version: int) -> int:
        if not 1 <= version <= SCHEMA_VERSION:
            raise ValueError(
                f"format version {version} is not known to this briefing-tui, which reads "
                f"versions 1 to {SCHEMA_VERSION}"
            )
        return version

    @field_validator("end")
    @classmethod
    def _dates_ordered(cls, end: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError(f"end ({end}) is before start ({start})")
        return end


class SectionsFile(_Model):
    """``sections.toml``: the report's text, in reading order."""

    sections: tuple[Section, ...] = _f(
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


class AgreementsFile(_Model):
    """``agreements.toml`` (optional): the typed agreements table and the note under it."""

    after_section: Slug | None = _f(
        "id of the section (any level) the table follows (default: after the last section)",
        "s2",
        default=None,
    )
    intro: Text | None = _f(
        "printed above the table", "Below are the key agreements:", default=None
    )
    area_heading: Text | None = _f(
        "heading of the area column", "Scope of cooperation", default=None
    )
    items_heading: Text | None = _f(
        "heading of the agreements column", "Key agreements", default=None
    )
    areas: tuple[Area, ...] = _f(
        "the table's row groups, in order",
        [{"id": "power", "title": "Power engineering"}],
        default=(),
    )
    agreements: tuple[Agreement, ...] = _f(
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
    note: Text | None = _f(
        "printed under the table as 'Note: ' + note", "Most were confirmed.", default=None
    )


class SourcesFile(_Model):
    """``sources.toml``: the report's source list, and sources the text names outside it."""

    heading: Text | None = _f(
        "heading of the source list (default: 'Sources' in the briefing's language)",
        "Sources",
        default=None,
    )
    sources: tuple[Source, ...] = _f(
        "every source the briefing cites",
        [{"id": "kremlin-reports", "title": "Kremlin reports", "kind": "official"}],
        min_length=1,
    )


class OverviewFile(_Model):
    """``overview.toml`` (optional): structured highlights for the Overview tab."""

    figures: tuple[KeyFigure, ...] = _f(
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
    timeline: tuple[TimelineEvent, ...] = _f(
        "dated events, in order",
        [{"date": "2025-05-08", "title": "Talks", "text": "The leaders met.", "refs": ["s1.p2"]}],
        default=(),
    )
    reactions: tuple[Reaction, ...] = _f(
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
CONTENT_FILES: dict[str, type[_Model]] = {
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
    key: name for name, model in CONTENT_FILES.items() for key in model.model_fields
}


# --------------------------------------------------------------------------------------------
# The assembled briefing
# --------------------------------------------------------------------------------------------


class Briefing(OverviewFile, SourcesFile, AgreementsFile, SectionsFile, BriefingFile):
    """One whole report: every content file of a briefing folder, cross-checked.

    Its fields are exactly the five files' fields (inherited, so the two cannot drift apart),
    and so are their per-file rules, which keeps ``Library.model_validate_json`` as strict as
    loading the TOML.
    """

    @model_validator(mode="after")
    def _references_resolve(self) -> Briefing:
        problems = reference_problems(self.model_dump())
        if problems:
            raise ValueError("; ".join(f"{format_loc(loc)}: {msg}" for loc, msg in problems))
        return self

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


class Library(_Model):
    """Every briefing the app can show; ids are unique across it."""

    briefings: tuple[Briefing, ...] = _f(
        "every briefing, with the fields of all its content files",
        [{"id": "xi-russia-visit-2025-05"}],
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> Library:
        ids = [b.id for b in self.briefings]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate briefing id(s): {', '.join(duplicates)}")
        return self

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
    out: dict[str, object] = {}
    for name, model in CONTENT_FILES.items():
        schema = model.model_json_schema()
        if name in OPTIONAL_FILES:
            schema["description"] = f"{schema.get('description', '')} Optional file."
        out[name] = schema
    return out


def export_schema() -> dict[str, object]:
    """JSON Schema of ``briefing export --format json``: a library of whole briefings."""
    schema = Library.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefing-tui JSON export"
    schema["description"] = (
        f"The validated briefings, content format version {SCHEMA_VERSION}. " + ID_NAMESPACE
    )
    return schema
