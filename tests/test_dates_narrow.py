# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The second-word index keeps every rule that can match: narrowing changes no match.

At an opener the scan tries only the rules whose pattern spells the word after it
(``quotekit.dates._narrow``). Every rule whose own match at a word reaches past that word must
be kept, on sentences written in German, English and French and on text made of the
grammar's own words, numbers and punctuation (French has no date tables of its own yet: its
text is read by the English grammar, the fallback); and the extractor finds the same timexes with
the index as when it tries every rule the first word allows.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotekit.dates import DateNormalizer
from quotekit.dates._grammar import Grammar
from quotekit.dates._narrow import RuleWords, SecondWords, without_lookarounds
from quotekit.lang import LanguageData, LanguageDataRegistry, load_builtin_tables
from quotekit.model import Document


def _data() -> LanguageData:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return registry.freeze()


NORMALIZER = DateNormalizer(_data())
LANGS = ("en", "de", "fr")

SENTENCES = {
    "en": (
        "The deal closed the last two or three years ago, the week before Easter, said the CEO.",
        "Over the past 18 months, the first half of 2024 and the fourth quarter were weak.",
        "The 1990s, the early 2000s and the late spring of 2019: the same old story, the 3rd.",
        "About 10 to 12 weeks after the 4th of July, up to a year later, the next morning.",
        "The mid-March meeting ran for the better part of an hour; the day before yesterday.",
        "She left the Friday's session at the end of the month, three times a week since then.",
        # a match tried at "the" for the carrier "year" that ends before it: "the first half"
        "I pick different games for the first half and year-end, at 10 am or 3 p.m. sharp.",
    ),
    "de": (
        "Am Freitag, dem 14. März 2025, um 15 Uhr beginnt die Sitzung; im vergangenen Jahr nicht.",
        "In den vergangenen drei Wochen und seit dem Donnerstagabend wartet er, sagte der Sprecher.",
        "Die 90er Jahre, das erste Halbjahr und die kommenden zwei bis drei Monate waren schwer.",
        "Anfang nächster Woche, Ende des Jahres oder Mitte Mai 2026 soll der Bericht kommen.",
        "Der Zug fährt dreimal am Tag, jeden Montag und an diesem Wochenende nicht.",
    ),
    "fr": (
        "Le vendredi 7 mars, la réunion a duré trois heures; le 1er janvier 2025 aussi.",
        "Depuis la semaine dernière et pendant les deux prochains mois, le marché reste calme.",
        "La fin de l'année dernière, le mois prochain et le lundi suivant sont déjà pris.",
        "Il y a trois ans, au début du printemps, les années 1990 étaient loin.",
    ),
}


def _grammar(lang: str) -> Grammar:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    return resolver.grammar


def index_of(grammar: Grammar) -> SecondWords:
    """The grammar's index with nothing remembered yet: each answer is worked out afresh."""
    return attrs.evolve(grammar.second_words)


def _kept_rules_cover_every_match(lang: str, text: str) -> None:
    """Every rule matching at a word is among those the index keeps there."""
    grammar = _grammar(lang)
    for begin in range(len(text)):
        if not text[begin].isalnum() or (begin and text[begin - 1].isalnum()):
            continue
        kept = index_of(grammar).narrow(grammar.rules_at(text, begin), text, begin, len(text))
        for index, pattern in enumerate(grammar.rule_patterns):
            match = pattern.match(text, begin)
            if match is not None:
                assert index in kept, (grammar.rules[index], text[begin : match.end()])


@pytest.mark.parametrize("lang", LANGS)
def test_written_sentences_keep_every_matching_rule(lang: str) -> None:
    for text in SENTENCES[lang]:
        _kept_rules_cover_every_match(lang, text)


def _grammar_words(lang: str) -> list[str]:
    grammar = _grammar(lang)
    return sorted(word for word in grammar.vocabulary if len(word) > 1)


@st.composite
def grammar_text(draw: st.DrawFn, lang: str) -> str:
    """Text made of the grammar's own words, numbers, capitals and punctuation."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_grammar_words(lang)),
                st.sampled_from(_grammar_words(lang)).map(str.capitalize),
                st.integers(0, 2100).map(str),
                st.sampled_from([",", ".", "-", "'", "'s", "th", "er", "abend", "1/2"]),
            ),
            min_size=2,
            max_size=8,
        )
    )
    joiners = draw(st.lists(st.sampled_from([" ", " ", "", "-", ". ", ", "]), min_size=len(pieces)))
    return "".join(piece + joiner for piece, joiner in zip(pieces, joiners, strict=False))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LANGS).flatmap(lambda lang: st.tuples(st.just(lang), grammar_text(lang))))
def test_grammar_words_keep_every_matching_rule(case: tuple[str, str]) -> None:
    lang, text = case
    _kept_rules_cover_every_match(lang, text)


def _timexes(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    doc = NORMALIZER(Document.from_text(text, lang=lang, published="2025-03-14"))
    return [(t.start, t.end, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize("lang", LANGS)
def test_the_extractor_finds_what_trying_every_rule_finds(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    narrowed = [_timexes(text, lang) for text in SENTENCES[lang]]
    assert any(narrowed), "the sentences hold dates"
    monkeypatch.setattr(SecondWords, "narrow", lambda _self, possible, _text, _begin, _stop: possible)
    assert [_timexes(text, lang) for text in SENTENCES[lang]] == narrowed


def test_a_rule_that_can_match_any_letter_is_always_kept() -> None:
    for pattern in (r"the\s+.", r"the\s+\w+", r"the\s+[a-z]+", r"the\s+[^\d]"):
        assert RuleWords.of(pattern).can_hold("anything")
    assert not RuleWords.of(r"the\s+[\s-]*(?:week|month)").can_hold("year")


def test_lookarounds_spell_no_word() -> None:
    assert without_lookarounds(r"a(?![\s-]+(?:old|older)(?!\w))b(?<=\d[.,])c") == "abc"
    words = RuleWords.of(r"(?P<n>\d+)\s+years?(?![\s-]+old)")
    assert words.can_hold("year")
    assert words.can_hold("years")
    assert words.can_hold("14th")
    assert not words.can_hold("old")
