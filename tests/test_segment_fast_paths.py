"""The segmentation's fast paths give what its general paths give, on de, en and fr shapes.

The tokenizer reads most chunks in Python (a word between marks, words joined by a hyphen or
an apostrophe) and leaves the rest to the token pattern; the segmenter scans a whole document
for end marks once instead of once per paragraph; token windows bisect plain tuples. Each is
checked here against the path it stands in for.
"""

from __future__ import annotations

import gc
import itertools

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit.lang.segment import Segmentation, Segmenter, Token, token_at, tokenize
from quotekit.lang.segment._rules import sentence_starts
from quotekit.lang.segment._tokens import _EDGE_MARKS, _tokenize_span, plain_tokens

_SEGMENTER = Segmenter(quotekit.default_pipeline().language_data)

#: Words and marks of German, English and French news sentences, glued in every order.
WORDS = [
    *("Merkel", "sagte", "Nato-Chef", "Grünen-Chefin", "U.S.", "Dr.", "R-Ky.", "don't", "Trump’s"),
    *("qu'il", "aujourd’hui", "dit-elle", "a-t-il", "l'État", "14.03.2025", "3,5", "2.", "AT&T"),
    *("Mr", "z.B.", "usw.", "Inc.", "E.", "élu", "Straße", "'Tis", "’90er", "rock", "n", "du", "an"),
]
MARKS = [
    *(",", ".", ":", ";", "!", "?", "…", "(", ")", "[", "]", '"', "'", "’", "‘", "“", "”", "„"),
    *("»", "«", "‹", "›", "-", "–", "—", "&", "%", "$", "€", "#", "*", "/", "_", "+", "°"),
    *("e\u0301", "\u0308", "²", "٣", "\u200b", "\xad"),
]
SPACES = [" ", " ", " ", "  ", "\xa0", "\t", "\u2009"]
CHUNK = st.lists(st.sampled_from(MARKS), max_size=3).map("".join)


@st.composite
def sentences(draw: st.DrawFn, spaces: list[str] = SPACES) -> str:
    """Chunks of marks, words and joiners, separated by white space of ``spaces``."""
    chunks = draw(
        st.lists(
            st.tuples(CHUNK, st.lists(st.sampled_from(WORDS), max_size=2).map("-".join), CHUNK).map("".join),
            max_size=25,
        )
    )
    gaps = draw(st.lists(st.sampled_from(spaces), min_size=len(chunks), max_size=len(chunks)))
    return "".join(itertools.chain.from_iterable(zip(chunks, gaps, strict=True)))


@settings(max_examples=400, deadline=None)
@given(sentences(), st.data())
def test_tokenize_reads_chunks_as_the_token_pattern(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert tokenize(text, start, end) == _tokenize_span(text, start, end, [])


@settings(max_examples=200, deadline=None)
@given(sentences(spaces=[" "]))
def test_single_spaced_sentences_keep_offsets(text: str) -> None:
    tokens = tokenize(text, 0, len(text))
    assert tokens == _tokenize_span(text, 0, len(text), [])
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Wir bleiben.“", ["„", "Wir", "bleiben", ".", "“"]),
        ("(dpa) Nato-Chef Rutte sagte:", ["(", "dpa", ")", "Nato-Chef", "Rutte", "sagte", ":"]),
        ('said Sen. Paul, R-Ky., "no."', ["said", "Sen.", "Paul", ",", "R-Ky.", ",", '"', "no", ".", '"']),
        ("« Qu'il parte », a-t-il dit.", ["«", "Qu'il", "parte", "»", ",", "a-t-il", "dit", "."]),
        (
            "the U.S.-led talks -- 100% sure",
            ["the", "U.S.", "-", "led", "talks", "-", "-", "100", "%", "sure"],
        ),
    ],
)
def test_tokens_of_sentences_in_three_languages(text: str, expected: list[str]) -> None:
    tokens = tokenize(text, 0, len(text))
    assert [t.text for t in tokens] == expected
    assert tokens == _tokenize_span(text, 0, len(text), [])


def test_edge_marks_are_tokens_of_their_own_in_the_pattern() -> None:
    # a chunk's marks are peeled off one token each: none may be a word character or space
    word_or_space = regex.compile(r"[\p{L}\p{M}\p{N}\s]")
    assert not [mark for mark in _EDGE_MARKS if word_or_space.match(mark)]
    assert all(_tokenize_span(mark, 0, 1, []) == [(0, 1, mark)] for mark in _EDGE_MARKS)


