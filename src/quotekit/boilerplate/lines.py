# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The text as lines, each with the measurements the classifier judges it by.

A line is the unit of page text: scrapers put each paragraph, heading, menu item and caption
on its own line. Offsets are the original text's; the line excludes its newline (and a
carriage return before it), and blank lines are skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

import regex

from quotekit._regex import TIMEOUT_S
from quotekit.boilerplate.lexicon import (
    EDGE_PUNCTUATION,
    PHOTO_CREDIT,
    PUNCTUATION_PIECES,
    Lexicon,
    PhraseMatch,
    normalized_pieces,
)
from quotekit.lang.segment import paragraph_spans

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["Line", "measure_lines"]

_WORD = regex.compile(r"\w+(?:['’]\w+)*")
#: How a line of prose ends: sentence marks, closing quotation marks and brackets.
_TERMINAL: Final = frozenset(".!?…:;\"“”»«)'’")
#: The shared last guard (quotekit._regex): a shorter limit would make the result depend on
#: the machine's load (issue 19).
_TIMEOUT: Final = TIMEOUT_S
#: A date or time written in figures only: "05.06.2025", "3/14/2025, 15:44", "17:47 Uhr".
_NUMERIC_DATE = regex.compile(
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s*(?:um\s)?\d{1,2}[:.]\d{2}(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?)?"
    r"|\d{1,2}:\d{2}(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?"
)
#: Lines longer than this are measured on their first part only: the verdict does not change,
#: and a 1 MB line must stay cheap.
_MEASURE_CHARS: Final = 4000
_KEY_CHARS: Final = 160


class Line(NamedTuple):
    """One non-blank line and what the classifier needs to know about it.

    ``number`` counts non-blank lines from 0; ``start``/``end`` are offsets in the text.
    """

    number: int
    start: int
    end: int
    chars: int
    words: int
    stopwords: int
    #: Whether the language has a stop-word list (else ``stopwords`` means nothing).
    judged_by_stopwords: bool
    terminal: bool
    last_char: str
    #: Whether the line holds a letter (a line of figures alone is a price, a score, a date).
    lettered: bool
    #: The normalized text of a short line (empty for long ones): repeated menu items share it.
    key: str
    #: The phrase table's verdict, or a structural one (source credit, timestamp).
    rule: PhraseMatch | None

    def ends_with(self, marks: frozenset[str]) -> bool:
        """Whether the line's last character is one of ``marks``."""
        return self.last_char in marks

    @property
    def density(self) -> float:
        """Share of the line's words that are stop words."""
        return self.stopwords / self.words if self.words else 0.0


_SOURCE_CREDIT = PhraseMatch("source credit", whole_line=True)
_TIMESTAMP = PhraseMatch("timestamp", whole_line=True)
_SHARE_BAR = PhraseMatch("share bar", whole_line=True)


#: Structural rules (source credit, timestamp, share-bar words) judge lines this short only.
_STRUCTURAL_WORDS: Final = 12
#: A line ending in an agency credit is a caption up to this many words (longer: a paragraph
#: that happens to end in one).
_CAPTION_WORDS: Final = 60
_CAPTION = PhraseMatch(PHOTO_CREDIT, whole_line=False)


def _structural_rule(lexicon: Lexicon, folded: str, words: list[str], lang: str) -> PhraseMatch | None:
    if len(folded) <= 80 and lexicon.is_source_credit(folded):
        return _SOURCE_CREDIT
    date_words = lexicon.date_words(lang)
    # Every word of letters in a timestamp is a date word: most short lines fail at once.
    if any(words) and date_words.issuperset([word for word in words if word.isalpha()]):
        tokens = _WORD.findall(folded, timeout=_TIMEOUT)
    else:
        tokens = []
    if 0 < len(tokens) <= 10:
        named = sum(1 for token in tokens if token in date_words)
        # "Mai 2024" or "Montag, 3. Juni" is a date; "Heute" alone may be a heading.
        dated = named and (named < len(tokens) or named >= 2)
        if all(token.isdigit() or token in date_words for token in tokens) and (
            dated or _NUMERIC_DATE.fullmatch(folded, timeout=_TIMEOUT)
        ):
            return _TIMESTAMP
    if lexicon.is_furniture_list([word for word in words if word]):
        return _SHARE_BAR
    return None


def measure_lines(
    text: str,
    lexicon: Lexicon,
    lang_at: Callable[[int], str],
    paragraphs: Iterable[tuple[int, int]] | None = None,
) -> list[Line]:
    """Every non-blank line of ``text`` with its measurements; ``lang_at`` gives the language.

    ``paragraphs`` are the lines' trimmed (start, end), the shared segmentation's paragraphs;
    without them the lines are found here.

    The work per line is a few C-level string operations (casefold, split, strip) and set
    look-ups; the regex tokenizer runs on short lines only, where the structural rules need it.
    """
    lines: list[Line] = []
    # Line._make takes the fields in order without the keyword call's cost (a line is cheap,
    # and a page has hundreds).
    make = Line._make
    for number, (start, end) in enumerate(paragraph_spans(text) if paragraphs is None else paragraphs):
        content = text[start:end] if end - start <= _MEASURE_CHARS else text[start : start + _MEASURE_CHARS]
        lang = lang_at(start)
        folded, pieces = normalized_pieces(content)
        n_words = len(pieces) - sum(map(PUNCTUATION_PIECES.__contains__, pieces))
        rule = lexicon.phrase(content, folded, pieces, n_words, lang)
        if rule is None and n_words <= _STRUCTURAL_WORDS:
            # the words of words_of(folded), from the pieces at hand (folded.split(" ") is them)
            rule = _structural_rule(
                lexicon, folded, [piece.strip(EDGE_PUNCTUATION) for piece in pieces], lang
            )
        if rule is None and n_words <= _CAPTION_WORDS and lexicon.ends_with_credit(folded):
            rule = _CAPTION
        stopwords = lexicon.marked_stopwords(lang)
        last_char = text[end - 1]
        lines.append(
            make(
                (
                    number,
                    start,
                    end,
                    end - start,  # chars
                    n_words,
                    sum(map(stopwords.__contains__, pieces)) if stopwords else 0,
                    bool(stopwords),  # judged_by_stopwords
                    last_char in _TERMINAL,
                    last_char,
                    any(map(str.isalpha, content)),  # lettered
                    folded if end - start <= _KEY_CHARS else "",  # key
                    rule,
                )
            )
        )
    return lines
