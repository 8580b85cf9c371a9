"""The data model: an immutable :class:`Document` and the spans in its layers.

Every span refers to the original input text by code-point offsets, end exclusive, and carries
the text it covers. :class:`Document` checks on construction that ``text[start:end]`` equals
each span's text: a violation is a bug in the extractor that made the span, so it raises
:class:`SpanError` rather than letting a wrong offset travel on to users.

Documents are derived, never mutated: extractors return ``attrs.evolve(doc, layer=...)`` or
use the ``with_*`` helpers below.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import operator
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, Final, Literal, TypeAlias, TypeVar

import attrs
from attrs import validators as v

from quotekit._validators import (
    instance_of,
    member_of,
    non_negative,
    optional_int,
    optional_of,
    optional_str,
    str_,
)
from quotekit.syntax import Syntax

__all__ = [
    "SCHEMA_VERSION",
    "Annotation",
    "Author",
    "BoilerplateSpan",
    "Diagnostic",
    "Document",
    "Entity",
    "LanguageSpan",
    "Post",
    "Quote",
    "QuoteKind",
    "Span",
    "SpanError",
    "Speaker",
    "Timex",
    "TimexType",
]

SCHEMA_VERSION: Final = 1
_T = TypeVar("_T")
_V = TypeVar("_V")

QuoteKind: TypeAlias = Literal["direct", "indirect", "mixed", "partial"]
QUOTE_KINDS: Final = ("direct", "indirect", "mixed", "partial")
TimexType: TypeAlias = Literal["DATE", "TIME", "DURATION", "SET"]
TIMEX_TYPES: Final = ("DATE", "TIME", "DURATION", "SET")
QuoteSource: TypeAlias = Literal["article", "post"]
QUOTE_SOURCES: Final = ("article", "post")
Severity: TypeAlias = Literal["info", "warning", "error"]
SEVERITIES: Final = ("info", "warning", "error")


class SpanError(ValueError):
    """A span does not fit the text it claims to annotate."""


def _end_not_before_start(instance: Any, _attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        msg = f"{type(instance).__name__}: end {value} is before start {instance.start}"
        raise SpanError(msg)


def _span_end(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    """``instance_of(int)``, ``ge(0)`` and not before ``instance.start``."""
    if not (isinstance(value, int) and value >= 0 and value >= instance.start):
        non_negative(instance, attribute, value)
        _end_not_before_start(instance, attribute, value)


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _as_tuple(items: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of the original text: ``document.text[start:end] == text``."""

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=_span_end)
    text: str = attrs.field(validator=str_)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return cls(start=start, end=end, text=text[start:end])


@attrs.frozen(kw_only=True)
class LanguageSpan:
    """A block of the text (a paragraph, an embedded post) and the language it is written in."""

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=_span_end)
    text: str = attrs.field(validator=str_)
    lang: str = attrs.field(validator=str_)
    confidence: float = attrs.field(default=1.0, validator=instance_of(float))


@attrs.frozen(kw_only=True)
class BoilerplateSpan:
    """Text that is not article content (a credit line, a share bar); ``reason`` says why."""

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=_span_end)
    text: str = attrs.field(validator=str_)
    reason: str = attrs.field(validator=str_)


@attrs.frozen(kw_only=True)
class Author:
    """Who wrote an embedded post, as the embed names them."""

    name: str | None = attrs.field(default=None, validator=optional_str)
    handle: str | None = attrs.field(default=None, validator=optional_str)
    url: str | None = attrs.field(default=None, validator=optional_str)


@attrs.frozen(kw_only=True)
class Post:
    """A social-media post embedded in the article.

    ``start``/``end`` cover the whole embed (post text and attribution line); ``text`` is the
    post's own text, at ``text_start``/``text_end``.
    """

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=_span_end)
    platform: str = attrs.field(validator=str_)
    text: str = attrs.field(validator=str_)
    text_start: int = attrs.field(validator=non_negative)
    text_end: int = attrs.field(validator=non_negative)
    author: Author = attrs.field(factory=Author, validator=v.instance_of(Author))
    date: str | None = attrs.field(default=None, validator=optional_str)
    date_text: str | None = attrs.field(default=None, validator=optional_str)
    status_url: str | None = attrs.field(default=None, validator=optional_str)
    status_id: str | None = attrs.field(default=None, validator=optional_str)
    urls: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    media: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    hashtags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    mentions: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    cashtags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    lang: str | None = attrs.field(default=None, validator=optional_str)


