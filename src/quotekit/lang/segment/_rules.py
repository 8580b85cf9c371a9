"""Where a sentence ends: the rules, and the per-language tables they read.

A sentence ends at an end mark (``.``, ``!``, ``?``, ``…``, a run of them), with any closing
quotation marks and brackets after it, followed by white space and something that can open a
sentence: a capital, a digit or an opening mark. A full stop after such a mark is weighed
against the word it follows:

- an abbreviation of ``segment_abbreviations`` (Dr., Nr., z.B., Mr.) never ends a sentence;
- one of ``segment_abbreviations_final`` (usw., Inc., U.S., Fla.) ends one only before a word
  that starts sentences (a ``function_words`` row such as Die, The, He);
- a single letter is an initial (J. R. R. Tolkien), never an end;
- a word ending in one of ``segment_abbreviation_endings`` is an abbreviated compound
  (Goethestr.), never an end;
- a number ends a sentence unless the language writes ordinals with a full stop and the number
  reads as one: a ``segment_ordinal_before`` word before it (am 3., der 2.) or a month or
  ``segment_ordinal_nouns`` word after it (3. Oktober, 18. Jahrhundert). A number opening its
  paragraph is a list item (1. Die Ziele), not a sentence;
- any other word ends the sentence.

Each candidate is judged in Python by set look-ups on the words around it; the only pattern is
backtrack-free (possessive runs), so one pass over a paragraph is linear in its length.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from quotekit._regex import backtrack_free

if TYPE_CHECKING:
    from quotekit.lang import LanguageData

__all__ = ["SentenceRules", "paragraph_sentences", "sentence_starts", "split_sentences"]

#: An end-mark run, the closing marks after it, and the white space (not a line break) after
#: those, if any: a candidate end when that white space is there (see _candidates). The
#: character after the match is what the following sentence would open with. The white space
#: is optional so that every run matches whole: a pattern that required it would fail on a run
#: with none after it, then try again from each of the run's marks, quadratic in its length.
_END_RUN = backtrack_free(r"[.!?…]++[\"'“”»«’‘)\]]*+[^\S\n]*+")
#: What may open a sentence besides a capital or a digit: opening quotation marks and brackets.
OPENERS: Final = frozenset("„“\"»«‚‘'([")
#: Characters of the word before a full stop: letters, digits, inner dots and hyphens (U.S., 14.03).
_WORD_CHARS: Final = frozenset(".-")
#: No abbreviation, initialism or date before a full stop is longer than this.
_LONGEST_WORD: Final = 24
_TABLES: Final = (
    "segment_abbreviations",
    "segment_abbreviations_final",
    "segment_ordinal_before",
    "segment_ordinal_nouns",
    "segment_abbreviation_endings",
)


def _as_words(rows: Iterable[object]) -> frozenset[str]:
    """Table rows as abbreviations without their final dot (``"z.B."`` and ``"z.B"`` alike)."""
    return frozenset(row.rstrip(".") for row in rows if isinstance(row, str) and row.rstrip("."))


@attrs.frozen(kw_only=True)
class SentenceRules:
    """One language's sentence-boundary knowledge, compiled from its tables."""

    #: Words whose full stop never ends a sentence (Dr, Nr, z.B).
    abbreviations: frozenset[str]
    #: Words whose full stop ends a sentence only before a sentence starter (usw, Inc, U.S).
    final_abbreviations: frozenset[str]
    #: Endings of abbreviated compounds whose full stop ends no sentence (Goethestr.).
    abbreviation_endings: tuple[str, ...]
    #: Case-folded words that start sentences: a may-end abbreviation before one ends its sentence.
    starters: frozenset[str]
    #: Case-folded words before a number that make it an ordinal (am 3. Oktober, der 2. Weltkrieg).
    ordinal_before: frozenset[str]
    #: Words after a number with a full stop that make it an ordinal (3. Oktober, 18. Jahrhundert).
    ordinal_nouns: frozenset[str]

    @classmethod
    def from_data(cls, data: LanguageData, langs: Iterable[str]) -> SentenceRules:
        """The rules of ``langs`` merged (one language, or every language for unknown text)."""
        langs = tuple(langs)
        tables: dict[str, set[str]] = {name: set() for name in _TABLES}
        starters: set[str] = set()
        months: set[str] = set()
        for lang in langs:
            for name in _TABLES:
                tables[name].update(_as_words(data.table(lang, name)))
            # the quote attributor's table, read too, so rows a plugin added there keep working
            tables["segment_abbreviations"].update(_as_words(data.table(lang, "quote_abbreviations")))
            starters.update(word.casefold() for word in data.words(lang, "function_words"))
            starters.update(word.casefold() for word in data.words(lang, "speaker_pronouns"))
            for row in data.table(lang, "date_months"):
                word = row.get("word") if isinstance(row, Mapping) else None
                if isinstance(word, str):
                    (tables["segment_abbreviations_final"] if word.endswith(".") else months).add(
                        word.rstrip(".")
                    )
        ordinal_nouns = tables["segment_ordinal_nouns"]
        return cls(
            abbreviations=frozenset(tables["segment_abbreviations"] - tables["segment_abbreviations_final"]),
            final_abbreviations=frozenset(tables["segment_abbreviations_final"]),
            abbreviation_endings=tuple(sorted(tables["segment_abbreviation_endings"])),
            starters=frozenset(starters),
            ordinal_before=frozenset(word.casefold() for word in tables["segment_ordinal_before"]),
            # months make ordinals only where the language writes ordinals with a full stop
            ordinal_nouns=frozenset(ordinal_nouns | months) if ordinal_nouns else frozenset(),
        )


