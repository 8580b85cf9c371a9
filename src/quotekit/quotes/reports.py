"""The reports the frame rules make, and two German frames that point past their own clause.

``indirect`` finds where a report lies; here its span is trimmed (end punctuation, an agency's
dateline) and made a candidate, and two German shapes are read whose report is not the
frame's own clause: a sentence pointing back at the one before (Die Fähre fällt aus. Das
teilte die Reederei mit.) and a clause in Konjunktiv after a colon (zeigte sich
zuversichtlich: Der Hafen habe Zukunft).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

from quotekit.quotes.appositions import with_apposition_name
from quotekit.quotes.candidate import Candidate
from quotekit.quotes.clause_subject import MARK_CLOSERS, clause_subject
from quotekit.quotes.clauses import konjunktiv_after_pronoun
from quotekit.quotes.cues import Cue, find_cue
from quotekit.quotes.frames import speaker_of
from quotekit.quotes.phrases import dateline_end
from quotekit.quotes.tail_frame import MIN_CONTENT_WORDS
from quotekit.quotes.tokens import Mention, Token, token_at

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quotekit.quotes.lexicon import Lexicon

__all__ = [
    "back_reference_frame",
    "colon_report",
    "fact_demonstrative",
    "mixed_report_end",
    "overlaps_direct",
    "report_candidate",
    "split_report",
    "trim_report",
]


#: Neuter demonstratives that, opening a sentence, stand for a fact, never a person (Das
#: erklärt, warum …; not "diese", which may be a woman, nor a relative "das")
_FACT_DEMONSTRATIVES: Final = frozenset({"das", "dies", "dieses"})


def fact_demonstrative(mention: Mention | None, tokens: list[Token], cue: Cue, lex: Lexicon) -> bool:
    """Das erklärt, warum …: a demonstrative opening the sentence, its clause right after the cue."""
    return (
        mention is not None
        and mention.start == tokens[0].start
        and cue.index + 1 < len(tokens)
        and tokens[cue.index + 1].text == ","
        and mention.name.casefold() in _FACT_DEMONSTRATIVES
        and mention.name.casefold() in lex.back_references
    )


#: Fewest tokens before a colon that can hold a subject, and after it a clause (colon_report)
_COLON_SUBJECT_TOKENS: Final = 2
_COLON_CLAUSE_TOKENS: Final = 4


def trim_report(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the white space, end marks and agency dateline around it."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        # WASHINGTON (Reuters) - …, Berlin (dpa) - …: the agency's dateline opens the paragraph,
        # not the report (a sentence may begin inside it: BEDFORD, N.H. | (AP) — …)
        start = min(end, dateline_end(text, start) or start)
    return start, end


def report_candidate(  # noqa: PLR0913 - the content, its speaker, cue and antecedent, each needed
    text: str,
    tokens: list[Token],
    content: tuple[int, int],
    mention: Mention | None,
    cue: tuple[int, int],
    kind: str,
    *,
    speaker: Mention | None = None,
    antecedent: Mention | None = None,
    min_words: int = MIN_CONTENT_WORDS,
) -> Candidate | None:
    """The report ``content`` (trimmed) with its speaker and cue, or ``None`` when it is no report.

    Too few words, or the speaker inside the content (a frame misread) make none; ``speaker``
    stands in for ``mention`` and may lie inside (a speech act reported whole); ``antecedent``
    is whom a pronoun ``mention`` means, when the frame says it (Senator Holt, who said …).
    """
    start, end = trim_report(text, *content)
    if kind == "indirect" and _in_marks_whole(text, start, end):
        # nach Angaben des Leiters „die Moderne und die Bildung“: the report is the source's own
        # words, quoted whole: a direct quote, its span inside the marks
        kind, end = "direct", end - 1
    # the tokens are in text order: count only those inside the content (Token.is_word inlined)
    inside = tokens[token_at(tokens, start) : token_at(tokens, end)]
    words = sum(1 for t in inside if t.text[0].isalnum())
    if words < min_words:
        return None
    if speaker is not None:
        mention = speaker
    elif mention is not None and start <= mention.start < end:
        return None  # the speaker inside the reported content: a misread frame
    return Candidate(
        start=start,
        end=end,
        kind=kind,
        mention=mention,
        cue=cue,
        frame=(tokens[0].start, tokens[-1].end),
        inherit=mention is None,
        antecedent=antecedent,
    )


def _in_marks_whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a quotation whole: an opening mark right before, its close last."""
    if end - start < _SHORTEST_QUOTED or start == 0:
        return False
    # a short look back: the text before may be long, and this runs for every report
    opening = text[max(0, start - _MARK_LOOK_BACK) : start].rstrip()[-1:]
    closers = MARK_CLOSERS.get(opening)
    if not closers or text[end - 1] not in closers:
        return False
    inner = text[start : end - 1]
    return not any(mark in inner for mark in (opening, *closers))


