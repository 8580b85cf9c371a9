"""Peak memory of the quote extractor on hostile text stays under 20 times the input (issue 19, item 9).

5 MB of quotation marks once took 1.2 GB: every mark left a pair tuple, a span, an entry in
the stretches list and a diagnostic behind it, and one megabyte-long "sentence" kept a token
per mark. A leak of that kind costs a hundred bytes or more per mark, so it shows at any
size; these inputs are small because tracemalloc slows the extractor several times over
(benchmarks/bench_memory.py measures 5 MB).
"""

from __future__ import annotations

import tracemalloc
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit.lang.segment import Segmentation, _segmentation
from quotekit.model import Document
from quotekit.pipeline import MAX_DIAGNOSTICS_PER_KIND

if TYPE_CHECKING:
    from quotekit.quotes import QuoteAttributor

#: Peak traced memory over the input's size in UTF-8, the issue's bound.
BOUND = 20
#: Characters of each hostile text.
SIZE = 3_000


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


HOSTILE = {
    "opening marks, never closed": "„" * SIZE,
    "pairs with nothing inside": _repeat("„“"),
    "quoted letters, straight marks": _repeat('"a" '),
    "a mark every third character": _repeat('ab"'),
    "every style mixed": _repeat('„“"»«”‚‘’›‹ '),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_peak_memory_on_hostile_marks(
    attributor: QuoteAttributor, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the text is one "sentence": past this length a window into it is tokenized alone
    monkeypatch.setattr(_segmentation, "LONG_SENTENCE", SIZE // 4)
    text = HOSTILE[name]
    attributor(Document.from_text(text[:2000], lang="de"))  # lazily built tables are not the input's cost
    doc = Document.from_text(text, lang="de")
    tracemalloc.start()
    try:
        result = attributor(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    size = len(text.encode("utf-8"))
    assert peak < BOUND * size, f"{name}: peak {peak:,} bytes = {peak / size:.1f} x the input's {size:,}"
    # the diagnostics are capped in the extractor itself, the rest counted in one summary
    unclosed = [d for d in result.diagnostics if d.code == "unclosed-quote"]
    assert len(unclosed) <= MAX_DIAGNOSTICS_PER_KIND
    if len(unclosed) == MAX_DIAGNOSTICS_PER_KIND:
        (summary,) = (d for d in result.diagnostics if d.code == "diagnostics-capped")
        assert "'unclosed-quote'" in summary.message


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ab", "Z9", " ", ".", "-", "'", "’", "&", '"', "„", "“", ",", "Dr.", "U.S.", "\u00a0"]
        )
    )
    .map("".join)
    .filter(lambda text: text.strip()),
    st.data(),
)
def test_a_window_into_a_long_sentence_has_the_sentence_tokens(text: str, data: st.DataObject) -> None:
    # the same windows, read from a segmentation that keeps whole sentences and one that does not
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    whole = Segmentation(text, [(0, len(text))], [(0, len(text))])
    expected = whole.tokens(start, end)
    saved = _segmentation.LONG_SENTENCE
    _segmentation.LONG_SENTENCE = 0  # hypothesis runs no fixture per example: set and restore
    try:
        windowed = Segmentation(text, [(0, len(text))], [(0, len(text))]).tokens(start, end)
    finally:
        _segmentation.LONG_SENTENCE = saved
    assert windowed == expected
