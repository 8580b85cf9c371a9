"""Noun phrases as the reported-speech frames read them: sources, attached phrases, appositions.

The frame rules in ``indirect`` ask three things of the words around a cue: does a stretch of
words hold one noun phrase and nothing else (a subject with its apposition before the verb);
where do the phrases attached to a source end (a spokesman for the company); and who is the
source when a source phrase names a document or a figure rather than a person (according to a
statement from X; laut amtlichen Angaben; laut einer Schätzung von Händlern). And one phrase
that is no part of any sentence: a news agency's dateline (WASHINGTON (Reuters) - …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit._regex import backtrack_free
from quotekit.quotes.tokens import (
    NAME_OPENERS,
    Mention,
    Token,
    mention_after,
    quoted_name_end,
    token_at,
    written,
)

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon

#: Prepositional phrases a phrase may carry (Richterin am Landgericht in Kassel)
MAX_ATTACHED_PHRASES: Final = 3

#: Lower-case words (articles, adjectives) a source phrase may open with before its noun
_MAX_WORDS_BEFORE_HEAD: Final = 4

#: German words that attach a genitive or "von" phrase to a source's noun (Angaben der Stadt)
_GERMAN_ATTACHING: Final = frozenset({"von", "vom", "des", "der", "aus"})

#: Most words of an English source phrase read up to its comma (official figures from the ministry)
_MAX_ENGLISH_SOURCE_WORDS: Final = 6

#: What closes an English source phrase read up to its end
_SOURCE_PHRASE_ENDS: Final = frozenset({",", ".", ";", "!", "?"})

#: English words after which the phrase names who issued a document (a report by Reuters)
_ENGLISH_ISSUERS: Final = frozenset({"from", "by"})


#: A news agency's dateline: a place of a few words, the agency in brackets, a dash
#: (BEDFORD, N.H. (AP) — / Berlin (dpa) - / OSLO, May 12 (Reuters) - ). Possessive
#: throughout: it cannot backtrack.
_DATELINE = backtrack_free(
    r"\p{Lu}[\p{L}\p{M}.'’/-]*+(?:[ ,]++[\p{L}\p{M}\p{N}.'’/-]++){0,5}+"
    r" *+\([\p{L}\p{M} ./-]{1,24}+\) *+[-–—] ++"
)
#: The longest place a dateline names before its agency
_DATELINE_CHARS: Final = 48


def dateline_end(text: str, offset: int) -> int | None:
    """Where the dateline ``offset`` lies in ends (Berlin (dpa) - |Die …), or ``None``.

    A dateline opens its line; the place (a name opening the line, which reads as a subject)
    and the report after it are not one sentence.
    """
    # only the last few characters are searched: one long line must not be read again per call
    low = max(0, offset - _DATELINE_CHARS)
    line_start = text.rfind("\n", low, offset) + 1
    if line_start == 0 and low > 0:
        return None
    found = _DATELINE.match(text, line_start, min(len(text), line_start + 2 * _DATELINE_CHARS))
    return found.end() if found is not None and found.end() > offset else None


def phrase_fills(tokens: list[Token], first: int, closing: int, lex: Lexicon) -> bool:
    """Whether ``tokens[first:closing]`` is one noun phrase, prepositional phrases attached.

    The Labour MP for Stroud Vale / die Richterin am Landgericht; "die Polizei in Berlin teilte
    mit" is not: after the phrases a word is left over.
    """
    position = first
    for _ in range(MAX_ATTACHED_PHRASES + 1):
        mention = mention_after(tokens, position, lex, nominative=False)
        if mention is None:
            return False
        position = token_at(tokens, mention.end)
        if position >= closing:
            return True
        if tokens[position].text.casefold() not in lex.prepositions:
            return False
        position += 1
    return False


def source_behind(tokens: list[Token], mention: Mention, lex: Lexicon) -> Mention:
    """According to a statement from Hartley County officials: who issued the statement.

    English only: a description followed by "from" or "by" and a phrase naming someone gives
    that phrase as the source (a report by Reuters), the description staying part of the cue.
    """
    if lex.capitalises_nouns or mention.kind != "role":
        return mention
    after = token_at(tokens, mention.end)
    if after + 1 >= len(tokens) or tokens[after].text.casefold() not in _ENGLISH_ISSUERS:
        return mention
    behind = mention_after(tokens, after + 1, lex, nominative=False)
    return mention if behind is None or behind.kind == "pronoun" else behind


def attached_phrases_end(tokens: list[Token], end: int, lex: Lexicon, *, fronted: bool = False) -> int:
    """The end of the phrases attached to a source that ends at ``end``.

    English: prepositional phrases (…, according to a spokesman for the company.: "for the
    company" belongs to the source, not to a report after it). German: genitive and "von"
    phrases (… bleibt laut Angaben der Stadt …); any prepositional phrase only when the source
    phrase opens the sentence (``fronted``: Laut einer Umfrage unter Lehrern fehlen …), since the
    verb comes second and so right after it: elsewhere a preposition after the source may open
    the report's own phrases (… bleibt laut dem Bericht bis Mai gesperrt).
    """
    attaching = _GERMAN_ATTACHING | lex.prepositions if fronted else _GERMAN_ATTACHING
    for _ in range(MAX_ATTACHED_PHRASES):
        after = token_at(tokens, end)
        if after + 1 >= len(tokens):
            return end
        word = tokens[after].text.casefold()
        if lex.capitalises_nouns:
            if word not in attaching:
                return end
            attached = _german_noun_phrase(tokens, after + 1, lex)
            if attached is None:
                return end
        else:
            if word not in lex.prepositions:
                return end
            attached = mention_after(tokens, after + 1, lex, nominative=False)
            if attached is None or attached.kind == "pronoun":
                return end
        end = attached.end
    return end


def source_noun_phrase(tokens: list[Token], index: int, lex: Lexicon) -> Mention | None:
    """A source phrase that names no one: laut amtlichen Angaben, laut einer Schätzung, official figures.

    German: lower-case words (article, adjectives), then the capitalised noun. English: the
    words up to the comma or full stop that closes the source phrase (According to official
    figures from the ministry, …; …, according to police estimates.), two to six of them.
    """
    if lex.capitalises_nouns:
        return _german_noun_phrase(tokens, index, lex)
    position = index
    while position < len(tokens) and position - index < _MAX_ENGLISH_SOURCE_WORDS:
        token = tokens[position]
        if not token.is_word:
            break
        if position == index and (token.text.casefold() in lex.prepositions or lex.cue(token.text)):
            return None
        position += 1
    # two words at least: "according to tradition," names no source (official figures, a report
    # from last week do)
    if position - index < 2 or (position < len(tokens) and tokens[position].text not in _SOURCE_PHRASE_ENDS):
        return None
    words = tokens[index:position]
    return Mention(start=words[0].start, end=words[-1].end, kind="role", name=written(words))


def widened_source(tokens: list[Token], mention: Mention, lex: Lexicon) -> Mention:
    """English: "official" of "according to official figures," widened to the comma's phrase."""
    if lex.capitalises_nouns:
        return mention
    start = token_at(tokens, mention.start)
    widened = source_noun_phrase(tokens, start, lex)
    return widened if widened is not None and widened.end > mention.end else mention


def _german_noun_phrase(tokens: list[Token], index: int, lex: Lexicon) -> Mention | None:
    """Lower-case article and adjectives, then a capitalised noun (amtlichen Angaben, einer Schätzung)."""
    position = index
    while position < len(tokens) and position - index < _MAX_WORDS_BEFORE_HEAD:
        token = tokens[position]
        if not token.is_word or token.is_capitalised:
            break
        if token.text.casefold() in lex.prepositions:
            return None
        position += 1
    if position >= len(tokens):
        return None
    head = tokens[position]
    if head.text in NAME_OPENERS:
        # einem Bericht der „Süddeutschen Zeitung“: a name in quotation marks is the head
        closing = quoted_name_end(tokens, position)
        if closing is not None:
            return Mention(
                start=tokens[index].start,
                end=tokens[closing].end,
                kind="role",
                name=written(tokens[index : closing + 1]),
            )
    if not head.is_word or not head.is_capitalised or head.text.casefold() in lex.function_words:
        return None
    words = tokens[index : position + 1]
    return Mention(start=words[0].start, end=head.end, kind="role", name=written(words))

    return None
