"""Pairing quotation marks in one left-to-right pass.

Real text does not pair marks the textbook way: German „…“ beside English “…”, ASCII "…" in
either, „…" and “…" from scraped embeds, apostrophes that look like closing single quotes
(don't, Kohl's, ’90er), quotes running over several paragraphs where every paragraph re-opens
the mark, and marks that are never closed. :class:`MarkScanner` walks the marks once with a
small stack (bounded depth, so every mark costs O(1)) and returns :class:`QuotedSpan` items:
content spans without the marks, with their nesting and whether the closing mark was found.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, TypeAlias, overload

import attrs
import regex

from quotekit._regex import TIMEOUT_S

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

__all__ = ["MarkScanner", "QuotedSpan", "Stretches"]

#: open_at, close_at (None: unclosed), content end, opening mark, closing mark's length
_Pair: TypeAlias = tuple[int, int | None, int, str, int]

#: Deeper nesting than this does not occur in prose; bounding the stack keeps each mark O(1).
MAX_DEPTH: Final = 4
#: An unclosed quote is cut at its paragraph's end, but never runs on longer than this.
MAX_UNCLOSED: Final = 1200

_OPENING_CONTEXT: Final = frozenset("([{<—–-/\u00a0")
_CLOSING_CONTEXT: Final = frozenset(".,;:!?)]}>…—–-/\u00a0")
_APOSTROPHES: Final = frozenset("'’")
#: Marks that open and close alike: nested inside their own kind they cannot be told apart
_STRAIGHT: Final = frozenset({'"', "'", "''"})
#: Punctuation that follows a closing mark and never the opening one (", zitiert X)
_PUNCTUATION_AFTER_CLOSE: Final = frozenset(",;)")
_SENTENCE_END = regex.compile(r"[.!?…](?=\s)")
#: A line longer than this is a paragraph kept on one line, not a wrapped one
_LONG_LINE: Final = 160
#: Hard-wrapped text has at most one long line (a URL, a table row) in this many
_LONG_LINE_SHARE: Final = 20
#: How far a line break looks ahead (the next line's start, the mark that closes a quote)
_LOOK_AHEAD: Final = 400


@attrs.frozen(kw_only=True)
class QuotedSpan:
    """Text between a pair of quotation marks.

    ``start``/``end`` cover the content without the marks; ``open_at`` is the opening mark's
    offset and ``close_at`` the closing mark's (``None`` when the mark was never closed and the
    span was cut at a boundary). ``depth`` is 0 for an outermost quote.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    opener: str
    closer_length: int = 1
    depth: int = 0
    parent: int | None = None

    @property
    def closed(self) -> bool:
        """Whether the closing mark was found."""
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        """The offset just after the closing mark (the content end when unclosed)."""
        return self.end if self.close_at is None else self.close_at + self.closer_length


class Stretches(Sequence[tuple[int, int]]):
    """Sorted (start, end) stretches kept in two machine-integer arrays, not a tuple apiece.

    The quoted stretches of a document are looked up by bisection; as tuples of Python ints
    they cost about 120 bytes each, here 16 (hostile text can hold a quote every two characters).
    """

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        #: The starts, ascending, and the end of each.
        self.starts = array("q")
        self.ends = array("q")

    def append(self, start: int, end: int) -> None:
        """Add a stretch; it must not start before the last one."""
        self.starts.append(start)
        self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self.starts[index], self.ends[index], strict=True))
        return self.starts[index], self.ends[index]


@attrs.define
class _Open:
    mark: str
    at: int
    paragraph_start: int
    #: The first single line break the quote ran over (hard-wrapped text): where it is cut
    #: if it never closes, as if the line break had ended its paragraph.
    soft_break: int | None = None


