"""Direct and partial quotes: deciding which quoted strings are utterances, and whose.

A quoted string is an utterance when a frame says so: a cue verb beside it („…“, sagte Rutte),
a colon frame (Rutte: „…“), or its standing as a sentence of its own next to other quotes. A
short quoted string inside a sentence that reports speech is ``partial`` (die „Sackgasse“
durchbrochen habe); one inside a sentence without a cue is a term, title or scare quote (der
„Trump-Flüsterer“, the so-called “deal”) and is not reported.
"""

from __future__ import annotations

from typing import Final

import attrs
import regex

from quotekit.quotes.frames import Cue, find_cue, known_name_near, speaker_of
from quotekit.quotes.lexicon import Lexicon
from quotekit.quotes.marks import QuotedSpan
from quotekit.quotes.tokens import Mention, tokenize

__all__ = ["Candidate", "Context", "classify"]

#: How far the rules look around a quote for its frame.
WINDOW: Final = 280
#: Quoted strings up to this many words inside a sentence are terms or partial quotes.
SHORT_WORDS: Final = 4
_SENTENCE_END = regex.compile(r"[.!?…](?:[\"'“”»«’]?)(?=\s+[\p{Lu}\p{N}„“\"»«‚‘'(])")
_RIGHT_END = regex.compile(r"[.!?…;](?=\s|$)|\n")
_WORDS = regex.compile(r"[\p{L}\p{N}]+")
_DASHES: Final = ("—", "–", "-")


@attrs.define
class Candidate:
    """A quote found in the text, before speakers are resolved to entities."""

    start: int
    end: int
    kind: str
    mention: Mention | None = None
    cue: tuple[int, int] | None = None
    frame: tuple[int, int] = (0, 0)
    inherit: bool = False
    group_with_previous: bool = False
    parent: int | None = None


@attrs.frozen(kw_only=True)
class Context:
    """Where a quote sits: its paragraph and the neighbouring top-level quotes."""

    text: str
    paragraph_start: int
    paragraph_end: int
    previous_end: int
    next_start: int
    known_names: frozenset[str] = frozenset()


def _left_start(ctx: Context, open_at: int) -> int:
    floor = max(ctx.paragraph_start, ctx.previous_end, open_at - WINDOW)
    last = floor
    for match in _SENTENCE_END.finditer(ctx.text, floor, open_at):
        last = match.end()
    return last


def _right_end(ctx: Context, after: int) -> int:
    limit = min(ctx.paragraph_end, ctx.next_start, after + WINDOW)
    match = _RIGHT_END.search(ctx.text, after, limit)
    return match.end() if match is not None and match.group() != "\n" else (match.start() if match else limit)


def _word_count(text: str, start: int, end: int) -> int:
    return sum(1 for _ in _WORDS.finditer(text, start, end))


def classify(span: QuotedSpan, ctx: Context, lex: Lexicon) -> Candidate | None:  # noqa: C901, PLR0911, PLR0912
    """The quote ``span`` is, or ``None`` for a term, title or scare quote."""
    text = ctx.text
    content = text[span.start : span.end].rstrip()
    if not content.strip():
        return None
    left_start = _left_start(ctx, span.open_at)
    right_start = span.outer_end
    right_end = _right_end(ctx, right_start)
    left = text[left_start : span.open_at]
    right = text[right_start:right_end]
    left_stripped = left.rstrip()
    right_stripped = right.lstrip()
    last_char = content[-1]
    words = _word_count(text, span.start, span.end)

    # 1. A frame after the quote: „…“, sagte Rutte / "…," he said / „…“, so Rutte
    opens_frame = right_stripped.startswith((",", *_DASHES)) or (
        last_char in ",!?" and right_stripped[:1].isalpha()
    ) or (last_char in ",!?" and not right_stripped)
    if opens_frame and right_stripped:
        tokens = tokenize(text, right_start, right_end)
        first = 1 if tokens and tokens[0].text in {",", *_DASHES} else 0
        cue = find_cue(tokens, lex, first, first + (14 if not lex.capitalises_nouns else 8), speech_only=True)
        if cue is not None and cue.kind not in {"noun", "before"}:
            mention = speaker_of(tokens, cue, lex, first)
            if mention is None and cue.kind == "frame":
                cue = None
            elif mention is None:
                left_frame = _left_frame(span, ctx, lex, left_start, left, words)
                if left_frame is not None and left_frame.mention is not None:
                    left_frame.cue = (cue.start, cue.end)
                    return left_frame
        if cue is not None and cue.kind not in {"noun", "before"}:
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                mention=mention,
                cue=(cue.start, cue.end),
                frame=(right_start, right_end),
                inherit=mention is None,
                group_with_previous=_continues_previous(ctx, left),
            )

    found = _left_frame(span, ctx, lex, left_start, left, words)
    if found is not None:
        return found

    # 4. A quote that is a sentence of its own: the last speaker goes on talking
    sentence_start = not left.strip(" \t\u00a0—–-")
    sentence_end = last_char in ".!?…" or right_stripped[:1] in {".", "!", "?", "…", ""}
    if sentence_start and sentence_end and (words > SHORT_WORDS or last_char in ".!?"):
        return Candidate(start=span.start, end=span.end, kind="direct", inherit=True,
                         frame=(span.open_at, right_end))

    # 5. Inside a sentence: partial when the sentence reports speech, else a term or title
    return _embedded(span, ctx, lex, left_start, right_end, words)


