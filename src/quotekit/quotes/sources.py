"""Who a source phrase names: laut X, nach Angaben von X, according to X, wonach, one's own.

``SourcePhrases`` (:mod:`quotekit.quotes.source_reports`) finds where a source phrase opens
(laut, nach, according to, zufolge); these functions say whom it names and where it ends: the
noun phrase after it with the phrases attached to it (laut Angaben der Stadt; a statement from
X: X speaks), the source before a relative "wonach", the adverb itself for "demnach", and the
sentence's own subject for a phrase of its own (nach eigenen Angaben, according to its own
figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.clause_subject import clause_subject
from quotekit.quotes.clauses import has_finite_verb
from quotekit.quotes.phrases import attached_phrases_end, source_behind, source_noun_phrase, widened_source
from quotekit.quotes.tokens import (
    Mention,
    Token,
    capitalised_run_end,
    mention_after,
    mention_before,
    token_at,
    written,
)

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon

__all__ = ["own_phrase_end", "own_subject", "possessive_owner", "source_after"]

#: Source words that carry their own source when no phrase follows (nach Polizeiangaben, demnach)
_OWN_SOURCE_WORDS: Final = frozenset({"nach", "demnach", "wonach"})

#: Words that open the owner of a source noun (nach Angaben von X, des Ministeriums; figures of X)
_OWNER_OPENERS: Final = frozenset({"von", "des", "der", "of"})
#: Indefinite articles in the genitive (nach Angaben eines Polizeisprechers, einer Sprecherin)
_INDEFINITE_GENITIVES: Final = frozenset({"eines", "einer"})

#: Words that make a source phrase the subject's own (nach eigenen Angaben, its own figures)
_OWN_WORDS: Final = frozenset({"eigenen", "eigener", "own"})


def own_phrase_end(tokens: list[Token], folded: list[str], phrase_end: int) -> int:
    """Where "its own figures" ends after "according to": the own word and the noun after it."""
    for index in range(phrase_end, min(len(tokens), phrase_end + 3)):
        if folded[index] in _OWN_WORDS and index + 1 < len(tokens) and tokens[index + 1].is_word:
            return tokens[index + 1].end
    return tokens[phrase_end - 1].end


def own_subject(
    tokens: list[Token], folded: list[str], index: int, phrase_end: int, lex: Lexicon
) -> Mention | None:
    """The subject a source phrase of its own points to (Die Feuerwehr hat nach eigenen Angaben …).

    The one before the phrase, or after a fronted phrase (Nach eigenen Angaben verkaufte der
    Konzern …; According to its own figures, the company sold …); ``None`` when the phrase
    is no one's own.
    """
    if _OWN_WORDS.isdisjoint(folded[index : phrase_end + 3]):
        return None
    first, last = 0, index
    if index == 0:
        comma = next(
            (i for i in range(phrase_end, min(len(tokens), phrase_end + 4)) if folded[i] == ","), None
        )
        first, last = (comma + 1 if comma is not None else phrase_end), len(tokens)
    if lex.capitalises_nouns:
        return clause_subject(tokens, lex, frozenset(), first, last)
    # The company sold more cars: the phrase before the first finite verb
    verb = next((i for i in range(first + 1, last) if has_finite_verb(tokens, i, tokens[i].end, lex)), None)
    return mention_before(tokens, verb, lex, first) if verb is not None else None


def source_after(
    tokens: list[Token], folded: list[str], index: int, phrase_end: int, lex: Lexicon
) -> tuple[Mention, int] | None:
    """The source a source phrase names after its words (laut X, according to X), and its end."""
    possessive = _possessive_before_noun(tokens, folded, phrase_end, lex)
    if possessive is not None:
        # nach seinen Angaben, laut ihrer Aussage: the possessive's owner is the source
        return possessive_owner(tokens, folded, possessive, lex), tokens[possessive + 1].end
    position = phrase_end
    if position < len(tokens) and (
        folded[position] in _OWNER_OPENERS
        # nach Angaben eines Sprechers: a genitive after the source noun (laut einer Umfrage:
        # after "laut" the article is the source's own)
        or (folded[position] in _INDEFINITE_GENITIVES and folded[position - 1] in lex.nouns)
    ):
        position += 1
    if folded[index] == "wonach" and phrase_end == index + 1:
        # Studien des Umweltbundesamts, wonach ein Tempolimit …: the source is what "wonach"
        # refers back to; the words after it are the report's subject
        before = mention_before(tokens, index - 1, lex) if index > 1 and folded[index - 1] == "," else None
        adverb = Mention(
            start=tokens[index].start, end=tokens[index].end, kind="role", name=tokens[index].text
        )
        return before or adverb, tokens[index].end
    owner_follows = (
        position > phrase_end
        or folded[index] != "nach"
        or (position < len(tokens) and tokens[position].is_capitalised)
    )
    # nach Polizeiangaben einen weiteren Toten: without von/des/der or a name after it, the
    # phrase after a "nach" source is the report's, not the source's owner
    mention = mention_after(tokens, position, lex, nominative=False) if owner_follows else None
    if mention is None and phrase_end == index + 1 and folded[index] in {"demnach", "wonach"}:
        # Demnach steht …: the adverb stands for the source named before
        mention = Mention(
            start=tokens[index].start, end=tokens[index].end, kind="role", name=tokens[index].text
        )
    if mention is None and folded[index] not in _OWN_SOURCE_WORDS:
        mention = source_noun_phrase(tokens, position, lex)  # laut amtlichen Angaben
    elif mention is not None:
        # a statement from X: X speaks; else according to official figures (from …),: the phrase
        behind = source_behind(tokens, mention, lex)
        mention = behind if behind is not mention else widened_source(tokens, mention, lex)
    if mention is None:
        if folded[index] != "nach":
            return None
        noun = tokens[phrase_end - 1]  # nach Polizeiangaben
        mention = Mention(start=noun.start, end=noun.end, kind="role", name=noun.text)
    mention = source_behind(tokens, mention, lex)
    source_end = attached_phrases_end(tokens, mention.end, lex, fronted=index == 0)
    if lex.capitalises_nouns and index == 0:
        source_end = _fronted_phrase_end(tokens, source_end)
    if lex.capitalises_nouns and source_end > mention.end:
        # laut Angaben der Stadt: the whole phrase is the source
        words = tokens[token_at(tokens, mention.start) : token_at(tokens, source_end)]
        mention = Mention(start=mention.start, end=source_end, kind="role", name=written(words))
    return mention, source_end


def possessive_owner(tokens: list[Token], folded: list[str], possessive: int, lex: Lexicon) -> Mention:
    """The pronoun that names the owner of ``tokens[possessive]`` (seinen: er), for it to resolve."""
    owner = tokens[possessive]
    return Mention(start=owner.start, end=owner.end, kind="pronoun", name=lex.possessives[folded[possessive]])


def _possessive_before_noun(
    tokens: list[Token], folded: list[str], phrase_end: int, lex: Lexicon
) -> int | None:
    """Where a possessive stands before the source noun of a phrase ending at ``phrase_end``.

    Nach seinen Angaben (the noun ends the phrase) or laut ihrer Aussage (the noun follows it).
    """
    for possessive in (phrase_end - 2, phrase_end):
        if (
            0 <= possessive < len(tokens) - 1
            and folded[possessive] in lex.possessives
            and folded[possessive + 1] in lex.nouns
        ):
            return possessive
    return None


#: The most capitalised words a fronted German source phrase may end with after its noun
_NAME_WORDS_AFTER_SOURCE: Final = 3


def _fronted_phrase_end(tokens: list[Token], end: int) -> int:
    """Nach Angaben des Tourismusverbands Rügen kamen …: where a fronted German source phrase ends.

    The phrase fills the place before the finite verb, so capitalised words between the source
    read so far and the first lower-case word (the verb) belong to it: a place or a name.
    """
    first = token_at(tokens, end)
    position = capitalised_run_end(tokens, first, _NAME_WORDS_AFTER_SOURCE)
    if position == first or position >= len(tokens) or not tokens[position].is_word:
        return end
    if tokens[position].is_capitalised:
        return end  # more capitalised words than a name: the report's own subject among them
    return tokens[position - 1].end
