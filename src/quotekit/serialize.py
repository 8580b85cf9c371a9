"""Documents to and from plain dicts and JSON, through one cattrs converter.

The model knows nothing of JSON; this module is the edge. ``to_dict`` output follows the JSON
contract documented in ``docs/json.md`` and carries ``schema_version``; ``from_dict`` refuses a
version it does not know. The round trip is exact: ``from_dict(to_dict(doc)) == doc``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from quotekit._regex import backtrack_free
from quotekit.model import SCHEMA_VERSION, Annotation, Document, SpanError

__all__ = ["dumps", "from_dict", "from_json", "to_dict", "to_json"]


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(dt.date, lambda value: value.isoformat())
    converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))

    def unstructure_annotation(annotation: Annotation) -> dict[str, Any]:
        return {
            "start": annotation.start,
            "end": annotation.end,
            "text": annotation.text,
            "label": annotation.label,
            "data": _plain(annotation.data),
        }

    converter.register_unstructure_hook(Annotation, unstructure_annotation)
    # a backend's parse is an analysis of the run, not part of the JSON contract (docs/backends.md)
    converter.register_unstructure_hook(
        Document,
        make_dict_unstructure_fn(Document, converter, syntax=override(omit=True)),
    )
    converter.register_structure_hook(
        Document, make_dict_structure_fn(Document, converter, syntax=override(omit=True))
    )
    return converter


def _plain(value: Any) -> Any:
    """JSON-ready copy of annotation data (read-only mappings and tuples become dicts and lists)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


_converter = _make_converter()


def to_dict(doc: Document) -> dict[str, Any]:
    """The document as JSON-ready builtins, ``schema_version`` first."""
    if not isinstance(doc, Document):
        msg = f"to_dict takes a quotekit.Document, got {type(doc).__name__}"
        raise TypeError(msg)
    return {"schema_version": SCHEMA_VERSION, **_converter.unstructure(doc)}


def from_dict(data: Mapping[str, Any]) -> Document:
    """The document that :func:`to_dict` produced ``data`` from."""
    if not isinstance(data, Mapping):
        msg = f"from_dict takes a mapping, got {type(data).__name__}"
        raise TypeError(msg)
    fields = dict(data)
    version = fields.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        msg = f"schema_version {version!r} is not one this quotekit reads (it reads {SCHEMA_VERSION})"
        raise ValueError(msg)
    try:
        return _converter.structure(fields, Document)
    except cattrs.BaseValidationError as error:
        span_error = _first_span_error(error)
        if span_error is not None:  # well-formed, but its spans do not fit its text: say which
            raise span_error from error
        details = "; ".join(cattrs.transform_error(error))
        msg = f"not a quotekit document: {details}"
        raise ValueError(msg) from error


def _first_span_error(error: BaseException) -> SpanError | None:
    if isinstance(error, SpanError):
        return error
    for inner in getattr(error, "exceptions", ()):
        found = _first_span_error(inner)
        if found is not None:
            return found
    return None


def to_json(doc: Document, *, indent: int | None = None) -> str:
    """The document as strict JSON that can be written as UTF-8 (see :func:`dumps`)."""
    return dumps(to_dict(doc), indent=indent)


#: A surrogate code point: Python ``str`` holds one (bytes decoded with ``surrogateescape``,
#: broken UTF-16), UTF-8 cannot encode it.
_SURROGATE = backtrack_free(r"[\ud800-\udfff]")
#: A high surrogate followed by a low one: in JSON ``\ud83d\ude00`` is one character (😀).
_SURROGATE_PAIR = backtrack_free(r"[\ud800-\udbff][\udc00-\udfff]")


def dumps(data: Any, *, indent: int | None = None) -> str:
    r"""``data`` as strict JSON text that is always writable as UTF-8.

    Non-ASCII characters are written as they are; a lone surrogate, which UTF-8 cannot encode,
    is written as its ``\uXXXX`` escape, which every JSON parser reads back as that code
    point, so the round trip is exact. ``NaN`` and infinities raise ``ValueError`` (JSON has
    no such numbers). A high surrogate directly followed by a low one raises ``ValueError``
    too: JSON reads that escaped pair as one character, so no JSON text gives it back.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    if _SURROGATE.search(text) is None:
        return text
    pair = _SURROGATE_PAIR.search(text)
    if pair is not None:
        msg = (
            f"the data holds the surrogate pair {pair.group()!r} as two code points; "
            "JSON would read it back as one character"
        )
        raise ValueError(msg)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def from_json(text: str | bytes) -> Document:
    """The document a :func:`to_json` string describes."""
    return from_dict(json.loads(text))
