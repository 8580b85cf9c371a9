"""The quote tokenizer: its str.split fast path reads every window as the token pattern does."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit.lang.segment._tokens import _SPLIT_ONLY_SPACES, _tokenize_span, tokenize

#: Pieces that exercise both paths: words, marks glued to words, joiners, abbreviations,
#: combining marks, odd white space (NBSP, ideographic space, the C0 separators).
PIECES = [
    *("said", "Trump", "U.S.", "Dr.", "R-Ky.", "don't", "Nato-Chef", "3.5", "20.", "Mr"),
    *(" ", "  ", "\n", "\t", "\xa0", "\u3000", "\u2028", "\x1c", "\x1f", "\x85"),
    *(",", ".", ":", ";", "!", "?", ")", "(", '"', "'", "’", "”", "“", "„", "»", "«", "-", "&"),
    *("e\u0301", "\u0308", "ß", "²", "٣", "_", "#", "\u200b"),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.data())
def test_tokenize_reads_as_the_token_pattern(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert tokenize(text, start, end) == _tokenize_span(text, start, end, [])


def test_tokens_keep_document_offsets() -> None:
    text = "Er sagte: „Wir bleiben.“ Dr. Weber, U.S. officials said."
    tokens = tokenize(text, 0, len(text))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:6] == ["Er", "sagte", ":", "„", "Wir", "bleiben"]
    assert "Dr." in [t.text for t in tokens]
    assert [t.text for t in tokens][-2:] == ["said", "."]


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="needs a wide Unicode build")
def test_the_fast_path_agrees_with_the_pattern_on_every_character() -> None:
    # the fast path takes str.isalnum() chunks as words and str.split() white space as the
    # pattern's \s: true for every code point, but for the C0 separators it routes around
    word = regex.compile(r"[\p{L}\p{M}\p{N}]")
    space = regex.compile(r"\s")
    alnum_outside = [cp for cp in range(sys.maxunicode + 1) if chr(cp).isalnum() and not word.match(chr(cp))]
    space_differs = {
        chr(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isspace() != bool(space.match(chr(cp)))
    }
    assert alnum_outside == []
    assert space_differs <= set(_SPLIT_ONLY_SPACES)
