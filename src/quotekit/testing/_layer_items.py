"""Valid spans of every layer over a given text, drawn by ``documents()`` and ``spans()``.

Each maker takes hypothesis' ``draw`` and the document text and returns one item whose offsets
fit that text, so ``item.text == text[item.start:item.end]`` holds by construction; the
strategies module turns them into public strategies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Final, TypeVar

from hypothesis import strategies as st

from quotekit.model import (
    QUOTE_KINDS,
    QUOTE_SOURCES,
    SEVERITIES,
    TIMEX_TYPES,
    Annotation,
    Author,
    BoilerplateSpan,
    Diagnostic,
    Document,
    Entity,
    LanguageSpan,
    Post,
    Quote,
    Span,
    Speaker,
    Timex,
)

T = TypeVar("T")


def _span_bounds(draw: st.DrawFn, text: str) -> tuple[int, int]:
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    return start, end


def _span(draw: st.DrawFn, text: str) -> Span:
    start, end = _span_bounds(draw, text)
    return Span.of(text, start, end)


_short_text = st.text(max_size=12)
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _short_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_short_text, children, max_size=3),
    max_leaves=6,
)


def _language_span(draw: st.DrawFn, text: str) -> LanguageSpan:
    start, end = _span_bounds(draw, text)
    return LanguageSpan(
        start=start,
        end=end,
        text=text[start:end],
        lang=draw(st.sampled_from(("de", "en", "und", "fr"))),
        confidence=draw(st.floats(min_value=0.0, max_value=1.0)),
    )


def _boilerplate_span(draw: st.DrawFn, text: str) -> BoilerplateSpan:
    start, end = _span_bounds(draw, text)
    return BoilerplateSpan(start=start, end=end, text=text[start:end], reason=draw(_short_text))


def _post_item(draw: st.DrawFn, text: str) -> Post:
    start, text_start, text_end, end = sorted(
        draw(st.lists(st.integers(min_value=0, max_value=len(text)), min_size=4, max_size=4))
    )
    optional = st.none() | _short_text
    return Post(
        start=start,
        end=end,
        platform=draw(st.sampled_from(("twitter", "mastodon", "bluesky", "instagram"))),
        text=text[text_start:text_end],
        text_start=text_start,
        text_end=text_end,
        author=Author(name=draw(optional), handle=draw(optional), url=draw(optional)),
        date=draw(st.none() | st.dates().map(dt.date.isoformat)),
        date_text=draw(optional),
        hashtags=draw(st.lists(_short_text, max_size=2)),
        mentions=draw(st.lists(_short_text, max_size=2)),
    )


def _entity(draw: st.DrawFn, text: str) -> Entity:
    mentions: Any = [_span(draw, text) for _ in range(draw(st.integers(0, 2)))]
    return Entity(
        name=draw(_short_text),
        mentions=mentions,
        roles=draw(st.lists(_short_text, max_size=2)),
    )


def _quote(draw: st.DrawFn, text: str, posts: int = 0, entities: int = 0) -> Quote:
    start, end = _span_bounds(draw, text)
    speaker = None
    if draw(st.booleans()):
        speaker = Speaker(
            name=draw(_short_text),
            mention=_span(draw, text) if draw(st.booleans()) else None,
            role=draw(st.none() | _short_text),
            entity=draw(st.integers(0, entities - 1)) if entities and draw(st.booleans()) else None,
        )
    source: Any = draw(st.sampled_from(QUOTE_SOURCES))
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        kind=draw(st.sampled_from(QUOTE_KINDS)),
        speaker=speaker,
        cue=_span(draw, text) if draw(st.booleans()) else None,
        date=draw(st.none() | st.dates().map(dt.date.isoformat)),
        source=source,
        post=draw(st.integers(0, posts - 1)) if posts and source == "post" else None,
        lang=draw(st.none() | st.sampled_from(("de", "en"))),
        group=draw(st.none() | st.integers(0, 5)),
    )


def _timex(draw: st.DrawFn, text: str) -> Timex:
    start, end = _span_bounds(draw, text)
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=draw(st.sampled_from(TIMEX_TYPES)),
        value=draw(
            st.sampled_from(("2025-03-14", "2025-W11", "P3D", "PAST_REF", "XXXX-XX-XX")) | _short_text
        ),
        mod=draw(st.none() | st.sampled_from(("APPROX", "START", "END"))),
    )


def _annotation(draw: st.DrawFn, text: str) -> Annotation:
    start, end = _span_bounds(draw, text)
    data = draw(st.dictionaries(_short_text, _json_values, max_size=3))
    return Annotation(start=start, end=end, text=text[start:end], label=draw(_short_text), data=data)


def _diagnostic(draw: st.DrawFn, text: str) -> Diagnostic:
    located = draw(st.booleans())
    start, end = _span_bounds(draw, text) if located else (None, None)
    return Diagnostic(
        severity=draw(st.sampled_from(SEVERITIES)),
        code=draw(st.sampled_from(("unclosed-quote", "extractor-failed", "regex-timeout")) | _short_text),
        message=draw(_short_text),
        extractor=draw(st.none() | st.sampled_from(("quotes", "dates", "posts"))),
        start=start,
        end=end,
    )


def _some(draw: st.DrawFn, make: Callable[[st.DrawFn, str], T], text: str, max_size: int = 3) -> list[T]:
    return [make(draw, text) for _ in range(draw(st.integers(0, max_size)))]


@st.composite
def random_layers(draw: st.DrawFn, base: Document) -> Document:
    """``base`` with random valid spans added to every layer it leaves empty."""
    text = base.text
    posts = list(base.posts) or _some(draw, _post_item, text, 2)
    entities = list(base.entities) or _some(draw, _entity, text, 2)
    quotes = list(base.quotes) or [
        _quote(draw, text, len(posts), len(entities)) for _ in range(draw(st.integers(0, 3)))
    ]
    extensions: dict[str, list[Annotation]] = dict(base.extensions)  # type: ignore[arg-type]
    if draw(st.booleans()):
        extensions[draw(st.sampled_from(("testing.upstream", "other.layer")))] = _some(
            draw, _annotation, text, 2
        )
    return base.evolve(
        languages=base.languages or _some(draw, _language_span, text, 2),
        boilerplate=base.boilerplate or _some(draw, _boilerplate_span, text, 2),
        posts=posts,
        entities=entities,
        quotes=quotes,
        timexes=base.timexes or _some(draw, _timex, text),
        diagnostics=base.diagnostics or _some(draw, _diagnostic, text, 2),
        extensions=extensions,
    )


ITEM_MAKERS: Final[dict[type[Any], Callable[[st.DrawFn, str], Any]]] = {
    Span: _span,
    LanguageSpan: _language_span,
    BoilerplateSpan: _boilerplate_span,
    Post: _post_item,
    Quote: _quote,
    Entity: _entity,
    Timex: _timex,
    Annotation: _annotation,
    Diagnostic: _diagnostic,
}