@attrs.frozen(kw_only=True)
class Speaker:
    """Who a quote is attributed to: the canonical ``name`` and the ``mention`` the frame names.

    ``mention`` may be a pronoun or a role noun ("er", "the minister") while ``name`` is the
    entity it was resolved to; ``entity`` indexes :attr:`Document.entities` when resolved.
    """

    name: str = attrs.field(validator=str_)
    mention: Span | None = attrs.field(default=None, validator=optional_of(Span))
    role: str | None = attrs.field(default=None, validator=optional_str)
    entity: int | None = attrs.field(default=None, validator=optional_int)


@attrs.frozen(kw_only=True)
class Quote:
    """An utterance: what was said (``text``), by whom, with which cue, and when."""

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=_span_end)
    text: str = attrs.field(validator=str_)
    kind: QuoteKind = attrs.field(validator=member_of(QUOTE_KINDS))
    speaker: Speaker | None = attrs.field(default=None, validator=optional_of(Speaker))
    cue: Span | None = attrs.field(default=None, validator=optional_of(Span))
    date: str | None = attrs.field(default=None, validator=optional_str)
    source: QuoteSource = attrs.field(default="article", validator=member_of(QUOTE_SOURCES))
    post: int | None = attrs.field(default=None, validator=optional_int)
    lang: str | None = attrs.field(default=None, validator=optional_str)
    group: int | None = attrs.field(default=None, validator=optional_int)


@attrs.frozen(kw_only=True)
class Entity:
    """A person or organisation quoted in the document, with every mention that refers to it."""

    name: str = attrs.field(validator=str_)
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_as_tuple)
    roles: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)


@attrs.frozen(kw_only=True)
class Timex:
    """A temporal expression with its TimeML TIMEX3 ``type`` and normalized ``value``."""

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=_span_end)
    text: str = attrs.field(validator=str_)
    type: TimexType = attrs.field(validator=member_of(TIMEX_TYPES))
    value: str = attrs.field(validator=str_)
    mod: str | None = attrs.field(default=None, validator=optional_str)


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something a caller should know about: an extractor that failed, an unclosed quote mark."""

    severity: Severity = attrs.field(validator=member_of(SEVERITIES))
    code: str = attrs.field(validator=str_)
    message: str = attrs.field(validator=str_)
    extractor: str | None = attrs.field(default=None, validator=optional_str)
    start: int | None = attrs.field(default=None, validator=optional_int)
    end: int | None = attrs.field(default=None, validator=optional_int)
    #: The plugin behind ``extractor``: its distribution and entry point, or
    #: ``quotekit.builtins``; set by the pipeline.
    plugin: str | None = attrs.field(default=None, validator=optional_str)


def _json_value(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Annotation data must survive JSON: only JSON types, string keys, finite numbers."""
    stack = [value]
    while stack:
        item = stack.pop()
        if item is None or isinstance(item, (bool, int, str)):
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                msg = f"{attribute.name}: {item!r} has no JSON form"
                raise TypeError(msg)
            continue
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, Mapping):
            if not all(isinstance(key, str) for key in item):
                msg = f"{attribute.name}: mapping keys must be str"
                raise TypeError(msg)
            stack.extend(item.values())
        else:
            msg = f"{attribute.name}: {type(item).__name__} is not a JSON value"
            raise TypeError(msg)