class MarkScanner:
    """Finds quoted spans given the opening marks and the closing marks each one accepts."""

    def __init__(
        self, pairs: Iterable[tuple[str, str]], elisions: Iterable[str] = (), spaced: Iterable[str] = ()
    ) -> None:
        # marks a space may part from their words (French « … »): they flank the word beyond it
        self._spaced = frozenset(spaced)
        # words written with an apostrophe in front ('tis, ’n’, 'ne): the apostrophe opens no quote
        # kept without the leading apostrophe, with a trailing one ('n' → n')
        self._elisions = frozenset(
            word.casefold().replace("’", "'").lstrip("'") for word in elisions if word.strip("'’")
        )
        self._longest_elision = max((len(word) for word in self._elisions), default=0)
        closers: dict[str, set[str]] = {}
        for opener, closer in pairs:
            if 1 <= len(opener) <= 2 and 1 <= len(closer) <= 2:
                closers.setdefault(opener, set()).add(closer)
        self._closers: Mapping[str, frozenset[str]] = {k: frozenset(v) for k, v in closers.items()}
        self._closing_marks = frozenset(c for cs in self._closers.values() for c in cs)
        self.openers = frozenset(self._closers)
        marks = sorted(set(self._closers) | self._closing_marks)
        self._all_marks = frozenset(marks)
        # two-character marks ('' as a double quote, NYT style) are tried before single ones
        long_marks = sorted((m for m in marks if len(m) > 1), key=len, reverse=True)
        single = "".join(m for m in marks if len(m) == 1)
        alternatives = [regex.escape(m) for m in long_marks] + [
            f"[{regex.escape(single)}\\n]" if single else "\\n"
        ]
        self._pattern = regex.compile("|".join(alternatives)) if marks else None
        self._canonical: Mapping[str, str] = {mark: mark for mark in marks}

    def scan(self, text: str) -> tuple[list[QuotedSpan], list[int]]:
        """Quoted spans in text order, and the offsets of opening marks that were never closed."""
        spans = list(self.spans(text))
        return spans, [span.open_at for span in spans if span.close_at is None]

    def spans(self, text: str) -> Iterator[QuotedSpan]:  # noqa: PLR0912 - one pass, one branch per kind of mark
        """Every quoted span in text order, made while the marks are read.

        A span is yielded as soon as no mark still open can come before it, so a caller that
        keeps only what it needs holds memory for the open marks, not for every mark of the
        text (5 MB of quotation marks are over a million spans). ``parent`` indexes the
        spans in the order they are yielded.
        """
        if self._pattern is None:
            return
        pending: list[_Pair] = []  # a heap: pairs made, waiting for the marks open before them
        stack: list[_Open] = []
        nesting = _Nesting(text, self._spaced)
        paragraph_start = 0
        skip_reopen = -1
        blank_lines = _hard_wrapped(text)
        canonical = self._canonical
        for match in self._pattern.finditer(text):
            at = match.start()
            mark = canonical.get(match.group(), "\n")  # one string object per kind of mark
            if mark == "\n":
                if stack and self._wrapped_line(text, at, stack[-1].mark, blank_lines=blank_lines):
                    # hard-wrapped text ("…a quote¶that runs on."): the line break ends no paragraph
                    for item in stack:
                        if item.soft_break is None:
                            item.soft_break = at
                    continue
                paragraph_start = at + 1
                if stack:
                    skip_reopen = self._paragraph_break(text, at, stack, pending)
            elif at == skip_reopen:
                continue  # the re-opening mark of a quote running on into this paragraph
            else:
                self._mark(text, at, mark, stack, pending, paragraph_start)
            if pending:
                # pairs opened before every mark still open are in their final order
                floor = stack[0].at if stack else len(text)
                while pending and pending[0][0] < floor:
                    yield nesting.add(heapq.heappop(pending))
        for item in stack:
            boundary = len(text) if item.soft_break is None else item.soft_break
            heapq.heappush(pending, (item.at, None, self._cut(text, item.at, boundary), item.mark, 1))
        while pending:
            yield nesting.add(heapq.heappop(pending))

    def _mark(  # noqa: C901, PLR0911, PLR0912 - one pass, one branch per case
        self,
        text: str,
        at: int,
        mark: str,
        stack: list[_Open],
        pairs: list[_Pair],
        paragraph_start: int,
    ) -> None:
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(mark)] if at + len(mark) < len(text) else " "
        if mark in self._spaced:
            # « Nous sommes prêts »: the word beyond the (no-break) space is what the mark flanks
            if after in _INNER_SPACES:
                after = _beyond_space(text, at + len(mark), 1)
            elif before in _INNER_SPACES:
                before = _beyond_space(text, at - 1, -1)
        if mark in _APOSTROPHES and before.isalnum() and after.isalpha():
            return  # don't, Kohl's
        if mark in _APOSTROPHES and self._elided(text, at, before):
            return  # 'Tis, rock ’n’ roll, so 'ne Sache: an apostrophe of an elided word
        if not before.isalnum() and (
            (mark in _APOSTROPHES and after.isdigit())  # ’90er, '98
            or (mark == "‘" and _elided_year(text, at + 1))  # in ‘08: the apostrophe typed as an opening mark
        ):
            return
        left_flanking = not after.isspace() and (
            before.isspace() or before in _OPENING_CONTEXT or before in self._all_marks
        )
        right_flanking = not before.isspace() and (
            after.isspace() or after in _CLOSING_CONTEXT or after in self._all_marks
        )
        if before.isspace() and after in _PUNCTUATION_AFTER_CLOSE:
            # …auf die Beine stellt ", zitiert ndr.de: a mark before a comma closes, space or not
            left_flanking, right_flanking = False, True
        # Close the nearest open quote this mark can close, unless the mark clearly opens.
        if mark in self._closing_marks and not (
            left_flanking
            and not right_flanking
            and mark in self._closers
            # “how “are” you”: a typographic mark that opens a word opens, even inside its own
            # kind; a straight mark there may as well close a quote that lost its space
            and (mark not in _STRAIGHT or not _same_open(stack, mark))
        ):
            for depth in range(len(stack) - 1, -1, -1):
                if mark in self._closers[stack[depth].mark]:
                    if mark in _APOSTROPHES and not right_flanking:
                        break
                    for inner in stack[depth + 1 :]:
                        heapq.heappush(
                            pairs,
                            (inner.at, None, _trim_end(text, inner.at + len(inner.mark), at), inner.mark, 1),
                        )
                    opened = stack[depth]
                    del stack[depth:]
                    heapq.heappush(pairs, (opened.at, at, at, opened.mark, len(mark)))
                    return
        if mark not in self._closers:
            return  # a closing mark with nothing to close: stray, ignored
        if mark in _APOSTROPHES and not left_flanking:
            return  # a possessive or elision apostrophe (Jesus' words), not an opening quote
        if after.isspace() or (right_flanking and not left_flanking):
            return  # a mark before a space or after a word does not open a quote
        if stack and stack[-1].mark == mark and mark not in self._closers[mark] and len(mark) == 1:
            # (``a ``b'' c'': TeX marks nest, written out by the typesetter's own rules)
            # „a „b: the earlier quote was never closed; it ends where the next one opens.
            previous = stack.pop()
            heapq.heappush(
                pairs,
                (previous.at, None, _trim_end(text, previous.at + len(previous.mark), at), previous.mark, 1),
            )
        if len(stack) >= MAX_DEPTH:
            return
        stack.append(_Open(mark, at, paragraph_start))

    def _paragraph_break(
        self,
        text: str,
        at: int,
        stack: list[_Open],
        pairs: list[_Pair],
    ) -> int:
        """Handle a line break inside an open quote; returns the offset of a re-opening mark."""
        position = at + 1
        limit = min(len(text), at + 200)
        while position < limit and text[position].isspace():
            position += 1
        if position < len(text) and text[position] == stack[0].mark and len(stack) == 1:
            return position  # the quote runs on: the new paragraph re-opens the same mark
        for item in stack:
            boundary = at if item.soft_break is None else item.soft_break
            heapq.heappush(pairs, (item.at, None, self._cut(text, item.at, boundary), item.mark, 1))
        stack.clear()
        return -1

    def _wrapped_line(self, text: str, at: int, mark: str, *, blank_lines: bool) -> bool:
        """Whether the line break at ``at``, inside a quote opened with ``mark``, only wraps a line.

        A mark re-opening the quote on the next line starts a paragraph (the run-on
        convention). A next line going on in lower case continues the sentence, even past a
        blank line (double-spaced text). Where blank lines set paragraphs apart, a single line
        break wraps; elsewhere it wraps when its line stops mid-sentence or the next line
        closes the quote.
        """
        end = at
        floor = max(0, at - _LOOK_AHEAD)
        while end > floor and text[end - 1].isspace():
            end -= 1  # back over a blank line too: its first break was judged already
        following = at + 1
        limit = min(len(text), at + _LOOK_AHEAD)
        blank = False
        while following < limit and text[following].isspace():
            blank = blank or text[following] == "\n"
            following += 1
        if end == floor or following >= limit:
            return False
        last, first = text[end - 1], text[following]
        if not first.isalnum():
            return False  # a mark or a dash opens the next paragraph
        if first.islower() and (last.isalnum() or last in ",;-"):
            return True
        if blank:
            return False
        return (
            blank_lines
            or first.islower()
            or last.isalnum()
            or last in ",;-"
            or self._closes_next_line(text, following, mark)
        )

    def _closes_next_line(self, text: str, start: int, mark: str) -> bool:
        """Whether the first quotation mark on the line from ``start`` closes ``mark`` (bounded look)."""
        limit = min(len(text), start + _LOOK_AHEAD)
        closers = self._closers.get(mark, frozenset())
        for position in range(start, limit):
            char = text[position]
            if char == "\n":
                return False
            if char in self._all_marks and char not in _APOSTROPHES:
                return char in closers and not text[position - 1].isspace()
        return False

    def _elided(self, text: str, at: int, before: str) -> bool:
        """Whether the apostrophe at ``at`` belongs to an elided word of the ``quote_elisions`` table.

        The table writes the apostrophes ('tis, 'n', 'ne): the mark opens such a word when no
        letter precedes it, or closes one ('n' after its n) when the table word ends in one.
        """
        if not self._elisions:
            return False
        limit = self._longest_elision
        if not before.isalpha():
            end = at + 1
            while end < len(text) and end - at <= limit and text[end].isalpha():
                end += 1
            word = text[at + 1 : end].casefold()
            if end < len(text) and text[end] in _APOSTROPHES:
                word += "'"
            return word in self._elisions and not text[at + 1 + len(word) : at + 2 + len(word)].isalpha()
        start = at
        while start > 0 and at - start <= limit and text[start - 1].isalpha():
            start -= 1
        return (
            start > 0
            and text[start - 1] in _APOSTROPHES
            and text[start:at].casefold() + "'" in self._elisions
        )

    @staticmethod
    def _cut(text: str, open_at: int, boundary: int) -> int:
        """Where an unclosed quote opened at ``open_at`` ends: its boundary, or a sentence end."""
        if boundary - open_at > MAX_UNCLOSED:
            limit = open_at + MAX_UNCLOSED
            last = None
            for match in _SENTENCE_END.finditer(text, open_at + 1, limit, timeout=TIMEOUT_S):
                last = match.end()
            boundary = last if last is not None else limit
        return _trim_end(text, open_at + 1, boundary)


