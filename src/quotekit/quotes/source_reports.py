"""Reports framed by a source phrase: laut X …, nach Angaben von X …, X zufolge …, according to X, ….

:class:`SourcePhrases` finds where a source phrase opens in a sentence and makes the report it
frames; :mod:`quotekit.quotes.sources` says whom the phrase names and where it ends. The report
is the sentence after the phrase, or before it when nothing follows (…, according to the
police.); in German it may run on both sides (Grund für den Brand waren laut Ministerium
Arbeiten …), each side a report of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.clauses import has_finite_verb, has_predicate_word, holds_konjunktiv_form, text_after
from quotekit.quotes.cues import find_cue
from quotekit.quotes.reports import report_candidate, split_report
from quotekit.quotes.sources import own_phrase_end, own_subject, possessive_owner, source_after
from quotekit.quotes.tail_frame import MIN_CONTENT_WORDS
from quotekit.quotes.tokens import Mention, mention_before, token_at

if TYPE_CHECKING:
    from quotekit.quotes.candidate import Candidate
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.tokens import Token

__all__ = ["SourcePhrases"]

#: Nouns after which "nach" closes a source phrase (Seiner Meinung nach, dem Vernehmen nach)
_POSTPOSED_NACH: Final = frozenset(
    {"meinung", "ansicht", "auffassung", "einschätzung", "überzeugung", "vernehmen", "darstellung"}
)
#: Words by which a source's name goes on past where the source phrase was read to end
_NAME_GOES_ON: Final = frozenset({"and", "&", "of"})
#: Words before "laut" that make it "loudly" (sehr laut, zu laut), besides verbs of speaking
_LOUDLY_AFTER: Final = frozenset({"sehr", "zu", "so", "ganz", "recht", "ziemlich", "besonders", "nicht"})

#: The most words an apposition after a source may have (the agency's chief financial officer)
_SOURCE_APPOSITION_WORDS: Final = 8


class SourcePhrases:
    """The source phrases of one language, and the reports they frame."""

    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex
        #: the source nouns, longest first: a compound ending in one opens a phrase after "nach"
        self._nouns = tuple(sorted(lex.nouns, key=len, reverse=True))
        #: the words that can open a source phrase: report skips every other word
        self._openers = frozenset(lex.after_phrases).union(lex.before_by_first, {"nach"})

    def _postposed(self, text: str, tokens: list[Token], folded: list[str], index: int) -> Candidate | None:
        """Seiner Meinung nach …, dem Vernehmen nach …: a source noun with "nach" after it.

        A possessive before the noun names who holds the view (seiner: er, ihrer: sie), for the
        pronoun to resolve; "dem Vernehmen nach" is hearsay, by no one named.
        """
        noun = index - 1
        cue = (tokens[noun].start, tokens[index].end)
        mention = None
        if noun > 0 and folded[noun - 1] in self._lex.possessives:
            mention = possessive_owner(tokens, folded, noun - 1, self._lex)
            cue = (mention.start, tokens[index].end)
        content = text_after(tokens, tokens[index].end)
        if (
            content[1] - content[0] < 2
            or (mention is None and folded[noun] != "vernehmen")
            or noun != 1  # the phrase opens the sentence (hat seine Meinung nach der Wahl geändert)
            or folded[index + 1] == ","  # Seiner Einschätzung nach, sagte Müller, …: the frame's
        ):
            return None  # Meiner Meinung nach …: the writer's own view, or an interviewee's
        found = report_candidate(text, tokens, content, mention, cue, "indirect")
        if found is not None and mention is None:
            found.inherit = False  # dem Vernehmen nach: nobody named, and nobody stands in
        return found

    def compound_source(self, words: list[str]) -> bool:
        """Nach Polizeiangaben, nach ersten Schätzungen: "nach" with a word ending in a source noun."""
        return (
            self._lex.capitalises_nouns
            and ("nach" in words or "Nach" in words)
            and any(word.casefold().endswith(self._nouns) for word in words)
        )

    def report(  # noqa: C901, PLR0912, PLR0915 - one pass, one branch per case
        self, text: str, tokens: list[Token], folded: list[str], pending: list[Candidate]
    ) -> Candidate | None:
        """Laut X …, nach Angaben von X …, X zufolge …, according to X, … / …, according to X.

        A report split by the phrase (Grund waren laut Ministerium Arbeiten …) is two: the part
        before waits in ``pending`` (see :func:`~quotekit.quotes.reports.split_report`).
        """
        lex = self._lex
        openers = self._openers
        # the few positions where a source phrase may open, found in one pass (most sentences: none)
        for index in [i for i, word in enumerate(folded[:-1]) if word in openers]:
            word = folded[index]
            phrase_end = -1
            if (
                word == "laut"
                and index > 0
                and (folded[index - 1] in _LOUDLY_AFTER or folded[index - 1] in lex.verbs)
            ):
                continue  # riefen laut Parolen, sehr laut: "loudly", not "according to"
            if (
                word == "nach"
                and lex.capitalises_nouns
                and index > 0
                and folded[index - 1] in _POSTPOSED_NACH
            ):
                postposed = self._postposed(text, tokens, folded, index)
                if postposed is not None:
                    return postposed
                continue  # änderte seine Meinung nach der Wahl: "after"; a source may follow
            if word in lex.after_phrases and index > 0:
                mention = mention_before(tokens, index, lex)
                if mention is None:
                    continue
                cue = (mention.start, tokens[index].end)
                content = text_after(tokens, tokens[index].end)
                opening = token_at(tokens, mention.start)
                if content[1] - content[0] < 2:
                    content = (tokens[0].start, mention.start)
                elif (
                    lex.capitalises_nouns
                    and opening > 1
                    and folded[opening - 1] != ","
                    # a verb before the source (ist, wurde, stammt), not the source's own phrase
                    # (Einem Gutachten des Landesamts für Denkmalpflege zufolge)
                    and has_predicate_word(tokens, 0, opening, lex)
                ):
                    # Der Täter ist der Polizei zufolge noch flüchtig: the report runs on both sides
                    before = report_candidate(
                        text, tokens, (tokens[0].start, mention.start), mention, cue, "indirect", min_words=1
                    )
                    after = report_candidate(text, tokens, content, mention, cue, "indirect", min_words=1)
                    return split_report(
                        _sourced(before, cue, mention, None), _sourced(after, cue, mention, None), pending
                    )
                return report_candidate(text, tokens, content, mention, cue, "indirect")
            # only the phrases this word opens, longest first as in before_phrases
            for phrase in lex.before_by_first.get(word, ()):
                if tuple(folded[index : index + len(phrase)]) == phrase:
                    phrase_end = index + len(phrase)
                    break
            if phrase_end < 0 and lex.capitalises_nouns and word == "nach":
                # nach Armeeangaben, nach ersten Schätzungen, nach Medienberichten
                for ahead in range(index + 1, min(len(tokens), index + 4)):
                    if folded[ahead].endswith(self._nouns):
                        phrase_end = ahead + 1
                        break
                    if tokens[ahead].is_capitalised or not tokens[ahead].is_word:
                        break
            if phrase_end < 0:
                continue
            source = source_after(tokens, folded, index, phrase_end, lex)
            if source is None:
                continue
            mention, source_end = source
            # nach eigenen Angaben, according to its own figures: the subject speaks, and may
            # stand inside the report
            own = own_subject(tokens, folded, index, phrase_end, lex)
            if own is None and _inside_framed_clause(tokens, folded, index, mention, lex):
                continue  # sagte X, nach neuesten Erkenntnissen habe …: the phrase is the report's

            if own is not None:
                mention, source_end = (
                    own,
                    max(tokens[phrase_end - 1].end, own_phrase_end(tokens, folded, phrase_end)),
                )
            cue = (tokens[index].start, tokens[phrase_end - 1].end)
            content = text_after(tokens, source_end)
            if lex.lang == "en":  # the finite-verb test is English
                content = _past_apposition(tokens, folded, content, lex, named=mention.kind == "name")
            if content[1] - content[0] < 2 and index > MIN_CONTENT_WORDS:
                content = (tokens[0].start, tokens[index].start)  # …, according to the police.
            elif index > 1 and lex.capitalises_nouns and folded[index - 1] != ",":
                # Grund für den Brand waren laut Ministerium Arbeiten …: the report runs on both sides
                before = report_candidate(
                    text,
                    tokens,
                    (tokens[0].start, tokens[index].start),
                    mention,
                    cue,
                    "indirect",
                    speaker=own,
                    min_words=1,
                )
                # Zwei Menschen wurden laut Angaben verletzt; Alle sind laut BBC britische
                # Staatsbürger: the source vouches for short parts on either side
                after = report_candidate(
                    text, tokens, content, mention, cue, "indirect", speaker=own, min_words=1
                )
                return split_report(
                    _sourced(before, cue, mention, own), _sourced(after, cue, mention, own), pending
                )
            return _sourced(
                report_candidate(text, tokens, content, mention, cue, "indirect", speaker=own),
                cue,
                mention,
                own,
            )
        return None


def _sourced(
    candidate: Candidate | None, cue: tuple[int, int], mention: Mention, own: Mention | None
) -> Candidate | None:
    """A report by a source phrase, its frame narrowed to the phrase (the sentence's subject is report).

    Der Verdächtige wurde nach Angaben von Interpol gefasst: Interpol speaks, not the subject;
    nach eigenen Angaben leaves the frame whole, since the subject is who speaks.
    """
    if candidate is not None and own is None:
        candidate.frame = (min(cue[0], mention.start), max(cue[1], mention.end))
    return candidate


def _past_apposition(
    tokens: list[Token], folded: list[str], content: tuple[int, int], lex: Lexicon, *, named: bool
) -> tuple[int, int]:
    """English: the report after a source, past an apposition to it; empty when there is none.

    According to Ellen Park, the agency's director, the numbers are rising: the words up to
    the next comma hold no finite verb, the words after it do. "…," according to Ellen Park,
    the agency's director.: nothing after the source holds one, so nothing is reported.
    """
    first = token_at(tokens, content[0])
    if (
        first >= len(tokens)
        or folded[first] in _NAME_GOES_ON
        or not has_finite_verb(tokens, first, content[1], lex)
    ):
        # …, according to a spokesperson for the Rail and Transit Workers' Union.: the source's
        # name goes on after "and"; no report follows it
        return content[0], content[0]
    comma = next((i for i in range(first + 1, len(tokens)) if folded[i] == ","), None)
    if (
        named  # According to police, the suspect, a 34-year-old man, fled: the report's own subject
        and comma is not None
        and comma - first <= _SOURCE_APPOSITION_WORDS
        and not has_finite_verb(tokens, first, tokens[comma].start, lex)
        and has_finite_verb(tokens, comma + 1, content[1], lex)
    ):
        return text_after(tokens, tokens[comma].end)
    return content


def _inside_framed_clause(
    tokens: list[Token], folded: list[str], index: int, mention: Mention, lex: Lexicon
) -> bool:
    """Whether a source phrase opens a clause a speech verb before it frames.

    Ein Sprecher sagte, nach neuesten Erkenntnissen habe ein Unbekannter …; sagte, nach Angaben
    der Polizei sei …: the clause after the comma is the speaker's report, the phrase its first
    words (whose source the speaker cites).
    """
    if (
        not lex.capitalises_nouns
        or index < 2
        or folded[index - 1] != ","
        or folded[index] not in lex.prepositions  # …, wonach …: the noun before says whose
        or mention.start < tokens[index].start
    ):
        return False
    if not holds_konjunktiv_form(folded[index:], lex):
        return False  # meldete einen Unfall, laut Zeugen war der Fahrer …: the source's own report
    cue = find_cue(tokens, lex, 0, index - 1, speech_only=True, folded=folded)
    return cue is not None and cue.kind in {"verb", "participle"}