#: Sentence pieces: abbreviations, ordinals, dates, end marks with closers, line breaks.
TEXT_PIECES = [
    *("Dr.", "am", "3.", "Oktober", "J.", "U.S.", "z.B.", "usw.", "14.03.2025", "Mme.", "M.", "Die"),
    *("the", "Le", "il", "er", "Satz", "x", "1.", "Nr.", "Mr.", "Inc.", "Jan.", "Janvier"),
    *(" ", " ", "  ", "\n", "\n\n", "\t", "\xa0", ". ", "! ", "? ", "… ", "... ", ".“ ", '." ', "?» "),
    *("„", "“", '"', "«", "»", "(", ")", "....", "!?", "\u2028"),
]
TEXTS = st.lists(st.sampled_from(TEXT_PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["de", "en", "fr", "und"]))
def test_one_scan_splits_as_each_paragraph_alone(text: str, lang: str) -> None:
    whole = _SEGMENTER.segment(text, lang)
    by_paragraph: list[tuple[int, int]] = []
    for start, end in whole.paragraphs:
        _SEGMENTER.paragraph_sentences(text, start, end, lang, by_paragraph)
    assert list(whole.sentences) == by_paragraph


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.lists(st.sampled_from(["de", "en", "fr"]), min_size=1, max_size=4))
def test_languages_by_offset_split_each_paragraph_by_its_own_rules(text: str, langs: list[str]) -> None:
    # a language per stretch of the text: each paragraph is split by the rules at its start
    def lang_at(offset: int) -> str:
        return langs[offset * len(langs) // (len(text) + 1)]

    whole = _SEGMENTER.segment(text, lang_at)
    expected = [
        (s_start, s_end)
        for start, end in whole.paragraphs
        for s_start, s_end in _split(text, start, end, lang_at(start))
    ]
    assert list(whole.sentences) == expected


def _split(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """The paragraph's sentences from sentence_starts, the per-paragraph rules."""
    bounds = [start, *sentence_starts(text, start, end, _SEGMENTER.rules(lang)), end]
    return [(a, len(text[a:b].rstrip()) + a) for a, b in itertools.pairwise(bounds)]


def test_long_runs_of_end_marks_are_one_sentence() -> None:
    # a run of full stops with no white space after it is read once, not once per mark
    text = "Er sagte: " + "." * 200_000 + "x Ende. Die Zeit."
    segmentation = _SEGMENTER.segment(text, "de")
    assert segmentation.sentences == ((0, len(text) - 10), (len(text) - 9, len(text)))
    assert _SEGMENTER.paragraph_sentences(text, 0, len(text), "de") == list(segmentation.sentences)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_token_windows_are_the_paragraph_tokens_inside(text: str, data: st.DataObject) -> None:
    segmentation = Segmentation.from_sentences(text, [])
    everything = [t for start, end in segmentation.paragraphs for t in tokenize(text, start, end)]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    segmentation = _SEGMENTER.segment(text, "de")
    assert segmentation.tokens(start, end) == [t for t in everything if start <= t.start and t.end <= end]
    index = token_at(everything, start)
    assert index == next((i for i, t in enumerate(everything) if t.start >= start), len(everything))


def test_kept_tokens_are_plain_tuples_and_windows_are_tokens() -> None:
    # the collector stops tracking plain tuples of numbers and strings, never a Token: the
    # tokens a segmentation keeps for the rest of the document must be plain
    text = "Merkel sagte am 3. Oktober, die Einheit sei ein Geschenk. Die Zeit drängt."
    segmentation = _SEGMENTER.segment(text, "de")
    window = segmentation.tokens(0, len(text))
    assert window
    assert all(type(token) is Token for token in window)
    assert window[0].text == "Merkel"
    assert window[0].is_capitalised
    kept = [token for tokens in segmentation._sentence_tokens.values() for token in tokens]
    assert kept == window
    gc.collect()
    assert not any(gc.is_tracked(token) for token in kept)


def test_plain_tokens_are_the_tokens_as_tuples() -> None:
    text = "« Qu'il parte », a-t-il dit. Dr. Weber, U.S. officials said."
    assert plain_tokens(text, 0, len(text)) == tokenize(text, 0, len(text))
    assert all(type(token) is tuple for token in plain_tokens(text, 0, len(text)))
