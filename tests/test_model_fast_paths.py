"""The model's fast paths give what the plain attrs machinery gives.

``Document.evolve`` builds the copy itself instead of calling ``attrs.evolve``; it must give an
equal document, refuse what that refuses, and check the spans as construction does.

Each field validator of :mod:`quotekit._validators` (and the model's span end) is one plain function standing for a combination
of attrs validators (``instance_of``, ``ge``, ``optional``, ``in_``), because a span is made with
several validated fields and attrs' validator objects cost four times as much per call. Here
each is run beside the combination it stands for, on the same values, and must give the same
outcome: no error, or the same error type with the same message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from attrs import validators as v
from hypothesis import given
from hypothesis import strategies as st

from quotekit import _validators as validators
from quotekit import model
from quotekit.model import QUOTE_KINDS, QUOTE_SOURCES, SEVERITIES, TIMEX_TYPES, Span


@attrs.define
class _Holder:
    """A stand-in instance: ``_span_end`` reads the ``start`` already set."""

    start: Any = 3
    end: Any = 5


_FIELD = attrs.fields(_Holder).end

_PAIRS = [
    (validators.non_negative, v.and_(v.instance_of(int), v.ge(0))),
    (model._span_end, v.and_(v.instance_of(int), v.ge(0), model._end_not_before_start)),
    (validators.str_, v.instance_of(str)),
    (validators.optional_str, v.optional(v.instance_of(str))),
    (validators.optional_int, v.optional(v.instance_of(int))),
    (validators.instance_of(float), v.instance_of(float)),
    (validators.optional_of(Span), v.optional(v.instance_of(Span))),
    *(
        (validators.member_of(options), v.in_(options))
        for options in (QUOTE_KINDS, QUOTE_SOURCES, SEVERITIES, TIMEX_TYPES)
    ),
]

_VALUES = st.one_of(
    st.integers(min_value=-3, max_value=8),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
    st.text(max_size=3),
    st.sampled_from([*QUOTE_KINDS, *QUOTE_SOURCES, *SEVERITIES, *TIMEX_TYPES, "Direct"]),
    st.builds(lambda start: Span(start=start, end=start, text=""), st.integers(0, 3)),
    st.just([1]),
)


def _outcome(validator: Any, start: Any, value: Any) -> tuple[type[BaseException], str] | None:
    try:
        validator(_Holder(start=start), _FIELD, value)
    except Exception as error:  # noqa: BLE001 - the outcome compared is the error itself
        return type(error), str(error)
    return None


@pytest.mark.parametrize(("fast", "reference"), _PAIRS)
@given(value=_VALUES, start=st.integers(min_value=0, max_value=6))
def test_a_fast_validator_gives_what_the_attrs_validators_give(
    fast: Any, reference: Any, value: Any, start: int
) -> None:
    assert _outcome(fast, start, value) == _outcome(reference, start, value)


def test_a_span_still_refuses_what_it_refused() -> None:
    with pytest.raises(TypeError, match="'start' must be <class 'int'>"):
        Span(start="1", end=2, text="x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be >= 0"):
        Span(start=-1, end=2, text="x")
    with pytest.raises(model.SpanError, match="end 1 is before start 2"):
        Span(start=2, end=1, text="")
    with pytest.raises(ValueError, match="'kind' must be in"):
        model.Quote(start=0, end=1, text="x", kind="said")  # type: ignore[arg-type]


_TEXT = "Sie sagte: „Ja.“ Am 3. Mai."
_QUOTE = model.Quote(start=11, end=16, text="„Ja.“", kind="direct")
_CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "lang": st.sampled_from(["de", "en", 3]),
        "published": st.sampled_from([None, "2025-03-14", "2025-03-14T10:00:00", dt.date(2024, 1, 2), "Mai"]),
        "id": st.sampled_from([None, "a", 7]),
        "quotes": st.sampled_from(
            [[], [_QUOTE], (_QUOTE,), [model.Quote(start=0, end=3, text="Sie", kind="partial")]]
        ),
        "timexes": st.sampled_from(
            [[model.Timex(start=17, end=25, text="Am 3. Ma", type="DATE", value="X")], []]
        ),
        "diagnostics": st.sampled_from([(), [model.Diagnostic(severity="info", code="c", message="m")]]),
        "extensions": st.sampled_from(
            [{}, {"a.b": [model.Annotation(start=0, end=3, text="Sie", label="x")]}, {"ab": []}]
        ),
        "bogus": st.just(1),
    },
)


def _made(make: Any) -> Any:
    try:
        return make()
    except Exception as error:  # noqa: BLE001 - the outcome compared is the error itself
        return type(error), str(error).replace("Document.__init__()", "__init__()")


@given(_CHANGES)
def test_evolve_gives_what_attrs_evolve_gives(changes: dict[str, Any]) -> None:
    doc = model.Document.from_text(_TEXT, lang="de", published="2025-01-01").evolve(quotes=[_QUOTE])
    fast = _made(lambda: doc.evolve(**changes))
    plain = _made(lambda: attrs.evolve(doc, **changes))
    assert fast == plain
    if isinstance(fast, model.Document):
        assert [getattr(fast, name) for name in model._FIELD_NAMES] == [
            getattr(plain, name) for name in model._FIELD_NAMES
        ]
        assert all(type(getattr(fast, name)) is type(getattr(plain, name)) for name in model._FIELD_NAMES)


def _plain_segments(doc: model.Document) -> list[tuple[int, int, str]]:
    """``language_segments`` as its loop gives it, without the kept answer."""
    model._LAST_SEGMENTS = ((), "", -1, ())
    model._LAST_BLOCKS = ((), (), ())
    return doc.language_segments()


def test_kept_language_answers_belong_to_their_document() -> None:
    text = "Die Welt.\nThe world.\n\nLa terre."
    blocks = [(0, 9, "de"), (10, 20, "en"), (22, 31, "fr")]
    spans = [model.LanguageSpan(start=s, end=e, text=text[s:e], lang=lang) for s, e, lang in blocks]
    first = model.Document.from_text(text).evolve(lang="de", languages=spans)
    second = first.evolve(languages=spans[::-1])  # equal blocks, another layer object
    third = first.evolve(lang="fr")  # the same layer object, another language outside it
    fourth = model.Document.from_text(text + " Mehr.").evolve(lang="de", languages=first.languages)
    for doc in (first, second, third, fourth, first, third):
        expected = _plain_segments(doc)
        assert doc.language_segments() == expected
        assert doc.language_segments() == expected  # the kept answer, a fresh list
        lookup = doc.language_lookup()
        assert [lookup(offset) for offset in range(len(doc.text) + 1)] == [
            doc.lang_at(offset) for offset in range(len(doc.text) + 1)
        ]


def test_a_flat_layer_smuggled_in_is_still_caught() -> None:
    doc = model.Document.from_text("Anna sagte nein.")
    bad = model.LanguageSpan(start=0, end=4, text="Anna", lang="de")
    object.__setattr__(bad, "text", "Otto")
    object.__setattr__(doc, "languages", (bad,))
    with pytest.raises(model.SpanError, match="languages: span 0-4 claims 'Otto'"):
        doc.validate(["languages"])
    past = model.Timex(start=11, end=15, text="nein", type="DATE", value="X")
    object.__setattr__(past, "end", 40)
    object.__setattr__(doc, "timexes", (past,))
    with pytest.raises(model.SpanError, match="runs past the end"):
        doc.validate(["timexes"])
