"""The date rules' sentences, split per paragraph on demand, are the shared segmentation's.

:class:`quotekit.dates._sentences.Sentences` splits only the paragraphs a rule asks about; every
answer must be the one the whole segmentation (:meth:`Segmenter.of`) gives, at every offset,
for texts in one language, in several, with blank lines and white space around paragraphs, and
when a backend's sentences or an earlier extractor's split are there to be read instead.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit.dates._sentences import Sentences
from quotekit.lang import LanguageDataRegistry, load_builtin_tables
from quotekit.lang.segment import SENTENCE_LABEL, Segmentation, Segmenter
from quotekit.model import Annotation, Document, LanguageSpan

GERMAN = "Am 3. Okt. traf er Dr. Weber. Sie sagte: „Wir gehen.“ Dann kam der 14. März 2025 usw. Ende"
ENGLISH = "He met Mr. Smith on Jan. 5. The U.S. side agreed at 3 p.m. yesterday. It ended."


@functools.cache
def shared_segmenter() -> Segmenter:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return Segmenter(registry.freeze())


@pytest.fixture
def segmenter() -> Segmenter:
    return shared_segmenter()


def whole_segmentation(doc: Document, segmenter: Segmenter) -> Segmentation:
    """The whole segmentation as :meth:`Segmenter.of` makes it, without leaving it in the cache."""
    return segmenter.segment(doc.text, doc.language_lookup() if doc.languages else doc.lang)


def assert_same_answers(doc: Document, segmenter: Segmenter, whole: Segmentation) -> None:
    lazy = Sentences(doc, segmenter)
    offsets = range(len(doc.text) + 1)
    assert [lazy.sentence_at(at) for at in offsets] == [whole.sentence_at(at) for at in offsets]
    for first in offsets:
        for second in range(first, min(len(doc.text), first + 30) + 1):
            expected = whole.sentence_index(first) == whole.sentence_index(second)
            assert lazy.same_sentence(first, second) is expected, (first, second)


@pytest.mark.parametrize(
    "text",
    [
        GERMAN,
        "\n\n  " + GERMAN + "  \n\n\n \t\n" + GERMAN + "\n",
        GERMAN + "\n" + ENGLISH + "\n\n" + GERMAN,
        "",
        "\n \n",
        "Ende.",
    ],
)
def test_one_language(text: str, segmenter: Segmenter) -> None:
    doc = Document.from_text(text, lang="de")
    assert_same_answers(doc, segmenter, whole_segmentation(doc, segmenter))


def test_each_paragraph_is_split_by_the_rules_of_its_language(segmenter: Segmenter) -> None:
    text = GERMAN + "\n\n" + ENGLISH + "\n" + GERMAN
    english = text.index(ENGLISH)
    doc = Document.from_text(text, lang="de").evolve(
        languages=(
            LanguageSpan(start=0, end=english - 2, text=text[: english - 2], lang="de"),
            LanguageSpan(start=english, end=english + len(ENGLISH), text=ENGLISH, lang="en"),
        )
    )
    assert_same_answers(doc, segmenter, whole_segmentation(doc, segmenter))


def test_a_backends_sentences_are_read_whole(segmenter: Segmenter) -> None:
    text = GERMAN + "\n" + ENGLISH
    cut = text.index("Sie sagte")
    sentences = (Annotation(start=0, end=cut, text=text[:cut], label=SENTENCE_LABEL),)
    doc = Document.from_text(text, lang="de").evolve(extensions={"backend.sentences": sentences})
    whole = Segmentation.from_sentences(text, [(0, cut)])
    assert_same_answers(doc, segmenter, whole)


def test_an_earlier_split_is_read_and_not_made_again(segmenter: Segmenter) -> None:
    doc = Document.from_text(GERMAN + "\n" + ENGLISH, lang="en")
    assert segmenter.made(doc) is None
    shared = segmenter.of(doc)
    assert segmenter.made(doc) is shared
    assert_same_answers(doc, segmenter, shared)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Dr.", "Okt.", "14.", "März", "U.S.", "Er", "sagte.", "„Ja.“", "?", "usw.", "a", "3", ";"]
        )
        | st.sampled_from([" ", "  ", "\n", "\n\n", " \n ", "\t"]),
        max_size=40,
    ).map("".join),
    st.sampled_from(["de", "en", "fr"]),
)
def test_any_text(text: str, lang: str) -> None:
    segmenter = shared_segmenter()
    doc = Document.from_text(text, lang=lang)
    assert_same_answers(doc, segmenter, whole_segmentation(doc, segmenter))
