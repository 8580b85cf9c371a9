"""Word look-ups over whitespace tokens, without stripping each token.

Splitting on white space runs in C, but the tokens keep the marks that cling to words in
running text („die, der., (the). Rather than strip every token in a Python loop, a word list is
spelt once with those marks around each word, so a token is matched by one set or dict look-up
(or a C-level set intersection over all tokens of a line).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

__all__ = ["spellings", "with_marks"]

#: The marks that most often follow a word: punctuation, closing quotation marks and brackets,
#: and their common pairs (“… weiter.“”, "(dpa).").
TRAILING_MARKS: Final = (
    *(",", ".", ":", ";", "!", "?", ")", '"', "'", "”", "“", "»", "«", "…", "’"),
    *("),", ").", '",', '".', "”,", "”.", ".“", ".”", '."', ",“", ",”", ',"', "?“", "?”", "!“", "!”"),
)
#: The marks that most often precede a word: opening quotation marks and brackets.
LEADING_MARKS: Final = ("(", '"', "„", "“", "«", "»", "'", "‘", "‚", "[")
#: Trailing marks also tried after a leading one (a one-word quote: „nie“, (dpa)).
_CLOSING_AFTER_LEADING: Final = 8


def spellings(word: str) -> Iterator[str]:
    """``word`` itself, then ``word`` with each common mark before or after it ("„die", "der,")."""
    yield word
    yield from (word + mark for mark in TRAILING_MARKS)
    yield from (mark + word for mark in LEADING_MARKS)
    yield from (
        mark + word + end for mark in LEADING_MARKS for end in TRAILING_MARKS[:_CLOSING_AFTER_LEADING]
    )


def with_marks(words: Iterable[str]) -> frozenset[str]:
    """Every spelling of every word in ``words`` (see :func:`spellings`)."""
    return frozenset(spelt for word in words for spelt in spellings(word))
