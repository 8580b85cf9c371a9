"""Where a reported clause opens and ends, and whether a verb stands in the sentence's main clause.

The frame rules of ``indirect`` ask these of the tokens around a cue: does a complement open
after it (dass, that, a comma and a clause in Konjunktiv, a quantity after "said"), where does
that clause end, is the cue the verb of a relative or subordinate clause instead, does an
English stretch hold a finite verb (a clause, not an object), and does a cue follow a closing
quotation mark or a relative clause set off by commas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.appositions import apposition_end
from quotekit.quotes.clause_subject import (
    CLAUSE_BREAKS,
    CLAUSE_END,
    GENITIVE_ARTICLES,
    MARK_CLOSERS,
    QUOTE_MARKS,
)
from quotekit.quotes.cues import COORDINATORS, opens_relative_clause
from quotekit.quotes.subjects import GERMAN_SUBORDINATORS
from quotekit.quotes.tail_frame import CLOSING_MARKS, resumes_the_report
from quotekit.quotes.tokens import (
    ADJECTIVE_ENDINGS,
    CONTRACTING_WORDS,
    POSSESSIVE_ENDINGS,
    Mention,
    Token,
    mention_before,
    token_at,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quotekit.quotes.cues import Cue
    from quotekit.quotes.lexicon import Lexicon


#: Words before a number that open an English clause after "said" (said about half of …)
_QUANTITY_OPENERS: Final = frozenset(
    {"about", "around", "nearly", "almost", "roughly", "more", "fewer", "less", "over", "at"}
)
#: Number words a quantity may hold instead of digits
_NUMBER_WORDS: Final = frozenset(
    {"half", "third", "quarter", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands"}
    | {"million", "millions", "billion", "billions", "two", "three", "four", "five", "ten", "twenty"}
    | {"six", "seven", "eight", "nine", "eleven", "twelve", "fifteen", "thirty", "forty", "fifty"}
)


def opens_quantity(folded: list[str], index: int) -> bool:
    """Said about half of the cuts …, said more than 40 people …: a quantity opens the clause."""
    if folded[index] not in _QUANTITY_OPENERS:
        return False
    following = folded[index + 1 : index + 4]
    return any(word[:1].isdigit() or word in _NUMBER_WORDS for word in following)


#: How a clause opens after a cue (clause_opening): a complementizer (dass, that), a comma and a
#: clause in Konjunktiv, a comma right after a speech verb (which needs the verb's subject).
COMPLEMENTIZER: Final = 0
SUBJUNCTIVE: Final = 1
RIGHT_AFTER: Final = 2


def clause_opening(
    tokens: list[Token], folded: list[str], cue: Cue, cue_end_index: int, lex: Lexicon
) -> tuple[int, int, int] | None:
    """The complement clause a few tokens after a verb cue: its opening token, how it opens, its end.

    ``None`` when none opens there before a full stop (or, in German, a comma): then only the
    English "said + clause" frame can still report.
    """
    # dass / that / ob within a few tokens after the cue (skipping the speaker and an object)
    index = cue.index
    limit = min(len(tokens), cue.index + 12)
    while index + 1 < limit:
        index += 1
        word = folded[index]
        if word == "," and lex.capitalises_nouns and index > cue.index + 1 and index != cue_end_index + 1:
            # only after words between the verb and the comma (its subject): right after the verb
            # or its particle, a name opens the report (sagte, Anna Maria Weber sei krank)
            closing = apposition_end(tokens, folded, index, lex)
            if closing is not None:
                # sagte der Leiter der Behörde, Andreas Huber, dass …: the name set off by commas
                # belongs to the speaker; the clause opens after it
                limit = min(len(tokens), limit + closing - index)
                if closing < cue_end_index:
                    index = cue_end_index  # gab …, Andreas Huber, bekannt, dass: the particle follows
                    continue
                index = closing  # the closing comma is read as the one after the speaker
        if word in COORDINATORS and not lex.capitalises_nouns and coordinated_verb(folded, index, lex):
            return None  # said the worst was over, but warned that …: "that" is the next verb's
        if (
            word in lex.complementizers
            and not _inside_marks(tokens, cue_end_index + 1, index)
            and not (
                word == "that" and folded[index + 1 : index + 2] and folded[index + 1] in _TIMES_AFTER_THAT
            )
        ):
            # (a complementiser inside marks is the quote's own: “a silence that nothing fills”)
            return _complementizer_opening(tokens, folded, index, cue_end_index, lex)
        if word in {".", ";", ":"}:
            return None
        if word == "," and lex.capitalises_nouns and folded[index + 1 : index + 2] != ["dass"]:
            closing = _relative_clause_end(tokens, folded, index, cue_end_index, lex)
            if closing is not None:
                # schrieb in einer Erklärung, die … veröffentlicht wurde, sie wolle …: the
                # relative clause describes the noun before it; the report opens after it
                limit = min(len(tokens), limit + closing - index)
                index = closing - 1
                continue
            return _clause_after_comma(tokens, folded, index, cue, cue_end_index, lex)
    return None


def _complementizer_opening(
    tokens: list[Token], folded: list[str], index: int, cue_end_index: int, lex: Lexicon
) -> tuple[int, int, int] | None:
    """The clause a complementiser at ``index`` opens after a cue, or ``None`` when it reports none."""
    word = folded[index]
    if lex.capitalises_nouns and folded[index - 1] != ",":
        return None
    if (
        not lex.capitalises_nouns
        and index - 1 > cue_end_index
        and any(reading.speech for reading in lex.verbs.get(folded[index - 1], ()))
    ):
        return None  # said the driver … shouted that …: "that" is the second verb's
    if not lex.capitalises_nouns and _second_that(folded, cue_end_index, index, lex):
        return None  # said the fault had been fixed but that …: a clause came first
    # … that." / a text ending in "said that": nothing reported after it
    if word == "if" or (word == "that" and (index + 1 >= len(tokens) or not tokens[index + 1].is_word)):
        return None
    start_token = index if lex.capitalises_nouns else index + 1
    return index, COMPLEMENTIZER, reported_clause_end(tokens, start_token, lex)


#: Nouns of time after which English "that" is a determiner (said that day that …)
_TIMES_AFTER_THAT: Final = frozenset(
    {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "time"}
)


def _inside_marks(tokens: list[Token], first: int, index: int) -> bool:
    """Whether ``tokens[index]`` stands inside a quotation opened at or after ``tokens[first]``."""
    closers: frozenset[str] | None = None
    for token in tokens[first:index]:
        if closers is None:
            closers = MARK_CLOSERS.get(token.text)
        elif token.text in closers:
            closers = None
    return closers is not None


#: The most tokens a relative clause between a cue's phrase and the report may hold
_RELATIVE_CLAUSE_TOKENS: Final = 16


def _relative_clause_end(
    tokens: list[Token], folded: list[str], comma: int, cue_end_index: int, lex: Lexicon
) -> int | None:
    """German: the comma closing a relative clause that opens at ``comma`` after a noun, else None.

    In einer Erklärung, die auf ihrer Homepage stand, …: a relative pronoun after a capitalised
    noun, its verb last, then a comma. Not a demonstrative opening a main clause (…, das sei …),
    and only at the first comma after the cue: past one, a relative clause is the report's own
    (meinte, Yang Peiyi, die gesungen hatte, …, wären …).
    """
    if comma < 1 or comma + 1 >= len(tokens) or not tokens[comma - 1].is_capitalised:
        return None
    if "," in folded[cue_end_index + 1 : comma]:
        return None
    if not opens_relative_clause(tokens, comma + 1) or _demonstrative_main_clause(
        tokens, folded, comma + 1, lex
    ):
        return None
    for position in range(comma + 2, min(len(tokens), comma + 2 + _RELATIVE_CLAUSE_TOKENS)):
        text = tokens[position].text
        if text in CLAUSE_END or text in QUOTE_MARKS:
            return None
        if text == ",":
            return position if position + 1 < len(tokens) and tokens[position + 1].is_word else None
    return None


def _second_that(folded: list[str], cue_end_index: int, that: int, lex: Lexicon) -> bool:
    """English: whether "that" joins a second reported clause (said the fault had been fixed but that …).

    A coordinator stands before it and the words since the cue hold a verb of their own (an
    auxiliary or a past), so the cue's first clause opened right after it, with no "that".
    """
    return folded[that - 1] in _CLAUSE_COORDINATORS and any(
        word in lex.auxiliaries or word in IRREGULAR_PASTS_EN or word.endswith("ed")
        for word in folded[cue_end_index + 1 : that - 1]
    )


#: English words that join a second reported clause to the first (and that, but that)
_CLAUSE_COORDINATORS: Final = frozenset({"and", "but"})


def _clause_after_comma(
    tokens: list[Token], folded: list[str], comma: int, cue: Cue, cue_end_index: int, lex: Lexicon
) -> tuple[int, int, int] | None:
    """German: the clause after the first comma past a cue, when it is what was said, else None."""
    if comma + 1 >= len(tokens) or (
        opens_relative_clause(tokens, comma + 1)
        and not _demonstrative_main_clause(tokens, folded, comma + 1, lex)
        and folded[comma + 2 : comma + 3] != ["zu"]  # versprach, das zu prüfen: an infinitive's object
    ):
        return None  # kritisiert, die sagte, …: a relative clause, not what was said
    if (
        not tokens[comma + 1].is_capitalised
        and folded[comma + 2 : comma + 3] != ["zu"]
        and not lex.subjunctive.intersection(folded[comma + 2 : comma + 3])
        and any(reading.speech for reading in lex.verbs.get(folded[comma + 1], ()))
    ):
        return None  # sagte nichts, fügte aber hinzu, dass …: the subject's next verb, not a report
    # Er sagte, die Lage sei ernst: a clause in Konjunktiv after the comma, or any clause right
    # after a speech verb and its comma (erklärte, ihr Land unterstütze …)
    clause_end = reported_clause_end(tokens, comma + 1, lex)
    clause = [f for t, f in zip(tokens, folded, strict=False) if tokens[comma].end <= t.start < clause_end]
    written = [t.text for t in tokens[comma + 1 : comma + 1 + _ARTICLE_NOUN_VERB + 1] if t.is_word]
    if (
        any(word in lex.subjunctive for word in clause)
        or konjunktiv_after_pronoun(clause, lex)
        or konjunktiv_after_noun(written, lex)
        or _demonstrative_main_clause(tokens, folded, comma + 1, lex)  # …, das treffe nicht zu
    ):
        return comma, SUBJUNCTIVE, clause_end
    if folded[comma + 1] in _NO_REPORT_OPENERS and "," not in folded[comma + 2 :]:
        # ließ die WM ausrichten, obwohl es Kritik gab: a clause of concession or cause ends the
        # sentence (not: erklärte, obwohl die Zahlen gut sind, bleibt die Lage ernst)
        return None
    if cue.speech and (
        comma == cue_end_index + 1
        or (
            _adverbials_only(tokens, folded, cue_end_index + 1, comma, lex)
            and _opens_main_clause(folded, comma + 1)
            and not in_embedded_clause(tokens, cue.index)  # nachdem die Polizei informiert hatte, …
        )
    ):
        return comma, RIGHT_AFTER, clause_end
    return None


def _demonstrative_main_clause(tokens: list[Token], folded: list[str], opening: int, lex: Lexicon) -> bool:
    """Whether "das"/"der" at ``opening`` is a main clause's subject in Konjunktiv, not a relative pronoun.

    Er sagte, das sei ein guter Tag: the verb right after the pronoun with more words before the
    clause ends is verb-second, as a relative clause, verb-last, never is (…, das gut sei).
    """
    verb = opening + 1
    if verb + 1 >= len(tokens) or tokens[verb + 1].text in CLAUSE_BREAKS:
        return False
    if folded[verb] in lex.subjunctive:
        return True
    # das treffe nicht zu: any verb in -e after a neuter demonstrative, unless a noun follows it
    # (das große Haus: an adjective); der and die open relative clauses too often (die
    # beispielsweise … warnt) to take more than the table's forms
    return (
        folded[opening] in _NEUTER_DEMONSTRATIVES
        and konjunktiv_i_form(folded[verb], lex)
        and not tokens[verb + 1].is_capitalised
    )


#: Demonstratives that stand for a whole statement (das treffe nicht zu, dies sei falsch)
_NEUTER_DEMONSTRATIVES: Final = frozenset({"das", "dies"})


#: Subordinators whose clause, in the indicative after a cue's comma, says why or despite what,
#: not what was said (wenn and als may open a condition inside a report: sagte, wenn …, dann …)
_NO_REPORT_OPENERS: Final = GERMAN_SUBORDINATORS - {"wenn", "als", "da", "sobald"}

#: The most words between a German speech verb and its comma that leave the clause after it the
#: report (erklärte dagegen, …; sagte am Dienstag im Interview, …)
_ADVERBIAL_WORDS: Final = 4
#: Prepositions of time and place before a capitalised noun in such an adverbial (am Dienstag)
_ADVERBIAL_PREPOSITIONS: Final = frozenset(
    {"am", "im", "beim", "vom", "zum", "in", "auf", "bei", "nach", "vor"}
)
#: Words of the skip-words table that are no adverbial of a frame here (Sie rief laut, …)
_NOT_ADVERBIALS: Final = frozenset({"laut", "zufolge", "man", "sich", "gegenüber"})
#: Words that open no reported main clause after the comma: it is a subordinate or infinitive clause
_NOT_MAIN_CLAUSE: Final = (
    GERMAN_SUBORDINATORS | COORDINATORS | {"um", "damit", "sodass", "falls", "indem", "jedoch", "dass", "ob"}
)


def _adverbials_only(tokens: list[Token], folded: list[str], first: int, comma: int, lex: Lexicon) -> bool:
    """German: whether ``tokens[first:comma]`` are adverbs and time or place phrases only.

    Lower-case words of the skip-words table (dagegen, zudem, außerdem, jedoch, am), and a
    capitalised noun only right after a preposition of time or place (am Dienstag, im Interview).
    An object (den Termin ab, …), a negation (nichts mehr) or a subject after the verb keeps its
    own readings.
    """
    if comma - first > _ADVERBIAL_WORDS or comma <= first:
        return False
    for index in range(first, comma):
        token = tokens[index]
        if not token.is_word:
            return False
        if token.is_capitalised:
            if folded[index - 1] not in _ADVERBIAL_PREPOSITIONS:
                return False
        elif folded[index] not in lex.skip_words or folded[index] in _NOT_ADVERBIALS:
            # dagegen, zudem, am (Dienstag): the adverbs a frame carries; not nichts mehr, laut,
            # leise (Sie sagte nichts mehr, der Saal blieb still: no report)
            return False
    return True


def _opens_main_clause(folded: list[str], index: int) -> bool:
    """Whether the words at ``index`` may open the reported main clause (not weil, um … zu)."""
    return index < len(folded) and folded[index] not in _NOT_MAIN_CLAUSE


#: German subject pronouns of the third person singular, before a verb in Konjunktiv I
_THIRD_PERSON_SINGULAR: Final = frozenset({"er", "sie", "es", "man"})


def konjunktiv_after_pronoun(clause: list[str], lex: Lexicon) -> bool:
    """Er sagte, man prüfe den Fall: a verb in -e right after er/sie/es/man is Konjunktiv I.

    The table of Konjunktiv forms holds the common verbs; the third person singular of any
    other verb is its stem and -e (prüfe, fordere, plane), which after these pronouns no
    indicative form is (er prüft, sie prüfen). Only a pronoun that opens the clause counts
    (not: weil sie müde war).
    """
    return (
        len(clause) > 1
        and clause[0] in _THIRD_PERSON_SINGULAR
        and len(clause[1]) > 3
        and clause[1].endswith("e")
        and clause[1].isalpha()
        and clause[1] not in lex.function_words
    )


def holds_konjunktiv_form(folded: Sequence[str], lex: Lexicon) -> bool:
    """Whether any of the case-folded ``folded`` is a Konjunktiv form the tables know (sei, hätten)."""
    return not (lex.reportive.isdisjoint(folded) and lex.subjunctive.isdisjoint(folded))


def konjunktiv_i_form(word: str, lex: Lexicon) -> bool:
    """Whether ``word``, where a finite verb stands, is a third person Konjunktiv I (prüfe, plane).

    The verb's stem and -e, which no indicative form of the third person is.
    """
    return konjunktiv_after_pronoun(["es", word.casefold()], lex)


def denies(words: Sequence[str], lex: Lexicon) -> bool:
    """Whether the case-folded ``words`` of a verb's clause deny the verb (äußerte sich nicht).

    Not a negation that is part of a phrase: after an article, a possessive or a preposition
    (einen nicht genannten Sprecher, für keinen Fehler), before "nur" or with "sondern" (nicht
    nur …, sondern), or in "nicht oft genug" (said again and again).
    """
    if "sondern" in words:
        return False
    for index, word in enumerate(words):
        if word not in lex.negations:
            continue
        previous = words[index - 1] if index > 0 else ""
        following = words[index + 1 : index + 3]
        if (
            previous in lex.determiners
            or previous in lex.possessives
            or previous in lex.prepositions
            or previous in _ATTRIBUTIVE_ARTICLES
            or following[:1] == ["nur"]
            or following == ["oft", "genug"]
        ):
            continue
        return True
    return False


#: Articles in the oblique cases, which the determiner table leaves out (den, dem, des, einen)
_ATTRIBUTIVE_ARTICLES: Final = frozenset({"den", "dem", "des", "einen", "einem", "eines", "einer"})


def konjunktiv_after_adverb(words: list[str], lex: Lexicon) -> bool:
    """Andernfalls drohe eine Erhöhung: a verb in -e right after an opening adverb is Konjunktiv I.

    ``words``: the sentence's first three words as written. The adverb fills the place before
    the finite verb, so a word in -e there is the verb (drohe, fehle, komme), not an adjective,
    unless a capitalised noun follows it (Auch große Firmen …).
    """
    return (
        lex.capitalises_nouns  # German word order; English "Then came the rain" is no Konjunktiv
        and len(words) > 2  # the adverb, the verb and the word after it
        and words[0].casefold() in lex.skip_words
        and words[1].casefold() not in lex.skip_words  # Jetzt gerade läuft …: two adverbs
        and words[1].islower()
        and not words[2][:1].isupper()
        and konjunktiv_i_form(words[1], lex)
    )


def konjunktiv_after_noun(words: list[str], lex: Lexicon) -> bool:
    """Die Gewerkschaft nehme Pendler in Geiselhaft: a verb in -e after an article and noun is Konjunktiv I.

    ``words``: the clause's first four words as written. The article and its capitalised noun
    (and a name after it: die Stadt Rehnau) fill the place before the finite verb; a lower-case
    word in -e there is the verb, since an adjective stands before its noun and the indicative
    ends in -t or -en. A past in -te counts only as the table's Konjunktiv (die Regierung halte).
    """
    if (
        not lex.capitalises_nouns
        or len(words) < _ARTICLE_NOUN_VERB
        or words[0].casefold() not in lex.determiners
    ):
        return False
    position = 2 if words[2][:1].isupper() and len(words) > _ARTICLE_NOUN_VERB else 1
    if not words[1][:1].isupper():
        return False
    verb = words[position + 1]
    folded = verb.casefold()
    return (
        verb.islower()
        and folded not in lex.skip_words  # die Regierung heute: an adverb
        and folded not in NOT_KONJUNKTIV  # Die Polizei sowie die Feuerwehr, Die Demonstranten alle
        and (not folded.endswith("te") or folded in lex.reportive)  # die Regierung plante: a past
        and konjunktiv_i_form(folded, lex)
    )


def konjunktiv_opening(words: list[str], lex: Lexicon) -> bool:
    """German: whether a sentence's first constituent is followed by a verb in Konjunktiv.

    ``words``: the sentence's first words as written. The finite verb of a German main clause
    stands second, after one constituent: a pronoun (Das sei gelungen), a phrase of time (Bis
    dahin begleite …, Seit Jahresbeginn hätten …), or a noun phrase with its adjectives, a
    genitive and an "allein" (Der Ofen allein koste …, Die Supermärkte der Umgebung gäben …,
    Bund und Land übertrügen …). The verb there is Konjunktiv when it is one of the table's
    forms or a verb in -e (the indicative ends in -t or -en). Read after a report only: the
    Konjunktiv goes on reporting its speaker.
    """
    if not lex.capitalises_nouns or not words:
        return False  # a sentence of numbers or stars holds no word
    at = _first_constituent_end(words, lex)
    if at is None or at >= len(words):
        return False
    verb = words[at]
    folded = verb.casefold()
    if not verb.islower() or folded in NOT_KONJUNKTIV or folded in lex.skip_words:
        return False
    if folded in lex.subjunctive and folded not in lex.reportive and not folded.endswith("en"):
        # Das wäre undenkbar gewesen: a singular Konjunktiv II is the writer's conditional as
        # often as the speaker's (the singular Konjunktiv I differs from the indicative)
        return False
    return (folded in lex.subjunctive and folded not in _PAST_ALIKE) or (
        (not folded.endswith("te") or folded in lex.reportive) and konjunktiv_i_form(folded, lex)
    )


def _first_constituent_end(words: list[str], lex: Lexicon) -> int | None:  # noqa: PLR0911 - one return per constituent
    """The index of the word after a German sentence's first constituent, or None if unread."""
    first = words[0].casefold()
    if (
        first in _DEMONSTRATIVE_SUBJECTS
        and len(words) > 1
        and words[1].islower()
        and not (len(words) > 2 and words[2][:1].isupper())  # Das junge Mädchen: an article
    ):
        return 1  # Das sei gelungen; Dies gelte auch
    opening = 0
    if first in lex.prepositions:
        opening = 1
        if len(words) > 1 and words[1].islower() and words[1].casefold() in _ADVERBS_AFTER_PREPOSITION:
            return 2  # Bis dahin, Ab sofort
    bare = opening == 0 and first not in _PHRASE_OPENERS
    position = _noun_phrase_end(words, opening, lex)
    if position is None:
        return None
    if bare and not (position + 1 < len(words) and words[position] == "und"):
        # Vielleicht hätte er …: a capitalised word opening the sentence may be an adverb; a
        # noun without its article is read only when coordinated (Bund und Land übertrügen)
        return None
    if position < len(words) and words[position].casefold() in _FOCUS_ADVERBS:
        position += 1  # Der Ofen allein koste
    if not bare and position + 1 < len(words) and words[position].casefold() in lex.prepositions:
        position = _noun_phrase_end(words, position + 1, lex)  # Die Schäden im Nordteil (des Waldes)
        if position is None:
            return None
    if position + 1 < len(words) and words[position].casefold() in GENITIVE_ARTICLES:
        return _noun_phrase_end(words, position + 1, lex, article=False)  # Die Supermärkte der Umgebung
    if position + 1 < len(words) and words[position] == "und" and position <= _COORDINATED_HEAD and bare:
        return _noun_phrase_end(words, position + 1, lex)  # Bund und Land
    return position


