"""The subject of a clause: who a sentence names as the one who speaks.

A clause's subject is found token by token: a name or a role phrase before the verb, the
head before a prepositional phrase (Nora Blake of the institute), a common noun only where
its article marks it nominative, and a place or source phrase where nothing else speaks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from quotekit.quotes.appositions import with_apposition_name
from quotekit.quotes.clause_subject import bare_plural_opening, past_fronted_phrase
from quotekit.quotes.tokens import Mention, Token, mention_after

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon


def sentence_subject(tokens: list[Token], lex: Lexicon, known: frozenset[str]) -> Mention | None:
    """Return the person a clause is about: its first subject-like phrase that names someone.

    Phrases after a preposition (in der ARD, mit dem Islam) and in the accusative or dative are
    skipped; a pronoun, a name, or an article with a noun (der Bundestrainer) qualifies. German
    also takes an article with a common noun (die Firma, der Verfasser) when nothing better
    names someone, and first of all when the clause opens with it.
    """
    previous = ""
    common: Mention | None = None  # German: die Firma, der Verfasser, die Menschenmenge
    skip_until = -1  # the end of a prepositional phrase stepped over whole (vom Frankfurter Bahnhof)
    # English fronted phrases (In a Fox interview later, …), German subordinate clauses (Da …, …)
    opening = max(past_fronted_phrase(tokens, 0, len(tokens), lex), _after_subordinate_clause(tokens, lex))
    for index in range(opening, len(tokens)):
        token = tokens[index]
        folded = token.text.casefold()
        if token.text in {":", ";"}:
            break
        if (
            token.start < skip_until
            or previous in lex.prepositions
            or not token.is_word
            or _genitive_attribute(tokens, index, previous, lex)
        ):
            if previous in lex.prepositions and token.start >= skip_until:
                skip_until = _prepositional_phrase_end(tokens, index, lex)
            previous = folded if token.is_word else previous  # in der ARD; im Meer der Ruhe
            continue
        if folded in lex.pronouns and folded not in {"i", "we", "ich", "wir"}:
            if common is not None and opens(tokens, common) and common.name.casefold().startswith("der "):
                # Der Student schlief ein, war er …: a masculine opening phrase is the subject the
                # pronoun takes up (das Angebot lehnt er ab: a neuter one may be the object)
                return common
            return Mention(start=token.start, end=token.end, kind="pronoun", name=token.text)
        if folded in lex.determiners or (token.is_capitalised and folded not in lex.function_words):
            found = _phrase_at(tokens, index, lex)
            if found is not None and (
                found.kind != "name"
                or " " in found.name
                or folded in known
                or _place_opening(tokens, found, lex)
            ):
                return with_apposition_name(tokens, found, lex)
            if common is None and (
                found is not None
                and (_common_subject(found, folded, lex) or bare_plural_opening(tokens, index, found, lex))
            ):
                common = attrs.evolve(found, kind="role", name=_phrase(tokens, index, found.end), role=None)
        previous = folded
    return _common_or_known(tokens, common, known)


def _place_opening(tokens: list[Token], found: Mention, lex: Lexicon) -> bool:
    """Berlin reagierte prompt, Moskau warnte: a place opening the clause speaks for its government."""
    return found.name.casefold() in lex.places and opens(tokens, found)


def _prepositional_phrase_end(tokens: list[Token], index: int, lex: Lexicon) -> int:
    """German: where the noun phrase after a preposition ends (vom Frankfurter Hauptbahnhof)."""
    if not lex.capitalises_nouns or not tokens[index].is_word:
        return -1
    phrase = mention_after(tokens, index, lex, nominative=False)
    return phrase.end if phrase is not None else -1


def opens(tokens: list[Token], mention: Mention) -> bool:
    """Whether ``mention`` starts at the clause's first word."""
    return next((t.start for t in tokens if t.is_word), -1) == mention.start


