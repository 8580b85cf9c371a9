"""quotekit-fr through quotekit's public API and its test kit (``quotekit.testing``) only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import quotekit_fr

import quotekit
from quotekit.testing import check_document, hostile_texts

SENTENCES = Path(__file__).parent / "data" / "sentences.jsonl"


@pytest.fixture(scope="module")
def pipeline() -> quotekit.Pipeline:
    return quotekit.Pipeline(plugins=[quotekit_fr])


def _cases() -> list[dict[str, object]]:
    return [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_tables_load_and_name_real_tables() -> None:
    tables = quotekit_fr.tables()
    assert {"function_words", "quote_marks", "cue_verbs", "date_months", "date_weekdays"} <= set(tables)
    assert all(rows for rows in tables.values())


def test_french_is_detected(pipeline: quotekit.Pipeline) -> None:
    doc = pipeline.extract("Le gouvernement a présenté mardi un plan pour les écoles de la région.")
    assert doc.lang == "fr"


@pytest.mark.parametrize("case", _cases(), ids=lambda case: str(case["id"]))
def test_sentences_the_team_wrote(
    pipeline: quotekit.Pipeline, case: dict[str, object], request: pytest.FixtureRequest
) -> None:
    if case.get("known_gap"):
        # strict: a gap that closes fails the run until its case is promoted
        request.applymarker(pytest.mark.xfail(reason=str(case["known_gap"]), strict=True))
    doc = pipeline.extract(str(case["text"]), published="2025-03-14")
    quotes = [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in doc.quotes]
    expected_quotes = [tuple(expected) for expected in case.get("quotes", [])]  # type: ignore[attr-defined]
    if case.get("exact_quotes"):
        # the quotes and nothing else: an incise is no part of them, a list item or a term no quote
        assert sorted(quotes, key=str) == sorted(expected_quotes, key=str)
    for expected in expected_quotes:
        assert expected in quotes
    for quote in doc.quotes:
        assert doc.text[quote.start : quote.end] == quote.text  # offsets refer to the input
    timexes = [(t.text, t.value) for t in doc.timexes]
    for expected in case.get("timexes", []):  # type: ignore[attr-defined]
        assert tuple(expected) in timexes


def test_every_extractor_keeps_the_contract_on_french_text(pipeline: quotekit.Pipeline) -> None:
    texts = [str(case["text"]) for case in _cases()]
    for extractor in pipeline.extractors:
        for text in texts:
            check_document(extractor, quotekit.Document.from_text(text, lang="fr"))


def test_hostile_text_gives_a_document(pipeline: quotekit.Pipeline) -> None:
    for name, text in hostile_texts(large_size=20_000).items():
        doc = pipeline.extract(text, lang="fr")
        assert doc.text == text, name
