"""Indirect and mixed quotes (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from quotekit.quotes.direct import Candidate
from quotekit.quotes.lexicon import Lexicon


class IndirectFinder:
    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex

    def find(self, text: str, start: int, end: int, quoted: Sequence[tuple[int, int]], found: Sequence[Candidate]) -> list[Candidate]:
        return []
