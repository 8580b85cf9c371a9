"""Conventions a language declares as data: joined words, incises, dialogue dashes, post-posed dates.

French is the language that needs them (examples/quotekit-fr); here a plugin of a few rows
declares each one, so the core mechanism is tested without the French package, and German and
English, which declare none, are checked to read as before.
"""

from __future__ import annotations

from typing import Any

import pytest

import quotekit
from quotekit.dates._grammar import build_grammar
from quotekit.dates._lexicon import Lexicon as DateLexicon
from quotekit.lang import LanguageDataRegistry
from quotekit.lang.segment import Segmenter, Token, WordSplits
from quotekit.pipeline import Pipeline

PUBLISHED = "2025-03-14"  # a Friday


class _Conventions:
    """The rows of each convention, for a language code of its own (no built-in table clashes)."""

    @quotekit.hookimpl
    def quotekit_language_data(self, registry: LanguageDataRegistry) -> None:
        add = registry.add
        add("fr", "segment_elisions", ["l'", "d'", "qu'"])
        add("fr", "segment_clitics", ["-il", "-elle", "-t-il", "-t-elle"])
        add("fr", "speaker_pronouns", [{"word": "il", "gender": "m"}, {"word": "elle", "gender": "f"}])
        add("fr", "quote_auxiliaries", ["a"])
        add("fr", "speaker_determiners", ["la", "le", "l'"])
        add("fr", "speaker_roles", ["maire"])
        add("fr", "speaker_genitives", ["de"])
        add("fr", "speaker_phrase_ends", ["devant"])
        add("fr", "quote_complementizers", ["qu'"])
        add(
            "fr",
            "cue_verbs",
            [
                {"lemma": "dire", "forms": ["dit"], "participles": ["dit"], "frame": "speech"},
                {"lemma": "affirmer", "forms": ["affirme"], "participles": ["affirmé"], "frame": "speech"},
            ],
        )
        add("fr", "cue_prepositions", [{"phrase": "d'après", "position": "before"}])
        # a capitalised word opening a sentence that is no part of a name (as Selon, Laut are)
        add("fr", "speaker_non_names", ["D'après", "Oui"])
        add(
            "fr",
            "quote_marks",
            [
                {"open": "«", "close": "»", "spaced": True, "incise": True},
                {"open": "—", "dialogue": True},
                {"open": "–", "dialogue": True},
            ],
        )
        add(
            "fr",
            "date_weekdays",
            [{"word": w, "day": d} for w, d in (("lundi", 1), ("mardi", 2), ("vendredi", 5))],
        )
        add("fr", "date_units", [{"word": "semaine", "unit": "W"}])
        add(
            "fr",
            "date_relative",
            [
                {"word": "dernier", "shift": -1, "position": "after"},
                {"word": "dernière", "shift": -1, "position": "after"},
                {"word": "prochain", "shift": 1, "position": "after"},
            ],
        )
        add("fr", "date_months", [{"word": "mars", "month": 3}])
        add("fr", "date_day_suffixes", ["er"])


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return quotekit.Pipeline(plugins=[_Conventions()])


def _quotes(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    doc = pipeline.extract(text, lang="fr", published=PUBLISHED)
    for quote in doc.quotes:
        assert doc.text[quote.start : quote.end] == quote.text
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in doc.quotes]


def _texts(tokens: list[Token]) -> list[str]:
    return [token.text for token in tokens]


# ------------------------------------------------------------------ joined words


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("qu'il", ["qu'", "il"]),
        ("Qu’elle", ["Qu’", "elle"]),  # either apostrophe, any case
        ("dit-elle", ["dit", "elle"]),
        ("a-t-il", ["a", "il"]),  # the linking -t- belongs to neither word
        ("D'après", ["D'", "après"]),
        ("aujourd'hui", ["aujourd'hui"]),  # no listed elision opens it
        ("Jean-Pierre", ["Jean-Pierre"]),
        ("l'", ["l'"]),  # nothing after the apostrophe
        ("-il", ["-il"]),  # nothing before the hyphen
    ],
)
def test_word_splits_part_joined_words_at_their_offsets(word: str, parts: list[str]) -> None:
    registry = LanguageDataRegistry()
    _Conventions().quotekit_language_data(registry)
    splits = WordSplits.from_data(registry.freeze(), ["fr"])
    assert [word[start:end] for start, end in splits.parts(word)] == parts


def test_the_shared_tokens_of_a_language_with_splits_are_parted(pipeline: Pipeline) -> None:
    segmenter = Segmenter(pipeline.language_data)
    text = "«Oui», a-t-il dit, qu'il vienne."
    tokens = segmenter.segment(text, "fr").tokens(0, len(text))
    assert _texts(tokens) == ["«", "Oui", "»", ",", "a", "il", "dit", ",", "qu'", "il", "vienne", "."]
    assert all(text[token.start : token.end] == token.text for token in tokens)


