"""The frames around a direct quote.

The words before, after or in the next sentence that say who speaks (Rutte sagte: „…“; „…“, sagte
er; “…,” said X, an analyst; X — „…“).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.candidate import (
    DASHES,
    SHORT_WORDS,
    WINDOW,
    WORDS,
    Candidate,
    Context,
    frame_end_after,
    sentence_start,
)
from quotekit.quotes.clause_subject import clause_subject, past_fronted_phrase
from quotekit.quotes.cues import Cue, find_cue
from quotekit.quotes.frames import known_name_near, only_skip_words, speaker_of
from quotekit.quotes.subjects import place_source, sentence_subject
from quotekit.quotes.tokens import Mention, Token, mention_after, mention_before

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.marks import QuotedSpan
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


def inverted_frame(
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


def with_words_frame(
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


def subject_frame(
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


def _cue_speaker(tokens: list[Token], cue: Cue, lex: Lexicon) -> Mention | None:
    """Who speaks by a cue before a quote: its subject, or the object of a quoting verb.

    Die Zeitung zitiert einen Insider: „…“: whom the verb quotes speaks, not the paper.
    """
    if cue.lemma in lex.object_speakers:
        quoted = mention_after(tokens, cue.index + 1, lex, nominative=False)
        if quoted is not None:
            return quoted
    return speaker_of(tokens, cue, lex)


def frame_before(  # noqa: PLR0911, PLR0912 - one frame shape after another, in order
    span: QuotedSpan, ctx: Context, lex: Lexicon, left_start: int, left: str, words: int
) -> Candidate | None:
    """Return a frame before the quote: Rutte sagte: „…“ / antwortete Rutte: „…“ / He said, "…"."""
    text = ctx.text
    left_stripped = left.rstrip()
    if left_stripped.endswith((":", ",", ";")) and left_stripped.strip(" ,:;"):
        tokens = ctx.segmentation.tokens(left_start, span.open_at)
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
            mention = _cue_speaker(tokens, cue, lex)
            inverted = (
                mention is not None
                and cue.index + 1 < len(tokens)
                and mention.start == tokens[cue.index + 1].start
                and mention.start >= cue.end
            )
            if (
                colon
                and lex.capitalises_nouns
                and (mention is None or (mention.kind == "role" and not inverted))
            ):
                # sagte dazu gegenüber der ARD: / äußerte … Vorbehalte: the clause's subject speaks;
                # not when the role follows the verb at once (…, antwortete die Ministerin:)
                subject = sentence_subject(tokens, lex, ctx.known_names)
                if subject is not None and subject.kind in {"name", "pronoun"}:
                    mention = subject
            mention = (
                mention
                or known_name_near(tokens, cue.index, ctx.known_names)
                or _clause_pronoun(tokens, lex)
                or (place_source(tokens, lex) if colon else None)  # Auf dem Plakat stand geschrieben:
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
                    group_with_previous=continues_previous(ctx, left),
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
                else sentence_subject(tokens, lex, ctx.known_names) or place_source(tokens, lex)
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
        if continues_previous(ctx, left):
            return Candidate(
                start=span.start,
                end=span.end,
                kind="direct",
                inherit=True,
                group_with_previous=True,
                frame=(left_start, span.open_at),
            )
    # A cue verb right before the quote, no colon: He told reporters "…" / She said "Amazing!"
    whole_sentence = text[span.start : span.end].rstrip()[-1:] in {".", "!", "?"} or _second_predicate(
        text, span.outer_end
    )
    if left_stripped and (words > SHORT_WORDS or (whole_sentence and left_stripped[-1:].isalpha())):
        tokens = ctx.segmentation.tokens(left_start, span.open_at)
        cue = find_cue(tokens, lex, max(0, len(tokens) - 2), None, from_end=True, speech_only=True)
        if cue is not None and cue.kind in {"verb", "participle"} and cue.lemma not in lex.naming:
            # English: Trump says “…” because “…”: the sentence goes on, so the report is mixed
            # and the quoted words are partial (the mixed quote comes from the indirect rules)
            goes_on = WORDS.search(
                text, span.outer_end, frame_end_after(ctx, span.outer_end)
            ) is not None and not _second_predicate(text, span.outer_end)
            return Candidate(
                start=span.start,
                end=span.end,
                kind="partial" if goes_on and not lex.capitalises_nouns else "direct",
                mention=speaker_of(tokens, cue, lex),
                cue=(cue.start, cue.end),
                frame=(left_start, span.open_at),
            )
    return None


#: Words joining a second predicate to the subject after a quote (said "…" and left)
_NEXT_PREDICATE: Final = frozenset({"and", "then", "und", "dann"})


def _second_predicate(text: str, at: int) -> bool:
    """Whether a second predicate of the subject follows the quote ending at ``at``.

    said "We earned this" and walked off / rief „…“ und pfiff: the quote is whole, the verb
    after the conjunction in lower case (no new subject).
    """
    limit = min(len(text), at + 40)
    first = WORDS.search(text, at, limit)
    if first is None or first.group().casefold() not in _NEXT_PREDICATE or text[at : first.start()].strip():
        return False
    second = WORDS.search(text, first.end(), limit)
    return second is not None and second.group()[:1].islower()


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
    return mention if at > 0 and tokens[at - 1].text in DASHES else None


#: Words opening an adverbial clause after a quote ("…," after Fallon expressed …).
_TRAILING_OPENERS: Final = frozenset({"after", "when", "while", "before", "as", "because", "since", "until"})


#: English frames after a quote ending in ?, ! or a full stop: the subject fills this many tokens at most.
_SUBJECT_TOKENS: Final = 12


def subject_first_cue(
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


def function_word_surname(token: Token, lex: Lexicon) -> Mention | None:
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


def subject_before_object(
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


def trailing_clause(tokens: list[Token], cue: Cue, first: int, lex: Lexicon) -> bool:
    """English: the cue after a quote is an -ing form or sits in an adverbial clause (adding …, after …)."""
    if lex.capitalises_nouns:
        return False
    if tokens[cue.index].text.endswith("ing"):
        return True
    return any(t.text.casefold() in _TRAILING_OPENERS for t in tokens[first : cue.index])


def new_main_clause(tokens: list[Token], first: int, cue: Cue, left: str, lex: Lexicon) -> bool:
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
    if not WORDS.search(left) or left.endswith((":", ",")):
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


def next_sentence_frame(span: QuotedSpan, ctx: Context, lex: Lexicon) -> Candidate | None:
    """„Ja, es gibt Zumutungen.“ Das musste der Minister einräumen: the next sentence points back.

    It opens with a ``quote_back_references`` word (das, dies), its finite verb next, then the
    speaker, and holds a speech verb (sagte, or an infinitive with its particle: einräumen).
    """
    if not lex.back_references and not lex.words_phrases:
        return None
    text = ctx.text
    start = span.outer_end
    limit = min(ctx.paragraph_end, ctx.next_start, start + WINDOW)
    while start < limit and (text[start].isspace() or text[start] in ".!?"):
        start += 1
    if start >= limit or not text[start].isupper():
        return None
    tokens = ctx.segmentation.tokens(start, limit)
    end = next((i for i, t in enumerate(tokens) if t.text in {".", "!", "?", ":"}), len(tokens))
    tokens = tokens[:end]
    words = _words_phrase_frame(span, tokens, lex)
    if words is not None or not lex.back_references:
        return words
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


def _words_phrase_frame(span: QuotedSpan, tokens: list[Token], lex: Lexicon) -> Candidate | None:
    """„…“ Mit diesen Worten eröffnete X das Rathaus; With those words, X closed …: X spoke the quote.

    The phrase says the quote's words were someone's; its verb need not be one of speaking.
    German puts the subject after the finite verb (or its auxiliary), English before it.
    """
    longest = max(map(len, lex.words_phrases), default=0)
    folded = [token.text.casefold() for token in tokens[:longest]]
    phrase = next((p for p in lex.words_phrases if tuple(folded[: len(p)]) == p), None)
    if phrase is None:
        return None
    position = len(phrase) + (len(phrase) < len(tokens) and tokens[len(phrase)].text == ",")
    if position >= len(tokens) or not tokens[position].is_word:
        return None
    verb = tokens[position].text.casefold()
    if (
        verb in lex.prepositions
        or verb in _PASSIVE_AUXILIARIES
        or (verb in lex.function_words and verb not in lex.auxiliaries)
    ):
        # Mit diesen Worten im Ohr …; … wurde er begrüßt; Mit den Worten des Dichters …: the
        # words are not the subject's, or no subject speaks
        return None
    if tokens[position].text[:1].islower():
        position += 1  # Mit diesen Worten eröffnete X: the verb, then its subject
        while position < len(tokens) and tokens[position].text.casefold() in {"sich", *lex.skip_words}:
            position += 1  # verabschiedete sich X
    mention = mention_after(tokens, position, lex)
    if mention is None or not _may_be_a_person(mention, lex):
        return None  # Mit diesen Worten endete die Pressekonferenz: a thing, not who spoke
    return Candidate(
        start=span.start,
        end=span.end,
        kind="direct",
        mention=mention,
        cue=(tokens[0].start, tokens[len(phrase) - 1].end),
        frame=(span.open_at, tokens[-1].end),
    )


def _may_be_a_person(mention: Mention, lex: Lexicon) -> bool:
    """A pronoun, a full name, or a description whose head is a role or refers back to someone.

    Die Pressekonferenz, the meeting: one common noun after its article is a thing.
    """
    if mention.kind == "pronoun" or (mention.kind == "name" and mention.role is None and " " in mention.name):
        return True
    if mention.kind == "name" and mention.end - mention.start == len(mention.name):
        return True  # a surname alone (Merkel): no article before it
    head = (mention.role or mention.name).split()[-1]
    folded = head.casefold()
    return (
        lex.is_role(head)
        or folded in lex.anaphor_nouns
        or folded.endswith(lex.anaphor_suffixes)
        or (mention.kind == "name" and mention.role is not None)
    )


#: Passive auxiliaries: after "Mit diesen Worten wurde X begrüßt" X did not speak
_PASSIVE_AUXILIARIES: Final = frozenset({"wurde", "wurden", "wird", "werden", "was", "were"})


def _particle_infinitive(word: str, lex: Lexicon) -> bool:
    """einräumen, mitteilen: a separable speech verb's infinitive, particle and stem joined."""
    folded = word.casefold()
    for particle in lex.particles:
        if len(folded) > len(particle) + 3 and folded.startswith(particle):
            readings = lex.verbs.get(folded[len(particle) :], ())
            if any(r.particle == particle and r.speech for r in readings):
                return True
    return False