def _noun_phrase_end(words: list[str], position: int, lex: Lexicon, *, article: bool = True) -> int | None:
    """The index after a noun phrase at ``position``: an article, adjectives in -e/-en/-er, a noun."""
    if article and position < len(words) and words[position].casefold() in _PHRASE_OPENERS:
        position += 1
    # adjectives: lower-case words with an adjective's ending before the noun (die steigenden Preise)
    while (
        position < len(words)
        and words[position].islower()
        and words[position].endswith(ADJECTIVE_ENDINGS)
        and words[position].casefold() not in lex.function_words
    ):
        position += 1
    if position >= len(words) or not words[position][:1].isupper():
        return None
    position += 1
    # a name after a noun (die Stadt Rehnau) or a compound name (Hans-Jürgen Ossenkamp)
    if position < len(words) and words[position][:1].isupper() and position + 1 < len(words):
        position += 1
    return position


#: Konjunktiv II forms that are the indicative past too (Die Bank wollte das nicht bestätigen)
_PAST_ALIKE: Final = frozenset({"wollte", "wollten", "sollte", "sollten"})
#: Pronouns that fill the place before the finite verb on their own
_DEMONSTRATIVE_SUBJECTS: Final = frozenset({"das", "dies", "dieses", "er", "sie", "es", "man"})
#: Adverbs that close a phrase with a preposition before the finite verb (bis dahin, ab sofort)
_ADVERBS_AFTER_PREPOSITION: Final = frozenset(
    {"dahin", "sofort", "jetzt", "heute", "morgen", "dato", "anhin"}
)
#: Words that open a noun phrase: articles, demonstratives, possessives and quantifiers
_PHRASE_OPENERS: Final = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "dieser",
        "diese",
        "dieses",
        "jeder",
        "jede",
    }
    | {"viele", "einige", "mehrere", "manche", "zahlreiche", "wenige", "alle", "sein", "seine", "ihr", "ihre"}
    | {"unser", "unsere", "kein", "keine"}
)
#: Adverbs that may follow a noun phrase before its verb (Der Ofen allein koste)
_FOCUS_ADVERBS: Final = frozenset({"allein", "selbst", "alleine"})
#: The latest place a coordinated second noun may start from (Bund und Land)
_COORDINATED_HEAD: Final = 2


