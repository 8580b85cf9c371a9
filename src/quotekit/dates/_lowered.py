r"""Word scans of lower-cased text that find what the date extractor's own readings find.

Two readings of the date extractor run over much text and cost much: the pre-scan's carrier
words (every distinct word of a block looked up, then found again with ``str.find``) and the
tense words around each expression (``regex``, case-insensitive, with its timeout). On most
text the same places come out of one scan of a lower-cased copy with a pattern of the lower-
cased words, run by the standard library's ``re``: it scans such a pattern in 0.57 of the
time ``regex`` takes. The patterns hold no quantifier (a prefix tree whose empty branch ends
a word early) and look one character around, so a scan cannot backtrack beyond one word at a
place and needs no timeout (see quotekit._regex).

A scan runs only over text whose every character is proven to read alike in both, from the
very functions involved, over the scripts quotekit's languages write with (Latin,
punctuation, symbols, emoji): lower-cased, it stays one character with the same
word-character status (``re``'s ``\w``, alphanumeric or ``_``, against ``regex``'s), and what
the other reading compares it with agrees (below). A text with any other character (a
combining mark, a Chinese character, a long s) is read as before.

**Carrier words** (:class:`CarrierWords`). A carrier word is a maximal run of word characters
whose case-folded form is a strong word of the grammar or begins with one of its compound
prefixes ("Donnerstagabend"). The scan looks for the strong words between word boundaries
and the prefixes after one. Every other dev text, 8.6 M characters, English grammar: 0.50 s
against 0.30 s with the lowering and the character check, a quarter of the texts read word by
word. A character's lower case must give its case-folded form; one whose fold differs ("ß"
-> "ss") is allowed when no strong word or prefix could be spelt through its fold.

**Tense words** (:class:`TenseWords`). The tense words are searched case-insensitively, so a
character's lower case must be the one tense-word character it matches that way, or match
none. The dates dev texts' tense look-ups: 3.4 times faster.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S, quantifier_free

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["CarrierWords", "TenseWords"]

#: The code points whose reading is checked (Latin, Greek, Cyrillic, general punctuation,
#: currency, letter-like and number forms, arrows, symbols, dingbats, CJK punctuation, variation
#: selectors, the byte order mark, emoji); a character outside them sends its block to the
#: word-by-word reading. The capital sigma is left out: it lower-cases by its place in a word.
_CHECKED: Final = (
    (0x0000, 0x0250),
    (0x0370, 0x03A3),
    (0x03A4, 0x0530),
    (0x1E00, 0x1F00),
    (0x2000, 0x2C00),
    (0x3000, 0x3040),
    (0xFE00, 0xFE10),
    (0xFEFF, 0xFF00),
    (0x1F000, 0x1FB00),
)
_REGEX_WORD = regex.compile(r"\w")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@functools.cache
def _checked_string() -> str:
    return "".join(chr(code) for low, high in _CHECKED for code in range(low, high))


@functools.cache
def _regex_words() -> frozenset[str]:
    """The checked characters that are word characters for ``regex``."""
    return frozenset(_REGEX_WORD.findall(_checked_string(), timeout=TIMEOUT_S))


@functools.cache
def _checked_chars() -> tuple[frozenset[str], tuple[tuple[str, str], ...], frozenset[str]]:
    """The checked characters the lower-cased scan reads as the words do, the special, the loose.

    The first set needs nothing more; each special character comes with the case fold of its
    lower case, which differs from that lower case ("ß" -> "ss"): a grammar allows it only
    where no strong word or prefix can hold that fold (:func:`_allowed`). The loose ones
    (a combining mark, a joiner, "½") are a word character for one reading only: they are
    allowed where neither reading puts a word character beside them.
    """
    every, regex_words = _checked_string(), _regex_words()
    plain: set[str] = set()
    special: list[tuple[str, str]] = []
    loose: set[str] = set()
    for char in every:
        lower = char.lower()
        word = _is_word_char(char)
        if len(lower) != 1 or _is_word_char(lower) != word:
            continue
        folded = lower.casefold()
        if char.casefold() != folded:
            continue
        if (char in regex_words) != word:
            if folded == lower:
                loose.add(char)
        elif folded == lower:
            plain.add(char)
        elif folded.casefold() == folded:
            special.append((char, folded))
    return frozenset(plain), tuple(special), frozenset(loose)


def _allowed(folded: str, words: Iterable[str], prefixes: Iterable[str]) -> bool:
    """Whether a character folding to ``folded`` can stand in a block read by the scan.

    Its run is then no strong word and begins with no prefix by either reading: no strong
    word or prefix holds the fold, and no prefix ends in the fold's beginning.
    """
    return not any(folded in word for word in words) and not any(
        prefix.endswith(folded[:size]) for prefix in prefixes for size in range(1, len(folded))
    )


def _class(chars: Iterable[str]) -> str:
    """A character class body of ``chars``, as ranges."""
    codes = sorted(map(ord, chars))
    parts: list[str] = []
    index = 0
    while index < len(codes):
        last = index
        while last + 1 < len(codes) and codes[last + 1] == codes[last] + 1:
            last += 1
        low, high = chr(codes[index]), chr(codes[last])
        parts.append(re.escape(low) if low == high else f"{re.escape(low)}-{re.escape(high)}")
        index = last + 1
    return "".join(parts)


_Node = dict[str, "_Node"]


def _tree(words: Iterable[str]) -> str:
    """``words`` as a prefix tree without quantifiers: an empty branch ends a word early."""
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node(root)


def _node(node: _Node) -> str:
    branches = [re.escape(step) + _node(child) for step, child in sorted(node.items()) if step]
    if "" in node and branches:
        branches.append("")  # tried last: a longer word first, as the boundary after it decides
    if len(branches) <= 1:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"


@attrs.frozen
class CarrierWords:
    """One grammar's carrier words as a scan of lower-cased text, and where it may run."""

    #: A strong word ending at a word boundary, or a prefix, where a word begins.
    word: re.Pattern[str]
    #: The same after a character that is no word character: what the scan searches for. A
    #: pattern led by a character class lets ``re`` skip to its candidates without trying
    #: the whole pattern at every place (0.18 s against 0.31 s for a leading ``\b``).
    after_boundary: re.Pattern[str]
    #: A character outside the set the scan is proven on, loose ones included.
    outside: re.Pattern[str]
    #: The loose characters the scan is proven on where no word character stands beside them.
    loose: frozenset[str]

    @classmethod
    def build(cls, strong: Iterable[str], prefixes: Iterable[str]) -> CarrierWords:
        """The scan for ``strong`` words and compound ``prefixes`` (both case-folded)."""
        # a word or prefix holding a character that is no word character never equals, or
        # begins, a run of word characters: the word-by-word reading never finds it either
        words = sorted(word for word in strong if word and all(map(_is_word_char, word)))
        starts = sorted(prefix for prefix in prefixes if prefix and all(map(_is_word_char, prefix)))
        branches = []
        if words:
            branches.append(rf"{_tree(words)}\b")
        if starts:
            branches.append(_tree(starts))
        word = "(?:" + "|".join(branches) + ")" if branches else "(?!)"
        plain, special, loose = _checked_chars()
        safe = set(plain)
        safe.update(char for char, folded in special if _allowed(folded, (*strong, *prefixes), prefixes))
        # loose characters away from word characters make words of their own (which carry
        # nothing: no strong word holds one) or none, and leave the others as they are; beside
        # a word character one may join or split a word
        alone = frozenset(char for char in loose if not any(char in text for text in (*strong, *prefixes)))
        return cls(
            word=quantifier_free(word),
            after_boundary=quantifier_free(rf"\W{word}"),
            outside=quantifier_free(f"[^{_class(safe)}]"),
            loose=alone,
        )

    def starts(self, text: str, start: int, stop: int) -> list[int] | None:
        """Where the carrier words of ``text[start:stop]`` begin, or None where the scan may not run."""
        odd = self.outside.search(text, start, stop)
        while odd is not None:
            at = odd.start()
            if odd.group() not in self.loose or (
                (at > start and _is_word_char(text[at - 1]))
                or (at + 1 < stop and _is_word_char(text[at + 1]))
            ):
                return None
            odd = self.outside.search(text, at + 1, stop)
        block = text[start:stop].lower()
        # each hit holds the character before its word: the word starts one further on
        found = [hit.start() + start + 1 for hit in self.after_boundary.finditer(block)]
        if self.word.match(block) is not None:
            found.insert(0, start)
        return found


