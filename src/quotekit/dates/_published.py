"""Where a document's publication date comes from when the caller did not give one.

In order of trust: a dateline or a "published/veröffentlicht" line in the text, then the
date of an embedded post (an article is published on or after the posts it embeds, so the
latest post date is a weak lower bound that news usage makes a good guess).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import regex

from quotekit._regex import TIMEOUT_S, backtrack_free
from quotekit.dates._calendar import day_of
from quotekit.dates._resolve import Context, Resolver

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

    from quotekit.model import Document

#: A dateline sits in the first lines; a body sentence that happens to name a date does not.
_HEAD_LINES: Final = 3
_DATELINE_MAX: Final = 120
#: A publication cue ("Veröffentlicht am", "Published") opens its line: its first characters.
_CUE_REACH: Final = 40
#: Backtrack-free, so the look at every head line's first words skips the timeout's clock.
_WORD = backtrack_free(r"\w++")
#: The attribution line an embedded post leaves in scraped text: "— Name (@handle) Date".
SIGNATURE = regex.compile(
    r"^[ \t]*[—–-][ \t]*[^\n(]{1,80}\(@\w{1,30}\)[ \t]*(?P<date>[^\n]{4,40})$", regex.MULTILINE
)


#: Backtrack-free: whether a line holds a digit at all, without the timeout's clock.
_DIGIT = backtrack_free(r"\d")


def _full_dates(resolvers: Iterable[Resolver], text: str, start: int, end: int) -> Iterator[dt.date]:
    """The full dates (year, month, day) the grammars read in ``text[start:end]``, without an anchor.

    A stretch without a digit gives none, and is not read: without an anchor a day is only
    ever the one a number names (the rules read days as digits; a year said in words gives a
    year or a month, and a relative expression counts from a day named before it).
    """
    if _DIGIT.search(text, start, end) is None:
        return
    for resolver in resolvers:
        context = Context(anchor=None, text=text)
        for found in resolver.scan(text, context, start, end):
            day = day_of(found.value)
            if day is not None and found.type == "DATE" and found.value[:4].isdigit():
                yield day


def from_dateline(
    doc: Document, resolvers: list[Resolver], embeds: list[tuple[int, int]] | None = None
) -> dt.date | None:
    """A full date in a dateline or in a line that says it is the publication date.

    ``embeds`` are the document's :func:`signature_spans` when the caller has them already.
    """
    text = doc.text
    cues = frozenset().union(*(r.lex.published_cues for r in resolvers))
    if embeds is None:
        embeds = signature_spans(doc)
    for index, (line_start, line_end) in enumerate(_lines(text)):
        if embeds and any(start < line_end and line_start < end for start, end in embeds):
            continue  # an embedded post's date is its own, not the article's
        cue_end = min(line_end, line_start + _CUE_REACH)
        # a single word's key is its case-folded form (it holds no space and no dot); a cue
        # word is in the line's case-folded beginning, where most lines hold none
        folded = text[line_start:cue_end].casefold()
        cued = any(cue in folded for cue in cues) and not cues.isdisjoint(
            map(str.casefold, _WORD.findall(text, line_start, cue_end))
        )
        head = index < _HEAD_LINES and line_end - line_start <= _DATELINE_MAX
        if not (cued or head):
            if index >= _HEAD_LINES and line_start > 2000:
                break
            continue
        for day in _full_dates(resolvers, text, line_start, line_end):
            return day
    return None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every line of ``text`` that is not empty, in order.

    ``str.find`` on the line breaks: the loop above stops after a few lines, but a line may be
    a whole paragraph, which a regex scan (or a copy of the line) would read to its end.
    """
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        if end > start:
            yield start, end
        start = end + 1


def from_posts(doc: Document, resolvers: list[Resolver]) -> dt.date | None:
    """The latest date among the embedded posts (the Post layer, else their signature lines)."""
    days = [day for day in (day_of(post.date or "") for post in doc.posts) if day is not None]
    if not days:
        for signature in signatures(doc.text):
            days.extend(_full_dates(resolvers, doc.text, signature.start("date"), signature.end("date")))
    return max(days) if days else None


def signature_spans(doc: Document) -> list[tuple[int, int]]:
    """The attribution lines of embedded posts, where the post's own language applies."""
    spans = [(post.start, post.end) for post in doc.posts]
    if not spans:
        spans = [(m.start(), m.end()) for m in signatures(doc.text)]
    return spans


def signatures(text: str) -> Iterator[regex.Match[str]]:
    """The attribution lines in ``text``: only lines holding "(@" are tried, one at a time.

    A signature names a handle, so most texts have none and cost one ``str.find``; each try
    reads one line from its start, so no call's time depends on the length of the text.
    """
    at = text.find("(@")
    line_end = -1  # the end of the line last tried: no line break lies between it and ``at``
    while at >= 0:
        line_start = text.rfind("\n", line_end + 1, at) + 1 or line_end + 1
        line_end = text.find("\n", at)
        if line_end == -1:
            line_end = len(text)
        match = SIGNATURE.fullmatch(text, line_start, line_end, timeout=TIMEOUT_S)
        if match is not None:
            yield match
        at = text.find("(@", line_end)