#: Words in -e that are no verb where a Konjunktiv I would stand (Sie beide gingen, Die Polizei
#: sowie die Feuerwehr)
NOT_KONJUNKTIV: Final = frozenset({"beide", "alle", "selbe", "einzige", "erste", "letzte", "spie", "sowie"})

#: An article, its noun and the verb after them
_ARTICLE_NOUN_VERB: Final = 3


#: Fewest words an infinitive report has (kündigte an, zurückzutreten)
MIN_INFINITIVE_WORDS: Final = 1


def ends_in_zu_infinitive(tokens: list[Token], content: tuple[int, int], lex: Lexicon) -> bool:
    """German: whether the clause ``content`` ends in an infinitive with zu (zu prüfen, einzulegen).

    "zu" before the last word, or inside it after a separable particle of the cue table
    (ein-zu-legen, ab-zu-schaffen).
    """
    if not lex.capitalises_nouns:
        return False
    inside = [t for t in tokens if content[0] <= t.start < content[1] and t.is_word]
    if not inside or inside[0].text.casefold() in _PURPOSE_OPENERS:
        return False  # sagte, um zu helfen: a purpose, not what was said
    last = inside[-1].text
    if not last.islower() or not last.endswith("en"):
        return False
    if len(inside) > 1 and inside[-2].text == "zu":
        return True
    return any(
        last.startswith(particle + "zu") and len(last) - len(particle) - 2 >= _SHORTEST_INFINITIVE
        for particle in lex.particles
    )


