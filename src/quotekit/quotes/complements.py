"""A verb cue's complement clause: the report it frames, and who speaks it.

sagte Rutte, dass …; Er sagte, die Lage sei ernst; Smith said (that) …; X told reporters he …:
where the clause opens and ends is read first (:func:`quotekit.quotes.clauses.clause_opening`,
or for English the clause after "said" past a time, a place or an addressee), and the speaker
only after a cue that opens one, since most sentences with a cue word report nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from quotekit.quotes.clauses import (
    COMPLEMENTIZER,
    MIN_INFINITIVE_WORDS,
    RIGHT_AFTER,
    after_a_quote,
    before_relative_clause,
    clause_before,
    clause_opening,
    denies,
    ends_in_zu_infinitive,
    has_finite_verb,
    has_predicate_word,
    konjunktiv_after_pronoun,
    opens_quantity,
    reported_clause_end,
)
from quotekit.quotes.cues import governing_verb, opens_relative_clause
from quotekit.quotes.frames import speaker_of
from quotekit.quotes.relative import relative_antecedent, relative_pronoun
from quotekit.quotes.reports import fact_demonstrative, report_candidate
from quotekit.quotes.subjects import GERMAN_SUBORDINATORS, sentence_subject
from quotekit.quotes.tail_frame import MIN_CONTENT_WORDS, OPENING_MARKS, opens_clause
from quotekit.quotes.tokens import token_at

if TYPE_CHECKING:
    from collections.abc import Mapping

    from quotekit.quotes.candidate import Candidate
    from quotekit.quotes.cues import Cue
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.tokens import Mention, Token

__all__ = ["complement_report"]

#: Words of a time or place phrase between "said" and its clause: said at a news conference he …
_ADVERBIAL_WORDS: Final = 6
#: Words of the addressee phrase before the report: told the two reporters he …
_ADDRESSEE_WORDS: Final = 4
_CLAUSE_STARTERS_EN: Final = frozenset(
    {
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "there",
        "this",
        "that",
        "his",
        "her",
        "their",
        "our",
        "its",
        "no",
        "some",
        "many",
        "most",
        "all",
        "if",
    }
)


def complement_report(  # noqa: PLR0911, PLR0912 - one return per way the frame fails
    text: str,
    tokens: list[Token],
    folded: list[str],
    cue: Cue,
    lex: Lexicon,
    times: Mapping[int, int],
    *,
    speaker: Mention | None = None,
) -> Candidate | None:
    """Return the report a verb cue introduces; ``speaker`` stands in when the cue names none.

    ``times`` maps the start of each of the document's time expressions to its end.
    """
    if (
        lex.capitalises_nouns and cue.lemma in lex.naming and cue.lemma not in lex.impersonal
    ) or _denied_infinitive(tokens, folded, cue, lex):
        # wie ihn Lokalblätter nennen, …: naming verbs report no clause; konnte nicht sagen, ob …,
        # wollte nicht bestätigen, dass …: nothing was said
        return None
    cue_end_index = cue.index
    while cue_end_index + 1 < len(tokens) and tokens[cue_end_index + 1].end <= cue.end:
        cue_end_index += 1
    # Es hieß, …; Zunächst hieß es, …: an impersonal frame reports with no one as its speaker
    impersonal = cue.lemma in lex.impersonal and "es" in folded[max(0, cue.index - 1) : cue.index + 2]
    if impersonal and cue_end_index + 1 < len(tokens) and folded[cue_end_index + 1] == "es":
        cue_end_index += 1  # hieß es, man prüfe …: the clause opens right after "es"
    # Where the reported clause opens does not depend on who speaks: it is read first, and
    # the speaker (the dearest step) only looked for after a cue that opens one (most
    # sentences with a cue word report nothing: "want to", "see the point")
    opening = clause_opening(tokens, folded, cue, cue_end_index, lex)
    after = -1
    if opening is None:
        if lex.capitalises_nouns:
            return None
        after = _clause_after(tokens, folded, cue, cue_end_index, lex, times)
        if after < 0:
            return None
    mention, complementizer_opens = _not_the_complementizer(
        tokens, cue, _speaker(tokens, folded, cue, speaker, lex), opening, lex
    )
    # Senator Holt, who said …; Ministerin Roth, die sagte, …: the pronoun is the mention, the
    # phrase before its comma whom it means (a pronoun meaning no one frames no report)
    pronoun = relative_pronoun(tokens, folded, mention)
    antecedent = (
        None if pronoun is None else relative_antecedent(tokens, token_at(tokens, pronoun.start) - 1, lex)
    )
    if pronoun is not None and antecedent is None:
        return None
    mention = pronoun or mention
    if fact_demonstrative(mention, tokens, cue, lex) or (
        mention is None
        and not (
            lex.capitalises_nouns
            and cue.index + 2 < len(tokens)
            and folded[cue.index + 1 : cue.index + 3] == [",", "dass"]
        )
        and not (cue.end > tokens[cue.index].end)
        and not impersonal
    ):
        # no speaker, unless the cue plainly opens a dass-clause (fügte aber hinzu, dass …)
        return None
    if opening is not None:
        index, kind, clause_end = opening
        if kind == RIGHT_AFTER and (mention is None or impersonal):
            # Nun heißt es, die Daumen zu drücken; Das heißt es, wenn …: an impersonal frame
            # reports only a clause in Konjunktiv or with dass
            return None
        start_token = index if kind == COMPLEMENTIZER and complementizer_opens else index + 1
        content = (tokens[start_token].start, clause_end)
        found = report_candidate(
            text,
            tokens,
            content,
            mention,
            (cue.start, cue.end),
            "indirect",
            antecedent=antecedent,
            # kündigte an, Revision einzulegen: an infinitive and its object say it all (not
            # drohen, whose infinitive is what threatens to happen: drohte, einzustürzen)
            min_words=MIN_INFINITIVE_WORDS
            if (ends_in_zu_infinitive(tokens, content, lex) and cue.lemma not in lex.act_needs)
            or _pronoun_and_konjunktiv(folded, start_token, lex)
            else MIN_CONTENT_WORDS,
        )
        if found is not None and impersonal and mention is None:
            found.inherit = False  # nobody said it: the last speaker does not stand in
        return found
    # English: said + clause (the speaker precedes the cue)
    if mention is None or mention.end > tokens[cue.index].start:
        return None
    content = (tokens[after].start, reported_clause_end(tokens, after, lex))
    if not has_finite_verb(tokens, after, content[1], lex):
        return None  # recalled its yoghurts on Friday: an object, not a clause
    return report_candidate(
        text, tokens, content, mention, (cue.start, cue.end), "indirect", antecedent=antecedent
    )


def _denied_infinitive(tokens: list[Token], folded: list[str], cue: Cue, lex: Lexicon) -> bool:
    """Whether the cue is an infinitive its modal's clause negates (konnte nicht vorhersagen, …)."""
    governor = governing_verb(tokens, cue.index, lex) if cue.kind == "verb" else None
    return governor is not None and denies(folded[governor + 1 : cue.index], lex)


