"""Direct and partial quotes: deciding which quoted strings are utterances, and whose.

A quoted string is an utterance when a frame says so: a cue verb beside it („…“, sagte Rutte),
a colon frame (Rutte: „…“), or its standing as a sentence of its own next to other quotes. A
short quoted string inside a sentence that reports speech is ``partial`` (die „Sackgasse“
durchbrochen habe); one inside a sentence without a cue is a term, title or scare quote (der
„Trump-Flüsterer“, the so-called “deal”) and is not reported.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S, backtrack_free
from quotekit.quotes.frames import (
    Cue,
    bare_plural_opening,
    clause_subject,
    find_cue,
    known_name_near,
    only_skip_words,
    past_fronted_phrase,
    quoted_name_after,
    speaker_of,
)
from quotekit.quotes.tokens import Mention, Token, mention_after, mention_before, tokenize

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.marks import QuotedSpan

__all__ = ["Candidate", "Context", "classify"]

#: How far the rules look around a quote for its frame.
WINDOW: Final = 280
#: Closing marks of a quote nested at the very end of another, with the spaces around them.
_NESTED_CLOSERS: Final = " \u00a0'’‘\"”“›‹"
#: Quoted strings up to this many words inside a sentence are terms or partial quotes.
SHORT_WORDS: Final = 4
_SENTENCE_END = regex.compile(r"[.!?…](?:[\"'“”»«’]?)(?=\s+[\p{Lu}\p{N}„“\"»«‚‘'(])")
_WORDS = regex.compile(r"[\p{L}\p{N}]+")
_DASHES: Final = ("—", "–", "-")
#: An indefinite article or als before quoted words characterises; what follows names nothing.
_INDEFINITE: Final = frozenset({"ein", "eine", "einen", "einer", "einem", "eines", "als", "a", "an", "as"})
#: Words that introduce a characterisation, not a name: als „großen Erfolg“, von einer „Gefahr …“
_CHARACTERISING: Final = frozenset(
    {"als", "von", "vor", "für", "einen", "eine", "einer", "ein", "einem", "as", "of", "a", "an"}
)


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
    fallback: Mention | None = None
    #: Whom a pronoun ``mention`` refers to, when the frame itself says (German: X sagte: „…“, betont sie)
    antecedent: Mention | None = None
    lang: str | None = None


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
    paragraph_start = ctx.paragraph_start
    # walk back over spaces only: slicing from the paragraph start would cost O(paragraph) per
    # quote, quadratic in one long paragraph full of marks
    before = open_at
    while before > paragraph_start and ctx.text[before - 1].isspace():
        before -= 1
    if before == paragraph_start:
        # He told his audience: ¶ “…” — a lead-in paragraph ending in a colon frames the quote
        lead_end = paragraph_start - 1
        while lead_end > 0 and ctx.text[lead_end - 1].isspace():
            lead_end -= 1
        if lead_end > 0 and ctx.text[lead_end - 1] == ":" and ctx.previous_end < lead_end:
            paragraph_start = max(0, ctx.text.rfind("\n", 0, lead_end) + 1)
    floor = max(paragraph_start, ctx.previous_end, open_at - WINDOW)
    last = floor
    # the look-ahead must see the opening mark itself, hence the end one past it
    for match in _SENTENCE_END.finditer(ctx.text, floor, min(len(ctx.text), open_at + 1), timeout=TIMEOUT_S):
        last = match.end()
    return last


def _right_end(ctx: Context, after: int, lex: Lexicon) -> int:
    limit = min(ctx.paragraph_end, ctx.next_start, after + WINDOW)
    match = lex.clause_end.search(ctx.text, after, limit, timeout=TIMEOUT_S)
    return match.end() if match is not None and match.group() != "\n" else (match.start() if match else limit)


#: The same words, counted for every quoted span: backtrack-free, so no timeout clock per word.
_COUNTED_WORDS = backtrack_free(r"[\p{L}\p{N}]++")


def _word_count(text: str, start: int, end: int) -> int:
    return len(_COUNTED_WORDS.findall(text, max(0, start), end))


def classify(span: QuotedSpan, ctx: Context, lex: Lexicon) -> Candidate | None:  # noqa: C901, PLR0911, PLR0912, PLR0915 - one rule after another, in order
    """Return the quote ``span`` is, or ``None`` for a term, title or scare quote."""
    text = ctx.text
    content = text[span.start : span.end].rstrip()
    if not content.strip():
        return None
    left_start = _left_start(ctx, span.open_at)
    right_start = span.outer_end
    right_end = _right_end(ctx, right_start, lex)
    left = text[left_start : span.open_at]
    right = text[right_start:right_end]
    left_stripped = left.rstrip()
    right_stripped = right.lstrip()
    # "…saying, ‘I love corn,’” he said: the punctuation before a nested closing mark ends the quote
    last_char = (content.rstrip(_NESTED_CLOSERS) or content)[-1]
    words = _word_count(text, span.start, span.end)

    if (
        left_stripped.endswith(":")
        and _last_word(left_stripped[:-1].rstrip()).casefold() in lex.scare_markers
        and words <= 2 * SHORT_WORDS
        and not _speaks(text, span.start, span.end)
    ):
        return None  # Codenamen: „Maelstrom“, kurz: „OOo“ — a name announced, not words said
    if (
        lex.capitalises_nouns
        and left_stripped.endswith(":")
        and words <= 2 * SHORT_WORDS
        and right_stripped[:1] in {"", ".", "!", "?", ";"}  # „…“, sagte er: a frame follows, words said
        and _names_a_title(left_stripped, lex)
        and not _speaks(text, span.start, span.end)
    ):
        return None  # Den Namen der Sendung gab das ZDF bekannt: „…“ — a title announced

    if span.opener in _SINGLE_MARKS and words <= 2 * SHORT_WORDS and _fills_paragraph(span, ctx):
        return None  # ¶'Legend in the Coal Fields.'¶ — a subheading in single marks, not an utterance
    before_word = _last_word(left_stripped.rstrip(" ,:")).casefold()
    if (before_word in lex.scare_markers or (before_word == "of" and not lex.capitalises_nouns)) and (
        words <= 2 * SHORT_WORDS
    ):
        title_tokens = tokenize(text, span.start, span.end)
        if _title(span, title_tokens) or (lex.capitalises_nouns is False and _title_case(title_tokens)):
            return None  # in his book, “Make Your Kid a Millionaire,” he suggested: a title, named

    characterising = _last_word(left_stripped).casefold() in _CHARACTERISING
    if (
        left_stripped
        and not left_stripped.endswith((":", ","))
        and words <= SHORT_WORDS + 1
        and not characterising
    ):
        title_tokens = tokenize(text, span.start, span.end)
        if _title(span, title_tokens) or (lex.capitalises_nouns is False and _title_case(title_tokens)):
            # on ABC's “This Week,” Carson said: a title inside the sentence — unless a noun for
            # something said names it (mit der Parole „Stoppt den Überwachungswahn“)
            return _named_utterance(span, ctx, lex, words, speaks=_speaks(text, span.start, span.end))

    # 1. A frame after the quote: „…“, sagte Rutte / "…," he said / „…“, so Rutte
    # an English quote of some length ending in a word, an ellipsis or a dash, not in punctuation
    unpunctuated = (
        not lex.capitalises_nouns
        and words > SHORT_WORDS
        and (last_char.isalnum() or last_char in "…-—–")
        and (not left_stripped or left_stripped[-1] in ".!?")  # a sentence of its own, not a phrase in one
    )
    opens_frame = (
        right_stripped.startswith((",", "—", "–", "―", "- "))
        or (last_char in ",!?" and right_stripped[:1].isalpha())
        or (last_char in ",!?" and not right_stripped)
        # German without the comma scraped text often drops: „…“ kommentierte er / „…“ heißt es
        or (lex.capitalises_nouns and words > SHORT_WORDS and right_stripped[:1].islower())
        # English that lost the comma: "….” Trump said. / "… too" Sweeney said / "…" he said
        or (not lex.capitalises_nouns and last_char == "." and right_stripped[:1].isalpha())
        or (unpunctuated and right_stripped[:1].isalpha())
    )
    if opens_frame and right_stripped:
        tokens = tokenize(text, right_start, right_end)
        first = 1 if tokens and tokens[0].text in {",", *_DASHES} else 0
        reach = 30 if not lex.capitalises_nouns else 8
        if first == 0 and last_char != ",":
            reach = 6 if not lex.capitalises_nouns else 1  # "…?" asked Smith / „…!“ rief er
        if not lex.capitalises_nouns and first == 0 and (last_char in ".!?" or unpunctuated):
            cue, subject = _subject_first_cue(
                tokens, lex, ctx.known_names, "?" if unpunctuated else last_char
            )
            if cue is None and last_char == ".":
                cue, opens_frame = None, False
        else:
            cue, subject = find_cue(tokens, lex, first, first + reach), None
            opens_with_frame_word = bool(tokens) and tokens[0].text in lex.frame_words
            if cue is None and first == 0 and last_char in ".!?" and opens_with_frame_word:
                # „…“ so das Fazit der Betreiber: the comma of „…“, so X dropped after the full stop
                cue = Cue(index=0, start=tokens[0].start, end=tokens[0].end, speech=True, kind="frame")
        if cue is not None and _new_main_clause(tokens, first, cue, left_stripped, lex):
            # nannte seinen Platzverweis „überzogen“, Bundestrainer Löw bezeichnete …: a subject
            # before the verb opens a clause of its own, no inverted frame of this quote
            cue = None
            first = len(tokens)
        if cue is not None and cue.kind == "noun" and not lex.capitalises_nouns:
            # "…," the statement said: the noun is the subject, the verb after it frames the quote
            cue = find_cue(tokens, lex, cue.index + 1, first + reach, speech_only=True) or cue
        if (
            cue is not None
            and cue.lemma in lex.naming
            and any(t.text.casefold() in lex.as_words for t in tokens[first : cue.index])
        ):
            return None  # der „Brückenstreit“, wie ihn Lokalblätter nennen: a name others use
        if cue is not None and _trailing_clause(tokens, cue, first, lex):
            # He also vowed, "…," referring to ISIS: the clause after the quote is no frame
            left_frame = _left_frame(span, ctx, lex, left_start, left, words)
            if left_frame is not None and left_frame.mention is not None:
                return left_frame
        if cue is not None and cue.kind not in {"noun", "before"}:
            mention = subject or _subject_before_object(
                tokens, cue, lex, first, speaker_of(tokens, cue, lex, first)
            )
            if mention is None and last_char == "," and cue.index == first + 1:
                mention = _function_word_surname(tokens[first], lex)
            if mention is None and lex.capitalises_nouns and cue.index == first:
                # „…“, schrieb „Die Zeit“: the frame stops at the next quote, so look past it
                mention = quoted_name_after(tokenize(text, cue.end, min(ctx.paragraph_end, cue.end + 60)), 0)
            if mention is None and cue.kind == "frame":
                cue = None
            elif mention is None:
                left_frame = _left_frame(span, ctx, lex, left_start, left, words)
                if left_frame is not None and left_frame.mention is not None:
                    left_frame.cue = (cue.start, cue.end)
                    return left_frame
                if lex.capitalises_nouns and _WORDS.search(left, timeout=TIMEOUT_S):
                    # nannte die Bewerbung „respektabel“, stellte aber fest, …: a verb without a
                    # subject of its own after the quote; the sentence around the quote frames it
                    embedded = _embedded(span, ctx, lex, left_start, right_end)
                    if embedded is not None and embedded.mention is not None and embedded.cue is not None:
                        return embedded
        # The frame's verb: a cue verb, else the verb of an inverted or subject-first frame.
        verb_span: tuple[int, int] | None = None
        antecedent: Mention | None = None
        if cue is not None and cue.kind not in {"noun", "before"}:
            verb_span = (cue.start, cue.end)
        elif not opens_frame:
            pass
        elif inverted := (
            _inverted_frame(tokens, first, words, lex)
            or _subject_frame(tokens, first, last_char, lex)
            or _with_words_frame(tokens, first, cue, lex)
        ):
            verb, mention = inverted
            verb_span = (verb.start, verb.end)
        if verb_span is not None:
            if (
                lex.capitalises_nouns
                and mention is not None
                and mention.kind == "pronoun"
                and left_stripped.endswith(":")
            ):
                # X sagte dazu: „…“, betont sie. — the colon frame names whom the pronoun means
                left_frame = _left_frame(span, ctx, lex, left_start, left, words)
                left_named = left_frame.mention if left_frame is not None else None
                if left_named is not None and left_named.kind == "name" and " " in left_named.name:
                    antecedent = left_named
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                mention=mention,
                antecedent=antecedent,
                cue=verb_span,
                frame=(right_start, right_end),
                inherit=mention is None,
                group_with_previous=_continues_previous(ctx, left),
            )

    if right_stripped[:1] in {"—", "―", "–", "-"}:
        # “…” ― Francisco Herrero: a signature after a dash
        tokens = tokenize(text, right_start, right_end)
        mention = mention_after(tokens, 1, lex) if len(tokens) > 1 else None
        if (
            mention is not None
            and mention.kind == "name"
            and all(not t.is_word for t in tokens if t.start >= mention.end)
        ):
            return Candidate(
                start=span.start, end=span.end, kind="direct", mention=mention, frame=(right_start, right_end)
            )

    found = _left_frame(span, ctx, lex, left_start, left, words)
    if found is not None:
        return found

    speaks = _speaks(text, span.start, span.end)
    if ctx.previous_end >= 0 and left_start <= ctx.previous_end and (words > SHORT_WORDS or speaks):
        between = text[ctx.previous_end : span.open_at].strip().casefold()
        # ein „geflügeltes Wort“: „That's one small step …“ — a colon right after an earlier
        # quoted term; „…“ und „…“ — a second statement joined to the first
        joined = between in {"und", "oder", "sowie", "and", "or"} and (
            _word_count(text, ctx.previous_end - WINDOW, ctx.previous_end) > 0
            and _speaks_or_long(text, ctx.previous_end, lex)
        )
        if between == ":" or joined:
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                inherit=True,
                group_with_previous=joined,
                frame=(left_start, span.open_at),
            )

    if left_stripped.endswith("(") and right_stripped.startswith(")") and speaks:
        # Mohammed ElBaradei („Mir fällt niemand ein …“): the words of the name before the bracket
        tokens = tokenize(text, left_start, span.open_at)
        mention = mention_before(tokens, len(tokens) - 1, lex) if len(tokens) > 1 else None
        if mention is not None and mention.kind == "name" and mention.end >= tokens[-1].start - 1:
            frame = (left_start, span.open_at)
            return Candidate(start=span.start, end=span.end, kind="direct", mention=mention, frame=frame)

    named = _named_utterance(span, ctx, lex, words, speaks=speaks)
    if named is not None:
        return named

    # 4. A quote that is a sentence of its own: the last speaker goes on talking
    sentence_start = not left.strip(" \t\u00a0—–-")
    sentence_end = last_char in ".!?…" or right_stripped[:1] in {".", "!", "?", "…", ""}
    if (
        sentence_start
        and (
            (sentence_end and (words > SHORT_WORDS or last_char in ".!?"))
            # „Ja, es gibt Zumutungen“. / „Ich habe fertig“ ist …: a short sentence someone says
            or (
                words >= 2
                and speaks
                # „…“ wie Spielberg ausübten: the sentence goes on around the quote
                and _first_word(right_stripped[:40]).casefold() not in _CLAUSE_GOES_ON
                and not _title(span, tokenize(text, span.start, span.end))
            )
        )
    ):
        after = _next_sentence_frame(span, ctx, lex)
        if after is not None:
            return after
        mention, cue_span, fallback = _previous_sentence_speaker(ctx, left_start, lex)
        return Candidate(
            start=span.start,
            end=span.end,
            kind="direct",
            inherit=mention is None,
            mention=mention,
            cue=cue_span,
            frame=(span.open_at, right_end),
            fallback=fallback,
        )

    # 5. Inside a sentence: partial when the sentence reports speech, else a term or title
    return _embedded(span, ctx, lex, left_start, right_end)


#: Words right after a quote that carry its sentence on (… „…“ wie Spielberg ausübten)
_CLAUSE_GOES_ON: Final = frozenset(
    {"wie", "als", "der", "die", "das", "den", "dem", "dass", "daß", "ob", "like", "as"}
)
#: Words after „…“, that start no inverted frame: relative and demonstrative pronouns, conjunctions
_NO_FRAME_AFTER_COMMA: Final = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "dessen",
        "deren",
        "welche",
        "welcher",
        "welches",
        "wie",
        "was",
        "wo",
        "und",
        "oder",
        "aber",
        "sondern",
        "denn",
        "doch",
        "weil",
        "da",
        "als",
        "wenn",
        "ob",
        "um",
        "so",
        "dass",
        "daß",
        "also",
        "sowie",
        "bzw",
        "d",
        "z",
        "kurz",
        "etwa",
        "auch",
        "jedoch",
    }
)


#: Words that make quoted words an utterance: people speak of themselves and to others.
_SPEAKER_WORDS: Final = frozenset(
    {
        "ich",
        "mir",
        "mich",
        "wir",
        "uns",
        "unser",
        "unsere",
        "unseren",
        "unserer",
        "unserem",
        "euch",
        "du",
        "dich",
        "dir",
        "ihr",
        "mein",
        "meine",
        "meinen",
        "meiner",
        "ja",
        "nein",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "yes",
        "no",
    }
)


def _speaks(text: str, start: int, end: int) -> bool:
    """Whether quoted words read as something said, not as a name or title.

    A first or second person, a yes or no, or a clause with a comma (titles rarely hold one).
    """
    if end - start > 400:
        return True
    content = text[start:end]
    if "," in content.strip(" ,"):
        return True
    return any(word.casefold() in _SPEAKER_WORDS for word in _WORDS.findall(content, timeout=TIMEOUT_S))


def _speaks_or_long(text: str, previous_end: int, lex: Lexicon) -> bool:
    """Whether the quote ending at ``previous_end`` was a statement (long, or said by someone)."""
    del lex
    opener = max(text.rfind(mark, max(0, previous_end - 2000), previous_end - 1) for mark in '„“"»«')
    if opener < 0:
        return False
    return _word_count(text, opener + 1, previous_end) > SHORT_WORDS + 2 or _speaks(
        text, opener + 1, previous_end
    )


#: Words between an utterance noun and its quote: mit der Parole „…“, Parolen wie zum Beispiel „…“
_NOUN_TO_QUOTE: Final = frozenset({",", ":", "wie", "zum", "beispiel", "etwa", "like", "such", "as"})


def _named_utterance(
    span: QuotedSpan, ctx: Context, lex: Lexicon, words: int, *, speaks: bool
) -> Candidate | None:
    """Return a quote introduced by a noun for something said (mit der Parole „Wir bleiben“).

    The noun (the ``quote_utterance_nouns`` table; in German also as the head of a compound:
    Hassparolen) sits right before the quote, or before earlier quotes joined to it (Parolen wie
    „…“ oder „…“), so the quote holds the words said.
    """
    if words < 2 and not speaks:
        return None
    floor = max(ctx.paragraph_start, span.open_at - WINDOW)
    window = ctx.text[floor : span.open_at].casefold()
    if not any(noun in window for noun in lex.utterance_nouns):
        return None  # no noun for something said nearby: skip the tokenizing
    tokens = tokenize(ctx.text, floor, span.open_at)
    index = len(tokens) - 1
    for _ in range(4):
        while index >= 0 and tokens[index].text.casefold() in _NOUN_TO_QUOTE:
            index -= 1
        if index < 2 or tokens[index].text.casefold() not in _JOINING or tokens[index - 1].is_word:
            break
        # „…“ oder „…“: step over the earlier quote to the words before it
        index -= 2
        while index >= 0 and (tokens[index].is_word or tokens[index].text in _INSIDE_SLOGAN):
            index -= 1
        index -= 1
    if index < 0:
        return None
    noun = tokens[index].text.casefold()
    if not _utterance_noun(noun, lex):
        return None
    head = index
    while head > 0 and tokens[head - 1].text.casefold() in lex.determiners | _CHARACTERISING:
        head -= 1  # the noun's own article is no subject
    sentence = max(
        (i + 1 for i, token in enumerate(tokens[:head]) if token.text in {".", "!", "?", ":"}), default=0
    )
    mention = sentence_subject(tokens[sentence:head], lex, ctx.known_names) or _place_source(
        tokens[sentence:head], lex
    )
    return Candidate(
        start=span.start,
        end=span.end,
        kind="direct",
        mention=mention,
        cue=(tokens[index].start, tokens[index].end),
        frame=(tokens[sentence].start if sentence < len(tokens) else floor, span.open_at),
        inherit=mention is None,
    )


#: Punctuation inside a short quoted slogan (Kritik = Terror, Nein!)
_INSIDE_SLOGAN: Final = frozenset({".", ",", "-", "–", "=", "!", "?", "…"})
#: Words that join a quote to an earlier one (Parolen wie „…“ oder „…“)
_JOINING: Final = frozenset({"und", "oder", "sowie", "and", "or"})


def _utterance_noun(noun: str, lex: Lexicon) -> bool:
    """Whether ``noun`` names something said: in the table, or (German) a compound ending in one."""
    if noun in lex.utterance_nouns:
        return True
    return lex.capitalises_nouns and any(
        len(suffix) >= 5 and len(noun) > len(suffix) + 2 and noun.endswith(suffix)
        for suffix in lex.utterance_nouns
    )


def _inverted_frame(
    tokens: list[Token], first: int, words: int, lex: Lexicon
) -> tuple[Token, Mention | None] | None:
    """Return the verb and subject of a German inverted frame („…“, zeigte sich X zufrieden).

    German inverts subject and verb after a quoted sentence, so a finite verb right after it
    frames the quote even when the lexicon does not know the verb (strich … heraus, ließ …
    verlauten).
    """
    if not lex.capitalises_nouns or first != 1 or words <= SHORT_WORDS or len(tokens) < 3:
        return None
    verb = tokens[1]
    folded = verb.text.casefold()
    if (
        not verb.is_word
        or not verb.text[:1].islower()
        or folded in _NO_FRAME_AFTER_COMMA
        or folded in lex.function_words
        or folded in lex.pronouns
        or folded in lex.determiners
    ):
        return None
    position = 2
    while position < len(tokens) and tokens[position].text.casefold() in {"sich", *lex.skip_words}:
        position += 1
    mention = mention_after(tokens, position, lex)
    if mention is None:
        return None  # a verb needs its subject right after it; without one this is no frame
    return verb, mention


#: Words before a noun for something said in a fronted phrase (mit diesen Worten, mit den Worten)
_WITH_WORDS: Final = frozenset({"mit", "with"})


def _with_words_frame(
    tokens: list[Token], first: int, cue: Cue | None, lex: Lexicon
) -> tuple[Token, Mention] | None:
    """Return the verb and subject of „…“, mit diesen Worten meldete er sich zurück.

    A fronted phrase with a noun for something said (the ``cue_nouns`` table) and the finite
    verb after it; the subject follows the verb (German word order), whatever the verb is.
    """
    if (
        not lex.capitalises_nouns
        or cue is None
        or cue.kind != "noun"
        or first >= len(tokens)
        or tokens[first].text.casefold() not in _WITH_WORDS
        or cue.index > first + 3
        or cue.index + 2 >= len(tokens)
    ):
        return None
    verb = tokens[cue.index + 1]
    if not verb.is_word or not verb.text[:1].islower() or verb.text.casefold() in lex.function_words:
        return None
    position = cue.index + 2
    while position < len(tokens) and tokens[position].text.casefold() in {"sich", *lex.skip_words}:
        position += 1
    mention = mention_after(tokens, position, lex)
    return None if mention is None else (verb, mention)


def _subject_frame(
    tokens: list[Token], first: int, last_char: str, lex: Lexicon
) -> tuple[Token, Mention] | None:
    """Return the verb and subject of an English frame with an unknown verb ("…," I confessed).

    The quote ends in a comma and a subject and a verb follow (English keeps the subject first).
    """
    if lex.capitalises_nouns or first != 0 or last_char != "," or len(tokens) < 2:
        return None
    mention = mention_after(tokens, 0, lex)
    if mention is None or mention.start != tokens[0].start:
        return None
    verb = next((t for t in tokens if t.start >= mention.end), None)
    if (
        verb is None
        or not verb.is_word
        or not verb.text[:1].islower()
        or verb.text.casefold() in lex.function_words
    ):
        return None
    return verb, mention


def _left_frame(  # noqa: PLR0911, PLR0912 - one frame shape after another, in order
    span: QuotedSpan, ctx: Context, lex: Lexicon, left_start: int, left: str, words: int
) -> Candidate | None:
    """Return a frame before the quote: Rutte sagte: „…“ / antwortete Rutte: „…“ / He said, "…"."""
    text = ctx.text
    left_stripped = left.rstrip()
    if left_stripped.endswith((":", ",")) and left_stripped.strip(" ,:"):
        tokens = tokenize(text, left_start, span.open_at)
        colon = left_stripped.endswith(":")
        signed = _dash_signature(tokens, lex) if colon and not lex.capitalises_nouns else None
        if signed is not None:
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                mention=signed,
                frame=(signed.start, span.open_at),
            )
        cue = find_cue(tokens, lex, 0, None, from_end=True, speech_only=True)
        if cue is None and colon:
            cue = _colon_cue(tokens, lex)
        if cue is not None:
            mention = speaker_of(tokens, cue, lex)
            if colon and lex.capitalises_nouns and (mention is None or mention.kind == "role"):
                # sagte dazu gegenüber der ARD: / äußerte … Vorbehalte: the clause's subject speaks
                subject = sentence_subject(tokens, lex, ctx.known_names)
                if subject is not None and subject.kind in {"name", "pronoun"}:
                    mention = subject
            mention = (
                mention
                or known_name_near(tokens, cue.index, ctx.known_names)
                or _clause_pronoun(tokens, lex)
                or (_place_source(tokens, lex) if colon else None)  # Auf dem Plakat stand geschrieben:
            )
            if colon or cue.index >= len(tokens) - 4 or mention is not None:
                return Candidate(
                    start=span.start,
                    end=span.end,
                    kind="direct",
                    mention=mention,
                    antecedent=_pronoun_antecedent(tokens, mention, lex, ctx.known_names),
                    cue=(cue.start, cue.end),
                    frame=(left_start, span.open_at),
                    inherit=mention is None,
                    fallback=None if mention is not None else sentence_subject(tokens, lex, ctx.known_names),
                    group_with_previous=_continues_previous(ctx, left),
                )
        if colon and _reported_lead_in(tokens, lex):
            # Die Pflichten seien klar festgelegt: „…“ — the lead-in goes on reporting the last
            # speaker (Konjunktiv I, no cue of its own), who goes on talking
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                frame=(left_start, span.open_at),
                inherit=True,
            )
        if colon:
            # Rutte: „…“ names the speaker before the colon; a longer lead-in names its subject
            mention = (
                _colon_speaker(tokens, lex)
                if len(tokens) <= 5
                else sentence_subject(tokens, lex, ctx.known_names) or _place_source(tokens, lex)
            )
            if mention is not None or words > SHORT_WORDS:
                return Candidate(
                    start=span.start,
                    end=span.end,
                    kind="direct",
                    mention=mention,
                    frame=(left_start, span.open_at),
                    inherit=mention is None,
                    fallback=None if mention is not None else sentence_subject(tokens, lex, ctx.known_names),
                )
        if _continues_previous(ctx, left):
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                inherit=True,
                group_with_previous=True,
                frame=(left_start, span.open_at),
            )
    # A cue verb right before the quote, no colon: He told reporters "…"
    if left_stripped and words > SHORT_WORDS:
        tokens = tokenize(text, left_start, span.open_at)
        cue = find_cue(tokens, lex, max(0, len(tokens) - 2), None, from_end=True, speech_only=True)
        if cue is not None and cue.kind in {"verb", "participle"} and cue.lemma not in lex.naming:
            # English: Trump says “…” because “…”: the sentence goes on, so the report is mixed
            # and the quoted words are partial (the mixed quote comes from the indirect rules)
            goes_on = (
                _WORDS.search(text, span.outer_end, _right_end(ctx, span.outer_end, lex), timeout=TIMEOUT_S)
                is not None
            )
            return Candidate(
                start=span.start,
                end=span.end,
                kind="partial" if goes_on and not lex.capitalises_nouns else "direct",
                mention=speaker_of(tokens, cue, lex),
                cue=(cue.start, cue.end),
                frame=(left_start, span.open_at),
            )
    return None


def _colon_cue(tokens: list[Token], lex: Lexicon) -> Cue | None:
    """The last cue of any kind before a colon, unless it is a noun in a fronted English phrase.

    In a Fox interview, Trump went further: the noun belongs to the phrase, the subject speaks.
    """
    cue = find_cue(tokens, lex, 0, None, from_end=True)
    if (
        cue is not None
        and cue.kind == "noun"
        and cue.index < past_fronted_phrase(tokens, 0, len(tokens), lex)
    ):
        return None
    return cue


def _dash_signature(tokens: list[Token], lex: Lexicon) -> Mention | None:
    """English round-ups: "Polls missed the surge - Jane Roe: “…”": the name after the dash speaks."""
    if len(tokens) < 3 or tokens[-1].text != ":":
        return None
    mention = mention_before(tokens, len(tokens) - 1, lex)
    if mention is None or mention.kind != "name":
        return None
    at = next((i for i, t in enumerate(tokens) if t.start >= mention.start), 0)
    return mention if at > 0 and tokens[at - 1].text in _DASHES else None


#: Words opening an adverbial clause after a quote ("…," after Fallon expressed …).
_TRAILING_OPENERS: Final = frozenset({"after", "when", "while", "before", "as", "because", "since", "until"})


#: English frames after a quote ending in ?, ! or a full stop: the subject fills this many tokens at most.
_SUBJECT_TOKENS: Final = 12


def _subject_first_cue(
    tokens: list[Token], lex: Lexicon, known: frozenset[str], last_char: str
) -> tuple[Cue | None, Mention | None]:
    """English: the cue of a frame after a quote that ends in ?, ! or a full stop, and its subject.

    "…?" asked Smith / "…?" a staffer in the room wondered / "…!" Miller, a retired nurse,
    said: a cue within six tokens, or later when the phrase before it, from the quote on, is
    its subject. After a full stop only a clause of a subject and a speech verb, ending there
    ("….” Trump said.), is a frame; a longer one (He added, “…”) is a sentence of its own.
    """
    if last_char != ".":
        cue = find_cue(tokens, lex, 0, 6)
        if cue is not None:
            return cue, None
    cue = find_cue(tokens, lex, 0, _SUBJECT_TOKENS, speech_only=last_char == ".")
    if (
        cue is None
        or cue.kind not in {"verb", "participle"}
        or tokens[cue.index].text.endswith("ing")
        or (last_char == "." and not _clause_ends_after(tokens, cue))
        # "…!" Her father, 39, worried …: a capitalised article starts a sentence of its own
        or (tokens[0].is_capitalised and tokens[0].text.casefold() in lex.determiners)
    ):
        return None, None
    subject = clause_subject(tokens, lex, known, 0, cue.index)
    if subject is None or subject.start != tokens[0].start or not _reaches(tokens, subject, cue, lex):
        return None, None
    return cue, subject


def _clause_ends_after(tokens: list[Token], cue: Cue) -> bool:
    """Whether the clause ends within a few words after the cue (Trump said Wednesday.)."""
    if cue.index == 0:
        return False  # "….” Said the senator …: a new sentence
    tail = tokens[cue.index + 1 : cue.index + 5]
    ends = next((i for i, t in enumerate(tail) if t.text in {".", "!", "?", ";"}), len(tail))
    return ends < len(tail) and all(t.is_word for t in tail[:ends])


def _reaches(tokens: list[Token], subject: Mention, cue: Cue, lex: Lexicon) -> bool:
    """Whether only adverbs, an apposition or a short place phrase stand between subject and cue."""
    between = [t for t in tokens[: cue.index] if t.start >= subject.end]
    if not between or all(t.text.casefold() in lex.skip_words for t in between):
        return True
    if between[0].text == "," and between[-1].text == "," and len(between) <= _SUBJECT_TOKENS:
        return True  # Miller, a retired nurse, said
    # a staffer in the room wondered
    return (
        between[0].text.casefold() in lex.prepositions
        and all(t.is_word for t in between)
        and len(between) <= 4
    )


def _function_word_surname(token: Token, lex: Lexicon) -> Mention | None:
    """English: "…," Will wrote / "…," From said: a capitalised function word before the verb is a name."""
    folded = token.text.casefold()
    if (
        lex.capitalises_nouns
        or not token.is_word
        or not token.is_capitalised
        or folded not in lex.function_words
        or folded in lex.pronouns
        or folded in lex.determiners
    ):
        return None
    return Mention(start=token.start, end=token.end, kind="name", name=token.text)


def _subject_before_object(
    tokens: list[Token], cue: Cue, lex: Lexicon, first: int, mention: Mention | None
) -> Mention | None:
    """English: "…," Sen. X's chief of staff, Joe Kasper, told POLITICO — the subject, not the object.

    English puts the speaker after the verb only when the verb opens the frame ("…," said X);
    with words before the verb, a phrase after it is the verb's object.
    """
    if (
        lex.capitalises_nouns
        or mention is None
        or mention.start < cue.end
        or cue.kind not in {"verb", "participle"}
        or only_skip_words(tokens, first, cue.index, lex)
    ):
        return mention
    return clause_subject(tokens, lex, frozenset(), first, cue.index) or mention


def _trailing_clause(tokens: list[Token], cue: Cue, first: int, lex: Lexicon) -> bool:
    """English: the cue after a quote is an -ing form or sits in an adverbial clause (adding …, after …)."""
    if lex.capitalises_nouns:
        return False
    if tokens[cue.index].text.endswith("ing"):
        return True
    return any(t.text.casefold() in _TRAILING_OPENERS for t in tokens[first : cue.index])


def _new_main_clause(tokens: list[Token], first: int, cue: Cue, left: str, lex: Lexicon) -> bool:
    """German: after „…“, in mid-sentence, a subject stands before the verb (X bezeichnete …).

    An inverted frame puts the verb first („…“, sagte X) or follows wie or so; a capitalised
    subject first starts a new main clause, so the quote belongs to the words before it.
    """
    if (
        not lex.capitalises_nouns
        or cue.kind not in {"verb", "participle"}
        or cue.index <= first
        or first == 0
    ):
        return False
    if not _WORDS.search(left, timeout=TIMEOUT_S) or left.endswith((":", ",")):
        return False
    opener = tokens[first]
    folded = opener.text.casefold()
    if folded in {"der", "die", "das", "ein", "eine"}:
        return True  # „…“, der Verein habe … bestätigt: an article opens a subject (or a relative clause)
    return (
        opener.is_word
        and opener.is_capitalised
        and folded not in lex.skip_words
        and folded not in lex.function_words
        and folded not in _NO_FRAME_AFTER_COMMA
    )


def _pronoun_antecedent(
    tokens: list[Token], mention: Mention | None, lex: Lexicon, known: frozenset[str]
) -> Mention | None:
    """German: whom a pronoun in a frame means, when the sentence opens with that subject.

    Der Student schlief ein, war er hochgeschreckt und hatte gefragt: „…“ — er is the student.
    """
    if not lex.capitalises_nouns or mention is None or mention.kind != "pronoun":
        return None
    subject = sentence_subject(tokens, lex, known)
    if subject is None or subject.kind == "pronoun" or subject.start >= mention.start:
        return None
    return subject if subject.start == tokens[0].start else None


def _reported_lead_in(tokens: list[Token], lex: Lexicon) -> bool:
    """German: a lead-in clause in Konjunktiv I (sei, habe, gebe), so it continues reported speech.

    Only the main clause counts (the verb before any comma: zeigte sich besorgt, dass … würden
    has a subject of its own), and forms in -te (sollte, wollte) read as the past tense as well.
    """
    if not lex.capitalises_nouns:
        return False
    for token in tokens:
        folded = token.text.casefold()
        if folded == ",":
            return False
        if folded in lex.subjunctive and not folded.endswith(("te", "ten")):
            return True
    return False


def _clause_pronoun(tokens: list[Token], lex: Lexicon) -> Mention | None:
    for token in tokens:
        if token.text.casefold() in lex.pronouns:
            return Mention(start=token.start, end=token.end, kind="pronoun", name=token.text)
    return None


def _next_sentence_frame(span: QuotedSpan, ctx: Context, lex: Lexicon) -> Candidate | None:
    """„Ja, es gibt Zumutungen.“ Das musste der Minister einräumen: the next sentence points back.

    It opens with a ``quote_back_references`` word (das, dies), its finite verb next, then the
    speaker, and holds a speech verb (sagte, or an infinitive with its particle: einräumen).
    """
    if not lex.back_references:
        return None
    text = ctx.text
    start = span.outer_end
    limit = min(ctx.paragraph_end, ctx.next_start, start + WINDOW)
    while start < limit and (text[start].isspace() or text[start] in ".!?"):
        start += 1
    if start >= limit or not text[start].isupper():
        return None
    tokens = tokenize(text, start, limit)
    end = next((i for i, t in enumerate(tokens) if t.text in {".", "!", "?", ":"}), len(tokens))
    tokens = tokens[:end]
    if (
        len(tokens) < 3
        or tokens[0].text.casefold() not in lex.back_references
        or not tokens[1].is_word
        or not tokens[1].text[:1].islower()
    ):
        return None
    mention = mention_after(tokens, 2, lex)
    cue = find_cue(tokens, lex, 1, None, speech_only=True)
    cue_span = (cue.start, cue.end) if cue is not None and cue.kind in {"verb", "participle"} else None
    if cue_span is None:
        infinitive = next((t for t in tokens[2:] if _particle_infinitive(t.text, lex)), None)
        cue_span = (infinitive.start, infinitive.end) if infinitive is not None else None
    if mention is None or cue_span is None or mention.start >= cue_span[0] > tokens[1].end:
        return None
    return Candidate(
        start=span.start,
        end=span.end,
        kind="direct",
        mention=mention,
        cue=cue_span,
        frame=(span.open_at, tokens[-1].end),
    )


def _particle_infinitive(word: str, lex: Lexicon) -> bool:
    """einräumen, mitteilen: a separable speech verb's infinitive, particle and stem joined."""
    folded = word.casefold()
    for particle in lex.particles:
        if len(folded) > len(particle) + 3 and folded.startswith(particle):
            readings = lex.verbs.get(folded[len(particle) :], ())
            if any(r.particle == particle and r.speech for r in readings):
                return True
    return False


def _previous_sentence_speaker(
    ctx: Context, left_start: int, lex: Lexicon
) -> tuple[Mention | None, tuple[int, int] | None, Mention | None]:
    """Return a quote standing alone after a sentence that announces a speaker (…, sagte Beck. „…“).

    Returns the speaker the previous sentence's cue names with that cue, or else a fallback:
    the subject of the previous sentence, used when no earlier quote's speaker carries on.
    """
    floor = max(ctx.paragraph_start, ctx.previous_end, left_start - WINDOW)
    if floor >= left_start:
        return None, None, None
    start = floor
    for match in _SENTENCE_END.finditer(ctx.text, floor, max(floor, left_start - 2), timeout=TIMEOUT_S):
        start = match.end()
    tokens = tokenize(ctx.text, start, left_start)
    if start == ctx.previous_end and ctx.previous_end >= ctx.paragraph_start:
        # "…," Clinton said, referring to a PAC. "…": the sentence between is the previous
        # quote's frame (its first cue), and its speaker goes on talking
        cue = find_cue(tokens, lex, 0, 8, speech_only=True)
        mention = speaker_of(tokens, cue, lex) if cue is not None else None
        if cue is not None and mention is not None:
            source = _reported_by(tokens, cue, lex)
            if source is not None:
                return source
            return mention, (cue.start, cue.end), None
    cue = find_cue(tokens, lex, 0, None, from_end=True, speech_only=True)
    if cue is not None and cue.kind in {"verb", "participle"}:
        mention = speaker_of(tokens, cue, lex)
        if mention is not None and mention.kind == "name":
            return mention, (cue.start, cue.end), None
    return None, None, sentence_subject(tokens, lex, ctx.known_names)


def _reported_by(tokens: list[Token], cue: Cue, lex: Lexicon) -> tuple[Mention, tuple[int, int], None] | None:
    """English: "…," X said, according to CNN. "…" — the source the words after the frame come from.

    The frame credits the report (according to CNN) for what X said; a quote that follows on its
    own is taken from that report too.
    """
    if lex.capitalises_nouns:
        return None
    source_cue = find_cue(tokens, lex, cue.index + 1, None, speech_only=True)
    if source_cue is None or source_cue.kind != "before":
        return None
    source = speaker_of(tokens, source_cue, lex)
    if source is None:
        return None
    return source, (source_cue.start, source_cue.end), None


def sentence_subject(tokens: list[Token], lex: Lexicon, known: frozenset[str]) -> Mention | None:
    """Return the person a clause is about: its first subject-like phrase that names someone.

    Phrases after a preposition (in der ARD, mit dem Islam) and in the accusative or dative are
    skipped; a pronoun, a name, or an article with a noun (der Bundestrainer) qualifies. German
    also takes an article with a common noun (die Firma, der Verfasser) when nothing better
    names someone, and first of all when the clause opens with it.
    """
    previous = ""
    common: Mention | None = None  # German: die Firma, der Verfasser, die Menschenmenge
    skip_until = -1  # the end of a prepositional phrase stepped over whole (vom Frankfurter Bahnhof)
    # English fronted phrases (In a Fox interview later, …), German subordinate clauses (Da …, …)
    opening = max(past_fronted_phrase(tokens, 0, len(tokens), lex), _after_subordinate_clause(tokens, lex))
    for index in range(opening, len(tokens)):
        token = tokens[index]
        folded = token.text.casefold()
        if token.text in {":", ";"}:
            break
        if (
            token.start < skip_until
            or previous in lex.prepositions
            or not token.is_word
            or _genitive_attribute(tokens, index, previous, lex)
        ):
            if previous in lex.prepositions and token.start >= skip_until:
                skip_until = _prepositional_phrase_end(tokens, index, lex)
            previous = folded if token.is_word else previous  # in der ARD; im Meer der Ruhe
            continue
        if folded in lex.pronouns and folded not in {"i", "we", "ich", "wir"}:
            if common is not None and _opens(tokens, common) and common.name.casefold().startswith("der "):
                # Der Student schlief ein, war er …: a masculine opening phrase is the subject the
                # pronoun takes up (das Angebot lehnt er ab: a neuter one may be the object)
                return common
            return Mention(start=token.start, end=token.end, kind="pronoun", name=token.text)
        if folded in lex.determiners or (token.is_capitalised and folded not in lex.function_words):
            found = _phrase_at(tokens, index, lex)
            if found is not None and (found.kind != "name" or " " in found.name or folded in known):
                return _with_apposition_name(tokens, found, lex)
            if common is None and (
                found is not None
                and (_common_subject(found, folded, lex) or bare_plural_opening(tokens, index, found, lex))
            ):
                common = attrs.evolve(found, kind="role", name=_phrase(tokens, index, found.end), role=None)
        previous = folded
    return _common_or_known(tokens, common, known)


def _prepositional_phrase_end(tokens: list[Token], index: int, lex: Lexicon) -> int:
    """German: where the noun phrase after a preposition ends (vom Frankfurter Hauptbahnhof)."""
    if not lex.capitalises_nouns or not tokens[index].is_word:
        return -1
    phrase = mention_after(tokens, index, lex, nominative=False)
    return phrase.end if phrase is not None else -1


def _opens(tokens: list[Token], mention: Mention) -> bool:
    """Whether ``mention`` starts at the clause's first word."""
    return next((t.start for t in tokens if t.is_word), -1) == mention.start


def _phrase_at(tokens: list[Token], index: int, lex: Lexicon) -> Mention | None:
    found = mention_after(tokens, index, lex)
    if found is not None and lex.capitalises_nouns and found.name.casefold() in lex.determiners:
        return None  # schlief immer wieder ein: a separable particle, not an article
    return found


def _common_or_known(tokens: list[Token], common: Mention | None, known: frozenset[str]) -> Mention | None:
    """The opening common-noun subject, else a surname the document knows, else a later common noun."""
    if common is not None and _opens(tokens, common):
        return common  # Die Firma empfindet die Kritik als ungerecht: the clause opens with its subject
    for token in reversed(tokens):
        if common is not None and token.start >= common.start:
            continue  # zogen die Demonstranten vom Hauptbahnhof …: the subject comes before the place
        if token.is_word and token.is_capitalised and token.text.casefold() in known:
            return Mention(start=token.start, end=token.end, kind="name", name=token.text)
    return common


def _genitive_attribute(tokens: list[Token], index: int, previous: str, lex: Lexicon) -> bool:
    """German: der/des right after a noun opens a genitive attribute, not a subject."""
    return (
        lex.capitalises_nouns
        and tokens[index].text.casefold() in {"der", "des"}
        and index > 0
        and tokens[index - 1].is_word
        and tokens[index - 1].is_capitalised
        and previous not in lex.function_words
    )


#: German conjunctions opening a clause before the main one (Da Frankfurt gewann, war …).
_GERMAN_SUBORDINATORS: Final = frozenset(
    {"als", "da", "weil", "nachdem", "obwohl", "obgleich", "bevor", "sobald", "seitdem", "während", "wenn"}
)


def _after_subordinate_clause(tokens: list[Token], lex: Lexicon) -> int:
    """German: where the main clause starts after a leading subordinate clause (Da X gewann, …)."""
    if not lex.capitalises_nouns or not tokens or tokens[0].text.casefold() not in _GERMAN_SUBORDINATORS:
        return 0
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    return 0 if comma is None else comma + 1


def _with_apposition_name(tokens: list[Token], found: Mention, lex: Lexicon) -> Mention:
    """Der ältere Bruder des Papstes, Georg Ratzinger, war …: the name in apposition is the person.

    German only; the mention then spans the role phrase and the name, the role is the phrase.
    """
    if not lex.capitalises_nouns or found.kind != "role":
        return found
    after = next((i for i, t in enumerate(tokens) if t.start >= found.end), None)
    if after is None or tokens[after].text != ",":
        return found
    name = mention_after(tokens, after + 1, lex)
    if name is None or name.kind != "name" or " " not in name.name or name.role is not None:
        return found
    closing = next((i for i, t in enumerate(tokens) if t.start >= name.end), None)
    if closing is not None and tokens[closing].text not in {",", "("}:
        return found
    return Mention(start=found.start, end=name.end, kind="name", name=name.name, role=found.name)


#: German articles and quantifiers that open a subject (nominative) noun phrase.
_NOMINATIVE_OPENERS: Final = frozenset(
    {"der", "die", "das", "ein", "eine", "einige", "mehrere", "viele", "zahlreiche", "beide"}
)


def _common_subject(found: Mention, opener: str, lex: Lexicon) -> bool:
    """A German article with one common noun as subject (die Firma, einige Demonstranten).

    Collectives, documents and unnamed people speak in news (Die Menge skandierte …); abstract
    nouns (die Kritik, die Haltung) do not.
    """
    if not lex.capitalises_nouns or opener not in _NOMINATIVE_OPENERS or found.kind != "name":
        return False
    head = found.name.casefold()
    return " " not in head and not head.endswith(lex.abstract_suffixes) and head not in lex.function_words


def _phrase(tokens: list[Token], index: int, end: int) -> str:
    return " ".join(t.text for t in tokens[index:] if t.end <= end)


def _continues_previous(ctx: Context, left: str) -> bool:
    """„…“, sagte er, „…“: the quote goes on after a frame inserted into it."""
    return (
        ctx.previous_end >= 0
        and ctx.previous_end >= ctx.paragraph_start
        and left.rstrip().endswith(",")
        # the comma sits inside the closing mark ("…," he said) or right after it („…“, sagte er)
        and "," in ctx.text[max(0, ctx.previous_end - 4) : ctx.previous_end + 2]
    )


def _colon_speaker(tokens: list[Token], lex: Lexicon) -> Mention | None:
    """Rutte: „…“ — a name right before the colon, in a short lead-in."""
    if not tokens or tokens[-1].text != ":":
        return None
    mention = mention_before(tokens, len(tokens) - 1, lex)
    if mention is None or (mention.kind == "role" and len(tokens) > 6):
        return None
    return mention


def _embedded(
    span: QuotedSpan, ctx: Context, lex: Lexicon, left_start: int, right_end: int
) -> Candidate | None:
    text = ctx.text
    tokens = tokenize(text, left_start, right_end)
    inside = [i for i, t in enumerate(tokens) if span.start <= t.start < span.end]
    outside_before = [i for i, t in enumerate(tokens) if t.end <= span.open_at]
    cue: Cue | None = None
    noun_cue: Cue | None = None
    if outside_before:
        cue = find_cue(tokens, lex, 0, outside_before[-1] + 1, from_end=True)
        if cue is not None and cue.kind == "noun":
            # nannte den Bericht eine „Zeitungsente“: the verb frames the quote, not the noun
            noun_cue, cue = cue, _verb_cue(tokens, lex, 0, outside_before[-1] + 1)
        elif cue is not None and not cue.speech:
            # called the plan “long overdue”: "plan" reads as a verb, but the speech verb frames
            cue = _verb_cue(tokens, lex, 0, cue.index) or cue
    if cue is None and inside:
        # „Unsinn“ nannte er das / hatte den Bericht als „falsch“ zurückgewiesen: a cue right
        # after the quote, before the clause goes on
        after = inside[-1] + 1
        while after < len(tokens) and not tokens[after].is_word and tokens[after].text != ",":
            after += 1
        cue = find_cue(tokens, lex, after, after + 3)
    cue = cue or noun_cue
    if cue is None:
        return _holder_frame(span, tokens, outside_before, lex, (left_start, right_end))
    if _quote_is_subject(tokens, span, cue, lex):
        return None
    mention, antecedent = _embedded_speaker(span, ctx, lex, tokens, cue, left_start)
    if mention is None and cue.kind == "noun":
        return None
    if _is_name(span, tokens, cue, mention, lex, text):
        return None
    cue_before = cue.end <= span.open_at
    at_sentence_end = text[span.outer_end : right_end].strip()[:1] in {"", ".", "!", "?"}
    if lex.capitalises_nouns:
        # German: the quoted words are what was said (warfen der Regierung „Wortbruch“ vor)
        # unless they sit inside a reported clause (dass er die „Sackgasse“ durchbrochen habe)
        kind = "partial" if _in_reported_clause(tokens, cue, span, lex) else "direct"
        if kind == "partial" and _whole_clause(span, tokens, text, right_end, lex):
            kind = "direct"  # stellte fest, dass „Europa dran ist.“: the reported clause is quoted whole
    else:
        adjacent = (
            cue_before
            and at_sentence_end
            and _adjacent(text, cue.end, span.open_at)
            and not _clause_between(tokens, cue.end, span.open_at, lex)
            # called the plan “a mistake”, described it as “an imposition”: a characterisation
            and cue.lemma not in lex.naming
            and not any(
                t.text.casefold() in lex.as_words
                for t in tokens
                if cue.end <= t.start and t.end <= span.open_at
            )
        )
        kind = (
            "direct" if adjacent and cue.speech and mention is not None and cue.kind == "verb" else "partial"
        )
    return Candidate(
        start=span.start,
        end=span.end,
        kind=kind,
        mention=mention,
        antecedent=antecedent,
        cue=(cue.start, cue.end),
        frame=(left_start, right_end),
        inherit=mention is None,
    )


def _quote_is_subject(tokens: list[Token], span: QuotedSpan, cue: Cue, lex: Lexicon) -> bool:
    """German: a short quote right before its verb, after wie or an article, names who speaks.

    Wie „heise online“ berichtet / Die „Zeit“ meldete: a name, not something said.
    """
    if not lex.capitalises_nouns or cue.start < span.outer_end:
        return False
    inside = [t for t in tokens if span.start <= t.start < span.end and t.is_word]
    before = [t for t in tokens if t.end <= span.open_at]
    between = [t for t in tokens if span.outer_end <= t.start < cue.start]
    if not 1 <= len(inside) <= SHORT_WORDS or not before or any(t.is_word for t in between):
        return False
    opener = before[-1].text.casefold()
    # an article counts only opening its clause (Die „Zeit“ meldete); in „hatte die „Sackgasse“
    # erwähnt“ the verb-final clause puts its object there
    clause_start = len(before) < 2 or before[-2].text in {",", ".", "!", "?", ";", ":"}
    # ein Vertreter der „con energy ag“ bezeichnet: a genitive after a noun ends the subject
    genitive = (
        opener in {"der", "des"} and len(before) >= 2 and before[-2].is_word and before[-2].is_capitalised
    )
    return opener == "wie" or (opener in {"der", "die", "das"} and clause_start) or genitive


def _embedded_speaker(
    span: QuotedSpan, ctx: Context, lex: Lexicon, tokens: list[Token], cue: Cue, left_start: int
) -> tuple[Mention | None, Mention | None]:
    """The speaker of a quote inside a sentence, and whom it means when it is a relative pronoun."""
    relative = _relative_subject(tokens, span, cue, lex)
    if relative is not None:
        return relative
    mention = speaker_of(tokens, cue, lex) or known_name_near(tokens, cue.index, ctx.known_names)
    if lex.capitalises_nouns and left_start <= ctx.previous_end and _first_word_index(tokens) == cue.index:
        # Ein Vertreter der „con energy“ bezeichnet ihre Investition als „strategisch“: the frame
        # window starts after an earlier quoted name, so the subject stands before it
        mention = _subject_before_window(ctx, left_start, lex) or mention
    return mention, None


def _relative_subject(
    tokens: list[Token], span: QuotedSpan, cue: Cue, lex: Lexicon
) -> tuple[Mention, Mention | None] | None:
    """German: Der Führer, der den Sieg als „Fest“ bezeichnete — the relative pronoun speaks.

    The quote and its verb (after the quote: a relative clause puts the verb last) stand in a
    clause opened by „, der“ with no subject of its own; the pronoun is the mention, the phrase
    before the comma whom it means.
    """
    if not lex.capitalises_nouns or cue.start < span.outer_end:
        return None
    comma = next(
        (
            i
            for i in range(len(tokens) - 1, -1, -1)
            if tokens[i].end <= span.open_at and tokens[i].text in _BREAKS
        ),
        None,
    )
    if comma is None or tokens[comma].text != "," or comma + 2 >= len(tokens):
        return None
    pronoun, following = tokens[comma + 1], tokens[comma + 2]
    folded = following.text.casefold()
    if (
        pronoun.text != "der"
        or folded in {"der", "ein"}
        or folded in lex.pronouns
        or following.is_capitalised
    ):
        # „, der der Minister … nannte“: the pronoun may be an object; der zunächst …, der die
        # Entscheidung …: with an adverb or an object after it, it is the subject
        return None
    relative = Mention(start=pronoun.start, end=pronoun.end, kind="pronoun", name=pronoun.text)
    opening = max((i + 1 for i in range(comma) if tokens[i].text in _BREAKS), default=0)
    head = tokens[opening:comma]
    antecedent = sentence_subject(head, lex, frozenset()) if head else None
    return relative, antecedent or mention_before(tokens, comma, lex)


_BREAKS: Final = frozenset({",", ";", ":", ".", "!", "?"})


def _whole_clause(span: QuotedSpan, tokens: list[Token], text: str, right_end: int, lex: Lexicon) -> bool:
    """German: the quote is a whole dass-clause up to the sentence end (dass „…“. / „dass …“.)."""
    inside = [t for t in tokens if span.start <= t.start < span.end and t.is_word]
    before = [t for t in tokens if t.end <= span.open_at]
    if len(inside) < 3 or text[span.outer_end : right_end].strip(' .!?"“”„»«') != "":
        return False
    return inside[0].text.casefold() in lex.complementizers or (
        bool(before) and before[-1].text.casefold() in lex.complementizers
    )


def _first_word_index(tokens: list[Token]) -> int:
    return next((i for i, t in enumerate(tokens) if t.is_word), -1)


def _subject_before_window(ctx: Context, window_start: int, lex: Lexicon) -> Mention | None:
    """The subject of the sentence a frame window starts in, read back over an earlier quote."""
    floor = max(ctx.paragraph_start, window_start - WINDOW)
    start = floor
    for match in _SENTENCE_END.finditer(ctx.text, floor, window_start, timeout=TIMEOUT_S):
        start = match.end()
    tokens = tokenize(ctx.text, start, window_start)
    subject = sentence_subject(tokens, lex, ctx.known_names)
    return subject if subject is not None and _opens(tokens, subject) else None


def _holder_frame(
    span: QuotedSpan, tokens: list[Token], before: list[int], lex: Lexicon, frame: tuple[int, int]
) -> Candidate | None:
    """Für den Minister ist die Lage „alarmierend“: a judgement in quotes, the holder its speaker.

    The nearest holder preposition (``quote_holder_prepositions``) before the quote in its clause
    with a person or group after it, and a copula (``quote_copulas``) in the clause.
    """
    if not lex.holder_prepositions or not before:
        return None
    clause_start = 0
    holder: int | None = None
    for index in before:
        text = tokens[index].text
        if text in {",", ";", ":", ".", "!", "?"}:
            clause_start, holder = index + 1, None
        elif text.casefold() in lex.holder_prepositions:
            holder = index
    if holder is None:
        return None
    mention = mention_after(tokens, holder + 1, lex, nominative=False)
    if (
        mention is None
        or mention.kind == "pronoun"
        or not _holder_like(mention, lex)
        or not _holder_in_place(tokens, holder, clause_start, mention, span, lex)
    ):
        return None
    clause_end = next(
        (
            i
            for i, t in enumerate(tokens)
            if t.start >= span.outer_end and t.text in {",", ";", ".", "!", "?"}
        ),
        len(tokens),
    )
    if not any(t.text.casefold() in lex.copulas for t in tokens[clause_start:clause_end]):
        return None
    return Candidate(
        start=span.start, end=span.end, kind="direct", mention=mention, frame=frame, inherit=False
    )


def _holder_in_place(
    tokens: list[Token], holder: int, clause_start: int, mention: Mention, span: QuotedSpan, lex: Lexicon
) -> bool:
    """Whether the holder phrase stands where it names a view, not as part of a noun or the quote."""
    before_holder = tokens[holder - 1] if holder > clause_start else None
    if before_holder is not None and before_holder.is_word and before_holder.is_capitalised and holder > 1:
        return False  # das Video für Ok Go „…“: für after a noun belongs to that noun
    touching = not any(t.is_word for t in tokens if mention.end <= t.start < span.open_at)
    # für viele „Kassettenkinder“: the quote ends the phrase; but war für X „…“ is a judgement
    return not touching or (before_holder is not None and before_holder.text.casefold() in lex.copulas)


def _holder_like(mention: Mention, lex: Lexicon) -> bool:
    """A person or a group: a name, a role noun, a plural group; not a thing or an abstract noun."""
    words = mention.name.split()
    if not any(word[:1].isupper() for word in words):
        return False  # für viele „…“: an article or quantifier alone, the noun is the quote
    if any(lex.is_role(word) for word in [*words, *(mention.role or "").split()]):
        return True
    if mention.kind == "name" and " " in mention.name:
        return True  # Jose Temporao
    head = words[-1].casefold() if words else ""
    # die Lehrerverbände, die Experten, die Bürger: a group; die Region, die Zukunft: no one
    return bool(head) and not head.endswith(lex.abstract_suffixes) and head.endswith(("er", "en", "e"))


def _verb_cue(tokens: list[Token], lex: Lexicon, first: int, last: int) -> Cue | None:
    """Return the last speech verb among ``tokens[first:last]``, skipping nouns and phrases."""
    while last > first:
        cue = find_cue(tokens, lex, first, last, from_end=True, speech_only=True)
        if cue is None or cue.kind in {"verb", "participle"}:
            return cue
        last = cue.index if cue.kind != "before" else cue.index - 1
    return None


def _is_name(  # noqa: PLR0911, PLR0912 - one pass, one branch per case
    span: QuotedSpan, tokens: list[Token], cue: Cue, mention: Mention | None, lex: Lexicon, ctx_text: str
) -> bool:
    """Return the quoted words name something (laut „Welt“, die „Süddeutsche Zeitung“ berichtete)."""
    if mention is not None and mention.start < span.outer_end and span.open_at < mention.end:
        return True  # the quote is (part of) the speaker phrase: a newspaper, an organisation
    before = [t for t in tokens if t.end <= span.open_at]
    after = [t for t in tokens if t.start >= span.outer_end]
    previous = before[-1] if before else None
    if (
        previous is not None
        and previous.start >= cue.start
        and cue.kind in {"before", "noun"}
        # laut Gall „auch in Zukunft bestehen“: a named source between cue and quote speaks it
        and (mention is None or mention.end > span.open_at or mention.start < cue.start)
    ):
        return True  # laut „Tagesspiegel“, nach Angaben von „Ärzte ohne Grenzen“
    if cue.kind == "after" and after and after[0].start == cue.start:
        return True  # „Welt“ zufolge
    if (
        previous is not None
        and mention is not None
        and mention.kind != "pronoun"  # nannte sie „fahrlässig“: the pronoun is the object
        and previous.end == mention.end
        and mention.end <= span.open_at
        # laut Weber „auch im nächsten Jahr …“: lower-case words after the speaker are said, not named
        and (_short_capitalised(span, tokens) or _title(span, tokens))
    ):
        return True  # meldete die Nachrichtenseite „Golem“: an apposition naming the speaker
    if previous is not None and previous.text.casefold() in lex.scare_markers:
        return True  # die sogenannte „Sackgasse“, the so-called “deal”, der Film „Sunshine“
    if span.outer_end < len(ctx_text) and ctx_text[span.outer_end] == "-":
        return True  # die „Bild“-Zeitung: part of a compound
    if (
        cue.lemma in lex.naming
        and cue.start >= span.outer_end
        and any(t.text.casefold() in lex.as_words for t in after if t.end <= cue.start)
    ):
        return True  # der „Brückenstreit“, wie ihn Lokalblätter nennen: a name others use
    if cue.lemma in lex.naming:
        reflexive = any(
            t.text.casefold() in {"sich", "itself", "themselves", "himself", "herself"} for t in tokens
        )
        if cue.kind == "participle" or reflexive or cue.lemma in {"heißen", "lauten"} or mention is None:
            return True  # auch „Bonus View“ genannt, wie sich die Junta nennt, der Name lautet „…“
    if (
        lex.capitalises_nouns
        and previous is not None
        and previous.is_word
        and _short_capitalised(span, tokens)
        and not _in_reported_clause(tokens, cue, span, lex)  # dass er die „Sackgasse“ durchbrochen habe
    ):
        # der „Arbeitskreis Vorratsdatenspeicherung“, des Projekts „Hafencity“: a name after an
        # article or a noun; quoted words people said start in lower case there („überzogen“)
        sentence_initial = len(before) < 2 or before[-2].text in {".", "!", "?", ":"}
        # articles, also fused with a preposition (zum „Austausch“), and von (der Chef von „Ener1“)
        definite = {
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "the",
            "zum",
            "zur",
            "im",
            "am",
            "beim",
            "vom",
            "von",
        }
        if len(before) >= 2 and before[-2].text.casefold() in _CHARACTERISING:
            definite = set()  # warnte vor den „Lohnverzichtstheorien“
        # an indefinite article introduces a characterisation: nannte die Absage einen „Vertrauensbruch“
        if previous.text.casefold() in definite or (previous.is_capitalised and not sentence_initial):
            return True
    if (
        previous is not None
        and previous.text.casefold() in _INDEFINITE
        and cue.kind in {"verb", "participle"}
    ):
        return False  # sprach von einer „Gefahr für Leib und Leben“: a characterisation, not a name
    return _title(span, tokens)


#: Single quotation marks: newspapers set subheadings in them
_SINGLE_MARKS: Final = frozenset({"'", "‘", "‚", "›"})


#: Prepositions of the place a text is written (auf dem Plakat, in dem Brief): that place speaks
_PLACE_PREPOSITIONS: Final = frozenset({"auf", "in", "im"})


def _place_source(tokens: list[Token], lex: Lexicon) -> Mention | None:
    """German: Auf dem Transparent war die Parole „…“ zu lesen — the fronted place is the source.

    Used only when the clause names no subject: the phrase after a place preposition opening it.
    """
    first = _first_word_index(tokens)
    if not lex.capitalises_nouns or first < 0 or tokens[first].text.casefold() not in _PLACE_PREPOSITIONS:
        return None
    phrase = mention_after(tokens, first + 1, lex, nominative=False)
    if phrase is None or phrase.kind == "pronoun":
        return None
    name = " ".join(t.text for t in tokens[first:] if t.end <= phrase.end)
    return Mention(start=tokens[first].start, end=phrase.end, kind="role", name=name, role=None)


def _names_a_title(lead_in: str, lex: Lexicon) -> bool:
    """German: the colon lead-in speaks of a name or title (Namen, Titel, Album: capitalised markers)."""
    return any(
        word[:1].isupper() and word.casefold() in lex.scare_markers
        for word in _WORDS.findall(lead_in, timeout=TIMEOUT_S)
    )


def _fills_paragraph(span: QuotedSpan, ctx: Context) -> bool:
    """Whether nothing but punctuation and spaces stands beside the quote in its paragraph."""
    text = ctx.text
    before = text[max(ctx.paragraph_start, span.open_at - 40) : span.open_at]
    after = text[span.outer_end : min(ctx.paragraph_end, span.outer_end + 40)]
    return (
        span.open_at - ctx.paragraph_start <= 40
        and ctx.paragraph_end - span.outer_end <= 40
        and not any(c.isalnum() for c in before)
        and not any(c.isalnum() for c in after)
    )


def _first_word(text: str) -> str:
    match = _WORDS.search(text, timeout=TIMEOUT_S)
    return match.group() if match else ""


def _last_word(text: str) -> str:
    r"""The word characters at the end of ``text`` (a search for \w+$ tries every position)."""
    end = len(text) - 1 if text.endswith("\n") else len(text)  # $ also matches before a final \n
    start = end
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    return text[start:end]


def _is_word_char(char: str) -> bool:
    r"""What \w matches: letters, digits, the underscore and combining marks."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _title_case(tokens: list[Token]) -> bool:
    """Every content word capitalised (Morning Joe, The Apprentice, Going Viral)."""
    words = [t for t in tokens if t.is_word]
    return (
        bool(words) and all(t.is_capitalised or len(t.text) <= 3 for t in words) and words[0].is_capitalised
    )


def _short_capitalised(span: QuotedSpan, tokens: list[Token]) -> bool:
    words = [t for t in tokens if span.start <= t.start < span.end and t.is_word]
    return 1 <= len(words) <= SHORT_WORDS and (words[0].is_capitalised or words[0].text[0].isdigit())


def _title(span: QuotedSpan, tokens: list[Token]) -> bool:
    """Tell whether the quote is a title or name: capitalised words (Allianz zur Europäischen Integration)."""
    words = [t for t in tokens if span.start <= t.start < span.end and t.is_word]
    if not 2 <= len(words) <= 6 or not words[0].is_capitalised or not words[-1].is_capitalised:
        return False
    return all(t.is_capitalised or t.text[0].isdigit() or len(t.text) <= 3 for t in words)


def _in_reported_clause(tokens: list[Token], cue: Cue, span: QuotedSpan, lex: Lexicon) -> bool:
    """Whether the quote lies in a dass-clause or a clause in Konjunktiv I after the cue."""
    if cue.end <= span.open_at:
        between = [t for t in tokens if cue.end <= t.start < span.open_at]
    else:
        between = [t for t in tokens if span.outer_end <= t.start < cue.start]
    if any(t.text.casefold() in lex.complementizers for t in between):
        return True
    commas = [i for i, t in enumerate(between) if t.text == "," and not _decimal_comma(between, i)]
    if commas and not (cue.lemma in lex.naming and cue.end <= span.open_at):
        # (nannte X, Geschäftsführer des Verbands, die Kartoffel „…“: a naming verb takes no
        # clause, its commas enclose an apposition)
        last_comma = commas[-1]
        if cue.end <= span.open_at and sum(1 for t in between[last_comma:] if t.is_word) >= 2:
            return True  # erklärte, die Gespräche gingen „weiter“: a clause of its own after the comma
        clause = [t for t in tokens if t.start >= span.open_at or t in between]
        return any(t.text.casefold() in lex.subjunctive for t in clause)
    # Er sagte die „Sackgasse“ sei durchbrochen (the comma missing): Konjunktiv in the quote's
    # own clause, up to the next clause break (not in a clause joined after it)
    for token in tokens:
        if token.start < span.outer_end:
            continue
        folded = token.text.casefold()
        if folded in _CLAUSE_BREAKS:
            return False
        if folded in lex.subjunctive:
            return True
    return False


def _decimal_comma(tokens: list[Token], index: int) -> bool:
    """5,57 Prozent: a comma between digits with no space is part of a number."""
    return (
        0 < index < len(tokens) - 1
        and tokens[index - 1].text[-1:].isdigit()
        and tokens[index + 1].text[:1].isdigit()
        and tokens[index - 1].end == tokens[index].start
        and tokens[index].end == tokens[index + 1].start
    )


#: Where the clause holding a quote ends: a comma, a conjunction joining another clause, a stop
_CLAUSE_BREAKS: Final = frozenset(
    {",", ";", ".", "!", "?", ":", "und", "oder", "aber", "sondern", "and", "or", "but"}
)
#: Finite forms of "be" and "have": a clause of its own between a cue and the quoted words
_CLAUSE_VERBS: Final = frozenset(
    {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would"}
)


_MODALS: Final = frozenset({"will", "would", "could", "should", "can", "may", "might", "must", "shall"})


def _clause_between(tokens: list[Token], cue_end: int, open_at: int, lex: Lexicon) -> bool:
    """Whether a reported clause starts between the cue and the quote (said they were “ready”).

    A subject or a verb there makes the quoted words part of the clause (a mixed quote), not
    the whole utterance.
    """
    first_quoted = next((t for t in tokens if t.start > open_at and t.is_word), None)
    if (
        first_quoted is not None
        and first_quoted.text.casefold() in _CLAUSE_VERBS | _MODALS
        and any(cue_end <= t.start and t.end <= open_at and t.is_word for t in tokens)
    ):
        return True  # warned the project “would continue”: the quote carries on a clause
    for token in tokens:
        if cue_end <= token.start and token.end <= open_at:
            folded = token.text.casefold()
            if folded in _CLAUSE_VERBS or folded in lex.complementizers or folded in lex.auxiliaries:
                return True
            if folded in lex.pronouns and folded not in {"him", "her", "them", "us", "me"}:
                return True
    return False


def _adjacent(text: str, cue_end: int, open_at: int) -> bool:
    """Only a few words between the cue and the quote (antwortete Rutte mit „Ja“)."""
    return _word_count(text, cue_end, open_at) <= 3
