"""Dataclasses that cost less to define, for the ones every start defines.

Python 3.11 compiles each method a dataclass generates with its own ``exec``. A frozen
dataclass with the defaults gets six (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``), about 0.55 ms of CPU per class here; the browser defines
some fifty before its first frame. :func:`record` lets the standard decorator compile only
``__init__``. Every class gets the same three comparison and display methods, which read the
field names from a table made once per class, and a frozen class gets its two guards as
closures over its fields (the guards were half of what remained: 0.2 ms a class). Semantics
are the standard ones (compare fields, ``repr=False`` fields, exact class for equality,
unhashable when mutable), so :func:`dataclasses.fields`,
:func:`dataclasses.replace`, ``asdict`` and pydantic's validation into dataclasses see a
plain dataclass.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_KEY = "__record_key__"
_HASHED = "__record_hashed__"
_SHOWN = "__record_shown__"


def _no_fields(_: object) -> tuple[()]:
    return ()


def _record_eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = getattr(self.__class__, _KEY)
    return bool(key(self) == key(other))


def _record_hash(self: Any) -> int:
    return hash(getattr(self.__class__, _HASHED)(self))


def _record_repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in getattr(self.__class__, _SHOWN))
    return f"{self.__class__.__qualname__}({shown})"


def _key_of(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """The tuple of those fields, as the standard methods build it (hashes agree too)."""
    if len(names) > 1:
        return attrgetter(*names)
    if not names:
        return _no_fields
    one = attrgetter(names[0])
    return lambda item: (one(item),)


def _frozen_guards(
    cls: type, fields: Iterable[dataclasses.Field[Any]], _globals: object
) -> tuple[Callable[..., None], Callable[..., None]]:
    """The standard frozen ``__setattr__`` and ``__delattr__``, made without ``exec``: the same
    test (the class itself, or one of its fields) and the same errors."""
    names = frozenset(f.name for f in fields)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


#: Python 3.11 and 3.12 build the guards in ``dataclasses._frozen_get_del_attr(cls, fields,
#: globals)``; 3.13 compiles all methods in one ``exec`` with another signature, so there the
#: standard decorator does it all.
_SHARE_GUARDS = sys.version_info < (3, 13) and hasattr(dataclasses, "_frozen_get_del_attr")
_guard_lock = threading.Lock()


@contextmanager
def _guards_without_exec() -> Iterator[None]:
    """The standard decorator, building frozen guards with :func:`_frozen_guards`.

    The swap lasts one class definition, under a lock. A dataclass another thread defines
    meanwhile gets guards that behave the same.
    """
    if not _SHARE_GUARDS:
        yield
        return
    with _guard_lock:
        standard = dataclasses._frozen_get_del_attr  # type: ignore[attr-defined]
        dataclasses._frozen_get_del_attr = _frozen_guards  # type: ignore[attr-defined]
        try:
            yield
        finally:
            dataclasses._frozen_get_del_attr = standard  # type: ignore[attr-defined]


def _finish(cls: type[T], *, eq: bool, frozen: bool) -> type[T]:
    own = cls.__dict__
    all_fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    setattr(cls, _SHOWN, tuple(f.name for f in all_fields if f.repr))
    if "__repr__" not in own:
        cls.__repr__ = _record_repr  # type: ignore[assignment]
    if not eq:
        return cls
    compared = tuple(f.name for f in all_fields if f.compare)
    setattr(cls, _KEY, _key_of(compared))
    if "__eq__" not in own:
        cls.__eq__ = _record_eq  # type: ignore[assignment,method-assign]
    # As the standard decorator: a __hash__ the class wrote stays; the None Python puts
    # beside a written __eq__ does not count as written.
    written_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    if written_hash:
        return cls
    if frozen:
        hashed = tuple(f.name for f in all_fields if (f.compare if f.hash is None else f.hash))
        setattr(cls, _HASHED, _key_of(hashed))
        cls.__hash__ = _record_hash  # type: ignore[assignment,method-assign]
    else:
        cls.__hash__ = None  # type: ignore[assignment]
    return cls


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(
    *, frozen: bool = ..., eq: bool = ..., slots: bool = ..., kw_only: bool = ...
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = True,
    eq: bool = True,
    slots: bool = False,
    kw_only: bool = False,
) -> type[T] | Callable[[type[T]], type[T]]:
    """A dataclass, frozen unless told otherwise, whose shared methods are not compiled anew.

    Only for classes without ``order`` or ``unsafe_hash``: those still use ``dataclass``.
    """

    def wrap(target: type[T]) -> type[T]:
        with _guards_without_exec():
            made = dataclasses.dataclass(
                target, frozen=frozen, eq=False, repr=False, slots=slots, kw_only=kw_only
            )
        return _finish(made, eq=eq, frozen=frozen)

    return wrap if cls is None else wrap(cls)