def _not_the_complementizer(
    tokens: list[Token], cue: Cue, mention: Mention | None, opening: tuple[int, int, int] | None, lex: Lexicon
) -> tuple[Mention | None, bool]:
    """The speaker, when ``mention`` is read from the report's own opening, and whether that opening holds.

    … but did note that he had won: "that he" opens the report and names no speaker; the subject
    is the sentence's, before the cue. Without one the phrase after "that" stands in, and the
    report opens after "that" (``False``); else it opens with its complementiser, as the
    corpora annotate it (``True``).
    """
    if (
        mention is None
        or opening is None
        or opening[1] != COMPLEMENTIZER
        or mention.start < tokens[opening[0]].start
    ):
        return mention, True
    subject = sentence_subject(tokens[: cue.index], lex, frozenset())
    return subject or mention, subject is not None


def _speaker(
    tokens: list[Token], folded: list[str], cue: Cue, speaker: Mention | None, lex: Lexicon
) -> Mention | None:
    """Who speaks by a verb cue: its subject, else ``speaker`` or the one before a clause."""
    mention = speaker_of(tokens, cue, lex)
    if mention is None and cue.kind == "verb" and any(r.participle for r in lex.cue(tokens[cue.index].text)):
        # Das Land hatte erklärt, …: "erklärt" is finite and participle alike; read as the
        # participle, the subject sits by the auxiliary
        mention = speaker_of(tokens, attrs.evolve(cue, kind="participle"), lex)
    if mention is not None and speaker is not None and mention.end > tokens[cue.index].start:
        mention = None  # the cue's phrase after it is an object (and suggested that …)
    if mention is None and speaker is None and cue.index > 0 and folded[cue.index - 1] == ",":
        if not lex.capitalises_nouns:
            speaker = before_relative_clause(tokens, folded, cue.index - 1, lex) or sentence_subject(
                tokens, lex, frozenset()
            )  # Greene, who voted no, said …; …, saying a penalty was needed
        elif cue.kind == "verb" and cue.speech and folded[0] not in GERMAN_SUBORDINATORS:
            # Die Sprecherin schwieg, betonte aber, …: a finite verb after the comma goes on
            # with the subject of the clause before it (the last one, when commas join several)
            opening = clause_before(tokens, cue.index - 1)
            if has_predicate_word(tokens, opening, cue.index - 1, lex) and not (
                opening > 0 and opens_relative_clause(tokens, opening)
            ):  # not an apposition, nor a relative clause (X, die …, sagte)
                speaker = sentence_subject(tokens[opening : cue.index - 1], lex, frozenset())
    return mention or speaker


