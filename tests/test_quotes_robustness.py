"""The quotes extractor never raises, keeps offsets exact, and stays linear on hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit.model import Document
from quotekit.pipeline import Pipeline
from quotekit.quotes import QuoteAttributor
from quotekit.quotes.marks import MarkScanner

MARKS = "\"'„“”‚‘’»«›‹"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*MARKS, "a", "B", " ", ",", ".", ":", "\n", "sagte", " er", "said", "\x00", "\u202e"]
        )
    ).map("".join)
)
def test_any_text_gives_valid_spans(attributor: QuoteAttributor, text: str) -> None:
    for lang in ("de", "en", "fr"):
        doc = attributor(Document.from_text(text, lang=lang))
        # Document validates every span against the text on construction; check kinds and order too
        assert all(q.kind in {"direct", "indirect", "mixed", "partial"} for q in doc.quotes)
        assert all(0 <= q.start <= q.end <= len(text) for q in doc.quotes)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x00„",
        "„" * 5000,
        "“" * 5000,
        '"' * 5001,
        "’" * 5000,
        "\ud800 „kaputt",
        "Er sagte:\r\n„Zeile\r\n„zwei“",
        "a" * 200_000,
    ],
)
def test_hostile_inputs_do_not_raise(attributor: QuoteAttributor, text: str) -> None:
    doc = attributor(Document.from_text(text, lang="de"))
    assert doc.text == text


def test_many_marks_scan_in_one_pass() -> None:
    # 10^5 opening marks: each closes the one before it (bounded stack), so the scan stays linear
    scanner = MarkScanner([("„", "“")])
    spans, unclosed = scanner.scan("„" * 100_000)
    # the last mark ends the text, so it opens nothing
    assert len(spans) == 99_999
    assert len(unclosed) == 99_999
    assert max(span.depth for span in spans) == 0


def test_alternating_pairs_scan_flat() -> None:
    scanner = MarkScanner([("„", "“")])
    spans, unclosed = scanner.scan("„a“ " * 1000)
    assert len(spans) == 1000
    assert unclosed == []


def test_plugins_extend_the_cue_lexicon() -> None:
    from quotekit.lang import LanguageDataRegistry, load_builtin_tables

    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    registry.add(
        "de",
        "cue_verbs",
        [{"lemma": "raunen", "forms": ["raunte"], "participles": ["geraunt"], "frame": "speech"}],
    )
    extended = QuoteAttributor(registry.freeze())
    text = "„Das wird nichts“, raunte der Zuschauer."
    doc = extended(Document.from_text(text, lang="de"))
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.cue is not None
    assert quote.cue.text == "raunte"
    plain = QuoteAttributor(Pipeline(autoload=False).language_data)(Document.from_text(text, lang="de"))
    assert all(q.cue is None or q.cue.text != "raunte" for q in plain.quotes)
