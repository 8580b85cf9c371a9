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

from quotekit.quotes.appositions import quoted_name_after
from quotekit.quotes.candidate import (
    CHARACTERISING,
    DASHES,
    SHORT_WORDS,
    WINDOW,
    WORDS,
    Candidate,
    Context,
    frame_end_after,
    sentence_start,
    word_count,
)
from quotekit.quotes.cues import COORDINATORS, Cue, find_cue
from quotekit.quotes.direct_frames import (
    continues_previous,
    frame_before,
    function_word_surname,
    inverted_frame,
    new_main_clause,
    next_sentence_frame,
    previous_sentence_speaker,
    subject_before_object,
    subject_first_cue,
    subject_frame,
    trailing_clause,
    with_words_frame,
)
from quotekit.quotes.embedded import embedded_quote, title
from quotekit.quotes.frames import speaker_of
from quotekit.quotes.sources import source_after
from quotekit.quotes.subjects import place_source, sentence_subject
from quotekit.quotes.tokens import Mention, Token, mention_after, mention_before, token_at

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.marks import QuotedSpan

__all__ = ["classify"]
#: Closing marks of a quote nested at the very end of another, with the spaces around them.
_NESTED_CLOSERS: Final = " \u00a0'’‘\"”“›‹"


#: How far after „…“, hat/hatte the participle of a perfect frame may stand
_PARTICIPLE_REACH: Final = 14


def _organisation_antecedent(
    ctx: Context, left_start: int, lex: Lexicon, mention: Mention | None
) -> Mention | None:
    """The ministry published new rules. "…," it said: the organisation the sentence before names.

    English "it" and "they" in a frame after the quote; the previous sentence's speaker or
    subject counts when its head is a word for an organisation or a group (ministry, company,
    port authority). Without it the pronoun stays unresolved when the organisation has not
    spoken before.
    """
    if lex.capitalises_nouns or mention is None or mention.kind != "pronoun":
        return None
    if mention.name.casefold() not in {"it", "they"}:
        return None
    named, _, subject = previous_sentence_speaker(ctx, left_start, lex)
    organisations = lex.group_nouns | lex.organisation_heads
    for found in (named, subject):
        if found is None or found.kind == "pronoun":
            continue
        # the phrase up to its first word for an organisation (a subject phrase read too far,
        # "The ministry published new rules", ends there)
        words = found.name.split()
        head = next((i for i, word in enumerate(words) if word.casefold() in organisations), None)
        if head is None:
            continue
        name = " ".join(words[: head + 1])
        if ctx.text.startswith(name, found.start):
            return Mention(start=found.start, end=found.start + len(name), kind=found.kind, name=name)
    return None


def _left_start(ctx: Context, open_at: int) -> int:
    paragraph_start = ctx.paragraph_start
    # walk back over spaces only: slicing from the paragraph start would cost O(paragraph) per
    # quote, quadratic in one long paragraph full of marks
    before = open_at
    while before > paragraph_start and ctx.text[before - 1].isspace():
        before -= 1
    anchor = open_at
    if before == paragraph_start:
        # He told his audience: ¶ “…” — a lead-in paragraph ending in a colon frames the quote
        lead_end = paragraph_start - 1
        while lead_end > 0 and ctx.text[lead_end - 1].isspace():
            lead_end -= 1
        if lead_end > 0 and ctx.text[lead_end - 1] == ":" and ctx.previous_end < lead_end:
            paragraph_start = max(0, ctx.text.rfind("\n", 0, lead_end) + 1)
            anchor = lead_end - 1  # the quote's sentence is the lead-in's
    return sentence_start(ctx, anchor, max(paragraph_start, ctx.previous_end, open_at - WINDOW))