#: Words opening an infinitive of purpose or manner (um zu helfen, ohne zu zögern)
_PURPOSE_OPENERS: Final = frozenset({"um", "ohne", "statt", "anstatt"})
#: Letters of the shortest verb after "zu" in one word (ein-zu-gehen)
_SHORTEST_INFINITIVE: Final = 4


def text_after(tokens: list[Token], offset: int) -> tuple[int, int]:
    """The stretch from the first word at or after ``offset`` to the sentence's end (empty: none)."""
    index = token_at(tokens, offset)
    while index < len(tokens) and not tokens[index].is_word:
        index += 1
    if index >= len(tokens):
        return offset, offset
    return tokens[index].start, tokens[-1].end


def reported_clause_end(tokens: list[Token], start: int, lex: Lexicon) -> int:
    """Return the end of the reported clause: the sentence end, or a comma before a new quote."""
    end = tokens[-1].end
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.text == ":":
            return token.start
        if token.text in {",", ";"} and index + 1 < len(tokens):
            following = tokens[index + 1]
            if following.text in {"“", '"', "„", "»", "«"}:
                return token.start
            if (
                following.is_word
                and lex.capitalises_nouns
                and any(not r.participle for r in lex.cue(following.text))
            ):
                return token.start  # …, antwortete Rutte: the main clause resumes with a cue
            if not lex.capitalises_nouns and resumes_the_report(tokens, index + 1):
                return token.start  # …, a claim disputed by police data: the writer's words
    return end


