"""Where a date expression can start: the pre-scan that keeps the grammar off plain text.

Trying the whole date alternation at a position is what costs, and most of a news text holds
no date at all. Every match of the grammar holds a *carrier*: a word of the date tables
(month, weekday, unit, "heute" ...) or a number shaped like a date (a year, ``14.03.``,
``14:30``, ``Q3``, ``1990s``). The pre-scan finds the carriers with string methods only
(one split of the text, set look-ups on its distinct words, ``str.find`` for their places),
and the grammar is tried at each carrier and at the few words just before it that can open
an expression ("the", "early", "am", a number of a duration). Text without carriers costs
one split and one set intersection.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import methodcaller, or_
from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S, backtrack_free

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quotekit.dates._grammar import Grammar

#: Punctuation stripped from the ends of a white-space separated chunk to leave its word; a
#: chunk with anything else around or inside its word is split by the word pattern instead.
_EDGE_PUNCTUATION: Final = (
    "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"
    "\u00a0\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2013\u2014"
)
#: How far before a carrier an opener may start, in characters and in words.
WINDOW_CHARS: Final = 160
OPENER_REACH: Final = 4
_WORD = regex.compile(r"\w+")
#: The same words, backtrack-free: one scan of a block's punctuated chunks needs no timeout.
_WORD_PART = backtrack_free(r"\w++")
#: Backtrack-free, so the scan over a whole block skips the timeout's clock (see quotekit._regex).
_DIGITS = backtrack_free(r"\d++")
#: Inside a number like a date or a time: "14.03.", "3/4", "14:30", "2025-03-14", "14. 3.".
_DATE_JOINERS: Final = frozenset("./:-")


def is_word_char(char: str) -> bool:
    """Whether ``char`` is a word character of regular expressions (letter, digit, underscore)."""
    return char.isalnum() or char == "_"


def _whole_word_at(text: str, begin: int, end: int, start: int, stop: int) -> bool:
    return (begin == start or not is_word_char(text[begin - 1])) and (
        end == stop or not is_word_char(text[end])
    )


def _words(text: str, start: int, stop: int) -> set[str]:
    """The distinct words of ``text[start:stop]`` as written (case kept)."""
    words: set[str] = set()
    for low, high in _pieces(text, start, stop):
        # map and filter run the per-chunk calls in C: a news text has thousands of distinct chunks
        chunks = set(text[low:high].split())
        # most chunks are a word alone, which stripping leaves as it is: only the others are stripped
        bare = set(filter(str.isalnum, chunks))
        stripped = set(map(str.strip, chunks - bare, repeat(_EDGE_PUNCTUATION)))
        alone = set(filter(str.isalnum, stripped))
        words |= bare
        words |= alone
        # "Friday's", "Montag/Dienstag": the chunks with inner punctuation, split in one scan (a
        # space between them ends every word)
        words.update(_WORD_PART.findall(" ".join(stripped - alone)))
    return words


#: The words of a block are listed piece by piece, each about this long: the list of chunks
#: and of word parts are made per piece, so hostile text (a quotation mark every three
#: characters, no space for a megabyte) never holds a string per word of the whole block.
_PIECE: Final = 1 << 16
#: Where a piece may end: white space (the chunks are the same), else a quotation mark (no
#: word part holds one: the same words, but for a chunk cut in two at it).
_CUT_AT: Final = (" ", "\n", '"', "„", "“", "”", "«", "»")


def _pieces(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    low = start
    while stop - low > _PIECE:
        limit = low + _PIECE
        cut = -1
        for mark in _CUT_AT:
            cut = max(cut, text.rfind(mark, low + 1, limit))
            if cut > low and mark == "\n":
                break  # white space found: no need for a mark
        if cut <= low:
            cut = stop  # one word of 64 K letters: read it whole
        yield low, cut
        low = cut
    if low < stop:
        yield low, stop


def _occurrences(text: str, word: str, start: int, stop: int) -> Iterator[int]:
    at = text.find(word, start, stop)
    while at >= 0:
        if _whole_word_at(text, at, at + len(word), start, stop):
            yield at
        at = text.find(word, at + len(word), stop)


def _date_shaped(grammar: Grammar, text: str, begin: int, end: int, stop: int) -> bool:
    """Whether the number token ``text[begin:end]`` can carry a date by itself."""
    token = text[begin:end]
    if not token.isdigit():
        # Q3, 1990s, 90er, 4th, 10am carry a date; 4K, 3D, 16GB and 1080p do not
        digits_end = begin
        while digits_end < end and not text[digits_end].isdigit():
            digits_end += 1
        while digits_end < end and text[digits_end].isdigit():
            digits_end += 1
        letters = "".join(char for char in token if not char.isdigit()).casefold()
        return letters in grammar.vocabulary or _am_pm_at(text, digits_end, stop)
    if len(token) == 4:
        return True  # a year
    after = text[end : min(stop, end + 3)]
    joiner = after[:1]
    if joiner in _DATE_JOINERS and (after[1:2].isdigit() or (after[1:2] == " " and after[2:3].isdigit())):
        # 14.03., 3/4/98, 14:30, 2025-03-14, 14. 3.; but 4.5 and 2.0 are decimals: a day and a
        # month written with dots end in one, a time (um 12.15) has two digits of minutes
        return joiner != "." or _dotted_day_month_or_time(text, end, stop)
    return _am_pm_at(text, end, stop)


def _dotted_day_month_or_time(text: str, dot: int, stop: int) -> bool:
    """Whether the digits after the dot at ``dot`` end in one (14.03., 14. 3.2025) or are minutes (12.15)."""
    at = dot + 1
    spaced = at < stop and text[at] == " "
    at += spaced
    digits = at
    while at < stop and at - digits < 3 and text[at].isdigit():
        at += 1
    if at < stop and text[at] == ".":
        return at > digits
    return not spaced and at - digits == 2 and not (at < stop and text[at].isdigit())


def _am_pm_at(text: str, at: int, stop: int) -> bool:
    """Whether "am", "p.m.", " a. m" ... stands at ``at`` (a clock time's half of the day)."""
    piece = text[at : min(stop, at + 7)].casefold()
    index = 1 if piece[:1] in (" ", "\t") else 0
    if piece[index : index + 1] not in ("a", "p"):
        return False
    index += 1
    index += piece[index : index + 1] == "."
    index += piece[index : index + 1] in (" ", "\t")
    if piece[index : index + 1] != "m":
        return False
    after = text[at + index + 1 : at + index + 2] if at + index + 1 < stop else ""
    return not (after and is_word_char(after))


def carriers(grammar: Grammar, text: str, start: int, stop: int) -> list[int]:
    """Start offsets of the carrier words in ``text[start:stop]``, in order."""
    # one scan of the lower-cased block where it is proven to find what the words would
    scanned = grammar.carrier_words.starts(text, start, stop)
    found = set(scanned) if scanned is not None else word_carriers(grammar, text, start, stop)
    end = start
    for digits in _DIGITS.finditer(text, start, stop):
        begin = digits.start()
        if begin < end:
            continue  # a later digit run of a token already looked at ("Q3a4")
        # is_word_char written out: this runs at every number of the text
        while begin > start and ((char := text[begin - 1]).isalnum() or char == "_"):
            begin -= 1  # "Q3"
        end = digits.end()
        while end < stop and ((char := text[end]).isalnum() or char == "_"):
            end += 1  # "1990s", "90er", "4th"
        if _date_shaped(grammar, text, begin, end, stop):
            found.add(begin)
    return sorted(found)


def word_carriers(grammar: Grammar, text: str, start: int, stop: int) -> set[int]:
    """Where the carrier words of ``text[start:stop]`` begin, read word by word.

    Every distinct word of the block is looked up (a strong word, or one that begins with a
    strong prefix) and the places of those that carry are found with ``str.find``.
    """
    strong, prefixes = grammar.strong, grammar.strong_prefixes
    found: set[int] = set()
    words = list(_words(text, start, stop))
    folded = list(map(str.casefold, words))
    # which words carry, decided in C by map over the folded forms: few of them do
    carrying: Iterator[bool] = map(strong.__contains__, folded)
    # only the prefixes found somewhere in the words can begin one: one search each
    joined = " ".join(folded) if prefixes else ""
    present = tuple(prefix for prefix in prefixes if prefix in joined)
    if present:
        carrying = map(or_, carrying, map(methodcaller("startswith", present), folded))
    for word in compress(words, carrying):
        found.update(_occurrences(text, word, start, stop))
    return found


@attrs.define
class Cursor:
    """How far the caller has read: candidates before ``at`` lie inside a match already taken."""

    at: int = 0


def starts(
    grammar: Grammar, text: str, start: int, stop: int, cursor: Cursor | None = None
) -> Iterator[tuple[int, int]]:
    """Candidate match starts in reading order, each with the carrier it leads to.

    For each carrier: the words among the :data:`OPENER_REACH` before it (not before the
    previous carrier) that can open an expression, then the carrier itself. The caller
    skips candidates that fall inside a match it already took; when it moves ``cursor`` past
    a match, the carriers and openers before the cursor are not looked at at all (a date's
    later carriers, "14" and "2025" in "March 14, 2025", cost nothing then).
    """
    if cursor is None:
        cursor = Cursor(start)
    tried = start
    for carrier in carriers(grammar, text, start, stop):
        if carrier < cursor.at:
            tried = carrier + 1
            continue
        low = max(tried, carrier - WINDOW_CHARS)
        if low < carrier:
            for begin in _openers(grammar, text, start, low, carrier, cursor.at):
                yield begin, carrier
        yield carrier, carrier
        tried = carrier + 1


def _openers(grammar: Grammar, text: str, start: int, low: int, carrier: int, floor: int) -> list[int]:
    """Where the words of ``text[low:carrier]`` that can open a match reaching ``carrier`` begin.

    Walks back from the carrier word by word, with string methods on the short slice (a regex
    scanner costs more to set up than this), and stops as soon as no word further back can
    open the match: an opener reaches a carrier over :data:`OPENER_REACH` words, and a number
    counts as one on the way ("up to 10 to 12 weeks" opens at "up", "the last two or three
    years" at "the"; "a" and "one" are too common to stretch the reach); every word between an
    opener and the carrier belongs to the grammar, so an opener before a foreign word ("12
    percent from a year") cannot reach it. Words before ``floor`` are not looked at, and at
    most the last :data:`OPENER_REACH` * 3 words of the slice are.
    """
    piece = text[low:carrier]
    # most walks end at the word right before the carrier, which no rule holds ("said
    # Tuesday"): that word alone is looked at first, without listing the chunks before it
    last = piece.rsplit(None, 1)
    if last and (word := last[-1].strip(_EDGE_PUNCTUATION)).isalnum() and not grammar.can_be_inside(word):
        return []
    return walk_back(grammar, text, start, low, carrier, floor)


def walk_back(grammar: Grammar, text: str, start: int, low: int, carrier: int, floor: int) -> list[int]:
    """:func:`_openers` read chunk by chunk from the carrier, with no short cut."""
    can_be_inside = grammar.can_be_inside
    piece = text[low:carrier]
    weak, weak_prefixes, numbers = grammar.weak, grammar.weak_prefixes, grammar.lexicon.numbers
    # a word starting at ``low`` right after a word character is the tail of a cut word
    cut = low > start and is_word_char(text[low - 1])
    found: list[int] = []
    distance, farthest, seen = 0, OPENER_REACH - 1, 0
    position = len(piece)
    for chunk in _chunks_backward(piece):
        at = piece.rfind(chunk, 0, position)
        position = at
        word = chunk.strip(_EDGE_PUNCTUATION)
        if word.isalnum():
            words = [(low + at + len(chunk) - len(chunk.lstrip(_EDGE_PUNCTUATION)), word)]
        elif word:
            words = [(low + at + m.start(), m.group()) for m in _WORD.finditer(chunk, timeout=TIMEOUT_S)]
            words.reverse()
        else:
            continue
        for begin, word in words:
            if begin < floor or (cut and begin == low) or distance > farthest or not can_be_inside(word):
                found.reverse()
                return found
            folded = word.casefold()
            if word[:1].isdigit() or numbers.get(folded, 0) > 1:
                farthest = max(farthest, distance + OPENER_REACH)
            if (
                folded in weak
                or word[:1].isdigit()
                or (weak_prefixes and folded.startswith(weak_prefixes))
                or folded[-3:] == "mal"
            ):
                found.append(begin)
            distance += 1
        seen += len(words)
        if seen > 3 * OPENER_REACH:
            break
    found.reverse()
    return found


#: The last few chunks are split off first: the walk back from a carrier mostly stops after one
#: or two words, and splitting the whole window into its 20 or 30 chunks costs more than that.
_FIRST_CHUNKS: Final = OPENER_REACH + 2


def _chunks_backward(piece: str) -> Iterator[str]:
    """The white-space separated chunks of ``piece`` from the last, as ``reversed(piece.split())``."""
    tail = piece.rsplit(None, _FIRST_CHUNKS)
    if len(tail) <= _FIRST_CHUNKS:
        yield from reversed(tail)
        return
    yield from reversed(tail[1:])
    yield from reversed(tail[0].split())
