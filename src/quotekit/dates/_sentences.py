"""The sentences the date rules read around an expression, split only where one is asked for.

The rules ask for the sentence of an expression (the tense of its clause) and whether two
offsets share one (a year named earlier in the sentence). Those are the shared segmentation's
sentences (:mod:`quotekit.lang.segment`), but most paragraphs of a news text hold no date that
asks: when no extractor has split the document yet, only the paragraphs asked about are split,
each once, by the same rules and into the same sentences (the segmenter splits every paragraph
on its own). When the shared segmentation exists already, or a backend's sentences make it, it
is read instead.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from quotekit.lang.segment import paragraph_spans

if TYPE_CHECKING:
    from collections.abc import Callable

    from quotekit.lang.segment import Segmentation, Segmenter
    from quotekit.model import Document

__all__ = ["Sentences"]

_Span = tuple[int, int]


class Sentences:
    """One document's sentences, as :meth:`Segmenter.of` would give them, split on demand."""

    __slots__ = ("_lang_at", "_paragraphs", "_segmenter", "_split", "_text", "_whole")

    def __init__(self, doc: Document, segmenter: Segmenter) -> None:
        self._text = doc.text
        self._segmenter = segmenter
        self._whole: Segmentation | None = segmenter.made(doc)
        if doc.languages:
            self._lang_at: Callable[[int], str] = doc.language_lookup()
        else:
            lang = doc.lang
            self._lang_at = lambda _offset: lang
        #: the paragraphs and their starts, found at the first question (None before)
        self._paragraphs: tuple[list[_Span], list[int]] | None = None
        #: paragraph index -> (its sentences' starts, its sentences)
        self._split: dict[int, tuple[list[int], list[_Span]]] = {}

    def sentence_at(self, offset: int) -> _Span | None:
        """The sentence holding ``offset``, or ``None`` (white space between sentences, a blank line)."""
        if self._whole is not None:
            return self._whole.sentence_at(offset)
        index = self._paragraph_index(offset)
        if index < 0 or offset >= self._paragraph_list()[0][index][1]:
            return None
        starts, sentences = self._sentences_of(index)
        sentence = sentences[bisect.bisect_right(starts, offset) - 1]
        return sentence if offset < sentence[1] else None

    def same_sentence(self, first: int, second: int) -> bool:
        """Whether the last sentence starting at or before ``first`` is that of ``second``."""
        if self._whole is not None:
            index = self._whole.sentence_index
            return index(first) == index(second)
        return self._last_start(first) == self._last_start(second)

    def _last_start(self, offset: int) -> int:
        """The start of the last sentence starting at or before ``offset`` (-1 when none does)."""
        index = self._paragraph_index(offset)
        if index < 0:
            return -1
        starts, _ = self._sentences_of(index)
        return starts[bisect.bisect_right(starts, offset) - 1]

    def _paragraph_index(self, offset: int) -> int:
        """The index of the last paragraph starting at or before ``offset`` (-1 before the first)."""
        return bisect.bisect_right(self._paragraph_list()[1], offset) - 1

    def _paragraph_list(self) -> tuple[list[_Span], list[int]]:
        if self._paragraphs is None:
            spans = paragraph_spans(self._text)
            self._paragraphs = (spans, [start for start, _ in spans])
        return self._paragraphs

    def _sentences_of(self, index: int) -> tuple[list[int], list[_Span]]:
        split = self._split.get(index)
        if split is None:
            start, end = self._paragraph_list()[0][index]
            sentences = self._segmenter.paragraph_sentences(self._text, start, end, self._lang_at(start))
            split = self._split[index] = ([s for s, _ in sentences], sentences)
        return split
