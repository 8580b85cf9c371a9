"""The subject of a clause, and how strongly a phrase can be one.

:func:`clause_subject` finds the phrase that a clause's verb takes as its subject: after a
fronted time or place phrase, past a subordinate clause, a name or role before a common noun
(``speaker_strength``: ``STRONG`` names and roles, ``WEAK`` common nouns and bare plurals).
The word sets here (clause ends, quotation marks, source prepositions) are shared with the cue
and frame rules in :mod:`quotekit.quotes.frames`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.tokens import NAME_OPENERS, Mention, Token, mention_after, quoted_name_end

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quotekit.quotes.lexicon import Lexicon

__all__ = [
    "CLAUSE_BREAKS",
    "CLAUSE_END",
    "GENITIVE_ARTICLES",
    "MARK_CLOSERS",
    "MAX_FRONTED_TOKENS",
    "QUOTE_MARKS",
    "SOURCE_PREPOSITIONS",
    "STRONG",
    "WEAK",
    "bare_plural_opening",
    "clause_subject",
    "past_fronted_phrase",
    "speaker_strength",
]

CLAUSE_END: Final = frozenset({".", "!", "?", ";", ":"})
#: Punctuation a clause ends or opens at: its end and a comma (the look-ups around a verb)
CLAUSE_BREAKS: Final = CLAUSE_END | {","}
QUOTE_MARKS: Final = frozenset({"„", "“", "”", '"', "»", "«", "‚", "‘", "’", "›", "‹", "'"})
#: Each opening quotation mark and the marks that close it (German „…“, English “…”, »…«, «…»)
MARK_CLOSERS: Final = {
    "„": frozenset({"“", "”"}),
    "“": frozenset({"”", "“"}),
    "»": frozenset({"«"}),
    "«": frozenset({"»"}),
    "‚": frozenset({"‘", "’"}),
    "‘": frozenset({"’"}),
    "›": frozenset({"‹"}),
    "‹": frozenset({"›"}),
    '"': frozenset({'"'}),
}


#: Prepositions that open the place a quote is read (in dem Antrag, auf der Homepage, vom Sprecher).
SOURCE_PREPOSITIONS: Final = frozenset(
    {"in", "im", "auf", "laut", "on", "vom", "von", "aus", "bei", "beim", "seitens"}
)


#: Articles that, after a noun, open a genitive attribute (die Rolle der Partei), not a subject.
GENITIVE_ARTICLES: Final = frozenset({"der", "des"})
#: Articles inside a German name only after von, van, de (Ursula von der Leyen).
_NAME_ARTICLE_AFTER: Final = frozenset({"von", "van", "de"})
_ARTICLES: Final = frozenset({"der", "die", "das", "dem", "den", "des"})
STRONG: Final = 2
WEAK: Final = 1


def speaker_strength(mention: Mention, tokens: Sequence[Token], lex: Lexicon, known: frozenset[str]) -> int:  # noqa: C901, PLR0911, PLR0912 - one verdict per kind of phrase
    """How much ``mention`` looks like someone who speaks: 2 a person or body, 1 maybe, 0 a thing.

    A pronoun, a role noun (der Nato-Chef), a name the document uses in full, or two capitalised
    words side by side (Franz Müller) are strong; in German, where every noun is capitalised, a
    single unknown capitalised word or a phrase whose head is an abstract noun (die Haltung der
    Regierung, Seine Zuversicht) is no speaker. English phrases keep the benefit of the doubt.
    """
    if mention.kind == "pronoun":
        return STRONG
    words = mention.name.split()
    if not words:
        return 0
    if words[0].casefold() in SOURCE_PREPOSITIONS:
        return STRONG  # in dem Antrag (heißt es): the document itself is the source
    inside = [t for t in tokens if mention.start <= t.start < mention.end]
    if mention.kind == "name" and inside and inside[-1].text in QUOTE_MARKS:
        return STRONG  # das Magazin „Der Spiegel“: a name in quotation marks is a paper's or a body's
    if lex.capitalises_nouns:
        genitive = next(
            (
                position
                for position, t in enumerate(inside)
                if t.text.casefold() in _ARTICLES
                and position > 0
                and inside[position - 1].text.casefold() not in _NAME_ARTICLE_AFTER
            ),
            None,
        )
        if genitive is not None:
            # der Sprecher des Ministeriums speaks; der Ärger der Partei does not: the head decides
            return STRONG if any(lex.is_role(t.text) for t in inside[:genitive]) else 0
    if any(lex.is_role(word) for word in words) or (
        mention.role is not None and any(lex.is_role(word) for word in mention.role.split())
    ):
        return STRONG
    if not lex.capitalises_nouns:
        # "that the negotiation does not include", "Ever": a clause or an adverb, not a phrase
        first = words[0].casefold()
        if first in lex.complementizers or all(word.casefold() in lex.function_words for word in words):
            return 0
        return STRONG
    head = words[-1].casefold()
    # die Haltung, die Freundschaft name nothing that speaks; die Gewerkschaft, die
    # Staatsanwaltschaft end alike and are bodies that do
    if (head.endswith(lex.abstract_suffixes) and not lex.is_body(head)) or head in lex.function_words:
        return 0
    if head in lex.anaphor_nouns or (lex.anaphor_suffixes and head.endswith(lex.anaphor_suffixes)):
        return STRONG  # der 45-Jährige, die Belgierin: a description of a person
    if mention.kind == "role":
        first = inside[0].text.casefold() if inside else ""
        return 0 if first == "das" else WEAK  # das Auftreten: a neuter noun is rarely a person
    if any(t.text == "zu" for t in inside):
        return 0  # Fluggast zu Hilfe, Tasha zu Dank: nouns of an idiom, not a noble name
    if head in known or (len(inside) == 1 and head in lex.places):
        return STRONG  # a name the document uses in full; Moskau (wies … zurück): its government
    return STRONG if len([t for t in inside if t.is_word and t.is_capitalised]) >= 2 else 0


def bare_plural_opening(
    tokens: Sequence[Token], index: int, found: Mention, lex: Lexicon, first: int = 0
) -> bool:
    """German: a clause opening with a plural noun and its verb (Datenschützer äußerten, Experten warnen).

    The noun stands first without an article and a lower-case word (the finite verb) follows it;
    abstract nouns and nouns that do not look plural (-er, -en, -e) do not count.
    """
    if not lex.capitalises_nouns or found.kind != "name" or " " in found.name:
        return False
    if next((i for i in range(first, len(tokens)) if tokens[i].is_word), None) != index:
        return False
    following = next((t for t in tokens[index + 1 :] if t.start >= found.end), None)
    head = found.name.casefold()
    return (
        following is not None
        and following.is_word
        and following.text[:1].islower()
        and following.text.casefold() not in lex.function_words
        and head.endswith(("er", "en", "e"))
        and not head.endswith(lex.abstract_suffixes)
        and head not in lex.function_words
        and head not in lex.skip_words
    )


def _subject_strength(
    found: Mention, tokens: Sequence[Token], index: int, lex: Lexicon, known: frozenset[str], first: int
) -> int:
    strength = speaker_strength(found, tokens, lex, known)
    if strength == 0 and bare_plural_opening(tokens, index, found, lex, first):
        return WEAK  # Datenschützer äußerten Bedenken und warfen … vor
    return strength


def clause_subject(
    tokens: Sequence[Token], lex: Lexicon, known: frozenset[str], first: int = 0, last: int | None = None
) -> Mention | None:
    """Return the clause's first phrase that can be its subject and looks like a speaker.

    Phrases after a preposition (in der ARD), in the accusative or dative (den Unmut, dem
    Minister) and genitive attributes (die Rolle der Partei) are stepped over whole, so the
    subject of a German clause is found wherever the verb-second order puts it:
    *Den Unmut der CDU brachte die Sprecherin … zum Ausdruck* names the Sprecherin.
    """
    stop = len(tokens) if last is None else min(last, len(tokens))
    best: Mention | None = None
    best_strength = 0
    index, subject = _main_clause(tokens, first, stop, lex)
    if subject is not None:
        return subject
    previous: Token | None = None
    while index < stop:
        token = tokens[index]
        text = token.text
        if text in CLAUSE_END:
            break
        if not token.is_word:
            previous = token if text != "," else None
            index += 1
            continue
        folded = text.casefold()
        prev_folded = previous.text.casefold() if previous is not None else ""
        oblique = (
            prev_folded in lex.prepositions
            or folded in _NOT_NOMINATIVE_START
            or folded in lex.prepositions
            or (
                lex.capitalises_nouns
                and folded in GENITIVE_ARTICLES
                and previous is not None
                and previous.is_word
                and previous.is_capitalised
                and prev_folded not in lex.function_words
            )
        )
        starts_phrase = folded in lex.pronouns or folded in lex.determiners or token.is_capitalised
        if starts_phrase and not oblique and folded not in lex.phrase_blockers:
            found = mention_after(tokens, index, lex)
            if found is not None:
                strength = _subject_strength(found, tokens, index, lex, known, first)
                if strength == STRONG:
                    return found
                if strength > best_strength:
                    best, best_strength = found, strength
                index = _index_after(tokens, index, found.end)
                previous = tokens[index - 1]
                continue
        if (oblique and folded not in lex.prepositions) or (
            # der Regierung: an article the nominative reading rejects opens a dative phrase
            starts_phrase and lex.capitalises_nouns and folded in lex.determiners and not oblique
        ):
            found = mention_after(tokens, index, lex, nominative=False)
            if found is not None:
                index = _index_after(tokens, index, found.end)
                if index < stop and tokens[index].text in NAME_OPENERS:
                    # im Fachjournal „Mammal Research Letters“: the quoted name is the phrase's
                    closing = quoted_name_end(tokens, index)
                    index = index if closing is None else closing + 1
                previous = tokens[index - 1]
                continue
        previous = token
        index += 1
    return best


#: English adverbs that open a fronted phrase before the subject (Even before the vote, …).
_FRONTED_ADVERBS: Final = frozenset({"even", "just", "shortly", "soon", "long", "right", "only"})
#: Words that end a fronted English time phrase (Hours later, / Two weeks ago,).
_TIME_PHRASE_ENDS: Final = frozenset({"ago", "later", "earlier", "afterward", "afterwards"})
#: Words that start one (Last month, / Next week,).
_TIME_PHRASE_STARTS: Final = frozenset({"last", "next", "this", "that"})
#: A fronted phrase longer than this is no phrase but the clause itself.
MAX_FRONTED_TOKENS: Final = 20


def past_fronted_phrase(tokens: Sequence[Token], index: int, stop: int, lex: Lexicon) -> int:
    """English: the index after a fronted phrase and its comma (In a Fox interview later, Trump …).

    A clause opening with a preposition or a time adverb puts its subject after the comma that
    closes that phrase; German inverts instead, so German clauses are left as they are.
    """
    if lex.capitalises_nouns or index >= stop:
        return index
    folded = tokens[index].text.casefold()
    opens = folded in lex.prepositions or folded in lex.skip_words or folded in _FRONTED_ADVERBS
    for position in range(index + 1, min(stop, index + MAX_FRONTED_TOKENS)):
        text = tokens[position].text
        if text in CLAUSE_END or text in QUOTE_MARKS:
            return index
        if text == ",":
            # Hours later, / Two weeks ago, / Last month,: a time phrase ends in its own adverb
            time_phrase = position - index <= 4 and (
                tokens[position - 1].text.casefold() in _TIME_PHRASE_ENDS or folded in _TIME_PHRASE_STARTS
            )
            return position + 1 if (opens or time_phrase) and position + 1 < stop else index
    return index


def _main_clause(tokens: Sequence[Token], first: int, stop: int, lex: Lexicon) -> tuple[int, Mention | None]:
    """Where the main clause starts, past a subordinate clause or fronted phrase, or its pronoun subject."""
    index = first
    while index < stop and not tokens[index].is_word:
        index += 1
    if index < stop and not lex.capitalises_nouns:
        subject = _pronoun_after_fronted_clause(tokens, index, stop, lex)
        if subject is not None:
            return index, subject
    if index < stop and tokens[index].text.casefold() in _SUBORDINATORS:
        # Als ein Fluggast zu Hilfe eilte, biss der Randalierer …: the main clause has the subject
        comma = next((i for i in range(index, stop) if tokens[i].text == ","), None)
        if comma is not None:
            index = comma + 1
    fronted = past_fronted_phrase(tokens, index, stop, lex)
    if fronted > index:
        # On Thursday, after staying neutral for months, Warren endorsed: one fronted phrase after another
        second = past_fronted_phrase(tokens, fronted, stop, lex)
        if second == fronted and fronted < stop and tokens[fronted].text.casefold() in _SUBORDINATORS:
            comma = next((i for i in range(fronted, stop) if tokens[i].text == ","), None)
            second = comma + 1 if comma is not None and comma + 1 < stop else fronted
        fronted = second
    return fronted, None


def _pronoun_after_fronted_clause(
    tokens: Sequence[Token], index: int, stop: int, lex: Lexicon
) -> Mention | None:
    """English: Last month, when I asked X about it, he looked up and said — the pronoun after the comma.

    A clause that opens with a time phrase or a subordinate clause (with commas of its own) has
    its subject after the comma that closes them: ", he VERB". A clause starting with its subject
    has no such pronoun (not "Smith, a doctor, said"), so a personal pronoun after a comma and
    before a word is the subject wherever the clause starts.
    """
    if tokens[index].text.casefold() in lex.pronouns:
        return None  # the clause starts with its subject
    found: Mention | None = None
    for position in range(index + 1, stop - 1):
        token = tokens[position]
        if token.text in CLAUSE_END or token.text in QUOTE_MARKS:
            break
        if (
            tokens[position - 1].text == ","
            and token.text.casefold() in lex.pronouns
            and tokens[position + 1].is_word
            and tokens[position + 1].text.casefold() not in lex.pronouns
        ):
            found = Mention(start=token.start, end=token.end, kind="pronoun", name=token.text)
    return found


#: Conjunctions that open a clause before the main one (Als …, / When …,): its subject is not the frame's.
_SUBORDINATORS: Final = frozenset(
    {
        "als",
        "wenn",
        "weil",
        "nachdem",
        "obwohl",
        "bevor",
        "sobald",
        "seitdem",
        "when",
        "after",
        "before",
        "while",
        "although",
        "because",
        "since",
        "as",
        "if",
        "once",
    }
)
#: Words that start a phrase that is not a subject (accusative, dative, genitive articles).
_NOT_NOMINATIVE_START: Final = frozenset(
    {"den", "dem", "des", "einem", "einen", "eines", "seinem", "seinen", "ihrem", "ihren", "seines", "ihres"}
)


def _index_after(tokens: Sequence[Token], index: int, end: int) -> int:
    while index < len(tokens) and tokens[index].start < end:
        index += 1
    return index
