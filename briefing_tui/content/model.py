"""The briefing data model.

Every content file maps onto one of the ``*File`` models below; the loader assembles them into a
:class:`Briefing`, and a folder of briefings into a :class:`Library`. Models are frozen so that the
UI and the search index can share them without copying, and ``extra="forbid"`` so that a typo in a
key is an error instead of silently lost data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from briefing_tui.content.rules import format_loc, reference_problems
from briefing_tui.content.text import unsafe_character

# --------------------------------------------------------------------------------------------
# Scalar types
# --------------------------------------------------------------------------------------------


def _safe_text(value: str) -> str:
    found = unsafe_character(value)
    if found is not None:
        index, description = found
        raise ValueError(
            f"forbidden character {description} at position {index + 1}; "
            "control and bidi-override characters are not allowed in content"
        )
    if not value.strip():
        raise ValueError("text must not be empty or only whitespace")
    return value


#: Any human-readable text in content: non-empty and free of terminal control characters.
Text = Annotated[str, AfterValidator(_safe_text)]

#: Ids are lowercase slugs; dots are allowed so that paragraph ids read like ``s2.p3``.
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$", max_length=80),
]


#: A calendar day, written as a TOML date (2025-05-07): strict, so that an integer is not read as a
#: Unix timestamp and a date-time is not silently cut to its day.
Day = Annotated[dt.date, Field(strict=True)]

#: A number the UI can draw: strictly numeric (no strings like "10"), and finite (no inf/nan).
Number = Annotated[float, Field(strict=True), AllowInfNan(False)]


class SourceKind(StrEnum):
    """What kind of publisher a source is; a closed set so filters and badges stay meaningful."""

    OFFICIAL = "official"
    AGENCY = "agency"
    MEDIA = "media"
    DOCUMENT = "document"
    EXPERT = "expert"


class Status(StrEnum):
    """How firm an agreement is, as the note under the agreements table describes it."""

    NEGOTIATION = "negotiation"
    MEMORANDUM = "memorandum"
    AGREED = "agreed"
    TARGET = "target"
    STATEMENT = "statement"


class Stance(StrEnum):
    """How an actor reacted to the visit, in a word the report itself uses."""

    CONDEMNED = "condemned"
    CONCERNED = "concerned"
    CRITICAL = "critical"
    RESTRAINED = "restrained"
    WARY = "wary"
    SILENT = "silent"
    WELCOMED = "welcomed"
    DIVIDED = "divided"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


class Attribution(_Model):
    """Who the text says said something, and where the report got it."""

    speaker: Text
    role: Text | None = None
    quote: Text | None = None
    source: Slug | None = None


class Paragraph(_Model):
    """One paragraph of a section, verbatim.

    ``assessment`` is how the data says explicitly that a paragraph cites nothing and is the
    analyst's own judgement; it must be true exactly when ``sources`` is empty.
    """

    id: Slug
    label: Text | None = None
    text: Text
    bullet: StrictBool = False
    sources: tuple[Slug, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    assessment: StrictBool = Field(default=False, validate_default=True)
    gap: Text | None = None

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


class Section(_Model):
    id: Slug
    title: Text
    paragraphs: tuple[Paragraph, ...] = Field(min_length=1)


class Figure(_Model):
    """A number the report gives, with what it measures.

    ``value`` and the optional ``target``/``target_high`` are numeric so the UI can draw them;
    ``text`` is how the report writes the figure, shown next to the drawing.
    """

    label: Text
    text: Text
    value: Number
    unit: Text
    measures: Text
    target: Number | None = None
    target_high: Number | None = None

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
    id: Slug
    area: Slug
    title: Text
    text: Text
    status: Status
    figures: tuple[Figure, ...] = ()
    sources: tuple[Slug, ...] = Field(min_length=1)
    attributions: tuple[Attribution, ...] = ()
    gap: Text | None = None


class Area(_Model):
    id: Slug
    title: Text


class Source(_Model):
    id: Slug
    title: Text
    kind: SourceKind
    outlets: tuple[Text, ...] = ()
    in_report_list: StrictBool
    note: Text | None = None


class KeyFigure(Figure):
    """A headline figure on the overview, tied to the paragraph or agreement it comes from."""

    id: Slug
    ref: Slug


class TimelineEvent(_Model):
    date: Day
    end: Day | None = None
    title: Text
    text: Text
    refs: tuple[Slug, ...] = Field(min_length=1)

    @field_validator("end")
    @classmethod
    def _ordered(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("date")
        if end is not None and start is not None and end < start:
            raise ValueError(f"end ({end}) is before date ({start})")
        return end


class Reaction(_Model):
    id: Slug
    actor: Text
    stance: Stance
    summary: Text
    ref: Slug


# --------------------------------------------------------------------------------------------
# One model per content file
# --------------------------------------------------------------------------------------------


class BriefingFile(_Model):
    """``briefing.toml``: what the briefing is."""

    id: Slug
    title: Text
    start: Day
    end: Day
    photo_caption: Text | None = None
    summary: Text
    tags: tuple[Slug, ...] = ()

    @field_validator("end")
    @classmethod
    def _dates_ordered(cls, end: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError(f"end ({end}) is before start ({start})")
        return end


class SectionsFile(_Model):
    """``sections.toml``: the report's text, in reading order."""

    sections: tuple[Section, ...] = Field(min_length=1)


class AgreementsFile(_Model):
    """``agreements.toml``: the agreements table and the note printed under it."""

    after_section: Slug
    intro: Text | None = None
    area_heading: Text
    items_heading: Text
    areas: tuple[Area, ...] = Field(min_length=1)
    agreements: tuple[Agreement, ...] = Field(min_length=1)
    note: Text | None = None


class SourcesFile(_Model):
    """``sources.toml``: the report's source list, and sources the text names outside it."""

    heading: Text
    sources: tuple[Source, ...] = Field(min_length=1)


class OverviewFile(_Model):
    """``overview.toml``: structured highlights for the Overview tab."""

    figures: tuple[KeyFigure, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    reactions: tuple[Reaction, ...] = ()


#: File name -> model, in the order the loader reads them.
CONTENT_FILES: dict[str, type[_Model]] = {
    "briefing.toml": BriefingFile,
    "sections.toml": SectionsFile,
    "agreements.toml": AgreementsFile,
    "sources.toml": SourcesFile,
    "overview.toml": OverviewFile,
}

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
        problems = reference_problems(self)
        if problems:
            raise ValueError("; ".join(f"{format_loc(loc)}: {msg}" for loc, msg in problems))
        return self

    # -- lookups -----------------------------------------------------------------------------

    def paragraphs(self) -> Iterator[tuple[Section, Paragraph]]:
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield section, paragraph

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    @property
    def paragraph_count(self) -> int:
        return sum(len(s.paragraphs) for s in self.sections)


class Library(_Model):
    """Every briefing the app can show; ids are unique across it."""

    briefings: tuple[Briefing, ...]

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


def content_schema() -> dict[str, object]:
    """JSON Schema of every content file, keyed by file name, for authors' editors."""
    return {name: model.model_json_schema() for name, model in CONTENT_FILES.items()}