def classify(span: QuotedSpan, ctx: Context, lex: Lexicon) -> Candidate | None:  # noqa: C901, PLR0911, PLR0912, PLR0915 - one rule after another, in order
    """Return the quote ``span`` is, or ``None`` for a term, title or scare quote."""
    text = ctx.text
    content = text[span.start : span.end].rstrip()
    if not content.strip():
        return None
    left_start = _left_start(ctx, span.open_at)
    right_start = span.outer_end
    right_end = frame_end_after(ctx, right_start)
    left = text[left_start : span.open_at]
    right = text[right_start:right_end]
    left_stripped = left.rstrip()
    right_stripped = right.lstrip()
    # "…saying, ‘I love corn,’” he said: the punctuation before a nested closing mark ends the quote
    last_char = (content.rstrip(_NESTED_CLOSERS) or content)[-1]
    words = word_count(text, span.start, span.end)

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

    if (
        span.opener in _SINGLE_MARKS
        and words <= 2 * SHORT_WORDS
        and _fills_paragraph(span, ctx)
        and not _speaks(text, span.start, span.end)
    ):
        return None  # ¶'Legend in the Coal Fields.'¶ — a subheading in single marks, not an utterance
    before_word = _last_word(left_stripped.rstrip(" ,:")).casefold()
    if (before_word in lex.scare_markers or (before_word == "of" and not lex.capitalises_nouns)) and (
        words <= 2 * SHORT_WORDS
    ):
        title_tokens = ctx.segmentation.tokens(span.start, span.end)
        if title(span, title_tokens) or (lex.capitalises_nouns is False and _title_case(title_tokens)):
            return None  # in his book, “Make Your Kid a Millionaire,” he suggested: a title, named

    characterising = _last_word(left_stripped).casefold() in CHARACTERISING
    # She said "Amazing!" / He was shocked--"My cow!": a cry after a speech verb or a glued dash
    cried = last_char in "!?" and (
        left.endswith(("--", "—", "–")) or any(verb.speech for verb in lex.cue(_last_word(left_stripped)))
    )
    if (
        left_stripped
        and not left_stripped.endswith((":", ","))
        and words <= SHORT_WORDS + 1
        and not characterising
        and not cried
    ):
        title_tokens = ctx.segmentation.tokens(span.start, span.end)
        if title(span, title_tokens) or (lex.capitalises_nouns is False and _title_case(title_tokens)):
            # on ABC's “This Week,” Carson said: a title inside the sentence — unless a noun for
            # something said names it (mit der Parole „Stoppt den Überwachungswahn“)
            return _named_utterance(span, ctx, lex, words, speaks=_speaks(text, span.start, span.end))

    if (
        _last_word(left_stripped).casefold() in lex.prepositions - _QUOTATIVE
        and words >= 2  # one capitalised word is no title (antwortete mit „Ja“)
        and not _speaks(text, span.start, span.end)
    ):
        title_tokens = ctx.segmentation.tokens(span.start, span.end)
        if title(span, title_tokens) or (not lex.capitalises_nouns and _title_case(title_tokens)):
            # who starred in “Once Upon a Time in Hollywood,” said …: the object of a preposition
            # in title case names a work; the frame after it is the sentence's, not the title's
            return None

    # 1. A frame after the quote: „…“, sagte Rutte / "…," he said / „…“, so Rutte
    # an English quote of some length ending in a word, an ellipsis or a dash, not in punctuation
    unpunctuated = (
        not lex.capitalises_nouns
        and words > SHORT_WORDS
        and (last_char.isalnum() or last_char in "…-—–")
        and (not left_stripped or left_stripped[-1] in ".!?")  # a sentence of its own, not a phrase in one
    )
    opens_frame = (
        right_stripped.startswith((",", "—", "–", "―", "- ", "--"))
        or (last_char in ",!?" and right_stripped[:1].isalpha())
        or (last_char in ",!?" and not right_stripped)
        # German without the comma scraped text often drops: „…“ kommentierte er / „…“ heißt es
        or (lex.capitalises_nouns and words > SHORT_WORDS and right_stripped[:1].islower())
        # English that lost the comma: "….” Trump said. / "… too" Sweeney said / "…" he said
        or (not lex.capitalises_nouns and last_char == "." and right_stripped[:1].isalpha())
        or (unpunctuated and right_stripped[:1].isalpha())
    )
    if (
        opens_frame
        and last_char == ","  # "…," she asked / "…?" she asked: only a comma leaves a clause open
        and right_stripped[:1].isalpha()
        and _first_word(right_stripped).casefold() not in COORDINATORS  # "…," and left the stage
        and _inside_a_clause(left_stripped, lex)
    ):
        # demanded "immediate cash payments," a spokeswoman said: the quoted words end a clause
        # the frame reports (a mixed quote)
        return None
    if opens_frame and right_stripped:
        # “…,” he 'said', “…”: a cue verb set in single marks is still the frame's verb
        tokens = [
            t
            for t in ctx.segmentation.tokens(right_start, right_end)
            if t.text not in _SINGLE_MARKS_AROUND_WORD
        ]
        first = 1 if tokens and tokens[0].text in {",", *DASHES} else 0
        while first < len(tokens) and tokens[first].text in DASHES and tokens[first - 1].text in DASHES:
            first += 1  # "…"--said X: a dash typed as two hyphens
        reach = 30 if not lex.capitalises_nouns else 8
        if lex.capitalises_nouns and first < len(tokens) and tokens[first].text.casefold() in lex.auxiliaries:
            reach = _PARTICIPLE_REACH  # „…“, hat Trainer X nach dem Spiel gesagt: the participle comes last
        if first == 0 and last_char != ",":
            reach = 6 if not lex.capitalises_nouns else 1  # "…?" asked Smith / „…!“ rief er
        if not lex.capitalises_nouns and first == 0 and (last_char in ".!?" or unpunctuated):
            cue, subject = subject_first_cue(tokens, lex, ctx.known_names, "?" if unpunctuated else last_char)
            if cue is None and last_char == ".":
                cue, opens_frame = None, False
        else:
            cue, subject = find_cue(tokens, lex, first, first + reach), None
            opens_with_frame_word = bool(tokens) and tokens[0].text in lex.frame_words
            if cue is None and first == 0 and last_char in ".!?" and opens_with_frame_word:
                # „…“ so das Fazit der Betreiber: the comma of „…“, so X dropped after the full stop
                cue = Cue(index=0, start=tokens[0].start, end=tokens[0].end, speech=True, kind="frame")
        if cue is not None and new_main_clause(tokens, first, cue, left_stripped, lex):
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
        if cue is not None and trailing_clause(tokens, cue, first, lex):
            # He also vowed, "…," referring to ISIS: the clause after the quote is no frame
            left_frame = frame_before(span, ctx, lex, left_start, left, words)
            if left_frame is not None and left_frame.mention is not None:
                return left_frame
        if cue is not None and cue.kind not in {"noun", "before"}:
            mention = subject or subject_before_object(
                tokens, cue, lex, first, speaker_of(tokens, cue, lex, first)
            )
            if mention is None and last_char == "," and cue.index == first + 1:
                mention = function_word_surname(tokens[first], lex)
            if mention is None and lex.capitalises_nouns and cue.index == first:
                # „…“, schrieb „Die Zeit“: the frame stops at the next quote, so look past it
                mention = quoted_name_after(
                    ctx.segmentation.tokens(cue.end, min(ctx.paragraph_end, cue.end + 60)), 0
                )
            if mention is None and cue.kind == "frame":
                cue = None
            elif mention is None:
                left_frame = frame_before(span, ctx, lex, left_start, left, words)
                if left_frame is not None and left_frame.mention is not None:
                    left_frame.cue = (cue.start, cue.end)
                    return left_frame
                if lex.capitalises_nouns and WORDS.search(left):
                    # nannte die Bewerbung „respektabel“, stellte aber fest, …: a verb without a
                    # subject of its own after the quote; the sentence around the quote frames it
                    embedded = embedded_quote(span, ctx, lex, left_start, right_end)
                    if embedded is not None and embedded.mention is not None and embedded.cue is not None:
                        return embedded
        if (
            cue is not None
            and cue.kind == "before"
            and cue.start == tokens[first].start
            and (words >= 2 or _speaks(text, span.start, span.end))  # not „Interfax“, wonach …
        ):
            source = _source_after_quote(tokens, cue, lex, span, right_start, right_end)
            if source is not None:
                return source
        # The frame's verb: a cue verb, else the verb of an inverted or subject-first frame.
        verb_span: tuple[int, int] | None = None
        antecedent: Mention | None = None
        if cue is not None and cue.kind not in {"noun", "before"}:
            verb_span = (cue.start, cue.end)
        elif not opens_frame:
            pass
        elif inverted := (
            inverted_frame(tokens, first, words, lex)
            or subject_frame(tokens, first, last_char, lex)
            or with_words_frame(tokens, first, cue, lex)
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
                left_frame = frame_before(span, ctx, lex, left_start, left, words)
                left_named = left_frame.mention if left_frame is not None else None
                if left_named is not None and left_named.kind == "name" and " " in left_named.name:
                    antecedent = left_named
            antecedent = antecedent or _organisation_antecedent(ctx, left_start, lex, mention)
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                mention=mention,
                antecedent=antecedent,
                cue=verb_span,
                frame=(right_start, right_end),
                inherit=mention is None,
                group_with_previous=continues_previous(ctx, left),
            )

    if right_stripped[:1] in {"—", "―", "–", "-"}:
        # “…” ― Francisco Herrero: a signature after a dash
        tokens = ctx.segmentation.tokens(right_start, right_end)
        mention = mention_after(tokens, 1, lex) if len(tokens) > 1 else None
        if (
            mention is not None
            and mention.kind == "name"
            and all(not t.is_word for t in tokens if t.start >= mention.end)
        ):
            return Candidate(
                start=span.start, end=span.end, kind="direct", mention=mention, frame=(right_start, right_end)
            )

    if _headline(span, ctx, left_stripped):
        return None  # “…”: union vows strike ¶ — a headline quotes no one in a sentence of the text
    if _handle_label(left_stripped, ctx, span):
        return None  # ¶Ben77: “Totally agree.” — a reader's comment under a user name

    found = frame_before(span, ctx, lex, left_start, left, words)
    if found is not None:
        return found

    speaks = _speaks(text, span.start, span.end)
    if ctx.previous_end >= 0 and left_start <= ctx.previous_end and (words > SHORT_WORDS or speaks):
        between = text[ctx.previous_end : span.open_at].strip().casefold()
        # ein „geflügeltes Wort“: „That's one small step …“ — a colon right after an earlier
        # quoted term; „…“ und „…“ — a second statement joined to the first
        joined = between in {"und", "oder", "sowie", "and", "or"} and (
            word_count(text, ctx.previous_end - WINDOW, ctx.previous_end) > 0
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
        tokens = ctx.segmentation.tokens(left_start, span.open_at)
        mention = mention_before(tokens, len(tokens) - 1, lex) if len(tokens) > 1 else None
        if mention is not None and mention.kind == "name" and mention.end >= tokens[-1].start - 1:
            frame = (left_start, span.open_at)
            return Candidate(start=span.start, end=span.end, kind="direct", mention=mention, frame=frame)

    named = _named_utterance(span, ctx, lex, words, speaks=speaks)
    if named is not None:
        return named

    if not span.closed and len(text) - span.end <= _TAIL and not text[span.end :].strip():
        # an unclosed mark at the end of the text (a cut-off page, a stray mark): a quote only
        # when a frame says so, which the rules above looked for; the diagnostic reports the mark
        return None

    # 4. A quote that is a sentence of its own: the last speaker goes on talking
    # (He was shocked--"My cow!": a dash glued to the mark sets the quote apart like a colon)
    sentence_start = not left.strip(" \t\u00a0—–-") or (
        left.endswith(("--", "—", "–"))
        and content[:1].isupper()
        and last_char in ".!?"
        and right_stripped[:1] in {"", ".", "!", "?", "…"} | set(DASHES)
    )
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
                and not title(span, ctx.segmentation.tokens(span.start, span.end))
            )
        )
    ):
        after = next_sentence_frame(span, ctx, lex)
        if after is not None:
            return after
        mention, cue_span, fallback = previous_sentence_speaker(ctx, left_start, lex)
        if left.strip(" \t\u00a0—–-") and fallback is None:
            # Frank Lowe stared at the field, shocked--"…": the clause glued on by the dash
            # names who cries out
            fallback = sentence_subject(
                ctx.segmentation.tokens(left_start, span.open_at), lex, ctx.known_names
            )
        if mention is None and fallback is None and _lone_paragraph(span, ctx):
            # a paragraph of quoted words amid other text, with no quote before or after it to
            # talk with: a slogan in a donation box or a pull quote, nobody's utterance here
            return None
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
    return embedded_quote(span, ctx, lex, left_start, right_end)


