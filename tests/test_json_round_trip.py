"""Issue 19, item 8: every Document survives JSON, and nothing in it can be changed.

The failures: a Document holding a lone surrogate (bytes that were not UTF-8, read with
surrogateescape) gave JSON that could not be written as UTF-8; ``Annotation.data`` held
nested lists and dicts, so a Document did not hash and could be changed through its data.
"""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotekit
from quotekit import Annotation, Document
from quotekit.serialize import dumps, from_json, to_json

LONE = "Sie sagte: „gut\udc80“ und ging.\ud800 Ende."


def test_a_lone_surrogate_round_trips_through_utf8_json() -> None:
    doc = quotekit.extract(LONE)
    written = to_json(doc).encode("utf-8")  # raised UnicodeEncodeError before
    assert b"\\udc80" in written
    assert b"\\ud800" in written
    assert from_json(written.decode("utf-8")) == doc


@given(st.text(alphabet=st.characters(codec=None, categories=["Cs", "Ll", "Zs", "Po"]), max_size=40))
def test_property_any_text_round_trips(text: str) -> None:
    doc = Document.from_text(text)
    try:
        written = to_json(doc)
    except ValueError:
        # a high surrogate right before a low one: JSON cannot tell it from one character
        assert any(
            "\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff" for a, b in itertools.pairwise(text)
        )
        return
    written.encode("utf-8")
    assert from_json(written) == doc


def test_non_ascii_stays_as_it_is() -> None:
    assert dumps({"t": "„Grüße“ 😀"}) == '{"t": "„Grüße“ 😀"}'


def test_output_is_strict_json() -> None:
    with pytest.raises(ValueError, match="JSON"):
        dumps({"x": float("nan")})


def test_annotation_data_is_frozen_all_the_way_down() -> None:
    data = {"scores": [1, 2, {"deep": [3, {"deeper": []}]}], "meta": {"tags": ["a"]}}
    annotation = Annotation(start=0, end=1, text="x", label="l", data=data)
    assert annotation.data["scores"] == (1, 2, {"deep": (3, {"deeper": ()})})
    with pytest.raises(TypeError, match="read-only"):
        annotation.data["meta"]["tags"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        annotation.data["scores"].append(4)  # type: ignore[attr-defined]
    data["scores"].append(99)  # the caller's own dict stays theirs
    assert len(annotation.data["scores"]) == 3
    doc = Document.from_text("x").with_extension("test.layer", [annotation])
    assert isinstance(hash(doc), int)
    assert from_json(to_json(doc)) == doc
    assert json.loads(to_json(doc))["extensions"]["test.layer"][0]["data"] == {
        "scores": [1, 2, {"deep": [3, {"deeper": []}]}],
        "meta": {"tags": ["a"]},
    }
