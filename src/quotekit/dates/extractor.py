"""The built-in ``dates`` extractor: temporal expressions with TIMEX3 types and values."""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING, Final

import attrs

from quotekit.dates._budget import ATTEMPTS_FLOOR, ATTEMPTS_PER_CHAR, Budget
from quotekit.dates._grammar import build_grammar
from quotekit.dates._lexicon import Lexicon
from quotekit.dates._published import from_dateline, from_posts, signature_spans
from quotekit.dates._resolve import Context, Found, Resolver
from quotekit.dates._sentences import Sentences
from quotekit.lang.segment import segmenter_for
from quotekit.model import Diagnostic, Document, Timex

if TYPE_CHECKING:
    from quotekit.lang import LanguageData

#: A text up to this long whose language the detector cannot decide is read by every grammar
#: (a headline, a line a user tries); a longer one only by its guessed language's, so the
#: extra reading stays small and cannot grow with the input.
_UNDECIDED_CHARS: Final = 1_000
#: The language whose grammar reads text in a language without date tables.
FALLBACK_LANGUAGE: Final = "en"


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
        self._lexicons: dict[str, Lexicon] = {}
        for lang in data.languages:
            lexicon = Lexicon.from_data(data, lang)
            if lexicon.usable:
                self._lexicons[lang] = lexicon
        # A language's grammar is compiled when a document first needs it: most runs read one
        # or two of the languages the tables describe (see docs/performance.md, start-up).
        self._resolvers: dict[str, Resolver] = {}
        #: Every resolver, the one of a language's tables first, per such language (built once).
        self._ordered: dict[str, list[Resolver]] = {}
        self._building = threading.Lock()

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this normalizer has date vocabulary for."""
        return tuple(sorted(self._lexicons))

    def resolver(self, lang: str) -> Resolver | None:
        """The resolver for ``lang`` (the fallback language's for one without tables)."""
        code = lang if lang in self._lexicons else FALLBACK_LANGUAGE
        resolver = self._resolvers.get(code)
        if resolver is None and code in self._lexicons:
            with self._building:
                resolver = self._resolvers.get(code)
                if resolver is None:
                    resolver = self._resolvers[code] = Resolver(build_grammar(self._lexicons[code]))
        return resolver

    def __call__(self, doc: Document, /) -> Document:
        """Add the document's timexes and, when it was not given, its publication date."""
        published, source = doc.published, doc.published_source
        embeds = signature_spans(doc)
        # every grammar in order is needed only to find a publication date the text gives
        ordered = self._ordered_resolvers(doc.lang) if published is None else []
        if ordered:
            published = from_dateline(doc, ordered, embeds)
            source = "dateline" if published else None
            if published is None:
                published = from_posts(doc, ordered)
                source = "post" if published else None
        found, diagnostics = self.find(doc, published, embeds)
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
        if diagnostics:
            changes["diagnostics"] = (*doc.diagnostics, *diagnostics)
        if published != doc.published:
            changes["published"] = published
            changes["published_source"] = source
        return doc.evolve(**changes)

    def find(
        self, doc: Document, published: dt.date | None, embeds: list[tuple[int, int]] | None = None
    ) -> tuple[list[Found], list[Diagnostic]]:
        """Every expression in ``doc``, block by block in reading order, and what was not read.

        A line whose budget runs out loses the rest of its expressions, a block whose regex
        call times out (the last guard) all of them; either yields a diagnostic and the rest
        of the text is read in full. ``embeds`` are the document's embedded posts' spans
        (:func:`~quotekit.dates._published.signature_spans`) when the caller has them.
        """
        context = Context(
            anchor=published, text=doc.text, sentences=Sentences(doc, segmenter_for(self._data))
        )
        found: list[Found] = []
        diagnostics: list[Diagnostic] = []
        used: list[Resolver] = []
        for start, end, lang in doc.language_segments():
            resolver = self.resolver(lang)
            if resolver is not None:
                used.append(resolver)
                found.extend(self._scan_block(resolver, doc.text, context, start, end, diagnostics))
        if len(doc.text) <= _UNDECIDED_CHARS and all(span.confidence == 0.0 for span in doc.languages):
            # A text too short for the detector to decide (Prices fell in October.): its
            # language is a guess, so every grammar reads it, the longer reading winning
            for resolver in self._ordered_resolvers(doc.lang):
                if resolver not in used:
                    extra = self._scan_block(resolver, doc.text, context, 0, len(doc.text), diagnostics)
                    found = _merge_longer(found, extra)
        # An embedded post is often in another language than the article and its
        # attribution line too short for language detection: read it with every grammar.
        for start, end in signature_spans(doc) if embeds is None else embeds:
            for resolver in self._ordered_resolvers(doc.lang_at(start)):
                extra = self._scan_block(
                    resolver, doc.text, Context(anchor=published, text=doc.text), start, end, diagnostics
                )
                found = _merge_longer(found, extra)
        if doc.posts:
            found = self._anchored_to_posts(doc, found, published)
        found.sort(key=lambda f: (f.start, f.end))
        return found, diagnostics

    def _anchored_to_posts(self, doc: Document, found: list[Found], published: dt.date | None) -> list[Found]:
        """Relative dates in a post's text read from the day it was posted (its "heute", "yesterday").

        Only the values change: each expression inside the post keeps its span, and takes the
        value a scan of the post's text anchored to the post's date gives the same span.
        """
        for post in doc.posts:
            day = _day(post.date)
            if day is None or day == published or post.text_end <= post.text_start:
                continue
            inside = [f for f in found if post.text_start <= f.start and f.end <= post.text_end]
            resolver = self.resolver(post.lang or doc.lang_at(post.text_start))
            if not inside or resolver is None:
                continue
            context = Context(anchor=day, text=doc.text)
            try:
                again = {
                    (f.start, f.end): f
                    for f in resolver.scan(doc.text, context, post.text_start, post.text_end)
                }
            except TimeoutError:  # the first reading stands
                continue
            found = [
                _revalued(f, again[f.start, f.end])
                if post.text_start <= f.start and f.end <= post.text_end and (f.start, f.end) in again
                else f
                for f in found
            ]
        return found

    def _scan_block(
        self,
        resolver: Resolver,
        text: str,
        context: Context,
        start: int,
        end: int,
        diagnostics: list[Diagnostic],
    ) -> list[Found]:
        budget = Budget(text, end)
        try:
            found = resolver.scan(text, context, start, end, budget=budget)
        except TimeoutError as error:  # regex's last guard: this block only
            diagnostics.append(
                Diagnostic(
                    severity="error",
                    code="regex-timeout",
                    message=f"{error}: the dates of this block are left out",
                    extractor=self.name,
                    start=start,
                    end=end,
                )
            )
            return []
        diagnostics.extend(
            Diagnostic(
                severity="warning",
                code="date-budget",
                message=(
                    "this line used up its budget of match attempts "
                    f"({ATTEMPTS_FLOOR} + {ATTEMPTS_PER_CHAR} per character); "
                    "its dates from here are not read"
                ),
                extractor=self.name,
                start=skip_start,
                end=skip_end,
            )
            for skip_start, skip_end in budget.skipped
        )
        return found

    def _ordered_resolvers(self, lang: str) -> list[Resolver]:
        # keyed by the language whose tables read ``lang``: a bounded set
        key = lang if lang in self._lexicons else FALLBACK_LANGUAGE
        ordered = self._ordered.get(key)
        if ordered is None:
            first = self.resolver(lang)
            everyone = (self.resolver(code) for code in sorted(self._lexicons))
            rest = [r for r in everyone if r is not None and r is not first]
            ordered = self._ordered[key] = ([first] if first is not None else []) + rest
        return ordered


def _revalued(found: Found, again: Found) -> Found:
    if (found.type, found.value, found.mod) == (again.type, again.value, again.mod):
        return found
    return attrs.evolve(found, type=again.type, value=again.value, mod=again.mod)


def _day(value: str | None) -> dt.date | None:
    """The day of an ISO date or date-time string (a post's date), or ``None``."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _merge_longer(found: list[Found], extra: list[Found]) -> list[Found]:
    """Add each extra expression that is longer than every expression it overlaps, replacing them."""
    for item in extra:
        clashing = [f for f in found if item.start < f.end and f.start < item.end]
        if all(item.end - item.start > f.end - f.start for f in clashing):
            found = [f for f in found if f not in clashing]
            found.append(item)
    return found