def _phrase_at(tokens: list[Token], index: int, lex: Lexicon) -> Mention | None:
    found = mention_after(tokens, index, lex)
    if found is not None and lex.capitalises_nouns and found.name.casefold() in lex.determiners:
        return None  # schlief immer wieder ein: a separable particle, not an article
    return found


def _common_or_known(tokens: list[Token], common: Mention | None, known: frozenset[str]) -> Mention | None:
    """The opening common-noun subject, else a surname the document knows, else a later common noun."""
    if common is not None and opens(tokens, common):
        return common  # Die Firma empfindet die Kritik als ungerecht: the clause opens with its subject
    for token in reversed(tokens):
        if common is not None and token.start >= common.start:
            continue  # zogen die Demonstranten vom Hauptbahnhof …: the subject comes before the place
        if token.is_word and token.is_capitalised and token.text.casefold() in known:
            return Mention(start=token.start, end=token.end, kind="name", name=token.text)
    return common


def _genitive_attribute(tokens: list[Token], index: int, previous: str, lex: Lexicon) -> bool:
    """German: der/des right after a noun opens a genitive attribute, not a subject."""
    return (
        lex.capitalises_nouns
        and tokens[index].text.casefold() in {"der", "des"}
        and index > 0
        and tokens[index - 1].is_word
        and tokens[index - 1].is_capitalised
        and previous not in lex.function_words
    )


#: German conjunctions opening a clause before the main one (Da Frankfurt gewann, war …).
GERMAN_SUBORDINATORS: Final = frozenset(
    {"als", "da", "weil", "nachdem", "obwohl", "obgleich", "bevor", "sobald", "seitdem", "während", "wenn"}
)


def _after_subordinate_clause(tokens: list[Token], lex: Lexicon) -> int:
    """German: where the main clause starts after a leading subordinate clause (Da X gewann, …)."""
    if not lex.capitalises_nouns or not tokens or tokens[0].text.casefold() not in GERMAN_SUBORDINATORS:
        return 0
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    return 0 if comma is None else comma + 1


#: German articles and quantifiers that open a subject (nominative) noun phrase.
_NOMINATIVE_OPENERS: Final = frozenset(
    {"der", "die", "das", "ein", "eine", "einige", "mehrere", "viele", "zahlreiche", "beide"}
)


def _common_subject(found: Mention, opener: str, lex: Lexicon) -> bool:
    """A German article with one common noun as subject (die Firma, einige Demonstranten).

    Collectives, documents and unnamed people speak in news (Die Menge skandierte …); abstract
    nouns (die Kritik, die Haltung) do not.
    """
    if not lex.capitalises_nouns or opener not in _NOMINATIVE_OPENERS or found.kind != "name":
        return False
    head = found.name.casefold()
    return " " not in head and not head.endswith(lex.abstract_suffixes) and head not in lex.function_words


def _phrase(tokens: list[Token], index: int, end: int) -> str:
    return " ".join(t.text for t in tokens[index:] if t.end <= end)


def first_word_index(tokens: list[Token]) -> int:
    """Return the index of the first word token, or -1 where there is none."""
    return next((i for i, t in enumerate(tokens) if t.is_word), -1)


#: Prepositions of the place a text is written (auf dem Plakat, in dem Brief): that place speaks
_PLACE_PREPOSITIONS: Final = frozenset({"auf", "in", "im"})


def place_source(tokens: list[Token], lex: Lexicon) -> Mention | None:
    """German: Auf dem Transparent war die Parole „…“ zu lesen — the fronted place is the source.

    Used only when the clause names no subject: the phrase after a place preposition opening it.
    """
    first = first_word_index(tokens)
    if not lex.capitalises_nouns or first < 0 or tokens[first].text.casefold() not in _PLACE_PREPOSITIONS:
        return None
    phrase = mention_after(tokens, first + 1, lex, nominative=False)
    if phrase is None or phrase.kind == "pronoun":
        return None
    name = " ".join(t.text for t in tokens[first:] if t.end <= phrase.end)
    return Mention(start=tokens[first].start, end=phrase.end, kind="role", name=name, role=None)