class FrozenDict(dict[str, _V]):
    """A read-only, hashable, picklable dict: layers and annotation data cannot change."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items(), key=lambda item: item[0])))

    def __reduce__(self) -> tuple[Any, ...]:
        # dict subclasses unpickle through __setitem__, which is disabled here.
        return (type(self), (dict(self),))

    def _read_only(self, *_args: object, **_kwargs: object) -> Any:
        msg = f"{type(self).__name__} is read-only"
        raise TypeError(msg)

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = __ior__ = _read_only


def _deep_frozen(value: Any) -> Any:
    """``value`` with every list and tuple a tuple and every mapping a :class:`FrozenDict`.

    Left as they are: the scalars, and whatever is not a JSON value (the validator names it).
    """
    if isinstance(value, Mapping):
        return FrozenDict({key: _deep_frozen(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_deep_frozen(item) for item in value)
    return value


def _frozen_mapping(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(mapping, Mapping):
        return mapping  # the validator reports it
    return _deep_frozen(mapping)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True)
class Annotation:
    """A neutral span for layers quotekit does not know: third-party extractors, NLP backends.

    ``label`` names what the span is; ``data`` holds JSON-serialisable attributes, frozen all
    the way down (lists become tuples, mappings read-only), so an annotation hashes and cannot
    be changed through its data.
    """

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=_span_end)
    text: str = attrs.field(validator=str_)
    label: str = attrs.field(validator=str_)
    data: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping, validator=_json_value)


def _extension_layers(
    layers: Mapping[str, Iterable[Annotation]],
) -> Mapping[str, tuple[Annotation, ...]]:
    return FrozenDict({name: tuple(items) for name, items in sorted(layers.items())})


def _namespaced(_instance: Any, _attribute: attrs.Attribute[Any], value: Mapping[str, Any]) -> None:
    for name in value:
        namespace, dot, layer = name.partition(".")
        if not (namespace and dot and layer):
            msg = f"extension layer {name!r} must be namespaced as 'plugin.layer'"
            raise ValueError(msg)


def parse_published(value: object) -> dt.date | None:
    """Read a publication date given as a ``date``, ``datetime``, ISO string or ``None``.

    Raises ``ValueError`` naming the accepted forms when the value is not one of them.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        try:
            return dt.date.fromisoformat(stripped[:10])
        except ValueError:
            pass
    msg = (
        f"published={value!r} is not a date: pass a datetime.date, a datetime.datetime "
        "or an ISO 8601 string such as '2025-03-14'"
    )
    raise ValueError(msg)


AnySpan: TypeAlias = "Span | LanguageSpan | BoilerplateSpan | Quote | Timex | Annotation"

#: The built-in layers, in the order they are shown; each holds spans with start/end/text.
LAYERS: Final = ("languages", "boilerplate", "posts", "quotes", "entities", "timexes")


#: Layer tuples checked against a text already: ``id(layer) -> (layer, text)``. Holding both
#: objects keeps their ids from being reused while an entry lives; the table is emptied when
#: it holds more than the layers of a few documents, so it keeps no text alive for long.
_CHECKED: dict[int, tuple[object, str]] = {}
_CHECKED_MAX: Final = 64


def _checked_before(layer: object, text: str) -> bool:
    """Whether this very ``layer`` object passed every check against this very ``text`` object."""
    entry = _CHECKED.get(id(layer))
    return entry is not None and entry[0] is layer and entry[1] is text


def _remember_checked(layers: list[tuple[str, Any]], text: str) -> None:
    if len(_CHECKED) + len(layers) > _CHECKED_MAX:
        _CHECKED.clear()
    for _, layer in layers:
        _CHECKED[id(layer)] = (layer, text)


#: The last languages layer read by :func:`_sorted_blocks`, and what it gave.
_LAST_BLOCKS: tuple[object, tuple[tuple[int, int, str], ...], tuple[int, ...]] = ((), (), ())


#: The last answer of :meth:`Document.language_segments` and what it was asked for.
_LAST_SEGMENTS: tuple[object, str, int, tuple[tuple[int, int, str], ...]] = ((), "", -1, ())


def _sorted_blocks(
    languages: tuple[LanguageSpan, ...],
) -> tuple[tuple[tuple[int, int, str], ...], tuple[int, ...]]:
    """The blocks of a languages layer as sorted ``(start, end, lang)`` and their starts.

    Several readers ask for them for each document (the segmentation, the quote and boilerplate
    extractors): the last layer's are kept, found again by identity (the entry holds the layer,
    so its id is not reused while the entry lives; spans are frozen).
    """
    global _LAST_BLOCKS  # noqa: PLW0603 - one entry, replaced whole: safe across threads
    last = _LAST_BLOCKS
    if last[0] is languages:
        return last[1], last[2]
    blocks = tuple(sorted((block.start, block.end, block.lang) for block in languages))
    starts = tuple(start for start, _, _ in blocks)
    _LAST_BLOCKS = (languages, blocks, starts)
    return blocks, starts


def _selected(name: str, layers: Collection[str]) -> bool:
    """Whether layer ``name`` (or its namespace, or one of its nested layers) is in ``layers``."""
    return (
        name in layers
        or name.partition(".")[0] in layers
        or (name == "quotes" and ("quotes.cue" in layers or "quotes.speaker" in layers))
    )