#: German words that open a clause with its verb at the end, besides relative pronouns
_VERB_FINAL_OPENERS: Final = GERMAN_SUBORDINATORS | {"dass", "ob", "weshalb", "wobei", "womit"}


def in_embedded_clause(tokens: list[Token], index: int) -> bool:
    """German: whether ``tokens[index]`` stands in a relative or subordinate clause.

    Landrat Ostholt, der wochenlang in der Kritik gestanden hatte, …: the verb of the clause
    after "der" (or weil, dass, als …) is not the sentence's own, so it reports no speech act.
    """
    comma = next((position for position in range(index - 1, -1, -1) if tokens[position].text == ","), -1)
    opening = comma + 1
    if opening >= index:
        return False
    if tokens[opening].text.casefold() in _VERB_FINAL_OPENERS:
        # Da kritisierte der Minister …: the verb right after "da" or "als" makes it an adverb
        # of a main clause (verb second), not a subordinate clause's conjunction
        return index != opening + 1
    # a relative pronoun opens its clause after a comma; first in the sentence, "Das erklärte
    # ein Sprecher" opens with a demonstrative
    return comma >= 0 and opens_relative_clause(tokens, opening)


#: English finite verbs spelling does not mark (irregular pasts news uses most)
IRREGULAR_PASTS_EN: Final = frozenset(
    {"went", "made", "took", "got", "gave", "came", "knew", "thought", "found", "left", "felt"}
    | {"became", "began", "kept", "held", "brought", "ran", "won", "lost", "paid", "met", "sent"}
    | {"built", "spent", "stood", "led", "fell", "rose", "cut", "put", "set", "hit", "let", "cost"}
    | {"said", "told", "saw", "heard", "meant", "sold", "bought", "fought", "taught", "caught"}
    | {"broke", "spoke", "wrote", "grew", "drew", "flew", "threw", "chose", "drove", "rode", "shot"}
    | {"struck", "fled", "sank", "slid", "swung", "sought", "stuck", "dealt", "froze", "shook"}
    | {"stole", "swept", "understood", "withdrew", "forgot", "hung", "lent", "sat", "slept", "wore"}
)


