"""The model's fast paths give what the plain attrs machinery gives.

``Document.evolve`` builds the copy itself instead of calling ``attrs.evolve``; it must give an
equal document, refuse what that refuses, and check the spans as construction does.

Each field validator of :mod:`quotekit.model` is one plain function standing for a combination
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

from quotekit import model
from quotekit.model import QUOTE_KINDS, QUOTE_SOURCES, SEVERITIES, TIMEX_TYPES, Span


@attrs.define
class _Holder:
    """A stand-in instance: ``_span_end`` reads the ``start`` already set."""

    start: Any = 3
    end: Any = 5


_FIELD = attrs.fields(_Holder).end

_PAIRS = [
    (model._non_negative, v.and_(v.instance_of(int), v.ge(0))),
    (model._span_end, v.and_(v.instance_of(int), v.ge(0), model._end_not_before_start)),
    (model._str, v.instance_of(str)),
    (model._optional_str, v.optional(v.instance_of(str))),
    (model._optional_int, v.optional(v.instance_of(int))),
    (model._instance_of(float), v.instance_of(float)),
    (model._optional_of(Span), v.optional(v.instance_of(Span))),
    *(
        (model._member_of(options), v.in_(options))
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
