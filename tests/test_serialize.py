"""JSON serialization: exact round trips, schema_version, clear errors on foreign data."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import quotekit
from quotekit import (
    Annotation,
    Author,
    BoilerplateSpan,
    Diagnostic,
    Document,
    Entity,
    LanguageSpan,
    Post,
    Quote,
    Span,
    Speaker,
    Timex,
)

TEXT = (
    "„Wir bleiben“, sagte Anna Berg am Montag.\nHallo @welt #news\n— Anna (@anna) 3. März 2025\nFoto: privat"
)


def full_document() -> Document:
    post_start = TEXT.index("Hallo")
    post_end = TEXT.index("\nFoto")
    return Document(
        text=TEXT,
        lang="de",
        published=dt.date(2025, 3, 14),
        published_source="given",
        id="doc-1",
        languages=[LanguageSpan(start=0, end=41, text=TEXT[:41], lang="de", confidence=0.5)],
        boilerplate=[
            BoilerplateSpan(
                start=TEXT.index("Foto"), end=len(TEXT), text="Foto: privat", reason="photo credit"
            )
        ],
        posts=[
            Post(
                start=post_start,
                end=post_end,
                platform="twitter",
                text="Hallo @welt #news",
                text_start=post_start,
                text_end=post_start + 17,
                author=Author(name="Anna", handle="anna"),
                date="2025-03-03",
                date_text="3. März 2025",
                mentions=["welt"],
                hashtags=["news"],
                lang="de",
            )
        ],
        quotes=[
            Quote(
                start=1,
                end=12,
                text="Wir bleiben",
                kind="direct",
                speaker=Speaker(name="Anna Berg", mention=Span.of(TEXT, 21, 30), role="Ministerin", entity=0),
                cue=Span.of(TEXT, 15, 20),
                date="2025-03-10",
                lang="de",
                group=1,
            )
        ],
        entities=[Entity(name="Anna Berg", mentions=[Span.of(TEXT, 21, 30)], roles=["Ministerin"])],
        timexes=[Timex(start=31, end=40, text="am Montag", type="DATE", value="2025-03-10")],
        diagnostics=[
            Diagnostic(
                severity="warning", code="unclosed-quote", message="m", extractor="quotes", start=0, end=1
            )
        ],
        extensions={
            "x.y": [
                Annotation(
                    start=0, end=1, text="„", label="mark", data={"n": [1, 2.5, None, True, {"k": "v"}]}
                )
            ]
        },
    )


def test_round_trip_is_exact() -> None:
    doc = full_document()
    assert quotekit.from_dict(quotekit.to_dict(doc)) == doc
    assert quotekit.from_json(quotekit.to_json(doc)) == doc
    assert quotekit.from_json(quotekit.to_json(doc).encode("utf-8")) == doc


def test_contract_shape() -> None:
    data = json.loads(quotekit.to_json(full_document()))
    assert next(iter(data)) == "schema_version"
    assert data["published"] == "2025-03-14"
    quote = data["quotes"][0]
    assert quote["speaker"]["name"] == "Anna Berg"
    assert quote["speaker"]["mention"] == {"start": 21, "end": 30, "text": "Anna Berg"}
    assert quote["cue"] == {"start": 15, "end": 20, "text": "sagte"}
    assert data["posts"][0]["author"] == {"name": "Anna", "handle": "anna", "url": None}
    assert data["extensions"]["x.y"][0]["data"] == {"n": [1, 2.5, None, True, {"k": "v"}]}


def test_foreign_data_gets_clear_errors() -> None:
    data = quotekit.to_dict(full_document())
    with pytest.raises(ValueError, match="schema_version"):
        quotekit.from_dict({**data, "schema_version": 99})
    with pytest.raises(ValueError, match="not a quotekit document"):
        quotekit.from_dict({**data, "quotes": [{"start": "x"}]})
    with pytest.raises(quotekit.SpanError):
        quotekit.from_dict({**data, "text": "other text"})
    with pytest.raises(TypeError, match="mapping"):
        quotekit.from_dict([1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Document"):
        quotekit.to_dict({"text": "x"})  # type: ignore[arg-type]
