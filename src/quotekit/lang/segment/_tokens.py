"""Word tokens with offsets: the one tokenizer every extractor's token windows come from.

A token is a word (Nato-Chef, U.S., don't, 14.03.2025) or one other mark. A word keeps a full
stop that belongs to it (Dr., U.S., R-Ky.); a sentence's full stop glued to a word is a token of
its own. Callers tokenize a bounded stretch (a paragraph, a window); the shared
:class:`~quotekit.lang.segment.Segmentation` tokenizes each paragraph once and serves windows
from it.
"""

from __future__ import annotations

import bisect
from itertools import accumulate, repeat
from operator import add
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from quotekit._regex import backtrack_free

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quotekit.lang import LanguageData

__all__ = ["Plain", "Token", "WordSplits", "plain_tokens", "token_at", "tokenize"]

#: A token with the white space before it: a word (Nato-Chef, U.S., don't) or one other mark.
#: Every character is white space or starts a token, so the pairs tile the text and findall,
#: which makes no match objects, yields every offset. It cannot backtrack, so it needs no
#: timeout (see quotekit._regex): tokenizing is the quote extractor's hottest loop. Trailing
#: white space matches with an empty token at the end (\Z), so a long run of it is read once,
#: not once per start position.
_SPACE_AND_TOKEN = backtrack_free(
    r"(\s*+)([\p{L}\p{M}\p{N}]++(?:[-'’.&][\p{L}\p{M}\p{N}]++)*+\.?+|[^\s\p{L}\p{M}\p{N}]|\Z)"
)
#: Characters that str.split() takes for white space and the pattern's \s does not (the C0
#: information separators): a window holding one is tokenized by the pattern alone.
_SPLIT_ONLY_SPACES: Final = ("\x1c", "\x1d", "\x1e", "\x1f")
#: Marks that often follow a word directly: none of them is a word character of the pattern.
_TRAILING_MARKS: Final = frozenset(",.;:!?)\"'’”“»«")
#: Marks that are a token of their own at either end of a chunk: neither a word character nor
#: white space of the token pattern (tests check it), so none can join the word beside them.
_EDGE_MARKS: Final = ",.;:!?\"'’”“„‚‘»«›‹()[]{}<>-‐‑–—&%$€£#*/\\|+=~^`@_…·•§°"
#: The marks that join two words into one token (Nato-Chef, don't, U.S, AT&T), spelt alike.
_JOINERS: Final = str.maketrans(".'’&", "----")


#: A token as a plain tuple: (start, end, text).
Plain = tuple[int, int, str]