#: Prepositions that also introduce words said (she was like "…", as "…" goes the saying)
_QUOTATIVE: Final = frozenset({"like", "as", "als"})

#: Words right after a quote that carry its sentence on (… „…“ wie Spielberg ausübten)
_CLAUSE_GOES_ON: Final = frozenset(
    {"wie", "als", "der", "die", "das", "den", "dem", "dass", "daß", "ob", "like", "as"}
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
    return any(word.casefold() in _SPEAKER_WORDS for word in WORDS.findall(content))


def _speaks_or_long(text: str, previous_end: int, lex: Lexicon) -> bool:
    """Whether the quote ending at ``previous_end`` was a statement (long, or said by someone)."""
    del lex
    opener = max(text.rfind(mark, max(0, previous_end - 2000), previous_end - 1) for mark in '„“"»«')
    if opener < 0:
        return False
    return word_count(text, opener + 1, previous_end) > SHORT_WORDS + 2 or _speaks(
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
    tokens = ctx.segmentation.tokens(floor, span.open_at)
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
    while head > 0 and tokens[head - 1].text.casefold() in lex.determiners | CHARACTERISING:
        head -= 1  # the noun's own article is no subject
    sentence = max(
        (i + 1 for i, token in enumerate(tokens[:head]) if token.text in {".", "!", "?", ":"}), default=0
    )
    mention = sentence_subject(tokens[sentence:head], lex, ctx.known_names) or place_source(
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


#: Single marks that set one word of a frame apart (he 'said'), skipped in the frame's tokens
_SINGLE_MARKS_AROUND_WORD: Final = frozenset({"'", "‘", "’", "`"})
#: Single quotation marks: newspapers set subheadings in them
_SINGLE_MARKS: Final = frozenset({"'", "‘", "‚", "›"})


#: Fewest words before a quote, in its sentence, that make it part of a clause
_CLAUSE_WORDS_BEFORE: Final = 3


def _inside_a_clause(left: str, lex: Lexicon) -> bool:
    """English: whether the quote goes on a clause of its sentence (demanded "…,"), not opens one.

    Words before it, none of them ending in a colon, comma or dash, the last no verb of speaking
    (Er sagte „…“ frames the quote) and no word that names it (the slogan "…").
    """
    if lex.lang != "en":
        return False  # German news sets such quotes off as direct speech (wikinews-de annotates them so)
    words = WORDS.findall(left)
    if len(words) < _CLAUSE_WORDS_BEFORE or left.endswith((":", ",", ";", "—", "–", "-", "(")):
        return False
    last = words[-1]
    return (
        not any(verb.speech for verb in lex.cue(last))
        and last.casefold() not in lex.scare_markers
        and last.casefold() not in lex.utterance_nouns
    )


def _source_after_quote(
    tokens: list[Token], cue: Cue, lex: Lexicon, span: QuotedSpan, right_start: int, right_end: int
) -> Candidate | None:
    """A source phrase right after the quote ("…," according to Ellen Park, the agency's director.).

    The source it names speaks the quote; what follows the source (an apposition) is no report.
    """
    folded = [token.text.casefold() for token in tokens]
    found = source_after(tokens, folded, token_at(tokens, cue.start), cue.index + 1, lex)
    if found is None or found[0].kind == "pronoun":
        return None
    mention = found[0]
    return Candidate(
        start=span.start,
        end=span.end,
        kind="direct",
        mention=mention,
        cue=(cue.start, cue.end),
        frame=(right_start, right_end),
    )


def _names_a_title(lead_in: str, lex: Lexicon) -> bool:
    """German: the colon lead-in speaks of a name or title (Namen, Titel, Album: capitalised markers).

    Not a marker that is the subject of a speech verb right after it (Die Zeitung zitiert einen
    Insider: „…“): the paper quotes someone, it names no title.
    """
    words = WORDS.findall(lead_in)
    return any(
        word[:1].isupper()
        and word.casefold() in lex.scare_markers
        and not (index + 1 < len(words) and any(verb.speech for verb in lex.cue(words[index + 1])))
        for index, word in enumerate(words)
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


#: A paragraph longer than this is body text, not a headline
_HEADLINE_LENGTH: Final = 160
#: Spaces and marks after an unclosed quote that still leave it at the end of the text
_TAIL: Final = 200
#: Dashes opening a signature line under a quote
_SIGNATURE_DASHES: Final = frozenset({"-", "–", "—", "―"})
#: The longest user name and colon before a comment
_HANDLE_LENGTH: Final = 40


def _headline(span: QuotedSpan, ctx: Context, left_stripped: str) -> bool:
    """Whether the quote stands in a short title line that goes on after it, ending in no punctuation.

    „…“ – Werftarbeiter kämpfen um ihre Jobs / “…”: union vows strike / Review: “…” is a slow
    burn: a title line, at most a one-word label before the quote; a quote framed by a cue verb
    after it has been decided before.
    """
    text = ctx.text
    if ctx.paragraph_end - ctx.paragraph_start > _HEADLINE_LENGTH + _TAIL:
        return False  # body text (and no slicing of a long paragraph once per quote)
    end = ctx.paragraph_end
    while end > span.outer_end and text[end - 1].isspace():
        end -= 1
    lead = text[ctx.paragraph_start : span.open_at].strip()
    return (
        end - ctx.paragraph_start <= _HEADLINE_LENGTH
        and (not lead or (left_stripped.endswith(":") and " " not in lead))
        and end > span.outer_end
        and text[end - 1].isalnum()
        and any(c.isalpha() for c in text[span.outer_end : end])
    )


def _handle_label(left_stripped: str, ctx: Context, span: QuotedSpan) -> bool:
    """Whether the quote follows a user name and a colon that open its line (Anna_K: “…”, Ben77: “…”)."""
    if not left_stripped.endswith(":") or span.open_at - ctx.paragraph_start > _HANDLE_LENGTH:
        return False
    lead = ctx.text[ctx.paragraph_start : span.open_at].strip()
    if not lead.endswith(":"):
        return False
    name = lead[:-1].strip()
    return (
        bool(name)
        and " " not in name
        and ("_" in name or any(c.isdigit() for c in name))
        and any(c.isalpha() for c in name)
    )


def _lone_paragraph(span: QuotedSpan, ctx: Context) -> bool:
    """Whether the quote fills a paragraph of its own and is the text's only quote, amid other text.

    A quote that runs on over paragraphs (each re-opening the mark) is speech set out at length,
    never a box: it is not lone.
    """
    text = ctx.text
    following = text[ctx.paragraph_end : ctx.paragraph_end + _TAIL].lstrip()
    return (
        ctx.previous_end < 0
        and text.find("\n\n", span.start, span.end) < 0
        and ctx.next_start >= len(text)
        and following[:1] not in _SIGNATURE_DASHES  # ¶- Maria Signaturova: a signed quote
        and not any(c.isalnum() for c in text[ctx.paragraph_start : span.open_at])
        and not any(c.isalnum() for c in text[span.outer_end : ctx.paragraph_end])
        and (bool(text[: ctx.paragraph_start].strip()) or bool(text[ctx.paragraph_end :].strip()))
    )


def _first_word(text: str) -> str:
    match = WORDS.search(text)
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