def previous_sentence_speaker(
    ctx: Context, left_start: int, lex: Lexicon
) -> tuple[Mention | None, tuple[int, int] | None, Mention | None]:
    """Return a quote standing alone after a sentence that announces a speaker (…, sagte Beck. „…“).

    Returns the speaker the previous sentence's cue names with that cue, or else a fallback:
    the subject of the previous sentence, used when no earlier quote's speaker carries on.
    """
    floor = max(ctx.paragraph_start, ctx.previous_end, left_start - WINDOW)
    if floor >= left_start:
        return None, None, None
    start = sentence_start(ctx, left_start - 1, floor)
    tokens = ctx.segmentation.tokens(start, left_start)
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
    subject = sentence_subject(tokens, lex, ctx.known_names)
    if subject is not None and subject.kind == "role" and subject.role is None:
        # Die Musik spielte im Takt. „…“: a thing the sentence is about says nothing
        head = subject.name.rsplit(maxsplit=1)[-1]
        if not lex.may_speak(head):
            subject = None
    return None, None, subject


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


def continues_previous(ctx: Context, left: str) -> bool:
    """„…“, sagte er, „…“: the quote goes on after a frame inserted into it.

    The frame ends in a comma (or, in older text, a semicolon: »…,« sagte sie, ihn küssend;
    »…«); the quote before it ended in a comma, or in a cry or question (»Niemand!« knurrte
    er, »…«).
    """
    ending = ctx.text[max(0, ctx.previous_end - 4) : ctx.previous_end + 2]
    stripped = left.rstrip()
    return (
        ctx.previous_end >= 0
        and ctx.previous_end >= ctx.paragraph_start
        # the comma sits inside the closing mark ("…," he said) or right after it („…“, sagte er)
        and (
            (stripped.endswith(",") and any(mark in ending for mark in ",!?"))
            or (stripped.endswith(";") and "," in ending)
        )
    )


def _colon_speaker(tokens: list[Token], lex: Lexicon) -> Mention | None:
    """Rutte: „…“ — a name right before the colon, in a short lead-in."""
    if not tokens or tokens[-1].text != ":":
        return None
    mention = mention_before(tokens, len(tokens) - 1, lex)
    if mention is None or (mention.kind == "role" and len(tokens) > 6):
        return None
    return mention
