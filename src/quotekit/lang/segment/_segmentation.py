"""One document's paragraphs, sentences and tokens, with offsets into its text.

Paragraphs are the non-blank lines of the text, trimmed of white space; a sentence never runs
over a line break. Sentences are trimmed too and tile their paragraph: the first starts where
the paragraph starts, the last ends where it ends, and only white space lies between two.
Tokens are made per sentence when a window first touches it, then kept (up to TOKENS_KEPT), so
every window an extractor reads is a bisection into tokens made once. They are kept as plain
``(start, end, text)`` tuples, which the garbage collector stops tracking, and each window's
are handed out as :class:`Token` objects (docs/performance.md has the measurements).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Final

from quotekit.lang.segment._tokens import Plain, Token, WordSplits, plain_tokens

__all__ = ["Segmentation", "paragraph_spans"]

_Spans = tuple[tuple[int, int], ...]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank line of ``text``, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    append = spans.append
    find = text.find
    position = 0
    length = len(text)
    while position <= length:
        stop = find("\n", position)
        if stop < 0:
            stop = length
        line = text[position:stop]
        stripped = line.strip()
        if stripped:
            start = position + line.find(stripped[0])
            append((start, start + len(stripped)))
        position = stop + 1
    return spans


def _starts(spans: Sequence[tuple[int, int]]) -> list[int]:
    return [start for start, _ in spans]


class Segmentation:
    """Paragraphs, sentences and (lazily) tokens of one text; immutable once made.

    Build one with :meth:`quotekit.lang.segment.Segmenter.segment` (the rules) or
    :meth:`from_sentences` (sentences found elsewhere, such as a parser backend's).
    """

    __slots__ = (
        "_paragraph_starts",
        "_sentence_starts",
        "_sentence_tokens",
        "_splits",
        "_tokens_kept",
        "paragraphs",
        "sentences",
        "text",
    )

    def __init__(
        self,
        text: str,
        paragraphs: Iterable[tuple[int, int]],
        sentences: Iterable[tuple[int, int]],
        splits: Callable[[int], WordSplits | None] | None = None,
    ) -> None:
        self.text: Final = text
        #: The (start, end) of each paragraph, in order.
        self.paragraphs: Final[_Spans] = tuple(paragraphs)
        #: The (start, end) of each sentence, in order; every one lies inside one paragraph.
        self.sentences: Final[_Spans] = tuple(sentences)
        self._paragraph_starts = _starts(self.paragraphs)
        self._sentence_starts = _starts(self.sentences)
        self._sentence_tokens: dict[int, list[Plain]] = {}
        #: The word splits of the language at an offset (French qu'il, dit-elle), when any has some.
        self._splits = splits
        self._tokens_kept = 0

    @classmethod
    def from_sentences(cls, text: str, sentences: Iterable[tuple[int, int]]) -> Segmentation:
        """A segmentation whose sentences come from elsewhere (a parser backend, a gold file).

        Every start and end of a given span is a boundary; the pieces are trimmed, cut at line
        breaks and clipped to the paragraphs, so the result keeps the guarantees of the rules'
        own: the sentences tile each paragraph (text outside every given span is a sentence of
        its own).
        """
        paragraphs = paragraph_spans(text)
        starts = sorted(
            {offset for start, end in sentences if 0 <= start < end <= len(text) for offset in (start, end)}
        )
        result: list[tuple[int, int]] = []
        for p_start, p_end in paragraphs:
            inside = [p_start]
            low = bisect.bisect_right(starts, p_start)
            high = bisect.bisect_left(starts, p_end)
            for given in starts[low:high]:
                start = given
                while start < p_end and text[start].isspace():
                    start += 1
                if inside[-1] < start < p_end:
                    inside.append(start)
            result.extend(_tile(text, inside, p_end))
        return cls(text, paragraphs, result)

    # ------------------------------------------------------------- look-ups

    def paragraph_at(self, offset: int) -> tuple[int, int] | None:
        """The paragraph holding ``offset``, or ``None`` (a blank line, past the end)."""
        return _span_at(self.paragraphs, self._paragraph_starts, offset)

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        """The sentence holding ``offset``, or ``None`` (white space between sentences, a blank line)."""
        return _span_at(self.sentences, self._sentence_starts, offset)

    def sentence_index(self, offset: int) -> int:
        """The index of the last sentence starting at or before ``offset`` (-1 before the first)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def sentences_between(self, start: int, end: int) -> _Spans:
        """The sentences that overlap ``start``-``end``, in order."""
        low = max(0, bisect.bisect_right(self._sentence_starts, start) - 1)
        if low < len(self.sentences) and self.sentences[low][1] <= start:
            low += 1
        high = bisect.bisect_left(self._sentence_starts, end)
        return self.sentences[low:high]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside ``start``-``end``, in order.

        Tokens are made once per sentence, the first time a window touches it: a window inside
        one sentence costs a bisection and a slice, a longer one joins its sentences' slices.
        A sentence never splits a token (it ends before white space), so these are the tokens
        a tokenizer would make of each whole paragraph.
        """
        index = max(bisect.bisect_right(self._sentence_starts, start) - 1, 0)
        sentences = self.sentences
        count = len(sentences)
        kept = self._sentence_tokens
        found: list[Token] | None = None
        while index < count:
            s_start, s_end = sentences[index]
            if s_start >= end:
                break
            if s_end > start:
                tokens = kept.get(index)
                if tokens is None:
                    tokens, s_start, s_end = self._tokenize(index, s_start, s_end, start, end)
                # tokens are tuples in text order that do not overlap: a probe (offset,) sorts
                # before a token starting at offset, so C compares them without a key function
                low = bisect.bisect_left(tokens, (start,)) if start > s_start else 0
                if end < s_end:
                    high = bisect.bisect_left(tokens, (end,))
                    if high and tokens[high - 1][1] > end:
                        high -= 1  # the one token running past the window's end
                else:
                    high = len(tokens)
                # kept as plain tuples (the collector stops tracking those), handed out as Tokens
                if found is None:
                    found = list(map(_NEW_TUPLE, repeat(Token, high - low), tokens[low:high]))
                else:
                    found += map(_NEW_TUPLE, repeat(Token, high - low), tokens[low:high])
            index += 1
        return [] if found is None else found

    def _tokenize(
        self, index: int, s_start: int, s_end: int, start: int, end: int
    ) -> tuple[list[Plain], int, int]:
        """The tokens of sentence ``index`` for a window, with the span they cover.

        That is the whole sentence, kept for the next window; in a long sentence, only the
        window's stretch (not kept), given as covering every offset so the caller cuts it.
        """
        splits = self._splits(s_start) if self._splits is not None else None
        if s_end - s_start > LONG_SENTENCE:
            tokens = _long_sentence_window(self.text, s_start, s_end, start, end)
            if tokens is not None:
                return (splits.split(tokens) if splits else tokens), -1, end + 1
        tokens = plain_tokens(self.text, s_start, s_end)
        return self._keep(index, splits.split(tokens) if splits else tokens), s_start, s_end

    def _keep(self, index: int, tokens: list[Plain]) -> list[Plain]:
        """Keep a sentence's tokens, dropping the earliest kept once there are too many."""
        kept = self._sentence_tokens
        kept[index] = tokens
        self._tokens_kept += len(tokens)
        while self._tokens_kept > TOKENS_KEPT and len(kept) > 1:
            self._tokens_kept -= len(kept.pop(next(iter(kept))))
        return tokens

    def __repr__(self) -> str:
        return f"Segmentation({len(self.paragraphs)} paragraphs, {len(self.sentences)} sentences)"


#: Makes a Token of a plain tuple: tuple.__new__(Token, (start, end, text)), called in C by map.
_NEW_TUPLE: Final = tuple.__new__
#: Tokens kept for the sentences read so far (about 150 bytes each): a news article has a few
#: thousand, so none is ever made twice; a document of megabytes, read in order by each
#: extractor, has the earliest sentences' tokens made again instead of a token kept per word.
TOKENS_KEPT: Final = 50_000
#: A sentence longer than this is not tokenized whole and kept: hostile text makes one
#: "sentence" of megabytes (a quotation mark every few characters, no full stop), whose tokens
#: would take a hundred times its size. Each window into it is tokenized alone instead.
LONG_SENTENCE: Final = 20_000
#: How far past a window's edge a token boundary is looked for before the whole sentence is read.
_BOUNDARY_REACH: Final = 256
#: Characters that are a token of their own wherever they stand (no word token holds one), and
#: white space: the tokens on either side of one are the same whether or not the text before
#: it was read.
_SOLO: Final = frozenset('"„“”‚‘›‹«»()[]{},;:!?…/*#@%+=<>|~^$§') | frozenset(" \t\n\r\u00a0")


def _long_sentence_window(text: str, s_start: int, s_end: int, start: int, end: int) -> list[Plain] | None:
    """The tokens of a window into a long sentence, read from token boundaries around it.

    ``None`` when the sentence is short enough to tokenize whole, or no boundary lies near the
    window (one word of thousands of letters); the caller then tokenizes the sentence.
    """
    if s_end - s_start <= LONG_SENTENCE:
        return None
    low = _boundary(text, max(start, s_start), s_start, -1)
    high = _boundary(text, min(end, s_end), s_end, 1)
    if low is None or high is None:
        return None
    return plain_tokens(text, low, high)


def _boundary(text: str, at: int, limit: int, step: int) -> int | None:
    """The nearest offset from ``at`` towards ``limit`` (inclusive) where a token must start or end."""
    for _ in range(_BOUNDARY_REACH):
        if at == limit or text[at - 1] in _SOLO or text[at] in _SOLO:
            return at
        at += step
    return None


def _tile(text: str, starts: list[int], end: int) -> list[tuple[int, int]]:
    """Sentences from their starts within one paragraph ending at ``end``, trimmed at the right."""
    spans = []
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        spans.append((start, stop))
    return spans


def _span_at(spans: _Spans, starts: list[int], offset: int) -> tuple[int, int] | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < spans[index][1]:
        return spans[index]
    return None
