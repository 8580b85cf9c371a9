"""Hypothesis strategies for news text with known ground truth, and for quotekit documents.

Every text generator returns a :class:`~quotekit.testing.Planted`: the generated text together
with the quotes, dates, embedded posts and boilerplate lines planted in it, at exact offsets.
A test runs an extractor on ``planted.text`` and compares with what was planted::

    from hypothesis import given
    from quotekit.testing import strategies as qst

    @given(qst.texts_with_quotes(lang="de", kinds=["direct"]))
    def test_direct_quotes_are_found(planted):
        doc = quotekit.extract(planted.text)
        assert not planted.missing_in(doc)

The factories follow ``hypothesis.extra``: they take keyword-only arguments, return a
``SearchStrategy``, report bad arguments as ``InvalidArgument`` when the strategy is first
drawn from (inside your test), and shrink towards a minimal example (one short sentence, the
first name, the first cue verb, the first mark pair).

Vocabulary: ``lang`` is ``"de"``, ``"en"``, a sequence of them, or ``None`` for either;
``kinds`` a subset of ``("direct", "indirect", "mixed", "partial")``; ``marks`` a sequence of
``(open, close)`` quotation-mark pairs (default: every convention of the language).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from quotekit.model import QUOTE_KINDS, Document
from quotekit.testing import _vocabulary as vocab
from quotekit.testing._layer_items import ITEM_MAKERS, random_layers
from quotekit.testing._planted import (
    Planted,
    PlantedBoilerplate,
    PlantedPost,
    PlantedQuote,
    PlantedTimex,
)

__all__ = [
    "DATE_FORMATS",
    "articles",
    "boilerplate_lines",
    "dates",
    "documents",
    "posts",
    "spans",
    "texts_with_quotes",
    "unicode_texts",
]

T = TypeVar("T")

#: The date formats :func:`dates` writes, per language.
DATE_FORMATS: Final = {
    "de": ("long", "numeric", "numeric-short", "weekday", "month-year", "iso"),
    "en": ("us-long", "uk-long", "abbreviated", "weekday", "month-year", "iso"),
}
#: AP-style month abbreviations: the short months are written out.
_EN_ABBREVIATED: Final = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
#: Cue verbs that read well before a reported clause ("sagte, man sei bereit").
_INDIRECT_CUES: Final = {
    "de": ("sagte", "erklärte", "betonte", "meinte", "sagt", "warnte"),
    "en": ("said", "says", "added", "explained", "stated", "warned", "told reporters"),
}


# ------------------------------------------------------------------ argument checks


def _languages(lang: str | Sequence[str] | None) -> tuple[str, ...]:
    if lang is None:
        return vocab.LANGUAGES
    langs = (lang,) if isinstance(lang, str) else tuple(lang)
    unknown = [item for item in langs if item not in vocab.LANGUAGES]
    if not langs or unknown:
        msg = f"lang={lang!r}: the generators write {', '.join(vocab.LANGUAGES)} (or None for either)"
        raise InvalidArgument(msg)
    return langs


def _kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return QUOTE_KINDS
    if isinstance(kinds, str):
        msg = f"kinds={kinds!r} must be a sequence of kinds, e.g. kinds=[{kinds!r}]"
        raise InvalidArgument(msg)
    chosen = tuple(kinds)
    unknown = [kind for kind in chosen if kind not in QUOTE_KINDS]
    if not chosen or unknown:
        msg = f"kinds={chosen!r}: choose from {QUOTE_KINDS}"
        raise InvalidArgument(msg)
    return chosen


def _marks(marks: Iterable[tuple[str, str]] | None, lang: str) -> tuple[tuple[str, str], ...]:
    if marks is None:
        return vocab.QUOTE_MARKS[lang]
    pairs = tuple(marks)
    for pair in pairs:
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2
            and all(isinstance(mark, str) and mark for mark in pair)
        ):
            msg = f"marks: {pair!r} is not an (open, close) pair of non-empty strings"
            raise InvalidArgument(msg)
    if not pairs:
        msg = "marks=() leaves no quotation marks to write quotes with"
        raise InvalidArgument(msg)
    return pairs


def _formats(formats: Iterable[str] | None, langs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The chosen date formats per language; languages with none of them are left out."""
    if formats is None:
        return {lang: DATE_FORMATS[lang] for lang in langs}
    if isinstance(formats, str):
        msg = f"formats={formats!r} must be a sequence of format names, e.g. formats=[{formats!r}]"
        raise InvalidArgument(msg)
    names = tuple(formats)
    unknown = [name for name in names if not any(name in known for known in DATE_FORMATS.values())]
    if unknown or not names:
        msg = f"formats={names!r}: unknown {unknown}; the formats are {DATE_FORMATS}"
        raise InvalidArgument(msg)
    chosen = {lang: tuple(n for n in DATE_FORMATS[lang] if n in names) for lang in langs}
    chosen = {lang: found for lang, found in chosen.items() if found}
    if not chosen:
        msg = f"formats={names!r} has none for lang={langs!r}; the formats are {DATE_FORMATS}"
        raise InvalidArgument(msg)
    return chosen


