"""Quoted words inside a sentence.

A partial quote of the clause's speaker, a name or title, or a term that nobody utters (die
„Sackgasse“ durchbrochen habe; der „Trump-Flüsterer“).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from quotekit.quotes.candidate import (
    CHARACTERISING,
    INDEFINITE,
    SHORT_WORDS,
    WINDOW,
    Candidate,
    Context,
    sentence_start,
    word_count,
)
from quotekit.quotes.clauses import IRREGULAR_PASTS_EN
from quotekit.quotes.cues import Cue, find_cue
from quotekit.quotes.frames import known_name_near, speaker_of
from quotekit.quotes.subjects import first_word_index, opens, sentence_subject
from quotekit.quotes.tokens import Mention, Token, mention_after, mention_before

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.marks import QuotedSpan


def embedded_quote(  # noqa: PLR0912 - one test per shape of quoted words, in order
    span: QuotedSpan, ctx: Context, lex: Lexicon, left_start: int, right_end: int
) -> Candidate | None:
    """Return the quote that quoted words inside a sentence are, or ``None`` for a term or title."""
    text = ctx.text
    tokens = ctx.segmentation.tokens(left_start, right_end)
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
    if not lex.capitalises_nouns and not cue.speech and word_count(text, span.start, span.end) <= 2:
        return None  # thinks that goats are "geniuses": a scare quote in a belief, no words said
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
    if not 1 <= len(inside) <= SHORT_WORDS or any(t.is_word for t in between):
        return False
    if not before:
        # „Muslix64“ erwähnte auch, dass …: opening the sentence, with no subject after the verb
        # (as „Nein“ sagte er has), the quoted name is the subject
        return mention_after(tokens, cue.index + 1, lex) is None
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
    if lex.capitalises_nouns and left_start <= ctx.previous_end and first_word_index(tokens) == cue.index:
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


def _subject_before_window(ctx: Context, window_start: int, lex: Lexicon) -> Mention | None:
    """The subject of the sentence a frame window starts in, read back over an earlier quote."""
    floor = max(ctx.paragraph_start, window_start - WINDOW)
    start = sentence_start(ctx, window_start, floor)
    tokens = ctx.segmentation.tokens(start, window_start)
    subject = sentence_subject(tokens, lex, ctx.known_names)
    return subject if subject is not None and opens(tokens, subject) else None


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


def _is_name(  # noqa: C901, PLR0911, PLR0912 - one pass, one branch per case
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
        and (_short_capitalised(span, tokens) or title(span, tokens))
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
        if cue.kind == "verb" and cue.end <= span.open_at and mention.end <= cue.start:
            return False  # Der BUND nannte die Pläne „Geldverschwendung“: the speaker's word for them
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
        if len(before) >= 2 and before[-2].text.casefold() in CHARACTERISING:
            definite = set()  # warnte vor den „Lohnverzichtstheorien“
        # an indefinite article introduces a characterisation: nannte die Absage einen „Vertrauensbruch“
        if previous.text.casefold() in definite or (previous.is_capitalised and not sentence_initial):
            return True
    if previous is not None and previous.text.casefold() in INDEFINITE and cue.kind in {"verb", "participle"}:
        return False  # sprach von einer „Gefahr für Leib und Leben“: a characterisation, not a name
    return title(span, tokens)


def _short_capitalised(span: QuotedSpan, tokens: list[Token]) -> bool:
    words = [t for t in tokens if span.start <= t.start < span.end and t.is_word]
    return 1 <= len(words) <= SHORT_WORDS and (words[0].is_capitalised or words[0].text[0].isdigit())


def title(span: QuotedSpan, tokens: list[Token]) -> bool:
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
        # werden „pro rata“ bedient, sagte X: the clause the cue reports holds the quote among
        # words of its own; „Es gab keine Verletzten“, laut Polizei: the quote is that clause
        quote_in_clause = cue.start >= span.outer_end and (
            any(t.is_word for t in tokens if t.end <= span.open_at)
            or any(t.is_word for t in between[: commas[0]])
        )
        if quote_in_clause or (
            cue.end <= span.open_at and sum(1 for t in between[last_comma:] if t.is_word) >= 2
        ):
            # erklärte, die Gespräche gingen „weiter“: a clause of its own after the comma
            return True
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
    previous = ""
    for token in tokens:
        if cue_end <= token.start and token.end <= open_at:
            folded = token.text.casefold()
            if folded in _CLAUSE_VERBS or folded in lex.complementizers or folded in lex.auxiliaries:
                return True
            if folded in lex.pronouns and folded not in {"him", "her", "them", "us", "me"}:
                return True
            if (
                not lex.capitalises_nouns
                and previous  # a subject before it (not: told stunned delegates “…”)
                and token.text.islower()  # not a name (Fareed, United Nations)
                and (folded in IRREGULAR_PASTS_EN or (folded.endswith("ed") and len(folded) > _SHORTEST_PAST))
                and previous not in lex.determiners
            ):
                return True  # insisted the business remained “sound”: a past after its subject
            previous = folded
    return False


#: Letters of the shortest English past in -ed read as a clause's verb (owed, used are shorter)
_SHORTEST_PAST: Final = 4


def _adjacent(text: str, cue_end: int, open_at: int) -> bool:
    """Only a few words between the cue and the quote (antwortete Rutte mit „Ja“)."""
    return word_count(text, cue_end, open_at) <= 3