def split_sentences(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    rules: SentenceRules | Callable[[int], SentenceRules],
) -> list[tuple[int, int]]:
    """The sentences of every paragraph of ``text``, in order, each trimmed of white space.

    ``paragraphs`` are trimmed spans without line breaks, in order (see ``paragraph_spans``);
    ``rules`` are those of the text's language, or a function giving the rules of the language
    at a paragraph's start, asked only for a paragraph holding a possible end. The sentences
    are those :func:`sentence_starts` gives each paragraph, but the text is scanned for end
    marks once, not once per paragraph: most paragraphs of a news text hold no end mark before
    their last word, and those cost a tuple.
    """
    # a candidate never spans a line break, so each lies in the line of one paragraph
    candidates = _candidates(text, 0, len(text))
    if not candidates:
        return list(paragraphs)
    sentences: list[tuple[int, int]] = []
    append = sentences.append
    count = len(candidates)
    index = 0
    for start, end in paragraphs:
        while index < count and candidates[index][0] < start:
            index += 1  # past the end of an earlier paragraph
        if index == count or candidates[index][1] >= end:
            append((start, end))
            continue
        paragraph_rules = rules if isinstance(rules, SentenceRules) else rules(start)
        index = _append_sentences(text, start, end, paragraph_rules, candidates, index, append)
    return sentences


def paragraph_sentences(text: str, start: int, end: int, rules: SentenceRules) -> list[tuple[int, int]]:
    """The sentences of the one paragraph ``text[start:end]`` (trimmed, no line break)."""
    sentences: list[tuple[int, int]] = []
    _append_sentences(text, start, end, rules, _candidates(text, start, end), 0, sentences.append)
    return sentences


def sentence_starts(text: str, start: int, end: int, rules: SentenceRules) -> list[int]:
    """The offsets in ``text[start:end]`` (one paragraph, no line break) where a new sentence starts.

    The paragraph's own start is not included; ``start`` and ``end`` should be trimmed of white
    space.
    """
    return [sentence_start for sentence_start, _ in paragraph_sentences(text, start, end, rules)[1:]]