def _size_range(name: str, low: int, high: int) -> None:
    if not isinstance(low, int) or not isinstance(high, int) or low < 0 or high < low:
        msg = f"min_{name}={low!r}, max_{name}={high!r}: need 0 <= min_{name} <= max_{name}"
        raise InvalidArgument(msg)


def _lazily(build: Callable[[], st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """Build the strategy (and check its arguments) only when it is first drawn from."""
    return st.deferred(build)


# ------------------------------------------------------------------ building text


class _Builder:
    """Text built piece by piece, remembering where each planted item landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.quotes: list[PlantedQuote] = []
        self.timexes: list[PlantedTimex] = []

    def add(self, text: str) -> tuple[int, int]:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    def quote(self, text: str, *, kind: str, speaker: str | None, cue: str | None) -> None:
        start, end = self.add(text)
        self.quotes.append(PlantedQuote(start=start, end=end, text=text, kind=kind, speaker=speaker, cue=cue))

    def build(self, lang: str) -> Planted:
        return Planted(text="".join(self._parts), lang=lang, quotes=self.quotes, timexes=self.timexes)


def _name(draw: st.DrawFn) -> str:
    return f"{draw(st.sampled_from(vocab.FIRST_NAMES))} {draw(st.sampled_from(vocab.LAST_NAMES))}"


def _direct_content(draw: st.DrawFn, lang: str) -> str:
    clauses = draw(st.lists(st.sampled_from(vocab.CLAUSES[lang]), min_size=1, max_size=2, unique=True))
    return ". ".join(direct for direct, _ in clauses)


def _direct_quote(draw: st.DrawFn, lang: str, marks: tuple[tuple[str, str], ...]) -> Planted:
    opening, closing = draw(st.sampled_from(marks))
    name = _name(draw)
    cue = draw(st.sampled_from(vocab.CUE_VERBS[lang]))
    content = _direct_content(draw, lang)
    frame = draw(st.sampled_from(("quote-first", "speaker-first", "quote-first-inverted")))
    text = _Builder()
    if frame == "speaker-first":
        # NAME sagte: „Inhalt.“ - the final full stop sits inside the marks.
        text.add(f"{name} {cue}: {opening}")
        text.quote(f"{content}.", kind="direct", speaker=name, cue=cue)
        text.add(f"{closing}")
    elif lang == "de":
        # „Inhalt“, sagte NAME.  /  „Inhalt“, so NAME.
        cue = "so" if frame == "quote-first-inverted" else cue
        text.add(opening)
        text.quote(content, kind="direct", speaker=name, cue=cue)
        text.add(f"{closing}, {cue} {name}.")
    else:
        # “Content,” NAME said.  /  “Content,” said NAME. - the comma sits inside the marks.
        text.add(opening)
        text.quote(f"{content},", kind="direct", speaker=name, cue=cue)
        if frame == "quote-first-inverted" and " " not in cue:
            text.add(f"{closing} {cue} {name}.")
        else:
            text.add(f"{closing} {name} {cue}.")
    return text.build(lang)


def _indirect_quote(draw: st.DrawFn, lang: str) -> Planted:
    name = _name(draw)
    cue = draw(st.sampled_from(_INDIRECT_CUES[lang]))
    _, reported = draw(st.sampled_from(vocab.CLAUSES[lang]))
    text = _Builder()
    text.add(f"{name} {cue}, " if lang == "de" else f"{name} {cue} that ")
    text.quote(reported, kind="indirect", speaker=name, cue=cue)
    text.add(".")
    return text.build(lang)


def _mixed_quote(draw: st.DrawFn, lang: str, marks: tuple[tuple[str, str], ...]) -> Planted:
    opening, closing = draw(st.sampled_from(marks))
    name = _name(draw)
    cue = draw(st.sampled_from(_INDIRECT_CUES[lang]))
    _, reported = draw(st.sampled_from(vocab.CLAUSES[lang]))
    words = reported.split()
    quoted_words = draw(st.integers(min_value=1, max_value=min(2, len(words) - 1)))
    head, tail = " ".join(words[:-quoted_words]), " ".join(words[-quoted_words:])
    text = _Builder()
    text.add(f"{name} {cue}, " if lang == "de" else f"{name} {cue} ")
    text.quote(f"{head} {opening}{tail}{closing}", kind="mixed", speaker=name, cue=cue)
    text.add(".")
    return text.build(lang)


def _partial_quote(draw: st.DrawFn, lang: str, marks: tuple[tuple[str, str], ...]) -> Planted:
    opening, closing = draw(st.sampled_from(marks))
    name = _name(draw)
    verb, target = draw(st.sampled_from(vocab.PARTIAL_FRAMES[lang]))
    fragment = draw(st.sampled_from(vocab.FRAGMENTS[lang]))
    text = _Builder()
    text.add(f"{name} {verb}{target} {opening}")
    text.quote(fragment, kind="partial", speaker=name, cue=verb)
    text.add(f"{closing}.")
    return text.build(lang)


@st.composite
def _quote_sentence(
    draw: st.DrawFn, lang: str, kinds: tuple[str, ...], marks: tuple[tuple[str, str], ...]
) -> Planted:
    kind = draw(st.sampled_from(kinds))
    if kind == "direct":
        return _direct_quote(draw, lang, marks)
    if kind == "indirect":
        return _indirect_quote(draw, lang)
    if kind == "mixed":
        return _mixed_quote(draw, lang, marks)
    return _partial_quote(draw, lang, marks)


def _filler(lang: str) -> st.SearchStrategy[Planted]:
    return st.sampled_from(vocab.FILLER[lang]).map(lambda sentence: Planted.plain(sentence, lang=lang))


def texts_with_quotes(
    *,
    lang: str | Sequence[str] | None = None,
    kinds: Iterable[str] | None = None,
    marks: Iterable[tuple[str, str]] | None = None,
    min_quotes: int = 1,
    max_quotes: int = 3,
    filler: bool = True,
) -> st.SearchStrategy[Planted]:
    """A paragraph with ``min_quotes`` to ``max_quotes`` attributed quotes in plain frames.

    Direct quotes in both word orders („…“, sagte NAME. / NAME sagte: „…“ / “…,” NAME said.),
    indirect ones as a reported clause (NAME sagte, die Lage sei ernst. / NAME said that …),
    mixed ones with a quoted tail, partial ones as a quoted fragment (NAME sagte, der Plan sei
    „ein Fehler“. / NAME called the plan “a mistake”.). Each planted quote records its content
    span (without the outer marks), kind, speaker's full name and cue verb. ``filler=True``
    mixes in sentences with no quote.
    """

    def build() -> st.SearchStrategy[Planted]:
        langs = _languages(lang)
        chosen_kinds = _kinds(kinds)
        _size_range("quotes", min_quotes, max_quotes)
        return st.sampled_from(langs).flatmap(
            lambda language: _paragraph(
                _quote_sentence(language, chosen_kinds, _marks(marks, language)),
                language,
                min_quotes,
                max_quotes,
                filler=filler,
            )
        )

    return _lazily(build)


def _paragraph(
    sentences: st.SearchStrategy[Planted], lang: str, min_size: int, max_size: int, *, filler: bool
) -> st.SearchStrategy[Planted]:
    @st.composite
    def paragraph(draw: st.DrawFn) -> Planted:
        planted = draw(st.lists(sentences, min_size=min_size, max_size=max_size))
        parts: list[Planted] = []
        for sentence in planted:
            if filler and draw(st.booleans()):
                parts.append(draw(_filler(lang)))
            parts.append(sentence)
        return Planted.join(parts, sep=" ", lang=lang)

    return paragraph()


# ------------------------------------------------------------------ dates


def _write_date(lang: str, fmt: str, day: dt.date) -> tuple[str, str]:
    """(the date written in ``fmt``, its TIMEX3 value)."""
    months, weekdays = vocab.MONTHS[lang], vocab.WEEKDAYS[lang]
    month, weekday = months[day.month - 1], weekdays[day.weekday()]
    iso = day.isoformat()
    written = {
        "long": f"{day.day}. {month} {day.year}",
        "numeric": f"{day.day:02d}.{day.month:02d}.{day.year}",
        "numeric-short": f"{day.day}.{day.month}.{day.year}",
        "us-long": f"{month} {day.day}, {day.year}",
        "uk-long": f"{day.day} {month} {day.year}",
        "abbreviated": f"{_EN_ABBREVIATED[day.month - 1]} {day.day}, {day.year}",
        "weekday": (
            f"{weekday}, {day.day}. {month} {day.year}"
            if lang == "de"
            else f"{weekday}, {month} {day.day}, {day.year}"
        ),
        "month-year": f"{month} {day.year}",
        "iso": iso,
    }[fmt]
    return written, (iso[:7] if fmt == "month-year" else iso)


@st.composite
def _date_sentence(
    draw: st.DrawFn, lang: str, formats: tuple[str, ...], min_value: dt.date, max_value: dt.date
) -> Planted:
    fmt = draw(st.sampled_from(formats))
    day = draw(st.dates(min_value=min_value, max_value=max_value))
    written, value = _write_date(lang, fmt, day)
    carriers = vocab.MONTH_CARRIERS[lang] if fmt == "month-year" else vocab.DATE_CARRIERS[lang]
    before, after = draw(st.sampled_from(carriers)).split("{}")
    start = len(before)
    timex = PlantedTimex(start=start, end=start + len(written), text=written, value=value, format=fmt)
    return Planted(text=f"{before}{written}{after}", lang=lang, timexes=(timex,))


def dates(
    *,
    lang: str | Sequence[str] | None = None,
    formats: Iterable[str] | None = None,
    min_value: dt.date = dt.date(1990, 1, 1),
    max_value: dt.date = dt.date(2035, 12, 31),
) -> st.SearchStrategy[Planted]:
    """A sentence holding one absolute date in one of :data:`DATE_FORMATS` of its language.

    The planted timex covers the date expression alone ("14. März 2025", not "am 14. März
    2025"), type ``DATE``, value ``YYYY-MM-DD`` (``YYYY-MM`` for month-year), and records its
    format name. A weekday, when written, is the real weekday of that date.
    """

    def build() -> st.SearchStrategy[Planted]:
        langs = _languages(lang)
        if not (isinstance(min_value, dt.date) and isinstance(max_value, dt.date) and min_value <= max_value):
            msg = f"min_value={min_value!r}, max_value={max_value!r}: need two dates, min_value <= max_value"
            raise InvalidArgument(msg)
        chosen = _formats(formats, langs)
        return st.sampled_from(sorted(chosen)).flatmap(
            lambda language: _date_sentence(language, chosen[language], min_value, max_value)
        )

    return _lazily(build)


# ------------------------------------------------------------------ posts


def _random_link(draw: st.DrawFn) -> str:
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "https://t.co/" + draw(st.text(alphabet, min_size=10, max_size=10))


@st.composite
def _post(draw: st.DrawFn, lang: str, min_value: dt.date, max_value: dt.date) -> Planted:
    first, last = draw(st.sampled_from(vocab.FIRST_NAMES)), draw(st.sampled_from(vocab.LAST_NAMES))
    name = f"{first} {last}"
    # X/Twitter user names are at most 15 characters; a longer one is not a handle.
    handle = draw(st.sampled_from((f"{first}{last}", f"{first.lower()}_{last.lower()}")))[:15]
    words = list(
        draw(st.lists(st.sampled_from(vocab.POST_SENTENCES[lang]), min_size=1, max_size=2, unique=True))
    )
    mentions: list[str] = []
    hashtags: list[str] = []
    urls: list[str] = []
    if draw(st.booleans()):
        mentions.append(draw(st.sampled_from(vocab.MENTIONS)))
        words.insert(0, mentions[0])
    if draw(st.booleans()):
        hashtags.append(draw(st.sampled_from(vocab.HASHTAGS[lang])))
        words.append(hashtags[0])
    if draw(st.booleans()):
        urls.append(_random_link(draw))
        words.append(urls[0])
    post_text = " ".join(words)
    day = draw(st.dates(min_value=min_value, max_value=max_value))
    date_text, value = _write_date(lang, "long" if lang == "de" else "us-long", day)
    text = f"{post_text}\n— {name} (@{handle}) {date_text}"
    post = PlantedPost(
        start=0,
        end=len(text),
        text_start=0,
        text_end=len(post_text),
        text=post_text,
        name=name,
        handle=handle,
        date_text=date_text,
        date=value,
        hashtags=hashtags,
        mentions=mentions,
        urls=urls,
    )
    return Planted(text=text, lang=lang, posts=(post,))


def posts(
    *,
    lang: str | Sequence[str] | None = None,
    min_value: dt.date = dt.date(2008, 1, 1),
    max_value: dt.date = dt.date(2035, 12, 31),
) -> st.SearchStrategy[Planted]:
    """An embedded post as it reads after scraping: its text, then ``— Name (@handle) Date``.

    The post text may start with a mention and end with a hashtag and a t.co link; the planted
    post records them, the author's name and handle, the date as written and its ISO value.
    """

    def build() -> st.SearchStrategy[Planted]:
        langs = _languages(lang)
        if not (isinstance(min_value, dt.date) and isinstance(max_value, dt.date) and min_value <= max_value):
            msg = f"min_value={min_value!r}, max_value={max_value!r}: need two dates, min_value <= max_value"
            raise InvalidArgument(msg)
        return st.sampled_from(langs).flatmap(lambda language: _post(language, min_value, max_value))

    return _lazily(build)


# ------------------------------------------------------------------ boilerplate


def boilerplate_lines(*, lang: str | Sequence[str] | None = None) -> st.SearchStrategy[Planted]:
    """One line of page furniture (share bar, photo credit, "Read more"), planted whole."""

    def build() -> st.SearchStrategy[Planted]:
        langs = _languages(lang)
        return st.sampled_from(langs).flatmap(
            lambda language: st.sampled_from(vocab.BOILERPLATE[language]).map(
                lambda line: Planted(
                    text=line,
                    lang=language,
                    boilerplate=(PlantedBoilerplate(start=0, end=len(line), text=line),),
                )
            )
        )

    return _lazily(build)


# ------------------------------------------------------------------ articles


def articles(
    *,
    lang: str | Sequence[str] | None = None,
    kinds: Iterable[str] | None = None,
    marks: Iterable[tuple[str, str]] | None = None,
    date_formats: Iterable[str] | None = None,
    min_paragraphs: int = 1,
    max_paragraphs: int = 5,
    with_posts: bool = True,
    with_boilerplate: bool = True,
) -> st.SearchStrategy[Planted]:
    """A whole article: boilerplate lines around paragraphs of quotes, dates, filler and posts.

    One paragraph per line (separated by one or two newlines); boilerplate lines come before
    and after the body; an embedded post takes two lines. Everything planted in the parts is
    planted in the article at its new offset.
    """

    def build() -> st.SearchStrategy[Planted]:
        langs = _languages(lang)
        chosen_kinds = _kinds(kinds)
        _size_range("paragraphs", min_paragraphs, max_paragraphs)
        chosen_formats = _formats(date_formats, langs)
        for language in langs:
            _marks(marks, language)
        return st.sampled_from(sorted(chosen_formats)).flatmap(
            lambda language: _article(
                language,
                chosen_kinds,
                _marks(marks, language),
                chosen_formats[language],
                min_paragraphs,
                max_paragraphs,
                with_posts=with_posts,
                with_boilerplate=with_boilerplate,
            )
        )

    return _lazily(build)


def _article(
    lang: str,
    kinds: tuple[str, ...],
    marks: tuple[tuple[str, str], ...],
    formats: tuple[str, ...],
    min_paragraphs: int,
    max_paragraphs: int,
    *,
    with_posts: bool,
    with_boilerplate: bool,
) -> st.SearchStrategy[Planted]:
    sentence = st.one_of(
        _filler(lang),
        _quote_sentence(lang, kinds, marks),
        _date_sentence(lang, formats, dt.date(1990, 1, 1), dt.date(2035, 12, 31)),
    )
    paragraph = _paragraph(sentence, lang, 1, 3, filler=False)
    if with_posts:
        paragraph = st.one_of(paragraph, _post(lang, dt.date(2008, 1, 1), dt.date(2035, 12, 31)))
    furniture = boilerplate_lines(lang=lang)

    @st.composite
    def article(draw: st.DrawFn) -> Planted:
        header = draw(st.lists(furniture, max_size=2)) if with_boilerplate else []
        body = draw(st.lists(paragraph, min_size=min_paragraphs, max_size=max_paragraphs))
        footer = draw(st.lists(furniture, max_size=2)) if with_boilerplate else []
        sep = draw(st.sampled_from(("\n", "\n\n")))
        return Planted.join([*header, *body, *footer], sep=sep, lang=lang)

    return article()


# ------------------------------------------------------------------ hostile text


def unicode_texts(*, min_size: int = 0, max_size: int = 200) -> st.SearchStrategy[str]:
    """Any ``str``, biased towards what breaks text code.

    Lone surrogates, NUL, right-to-left marks and overrides, zero-width joiners, combining
    marks, CRLF and other line breaks, quotation marks of every kind, ``@``/``#``, date-like
    digits: drawn from every code point (surrogates included) and from a soup of such atoms.
    """

    def build() -> st.SearchStrategy[str]:
        _size_range("size", min_size, max_size)
        every_code_point = st.text(st.characters(exclude_categories=()), min_size=min_size, max_size=max_size)
        soup = st.lists(
            st.one_of(st.sampled_from(vocab.HOSTILE_ATOMS), st.text(max_size=4)),
            min_size=min_size,
            max_size=max(1, max_size // 4),
        ).map("".join)
        return st.one_of(every_code_point, soup).filter(
            lambda text: min_size <= len(text) <= max(max_size, min_size)
        )

    return _lazily(build)


# ------------------------------------------------------------------ documents


def documents(
    *,
    texts: st.SearchStrategy[str] | None = None,
    lang: str | Sequence[str] | None = None,
    annotated: bool = True,
) -> st.SearchStrategy[Document]:
    """Valid :class:`~quotekit.Document` objects, with every layer filled.

    By default the text is either a generated article (whose layers start from the planted
    ground truth) or hostile Unicode from :func:`unicode_texts`; ``texts`` supplies your own
    text strategy instead. ``annotated=True`` fills every layer with spans that satisfy the
    span invariant (languages, boilerplate, posts, quotes with speakers and cues, entities,
    timexes, diagnostics, an extension layer); ``annotated=False`` gives bare documents as an
    extractor chain receives them. ``st.from_type(Document)`` draws from ``documents()``.
    """

    def build() -> st.SearchStrategy[Document]:
        if texts is not None and not isinstance(texts, st.SearchStrategy):
            msg = f"texts={texts!r} must be a hypothesis strategy of str"
            raise InvalidArgument(msg)
        langs = _languages(lang)
        published = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
        ids = st.none() | st.text(max_size=8)

        @st.composite
        def document(draw: st.DrawFn) -> Document:
            fields: dict[str, Any] = {"published": draw(published), "id": draw(ids)}
            if texts is None and draw(st.booleans()):
                planted = draw(articles(lang=langs))
                base = planted.as_document(**fields) if annotated else Document(text=planted.text, **fields)
            else:
                text = draw(unicode_texts() if texts is None else texts)
                base = Document(text=text, lang=draw(st.sampled_from((*langs, "und"))), **fields)
            return draw(random_layers(base)) if annotated else base

        return document()

    return _lazily(build)


def spans(kind: type[T], *, texts: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[T]:
    """Valid instances of a span class (``Quote``, ``Timex``, ``Post`` ...) over some text.

    A span only means something against its document's text; this draws a text (from
    ``texts``, default :func:`unicode_texts`) and a span that fits it, so ``span.text`` is
    consistent with ``start``/``end``. ``st.from_type(Quote)`` and friends draw from here.
    """

    def build() -> st.SearchStrategy[T]:
        make = ITEM_MAKERS.get(kind)
        if make is None:
            names = ", ".join(sorted(cls.__name__ for cls in ITEM_MAKERS))
            msg = f"spans({kind!r}): choose one of {names}"
            raise InvalidArgument(msg)
        source = unicode_texts() if texts is None else texts

        @st.composite
        def item(draw: st.DrawFn) -> T:
            return make(draw, draw(source))  # type: ignore[no-any-return]

        return item()

    return _lazily(build)


def type_strategies() -> dict[type[Any], st.SearchStrategy[Any]]:
    """The strategies ``_hypothesis_setup_hook`` registers, by type."""
    registered: dict[type[Any], st.SearchStrategy[Any]] = {Document: documents()}
    for kind in ITEM_MAKERS:
        registered[kind] = spans(kind)
    return registered
