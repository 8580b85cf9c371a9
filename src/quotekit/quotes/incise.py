"""Frames inside a quote (incises) and quotes opened by a dialogue dash.

Some languages set the frame inside the quotation marks, between commas, with the verb before
its subject: French ``« Nous, dit-il, refusons ce plan. »``. Fiction and interviews in those
languages open each turn of a dialogue with a dash and no closing mark (``— Nous reviendrons,
dit-elle.``). Both are per-language conventions, said by the language's ``quote_marks`` rows:

- ``{"open": "«", "close": "»", "incise": true}``: a quote in these marks may hold an incise;
- ``{"open": "—", "dialogue": true}``: a paragraph opening with this dash is a turn of dialogue,
  its words running to the paragraph's end, an incise in it naming who speaks.

An incise is a comma (or a dash), a speech verb with its subject after it (``dit-il``,
``a-t-elle déclaré``, ``explique le ministre``), and a comma or the end of the sentence. Its
words are no part of the quote: the quote is cut around it into parts of one group. A language
whose rows say neither keeps its quotes as the other rules find them.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

import attrs

from quotekit.quotes.candidate import Candidate
from quotekit.quotes.cues import find_cue
from quotekit.quotes.tokens import Mention, mention_after

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from quotekit.lang.segment import Segmentation
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.tokens import Token

__all__ = ["Incise", "dialogue_quotes", "find_incise", "split_at_incise", "with_turns"]

#: Marks that open an incise (French writes it between commas, Spanish and Russian between dashes).
_OPENS: Final = frozenset({",", "—", "–"})
#: End marks an incise may follow, lower case, in dialogue: — Vous partez ? demanda Paul.
_AFTER_END: Final = frozenset({"?", "!", "…"})
#: Marks that close one: another comma or dash, or the end of the sentence.
_CLOSES: Final = frozenset({",", "—", "–", ".", "!", "?", "…", ";"})
#: Words an incise may hold after its subject (dit-il en souriant, a-t-elle ajouté hier).
_TAIL_WORDS: Final = 5
#: Marks the words after an incise do not open with: the full stop of the sentence it ended.
_LEADING_MARKS: Final = frozenset(".,;:!?…")
#: White space and the dash between a dialogue dash and the words.
_DASH_SPACE: Final = " \t\u00a0\u202f"


@attrs.frozen(kw_only=True)
class Incise:
    """A frame inside a quote: its span (marks included), its cue and whom it names."""

    start: int
    end: int
    cue: tuple[int, int]
    mention: Mention


def find_incise(tokens: Sequence[Token], lex: Lexicon) -> Incise | None:
    """The first incise among ``tokens`` (a quote's words), or ``None``.

    The verb comes first (``dit-il``), or an auxiliary does with the subject before the
    participle (``a-t-il dit``) or after it (``a déclaré le ministre``).
    """
    for index in range(1, len(tokens)):
        opener = tokens[index - 1].text
        after_end = opener in _AFTER_END and tokens[index].text[0].islower()
        if opener not in _OPENS and not after_end:
            continue
        found = _frame_at(tokens, index, lex)
        if found is None:
            continue
        cue, mention, after = found
        stop = after
        while stop < len(tokens) and stop - after < _TAIL_WORDS and tokens[stop].text not in _CLOSES:
            stop += 1
        if stop < len(tokens) and tokens[stop].text not in _CLOSES:
            continue
        closing = tokens[stop] if stop < len(tokens) else None
        # the closing comma or dash belongs to the incise, a full stop to the quote's sentence
        end = closing.end if closing is not None and closing.text in _OPENS else tokens[stop - 1].end
        # after ? or ! the mark ends the quote's words; a comma or dash opens the incise
        start = tokens[index].start if after_end else tokens[index - 1].start
        return Incise(start=start, end=end, cue=cue, mention=mention)
    return None


def _frame_at(  # noqa: PLR0911 - one return per shape of the frame
    tokens: Sequence[Token], index: int, lex: Lexicon
) -> tuple[tuple[int, int], Mention, int] | None:
    """An inverted frame opening at ``tokens[index]``: its cue, its subject, the index after it."""
    while index + 1 < len(tokens) and tokens[index].text.casefold() in lex.cue_clitics:
        index += 1  # s'indigne-t-il, lui demanda-t-elle: the verb's own pronouns come first
    word = tokens[index].text.casefold()
    if word in lex.auxiliaries and index + 1 < len(tokens):
        subject = mention_after(tokens, index + 1, lex)
        if subject is not None and subject.kind == "pronoun":
            # a-t-il dit: the auxiliary, the pronoun, the participle
            participle = index + 2
            if participle < len(tokens) and _cue_form(tokens[participle].text, lex, participle=True):
                verb = tokens[participle]
                return (verb.start, verb.end), subject, participle + 1
            return None
        if _cue_form(tokens[index + 1].text, lex, participle=True):
            # a déclaré le ministre: the auxiliary, the participle, the subject
            verb = tokens[index + 1]
            subject = mention_after(tokens, index + 2, lex)
            if subject is not None:
                return (verb.start, verb.end), subject, _after(tokens, subject, index + 2)
        return None
    # any cue verb: the incise's place itself says the words are what the subject says or thinks
    # (« Cette réforme, estime-t-il, arrive trop tard »)
    cue = find_cue(tokens, lex, index, index + 1)
    if cue is None or cue.kind != "verb":
        return None
    subject = mention_after(tokens, index + 1, lex)
    if subject is None:
        return None
    return (cue.start, cue.end), subject, _after(tokens, subject, index + 1)


def _cue_form(word: str, lex: Lexicon, *, participle: bool) -> bool:
    return any(reading.participle == participle for reading in lex.cue(word))


def _after(tokens: Sequence[Token], mention: Mention, first: int) -> int:
    """The index of the first token after ``mention``."""
    index = first
    while index < len(tokens) and tokens[index].start < mention.end:
        index += 1
    return index


def split_at_incise(text: str, found: Candidate, incise: Incise) -> list[Candidate]:
    """``found`` cut around ``incise``: the words before and after it, one group.

    The incise names the speaker unless the frame outside the quote named one already.
    """
    mention = found.mention or incise.mention
    cue = found.cue if found.mention is not None else incise.cue
    frame = found.frame if found.mention is not None else (incise.start, incise.end)
    parts: list[Candidate] = []
    for piece in ((found.start, incise.start), (incise.end, found.end)):
        start, end = _trimmed(text, *piece)
        while start < end and text[start] in _LEADING_MARKS:
            start += 1  # « Rien n'est joué, ajoute-t-elle. Nous verrons »: the sentence's full stop
        start, end = _trimmed(text, start, end)
        if end > start and any(char.isalnum() for char in text[start:end]):
            parts.append(
                attrs.evolve(
                    found,
                    start=start,
                    end=end,
                    mention=mention,
                    cue=cue,
                    frame=frame,
                    group_with_previous=found.group_with_previous or bool(parts),
                )
            )
    return parts or [found]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _DASH_SPACE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _DASH_SPACE):
        end -= 1
    return start, end


def dialogue_quotes(
    segmentation: Segmentation, lexicon_at: Callable[[int], Lexicon | None]
) -> list[Candidate]:
    """The turns of dialogue: paragraphs opening with a dialogue dash of their language.

    A turn with an incise is a quote of the speaker it names; a turn without one is a quote
    (of no one named) when it stands in a run of turns of which one names its speaker, since a
    dash alone also opens a list item. Quotation marks inside a turn quote within it: see
    :func:`with_turns`.
    """
    text = segmentation.text
    found: list[Candidate] = []
    run: list[tuple[int, int, Incise | None]] = []
    last_end = -1

    def close_run() -> None:
        if any(incise is not None for _, _, incise in run):
            for start, end, incise in run:
                turn = Candidate(start=start, end=end, kind="direct")
                found.extend(split_at_incise(text, turn, incise) if incise is not None else [turn])
        run.clear()

    for p_start, p_end in segmentation.paragraphs:
        lex = lexicon_at(p_start)
        if lex is None or not lex.dialogue_marks or text[p_start] not in lex.dialogue_marks:
            close_run()  # a paragraph of narrative ends the conversation
            continue
        start, end = _trimmed(text, p_start + 1, p_end)
        if end <= start:
            close_run()
            continue
        if run and text[last_end:p_start].count("\n") > 1:
            close_run()  # a blank line between turns ends the conversation
        tokens = segmentation.tokens(start, end)
        run.append((start, end, find_incise(tokens, lex)))
        last_end = p_end
    close_run()
    return found


def with_turns(candidates: list[Candidate], turns: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` and the dialogue ``turns``, less the quotes inside a turn (a quote it quotes)."""
    if not turns:
        return candidates
    spans = sorted((turn.start, turn.end) for turn in turns)
    starts = [start for start, _ in spans]

    def inside(candidate: Candidate) -> bool:
        index = bisect.bisect_right(starts, candidate.start) - 1
        return index >= 0 and candidate.start < spans[index][1]

    return [candidate for candidate in candidates if not inside(candidate)] + list(turns)