def _hard_wrapped(text: str) -> bool:
    """Whether the text sets paragraphs apart with blank lines and wraps its lines short.

    E-mail, PDF and e-book exports break lines anywhere; scraped news with a blank line here
    and there keeps a paragraph on one long line. Linear: one search, one walk over the lines.
    """
    if not _has_blank_line(text):
        return False
    lines = long_lines = 0
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        lines += 1
        long_lines += end - start > _LONG_LINE
        start = end + 1
    return long_lines * _LONG_LINE_SHARE <= lines


def _has_blank_line(text: str) -> bool:
    """Whether two line breaks have only spaces between them (a blank line).

    Walks from line break to line break with ``str.find``: a regex search for a line break,
    spaces and a line break tries every offset of the document in turn, and a text without a
    blank line (most news text) was read whole at that speed.
    """
    if "\n\n" in text:
        return True
    at = text.find("\n")
    while at >= 0:
        following = text.find("\n", at + 1)
        if following < 0:
            return False
        if not text[at + 1 : following].strip(_BLANK_LINE_SPACES):
            return True
        at = following
    return False


#: The spaces a blank line may hold.
_BLANK_LINE_SPACES: Final = " \t\r\u00a0"


def _elided_year(text: str, at: int) -> bool:
    """Whether two digits start at ``at`` and no third follows (08, 90s), as in ‘08."""
    return text[at : at + 2].isdigit() and len(text[at : at + 2]) == 2 and not text[at + 2 : at + 3].isdigit()


