"""Names set beside a speaker phrase or its verb: in apposition, in quotation marks, quoted "as saying".

A role phrase often names its person between commas (Der Vorsitzende der Gewerkschaft, Frank
Bsirske, würdigte …; said its president, Ray Ocampo): the name is the speaker, the phrase its
role. A quoted paper after the verb speaks („…“, schrieb „Die Zeit“), and the object of "quoted
X as saying" speaks, not the paper that quotes. The speaker rules of
:mod:`quotekit.quotes.frames` and the subject readers ask these once they have a phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.clause_subject import GENITIVE_ARTICLES, QUOTE_MARKS
from quotekit.quotes.tokens import (
    Mention,
    capitalised_run_end,
    mention_after,
    mention_before,
    token_at,
    written,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.tokens import Token

__all__ = [
    "apposition_end",
    "name_in_apposition_before",
    "opens_age",
    "quoted_as_saying",
    "quoted_name_after",
    "with_apposition_name",
]


#: The most words a name set off by commas after a role may have (Andreas Huber, Jean-Claude van Damme)
_APPOSITION_WORDS: Final = 4


def opens_age(tokens: Sequence[Token], comma: int) -> bool:
    """Whether an age in apposition follows the comma ``tokens[comma]`` (Anna Weber, 54, sagte)."""
    return comma + 2 < len(tokens) and tokens[comma + 1].text.isdigit() and tokens[comma + 2].text == ","


def apposition_end(tokens: Sequence[Token], folded: Sequence[str], comma: int, lex: Lexicon) -> int | None:
    """The comma closing a name in apposition that opens at ``comma`` (…, Andreas Huber, …), or None.

    Two to four capitalised words and name particles, none of them a cue word, and a comma
    after them: a clause after a comma (…, die Lage sei ernst) has a lower-case word in it.
    """
    if opens_age(tokens, comma):
        return comma + 2  # sagte Anna Weber, 54, am Montag: an age in apposition
    index = comma + 1
    while index < len(tokens) and index - comma <= _APPOSITION_WORDS:
        token = tokens[index]
        if folded[index] == ",":
            # two words at least: a single capitalised word may open a list (Paris, Berlin und Rom)
            return index if index > comma + 2 else None
        if not token.is_word:
            return None
        if folded[index] not in lex.name_particles and (
            not token.text[:1].isupper() or folded[index] in lex.function_words or lex.cue(token.text)
        ):
            return None
        index += 1
    return None


def name_in_apposition_before(
    tokens: Sequence[Token], index: int, lex: Lexicon, floor: int
) -> Mention | None:
    """Der Vorsitzende der Gewerkschaft, Frank Bsirske, würdigte …: the name closing an apposition.

    A full name between two commas right before the verb is the subject the apposition names.
    """
    if index - 1 <= floor or tokens[index - 1].text != ",":
        return None
    named = mention_before(tokens, index - 1, lex, floor)
    if named is None or named.kind != "name" or " " not in named.name:
        return None
    opening = next((i for i in range(index - 2, floor - 1, -1) if tokens[i].start < named.start), None)
    if opening is None or tokens[opening].text != ",":
        return None
    # the role phrase before the apposition is the person's role (und fügte hinzu: later, "der
    # Direktor des Tierparks" alone still means Matthias Orlowski)
    role = mention_before(tokens, opening, lex, floor)
    if role is None or role.kind != "role" or role.end != tokens[opening - 1].end:
        return named
    start, role_name = role.start, role.name
    at = next(i for i in range(opening - 1, floor - 1, -1) if tokens[i].start <= role.start)
    if at - 1 > floor and tokens[at - 1].text.casefold() in GENITIVE_ARTICLES:
        # Der Verteidiger des 31-Jährigen, Malte Ruschkowski: the role is the whole phrase, a
        # description in the genitive (des 31-Jährigen) is whose role it is
        head = mention_before(tokens, at - 1, lex, floor)
        if head is not None and head.kind == "role" and head.end == tokens[at - 2].end:
            start = head.start
            role_name = " ".join(t.text for t in tokens if head.start <= t.start < role.end)
    return Mention(start=start, end=named.end, kind="name", name=named.name, role=role_name)


_OPENING_MARKS: Final = frozenset({"„", "“", "»", "«", '"', "‚", "›"})


#: The most capitalised words after a role phrase before the comma of its apposition
_ROLE_TAIL_WORDS: Final = 3


#: Words after a comma that name a part of a group, not the phrase before in apposition
_PART_OF_GROUP: Final = frozenset({"including", "among", "darunter", "unter", "etwa"})


def with_apposition_name(tokens: Sequence[Token], found: Mention, lex: Lexicon) -> Mention:
    """Der ältere Bruder des Papstes, Georg Ratzinger, war …: the name in apposition is the person.

    Also after the verb: sagte der Präsident der Bundesnetzagentur, Klaus Müller, am Montag;
    said its president, Ray Ocampo. The mention then spans the role phrase and the name, the
    role is the phrase.
    """
    # Der Bürgermeister von Hollbach, Thorsten Weil: "von" and a place read as a noble name
    # after the role; a full name in apposition after it shows the place
    of_place = found.kind == "name" and found.role is not None and found.name.split()[0] in lex.name_particles
    if found.kind != "role" and not of_place:
        return found
    after = token_at(tokens, found.end)
    # der Leiter der Berufsfeuerwehr Altenweil, Hauke Petersen: a place or name the role phrase
    # ends with comes before the comma
    after = capitalised_run_end(tokens, after, _ROLE_TAIL_WORDS)
    if after >= len(tokens) or tokens[after].text != ",":
        return found
    # Sein Verteidiger, Rechtsanwalt Dr. Jens Obermeyer: the name may carry a role of its own
    if after + 1 < len(tokens) and tokens[after + 1].text.casefold() in _PART_OF_GROUP:
        return found  # analysts, including John Smith: one of the group, not its name
    name = mention_after(tokens, after + 1, lex)
    if name is None or name.kind != "name" or " " not in name.name:
        return found
    closing = token_at(tokens, name.end)
    if closing < len(tokens) and tokens[closing].text not in {",", "(", "."}:
        return found
    role = written([t for t in tokens if found.start <= t.start < found.end]) if of_place else found.name
    return Mention(start=found.start, end=name.end, kind="name", name=name.name, role=role)


def quoted_name_after(tokens: Sequence[Token], index: int) -> Mention | None:
    """„…“, schrieb „Die Zeit“: a quoted newspaper or organisation name right after the verb.

    Only a name in capitalised words (Die Zeit, Der Standard) counts: „Metasuche ohne Müll“ is
    something said.
    """
    if index >= len(tokens) or tokens[index].text not in _OPENING_MARKS:
        return None
    for position in range(index + 1, min(len(tokens), index + 6)):
        token = tokens[position]
        if token.text in QUOTE_MARKS:
            words = tokens[index + 1 : position]
            if not words or not all(t.is_word and t.is_capitalised for t in words):
                return None
            name = " ".join(t.text for t in words)
            return Mention(start=tokens[index].start, end=token.end, kind="name", name=name)
    return None


#: English verbs that quote their object "as saying" (Reuters quoted an aide as saying …)
_QUOTING: Final = frozenset({"quote", "quoted", "quotes", "quoting", "cite", "cited", "cites", "citing"})
#: How far before "as saying" the quoting verb may stand
_QUOTING_WITHIN: Final = 10


def quoted_as_saying(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """English: the object of "quoted X as saying" speaks, not the paper that quotes."""
    if index - 1 <= floor or tokens[index - 1].text.casefold() != "as":
        return None
    for position in range(index - 2, max(floor, index - _QUOTING_WITHIN) - 1, -1):
        word = tokens[position].text.casefold()
        if word in _QUOTING:
            quoted = mention_after(tokens, position + 1, lex, nominative=False)
            return quoted if quoted is not None and quoted.end <= tokens[index - 1].start else None
        if word in {".", ";", ":", '"', "“", "”"}:
            return None
    return None
