"""The extractor contract, checked at the door on every call, as cheaply as it can be.

An extractor returns a new Document that keeps every layer it does not ``provides`` as it came
in, keeps the diagnostics it was given, and leaves its input alone. The checks here cost a
few identity comparisons per call: an untouched layer is the very same tuple object, so
``is`` answers; only a layer that is a different object is compared by value (an extractor may
rebuild an equal tuple) or, when the extractor provides it, has its spans checked against the
text again (``object.__setattr__`` can put a span into a frozen Document that construction
never saw).
"""

from __future__ import annotations

import operator
from collections.abc import Collection
from itertools import compress
from typing import Any, Final

import attrs

from quotekit.model import Document, SpanError

__all__ = ["FIELDS", "fields_of", "restore", "violations"]

#: Every field of a Document, in declaration order.
FIELDS: Final = tuple(field.name for field in attrs.fields(Document))
#: The layer name ``provides`` uses for each field (``published`` covers its source too).
_LAYER_OF: Final = {"published_source": "published"}
#: Reads every field in one call (in C): the door runs twice per extractor and document.
_ALL_FIELDS: Final = operator.attrgetter(*FIELDS)
_INDICES: Final = range(len(FIELDS))


def fields_of(doc: Document) -> tuple[Any, ...]:
    """The field values of ``doc`` as objects, for identity comparison after a call."""
    return _ALL_FIELDS(doc)


def restore(doc: Document, fields: tuple[Any, ...]) -> None:
    """Put back field values an extractor replaced in its input through ``object.__setattr__``."""
    for name, value in zip(FIELDS, fields, strict=True):
        if getattr(doc, name) is not value:
            object.__setattr__(doc, name, value)


def violations(  # noqa: PLR0912 - one pass over the fields, one branch per kind
    provides: Collection[str], before: tuple[Any, ...], doc: Document, result: Document
) -> list[str]:
    """What the call that turned ``doc`` (whose fields were ``before``) into ``result`` broke."""
    problems: list[str] = []
    now = _ALL_FIELDS(doc)
    if any(map(operator.is_not, now, before)):
        touched = [name for name, old, new in zip(FIELDS, before, now, strict=True) if new is not old]
        problems.append(f"changed its input document ({', '.join(touched)}); documents are immutable")
    changed: list[str] = []
    after = _ALL_FIELDS(result)
    # only the fields that are new objects are looked at: picked out in C
    for index in compress(_INDICES, map(operator.is_not, after, before)):
        name, old, new = FIELDS[index], before[index], after[index]
        if name == "diagnostics":
            if new[: len(old)] != old:
                problems.append("removed or changed the diagnostics it was given")
        elif name == "extensions":
            for layer in sorted(old.keys() | new.keys()):
                if old.get(layer) is not new.get(layer) and layer not in provides:
                    if old.get(layer) != new.get(layer):
                        problems.append(f"changed the layer {layer!r}, which it does not provide")
                elif layer in provides:
                    changed.append(layer)
        elif _LAYER_OF.get(name, name) in provides:
            changed.append(name)
        elif new != old:
            problems.append(f"changed the layer {_LAYER_OF.get(name, name)!r}, which it does not provide")
    if changed and not problems:
        try:
            result.validate(changed)
        except SpanError as error:
            problems.append(f"returned a span that does not fit the text: {error}")
    return problems
