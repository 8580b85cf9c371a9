"""A layer is checked against the text once; a layer swapped in behind the model's back is checked again."""

from __future__ import annotations

from typing import Any

import pytest

from quotekit import Pipeline
from quotekit.model import _NESTED_LAYERS, Document, LanguageSpan, Quote, Span, SpanError

TEXT = "Anna Berg sagte am Montag: „Wir bauen die Brücke neu.“ Dann ging sie."


def _counting_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the layer of every span the model checks from now on."""
    checked: list[str] = []
    original = Document._check

    def counting(self: Document, layer: str, start: int, end: int, text: str) -> None:
        checked.append(layer)
        original(self, layer, start, end, text)

    def counting_layer(self: Document, name: str, layer: tuple[Any, ...], text: str) -> None:
        if name not in _NESTED_LAYERS:  # a flat layer's spans are checked in one loop, not by _check
            checked.extend(name for _ in layer)
        original_layer(self, name, layer, text)

    original_layer = Document._check_layer
    monkeypatch.setattr(Document, "_check", counting)
    monkeypatch.setattr(Document, "_check_layer", counting_layer)
    return checked


def _quote() -> Quote:
    start = TEXT.index("„") + 1
    end = TEXT.index("“")
    return Quote(start=start, end=end, text=TEXT[start:end], kind="direct", cue=Span.of(TEXT, 10, 15))


def test_a_derived_document_does_not_check_its_unchanged_layers_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = Document.from_text(TEXT).evolve(
        languages=(LanguageSpan(start=0, end=len(TEXT), text=TEXT, lang="de"),)
    )
    checked = _counting_checks(monkeypatch)
    derived = doc.evolve(quotes=(_quote(),))
    assert "languages" not in checked  # the very tuple passed its checks when doc was made
    assert checked.count("quotes") == 1
    assert checked.count("quotes.cue") == 1
    checked.clear()
    derived.validate(["quotes"])  # what the pipeline's door asks after an extractor ran
    derived.validate()
    assert checked == []


def test_an_equal_text_that_is_another_object_is_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    layer = (LanguageSpan(start=0, end=len(TEXT), text=TEXT, lang="de"),)
    Document(text=TEXT, languages=layer)
    checked = _counting_checks(monkeypatch)
    other_text = "".join(list(TEXT))  # equal, but not the text the layer was checked against
    assert other_text is not TEXT
    Document(text=other_text, languages=layer)
    assert checked == ["languages"]


def test_a_layer_smuggled_in_after_construction_is_still_caught() -> None:
    doc = Document.from_text(TEXT).evolve(quotes=(_quote(),))
    doc.validate()
    bad = Quote(start=0, end=4, text="Anna", kind="direct")
    object.__setattr__(bad, "text", "Otto")
    object.__setattr__(doc, "quotes", (bad,))  # bypasses construction, as buggy code might
    with pytest.raises(SpanError, match="claims 'Otto'"):
        doc.validate(["quotes"])
    with pytest.raises(SpanError, match="claims 'Otto'"):
        doc.validate()


def test_a_failed_check_is_not_remembered() -> None:
    good = Document.from_text(TEXT)
    bad = Quote(start=0, end=4, text="Anna", kind="direct")
    object.__setattr__(bad, "text", "Otto")
    layer = (bad,)
    for _ in range(2):  # the second attempt checks again and fails again
        with pytest.raises(SpanError):
            Document(text=good.text, quotes=layer)


def test_the_pipeline_still_leaves_out_a_smuggled_layer() -> None:
    class Smuggler:
        name = "test_smuggler"
        requires: tuple[str, ...] = ()
        provides: tuple[str, ...] = ("quotes",)

        def __call__(self, doc: Document, /) -> Document:
            result = doc.evolve(quotes=(_quote(),))
            bad = Quote(start=0, end=4, text="Anna", kind="direct")
            object.__setattr__(bad, "text", "Otto")
            object.__setattr__(result, "quotes", (bad,))
            return result

    pipeline = Pipeline(extractors=[Smuggler()], autoload=False)
    doc = pipeline.extract(TEXT)
    assert doc.quotes == ()
    assert [d.code for d in doc.errors] == ["contract-violation"]