class Token(NamedTuple):
    """A word or punctuation mark with its offsets in the document (a tuple: cheap to make)."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (letters or digits), not punctuation."""
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        """Whether the word starts with a capital letter."""
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Return the tokens of ``text[start:end]`` with document offsets.

    Callers pass a bounded window (a sentence, a quote's frame), never a whole document.
    """
    return list(map(tuple.__new__, repeat(Token), plain_tokens(text, start, end)))


def plain_tokens(text: str, start: int, end: int) -> list[Plain]:
    """The tokens of :func:`tokenize` as plain ``(start, end, text)`` tuples.

    What a reader keeps for long (the shared segmentation keeps a document's sentences' tokens)
    is kept this way: the garbage collector stops tracking a plain tuple of numbers and strings
    at its first collection, never a tuple subclass such as :class:`Token`, so kept Tokens were
    scanned again by every later collection of the document and the next one.
    """
    window = text[start:end]
    # str.split finds the white-space separated chunks in C; a chunk of letters and digits
    # only (most words) is one token as it stands, since every such character is one the
    # token pattern reads as a word character. The others (a word with its comma or full
    # stop, a quotation mark, U.S.) are read by _tokenize_chunk.
    chunks = window.split()
    tokens: list[Plain] = []
    starts: Iterable[int]
    if " ".join(chunks) == window:
        # one space between chunks (most sentences): each starts one past the last one's end
        starts = accumulate(map(add, map(len, chunks), repeat(1)), initial=start)
    elif any(separator in window for separator in _SPLIT_ONLY_SPACES):
        return _tokenize_span(text, start, end, tokens)
    else:
        starts = _chunk_starts(text, chunks, start, end)
    append = tokens.append
    for at, chunk in zip(starts, chunks, strict=False):  # accumulate gives one start more
        if chunk.isalnum():
            append((at, at + len(chunk), chunk))
        elif chunk[-1] in _TRAILING_MARKS and chunk[:-1].isalnum():
            # a word and the mark after it (said, / Trump: / said.), read as the pattern would
            stop = at + len(chunk)
            if chunk[-1] == "." and (len(chunk) <= 2 or _abbreviation(chunk)):
                append((at, stop, chunk))  # Dr., U.: the full stop stays
            else:
                append((at, stop - 1, chunk[:-1]))
                append((stop - 1, stop, chunk[-1]))
        else:
            _tokenize_chunk(text, at, chunk, tokens)
    return tokens


def _chunk_starts(text: str, chunks: list[str], start: int, end: int) -> list[int]:
    """Where each chunk of ``text[start:end].split()`` starts, in document offsets."""
    starts = []
    find = text.find
    at = start
    for chunk in chunks:
        at = find(chunk, at, end)  # only white space lies between the cursor and the chunk
        starts.append(at)
        at += len(chunk)
    return starts


def _tokenize_chunk(text: str, at: int, chunk: str, tokens: list[Plain]) -> None:
    """Append the tokens of one white-space free ``chunk`` starting at ``at`` to ``tokens``.

    Most such chunks are a word between marks („Wir, (dpa), said.”) or words joined
    by a hyphen, an apostrophe or a dot (Nato-Chef, don’t, U.S.): those are read here as
    the token pattern reads them, every other one by the pattern itself.
    """
    append = tokens.append
    core = chunk.strip(_EDGE_MARKS)
    if not core:  # marks only (--, ".“): one token each
        for offset, mark in enumerate(chunk, at):
            append((offset, offset + 1, mark))
        return
    if not (core.isalnum() or all(map(str.isalnum, core.translate(_JOINERS).split("-")))):
        _tokenize_span(text, at, at + len(chunk), tokens)
        return
    lead = len(chunk) - len(chunk.lstrip(_EDGE_MARKS))
    for offset in range(at, at + lead):
        append((offset, offset + 1, chunk[offset - at]))
    position = at + lead
    stop = position + len(core)
    rest = chunk[lead + len(core) :]
    if rest[:1] == ".":
        # the full stop after the word: its own (Dr., U.S.) or the sentence's
        word = core + "."
        if len(word) <= 2 or _abbreviation(word):
            append((position, stop + 1, word))
        else:
            append((position, stop, core))
            append((stop, stop + 1, "."))
        stop += 1
        rest = rest[1:]
    else:
        append((position, stop, core))
    for offset, mark in enumerate(rest, stop):
        append((offset, offset + 1, mark))


def _tokenize_span(text: str, start: int, end: int, tokens: list[Plain]) -> list[Plain]:
    """Append the tokens of ``text[start:end]`` to ``tokens`` by the token pattern; return ``tokens``."""
    append = tokens.append
    at = start
    for space, word in _SPACE_AND_TOKEN.findall(text, start, end):
        if not word:
            break  # the white space at the end
        at += len(space)
        stop = at + len(word)
        if word[-1] == "." and len(word) > 2 and not _abbreviation(word):
            # A sentence full stop glued to a word: keep it as its own token.
            append((at, stop - 1, word[:-1]))
            append((stop - 1, stop, "."))
        else:
            append((at, stop, word))
        at = stop
    return tokens


def _abbreviation(word: str) -> bool:
    """Sen., Dr., U.S., R-Ky. (a dot inside, a short capitalised word, a party tag) keep their full stop."""
    core = word[:-1]
    if len(core) <= 8 and core[1:2] == "-" and core[:1].isupper():
        return True  # R-Ky., D-Calif.: party and state after a politician's name
    return "." in core or (len(core) <= 3 and core[:1].isupper()) or core in _TITLE_ABBREVIATIONS


#: Titles of more than three letters that keep their full stop (Prof. Dr. Anna Weber, Capt. Ruiz)
_TITLE_ABBREVIATIONS: Final = frozenset({"Prof", "Capt", "Supt", "Insp"})


#: The apostrophes an elided word may end in (l', l’): one look-up spelling for both.
_APOSTROPHE_SPELLINGS: Final = str.maketrans({"’": "'"})


@attrs.frozen
class WordSplits:
    """Where a language writes two words as one token, and how to part them.

    Two tables say it (``quotekit_language_data``): ``segment_elisions`` lists words elided
    before an apostrophe that belong to the word after it (French ``l'``, ``d'``, ``qu'``:
    ``qu'il`` is ``qu'`` and ``il``), ``segment_clitics`` the pronouns a hyphen joins to the
    verb before them, written with the hyphens (``-elle``, ``-t-il``: ``dit-elle`` is ``dit``
    and ``elle``, ``a-t-il`` is ``a`` and ``il``; the linking ``-t-`` belongs to neither word).
    The parts keep their offsets in the text; hyphens and the linking letters are no token.
    A language without these tables keeps every token whole.
    """

    #: Elided words with their apostrophe, case-folded, longest first.
    elisions: tuple[str, ...] = ()
    #: Hyphen-joined endings, case-folded, longest first.
    clitics: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: LanguageData, langs: Iterable[str]) -> WordSplits:
        """The splits of ``langs`` merged."""
        elisions: set[str] = set()
        clitics: set[str] = set()
        for lang in langs:
            elisions.update(_spelling(word) for word in data.words(lang, "segment_elisions"))
            clitics.update(_spelling(word) for word in data.words(lang, "segment_clitics"))
        return cls(
            elisions=tuple(
                sorted((e for e in elisions if e.endswith("'") and len(e) > 1), key=len, reverse=True)
            ),
            clitics=tuple(
                sorted(
                    (c for c in clitics if c.startswith("-") and c.rsplit("-", 1)[1]), key=len, reverse=True
                )
            ),
        )

    def __bool__(self) -> bool:
        return bool(self.elisions or self.clitics)

    def parts(self, word: str) -> list[tuple[int, int]]:
        """The (start, end) of each word in ``word`` relative to it: ``[(0, len(word))]`` when whole."""
        start, end = 0, len(word)
        found: list[tuple[int, int]] = []
        # slices of the word itself are compared, so offsets hold where case-folding changes a length
        for elision in self.elisions:
            cut = len(elision)
            if end > cut and word[cut].isalnum() and _spelling(word[:cut]) == elision:
                found.append((0, cut))
                start = cut
                break
        tail: tuple[int, int] | None = None
        for clitic in self.clitics:
            cut = end - len(clitic)
            if cut > start and word[cut - 1].isalnum() and _spelling(word[cut:]) == clitic:
                tail = (end - len(clitic.rsplit("-", 1)[1]), end)
                end = cut
                break
        found.append((start, end))
        if tail is not None and tail[0] < tail[1]:
            found.append(tail)
        return found

    def split(self, tokens: list[Plain]) -> list[Plain]:
        """``tokens`` (``(start, end, text)`` tuples) with every joined word parted.

        The list itself when nothing is joined; the parts are plain tuples.
        """
        result: list[Plain] | None = None
        for index, token in enumerate(tokens):
            at, _, text = token
            if not text[0].isalnum() or ("'" not in text and "’" not in text and "-" not in text):
                if result is not None:
                    result.append(token)
                continue
            parts = self.parts(text)
            if len(parts) == 1:
                if result is not None:
                    result.append(token)
                continue
            if result is None:
                result = tokens[:index]
            result.extend((at + a, at + b, text[a:b]) for a, b in parts)
        return tokens if result is None else result


def _spelling(word: str) -> str:
    """The look-up spelling of a word: case-folded, with one kind of apostrophe."""
    return word.casefold().translate(_APOSTROPHE_SPELLINGS)


def token_at(tokens: Sequence[Token], offset: int, lo: int = 0) -> int:
    """The index of the first token at or after ``lo`` starting at or after ``offset``.

    Tokens are in text order, so this is a bisection. The probe ``(offset,)`` sorts before
    every token that starts at ``offset`` and after every one that starts earlier, so the
    tuples are compared in C, without a key function called per step.
    """
    return bisect.bisect_left(tokens, (offset,), lo=lo)