def _append_sentences(
    text: str,
    start: int,
    end: int,
    rules: SentenceRules,
    candidates: Sequence[tuple[int, int]],
    index: int,
    append: Callable[[tuple[int, int]], None],
) -> int:
    """Append the sentences of the paragraph ``text[start:end]``, each trimmed of white space.

    ``candidates`` are end-mark runs (see ``_candidates``) in text order, the paragraph's from
    ``index`` on; returns the index of the first one the paragraph did not read. The one loop
    behind the document-wide split and the split of a single paragraph.
    """
    count = len(candidates)
    position = start
    while index < count:
        mark, following = candidates[index]
        if following >= end:
            break
        index += 1
        opener = text[following]
        if (opener.isupper() or opener.isdigit() or opener in OPENERS) and _ends_sentence(
            text, mark, following, rules, position
        ):
            stop = following
            while text[stop - 1].isspace():
                stop -= 1
            append((position, stop))
            position = following
    append((position, end))
    return index


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (first mark, end) of each end-mark run in ``text[start:end]`` with white space after it."""
    # a match ends in white space exactly when it has some: marks and closers are none
    return [match.span() for match in _END_RUN.finditer(text, start, end) if text[match.end() - 1].isspace()]


def _ends_sentence(  # noqa: PLR0911 - one return per case of the module docstring, in its order
    text: str, mark: int, following: int, rules: SentenceRules, sentence_start: int
) -> bool:
    """Whether the end mark at ``mark`` ends the sentence; the next sentence would open at ``following``."""
    if text[mark] != "." or text[mark + 1] in ".…":
        return True  # ! ? … and runs of dots end the sentence before a capital
    if not text[mark + 1].isspace():
        return True  # a full stop inside closing marks: „Wir kommen.“ Die …
    word_start = mark
    while word_start > sentence_start and (
        text[word_start - 1].isalnum() or text[word_start - 1] in _WORD_CHARS
    ):
        word_start -= 1
        if mark - word_start > _LONGEST_WORD:
            return True
    word = text[word_start:mark]
    if not word:
        return True  # (dpa). / 100 %. : a mark before the full stop
    if word[-1].isdigit():
        return _number_ends_sentence(text, word_start, mark, following, rules, sentence_start)
    if len(word) == 1:
        return False  # an initial: J. R. R. Tolkien
    if word in rules.final_abbreviations or (
        "." in word and word.replace(".", "").isupper() and len(word) <= 2 * len(word.replace(".", ""))
    ):
        # usw., Inc., U.S., N.Y.: the end of the sentence only before a word that starts one
        return _next_word(text, following).casefold() in rules.starters or text[following] in OPENERS
    return not (
        word in rules.abbreviations
        or word[0].lower() + word[1:] in rules.abbreviations
        or (word[0].isupper() and word.endswith(rules.abbreviation_endings))
    )


def _number_ends_sentence(
    text: str, word_start: int, mark: int, following: int, rules: SentenceRules, sentence_start: int
) -> bool:
    """Whether a number's full stop ends the sentence (auf 23. Die …) or makes an ordinal (am 3. Mai)."""
    if word_start == sentence_start:
        return False  # 1. Die Ziele: a list item's number, not a sentence of its own
    if not rules.ordinal_nouns or "." in text[word_start:mark]:
        return True  # no ordinals with a full stop; a date (bis zum 31.12.) has its own
    if _next_word(text, following) in rules.ordinal_nouns:
        return False
    return _previous_word(text, word_start, sentence_start).casefold() not in rules.ordinal_before


def _next_word(text: str, start: int) -> str:
    """The letters from ``start`` on (the word a following sentence would open with)."""
    end = start
    limit = min(len(text), start + _LONGEST_WORD)
    while end < limit and (text[end].isalpha() or text[end] == "-"):
        end += 1
    return text[start:end]


def _previous_word(text: str, end: int, floor: int) -> str:
    """The word before the white space that ends at ``end`` (am in „am 3.“), or ``""``."""
    stop = end
    while stop > floor and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > floor and stop - start < _LONGEST_WORD and text[start - 1].isalpha():
        start -= 1
    return text[start:stop]
