"""Ground truth planted in generated text, and how to check a document against it.

The strategies in :mod:`quotekit.testing.strategies` build text from parts whose place they
know, and return a :class:`Planted`: the text plus every quote, date, post and boilerplate line
they put in it. :meth:`Planted.missing_in` says which of them an extracted document failed to
recover; :meth:`Planted.as_document` turns the ground truth into a valid :class:`Document`.

This module does not import hypothesis, so the result types can be used anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs
from attrs import validators as v

from quotekit.model import (
    QUOTE_KINDS,
    TIMEX_TYPES,
    Author,
    BoilerplateSpan,
    Document,
    Post,
    Quote,
    Span,
    Speaker,
    Timex,
)

__all__ = [
    "Planted",
    "PlantedBoilerplate",
    "PlantedPost",
    "PlantedQuote",
    "PlantedTimex",
]

#: What the matcher strips from both ends of a quote before comparing extents: quotation
#: marks, spaces and sentence punctuation, as quote scorers do (conventions differ on whether
#: the comma in ``“Yes,” she said`` belongs to the quote).
_EDGE: Final = " \t\r\n.,;:!?\"'„“”‚‘’»«›‹"
#: Overlap (intersection over union) needed for a recovered quote to count as the planted one.
_MIN_QUOTE_IOU: Final = 0.5
#: Share of a boilerplate line that must lie inside boilerplate spans for it to count as marked.
_MIN_BOILERPLATE_COVER: Final = 0.5

_non_negative = [v.instance_of(int), v.ge(0)]


# One converter per item type: mypy's attrs plugin cannot type a generic ``tuple`` converter.
def _strs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _quotes(items: Iterable[PlantedQuote]) -> tuple[PlantedQuote, ...]:
    return tuple(items)


def _timexes(items: Iterable[PlantedTimex]) -> tuple[PlantedTimex, ...]:
    return tuple(items)


def _posts(items: Iterable[PlantedPost]) -> tuple[PlantedPost, ...]:
    return tuple(items)


def _boilerplate(items: Iterable[PlantedBoilerplate]) -> tuple[PlantedBoilerplate, ...]:
    return tuple(items)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _same_person(expected: str, found: Iterable[str | None]) -> bool:
    """Whether any of ``found`` names the expected person: the full name or its last token."""
    wanted = expected.casefold()
    surname = wanted.split()[-1] if wanted.split() else wanted
    for name in found:
        if not name:
            continue
        tokens = name.casefold().split()
        if name.casefold() == wanted or surname in tokens:
            return True
    return False


@attrs.frozen(kw_only=True)
class PlantedQuote:
    """A quote put into the text: its content span, kind, speaker and cue verb as written."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text: str = attrs.field(validator=v.instance_of(str))
    kind: str = attrs.field(validator=v.in_(QUOTE_KINDS))
    speaker: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    cue: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))

    def shifted(self, offset: int) -> PlantedQuote:
        """The same quote ``offset`` characters further on."""
        return attrs.evolve(self, start=self.start + offset, end=self.end + offset)


@attrs.frozen(kw_only=True)
class PlantedTimex:
    """A temporal expression put into the text, with its TIMEX3 type and value."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text: str = attrs.field(validator=v.instance_of(str))
    type: str = attrs.field(default="DATE", validator=v.in_(TIMEX_TYPES))
    value: str = attrs.field(validator=v.instance_of(str))
    format: str = attrs.field(default="", validator=v.instance_of(str))

    def shifted(self, offset: int) -> PlantedTimex:
        """The same expression ``offset`` characters further on."""
        return attrs.evolve(self, start=self.start + offset, end=self.end + offset)


@attrs.frozen(kw_only=True)
class PlantedPost:
    """An embedded post in its flattened form: post text, then ``— Name (@handle) Date``."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text_start: int = attrs.field(validator=_non_negative)
    text_end: int = attrs.field(validator=_non_negative)
    text: str = attrs.field(validator=v.instance_of(str))
    platform: str = attrs.field(default="twitter", validator=v.instance_of(str))
    name: str = attrs.field(validator=v.instance_of(str))
    handle: str = attrs.field(validator=v.instance_of(str))
    date_text: str = attrs.field(validator=v.instance_of(str))
    date: str = attrs.field(validator=v.instance_of(str))
    hashtags: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    mentions: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    urls: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def shifted(self, offset: int) -> PlantedPost:
        """The same post ``offset`` characters further on."""
        return attrs.evolve(
            self,
            start=self.start + offset,
            end=self.end + offset,
            text_start=self.text_start + offset,
            text_end=self.text_end + offset,
        )


