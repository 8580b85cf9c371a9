"""German reports without a cue verb framing its speaker's clause: a speech act, a passive, a view held.

Beside the frames of ``indirect`` (a cue verb, its speaker and its complement clause), German
reports speech in three more shapes: a speech act reported without its words (Die Armeeleitung
sprach von einem Absturz: the sentence is the report, its subject the speaker); a speech verb in
the passive, which reports the clause after its comma by no one the sentence names (Ihr wird
vorgeworfen, …); and a noun of a view held, whose clause the subject before it holds (Der
Verband ist der Meinung, dass …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.clause_subject import CLAUSE_END
from quotekit.quotes.clauses import (
    clause_before,
    denies,
    has_predicate_word,
    in_embedded_clause,
    reported_clause_end,
)
from quotekit.quotes.cues import governing_verb
from quotekit.quotes.frames import speaker_of
from quotekit.quotes.reports import report_candidate
from quotekit.quotes.subjects import GERMAN_SUBORDINATORS, sentence_subject
from quotekit.quotes.tokens import ADJECTIVE_ENDINGS, token_at

if TYPE_CHECKING:
    from quotekit.quotes.candidate import Candidate
    from quotekit.quotes.cues import Cue
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.tokens import Mention, Token

__all__ = ["held_view_report", "passive_report", "speech_act_report"]

#: Tokens that end the clause a speech verb opens
_CLAUSE_ENDS: Final = CLAUSE_END | {",", "(", ")"}


#: Conjunctions that join a second verb of the subject (verwies auf … und möchte …)
_JOINING: Final = frozenset({"und", "oder", "sowie"})

#: German forms of "werden" before a participle in the passive (wird vorgeworfen, wurde befürchtet)
_PASSIVE_AUXILIARIES: Final = frozenset({"wird", "wurde", "werde", "würde", "wurden", "werden"})
#: How many tokens before the participle the passive auxiliary may stand (wird unter anderem vorgeworfen)
_PASSIVE_REACH: Final = 4


def speech_act_report(
    text: str, tokens: list[Token], folded: list[str], cue: Cue, lex: Lexicon
) -> Candidate | None:
    """Die Armeeleitung sprach von einem Absturz: a speech act reported without its words.

    German news reports speech acts in one sentence (warnte vor, sprach von, kritisierte);
    the sentence is the report. Only finite speech verbs with a subject count.
    """
    if (
        not cue.speech
        or cue.kind != "verb"
        or cue.lemma in lex.naming
        or in_embedded_clause(tokens, cue.index)
        # Die Regierung will die Bevölkerung informieren; konnte niemand bestätigen: an
        # infinitive under a modal or causative is an intent or an ability, no act reported
        or governing_verb(tokens, cue.index, lex) is not None
    ):
        return None
    if not _act_reported(tokens, folded, cue, lex):
        return None
    mention = _subject_before_comma(tokens, cue, lex) or speaker_of(tokens, cue, lex)
    if (
        mention is None
        or (
            mention.kind == "role"
            and tokens[0].text.casefold() not in lex.determiners
            # Da warnte der Minister vor …: the subject right after the fronted verb
            and not (cue.index + 1 < len(tokens) and mention.start == tokens[cue.index + 1].start)
        )
        or mention.name.casefold() in lex.back_references  # Das sagte nichts aus: no speaker
    ):
        return None
    return report_candidate(
        text,
        tokens,
        (tokens[0].start, tokens[-1].end),
        None,
        (cue.start, cue.end),
        "indirect",
        speaker=mention,
    )


def _subject_before_comma(tokens: list[Token], cue: Cue, lex: Lexicon) -> Mention | None:
    """Semra Aydın zeigte sich erleichtert, forderte aber …: the subject of the clause before the comma.

    A finite verb right after a comma (an adverb such as "aber" may follow it) has no subject
    of its own; the phrase after it is its object.
    """
    comma = cue.index - 1
    if (
        comma < 1
        or tokens[comma].text != ","
        or cue.index + 1 >= len(tokens)
        or not tokens[cue.index + 1].is_word
    ):
        return None  # Er schwieg, forderte: nothing after the verb
    opening = clause_before(tokens, comma)
    if (
        opening > 0
        or tokens[opening].text.casefold() in GERMAN_SUBORDINATORS
        or not has_predicate_word(tokens, opening, comma, lex)
    ):
        # Als die Feuerwehr eintraf, …; X, Vorstandschef von Y, äußerte sich; X, die …, spricht:
        # only a main clause opening the sentence lends its subject
        return None
    return sentence_subject(tokens[opening:comma], lex, frozenset())


def _act_reported(tokens: list[Token], folded: list[str], cue: Cue, lex: Lexicon) -> bool:
    """Whether the sentence around a speech verb reports that something was said.

    Not when the sentence is a frame of its own (Wie die Stadt bekannt gab,), the verb is
    negated in its clause (äußerte sich nicht, äußerte sich bislang nicht zu …, sagte dazu
    nichts), stands in brackets (Wikinews berichtete), is an adjective before its noun (eine
    oft beklagte Lücke), or its clause lacks the word its speech reading needs (besteht aus,
    not bestand darauf, Mit einer Klage drohte …: ``act_needs`` in the cue-verb table).
    """
    index = cue.index
    if folded[0] in lex.as_words:
        return False
    clause_start = next((i + 1 for i in range(index - 1, -1, -1) if folded[i] in _CLAUSE_ENDS), 0)
    clause_end = next((i for i in range(index + 1, len(folded)) if folded[i] in _CLAUSE_ENDS), len(folded))
    # verwies auf … und möchte keine Ursache ausschließen: what follows "und" is a clause of
    # its own ("aber" is no end: right after the verb it is an adverb, sagte aber nichts)
    clause_end = next(
        (
            i
            for i in range(index + 2, clause_end - 1)
            if folded[i] in _JOINING
            # und möchte …: a verb after "und" (not: Merkel und Scholz, die Polizei und die Feuerwehr)
            and tokens[i + 1].text[:1].islower()
            and folded[i + 1] not in lex.function_words
            and folded[i + 1] not in lex.determiners
        ),
        clause_end,
    )
    clause = folded[index + 1 : clause_end]
    needs = lex.act_needs.get(cue.lemma)
    if needs is not None and needs.isdisjoint(folded[clause_start:clause_end]):
        return False
    if denies(clause, lex):
        return False  # äußerte sich nicht (kritisierte nicht nur …, sondern: no negation)
    opening = next((i for i in range(index - 1, -1, -1) if folded[i] in {"(", ")"}), None)
    if opening is not None and folded[opening] == "(":
        return False  # (Wikinews berichtete), (die Zeitung berichtete darüber)
    return not (
        index + 1 < len(tokens)
        and folded[index].endswith(ADJECTIVE_ENDINGS)
        and tokens[index + 1].is_capitalised
        and index >= 2
        and (folded[index - 1] in lex.determiners or folded[index - 2] in lex.determiners)
        and not tokens[index - 1].is_capitalised
    )


def passive_report(
    text: str, tokens: list[Token], folded: list[str], lex: Lexicon, openings: list[int]
) -> Candidate | None:
    """German: Ihr wird vorgeworfen, …; Es wurde befürchtet, dass …: a speech verb in the passive.

    The participle of a verb of speaking or belief after a form of "werden", then its comma:
    the clause after it is reported, by no one the sentence names.
    """
    if not lex.capitalises_nouns:
        return None
    for index in openings:
        if index + 2 >= len(tokens) or folded[index + 1] != ",":
            continue
        if not any(
            reading.participle and (reading.particle is None or reading.particle == folded[index - 1])
            for reading in lex.verbs.get(folded[index], ())
        ):
            continue  # wurde ihm gegeben, …: "gegeben" is a cue only after "bekannt"
        if _PASSIVE_AUXILIARIES.isdisjoint(folded[max(0, index - _PASSIVE_REACH) : index]):
            continue
        content = (tokens[index + 2].start, reported_clause_end(tokens, index + 2, lex))
        found = report_candidate(
            text, tokens, content, None, (tokens[index].start, tokens[index].end), "indirect"
        )
        if found is not None:
            found.inherit = False  # nobody said it in this sentence: the last speaker does not stand in
        return found
    return None


def held_view_report(text: str, tokens: list[Token], folded: list[str], lex: Lexicon) -> Candidate | None:
    """Der Verband ist der Meinung, dass …; sie vertritt die Ansicht, die Reform komme zu spät.

    A noun of a view held (``quote_opinion_nouns``) after its article, then a comma and a
    dass-clause or a clause in Konjunktiv: that clause is the view reported, and the subject
    of the clause before the noun holds it.
    """
    if lex.opinion_nouns.isdisjoint(folded):
        return None
    for index in range(1, len(tokens) - 2):
        if folded[index] not in lex.opinion_nouns or folded[index + 1] != ",":
            continue
        if folded[index - 1] not in {"der", "die"} or index < 2:
            continue
        if folded[index - 2] not in lex.copulas and folded[index - 2] not in lex.opinion_verbs:
            continue  # widersprach der Ansicht, fragte nach der Meinung: a view not held
        clause_end = reported_clause_end(tokens, index + 2, lex)
        clause = folded[index + 2 : token_at(tokens, clause_end)]
        if not clause or (clause[0] not in lex.complementizers and lex.subjunctive.isdisjoint(clause)):
            continue
        holder = sentence_subject(tokens[: index - 1], lex, frozenset())
        if holder is None:
            continue
        content = (tokens[index + 2].start, clause_end)
        cue = (tokens[index - 1].start, tokens[index].end)
        return report_candidate(text, tokens, content, holder, cue, "indirect")
    return None