def _clause_after(
    tokens: list[Token],
    folded: list[str],
    cue: Cue,
    cue_end_index: int,
    lex: Lexicon,
    times: Mapping[int, int],
) -> int:
    """English: the token opening the clause after "said" (past a time, place, addressee), or -1."""
    after = cue_end_index + 1
    if after >= len(tokens):
        return -1
    if after_a_quote(tokens, cue.index, lex):
        return -1  # "…," said Mark Ortiz, an analyst: an inverted frame names its speaker
    time_end = times.get(tokens[after].start)
    quantity = opens_quantity(folded, after) and cue.lemma not in lex.addressee_verbs
    if time_end is not None:
        # said Tuesday it would …, said last week the plan …: the report follows the time
        after = token_at(tokens, time_end)
        if after >= len(tokens):
            return -1
    elif quantity:
        pass  # said about half of the cuts …, said more than 40 people …: the clause opens here
    elif folded[after] in lex.prepositions and folded[after] not in {"that", "as", "than", "like"}:
        # said on Monday it would cut jobs / said in a statement they had agreed: the clause
        # after the time or place phrase, opened by a subject pronoun
        window = range(after + 1, min(len(tokens), after + _ADVERBIAL_WORDS + 1))
        opening = next(
            (
                i
                for i in window
                # decided against raising it: a pronoun after an -ing form is its object
                if (opens_clause(folded[i]) and not folded[i - 1].endswith("ing")) or not tokens[i].is_word
            ),
            None,
        )
        if opening is not None and tokens[opening].is_word:
            after = opening
    if cue.lemma in lex.addressee_verbs:
        # told reporters he was confident: the phrase after the verb is whom it was told to,
        # and the report is the clause a subject pronoun opens after it ("that" was found
        # above); "told reporters after the meeting" reports nothing
        window = range(after, min(len(tokens), after + _ADDRESSEE_WORDS + 1))
        after = next(
            (
                i
                for i in window
                if opens_clause(folded[i], lex.pronouns)
                # told reporters the deal was dead: an article after the addressee, not
                # after a preposition (told reporters at the meeting)
                or (
                    i > after
                    and folded[i] in {"the", "a", "an"}
                    and tokens[i - 1].is_word
                    and folded[i - 1] not in lex.prepositions
                    and folded[i - 1] not in lex.function_words
                )
            ),
            len(tokens),
        )
        if after >= len(tokens):
            return -1
    if (
        quantity
        or tokens[after].text in OPENING_MARKS
        or (
            tokens[after].is_word
            and (
                folded[after] in lex.pronouns
                or folded[after] in _CLAUSE_STARTERS_EN
                or (
                    folded[after] not in lex.function_words
                    and not lex.cue(tokens[after].text)
                    and not folded[after].endswith("ly")
                )
            )
        )
    ):
        return after
    return -1


def _pronoun_and_konjunktiv(folded: list[str], start: int, lex: Lexicon) -> bool:
    """German: whether a pronoun and a verb in Konjunktiv open the clause at ``start`` (sagte, es reiche).

    Two words make a whole reported clause then, though most reports need more.
    """
    clause = folded[start : start + 2]
    if len(clause) == 2 and clause[1].endswith("te") and clause[1] not in lex.reportive:
        return False  # Der Reporter fragte nach, sie lachte: a past, no Konjunktiv
    return len(clause) == 2 and (
        konjunktiv_after_pronoun(clause, lex) or (clause[0] in _PRONOUNS and clause[1] in lex.reportive)
    )


#: Subject pronouns before a reported verb
_PRONOUNS: Final = frozenset({"er", "sie", "es", "man", "das"})