def has_finite_verb(tokens: list[Token], first: int, end: int, lex: Lexicon) -> bool:
    """English: whether ``tokens[first:]`` up to ``end`` hold a finite verb, as a clause does.

    An auxiliary or modal (also contracted: he'd, there's), a past in -ed, a common irregular
    past, or a present in -s after a word that is not an article (the plan works; not: its
    yoghurts).
    """
    previous = ""
    for token in tokens[first:]:
        if token.start >= end:
            break
        word = token.text.casefold().replace("’", "'")
        if (
            word in lex.auxiliaries
            or word in IRREGULAR_PASTS_EN
            or word.endswith(("ed", "n't", "'d", "'ll", "'re", "'ve", "'m"))
            or (word.endswith("'s") and word[:-2] in CONTRACTING_WORDS)
            or (
                word.endswith("s")
                and previous
                and previous not in lex.determiners
                and not previous.endswith(POSSESSIVE_ENDINGS)  # the airport's operations director
                and not (previous[:1].isdigit() or previous in _NUMBER_WORDS)  # forty metres
                and token.is_word
            )
        ):
            return True
        previous = word
    return False


#: Words that open a relative clause set off by commas (Greene, who voted no, said …)
_RELATIVE: Final = frozenset({"who", "which", "whose", "whom"})


