"""The JSON Schema of the JSON contract, derived from the model's attrs classes.

:func:`json_schema` walks :class:`~quotekit.model.Document` and the classes its fields hold,
the way the one cattrs converter in :mod:`quotekit.serialize` writes them: attrs classes become
objects, tuples arrays, dates ISO strings, ``Literal`` types enumerations. ``docs/schema.json``
is this function's output (``python -m quotekit.schema > docs/schema.json``); a test checks that
the file is current and that real output validates against it.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from quotekit.model import SCHEMA_VERSION, Annotation, Document

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what :func:`quotekit.to_dict` returns."""
    definitions: dict[str, Any] = {}
    document = _object_schema(Document, definitions)
    document["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION, "description": "the version of this contract"},
        **document["properties"],
    }
    document["required"] = ["schema_version", *document["required"]]
    return {
        "$schema": _DIALECT,
        "$id": f"https://quotekit.invalid/schema/v{SCHEMA_VERSION}/document.json",
        "title": "quotekit Document",
        **document,
        "$defs": dict(sorted(definitions.items())),
    }


def _object_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if field.name.startswith("_") or not field.metadata.get("json", True):
            continue  # private, or kept out of the JSON (Document.syntax)
        properties[field.name] = _schema_of(hints[field.name], definitions)
        required.append(field.name)
    description = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _schema_of(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:  # noqa: PLR0911 - one type form each
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint is Any:
        return {}
    if hint is type(None):
        return {"type": "null"}
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    if origin is typing.Literal:
        return {"enum": list(arguments)}
    if origin in {typing.Union, types.UnionType}:
        return {"anyOf": [_schema_of(argument, definitions) for argument in arguments]}
    if origin is tuple:
        item = arguments[0] if arguments else Any
        return {"type": "array", "items": _schema_of(item, definitions)}
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        value = arguments[1] if len(arguments) == _KEY_AND_VALUE else Any
        return {"type": "object", "additionalProperties": _schema_of(value, definitions)}
    if attrs.has(hint):
        if hint.__name__ not in definitions:
            definitions[hint.__name__] = {}  # placed first: a class may hold itself
            definitions[hint.__name__] = (
                _annotation_schema(definitions) if hint is Annotation else _object_schema(hint, definitions)
            )
        return {"$ref": f"#/$defs/{hint.__name__}"}
    msg = f"no JSON Schema for the type {hint!r}: teach quotekit.schema how the converter writes it"
    raise TypeError(msg)


def _annotation_schema(definitions: dict[str, Any]) -> dict[str, Any]:
    schema = _object_schema(Annotation, definitions)
    # serialize writes data as plain JSON (objects, arrays, scalars), whatever its Python form
    schema["properties"]["data"] = {"type": "object"}
    return schema


_KEY_AND_VALUE = 2
_SCALARS: Mapping[Any, Mapping[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date"},
}


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))  # noqa: T201 - the command's output
