"""``record`` must behave as the standard ``dataclass`` it replaces, method for method."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.content.record import record


def _pair(**options: Any) -> tuple[type, type]:
    """The same class body made by ``dataclass`` and by ``record``."""
    frozen = options.pop("frozen", True)

    def body() -> dict[str, Any]:
        return {
            "__annotations__": {"a": "int", "b": "str", "hidden": "int", "tail": "tuple[int, ...]"},
            "b": "",
            "hidden": field(default=0, repr=False, compare=False),
            "tail": (),
        }

    standard = dataclass(frozen=frozen, **options)(type("Thing", (), body()))
    ours = record(frozen=frozen, **options)(type("Thing", (), body()))
    return standard, ours


OPTIONS = [
    {},
    {"slots": True},
    {"kw_only": True},
    {"frozen": False},
    {"frozen": False, "slots": True},
]

values = st.tuples(
    st.integers(-3, 3), st.sampled_from(["", "x", "ж"]), st.integers(0, 2), st.just((1, 2))
)


@pytest.mark.parametrize("options", OPTIONS, ids=repr)
@given(left=values, right=values)
def test_equality_hash_and_repr_are_the_standard_ones(
    options: dict[str, Any], left: tuple[Any, ...], right: tuple[Any, ...]
) -> None:
    standard, ours = _pair(**options)

    def make(cls: type, v: tuple[Any, ...]) -> Any:
        return cls(a=v[0], b=v[1], hidden=v[2], tail=v[3])

    s1, s2, o1, o2 = (
        make(standard, left),
        make(standard, right),
        make(ours, left),
        make(ours, right),
    )
    assert (o1 == o2) is (s1 == s2)
    assert (o1 != o2) is (s1 != s2)
    assert repr(o1) == repr(s1)
    assert [f.name for f in dataclasses.fields(ours)] == [
        f.name for f in dataclasses.fields(standard)
    ]
    if options.get("frozen", True):
        assert hash(o1) == hash(s1)
        if s1 == s2:
            assert hash(o1) == hash(o2)
    else:
        with pytest.raises(TypeError):
            hash(o1)


@pytest.mark.parametrize("options", OPTIONS, ids=repr)
def test_frozen_replace_asdict_and_copy_work_as_for_a_dataclass(options: dict[str, Any]) -> None:
    _, ours = _pair(**options)
    thing = ours(a=1, b="x", hidden=5)
    if options.get("frozen", True):
        with pytest.raises(dataclasses.FrozenInstanceError):
            thing.a = 2
    else:
        thing.a = 2
        assert thing.a == 2
    changed = dataclasses.replace(thing, b="y")
    assert changed.b == "y" and changed.hidden == 5
    assert dataclasses.asdict(changed)["b"] == "y"
    assert copy.deepcopy(changed) == changed == copy.copy(changed)


def test_another_class_is_never_equal_even_with_the_same_fields() -> None:
    @record
    class One:
        a: int

    @record
    class Other:
        a: int

    @record
    class Child(One):
        pass

    assert One(1) == One(1)
    assert One(1) != Other(1)
    assert One(1) != Child(1)
    assert One(1) != (1,)
    assert {One(1), One(1), Other(1)} == {One(1), Other(1)}


def test_methods_a_class_writes_itself_are_kept() -> None:
    @record
    class Loose:
        a: int
        b: int

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Loose) and other.a == self.a

        def __hash__(self) -> int:
            return hash(self.a)

        def __repr__(self) -> str:
            return "loose"

    @record
    class EqOnly:
        a: int

        def __eq__(self, other: object) -> bool:
            return True

    assert Loose(1, 2) == Loose(1, 3)
    assert hash(Loose(1, 2)) == hash(Loose(1, 3))
    assert repr(Loose(1, 2)) == "loose"
    # As with dataclass(frozen=True): a written __eq__ alone still gets the fields' hash.
    assert hash(EqOnly(1)) == hash(
        dataclass(frozen=True)(type("E", (), {"__annotations__": {"a": "int"}}))(1)
    )


def test_hash_false_fields_are_compared_but_not_hashed() -> None:
    @record
    class Tagged:
        a: int
        tag: str = field(default="", hash=False)

    @dataclass(frozen=True)
    class Standard:
        a: int
        tag: str = field(default="", hash=False)

    assert Tagged(1, "x") != Tagged(1, "y")
    assert hash(Tagged(1, "x")) == hash(Tagged(1, "y")) == hash(Standard(1, "x"))


def test_eq_false_keeps_identity() -> None:
    @record(frozen=False, eq=False)
    class Box:
        a: int

    one = Box(1)
    assert one != Box(1)
    assert one == one
    assert hash(one) == object.__hash__(one)


def _outcome(action: Any) -> str:
    """What an attempt did: the error's type and message, or "ok"."""
    try:
        action()
    except Exception as error:  # compared with the standard decorator's, whatever it is
        return f"{type(error).__name__}: {error}"
    return "ok"


@pytest.mark.parametrize("slots", [False, True], ids=["dict", "slots"])
@pytest.mark.parametrize("name", ["a", "hidden", "other"])
def test_frozen_guards_refuse_what_the_standard_ones_refuse(slots: bool, name: str) -> None:
    """The guards are closures, not compiled per class: same test, same errors, and a plain
    subclass may still set attributes that are not fields."""
    standard, ours = _pair(slots=slots)

    def attempts(cls: type) -> list[str]:
        sub = type("Sub", (cls,), {}) if not slots else None
        thing = cls(a=1, b="x")
        found = [
            _outcome(lambda: setattr(thing, name, 2)),
            _outcome(lambda: delattr(thing, name)),
        ]
        if sub is not None:
            child = sub(a=1, b="x")
            found += [
                _outcome(lambda: setattr(child, name, 2)),
                _outcome(lambda: delattr(child, name)),
                repr(getattr(child, name, None)),
            ]
        return found

    assert attempts(ours) == attempts(standard)
    if name != "other":  # a field: refused (Python 3.11's slots guard fails on other names)
        assert attempts(ours)[0] == f"FrozenInstanceError: cannot assign to field {name!r}"


def test_frozen_guards_are_not_compiled_per_class() -> None:
    _, ours = _pair()
    assert ours.__setattr__.__code__ is _pair()[1].__setattr__.__code__
    assert ours.__setattr__.__qualname__ == "Thing.__setattr__"
    assert dataclasses.fields(ours) and ours.__dataclass_params__.frozen