@attrs.frozen(kw_only=True)
class PlantedBoilerplate:
    """A line of page furniture (a share bar, a photo credit) put into the text."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text: str = attrs.field(validator=v.instance_of(str))
    reason: str = attrs.field(default="boilerplate", validator=v.instance_of(str))

    def shifted(self, offset: int) -> PlantedBoilerplate:
        """The same line ``offset`` characters further on."""
        return attrs.evolve(self, start=self.start + offset, end=self.end + offset)


PlantedItem = PlantedQuote | PlantedTimex | PlantedPost | PlantedBoilerplate


@attrs.frozen(kw_only=True)
class Planted:
    """Generated ``text`` and the ground truth planted in it.

    Every planted item satisfies ``text[item.start:item.end] == item.text`` (posts: their
    ``text`` is at ``text_start:text_end``). ``lang`` is the language the text was written in.
    """

    text: str = attrs.field(validator=v.instance_of(str))
    lang: str = attrs.field(validator=v.instance_of(str))
    quotes: tuple[PlantedQuote, ...] = attrs.field(default=(), converter=_quotes)
    timexes: tuple[PlantedTimex, ...] = attrs.field(default=(), converter=_timexes)
    posts: tuple[PlantedPost, ...] = attrs.field(default=(), converter=_posts)
    boilerplate: tuple[PlantedBoilerplate, ...] = attrs.field(default=(), converter=_boilerplate)

    def __attrs_post_init__(self) -> None:
        for item in self.items():
            if isinstance(item, PlantedPost):
                region = self.text[item.start : item.end]
                inner = self.text[item.text_start : item.text_end]
                if inner != item.text or not item.start <= item.text_start <= item.text_end <= item.end:
                    msg = f"planted post {item.text[:30]!r} does not fit the text ({region[:30]!r})"
                    raise ValueError(msg)
            elif self.text[item.start : item.end] != item.text:
                msg = f"planted {item.text[:30]!r} at {item.start}-{item.end} does not fit the text"
                raise ValueError(msg)

    def items(self) -> Iterator[PlantedItem]:
        """Every planted item, layer by layer."""
        yield from self.quotes
        yield from self.timexes
        yield from self.posts
        yield from self.boilerplate

    @classmethod
    def plain(cls, text: str, *, lang: str) -> Planted:
        """Text with nothing planted in it (filler)."""
        return cls(text=text, lang=lang)

    @classmethod
    def join(cls, parts: Sequence[Planted], *, sep: str = "\n", lang: str | None = None) -> Planted:
        """The parts' texts joined by ``sep``, with every planted item moved to its new place."""
        texts: list[str] = []
        quotes: list[PlantedQuote] = []
        timexes: list[PlantedTimex] = []
        posts: list[PlantedPost] = []
        boilerplate: list[PlantedBoilerplate] = []
        offset = 0
        for index, part in enumerate(parts):
            if index:
                texts.append(sep)
                offset += len(sep)
            texts.append(part.text)
            quotes.extend(item.shifted(offset) for item in part.quotes)
            timexes.extend(item.shifted(offset) for item in part.timexes)
            posts.extend(item.shifted(offset) for item in part.posts)
            boilerplate.extend(item.shifted(offset) for item in part.boilerplate)
            offset += len(part.text)
        if lang is None:
            lang = parts[0].lang if parts else "und"
        return cls(
            text="".join(texts),
            lang=lang,
            quotes=quotes,
            timexes=timexes,
            posts=posts,
            boilerplate=boilerplate,
        )

    def as_document(self, **fields: Any) -> Document:
        """The ground truth as a valid :class:`Document` (what a perfect extractor would give).

        ``fields`` (``published``, ``id`` ...) are passed on to the document.
        """
        text = self.text
        quotes = [
            Quote(
                start=q.start,
                end=q.end,
                text=q.text,
                kind=q.kind,  # type: ignore[arg-type]  # validated against QUOTE_KINDS above
                speaker=None if q.speaker is None else Speaker(name=q.speaker),
                lang=self.lang,
            )
            for q in self.quotes
        ]
        timexes = [
            Timex(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value)  # type: ignore[arg-type]
            for t in self.timexes
        ]
        posts = [
            Post(
                start=p.start,
                end=p.end,
                platform=p.platform,
                text=p.text,
                text_start=p.text_start,
                text_end=p.text_end,
                author=Author(name=p.name, handle=p.handle),
                date=p.date,
                date_text=p.date_text,
                urls=p.urls,
                hashtags=p.hashtags,
                mentions=p.mentions,
            )
            for p in self.posts
        ]
        boilerplate = [
            BoilerplateSpan(start=b.start, end=b.end, text=b.text, reason=b.reason) for b in self.boilerplate
        ]
        # Passed as Any: the model's generic tuple converter defeats mypy's attrs plugin.
        layers: dict[str, Any] = {
            "quotes": quotes,
            "timexes": timexes,
            "posts": posts,
            "boilerplate": boilerplate,
        }
        return Document(text=text, lang=self.lang, **layers, **fields)

    # ------------------------------------------------------------ recovery

    def missing_in(self, doc: Document) -> list[str]:
        """What ``doc`` failed to recover of the planted items, one readable line each.

        A quote counts as recovered when an extracted quote overlaps it (intersection over
        union >= 0.5 once quotation marks and edge punctuation are trimmed), has the planted
        kind, and names the planted speaker (full name or surname, in ``speaker.name`` or the
        mention). A date needs an overlapping timex with the planted value; a post an
        overlapping post with the planted text and handle; a boilerplate line must be at
        least half inside boilerplate spans. Extra findings in ``doc`` are not judged here.
        """
        if doc.text != self.text:
            return ["the document is not of the planted text"]
        missing: list[str] = []
        missing.extend(self._missing_quote(q, doc) for q in self.quotes)
        missing.extend(self._missing_timex(t, doc) for t in self.timexes)
        missing.extend(self._missing_post(p, doc) for p in self.posts)
        missing.extend(self._missing_boilerplate(b, doc) for b in self.boilerplate)
        return [line for line in missing if line]

    def _missing_quote(self, planted: PlantedQuote, doc: Document) -> str:
        want = _trimmed(self.text, planted.start, planted.end)
        overlapping = [
            q for q in doc.quotes if _iou(want, _trimmed(self.text, q.start, q.end)) >= _MIN_QUOTE_IOU
        ]
        label = f"{planted.kind} quote {planted.text!r} by {planted.speaker}"
        if not overlapping:
            found = [(q.kind, q.text[:40]) for q in doc.quotes]
            return f"{label}: not found (quotes found: {found})"
        right_kind = [q for q in overlapping if q.kind == planted.kind]
        if not right_kind:
            return f"{label}: found as {[q.kind for q in overlapping]}"
        if planted.speaker is None:
            return ""
        for quote in right_kind:
            speaker = quote.speaker
            if speaker is not None and _same_person(
                planted.speaker, (speaker.name, speaker.mention.text if speaker.mention else None)
            ):
                return ""
        speakers = [q.speaker.name if q.speaker else None for q in right_kind]
        return f"{label}: found with speaker {speakers}"

    def _missing_timex(self, planted: PlantedTimex, doc: Document) -> str:
        overlapping = [t for t in doc.timexes if _iou((planted.start, planted.end), (t.start, t.end)) > 0]
        label = f"date {planted.text!r} ({planted.format}) = {planted.value}"
        if not overlapping:
            return f"{label}: not found (timexes found: {[t.text for t in doc.timexes]})"
        if any(t.value == planted.value for t in overlapping):
            return ""
        return f"{label}: found with value {[t.value for t in overlapping]}"

    def _missing_post(self, planted: PlantedPost, doc: Document) -> str:
        overlapping = [p for p in doc.posts if _iou((planted.start, planted.end), (p.start, p.end)) > 0]
        label = f"post by @{planted.handle} {planted.text[:30]!r}"
        if not overlapping:
            return f"{label}: not found ({len(doc.posts)} posts found)"
        for post in overlapping:
            if (
                post.text.strip() == planted.text.strip()
                and (post.author.handle or "").lstrip("@") == planted.handle
            ):
                return ""
        found = [(p.text[:30], p.author.handle) for p in overlapping]
        return f"{label}: found as {found}"

    def _missing_boilerplate(self, planted: PlantedBoilerplate, doc: Document) -> str:
        covered = 0
        for span in doc.boilerplate:
            covered += max(0, min(span.end, planted.end) - max(span.start, planted.start))
        if planted.end > planted.start and covered / (planted.end - planted.start) >= _MIN_BOILERPLATE_COVER:
            return ""
        return f"boilerplate line {planted.text!r}: not marked"


def spans_of(planted: Planted) -> list[Span]:
    """Every planted item's extent as a :class:`Span` of the planted text."""
    return [Span.of(planted.text, item.start, item.end) for item in planted.items()]
