"""Validator and parser errors in an author's words.

pydantic and tomli describe problems for programmers ("Tuple should have at least 1 item after
validation, not 0", "Invalid value"); an author needs to know what to write instead. Each error
type an author can meet is rewritten here once, with what was expected and the value seen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import typing
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only the loader's validation errors come here, with pydantic loaded
    from pydantic_core import ErrorDetails

#: How a date must be written, in every message that is about a date.
DATE_FORMAT = "a date written YYYY-MM-DD without quotes (for example 2025-05-07)"


def seen(value: Any) -> str:
    """A value as the author wrote it, short enough for one line."""
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, dict):
        shown = "a table"
    elif isinstance(value, list):
        shown = "an array"
    elif isinstance(value, dt.datetime):
        shown = f"{value.isoformat()} (a date and time)"
    elif isinstance(value, dt.date):
        shown = value.isoformat()
    else:
        shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _choices(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected)


def error_message(error: ErrorDetails, model: type[Any] | None = None) -> str:
    """One pydantic error as an author should read it; ``model`` is the file's model, used to
    suggest the field an unknown key was probably meant to be."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        # (the second is how a key that is no field of a dataclass item is reported)
        loc = tuple(error["loc"])
        known = _fields_at(model, loc[:-1]) if model is not None else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.7)
        if close:
            return f"unknown field; did you mean {close[0]!r}? (see `briefing schema`)"
        return "unknown field (check the spelling; see `briefing schema`)"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} item{'s' * (least != 1)}; the list is empty"
    if kind in (
        "date_type",
        "date_parsing",
        "date_from_datetime_inexact",
        "date_from_datetime_parsing",
    ):
        hint = "; remove the quotes" if isinstance(value, str) else ""
        return f"expected {DATE_FORMAT}; got {seen(value)}{hint}"
    if kind == "string_type":
        return f"expected text in quotes; got {seen(value)}"
    if kind == "bool_type":
        return f"expected true or false (without quotes); got {seen(value)}"
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing"):
        return f"expected a number (without quotes); got {seen(value)}"
    if kind in ("finite_number",):
        return f"expected a finite number; got {seen(value)}"
    if kind == "int_from_float":
        return f"expected a whole number; got {seen(value)}"
    if kind in ("tuple_type", "list_type"):
        return f"expected an array [ ... ]; got {seen(value)}"
    if kind in (
        "model_type",
        "dict_type",
        "model_attributes_type",
        "dataclass_type",
        "dataclass_args_type",
    ):
        return f"expected a table; got {seen(value)}"
    if kind == "enum":
        allowed = _choices(str(ctx.get("expected", "")))
        message = f"{seen(value)} is not one of {', '.join(allowed)}"
        if isinstance(value, str):
            close = difflib.get_close_matches(value.lower(), allowed, n=1, cutoff=0.6)
            if close and close[0] != value:
                message += f"; did you mean {close[0]!r}?"
        return message
    return error["msg"].removeprefix("Value error, ")


def _fields_at(model: type[Any], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found by following ``loc`` from ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue  # an element of a tuple: the same item model
        hints = typing.get_type_hints(current) if dataclasses.is_dataclass(current) else {}
        if part not in hints:
            return []
        current = _item_model(hints[part])
        if current is None:
            return []
    return (
        [f.name for f in dataclasses.fields(current)] if dataclasses.is_dataclass(current) else []
    )


def _item_model(annotation: Any) -> type[Any] | None:
    """The model inside ``X``, ``X | None`` or ``tuple[X, ...]``."""
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _item_model(arg)
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------------------------
# TOML syntax errors
# --------------------------------------------------------------------------------------------

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_BAD_DATE = re.compile(r"(?<![\w.:-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w:-])")


def syntax_problem(message: str, text: str) -> tuple[str, int | None, int | None]:
    """``(message, line, column)`` for a tomli error on ``text``, at the line to fix.

    tomli reports an unclosed bracket where it gave up, often lines later; the author needs
    the bracket that was never closed. A date with one-digit month or day is a syntax error to
    TOML ("Invalid value"); an author needs to hear it is a date format problem.
    """
    match = _AT.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
    elif "end of document" in message:
        line, column = max(1, len(text.splitlines())), None
    else:
        line = column = None
    plain = _AT.sub("", message).replace("(at end of document)", "").strip()
    if plain.startswith(("Unclosed array", "Unclosed inline table")) or (
        "end of document" in message
    ):
        opened = _unclosed_bracket(text)
        if opened is not None:
            bracket, opened_line, opened_column = opened
            close = "]" if bracket == "[" else "}"
            return (
                f"TOML syntax error: {bracket!r} opened here is never closed; add {close!r}",
                opened_line,
                opened_column,
            )
    if line is not None:
        source_line = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
        for found in _BAD_DATE.finditer(source_line):
            year, month, day = found.groups()
            if len(month) == 2 and len(day) == 2:
                continue
            fixed = f"{year}-{int(month):02d}-{int(day):02d}"
            return (
                f"TOML syntax error: dates are written YYYY-MM-DD with two-digit month and day: "
                f"write {fixed}, not {found.group()}",
                line,
                found.start() + 1,
            )
    if line is not None and column is not None:
        explained = _explain(
            plain,
            text.splitlines()[line - 1][column - 1 :] if line <= len(text.splitlines()) else "",
        )
        if explained:
            return f"TOML syntax error: {explained}", line, column
    return f"TOML syntax error: {plain}", line, column


def _explain(plain: str, rest: str) -> str | None:
    """tomli's terse messages for the mistakes authors make most, in their words."""
    if plain == "Illegal character '\\n'":
        return (
            "text in quotes is not closed on this line "
            '(text over several lines is written between """ and """)'
        )
    if plain == "Invalid date or datetime":
        token = rest.split()[0] if rest.split() else rest
        return f"{token} is not a calendar date (dates are written YYYY-MM-DD)"
    if plain == "Invalid value" and rest[:1].isalpha():
        word = rest.split()[0]
        if word not in ("true", "false", "inf", "nan"):
            return (
                f"{word} is not a value: put text in quotes, or write a number, a date, "
                "true or false, or an array"
            )
    return None


def _unclosed_bracket(text: str) -> tuple[str, int, int] | None:
    """The innermost bracket still open at the end of ``text``, with its line and column."""
    stack: list[tuple[str, int, int]] = []
    quote = ""
    line, column = 1, 0
    i = 0
    at_line_start = True
    while i < len(text):
        char = text[i]
        column += 1
        if char == "\n":
            line, column = line + 1, 0
            at_line_start = True
            if quote in ('"', "'"):
                quote = ""
            i += 1
            continue
        if quote:
            if char == "\\" and quote[0] == '"':
                i += 2
                column += 1
                continue
            if text.startswith(quote, i):
                i += len(quote)
                column += len(quote) - 1
                quote = ""
                continue
        elif char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, i) else char
            i += len(quote)
            column += len(quote) - 1
            at_line_start = False
            continue
        elif char == "[" and at_line_start and not stack:
            # a table header [x] / [[x]]: skip to the end of the line
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif char in "[{":
            stack.append((char, line, column))
        elif char in "]}" and stack:
            stack.pop()
        if not char.isspace():
            at_line_start = False
        i += 1
    return stack[-1] if stack else None
