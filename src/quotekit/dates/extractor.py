"""The built-in ``dates`` extractor: temporal expressions with TIMEX3 types and values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.dates._grammar import build_grammar
from quotekit.dates._lexicon import Lexicon
from quotekit.dates._published import from_dateline, from_posts, signature_spans
from quotekit.dates._resolve import Context, Found, Resolver
from quotekit.lang.segment import segmenter_for
from quotekit.model import Document, Timex

if TYPE_CHECKING:
    import datetime as dt

    from quotekit.lang import LanguageData

#: The language whose grammar reads text in a language without date tables.
FALLBACK_LANGUAGE: Final = "en"
#: Regex time budget: a floor plus a share per character, far above what linear scans need.
_TIMEOUT_FLOOR: Final = 2.0
_TIMEOUT_PER_CHAR: Final = 2e-5


class DateNormalizer:
    """Temporal expressions with TimeML TIMEX3 types and normalized values.

    Finds absolute, relative, anaphoric, duration and set expressions in every block of the
    document using that block's language tables, resolves them against the publication date
    (inferred from a dateline or an embedded post when not given, and recorded on the
    document with its source) and, for anaphors, against the last date the text mentioned.
    """

    name = "dates"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("timexes", "published")
    after: tuple[str, ...] = ("posts",)

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._segmenter = segmenter_for(data)
        self._resolvers: dict[str, Resolver] = {}
        for lang in data.languages:
            lexicon = Lexicon.from_data(data, lang)
            if lexicon.usable:
                self._resolvers[lang] = Resolver(build_grammar(lexicon))

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this normalizer has date vocabulary for."""
        return tuple(sorted(self._resolvers))

    def resolver(self, lang: str) -> Resolver | None:
        """The resolver for ``lang`` (the fallback language's for one without tables)."""
        return self._resolvers.get(lang) or self._resolvers.get(FALLBACK_LANGUAGE)

    def __call__(self, doc: Document, /) -> Document:
        """Add the document's timexes and, when it was not given, its publication date."""
        timeout = _TIMEOUT_FLOOR + _TIMEOUT_PER_CHAR * len(doc.text)
        ordered = self._ordered_resolvers(doc.lang)
        published, source = doc.published, doc.published_source
        if published is None and ordered:
            published = from_dateline(doc, ordered, timeout)
            source = "dateline" if published else None
            if published is None:
                published = from_posts(doc, ordered, timeout)
                source = "post" if published else None
        found = self.find(doc, published, timeout)
        timexes = tuple(
            Timex(
                start=f.start,
                end=f.end,
                text=doc.text[f.start : f.end],
                type=f.type,
                value=f.value,
                mod=f.mod,
            )
            for f in found
        )
        changes: dict[str, object] = {"timexes": (*doc.timexes, *timexes)}
        if published != doc.published:
            changes["published"] = published
            changes["published_source"] = source
        return doc.evolve(**changes)

    def find(self, doc: Document, published: dt.date | None, timeout: float) -> list[Found]:
        """Every expression in ``doc``, block by block in reading order."""
        context = Context(anchor=published, text=doc.text, segmentation=self._segmenter.of(doc))
        found: list[Found] = []
        for start, end, lang in doc.language_segments():
            resolver = self.resolver(lang)
            if resolver is not None:
                found.extend(resolver.scan(doc.text, context, start, end, timeout=timeout))
        # An embedded post is often in another language than the article and its
        # attribution line too short for language detection: read it with every grammar.
        for start, end in signature_spans(doc, timeout):
            for resolver in self._ordered_resolvers(doc.lang_at(start)):
                extra = resolver.scan(
                    doc.text, Context(anchor=published, text=doc.text), start, end, timeout=timeout
                )
                found = _merge_longer(found, extra)
        found.sort(key=lambda f: (f.start, f.end))
        return found

    def _ordered_resolvers(self, lang: str) -> list[Resolver]:
        first = self.resolver(lang)
        rest = [r for code, r in sorted(self._resolvers.items()) if r is not first]
        return ([first] if first is not None else []) + rest


def _merge_longer(found: list[Found], extra: list[Found]) -> list[Found]:
    """Add each extra expression that is longer than every expression it overlaps, replacing them."""
    for item in extra:
        clashing = [f for f in found if item.start < f.end and f.start < item.end]
        if all(item.end - item.start > f.end - f.start for f in clashing):
            found = [f for f in found if f not in clashing]
            found.append(item)
    return found