def _left_frame(  # noqa: C901
    span: QuotedSpan, ctx: Context, lex: Lexicon, left_start: int, left: str, words: int
) -> Candidate | None:
    """A frame before the quote: Rutte sagte: „…“ / antwortete Rutte: „…“ / He said, "…"."""
    text = ctx.text
    left_stripped = left.rstrip()
    if left_stripped.endswith((":", ",")) and left_stripped.strip(" ,:"):
        tokens = tokenize(text, left_start, span.open_at)
        colon = left_stripped.endswith(":")
        cue = find_cue(tokens, lex, 0, None, from_end=True, speech_only=not colon)
        if cue is not None:
            mention = speaker_of(tokens, cue, lex) or known_name_near(tokens, cue.index, ctx.known_names)
            if colon or cue.index >= len(tokens) - 4 or mention is not None:
                return Candidate(
                    start=span.start,
                    end=span.end,
                    kind="direct",
                    mention=mention,
                    cue=(cue.start, cue.end),
                    frame=(left_start, span.open_at),
                    inherit=mention is None,
                )
        if colon:
            mention = _colon_speaker(tokens, lex)
            if mention is not None or words > SHORT_WORDS:
                return Candidate(
                    start=span.start, end=span.end, kind="direct", mention=mention,
                    frame=(left_start, span.open_at), inherit=mention is None,
                )
        if _continues_previous(ctx, left):
            return Candidate(start=span.start, end=span.end, kind="direct", inherit=True, group_with_previous=True,
                             frame=(left_start, span.open_at))
    # A cue verb right before the quote, no colon: He told reporters "…"
    if left_stripped and words > SHORT_WORDS:
        tokens = tokenize(text, left_start, span.open_at)
        cue = find_cue(tokens, lex, max(0, len(tokens) - 4), None, from_end=True, speech_only=True)
        if cue is not None and cue.kind in {"verb", "participle"}:
            return Candidate(
                start=span.start, end=span.end, kind="direct", mention=speaker_of(tokens, cue, lex),
                cue=(cue.start, cue.end), frame=(left_start, span.open_at),
            )
    return None


def _continues_previous(ctx: Context, left: str) -> bool:
    """„…“, sagte er, „…“: the quote goes on after a frame inserted into it."""
    return ctx.previous_end >= 0 and ctx.previous_end >= ctx.paragraph_start and left.rstrip().endswith(",") and (
        ctx.text.rfind(",", 0, ctx.previous_end + 2) >= ctx.previous_end - 1
    )


def _colon_speaker(tokens: list, lex: Lexicon) -> Mention | None:  # type: ignore[type-arg]
    """Rutte: „…“ — a name right before the colon, in a short lead-in."""
    from quotekit.quotes.tokens import mention_before  # noqa: PLC0415 - avoids a cycle in type imports

    if not tokens or tokens[-1].text != ":":
        return None
    mention = mention_before(tokens, len(tokens) - 1, lex)
    if mention is None or mention.kind == "role" and len(tokens) > 6:
        return None
    return mention


def _embedded(span: QuotedSpan, ctx: Context, lex: Lexicon, left_start: int, right_end: int, words: int) -> Candidate | None:
    text = ctx.text
    tokens = tokenize(text, left_start, right_end)
    inside = [i for i, t in enumerate(tokens) if span.start <= t.start < span.end]
    outside_before = [i for i, t in enumerate(tokens) if t.end <= span.open_at]
    cue: Cue | None = None
    if outside_before:
        cue = find_cue(tokens, lex, 0, outside_before[-1] + 1, from_end=True)
    if cue is None and inside:
        # „Unsinn“ nannte er das: a cue right after the quote, before the clause goes on
        after = inside[-1] + 1
        while after < len(tokens) and not tokens[after].is_word and tokens[after].text != ",":
            after += 1
        cue = find_cue(tokens, lex, after, after + 3)
    if cue is None:
        return None
    mention = speaker_of(tokens, cue, lex) or known_name_near(tokens, cue.index, ctx.known_names)
    if mention is None and cue.kind == "noun":
        return None
    cue_before = cue.end <= span.open_at
    at_sentence_end = text[span.outer_end : right_end].strip()[:1] in {"", ".", "!", "?"}
    kind = "direct" if cue_before and at_sentence_end and cue.speech and mention is not None and cue.kind == "verb" and _adjacent(text, cue.end, span.open_at) else "partial"
    return Candidate(
        start=span.start,
        end=span.end,
        kind=kind,
        mention=mention,
        cue=(cue.start, cue.end),
        frame=(left_start, right_end),
        inherit=mention is None,
    )


def _adjacent(text: str, cue_end: int, open_at: int) -> bool:
    """Only a few words between the cue and the quote (antwortete Rutte mit „Ja“)."""
    return _word_count(text, cue_end, open_at) <= 3
