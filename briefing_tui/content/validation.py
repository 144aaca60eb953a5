"""Plain data -> checked content items, through pydantic: the only module that imports it.

The items are standard-library dataclasses (``items``, ``model``) so that a briefing read from a
validated snapshot is built without pydantic, whose import costs more than the rest of start-up.
When content does need checking, pydantic validates straight into those same dataclasses: it
reads each field's type, the :class:`~briefing_tui.content.scalars.Rule` markers on it and the
documentation in its metadata, and the two hooks below turn the markers and each item's own
:meth:`~briefing_tui.content.scalars.Model.check` into pydantic-core validators.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from pydantic import GetCoreSchemaHandler, TypeAdapter, ValidationError, ValidationInfo
from pydantic_core import CoreSchema, core_schema

from briefing_tui.content.scalars import Model, Rule

__all__ = ["ValidationError", "dump_json", "json_schema", "validate", "validate_json"]

T = TypeVar("T", bound=Model)


def rule_schema(rule: Rule, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """The value's own schema, tightened by ``rule.constraints``, then ``rule.check``."""
    schema = handler(source)
    if rule.constraints:
        schema = {**schema, **dict(rule.constraints)}  # type: ignore[typeddict-item]
    check = rule.check
    if check is None:
        return schema
    if rule.needs_fields:

        def with_fields(value: Any, info: ValidationInfo) -> Any:
            return check(value, info.data)

        return core_schema.with_info_after_validator_function(with_fields, schema)
    return core_schema.no_info_after_validator_function(check, schema)


def model_schema(cls: type[Model], source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """The dataclass's schema, followed by the item's own :meth:`Model.check`.

    The check wraps the dataclass schema and takes over its reference, as pydantic does for its
    own model validators: a section inside a section refers to the checked schema, not the bare
    one (else subsections would go unchecked).
    """
    schema = handler(source)
    if cls.check is Model.check:
        return schema

    def checked(item: Model) -> Model:
        item.check()
        return item

    ref = schema.pop("ref", None)  # type: ignore[misc]
    return core_schema.no_info_after_validator_function(checked, schema, ref=ref)


@functools.cache
def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    return TypeAdapter(cls)


def validate(cls: type[T], data: Any) -> T:
    """Parsed TOML as a checked ``cls``; raises pydantic's ValidationError.

    Strict as TOML is typed: a date must be a date, so data read from JSON (dates as text) goes
    through :func:`validate_json` instead.
    """
    return _adapter(cls).validate_python(data)  # type: ignore[no-any-return]


def validate_json(cls: type[T], text: str | bytes) -> T:
    """A JSON document (``briefing export --format json``) as a checked ``cls``."""
    return _adapter(cls).validate_json(text)  # type: ignore[no-any-return]


def dump_json(cls: type[T], item: T) -> bytes:
    """``item`` as the JSON of its plain data (``snapshot.to_plain``), written by
    pydantic-core: a store's build writes every briefing this way, at a sixth of the cost of
    ``json`` over ``to_plain`` (tests/unit/test_store_documents.py checks they agree)."""
    return _adapter(cls).dump_json(item)


def json_schema(cls: type[Model]) -> dict[str, Any]:
    """The JSON Schema of ``cls`` as authors' editors and ``briefing schema`` show it."""
    return _adapter(cls).json_schema()
