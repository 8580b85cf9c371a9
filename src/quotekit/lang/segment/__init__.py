"""The shared segmentation: paragraphs, sentences and tokens, computed once per document.

Every extractor that needs sentences or tokens asks :func:`segmentation_of` (or a
:class:`Segmenter`) instead of splitting the text itself. The answer is a
:class:`Segmentation` with offsets into the original text; it is cached for the document the
pipeline is running, not stored on the :class:`~quotekit.Document` (docs/segmentation.md gives
the measurements behind that choice).

Sentence boundaries follow per-language tables (``segment_abbreviations``,
``segment_abbreviations_final``, ``segment_ordinal_before``, ``segment_ordinal_nouns``, plus
``date_months`` and ``function_words``), which plugins extend through the
``quotekit_language_data`` hook; :mod:`quotekit.lang.segment._rules` says how each is read.

A parser backend's sentences replace the rules' ones: a document whose extension layers hold
annotations labelled ``"sentence"`` is segmented at those sentences
(:meth:`Segmentation.from_sentences`), so every extractor reads the backend's split.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

from quotekit.lang.segment._rules import SentenceRules, paragraph_sentences, split_sentences
from quotekit.lang.segment._segmentation import Segmentation, paragraph_spans
from quotekit.lang.segment._tokens import Token, WordSplits, token_at, tokenize

if TYPE_CHECKING:
    from collections.abc import Callable

    from quotekit.lang import LanguageData
    from quotekit.model import Document

__all__ = [
    "SENTENCE_LABEL",
    "Segmentation",
    "Segmenter",
    "SentenceRules",
    "Token",
    "WordSplits",
    "paragraph_spans",
    "segmentation_of",
    "segmenter_for",
    "token_at",
    "tokenize",
]

#: The label of an extension-layer annotation that marks a sentence found by a backend.
SENTENCE_LABEL: Final = "sentence"


class Segmenter:
    """Splits texts into paragraphs, sentences and tokens by the rules of each language's tables.

    Holds one :class:`SentenceRules` per language with tables, and merged rules for text in any
    other language. :meth:`of` remembers the last document it segmented, so the extractors of
    one pipeline run share one segmentation.
    """

    def __init__(self, data: LanguageData) -> None:
        langs = [lang for lang in data.languages if data.table(lang, "function_words")]
        self._rules = {lang: SentenceRules.from_data(data, (lang,)) for lang in langs}
        self._fallback = SentenceRules.from_data(data, data.languages)
        # only languages that join words (French qu'il, dit-elle) split tokens: the rest pay nothing
        splits = {lang: WordSplits.from_data(data, (lang,)) for lang in data.languages}
        self._splits = {lang: split for lang, split in splits.items() if split}
        self._last: tuple[str, object, _Key, Segmentation] | None = None

    def splits(self, lang: str) -> WordSplits:
        """The words ``lang`` writes joined (French qu'il, dit-elle): empty for most languages."""
        return self._splits.get(lang, WordSplits())

    def rules(self, lang: str) -> SentenceRules:
        """The rules for ``lang`` (every language's merged when it has no tables of its own)."""
        return self._rules.get(lang, self._fallback)

    def segment(self, text: str, lang: str | Callable[[int], str] = "und") -> Segmentation:
        """The segmentation of ``text``; ``lang`` is a code or a function of the offset.

        Each paragraph is split by the rules of the language at its start.
        """
        lang_at = (lambda _offset: lang) if isinstance(lang, str) else lang
        paragraphs = paragraph_spans(text)
        splits = None
        if self._splits:
            word_splits = self._splits
            splits = lambda offset: word_splits.get(lang_at(offset))  # noqa: E731 - read per sentence
        rules = self.rules(lang) if isinstance(lang, str) else lambda offset: self.rules(lang(offset))
        return Segmentation(text, paragraphs, split_sentences(text, paragraphs, rules), splits)

    def paragraph_sentences(
        self, text: str, start: int, end: int, lang: str, into: list[tuple[int, int]] | None = None
    ) -> list[tuple[int, int]]:
        """The sentences of the one paragraph ``text[start:end]`` (a span of :func:`paragraph_spans`).

        They are the sentences :meth:`segment` gives that paragraph when ``lang`` is the language
        at its start: a reader that needs the sentences of a few paragraphs only can split just
        those. Appended to ``into`` when given, which is returned.
        """
        if into is None:
            return paragraph_sentences(text, start, end, self.rules(lang))
        into.extend(paragraph_sentences(text, start, end, self.rules(lang)))
        return into

    def of(self, doc: Document) -> Segmentation:
        """The segmentation of ``doc``, made once and shared by every extractor that asks.

        Sentences a backend put in an extension layer (labelled ``"sentence"``) win over the
        rules. The cache holds the last document: the pipeline runs one document at a time, and
        its text object, language blocks and backend sentences identify it.
        """
        segmentation = self._cached(doc)
        return self._make(doc) if segmentation is None else segmentation

    def made(self, doc: Document) -> Segmentation | None:
        """The shared segmentation of ``doc`` if it needs no splitting by the rules, else ``None``.

        That is when an extractor already asked for it (:meth:`of`), or when a backend's
        sentences give it (only the whole text places those). A reader that needs the
        sentences around a few offsets can then split just their paragraphs
        (:meth:`paragraph_sentences`) and leave the whole split to whoever needs it.
        """
        segmentation = self._cached(doc)
        if segmentation is None and _backend_sentences(doc):
            segmentation = self._make(doc)
        return segmentation

    def _cached(self, doc: Document) -> Segmentation | None:
        last = self._last
        if last is None or last[0] is not doc.text:
            return None
        _, languages, key, segmentation = last
        # the same languages layer object and no backend sentences on either side: the same key
        # without building it (the extractors after the first ask with the documents derived
        # from one another, which share the layer)
        if doc.languages is languages and not key[1] and not doc.extensions:
            return segmentation
        return segmentation if key == _key(doc) else None

    def _make(self, doc: Document) -> Segmentation:
        key = _key(doc)
        blocks, backend = key
        if backend:
            segmentation = Segmentation.from_sentences(doc.text, backend)
        else:
            lang_at = doc.language_lookup() if blocks else doc.lang
            segmentation = self.segment(doc.text, lang_at)
        self._last = (doc.text, doc.languages, key, segmentation)
        return segmentation


#: What identifies a document's segmentation besides its text: language blocks, backend sentences.
_Key = tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int], ...]]


def _key(doc: Document) -> _Key:
    blocks = tuple((block.start, block.end, block.lang) for block in doc.languages)
    return blocks, _backend_sentences(doc)


def _backend_sentences(doc: Document) -> tuple[tuple[int, int], ...]:
    """The sentences a backend annotated on ``doc`` (empty when none did)."""
    if not doc.extensions:
        return ()
    return tuple(
        (annotation.start, annotation.end)
        for layer in doc.extensions.values()
        for annotation in layer
        if annotation.label == SENTENCE_LABEL
    )


@functools.lru_cache(maxsize=8)
def segmenter_for(data: LanguageData) -> Segmenter:
    """The one :class:`Segmenter` of a pipeline's language data, shared by its extractors."""
    return Segmenter(data)


def segmentation_of(doc: Document, data: LanguageData) -> Segmentation:
    """The shared segmentation of ``doc`` under ``data``'s tables (see :meth:`Segmenter.of`)."""
    return segmenter_for(data).of(doc)
