"""The values content is made of: texts, ids, tags, dates, numbers, and the closed word lists.

Each type carries its own rule and says it in an author's words, so that every field built from
it is checked the same way and fails with the same message wherever it appears.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, AllowInfNan, BaseModel, ConfigDict, Field

from briefing_tui.content.text import unsafe_character


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


def doc(description: str, example: Any, **kwargs: Any) -> Any:
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


class Model(BaseModel):
    """Frozen, so the UI and search share models without copying; ``extra="forbid"``, so a
    misspelt key is an error instead of silently lost data."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)
