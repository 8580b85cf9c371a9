"""Issue 19, item 1: the date normalizer's answer does not depend on the machine's load.

The failure: a 10-second wall clock, started before the pre-scan of a block, made one long
paragraph of date-like text give 0 dates on a busy machine and 172,414 on an idle one. The
clock is gone; a count of match attempts per line limits the work, and a line that uses its
count up loses only its own remaining dates.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import Document, Pipeline
from quotekit.dates import _budget

DATE_LIKE = "Am 14. März 2025 und am 3. April 2024, dann im Mai 2023, 12.03.2021 und 1990er. "


def slow_clock(step: float) -> Callable[[], float]:
    """A clock that jumps ``step`` seconds on every reading: a machine under heavy load."""
    ticks = itertools.count()
    return lambda: next(ticks) * step


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(autoload=False)


def test_one_long_paragraph_gives_the_same_dates_under_a_slow_clock(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = DATE_LIKE * 600  # one line of 50 K characters, 3,000 expressions
    calm = pipeline.extract(text)
    assert len(calm.timexes) >= 3000
    for name in ("monotonic", "perf_counter", "time"):
        monkeypatch.setattr(time, name, slow_clock(30.0))
    busy = pipeline.extract(text)
    assert busy == calm
    assert not [d for d in busy.diagnostics if d.code in {"regex-timeout", "date-budget"}]


@settings(max_examples=15)
@given(
    pieces=st.lists(
        st.sampled_from([DATE_LIKE, "Gestern sagte sie: ", "\n", "next Friday at 5 pm, ", "2025-03-14 "]),
        max_size=30,
    )
)
def test_property_the_same_input_gives_the_same_document_under_a_slow_clock(pieces: list[str]) -> None:
    text = "".join(pieces)
    calm = quotekit.extract(text)
    with pytest.MonkeyPatch.context() as patch:
        for name in ("monotonic", "perf_counter", "time"):
            patch.setattr(time, name, slow_clock(30.0))
        busy = quotekit.extract(text)
    assert busy == calm


def test_a_line_that_spends_its_budget_loses_only_its_own_dates(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_budget, "ATTEMPTS_FLOOR", 6)
    monkeypatch.setattr(_budget, "ATTEMPTS_PER_CHAR", 0)
    first = "Am 14. März 2025 begann es.\n"
    crowded = DATE_LIKE * 5 + "\n"
    last = "Am 3. April 2024 endete es."
    text = first + crowded + last
    doc = pipeline.extract(text)
    values = [t.value for t in doc.timexes]
    assert "2025-03-14" in values
    assert "2024-04-03" in values, "the line after the crowded one is read in full"
    in_crowded = [t for t in doc.timexes if len(first) <= t.start < len(first) + len(crowded)]
    assert 0 < len(in_crowded) < 25
    [budget] = [d for d in doc.diagnostics if d.code == "date-budget"]
    assert (budget.extractor, budget.end) == ("dates", len(first) + len(crowded) - 1)
    assert len(first) < budget.start < budget.end
    assert pipeline.extract(text) == doc, "the cut falls at the same place every time"


def test_real_text_stays_far_from_the_budget(pipeline: Pipeline) -> None:
    # the densest dev text spends 0.06 attempts per character, date soup 0.16 (docs/dates.md)
    doc = pipeline.extract((DATE_LIKE * 2000).replace(". ", ".\n", 50))
    assert not [d for d in doc.diagnostics if d.code == "date-budget"]


def test_no_wall_clock_in_the_date_normalizer() -> None:
    import inspect

    from quotekit.dates import _published, _resolve, extractor

    for module in (_resolve, _published, extractor, _budget):
        source = inspect.getsource(module)
        assert "monotonic" not in source
        assert "perf_counter" not in source
        assert "timeout=timeout" not in source


def test_a_document_with_dates_hashes(pipeline: Pipeline) -> None:
    doc: Document = pipeline.extract(DATE_LIKE)
    assert hash(doc) == hash(pipeline.extract(DATE_LIKE))
