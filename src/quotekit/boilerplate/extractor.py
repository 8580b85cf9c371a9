# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The built-in ``boilerplate`` extractor: marks, with a reason, every line that is not article.

Nothing is deleted: the spans go to ``Document.boilerplate`` and ``Document.body`` is the text
without them. Whole lines are marked (without their newline). Lines that hold a quote or an
embedded post, and the headline and lede at the top of the article, are never marked.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

from quotekit.boilerplate.classify import Decision, Verdict, classify
from quotekit.boilerplate.lexicon import Lexicon
from quotekit.boilerplate.lines import Line, measure_lines
from quotekit.lang.segment import segmenter_for
from quotekit.model import BoilerplateSpan, Document

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quotekit.lang import LanguageData

__all__ = ["BoilerplateStripper"]

#: Reasons for lines that are furniture by position rather than by their words.
NAVIGATION: Final = "navigation"
PAGE_FURNITURE: Final = "page furniture"
_SHORT_LINE: Final = 70
#: Headline and lede: at most this many lines above the first content line are kept as such.
_HEADLINE_LINES: Final = 2
#: Rounds of judging the kept lines again; two settle almost every page, the cap keeps the
#: work linear.
_MAX_ROUNDS: Final = 4


class _Intervals:
    """Merged, sorted (start, end) stretches; ``overlaps`` is a binary search."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [span[0] for span in merged]
        self._ends = [span[1] for span in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start``-``end`` shares a character with any stretch."""
        index = bisect.bisect_left(self._ends, start + 1)
        return index < len(self._starts) and self._starts[index] < end


def _headline_lines(lines: Sequence[Line], decisions: Sequence[Decision]) -> set[int]:
    """Find the headline and lede: lines above the article's first content line at the top.

    Plain article text starts with its headline; a page dump starts with its menu. Only the
    first two lines, when the content starts right below them, count as headline and lede.
    """
    first_content = next((i for i, d in enumerate(decisions) if d.verdict is Verdict.CONTENT), None)
    if first_content is None or first_content > _HEADLINE_LINES:
        return set()
    return {i for i in range(first_content) if decisions[i].verdict is Verdict.OUTSIDE and lines[i].chars > 1}


class BoilerplateStripper:
    """Marks what is not article content, deleting nothing.

    Reads the ``boilerplate_*`` language tables (see :mod:`quotekit.boilerplate.lexicon`),
    compiled once here. Each span is a whole line with a short ``reason``: the phrase table's
    ("share bar", "photo credit", "disclaimer"...), "source credit", "timestamp", or
    "navigation" / "page furniture" for lines outside the article's stretch of text.
    """

    name = "boilerplate"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("boilerplate",)
    after: tuple[str, ...] = ("posts", "quotes")

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._segmenter = segmenter_for(data)
        self._lexicon = Lexicon.of(data)

    def spans(self, doc: Document) -> list[BoilerplateSpan]:
        """Return the boilerplate spans found in ``doc`` (protected lines left out)."""
        text = doc.text
        # The stripper reads lines, not sentences: the shared segmentation's paragraphs when
        # another extractor (or a backend) made it, else the same spans found without
        # splitting every paragraph into sentences.
        made = self._segmenter.made(doc)
        paragraphs = made.paragraphs if made is not None else None
        lines = measure_lines(text, self._lexicon, doc.language_lookup(), paragraphs)
        protected = _Intervals(
            [(quote.start, quote.end) for quote in doc.quotes if quote.end > quote.start]
            + [(post.start, post.end) for post in doc.posts if post.end > post.start]
        )
        reasons: dict[int, str] = {}
        kept = lines
        # Judge the lines still kept again until nothing new is marked: the body must hold no
        # boilerplate by the stripper's own judgement (idempotence), and a list that sat
        # between the article and a footer paragraph is a tail once the footer is gone.
        for _ in range(_MAX_ROUNDS):
            marked = self._round(kept, protected)
            if not marked:
                break
            reasons.update(marked)
            kept = [line for line in kept if line.number not in marked]
        spans = []
        for line in lines:
            reason = reasons.get(line.number)
            if reason is not None:
                span_text = text[line.start : line.end]
                spans.append(BoilerplateSpan(start=line.start, end=line.end, text=span_text, reason=reason))
        return spans

    @staticmethod
    def _round(lines: list[Line], protected: _Intervals) -> dict[int, str]:
        """Classify ``lines`` once; the numbers of the lines to mark, with their reasons."""
        if not lines:
            return {}
        decisions = classify(lines)
        headline = _headline_lines(lines, decisions)
        marked = {}
        for position, (line, (verdict, rule_reason)) in enumerate(zip(lines, decisions, strict=True)):
            if verdict is Verdict.CONTENT or position in headline:
                continue
            if protected.overlaps(line.start, line.end):
                continue
            if rule_reason is not None:
                marked[line.number] = rule_reason
            else:
                marked[line.number] = NAVIGATION if line.chars < _SHORT_LINE else PAGE_FURNITURE
        return marked

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with the boilerplate it finds added to ``doc.boilerplate``."""
        found = self.spans(doc)
        if not found:
            return doc
        known = {(span.start, span.end) for span in doc.boilerplate}
        added = [span for span in found if (span.start, span.end) not in known]
        merged = sorted((*doc.boilerplate, *added), key=lambda span: (span.start, span.end))
        return doc.evolve(boilerplate=merged)
