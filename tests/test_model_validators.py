"""The model's validators accept and refuse exactly what attrs' own validators do.

Each field validator of :mod:`quotekit.model` is one plain function standing for a combination
of attrs validators (``instance_of``, ``ge``, ``optional``, ``in_``), because a span is made with
several validated fields and attrs' validator objects cost four times as much per call. Here
each is run beside the combination it stands for, on the same values, and must give the same
outcome: no error, or the same error type with the same message.
"""

from __future__ import annotations

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
