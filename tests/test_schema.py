"""The JSON Schema in docs/schema.json: current with the model, and real output validates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotekit
from quotekit.schema import json_schema

jsonschema = pytest.importorskip(
    "jsonschema", reason="jsonschema is in the test extra: pip install '.[test]'"
)
ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "docs" / "schema.json"


def test_the_schema_file_is_what_the_model_gives() -> None:
    written = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert written == json_schema(), "docs/schema.json is stale: python -m quotekit.schema > docs/schema.json"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("name", ["article-de.txt", "article-en.txt"])
def test_real_output_validates(name: str) -> None:
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    data = json.loads(quotekit.to_json(quotekit.extract(text, published="2025-03-14")))
    jsonschema.Draft202012Validator(json_schema()).validate(data)


def test_output_with_every_layer_validates() -> None:
    text = (
        "Lesen Sie auch: Alles zum Thema\n\n"
        "„Wir sind bereit“, sagte Rutte am Freitag. Er betonte, man werde helfen.\n\n"
        "The vote is on. pic.twitter.com/abc123\n— Jane Doe (@janedoe) March 14, 2025\n"
    )
    doc = quotekit.extract(text, published="2025-03-14")
    doc = doc.with_extension(
        "test.note", [quotekit.Annotation(start=0, end=5, text="Lesen", label="x", data={"a": [1]})]
    )
    assert doc.quotes
    assert doc.posts
    assert doc.boilerplate
    jsonschema.Draft202012Validator(json_schema()).validate(quotekit.to_dict(doc))


def test_a_broken_document_does_not_validate() -> None:
    data = quotekit.to_dict(quotekit.extract("„Wir sind bereit“, sagte Rutte."))
    data["quotes"][0]["kind"] = "shouted"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(json_schema()).validate(data)