@attrs.frozen
class TenseWords:
    """One language's tense words as a scan of lower-cased text, and where it may run."""

    #: The tense words (lower-cased) with no word character on either side.
    scan: re.Pattern[str]
    #: A character outside the set the scan is proven on.
    outside: re.Pattern[str]

    @classmethod
    def build(cls, words: Iterable[str]) -> TenseWords:
        """The scan that finds ``words`` where the resolver's case-insensitive search of them does."""
        forms = sorted({word.lower() for word in words if word})
        body = _tree(forms) if forms else "(?!)"
        letters = sorted({char for form in forms for char in form})
        matching: dict[str, set[str]] = {}
        every = _checked_string()
        for letter in letters:
            for char in regex.findall(regex.escape(letter), every, flags=regex.IGNORECASE, timeout=TIMEOUT_S):
                matching.setdefault(char, set()).add(letter)
        alphabet = frozenset(letters)
        safe = [
            char
            for char in every
            if len(lower := char.lower()) == 1
            and _is_word_char(lower) == (char in _regex_words())
            and matching.get(char, set()) == ({lower} & alphabet)
        ]
        return cls(
            scan=quantifier_free(rf"(?<!\w){body}(?!\w)"), outside=quantifier_free(f"[^{_class(safe)}]")
        )

    def spans(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]] | None:
        """The tense words in ``text[start:end]`` in order, or None where the scan may not run.

        The character before ``start`` is read too, as the case-insensitive search reads it.
        """
        low = max(0, start - 1)
        if self.outside.search(text, low, end) is not None:
            return None
        piece = text[low:end].lower()
        return ((hit.start() + low, hit.end() + low) for hit in self.scan.finditer(piece, start - low))
