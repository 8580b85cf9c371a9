"""German names in the name index: roles in every case cut off, nouns of a noun phrase no name.

Sentences written for these tests.
"""

from __future__ import annotations

import functools

import pytest

from quotekit import Pipeline, extract
from quotekit.quotes.lexicon import Lexicon, compile_lexicons


@functools.cache
def _german() -> Lexicon:
    return compile_lexicons(Pipeline(autoload=False).language_data)["de"]


def _speaker_names(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in extract(text).quotes]


@pytest.mark.parametrize(
    "word", ["Präsidenten", "Staatspräsidenten", "Kanzlers", "Abgeordneten", "Polizeisprechers"]
)
def test_case_forms_of_roles_are_roles_to_the_name_index(word: str) -> None:
    lexicon = _german()
    assert lexicon.is_inflected_role(word)
    assert not lexicon.is_role(word)  # the speaker rules keep to the forms as listed


@pytest.mark.parametrize("word", ["Gesprächen", "Schülern", "Fans", "Ren"])
def test_other_words_are_no_inflected_roles(word: str) -> None:
    assert not _german().is_inflected_role(word)


def test_a_role_in_the_dative_is_cut_off_the_name() -> None:
    text = (
        "Die Delegation reiste am Montag zum Staatspräsidenten Nicolas Sarkozy nach Paris. "
        "„Wir bleiben in Afghanistan“, sagte er dort."
    )
    assert _speaker_names(text) == ["Nicolas Sarkozy"]


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        # an article and an adjective before capitalised nouns: a noun phrase
        (
            "Der Verband schlägt wegen der niedrigen Milchpreise Alarm. „Es reicht“, sagte er.",
            "Milchpreise Alarm",
        ),
        # a contracted preposition opening the sentence
        (
            "Ans Aufhören denkt die 83-Jährige nicht. „Solange die Beine mitmachen, mache ich weiter“, sagt sie.",
            "Ans Aufhören",
        ),
        # after a number, nouns with no first name or role are no one a pronoun means
        (
            (
                "Der Angeklagte soll in 37 Fällen Senioren Rechnungen gestellt haben. "
                "„Ich habe zu viel berechnet“, sagte er."
            ),
            "Fällen Senioren Rechnungen",
        ),
    ],
)
def test_nouns_are_not_read_as_a_name(text: str, junk: str) -> None:
    names = _speaker_names(text)
    assert names
    assert junk not in names


def test_a_first_name_after_an_adjective_is_still_a_name() -> None:
    text = "Der junge Thomas Becker war damals schon Abgeordneter. „Wir kämpfen“, sagte er."
    assert _speaker_names(text) == ["Thomas Becker"]
