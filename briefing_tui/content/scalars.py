"""The values content is made of: texts, ids, tags, dates, numbers, and the closed word lists.

Each type carries its own rule and says it in an author's words, so that every field built from
it is checked the same way and fails with the same message wherever it appears.

Nothing here imports pydantic: importing it costs ~160 ms, more than the rest of start-up before
the first frame, and a briefing read from a validated snapshot needs no checking. The rules are
plain functions attached to the types as :class:`Rule` markers; pydantic finds the markers when
it validates (``validation`` turns each into its check), and nothing else ever looks at them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from briefing_tui.content.record import record
from briefing_tui.content.text import unsafe_character

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


@record
class Rule:
    """A check (or a tightening of the type's own) that pydantic applies to a value.

    ``check`` gets the value (and, with ``needs_fields``, the fields of the same item validated
    before it, by name) and returns it or raises ValueError with the author's message;
    ``constraints`` are pydantic-core schema settings (``strict``, ``allow_inf_nan``).
    """

    check: Callable[..., Any] | None = None
    needs_fields: bool = False
    constraints: tuple[tuple[str, Any], ...] = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from briefing_tui.content.validation import rule_schema

        return rule_schema(self, source, handler)


#: Strict: no "true" string for a bool, no integer read as a Unix timestamp for a date.
STRICT = Rule(constraints=(("strict", True),))


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
Text = Annotated[str, Rule(_safe_text)]

#: A table cell: like Text, but may be empty (a blank cell is real data in a table of figures).
Cell = Annotated[str, Rule(_safe_characters)]

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
SLUG_RULE = (
    "an id is lowercase Latin letters and digits, in words joined by '-' or '.' "
    "(for example 's2.p3' or 'power-of-siberia'), at most 80 characters"
)


def _slug(value: str) -> str:
    if not SLUG_PATTERN.fullmatch(value) or len(value) > 80:
        raise ValueError(f"{SLUG_RULE}; got {value!r}")
    return value


#: Ids are lowercase slugs; dots are allowed so that paragraph ids read like ``s2.p3``. Ids stay
#: Latin because they are typed on the command line (``--goto``) and in queries.
Slug = Annotated[str, Rule(_slug)]

_TAG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
TAG_RULE = (
    "a tag is one lowercase word, or words joined by '-', in any script "
    "(for example 'energy', 'энергетика' or 'north-korea')"
)


def _tag(value: str) -> str:
    if not _TAG.fullmatch(value) or value != value.lower() or len(value) > 60:
        raise ValueError(f"{TAG_RULE}; got {value!r}")
    return value


Tag = Annotated[str, Rule(_tag)]

_LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*")


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise ValueError(f"a language is a BCP 47 tag such as 'en', 'ru' or 'en-GB'; got {value!r}")
    return value


Language = Annotated[str, Rule(_language)]


def _url(value: str) -> str:
    _safe_characters(value)
    if not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", value):
        raise ValueError(
            f"a url starts with http:// or https:// and holds no spaces "
            f"(for example 'https://www.example.org/report'); got {value!r}"
        )
    return value


Url = Annotated[str, Rule(_url)]

#: A calendar day, written as a TOML date (2025-05-07): strict, so that an integer is not read as a
#: Unix timestamp and a date-time is not silently cut to its day.
Day = Annotated[dt.date, STRICT]

#: A number the UI can draw: strictly numeric (no strings like "10"), and finite (no inf/nan).
Number = Annotated[float, Rule(constraints=(("strict", True), ("allow_inf_nan", False)))]

#: true or false, never a string or a number.
Flag = Annotated[bool, STRICT]


#: Field settings pydantic reads from a dataclass field's metadata when it validates.
_FIELD_SETTINGS = frozenset({"min_length", "validate_default"})


def doc(description: str, example: Any, **kwargs: Any) -> Any:
    """A documented field: ``briefing schema`` shows every field's description and example.

    ``default`` is the field's default; ``min_length`` and ``validate_default`` are kept in the
    field's metadata, where pydantic reads them (and plain construction ignores them).
    """
    metadata = {"description": description, "examples": [example]}
    metadata |= {key: kwargs.pop(key) for key in _FIELD_SETTINGS & kwargs.keys()}
    return dataclasses.field(metadata=metadata, **kwargs)


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


@record(kw_only=True)
class Model:
    """The base of every content item: a standard-library dataclass, frozen so that the UI and
    search share items without copying, keyword-only so that the briefing can combine the five
    files' fields whatever their defaults.

    Validation (``validation``) reads ``extra="forbid"`` from ``__pydantic_config__``, so a
    misspelt key is an error instead of silently lost data, and runs :meth:`check` on every
    item it builds. Building an item directly (``from_plain``, tests) checks nothing: that is
    for data that was validated before.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def check(self) -> None:
        """Raise ValueError when the item's fields disagree with each other (an item's own
        rule); run by validation once every field is valid. Nothing to check by default."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from briefing_tui.content.validation import model_schema

        return model_schema(cls, source, handler)