def before_relative_clause(
    tokens: list[Token], folded: list[str], comma: int, lex: Lexicon
) -> Mention | None:
    """Return the name before ", who …," when the comma at ``comma`` closes such a clause."""
    for index in range(comma - 1, max(0, comma - 15), -1):
        if folded[index] == ",":
            if index + 1 < len(folded) and folded[index + 1] in _RELATIVE:
                return mention_before(tokens, index, lex)
            return None
    return None


def after_a_quote(tokens: list[Token], cue_index: int, lex: Lexicon) -> bool:
    """Whether the cue follows a closing quotation mark, with a comma or not ("…," said X).

    An auxiliary and a pronoun may stand between (French « … », a-t-elle déclaré: the tokens
    a, elle, déclaré).
    """
    position = cue_index - 1
    if (
        position >= 1
        and tokens[position].text.casefold() in lex.pronouns
        and tokens[position - 1].text.casefold() in lex.auxiliaries
    ):
        position -= 2
    if position >= 0 and tokens[position].text == ",":
        position -= 1
    return position >= 0 and tokens[position].text in CLOSING_MARKS


#: English verbs that, joined by "and" without a comma, go on reporting (said X and added that …)
_REPORTING_ON: Final = frozenset({"add", "note", "stress", "warn", "insist"})


