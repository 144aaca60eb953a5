"""A validated briefing as plain data and back, without pydantic.

The library store keeps each briefing as the plain data :func:`to_plain` gives (dicts, lists,
strings, numbers, booleans and None: JSON as it is, or marshal) and rebuilds it with
:func:`from_plain` before the first frame. Importing pydantic costs ~160 ms, more than drawing
the first frame; rebuilding needs none of it, because the data was validated when it was
stored: :func:`from_plain` checks nothing and trusts what it is given.

The plain form is the JSON export's (``briefing export --format json`` writes ``to_plain`` of
each briefing): fields in the model's order, dates as ``YYYY-MM-DD``, word lists as their words,
tuples as lists. Both directions follow the dataclasses' own field types, so a field added to
the model needs nothing here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import inspect
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from briefing_tui.content.model import Briefing

__all__ = ["from_plain", "to_plain"]

#: Converts one field's value; None where the value is kept as it is (text, numbers, flags).
_Convert = Callable[[Any], Any] | None


def to_plain(briefing: Briefing) -> dict[str, Any]:
    """``briefing`` as JSON-compatible plain data, in the JSON export's shape."""
    return _to_plain_item(Briefing, briefing)


def from_plain(data: Mapping[str, Any]) -> Briefing:
    """The briefing :func:`to_plain` gave ``data`` for, rebuilt without checking anything.

    Only for data that was validated before: data in another shape raises KeyError, TypeError
    or ValueError, or builds a wrong briefing.
    """
    return _from_plain_item(Briefing, data)


# --------------------------------------------------------------------------------------------
# One conversion per field, worked out once per class from its type hints
# --------------------------------------------------------------------------------------------


def _to_plain_item(cls: type[Any], item: Any) -> dict[str, Any]:
    return {
        name: value if convert is None or value is None else convert(value)
        for name, convert in _fields(cls, outward=True)
        for value in (getattr(item, name),)
    }


def _from_plain_item(cls: type[Any], data: Mapping[str, Any]) -> Any:
    values = {
        name: value if convert is None or value is None else convert(value)
        for name, convert in _fields(cls, outward=False)
        for value in (data[name],)
    }
    # The items are frozen dataclasses without __post_init__: setting the fields is all their
    # __init__ would do, at a third of its cost (this runs for every item of every briefing).
    item = object.__new__(cls)
    item.__dict__.update(values)
    return item


@functools.cache
def _fields(cls: type[Any], outward: bool) -> tuple[tuple[str, _Convert], ...]:
    hints = _hints(cls)
    return tuple(
        (field.name, _converter(hints[field.name], outward)) for field in dataclasses.fields(cls)
    )


@functools.cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    """``cls``'s field types, as :func:`typing.get_type_hints` gives them with extras kept.

    Every start rebuilds the first briefing with these, and ``get_type_hints`` compiled each
    annotation on its own (105 for a briefing's classes: a third of opening the store in
    cProfile). One expression per class in the hierarchy evaluates the same names in the same
    namespaces.
    """
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        own = inspect.get_annotations(base)
        if not own:
            continue
        source = (
            "("
            + "".join(f"({a}),\n" if isinstance(a, str) else "None,\n" for a in own.values())
            + ")"
        )
        # get_type_hints' order: the module's names first, then the class's.
        values = eval(source, dict(vars(base)), vars(sys.modules[base.__module__]))
        for (name, written), value in zip(own.items(), values, strict=True):
            hints[name] = written if not isinstance(written, str) else value
    return hints


def _converter(hint: Any, outward: bool) -> _Convert:
    """How one value of type ``hint`` is converted; None values never reach the converter."""
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:  # the rules are validation's: the value is the inner type's
        return _converter(typing.get_args(hint)[0], outward)
    if origin in (types.UnionType, typing.Union):  # X | None: None is kept, X converted
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(inner, outward)
    if origin is tuple:  # tuple[X, ...]
        item = _converter(typing.get_args(hint)[0], outward)
        if item is None:
            return list if outward else tuple
        if outward:
            return lambda values: [item(v) for v in values]
        return lambda values: tuple([item(v) for v in values])
    if dataclasses.is_dataclass(hint):
        if outward:
            return functools.partial(_to_plain_item, hint)
        return functools.partial(_from_plain_item, hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return (lambda word: word.value) if outward else hint
    if hint is dt.date:
        return dt.date.isoformat if outward else dt.date.fromisoformat
    if hint is float:
        return None if outward else float  # JSON writes 50.0 as 50.0, but a hand-made 50 is int
    if hint in (str, int, bool):
        return None
    raise TypeError(f"no plain form for {hint!r}")
