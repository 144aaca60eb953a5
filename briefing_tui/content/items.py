"""The items a briefing is made of: paragraphs, tables, sections, agreements, sources and the
overview's figures, events and reactions.

Each item checks what it can on its own (an assessment without sources, a table row that does not
fit its header); rules that need the whole briefing (ids, references, quotes) are in ``rules``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

from briefing_tui.content.record import record
from briefing_tui.content.scalars import (
    Cell,
    Day,
    Flag,
    Model,
    Number,
    Rule,
    Slug,
    SourceKind,
    Stance,
    Status,
    Text,
    Url,
    doc,
)

_SOURCES = "ids of sources (sources.toml) this item rests on"

#: Said of every id: ids of every kind share one namespace per briefing.
_ID = (
    "unique id in the briefing: section, paragraph, table, area, agreement, source, figure and "
    "reaction ids share one namespace, since --goto, refs and search name any of them by id alone"
)


# Rules on one field that read the fields before it: pydantic gives them the fields of the same
# item validated so far, so the message points at the field that is wrong.


def _assessment_matches_sources(assessment: bool, fields: Mapping[str, Any]) -> bool:
    sources = fields.get("sources")
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


def _range_ordered(high: float, fields: Mapping[str, Any]) -> float:
    if "target" not in fields:
        return high
    low = fields["target"]
    if low is None:
        raise ValueError("target_high needs target")
    if high < low:
        raise ValueError(f"target_high ({high:g}) must not be below target ({low:g})")
    return high


def _event_ordered(end: dt.date, fields: Mapping[str, Any]) -> dt.date:
    start = fields.get("date")
    if start is not None and end < start:
        raise ValueError(f"end ({end}) is before date ({start})")
    return end


#: ``assessment``: true exactly when the paragraph lists no sources.
Assessment = Annotated[Flag, Rule(_assessment_matches_sources, needs_fields=True)]
#: ``target_high``: needs ``target`` and is not below it.
TargetHigh = Annotated[Number, Rule(_range_ordered, needs_fields=True)]
#: A timeline event's ``end``: not before its ``date``.
EventEnd = Annotated[Day, Rule(_event_ordered, needs_fields=True)]


@record(kw_only=True)
class Attribution(Model):
    """Who the text says said something, and where the report got it."""

    speaker: Text = doc("who is reported as speaking", "Wang Yi")
    role: Text | None = doc(
        "the speaker's role as the text gives it", "Chinese Foreign Minister", default=None
    )
    quote: Text | None = doc(
        "words the text quotes, exactly as they occur in the item's text (quote marks and "
        "spacing may differ)",
        "strong impetus for cooperation in new areas",
        default=None,
    )
    source: Slug | None = doc(
        "the source the quote comes from; one of the item's own sources",
        "china-daily",
        default=None,
    )


@record(kw_only=True)
class Paragraph(Model):
    """One paragraph of a section, verbatim.

    ``assessment`` is how the data says explicitly that a paragraph cites nothing and is the
    analyst's own judgement; it must be true exactly when ``sources`` is empty.
    """

    id: Slug = doc(_ID, "s2.p3")
    label: Text | None = doc("a lead-in printed before the text, in bold", "Energy.", default=None)
    text: Text = doc("the paragraph, word for word", "The parties agreed to ...")
    bullet: Flag = doc("printed as a bullet point", False, default=False)
    sources: tuple[Slug, ...] = doc(_SOURCES, ["kremlin-reports"], default=())
    attributions: tuple[Attribution, ...] = doc(
        "who the text quotes or cites",
        [{"speaker": "Wang Yi", "quote": "green development", "source": "foreign-ministries"}],
        default=(),
    )
    assessment: Assessment = doc(
        "true when the paragraph cites nothing: the analyst's own assessment",
        False,
        default=False,
        validate_default=True,
    )
    gap: Text | None = doc(
        "words lost from the original text", "The sentence is a fragment.", default=None
    )
    note: Text | None = doc(
        "an editorial note on the paragraph, shown apart from the text",
        "Figures checked against the customs data on 12 May.",
        default=None,
    )

    @property
    def full_text(self) -> str:
        """The paragraph as the report prints it, label included."""
        return f"{self.label} {self.text}" if self.label else self.text


@record(kw_only=True)
class TableRow(Model):
    """One row of a plain table: text cells, as many as the header has columns."""

    cells: tuple[Cell, ...] = doc(
        "the row's cells, left to right", ["2024", "$245 bn"], min_length=1
    )
    sources: tuple[Slug, ...] = doc(_SOURCES + " (this row)", ["customs-data"], default=())


@record(kw_only=True)
class Table(Model):
    """A plain table of the report (figures, trade, casualties, a timeline), placed in a section."""

    id: Slug = doc(_ID, "t-trade")
    caption: Text = doc("the table's caption, printed above it", "Trade turnover, 2021-2024")
    header: tuple[Text, ...] = doc("the column headings", ["Year", "Turnover"], min_length=1)
    rows: tuple[TableRow, ...] = doc(
        "the rows, top to bottom", [{"cells": ["2024", "$245 bn"]}], min_length=1
    )
    after: Slug | None = doc(
        "id of the paragraph of this section the table follows (default: after the section's "
        "paragraphs)",
        "s2.p1",
        default=None,
    )
    note: Text | None = doc("printed under the table", "Customs data.", default=None)
    sources: tuple[Slug, ...] = doc(_SOURCES + " (the whole table)", ["customs-data"], default=())

    def check(self) -> None:
        columns = len(self.header)
        for index, row in enumerate(self.rows):
            if len(row.cells) != columns:
                raise ValueError(
                    f"row {index + 1} has {len(row.cells)} cell(s) but the header has "
                    f"{columns} column(s)"
                )


@record(kw_only=True)
class Section(Model):
    """A section of the report: paragraphs, plain tables and subsections, in that order."""

    id: Slug = doc(_ID, "s3")
    title: Text = doc("the section heading as the report prints it", "Joint statements")
    paragraphs: tuple[Paragraph, ...] = doc(
        "the section's own paragraphs",
        [{"id": "s2.p1", "text": "The parties agreed ...", "sources": ["kremlin-reports"]}],
        default=(),
    )
    tables: tuple[Table, ...] = doc(
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
    sections: tuple[Section, ...] = doc(
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

    def check(self) -> None:
        if not (self.paragraphs or self.tables or self.sections):
            raise ValueError("a section needs at least one paragraph, table or subsection")


@record(kw_only=True)
class Figure(Model):
    """A number the report gives, with what it measures.

    ``value`` and the optional ``target``/``target_high`` are numeric so the UI can draw them;
    ``text`` is how the report writes the figure, shown next to the drawing.
    """

    label: Text = doc("what the figure is", "Gas supply")
    text: Text = doc("the figure as the report writes it", "up to 50 billion m³ a year")
    value: Number = doc("the figure as a number, for drawing", 50)
    unit: Text = doc("the unit of value", "billion m³/yr")
    measures: Text = doc("what the number measures", "planned annual capacity")
    target: Number | None = doc("a target the figure is measured against", 80, default=None)
    target_high: TargetHigh | None = doc(
        "the top of a target range (needs target)", 85, default=None
    )


@record(kw_only=True)
class Agreement(Model):
    """One agreement of the typed agreements table."""

    id: Slug = doc(_ID, "power-of-siberia-2")
    area: Slug = doc("id of the area (areas in agreements.toml) it belongs to", "power")
    title: Text = doc("a short title", "Power of Siberia-2")
    text: Text = doc("the table item, word for word", "Negotiations on the pipeline resumed")
    status: Status = doc("how firm the agreement is", "negotiation")
    figures: tuple[Figure, ...] = doc(
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
    sources: tuple[Slug, ...] = doc(_SOURCES, ["leading-media"], min_length=1)
    attributions: tuple[Attribution, ...] = doc(
        "who the item quotes or cites",
        [{"speaker": "Wang Yi", "quote": "green development", "source": "foreign-ministries"}],
        default=(),
    )
    gap: Text | None = doc(
        "words lost from the original text", "The sentence is a fragment.", default=None
    )


@record(kw_only=True)
class Area(Model):
    """A row group of the agreements table."""

    id: Slug = doc(_ID, "power")
    title: Text = doc("the area as the table prints it", "Power engineering")


@record(kw_only=True)
class Source(Model):
    """A source the report cites."""

    id: Slug = doc(_ID, "kremlin-reports")
    title: Text = doc("the source as the report's list names it", "Kremlin reports on the visit")
    kind: SourceKind = doc("what kind of publisher it is ('other' needs kind_label)", "official")
    kind_label: Text | None = doc(
        "the kind in words, for kind = 'other'", "parliamentary record", default=None
    )
    outlets: tuple[Text, ...] = doc("outlets or people the source groups", ["TASS"], default=())
    publisher: Text | None = doc("who published it", "Presidential Executive Office", default=None)
    url: Url | None = doc(
        "where to read it (shown and copyable, never opened)",
        "https://www.example.org/a",
        default=None,
    )
    published: Day | None = doc("when it was published (YYYY-MM-DD)", "2025-05-08", default=None)
    accessed: Day | None = doc("when the analyst read it (YYYY-MM-DD)", "2025-05-12", default=None)
    in_report_list: Flag = doc(
        "true if the report's own source list names it; false if only the text cites it",
        True,
        default=True,
    )
    note: Text | None = doc("an editorial note on the source", "Paywalled.", default=None)

    def check(self) -> None:
        if self.kind == SourceKind.OTHER and self.kind_label is None:
            raise ValueError("kind = 'other' needs kind_label: say in words what kind of source")


@record(kw_only=True)
class KeyFigure(Figure):
    """A headline figure on the overview, tied to the paragraph or agreement it comes from."""

    id: Slug = doc(_ID, "fig-trade")
    ref: Slug = doc("id of the paragraph, table or agreement the figure comes from", "s2.p1")


@record(kw_only=True)
class TimelineEvent(Model):
    """A dated event of the overview's timeline (any date: follow-ups and background too)."""

    date: Day = doc("the day it happened (YYYY-MM-DD)", "2025-05-08")
    end: EventEnd | None = doc(
        "the last day, for events of several days", "2025-05-10", default=None
    )
    title: Text = doc("a short title", "Talks in the Kremlin")
    text: Text = doc("what happened", "Xi Jinping and Vladimir Putin held talks.")
    refs: tuple[Slug, ...] = doc(
        "ids of paragraphs, tables or agreements it rests on", ["s1.p2"], min_length=1
    )


@record(kw_only=True)
class Reaction(Model):
    """How an actor reacted, for the overview."""

    id: Slug = doc(_ID, "reaction-eu")
    actor: Text = doc("who reacted", "European Union")
    stance: Stance = doc("how, in one word ('other' needs stance_label)", "critical")
    stance_label: Text | None = doc(
        "the stance in words, for stance = 'other'", "ironic", default=None
    )
    summary: Text = doc("what they said or did", "Called the visit a show of unity.")
    ref: Slug = doc("id of the paragraph, table or agreement it rests on", "s4.p1")

    def check(self) -> None:
        if self.stance == Stance.OTHER and self.stance_label is None:
            raise ValueError("stance = 'other' needs stance_label: say the stance in words")
