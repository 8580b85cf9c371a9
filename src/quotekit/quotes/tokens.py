"""The speaker phrases built from the word tokens of a short stretch of text.

Frames are short (a clause beside a quote), so the rules work on a token list of that stretch
only; nothing here looks at more than a bounded window, which keeps the whole extractor linear.
The tokens themselves come from the shared segmentation (:mod:`quotekit.lang.segment`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import attrs

from quotekit.lang.segment import Token, token_at, tokenize

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quotekit.quotes.lexicon import Lexicon

__all__ = ["Mention", "Token", "mention_after", "mention_before", "token_at", "tokenize"]

#: Words that join the parts of a name (Ursula von der Leyen, Secretary of State John Kerry).
_NAME_PARTICLES: Final = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "del",
        "di",
        "du",
        "le",
        "la",
        "bin",
        "al",
        "ter",
        "zu",
        "of",
        "y",
        "ibn",
        "dos",
        "das",
    }
)
#: A particle that is a German article of the accusative and dative too: part of a name only
#: after another particle (van den Berg); "sagte Merz den Zeitungen" names Merz alone. ("der"
#: stays: von der Leyen, and the genitive of a role, Sprecherin der Unionsfraktion.)
_ARTICLE_PARTICLES: Final = frozenset({"den"})
#: Determiners that cannot start a German subject (den, dem, des: accusative, dative, genitive).
_NOT_NOMINATIVE: Final = frozenset(
    {"den", "dem", "des", "einem", "einen", "eines", "seinem", "seinen", "ihrem", "ihren"}
)
_STOP: Final = frozenset(
    {
        "of",
        "for",
        "at",
        "in",
        "on",
        "to",
        "with",
        "from",
        "by",
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "when",
        "while",
        "after",
        "before",
        "during",
        "about",
        "as",
        "if",
        "than",
        "into",
        "over",
        "under",
        "told",
        "said",
    }
)
MAX_NAME_TOKENS: Final = 6
#: A first name and a surname.
_FULL_NAME_WORDS: Final = 2
_APPOSITION_BREAKS: Final = frozenset({":", ";", ".", "!", "?", "„", "“", "”", '"', "»", "«"})
#: German feminine noun endings: "der" before them is dative or genitive, never the subject.
_FEMININE: Final = ("ung", "tur", "ion", "tät", "heit", "keit", "schaft", "agentur", "zeitung", "ei", "ie")

MentionKind = Literal["name", "pronoun", "role"]


@attrs.frozen(kw_only=True)
class Mention:
    """A speaker phrase: ``start``/``end`` in the document, its kind, role and name parts."""

    start: int
    end: int
    kind: MentionKind
    name: str
    role: str | None = None


def _is_name_word(token: Token, lex: Lexicon) -> bool:
    folded = token.text.casefold()
    return (
        token.is_word
        and token.is_capitalised
        and folded not in lex.determiners
        and folded not in lex.function_words
    )


def _split_role(words: Sequence[Token], lex: Lexicon) -> tuple[str | None, list[Token]]:
    """Role words in front of a name (Nato-Generalsekretär Mark Rutte) and the name itself."""
    last_role = -1
    for index, token in enumerate(words):
        if lex.is_role(token.text) or (
            not token.is_capitalised and token.text.casefold() not in _NAME_PARTICLES
        ):
            last_role = index
    if last_role == -1:
        return None, list(words)
    # Secretary of State John Kerry, Minister of Finance Jane Doe: "of" and the word after it
    # still belong to the title when a name of two words follows
    if (
        last_role + 2 < len(words) - 1
        and words[last_role + 1].text.casefold() == "of"
        and len(words) - (last_role + 3) >= _FULL_NAME_WORDS
    ):
        last_role += 2
    role_words = words[: last_role + 1]
    role = " ".join(t.text for t in role_words if t.text.casefold() not in lex.determiners) or None
    return role, list(words[last_role + 1 :])


def _build(words: Sequence[Token], lex: Lexicon) -> Mention | None:
    while words and not words[-1].is_word:
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    text_words = [t for t in words if t.text.casefold() not in lex.determiners]
    if len(words) == 1 and words[0].text.casefold() in lex.pronouns:
        return Mention(start=start, end=end, kind="pronoun", name=words[0].text)
    role, name_words = _split_role(text_words, lex)
    while name_words and name_words[-1].text.casefold() in _NAME_PARTICLES:
        name_words = name_words[:-1]
    name_words = [t for t in name_words if t.is_word]
    if name_words and all(t.is_capitalised or t.text.casefold() in _NAME_PARTICLES for t in name_words):
        return Mention(
            start=start, end=end, kind="name", name=" ".join(t.text for t in name_words), role=role
        )
    phrase = " ".join(t.text for t in words)
    return Mention(start=start, end=end, kind="role", name=phrase, role=role or phrase)


def mention_after(  # noqa: C901, PLR0912 - one pass, one branch per case
    tokens: Sequence[Token], index: int, lex: Lexicon, *, nominative: bool = True
) -> Mention | None:
    """Return the speaker phrase starting at ``tokens[index]`` (after skip words), if one starts there."""
    while index < len(tokens) and tokens[index].text.casefold() in lex.skip_words:
        index += 1
    if index >= len(tokens):
        return None
    first = tokens[index]
    folded = first.text.casefold()
    if folded in lex.pronouns:
        return Mention(start=first.start, end=first.end, kind="pronoun", name=first.text)
    words: list[Token] = []
    position = index
    if folded in lex.determiners or folded in _NOT_NOMINATIVE:
        if nominative and folded in _NOT_NOMINATIVE:
            return None
        if (
            nominative
            and folded == "der"
            and index + 1 < len(tokens)
            and tokens[index + 1].text.casefold().endswith(_FEMININE)
        ):
            return None  # sagte der Nachrichtenagentur: a dative object, not the speaker
        words.append(first)
        position += 1
        # adjectives and, in English, the nouns of the phrase (the White House press secretary)
        while position < len(tokens) and len(words) < MAX_NAME_TOKENS:
            token = tokens[position]
            if not token.is_word or token.text.casefold() in _STOP or lex.cue(token.text):
                break
            if token.is_capitalised and lex.capitalises_nouns:
                break
            words.append(token)
            position += 1
    elif not lex.capitalises_nouns and (name_at := _name_after_description(tokens, index, lex)) is not None:
        # said conservative activist Bob Klaus / former tech executive Carly Fiorina: lower-case
        # words describing the person, then the name
        words.extend(tokens[index:name_at])
        position = name_at
    elif not first.is_word or not (first.is_capitalised or lex.is_role(first.text)):
        return None
    elif not lex.capitalises_nouns and _first_name_word(tokens, index, lex):
        # said Will Doyle: a capitalised function word before a name, inside a sentence, is a first name
        words.append(first)
        position += 1
    while position < len(tokens) and len(words) < MAX_NAME_TOKENS + 2:
        token = tokens[position]
        folded = token.text.casefold()
        if (
            (_is_name_word(token, lex) and not (lex.cue(token.text) and words))
            or (lex.is_role(token.text) and not lex.capitalises_nouns)
            or (
                folded in _NAME_PARTICLES
                and words
                and position + 1 < len(tokens)
                and _is_name_word(tokens[position + 1], lex)
                and (folded not in _ARTICLE_PARTICLES or words[-1].text.casefold() in _NAME_PARTICLES)
            )
        ):
            words.append(token)
        else:
            break
        position += 1
    return _role_with_genitive(tokens, position, words, lex) or _build(words, lex)


def _role_with_genitive(
    tokens: Sequence[Token], position: int, words: list[Token], lex: Lexicon
) -> Mention | None:
    """German: der Sprecher des Ministeriums — a role without a name takes its genitive along."""
    if not lex.capitalises_nouns or not words or position + 1 >= len(tokens):
        return None
    if (
        lex.is_role(words[-1].text)
        and tokens[position].text in {"des", "der"}
        and _is_name_word(tokens[position + 1], lex)
    ):
        # the phrase names a role, not a person called "Ministeriums"
        whole = [*words, tokens[position], tokens[position + 1]]
        phrase = " ".join(t.text for t in whole)
        return Mention(start=whole[0].start, end=whole[-1].end, kind="role", name=phrase, role=phrase)
    return None


#: Lower-case words that may describe a person before the name (master of ceremonies X).
MAX_DESCRIPTION_WORDS: Final = 4


def _name_after_description(tokens: Sequence[Token], index: int, lex: Lexicon) -> int | None:
    """English: the index of the name after lower-case words describing the person, or ``None``.

    "conservative activist Bob Klaus", "former tech executive Carly Fiorina", "master of
    ceremonies Jo Al-Tabchi": up to four lower-case words (``of`` inside them), then a name of
    two capitalised words, or of one when a role word (activist, executive) is among them.
    """
    first = tokens[index]
    if not first.is_word or first.is_capitalised:
        return None
    position = index
    role = False
    while position < len(tokens) and position - index < MAX_DESCRIPTION_WORDS:
        token = tokens[position]
        folded = token.text.casefold()
        if not token.is_word or token.is_capitalised:
            break
        if folded == "of" and position > index:
            position += 1
            continue
        if (
            folded in _STOP
            or folded in lex.function_words
            or folded in lex.pronouns
            or folded in lex.determiners
            or folded in lex.skip_words
            or lex.cue(folded)
        ):
            return None
        role = role or lex.is_role(folded)
        position += 1
    if position == index or tokens[position - 1].text.casefold() == "of":
        return None
    names = 0
    while position + names < len(tokens) and _is_name_word(tokens[position + names], lex):
        names += 1
    return position if names >= 2 or (names == 1 and role) else None


def _first_name_word(tokens: Sequence[Token], index: int, lex: Lexicon) -> bool:
    """Will Doyle, May Tran: a capitalised function word mid-sentence right before a name."""
    token = tokens[index]
    folded = token.text.casefold()
    return (
        index > 0
        and tokens[index - 1].text not in {".", "!", "?", ":", ";", "\n"}
        and not tokens[index - 1].text[:1].isupper()
        and folded in lex.function_words
        and folded not in lex.determiners
        and folded not in lex.pronouns
        and folded not in lex.prepositions
        and folded not in _STOP
        and index + 1 < len(tokens)
        and _is_name_word(tokens[index + 1], lex)
    )


def mention_before(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int = 0) -> Mention | None:
    """Return the speaker phrase ending before ``tokens[index]``, looking back to ``floor``."""
    found = _mention_before(tokens, index, lex, floor)
    if found is None and not lex.capitalises_nouns:
        return _apposition_name(tokens, index, lex, floor)
    return found


def _apposition_name(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """English: the chief of staff, Joe Kasper, told: the name in the apposition before the verb."""
    position = index - 1
    while position >= floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position <= floor or tokens[position].text != ",":
        return None
    comma = position - 1
    while comma >= floor and comma >= position - MAX_NAME_TOKENS - 2 and tokens[comma].text != ",":
        if tokens[comma].text in _APPOSITION_BREAKS:
            return None
        comma -= 1
    if comma < floor or tokens[comma].text != ",":
        return None
    inside = mention_after(tokens, comma + 1, lex)
    if inside is None or inside.kind != "name" or inside.end != tokens[position - 1].end:
        return None
    return inside


def _mention_before(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int = 0) -> Mention | None:  # noqa: C901, PLR0911, PLR0912 - one pass, one branch per case
    position = index - 1
    while position >= floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position < floor:
        return None
    if tokens[position].text == ",":
        # Hugh Hill, a doctor, said: the speaker is the phrase before the apposition.
        comma = position - 1
        while comma >= floor and comma >= position - 24 and tokens[comma].text != ",":
            if tokens[comma].text in _APPOSITION_BREAKS:
                return None  # a quote or a clause boundary: no apposition reaches over it
            comma -= 1
        if comma < floor or tokens[comma].text != ",":
            return None
        position = comma - 1
        if position < floor:
            return None
    if tokens[position].text == ")":
        # Sen. Chuck Schumer (D-N.Y.) said: step over the parenthesis
        opening = position - 1
        while opening >= floor and opening >= position - 8 and tokens[opening].text != "(":
            opening -= 1
        if opening < floor or tokens[opening].text != "(":
            return None
        position = opening - 1
        if position < floor:
            return None
    last = tokens[position]
    if last.text.casefold() in lex.pronouns:
        return Mention(start=last.start, end=last.end, kind="pronoun", name=last.text)
    words: list[Token] = []
    while position >= floor and len(words) < MAX_NAME_TOKENS:
        token = tokens[position]
        folded = token.text.casefold()
        if folded in lex.determiners:
            words.insert(0, token)
            break
        if (
            _is_name_word(token, lex)
            or lex.is_role(token.text)
            or (
                folded in _NAME_PARTICLES
                and words
                and position > floor
                and _is_name_word(tokens[position - 1], lex)
            )
        ):
            words.insert(0, token)
        elif (
            not lex.capitalises_nouns
            and words
            and token.is_word
            and folded not in _STOP
            and not lex.cue(token.text)
            and not token.is_capitalised
            and _followed_by_role(words, lex)
        ):
            words.insert(0, token)  # the White House press secretary: lowercase words of the role
        else:
            break
        position -= 1
    if not words and not lex.capitalises_nouns:
        return _common_noun_phrase(tokens, position, lex, floor)
    if not words:
        return None
    return _build(words, lex)


def _common_noun_phrase(tokens: Sequence[Token], position: int, lex: Lexicon, floor: int) -> Mention | None:
    """Return the newspaper, his colleague, the gambling tycoon: a determiner and lower-case words."""
    end = position
    while position >= floor and end - position < 5:
        token = tokens[position]
        folded = token.text.casefold()
        noun_after_article = position > floor and tokens[position - 1].text.casefold() in lex.determiners
        if (
            not token.is_word
            or folded in _STOP
            or (lex.cue(token.text) and not noun_after_article)  # the report, a statement
            or folded in lex.auxiliaries
        ):
            return _bare_plural(tokens, position + 1, end, lex)
        if folded in lex.determiners and position < end:
            words = list(tokens[position : end + 1])
            phrase = " ".join(t.text for t in words)
            return Mention(start=words[0].start, end=words[-1].end, kind="role", name=phrase, role=None)
        position -= 1
    # "…," federal prosecutors wrote: the phrase fills the clause up to its start
    return _bare_plural(tokens, floor, end, lex) if position < floor <= end else None


def _bare_plural(tokens: Sequence[Token], start: int, end: int, lex: Lexicon) -> Mention | None:
    """Experts say, many voters believe, 24 percent said: a plural noun phrase without article."""
    if start > end:
        return None
    head = tokens[end]
    folded = head.text.casefold()
    plural = (folded.endswith("s") and not folded.endswith("ss") and len(folded) > 3) or folded in {
        "percent",
        "people",
    }
    if not plural or folded in lex.function_words or folded.endswith("ly"):
        return None
    words = tokens[start : end + 1]
    return Mention(start=words[0].start, end=head.end, kind="role", name=" ".join(t.text for t in words))


def _followed_by_role(words: Sequence[Token], lex: Lexicon) -> bool:
    return bool(words) and lex.is_role(words[0].text)
