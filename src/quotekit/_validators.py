"""Field validators for the model's attrs classes: attrs' checks, made in one call each.

Each is one plain function that tests what attrs' own validators test (``instance_of``, ``ge``,
``optional``, ``in_``) and, only when that test fails, calls them to raise their very errors.
A span is made with several validated fields, and attrs' validator objects cost about four
times as much per field (an ``instance_of`` and a ``ge`` in a list are three calls).
tests/test_model_fast_paths.py checks that each accepts and refuses what the attrs validators
do, with the same errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeAlias

import attrs
from attrs import validators as v

__all__ = ["instance_of", "member_of", "non_negative", "optional_int", "optional_of", "optional_str", "str_"]

Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_IS_INT: Final = v.instance_of(int)
_AT_LEAST_ZERO: Final = v.ge(0)
_IS_STR: Final = v.instance_of(str)
_IS_OPTIONAL_STR: Final = v.optional(_IS_STR)
_IS_OPTIONAL_INT: Final = v.optional(_IS_INT)


def non_negative(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    """``instance_of(int)`` and ``ge(0)``."""
    if not (isinstance(value, int) and value >= 0):
        _IS_INT(instance, attribute, value)
        _AT_LEAST_ZERO(instance, attribute, value)


def str_(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    """``instance_of(str)``."""
    if not isinstance(value, str):
        _IS_STR(instance, attribute, value)


def optional_str(instance: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """``optional(instance_of(str))``."""
    if value is not None and not isinstance(value, str):
        _IS_OPTIONAL_STR(instance, attribute, value)


def optional_int(instance: Any, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    """``optional(instance_of(int))``."""
    if value is not None and not isinstance(value, int):
        _IS_OPTIONAL_INT(instance, attribute, value)


def instance_of(kind: type) -> Validator:
    """``instance_of(kind)``."""
    attrs_validator: Validator = v.instance_of(kind)

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            attrs_validator(instance, attribute, value)

    return validate


def optional_of(kind: type) -> Validator:
    """``optional(instance_of(kind))``."""
    attrs_validator: Validator = v.optional(v.instance_of(kind))

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, kind):
            attrs_validator(instance, attribute, value)

    return validate


def member_of(options: tuple[str, ...]) -> Validator:
    """``in_(options)`` for hashable options."""
    members = frozenset(options)
    attrs_validator: Validator = v.in_(options)

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not (isinstance(value, str) and value in members):
            attrs_validator(instance, attribute, value)

    return validate