def test_german_and_english_tokens_stay_whole(pipeline: Pipeline) -> None:
    segmenter = Segmenter(pipeline.language_data)
    assert not segmenter.splits("de")
    assert not segmenter.splits("en")
    for lang in ("de", "en"):
        text = "Nato-Chef O'Brien said-it don't"
        assert _texts(segmenter.segment(text, lang).tokens(0, len(text))) == text.split()


# ------------------------------------------------------------------ quotes


def test_an_inverted_clitic_frame_names_the_pronoun(pipeline: Pipeline) -> None:
    assert _quotes(pipeline, "« Nous reviendrons », a-t-il dit.") == [("direct", "Nous reviendrons", "il")]
    assert _quotes(pipeline, "« Nous reviendrons », dit-elle.") == [("direct", "Nous reviendrons", "elle")]


def test_an_elided_phrase_opener_is_a_cue(pipeline: Pipeline) -> None:
    found = _quotes(pipeline, "D'après Marie Dupont, le projet coûte trop cher.")
    assert found == [("indirect", "le projet coûte trop cher", "Marie Dupont")]


def test_a_description_ends_at_its_phrase_end_and_its_genitive_names_no_one(pipeline: Pipeline) -> None:
    found = _quotes(pipeline, "« Nous reviendrons », dit la maire de Paris devant les élus.")
    assert found == [("direct", "Nous reviendrons", "la maire de Paris")]
    found = _quotes(pipeline, "D'après l'avocate de Marie Dupont, le projet coûte trop cher.")
    assert found == [("indirect", "le projet coûte trop cher", "l'avocate de Marie Dupont")]


def test_an_incise_inside_the_marks_names_the_speaker_and_is_cut_out(pipeline: Pipeline) -> None:
    doc = pipeline.extract("« Nous, dit-il, refusons ce plan. »", lang="fr")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("Nous", "il"),
        ("refusons ce plan.", "il"),
    ]
    assert doc.quotes[0].group is not None
    assert doc.quotes[0].group == doc.quotes[1].group


def test_a_dialogue_dash_opens_a_quote_to_the_paragraph_end(pipeline: Pipeline) -> None:
    assert _quotes(pipeline, "— Nous reviendrons, dit-elle.") == [("direct", "Nous reviendrons", "elle")]
    text = "— Vous partez ?\n– Oui, dit-il, je pars."
    assert _quotes(pipeline, text) == [
        ("direct", "Vous partez ?", None),  # a turn in a conversation: nobody named
        ("direct", "Oui", "il"),
        ("direct", "je pars.", "il"),
    ]


def test_dashes_opening_a_list_make_no_quote(pipeline: Pipeline) -> None:
    assert _quotes(pipeline, "Trois mesures :\n– le budget ;\n– la réforme ;\n– les écoles.") == []


def test_german_and_english_read_dashes_and_commas_in_quotes_as_before() -> None:
    plain = quotekit.Pipeline()
    german = plain.extract("— Wir kommen wieder, sagte sie.\n— Gut, sagte er.", lang="de")
    assert "direct" not in {q.kind for q in german.quotes}  # German declares no dialogue dash
    english = plain.extract("“We, he said, refuse this plan.”", lang="en")
    assert [q.text for q in english.quotes] in ([], ["We, he said, refuse this plan."])  # never cut


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mardi dernier, le plan a été annoncé.", ("Mardi dernier", "2025-03-11")),
        ("Le vote aura lieu lundi prochain.", ("lundi prochain", "2025-03-17")),
        ("La grève a duré la semaine dernière.", ("semaine dernière", "2025-W10")),
        ("Le sommet aura lieu en mars prochain.", ("mars prochain", "2026-03")),
        ("Le texte a été voté le 1er mars 2025.", ("1er mars 2025", "2025-03-01")),
        ("La grève a commencé vendredi 7 mars.", ("vendredi 7 mars", "2025-03-07")),
    ],
)
def test_relative_words_after_the_weekday_month_or_unit(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    doc = pipeline.extract(text, lang="fr", published=PUBLISHED)
    assert expected in [(t.text, t.value) for t in doc.timexes]


def test_german_and_english_grammars_have_no_post_posed_rules() -> None:
    data: Any = quotekit.Pipeline().language_data
    for lang in ("de", "en"):
        rules = build_grammar(DateLexicon.from_data(data, lang)).rules
        assert not {"wdrel", "mthrel", "urel"} & set(rules)
