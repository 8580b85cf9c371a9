"""Reports in relative clauses: whom the pronoun means, and where the clause ends.

"Senator Holt, who said that the cuts would hurt schools": the relative pronoun is the frame's
mention (as "er" or "she" is) and its antecedent, the phrase before the comma, the speaker.
Appositions may stand between the two ("Alan Berger, a doctor from Englewood, New Jersey,
who said …"); when the relative clause sits inside the sentence's subject ("Mayor Reyes, who
warned that the budget was unsustainable, voted against it") the report ends before the main
clause goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.clauses import IRREGULAR_PASTS_EN
from quotekit.quotes.cues import opens_relative_clause
from quotekit.quotes.tokens import Mention, Token, mention_before, token_at

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon

#: "deren", "dessen": a speaker phrase this short may be a relative pronoun
_LONGEST_RELATIVE_PRONOUN: Final = 6
#: How many appositions before a relative pronoun are looked past for a name
_APPOSITIONS_BEFORE_RELATIVE: Final = 3
#: Prepositions before where someone is from or works (a doctor from Englewood, aus Kassel): the
#: name after one is no antecedent of a relative pronoun ("by", "von" name the agent: not these)
_PLACE_PREPOSITIONS: Final = frozenset({"from", "in", "of", "at", "aus", "bei", "im"})


def relative_pronoun(tokens: list[Token], folded: list[str], mention: Mention | None) -> Mention | None:
    """``mention`` as a pronoun when it is a relative pronoun after a comma (, who / , die), else None."""
    if mention is None or mention.end - mention.start > _LONGEST_RELATIVE_PRONOUN:
        return None
    position = token_at(tokens, mention.start)
    if position == 0 or folded[position - 1] != "," or not opens_relative_clause(tokens, position):
        return None
    token = tokens[position]
    return Mention(start=token.start, end=token.end, kind="pronoun", name=token.text)


def relative_antecedent(tokens: list[Token], comma: int, lex: Lexicon) -> Mention | None:
    """Whom a relative pronoun after ``tokens[comma]`` means: the nearest name before it.

    Appositions stand between (Alan Berger, a doctor from Englewood, New Jersey, who said;
    Nicky Driscoll, 24, from Manchester, who said): the phrases before up to three commas are
    read, and the nearest one that is a name wins, else the phrase right before.
    """
    nearest = mention_before(tokens, comma, lex)
    if nearest is None or _named_subject(tokens, nearest, lex):
        return nearest
    named_at = token_at(tokens, nearest.start)
    if nearest.kind == "name" and _after_place_preposition(tokens, named_at):
        # met voters in Ohio, who said …: the place is where they are, the phrase before it who
        nearest = mention_before(tokens, named_at - 1, lex) or nearest
    position = comma
    for _ in range(_APPOSITIONS_BEFORE_RELATIVE):
        position = next((p for p in range(position - 1, -1, -1) if tokens[p].text in {",", "."}), -1)
        if position < 1 or tokens[position].text != ",":
            break
        before = mention_before(tokens, position, lex)
        if before is not None and _named_subject(tokens, before, lex):
            return before
    return nearest


def main_clause_comma(
    tokens: list[Token], folded: list[str], first: int, last: int, lex: Lexicon
) -> int | None:
    """The comma in ``tokens[first:last]`` after which the sentence's main verb goes on, or None.

    English only: a German relative clause ends with its own verb, before the main clause's.
    """
    if lex.capitalises_nouns:
        return None
    for index in range(first + 1, min(last, len(tokens) - 1)):
        if folded[index] != ",":
            continue
        position = index + 1
        if folded[position] in _ADVERBS_BEFORE_VERB and position + 1 < len(tokens):
            position += 1  # …, also voted against it
        word, token = folded[position], tokens[position]
        if not token.is_word or token.is_capitalised:
            continue
        if word in lex.auxiliaries or word in IRREGULAR_PASTS_EN:
            return index  # …, will vote / did not vote / spoke first: the subject's finite verb
        if word not in lex.function_words and word.endswith(("ed", "s")):
            return index  # …, voted against it / …, retires
    return None


#: Adverbs that may stand between the comma closing a relative clause and the main verb
_ADVERBS_BEFORE_VERB: Final = frozenset({"also", "then", "later", "still", "now", "never"})


def _named_subject(tokens: list[Token], mention: Mention, lex: Lexicon) -> bool:
    """A name not after a preposition of place (… from Manchester, who: where the person is from).

    Nor a name after such a place and a comma (from Englewood, New Jersey, who: its state).
    """
    if mention.kind != "name":
        return False
    position = token_at(tokens, mention.start)
    if _after_place_preposition(tokens, position):
        return False
    if position > 1 and tokens[position - 1].text == ",":
        before = mention_before(tokens, position - 1, lex)
        if before is not None and (
            _after_place_preposition(tokens, token_at(tokens, before.start))
            # a doctor from Englewood, New Jersey: a description ending in its place
            or (before.kind == "role" and _ends_in_place(tokens, before))
        ):
            return False
    return True


def _ends_in_place(tokens: list[Token], mention: Mention) -> bool:
    """Whether a description ends in a place after its preposition (a doctor from Englewood)."""
    last = token_at(tokens, mention.end) - 1
    return last > 0 and tokens[last].is_capitalised and _after_place_preposition(tokens, last)


def _after_place_preposition(tokens: list[Token], position: int) -> bool:
    return position > 0 and tokens[position - 1].text.casefold() in _PLACE_PREPOSITIONS


def verb_before(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """Whether a lower-case finite verb stands before ``tokens[end]`` (The reporter interviewed …).

    Capitalised words are names (Mayor Tom Reyes), whatever they end in.
    """
    previous = ""
    for token in tokens[:end]:
        word = token.text.casefold()
        if token.is_word and token.text[:1].islower():
            if word in lex.auxiliaries or word in IRREGULAR_PASTS_EN or word.endswith("ed"):
                return True
            if (
                word.endswith("s")
                and previous
                and previous not in lex.determiners
                and word not in lex.function_words
            ):
                return True
        previous = word
    return False