def participle_clause(folded: list[str], index: int, lex: Lexicon) -> bool:
    """English ", adding that …", ", saying that …": a comma, a verb of speaking in -ing, "that".

    The clause goes on with the sentence's subject speaking: what was reported before the
    comma ends there.
    """
    return (
        not lex.capitalises_nouns
        and folded[index] == ","
        and index + 2 < len(folded)
        and folded[index + 1] in _GOING_ON_SPEAKING
        and folded[index + 2] in {"that", ":"}
    )


#: -ing forms by which the sentence's subject goes on speaking (…, adding that …); not asking,
#: shouting, chanting, whose subject may be the report's own (police were searching the area,
#: asking residents to stay indoors)
_GOING_ON_SPEAKING: Final = frozenset(
    {"adding", "noting", "saying", "arguing", "insisting", "stressing", "explaining", "acknowledging"}
    | {"suggesting", "claiming", "warning", "conceding", "emphasizing", "emphasising", "pointing"}
)


def coordinated_verb(folded: list[str], index: int, lex: Lexicon) -> bool:
    """Whether ``folded[index]`` joins a second speech verb of the same subject to a finished report.

    ", but warned", ", and added", ", und fügte hinzu" (a comma before the conjunction), or
    "and added" without one; not "entered the store and told customers …", where the second
    verb belongs to the report.
    """
    if index < 1 or folded[index] not in COORDINATORS or index + 1 >= len(folded):
        return False
    readings = lex.verbs.get(folded[index + 1], ())
    if not readings:
        return False
    return folded[index - 1] == "," or any(reading.lemma in _REPORTING_ON for reading in readings)


def has_predicate_word(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """German: whether ``tokens[start:end]`` hold a lower-case word that is no function word.

    Die Sprecherin schwieg / zeigte sich erleichtert: a clause with its verb; Vorstandsvorsitzender
    von Transparency International: a phrase in apposition, no verb of its own.
    """
    return any(
        token.is_word
        and not token.is_capitalised
        and ((word := token.text.casefold()) in lex.auxiliaries or word not in lex.function_words)
        for token in tokens[start:end]
    )


def clause_before(tokens: list[Token], comma: int) -> int:
    """The index of the first token of the clause ``tokens[comma]`` closes (after the comma before it)."""
    opening = comma
    while opening > 0 and tokens[opening - 1].text != ",":
        opening -= 1
    return opening
