# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The date normalizer's faster spellings of its patterns find what the plain ones find.

The tense words are searched as a prefix tree instead of a flat list, longest first; the
English past form tries its cheap look-behind first. Both must give the same hits, in the same
order, as the plain patterns on sentences written to hold tense words of every length, words
that are prefixes of others, case changes and hyphens.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotekit.dates import DateNormalizer
from quotekit.dates._found import _ENGLISH_PAST, _hits
from quotekit.dates._lexicon import key, literal_trie
from quotekit.lang import LanguageData, LanguageDataRegistry, load_builtin_tables


def _data() -> LanguageData:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return registry.freeze()


NORMALIZER = DateNormalizer(_data())


def flat(words: list[str]) -> regex.Pattern[str]:
    """The plain spelling: every word alone, the longest first."""
    body = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(r"(?<![\w])(?:" + body + r")(?![\w])", regex.IGNORECASE)


def tree(words: list[str]) -> regex.Pattern[str]:
    return regex.compile(r"(?<![\w])" + literal_trie(words) + r"(?![\w])", regex.IGNORECASE)


def hits(pattern: regex.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(hit.start(), hit.group()) for hit in _hits(pattern, text, 0, len(text))]


def tense_words(lang: str) -> list[str]:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    lexicon = resolver.lex
    return [w for w in lexicon.surface.get("date_tense", ()) if key(w) in lexicon.tense]


WORDS = ["plan", "plans", "plan to", "plans to", "planned", "is", "is set for", "set", "will", "will be"]
PIECES = [
    *WORDS,
    "Plans To",
    "PLANNED",
    "planet",
    "re-plan",
    "plan-",
    "  ",
    ", ",
    ".",
    "the board",
    "on Monday",
]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_tree_finds_what_the_flat_list_finds(text: str) -> None:
    assert hits(tree(WORDS), text) == hits(flat(WORDS), text)


@given(st.sampled_from(["en", "de"]), st.data())
def test_tense_words_of_the_tables_as_a_tree(lang: str, data: st.DataObject) -> None:
    words = tense_words(lang)
    pieces = [*words, *(w.upper() for w in words[:20]), "the", "der", "  ", ", ", "-", "x"]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=15).map(" ".join))
    assert hits(tree(words), text) == hits(flat(words), text)


def test_written_sentences() -> None:
    for lang, text in (
        ("en", "The company said it plans to expand and is expected to report on Monday."),
        ("en", "He was scheduled to appear; they are set for a new round next week."),
        ("de", "Die Regierung kündigte an, die Pläne im kommenden Jahr vorzulegen, teilte sie mit."),
    ):
        words = tense_words(lang)
        assert hits(tree(words), text) == hits(flat(words), text), text
        assert hits(tree(words), text)


def test_an_empty_list_matches_nothing() -> None:
    assert literal_trie([]) == "(?!)"
    assert not regex.search(literal_trie([]), "anything")


PAST_PLAIN = regex.compile(
    r"(?<!\b(?:be|been|being|is|are|am|to|will|would|not)\s+)(?<![\w])(\w{3,}ed)(?![\w])", regex.IGNORECASE
)


@given(
    st.lists(
        st.sampled_from(
            ["be", "been", "is", "not", "He", "walked", "named", "red", "United", "tobed", "  ", "\n"]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_english_past_look_behinds_in_either_order(text: str) -> None:
    assert [h.span(1) for h in _hits(_ENGLISH_PAST, text, 0, len(text))] == [
        h.span(1) for h in _hits(PAST_PLAIN, text, 0, len(text))
    ]
