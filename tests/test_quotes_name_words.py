"""The name index's per-word memory: shared across documents, bounded, and answering as the lexicons do."""

from __future__ import annotations

import functools

import pytest

from quotekit import Pipeline
from quotekit.quotes import names
from quotekit.quotes.lexicon import Lexicon, compile_lexicons
from quotekit.quotes.names import NameIndex, NameWords, leading_non_names

FIRST = (
    "Bundeswirtschaftsminister Robert Habeck sagte am Montag, die Lage sei ernst. "
    "Im Kreis Lippe blieb es ruhig. Habeck fuhr nach Berlin."
)
SECOND = (
    "Secretary of State John Kerry met Chancellor Angela Merkel. "
    "Kerry said the talks went well, and Merkel agreed."
)


@functools.cache
def _lexicons() -> dict[str, Lexicon]:
    return compile_lexicons(Pipeline(autoload=False).language_data)


def _answers(index: NameIndex, text: str) -> tuple[object, ...]:
    return (
        index.surnames,
        index.full_name("Habeck"),
        index.full_name("Kerry"),
        index.roles("Robert Habeck"),
        index.roles("John Kerry"),
        index.introduced_before(len(text), "minister"),
        index.people_before(len(text), window=len(text)),
    )


def test_a_shared_memory_gives_every_document_the_answers_a_fresh_one_gives() -> None:
    lexicons = _lexicons()
    non_names = leading_non_names(lexicons)
    shared = NameWords(lexicons)
    for text in (FIRST, SECOND, FIRST):
        with_shared = _answers(NameIndex(text, lexicons, non_names, shared), text)
        alone = _answers(NameIndex(text, lexicons, non_names), text)
        assert with_shared == alone
    assert "habeck" in NameIndex(FIRST, lexicons, non_names, shared).surnames
    assert "kerry" in NameIndex(SECOND, lexicons, non_names, shared).surnames


def test_the_memory_answers_as_the_lexicons_do() -> None:
    lexicons = _lexicons()
    words = NameWords(lexicons)
    for word in ("Minister", "Sprecher", "Kreis", "Robert", "Habeck", "spokesman", "Berlin"):
        for _ in range(2):  # the remembered answer is the looked-up one
            assert words.is_role(word) == any(lex.is_role(word) for lex in lexicons.values())
            assert words.common_noun_not_first_name(word) == (
                any(lex.is_common_noun(word) for lex in lexicons.values())
                and not any(word.casefold() in lex.first_names for lex in lexicons.values())
            )


def test_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names, "MAX_REMEMBERED_WORDS", 3)
    lexicons = _lexicons()
    words = NameWords(lexicons)
    vocabulary = ["Minister", "Habeck", "Kreis", "Robert", "Lippe", "Berlin", "Sprecher"]
    expected = [any(lex.is_role(word) for lex in lexicons.values()) for word in vocabulary]
    assert [words.is_role(word) for word in vocabulary * 2] == expected * 2
    assert len(words._roles) <= 3


def test_a_memory_built_for_other_lexicons_is_not_used() -> None:
    lexicons = _lexicons()
    other = NameWords({})  # knows no role noun at all
    index = NameIndex(FIRST, lexicons, leading_non_names(lexicons), other)
    assert index.roles("Robert Habeck") == NameIndex(FIRST, lexicons).roles("Robert Habeck")