def _same_open(stack: list[_Open], mark: str) -> bool:
    return any(item.mark == mark for item in stack)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


#: The spaces French typography sets inside guillemets: space, no-break and narrow no-break space.
_INNER_SPACES: Final = frozenset(" \u00a0\u202f\u2009")
#: At most this many of them part a spaced mark from its word.
_MAX_INNER_SPACES: Final = 2


def _beyond_space(text: str, at: int, step: int) -> str:
    """The character past the inner spaces that start at ``at`` (walking by ``step``), or a space."""
    for _ in range(_MAX_INNER_SPACES):
        if not 0 <= at < len(text) or text[at] not in _INNER_SPACES:
            break
        at += step
    return text[at] if 0 <= at < len(text) and text[at] not in _INNER_SPACES else " "


class _Nesting:
    """Depth and parent of each span from containment, the spans given in text order."""

    def __init__(self, text: str, spaced: frozenset[str]) -> None:
        self._text = text
        self._spaced = spaced
        self._count = 0
        #: (index, span) of the spans that may still hold the next one, outermost first
        self._open: list[tuple[int, QuotedSpan]] = []

    def add(self, pair: _Pair) -> QuotedSpan:
        open_at, close_at, cut_end, mark, closer_length = pair
        text = self._text
        start = open_at + len(mark)
        end = max(cut_end, start)
        if mark in self._spaced:
            # the content of « Nous sommes prêts » is without the spaces inside the marks
            while start < end and text[start] in _INNER_SPACES:
                start += 1
            while end > start and text[end - 1] in _INNER_SPACES:
                end -= 1
        holders = self._open
        while holders and holders[-1][1].outer_end <= open_at:
            holders.pop()
        parent = holders[-1] if holders else None
        if parent is not None and (close_at if close_at is not None else end) > parent[1].end:
            parent = None  # overlapping, not nested (an unclosed quote cut short): treat as top level
            holders.clear()
        span = QuotedSpan(
            start=start,
            end=end,
            open_at=open_at,
            close_at=close_at,
            opener=mark,
            closer_length=closer_length,
            depth=0 if parent is None else parent[1].depth + 1,
            parent=None if parent is None else parent[0],
        )
        holders.append((self._count, span))
        self._count += 1
        return span