#: How far before a report its opening mark is looked for (spaces between)
_MARK_LOOK_BACK: Final = 8
#: Characters of the shortest quotation taken whole as a report
_SHORTEST_QUOTED: Final = 4


def split_report(
    before: Candidate | None, after: Candidate | None, pending: list[Candidate]
) -> Candidate | None:
    """The parts of a report split by a frame or a source phrase: both kept, in text order.

    The sentence's first report is the part after; the part before waits in ``pending``.
    A part too short to be a report leaves the other one standing alone.
    """
    if before is not None and after is not None:
        pending.append(before)
    return after or before


def overlaps_direct(candidate: Candidate, direct_spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the content reaches into a direct quote framed on its own (its frame, misread)."""
    index = max(0, bisect.bisect_left(direct_spans, (candidate.start, -1)) - 1)
    while index < len(direct_spans) and direct_spans[index][0] < candidate.end:
        start, end = direct_spans[index]
        if start < candidate.end and candidate.start < end:
            return True
        index += 1
    return False


#: How far past a report's end a quoted stretch inside it may close: the comma the report was
#: cut before and the closing mark (demanded "immediate cash payments," a spokeswoman said)
_QUOTE_CLOSING_PAST_END: Final = 2


def mixed_report_end(candidate: Candidate, quoted: Sequence[tuple[int, int]]) -> int | None:
    """Where the report ends when a quoted stretch lies in it (a mixed quote), else None.

    The end moves past a closing mark the report was cut before (demanded "immediate cash
    payments," a spokeswoman said: the mixed quote keeps the mark it quotes with).
    """
    index = bisect.bisect_left(quoted, (candidate.start, -1))
    if (
        index < len(quoted)
        and quoted[index][0] < candidate.end
        and quoted[index][1] <= candidate.end + _QUOTE_CLOSING_PAST_END
    ):
        return max(candidate.end, quoted[index][1])
    return None


def back_reference_frame(tokens: list[Token], lex: Lexicon) -> tuple[Cue, Mention] | None:
    """The speech verb and its subject after a back reference (Das | teilte | die Stadt | mit)."""
    if len(tokens) < 4 or not tokens[1].is_word or not tokens[1].text[0].islower():
        return None
    cue = find_cue(tokens, lex, 1, None, speech_only=True)
    if (
        cue is None
        or cue.lemma not in lex.back_reference_verbs  # Das bestritt der Minister: no report
        or not (
            (cue.index == 1 and cue.kind == "verb")
            or (cue.kind == "participle" and tokens[1].text.casefold() in lex.auxiliaries)
        )
        or not lex.negations.isdisjoint(t.text.casefold() for t in tokens)  # Das sagte er nicht
        or (cue.index + 1 < len(tokens) and tokens[cue.index + 1].text.casefold() == "sich")
    ):
        return None
    mention = speaker_of(tokens, cue, lex, 1)
    if mention is None or mention.start < tokens[1].end:
        return None
    return cue, mention


def colon_report(text: str, tokens: list[Token], folded: list[str], lex: Lexicon) -> Candidate | None:
    """German: Die Senatorin zeigte sich zuversichtlich: Der Hafen habe Zukunft.

    A clause in Konjunktiv after a colon is what the subject before the colon said, whatever
    the verb before it (erklärte:, zeigte sich zuversichtlich:); in the indicative (Die Lage
    ist klar: Der Hafen hat Zukunft) it is the writer's.
    """
    if ":" not in folded:
        return None
    colon = folded.index(":")
    if colon < _COLON_SUBJECT_TOKENS or colon > len(tokens) - _COLON_CLAUSE_TOKENS:
        return None
    clause = folded[colon + 1 :]
    if not tokens[colon + 1].is_word or not (
        any(word in lex.subjunctive for word in clause) or konjunktiv_after_pronoun(clause, lex)
    ):
        return None  # „…“ after the colon is a direct quote's; the indicative is no report
    verb = find_cue(tokens, lex, 0, colon)
    subject = clause_subject(tokens, lex, frozenset(), 0, colon)
    if subject is not None:
        subject = with_apposition_name(tokens, subject, lex)  # Sein Verteidiger, Dr. Jens Obermeyer, …
    if subject is None and verb is not None and verb.speech:
        subject = speaker_of(tokens, verb, lex)  # Dem widersprach die Opposition: the subject after the verb
    if subject is None:
        return None
    cue = (verb.start, verb.end) if verb is not None else (tokens[colon].start, tokens[colon].end)
    return report_candidate(
        text, tokens, (tokens[colon + 1].start, tokens[-1].end), None, cue, "indirect", speaker=subject
    )
