"""The example plugin's own tests, written only with quotekit.testing (and hypothesis)."""

from collections.abc import Callable, Mapping

import quotekit_example_plugin
from hypothesis import given
from hypothesis import strategies as st
from quotekit_example_plugin import ShoutingExtractor

from quotekit import Document, Pipeline
from quotekit.testing import ContractReport, Planted, check_document
from quotekit.testing import strategies as qst

# The kit's fixtures (check_extractor, quotekit_pipeline_factory ...), opted in.
pytest_plugins = ["quotekit.testing.pytest_plugin"]

SHOUTED = st.sampled_from(["BREAKING", "EXKLUSIV", "UPDATE", "ÄRGER"])


def test_keeps_the_extractor_contract(check_extractor: Callable[..., ContractReport]) -> None:
    # Declarations, hostile Unicode and 1 MB inputs, generated documents with every layer
    # filled: upstream layers kept, span invariant, no mutation, deterministic.
    report = check_extractor(ShoutingExtractor())
    assert report.generated > 0


@given(qst.articles(), SHOUTED)
def test_finds_a_shouted_word_put_in_front_of_any_article(planted: Planted, word: str) -> None:
    doc = ShoutingExtractor()(Document.from_text(f"{word}: {planted.text}"))
    marks = doc.extensions["example.shouting"]
    assert marks[0].text == word
    assert (marks[0].start, marks[0].end) == (0, len(word))


@given(qst.documents())
def test_marks_only_capitals_and_never_inside_boilerplate(doc: Document) -> None:
    out = check_document(ShoutingExtractor(), doc)
    for mark in out.extensions["example.shouting"]:
        assert mark.text.isupper()
        assert len(mark.text) >= 3
        assert not out.is_boilerplate(mark.start, mark.end)


@given(qst.unicode_texts())
def test_is_total_on_hostile_text(text: str) -> None:
    doc = ShoutingExtractor()(Document.from_text(text))
    assert all(text[m.start : m.end] == m.text for m in doc.extensions["example.shouting"])


@given(st.from_type(Document))
def test_from_type_documents_work_too(doc: Document) -> None:
    check_document(ShoutingExtractor(), doc)


def test_runs_after_the_builtins_in_a_pipeline(quotekit_pipeline_factory: Callable[..., Pipeline]) -> None:
    pipeline = quotekit_pipeline_factory(plugins=[quotekit_example_plugin])
    assert pipeline.names[-1] == "example.shouting"
    doc = pipeline.extract("BREAKING: „Wir sind bereit“, sagte Anna Berger.")
    assert [mark.text for mark in doc.extensions["example.shouting"]] == ["BREAKING"]
    assert not doc.errors


def test_adds_a_cue_verb_to_the_english_table(quotekit_pipeline_factory: Callable[..., Pipeline]) -> None:
    pipeline = quotekit_pipeline_factory(plugins=[quotekit_example_plugin])
    rows = pipeline.language_data.table("en", "cue_verbs")
    assert any(isinstance(row, Mapping) and "bellowed" in row.get("forms", ()) for row in rows)


def test_hostile_texts_pass_through_the_pipeline(
    quotekit_pipeline_factory: Callable[..., Pipeline], quotekit_hostile_texts: dict[str, str]
) -> None:
    pipeline = quotekit_pipeline_factory(plugins=[quotekit_example_plugin])
    for text in quotekit_hostile_texts.values():
        doc = pipeline.extract(text)
        assert doc.text == text
        assert not doc.errors
