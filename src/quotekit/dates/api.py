"""Normalize one temporal expression without running a pipeline."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal

from quotekit.dates._resolve import Context
from quotekit.dates.extractor import DateNormalizer
from quotekit.lang import LanguageData, LanguageDataRegistry, load_builtin_tables
from quotekit.model import Timex, parse_published

if TYPE_CHECKING:
    import datetime as dt


@functools.cache
def _builtin_normalizer() -> DateNormalizer:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return DateNormalizer(registry.freeze())


def normalize(
    expression: str,
    *,
    anchor: dt.date | dt.datetime | str | None = None,
    lang: str = "de",
    reference: dt.date | dt.datetime | str | None = None,
    tense: Literal["past", "future"] | None = None,
    data: LanguageData | None = None,
) -> Timex | None:
    """The TIMEX3 reading of the temporal expression in ``expression``, or ``None``.

    ``anchor`` is the publication date deictic words count from ("gestern"); ``reference``
    the last date mentioned before, for anaphors ("am Vortag"; defaults to ``anchor``).
    ``tense`` says which way a bare weekday points (``"past"``, the news default, or
    ``"future"``); without it the tense words in ``expression`` decide. Offsets in the result
    refer to ``expression``. Uses quotekit's own tables unless ``data`` is given.

    >>> normalize("am Freitag", anchor="2025-03-14").value
    '2025-03-14'
    """
    if not isinstance(expression, str):
        msg = f"normalize needs the expression as str, got {type(expression).__name__}"
        raise TypeError(msg)
    normalizer = DateNormalizer(data) if data is not None else _builtin_normalizer()
    resolver = normalizer.resolver(lang)
    if resolver is None:
        return None
    context = Context(
        anchor=parse_published(anchor),
        text=expression,
        ref=parse_published(reference),
        forced_tense=tense,
    )
    found = resolver.scan(expression, context, join=True)
    if not found:
        return None
    best = max(found, key=lambda f: (f.end - f.start, -f.start))
    return Timex(
        start=best.start,
        end=best.end,
        text=expression[best.start : best.end],
        type=best.type,
        value=best.value,
        mod=best.mod,
    )