#: Layers whose items are not simply spans: :func:`_layer_spans` reads them.
_NESTED_LAYERS: Final = frozenset({"posts", "quotes", "entities"})


def _layer_spans(name: str, layer: tuple[Any, ...], text: str) -> Iterator[tuple[str, AnySpan]]:
    """The spans of one layer with the name of their (nested) layer, as :meth:`Document.spans` gives them."""
    if name == "posts":
        for post in layer:
            yield "posts", Span.of(text, post.start, min(post.end, len(text)))
    elif name == "quotes":
        for quote in layer:
            yield "quotes", quote
            if quote.cue is not None:
                yield "quotes.cue", quote.cue
            if quote.speaker is not None and quote.speaker.mention is not None:
                yield "quotes.speaker", quote.speaker.mention
    elif name == "entities":
        for entity in layer:
            yield from (("entities", mention) for mention in entity.mentions)
    else:
        yield from ((name, item) for item in layer)


@attrs.frozen(kw_only=True, repr=False)
class Document:
    """The original ``text`` and every layer of spans extracted from it.

    Build one with :meth:`from_text`; derive a changed copy with :meth:`evolve` or
    ``attrs.evolve``. Construction validates every span against ``text``.
    """

    text: str = attrs.field(validator=str_)
    lang: str = attrs.field(default="und", validator=str_)
    published: dt.date | None = attrs.field(default=None, converter=parse_published)
    published_source: str | None = attrs.field(default=None, validator=optional_str)
    id: str | None = attrs.field(default=None, validator=optional_str)
    languages: tuple[LanguageSpan, ...] = attrs.field(default=(), converter=_as_tuple)
    boilerplate: tuple[BoilerplateSpan, ...] = attrs.field(default=(), converter=_as_tuple)
    posts: tuple[Post, ...] = attrs.field(default=(), converter=_as_tuple)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_as_tuple)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_as_tuple)
    timexes: tuple[Timex, ...] = attrs.field(default=(), converter=_as_tuple)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_as_tuple)
    extensions: Mapping[str, tuple[Annotation, ...]] = attrs.field(
        factory=dict, converter=_extension_layers, validator=_namespaced
    )
    #: A backend's parse of the text (quotekit.syntax), when a pipeline ran one. It is an analysis
    #: attached to the run: not part of the JSON and not compared by ``==``.
    syntax: Syntax | None = attrs.field(
        default=None, eq=False, validator=v.optional(v.instance_of(Syntax)), metadata={"json": False}
    )

    def __attrs_post_init__(self) -> None:
        self.validate()

    def validate(self, layers: Collection[str] | None = None) -> None:
        """Check every span (or those of ``layers``) against the text; raise :class:`SpanError`.

        Construction runs this; the pipeline runs it again for the layers an extractor changed,
        since ``object.__setattr__`` can put a span into a frozen document unchecked. A layer
        tuple checked already against this very text object (the same objects, compared by
        identity) is not checked again: documents derived with ``evolve`` share their unchanged
        layers, and a layer swapped in through ``object.__setattr__`` is a new object, so it is
        checked.
        """
        text = self.text
        if self.syntax is not None and (layers is None or "syntax" in layers):
            try:
                self.syntax.check(text)
            except ValueError as error:
                raise SpanError(str(error)) from error
        fresh = [
            (name, value)
            for name, value in self._layers()
            if value and (layers is None or _selected(name, layers)) and not _checked_before(value, text)
        ]
        for name, value in fresh:
            self._check_layer(name, value, text)
        if layers is not None and not {"posts", "quotes", "entities"} & set(layers):
            _remember_checked(fresh, text)
            return
        # the posts' own texts, unless this posts tuple passed every check before
        posts = self.posts
        if posts and not _checked_before(posts, text):
            for index, post in enumerate(posts):
                if not post.start <= post.text_start <= post.text_end <= post.end:
                    msg = f"posts[{index}]: text {post.text_start}-{post.text_end} lies outside the post"
                    raise SpanError(msg)
                self._check("posts", post.text_start, post.text_end, post.text)
        for quote in self.quotes:
            if quote.post is not None and not 0 <= quote.post < len(self.posts):
                msg = f"quote at {quote.start} names post {quote.post}, which does not exist"
                raise SpanError(msg)
            if (
                quote.speaker is not None
                and quote.speaker.entity is not None
                and not 0 <= quote.speaker.entity < len(self.entities)
            ):
                msg = f"quote at {quote.start} names entity {quote.speaker.entity}, which does not exist"
                raise SpanError(msg)
        _remember_checked(fresh, text)

    def _layers(self) -> Iterator[tuple[str, tuple[AnySpan, ...] | tuple[Post, ...] | tuple[Entity, ...]]]:
        """Each layer's name and tuple: the built-in layers in order, then the extension layers."""
        yield "languages", self.languages
        yield "boilerplate", self.boilerplate
        yield "posts", self.posts
        yield "quotes", self.quotes
        yield "entities", self.entities
        yield "timexes", self.timexes
        yield from self.extensions.items()

    def _check_layer(self, name: str, layer: tuple[Any, ...], text: str) -> None:
        if name in _NESTED_LAYERS:
            for nested, span in _layer_spans(name, layer, text):
                self._check(nested, span.start, span.end, span.text)
            return
        # a flat layer (languages, boilerplate, timexes, an extension): its spans, checked in
        # one loop here; _check says what is wrong with the first one that fails
        size = len(text)
        for span in layer:
            start, end, span_text = span.start, span.end, span.text
            if end > size or text[start:end] != span_text:
                self._check(name, start, end, span_text)

    def _check(self, layer: str, start: int, end: int, text: str) -> None:
        if end > len(self.text):
            msg = f"{layer}: span {start}-{end} runs past the end of the text ({len(self.text)})"
            raise SpanError(msg)
        if self.text[start:end] != text:
            msg = (
                f"{layer}: span {start}-{end} claims {text[:40]!r} "
                f"but the text there is {self.text[start:end][:40]!r}"
            )
            raise SpanError(msg)

    def spans(self) -> Iterator[tuple[str, AnySpan]]:
        """Every span-like item with the name of its layer, including nested spans.

        Posts are yielded for their extent only (their ``text`` is checked separately).
        """
        for name, layer in self._layers():
            yield from _layer_spans(name, layer, self.text)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        lang: str | None = None,
        published: dt.date | str | None = None,
        id: str | None = None,  # noqa: A002 - "id" is the field's public name
    ) -> Document:
        """A document with no layers yet; checks the arguments' types with clear messages."""
        if not isinstance(text, str):
            msg = (
                f"quotekit needs the article as str, got {type(text).__name__}; "
                "decode bytes first (data.decode('utf-8')) or read files in text mode"
            )
            raise TypeError(msg)
        if lang is not None and not isinstance(lang, str):
            msg = f"lang must be a language code such as 'de' or 'en', got {type(lang).__name__}"
            raise TypeError(msg)
        if id is not None and not isinstance(id, str):
            msg = f"id must be str, got {type(id).__name__}"
            raise TypeError(msg)
        return cls(
            text=text,
            lang=lang or "und",
            published=parse_published(published),
            published_source="given" if published is not None and str(published).strip() else None,
            id=id,
        )

    def __repr__(self) -> str:
        # a whole article and every span would make a 15 KB repr: the counts say what is there
        identity = f" id={self.id!r}" if self.id is not None else ""
        return (
            f"<Document{identity} lang={self.lang!r} chars={len(self.text)} quotes={len(self.quotes)}"
            f" speakers={len(self.entities)} timexes={len(self.timexes)} posts={len(self.posts)}>"
        )

    def _repr_html_(self) -> str:
        """The HTML view of :func:`quotekit.render`, for Jupyter."""
        from quotekit.render import render

        return render(self, full_page=False)

    def evolve(self, **changes: Any) -> Document:
        """A copy with ``changes`` applied (validated like any new document).

        What ``attrs.evolve`` gives, made for less: the fields left as they are keep their
        values (converted and validated when this document was made, and frozen since), the
        changed ones are converted and validated as ``__init__`` does, and then the spans are
        checked (:meth:`validate`, which passes over layers it checked before).
        """
        if type(self) is not Document or not changes.keys() <= _FIELD_BY_NAME.keys():
            return attrs.evolve(self, **changes)  # a subclass, or attrs names the unknown argument
        new = object.__new__(Document)
        set_field = object.__setattr__
        for name, value in zip(_FIELD_NAMES, _all_fields(self), strict=True):
            set_field(new, name, value)
        for name, value in changes.items():
            converter = _FIELD_BY_NAME[name].converter
            set_field(new, name, value if converter is None else converter(value))  # type: ignore[operator]
        if not attrs.validators.get_disabled():
            for field in _VALIDATED_FIELDS:
                if field.name in changes:
                    field.validator(new, field, getattr(new, field.name))  # type: ignore[misc]
        new.validate()
        return new

    def with_diagnostic(self, diagnostic: Diagnostic) -> Document:
        """A copy with one more diagnostic."""
        return self.evolve(diagnostics=(*self.diagnostics, diagnostic))

    def with_extension(self, name: str, annotations: Iterable[Annotation]) -> Document:
        """A copy with the extension layer ``name`` set to ``annotations``."""
        return self.evolve(extensions={**self.extensions, name: tuple(annotations)})

    @property
    def body(self) -> str:
        """The text without boilerplate: what is left once every boilerplate span is cut out."""
        return "".join(self.text[start:end] for start, end in self.body_spans())

    def body_spans(self) -> list[tuple[int, int]]:
        """The (start, end) stretches of the text that are not boilerplate, in order."""
        kept: list[tuple[int, int]] = []
        position = 0
        for start, end in sorted((b.start, b.end) for b in self.boilerplate):
            if start > position:
                kept.append((position, start))
            position = max(position, end)
        if position < len(self.text):
            kept.append((position, len(self.text)))
        return kept

    def is_boilerplate(self, start: int, end: int) -> bool:
        """Whether the stretch ``start``-``end`` lies wholly inside boilerplate spans."""
        position = start
        for b_start, b_end in sorted((b.start, b.end) for b in self.boilerplate):
            if b_start <= position < b_end:
                position = b_end
            if position >= end:
                return True
        return start >= end

    def lang_at(self, offset: int) -> str:
        """The language of the block holding ``offset`` (the document's language elsewhere).

        One look-up scans the blocks; for many, build :meth:`language_lookup` once.
        """
        for block in self.languages:
            if block.start <= offset < block.end:
                return block.lang
        return self.lang

    def language_lookup(self) -> Callable[[int], str]:
        """``lang_at`` for many offsets: sorts the blocks once, then answers in O(log n)."""
        blocks, starts = _sorted_blocks(self.languages)
        default = self.lang

        def lang_at(offset: int) -> str:
            index = bisect.bisect_right(starts, offset) - 1
            if index >= 0 and offset < blocks[index][1]:
                return blocks[index][2]
            return default

        return lang_at

    def language_segments(self) -> list[tuple[int, int, str]]:
        """The whole text as ``(start, end, lang)`` stretches in order.

        Neighbours of one language are merged; text outside every block takes the document's
        language.
        """
        global _LAST_SEGMENTS  # noqa: PLW0603 - one entry, replaced whole: safe across threads
        last = _LAST_SEGMENTS
        # the quote extractor and a backend ask for each document's: the last answer is kept,
        # found again by the languages layer object, the document's language and text length
        if last[0] is self.languages and last[1] == self.lang and last[2] == len(self.text):
            return list(last[3])
        pieces: list[tuple[int, int, str]] = []
        position = 0
        for start, end, lang in _sorted_blocks(self.languages)[0]:
            if start > position:
                pieces.append((position, start, self.lang))
            if end > max(start, position):
                pieces.append((max(start, position), end, lang))
            position = max(position, end)
        if position < len(self.text):
            pieces.append((position, len(self.text), self.lang))
        merged: list[tuple[int, int, str]] = []
        for start, end, lang in pieces:
            if merged and merged[-1][2] == lang and merged[-1][1] == start:
                merged[-1] = (merged[-1][0], end, lang)
            else:
                merged.append((start, end, lang))
        _LAST_SEGMENTS = (self.languages, self.lang, len(self.text), tuple(merged))
        return merged

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity ``error``: extractors that failed on this document."""
        return tuple(d for d in self.diagnostics if d.severity == "error")


#: The fields of a Document, by name and in order, for :meth:`Document.evolve`.
_FIELD_BY_NAME: Final = {field.name: field for field in attrs.fields(Document)}
_FIELD_NAMES: Final = tuple(_FIELD_BY_NAME)
_VALIDATED_FIELDS: Final = tuple(field for field in attrs.fields(Document) if field.validator is not None)
_all_fields: Final = operator.attrgetter(*_FIELD_NAMES)
