"""Frames: the words around a quote that make it an utterance and name its speaker.

A frame is a cue verb with its speaker after the quote („…“, sagte Rutte; "…," he said),
a colon frame before it (antwortete Rutte: „…“), or a cue phrase (laut X, so X, according to
X). :func:`find_cue` and :func:`speaker_of` work on the token list of one clause.
The names set beside a speaker phrase (in apposition, in quotation marks) are read in
:mod:`quotekit.quotes.appositions`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

import attrs

from quotekit.quotes.appositions import (
    apposition_end,
    name_in_apposition_before,
    quoted_as_saying,
    with_apposition_name,
)
from quotekit.quotes.clause_subject import CLAUSE_END, QUOTE_MARKS, SOURCE_PREPOSITIONS, clause_subject
from quotekit.quotes.lexicon import HAS_PARTICLE, PARTICIPLE, PARTICLE_ONLY, SPEECH
from quotekit.quotes.tokens import (
    CONTRACTING_WORDS,
    POSSESSIVE_ENDINGS,
    Mention,
    Token,
    mention_after,
    mention_before,
    token_at,
    without_acronym_stop,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quotekit.quotes.lexicon import Lexicon


__all__ = [
    "COORDINATORS",
    "Cue",
    "cue_openings",
    "find_cue",
    "governing_verb",
    "known_name_near",
    "only_skip_words",
    "speaker_of",
]

#: Passive auxiliaries: "der als „Trump-Flüsterer“ bezeichnet wird" names no speaker.
_PASSIVE: Final = frozenset(
    {"wird", "werden", "wurde", "wurden", "worden", "is", "was", "were", "been", "being", "be"}
)


@attrs.frozen(kw_only=True)
class Cue:
    """A cue in a clause: the token index of its head, its document span, and what it is."""

    index: int
    start: int
    end: int
    speech: bool
    kind: str  # "verb", "participle", "frame" (so X), "before" (laut X), "after" (X zufolge), "noun"
    lemma: str = ""


#: How far a separable particle may stand from its verb (wies dies am Rande … als „…“ zurück)
_PARTICLE_REACH: Final = 20


def _particle_end(
    tokens: Sequence[Token], index: int, particle: str, lex: Lexicon, folded: Sequence[str] | None
) -> int | None:
    position, reach = index, min(len(tokens), index + _PARTICLE_REACH)
    while position + 1 < reach:
        position += 1
        text = tokens[position].text
        if text == "," and folded is not None:
            closing = apposition_end(tokens, folded, position, lex)
            if closing is not None:
                # gab der Leiter, Andreas Huber, bekannt: the particle comes after the name
                reach = min(len(tokens), reach + closing - position)
                position = closing
                continue
        if text in CLAUSE_END or (
            text == "," and position > index + 1 and tokens[position - 1].text.casefold() != particle
        ):
            if tokens[position - 1].text.casefold() == particle:
                return tokens[position - 1].end
            return None
        if text.casefold() == particle and (position + 1 >= len(tokens) or not tokens[position + 1].is_word):
            return tokens[position].end
    return None


#: German separable particles of verbs that are no speech verbs with the same stem (sagte … ab,
#: sagte … ein): one closing the clause of a finite cue form makes it another verb. Not aus, nach,
#: fort, an, auf: rief er aus, rief ihm nach, fuhr er fort, sprach ihn an, schrie ich auf frame
#: speech in fiction
_OTHER_PARTICLES: Final = frozenset({"ab", "ein", "weg", "los", "um", "zusammen", "nieder"})


def _other_verbs_particle(tokens: Sequence[Token], index: int) -> bool:
    """Whether the clause of the finite verb ``tokens[index]`` ends in a separable particle.

    The cue's own particle readings (teilte … mit, sagte … zu) were tried before this; a particle
    left over (sagte den Termin ab) belongs to another verb.
    """
    for position in range(index + 1, min(len(tokens), index + _PARTICLE_REACH)):
        text = tokens[position].text
        if text in CLAUSE_END or text == "," or text in COORDINATORS:
            # sagte Johannes und horchte auf: the particle after "und" is the next verb's
            return position > index + 1 and tokens[position - 1].text in _OTHER_PARTICLES
    return False


def _auxiliary_before(
    tokens: Sequence[Token], index: int, floor: int, lex: Lexicon, folded: Sequence[str] | None = None
) -> bool:
    """Whether an auxiliary (hatte, hat, has) precedes ``tokens[index]`` in its clause.

    ``folded``: the tokens' case-folded texts, when the caller has them.
    """
    auxiliaries = lex.auxiliaries
    for position in range(index - 1, floor - 1, -1):
        text = tokens[position].text
        if text in CLAUSE_END:
            return False
        if (text.casefold() if folded is None else folded[position]) in auxiliaries:
            return True
    return False


def governing_verb(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int = 0) -> int | None:
    """The finite verb whose subject the infinitive ``tokens[index]`` shares, else ``None``.

    German puts a modal or causative in second place and the infinitive at the clause's end
    (Der Minister ließ über seinen Sprecher mitteilen, …; Am Montag wollte sie wissen, …), so
    the phrase right before the infinitive is no subject (*seinen Sprecher*). With ``lassen``
    after the infinitive the auxiliary governs (hat über ihren Anwalt mitteilen lassen).
    A reflexive causative (Das lässt sich nicht sagen) governs nothing.
    """
    if not lex.modals and not lex.causatives:
        return None
    word = tokens[index].text.casefold()
    if not any(reading.lemma == word for reading in lex.cue(word)):
        return None  # only the infinitive (mitteilen), not a finite form (teilte … mit)
    governors = lex.modals | lex.causatives
    if index + 1 < len(tokens) and tokens[index + 1].text.casefold() in lex.causatives:
        governors = governors | lex.auxiliaries
    for position in range(index - 1, floor - 1, -1):
        text = tokens[position].text
        if text in CLAUSE_END or text == "," or text in QUOTE_MARKS:
            return None
        if text.casefold() in governors:
            following = tokens[position + 1].text.casefold()
            return None if following == "sich" else position
    return None


def _causative_before(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> bool:
    """Whether a causative governs the infinitive ``tokens[index]`` (ließ … ausrichten)."""
    governor = governing_verb(tokens, index, lex, floor)
    if governor is not None and tokens[governor].text.casefold() in lex.causatives:
        return True
    return index + 1 < len(tokens) and tokens[index + 1].text.casefold() in lex.causatives


#: How far from a verb a word that gives it another sense is looked for (zu seinen Gunsten spreche)
_OTHER_SENSE_REACH: Final = 6
#: How far after a verb the rest of its clause is read for a word that keeps it speech
_CLAUSE_AFTER_VERB_REACH: Final = 12
#: How far back the opening of a verb's clause is looked for
_CLAUSE_OPENING_REACH: Final = 6


def _in_other_sense(tokens: Sequence[Token], index: int, lex: Lexicon, lemma: str, floor: int) -> bool:
    """Whether words in its clause give the verb ``tokens[index]`` a sense other than speech.

    Near it: "Alles spricht dafür", "Zu seinen Gunsten spreche"; opening its clause: "Für ihn
    spricht …". A word of ``other_sense_kept_by`` in the verb's clause after it keeps it speech
    (sprach sich dafür aus, Gegen Ende sprach die Ministerin von …), as does a preposition after
    the verb that opens no clause (sprach vor dem Parlament gegen die Reform).
    """
    kept_by = lex.other_sense_kept_by.get(lemma, frozenset())
    for token in tokens[index + 1 : index + 1 + _CLAUSE_AFTER_VERB_REACH]:
        if token.text in _CLAUSE_BREAKS:
            break
        if token.text.casefold() in kept_by:
            return False  # sprach … von einem Durchbruch, sprach sich dafür aus: speech
    near = lex.other_sense_near.get(lemma, frozenset())
    opening = lex.other_sense_opening.get(lemma, frozenset())
    for step in (-1, 1):
        for position in range(index + step, index + step * (_OTHER_SENSE_REACH + 1), step):
            if position < floor or position >= len(tokens) or tokens[position].text in _CLAUSE_BREAKS:
                break
            if tokens[position].text.casefold() in near:
                return True
    start = index
    while (
        start > floor
        and index - start < _CLAUSE_OPENING_REACH
        and tokens[start - 1].text not in _CLAUSE_BREAKS
    ):
        start -= 1
    # the clause must open there: the text's start or a clause break, not the reach or the floor;
    # and the preposition governs a pronoun or an article (Für ihn, Gegen die Reform), not a time
    # (Gegen Mitternacht, Für Sonntag, Gegen 20 Uhr)
    opens_clause = start == 0 or tokens[start - 1].text in _CLAUSE_BREAKS
    governed = tokens[start + 1].text.casefold() if start + 1 < index else ""
    return (
        start < index
        and opens_clause
        and tokens[start].text.casefold() in opening
        and (governed in lex.function_words or governed in lex.determiners)
    )


def _adverb_before_adjective(tokens: Sequence[Token], index: int, lex: Lexicon) -> bool:
    """Whether ``tokens[index]`` qualifies the lower-case word after it that ends the clause.

    gab sich betont gelassen, wirkte betont locker und …: an adjective closes the clause, where
    the verb would have its subject, object or report after it (betont sie, betont, dass …).
    """
    if index + 1 >= len(tokens):
        return False
    word = tokens[index + 1].text
    if not word.isalpha() or not word.islower():
        return False
    folded = word.casefold()
    if folded in lex.function_words or folded in lex.skip_words:
        return False
    after = tokens[index + 2].text.casefold() if index + 2 < len(tokens) else "."
    return after in _CLAUSE_BREAKS or after in COORDINATORS


#: Tokens a clause ends or opens at, for the look-ups around a verb
_CLAUSE_BREAKS: Final = CLAUSE_END | {",", ";", ":"}


#: Words that open a relative or adverbial clause after a comma: its verb is not the frame's.
_RELATIVE: Final = frozenset({"who", "which", "whom", "whose", "welcher", "welche", "welches"})
_GERMAN_RELATIVE: Final = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen"})


def _in_relative_clause(tokens: Sequence[Token], index: int, floor: int) -> bool:
    """Whether ``tokens[index]`` is the verb of a relative clause (, who has endorsed / , der … hatte)."""
    for position in range(index - 1, max(floor, index - 8) - 1, -1):
        text = tokens[position].text
        if text in CLAUSE_END:
            return False
        if text == ",":
            if position + 1 >= index:
                return False
            word = tokens[position + 1].text.casefold()
            return word in _RELATIVE or (word in _GERMAN_RELATIVE and position + 2 < index)
    return False


#: Relative pronouns that are the subject of their clause and mean a person or a body
_SUBJECT_RELATIVE: Final = frozenset({"who", "der", "die"})


def relative_clause_cue(
    tokens: Sequence[Token], folded: Sequence[str], lex: Lexicon, openings: Sequence[int]
) -> tuple[Cue, int] | None:
    """Senator Holt, who said that …: a speech verb whose subject is a relative pronoun.

    Returns the cue and the index of the comma opening the relative clause (the one it
    refers to, its antecedent, ends before that comma); ``None`` when no speech verb of the
    sentence stands in such a clause. The pronoun must open the clause and be its subject
    (who, der, die): not "whose" or "which he described as", where someone else speaks.
    """
    for index in openings:
        # Ministerin Roth, die sagte, …: a German pronoun right before the verb is relative too
        adjacent = index > 1 and folded[index - 1] in _SUBJECT_RELATIVE and tokens[index - 2].text == ","
        if not adjacent and not _in_relative_clause(tokens, index, 0):
            continue
        comma = next(p for p in range(index - 1, -1, -1) if tokens[p].text == ",")
        if folded[comma + 1] not in _SUBJECT_RELATIVE or comma == 0:
            continue
        # who has said / who also said: the subject's verb follows the pronoun at once, or after
        # an auxiliary or an adverb; "who he described" has a subject of its own
        between = folded[comma + 2] if comma + 2 < index else ""
        if (
            not lex.capitalises_nouns
            and between
            and between not in lex.auxiliaries
            and not between.endswith("ly")
            and between not in {"also", "later", "then"}
        ):
            continue
        cue = _cue_at(tokens, lex, index, index, folded[index], folded, speech_only=True)
        if cue is not None and cue.kind in {"verb", "participle"}:
            return cue, comma
    return None


def opens_relative_clause(tokens: Sequence[Token], index: int) -> bool:
    """Whether a relative clause opens at ``tokens[index]`` (who leads …, der seit 2010 …).

    A German article before a capitalised word opens a noun phrase instead (die Gewerkschafterin).
    """
    word = tokens[index].text.casefold()
    if word in _RELATIVE:
        return True
    if word not in _GERMAN_RELATIVE or index + 1 >= len(tokens) or tokens[index + 1].is_capitalised:
        return False
    # die unbesetzte Stelle: an adjective, then its noun, after an article
    adjective = tokens[index + 1].text
    return not (
        len(adjective) > _SHORTEST_ADJECTIVE
        and adjective.endswith(("e", "en", "er", "es", "em"))
        and index + 2 < len(tokens)
        and tokens[index + 2].is_capitalised
    )


#: Shorter lower-case words after "die"/"der" are no adjectives (am, im, zum)
_SHORTEST_ADJECTIVE: Final = 3


def cue_openings(tokens: Sequence[Token], folded: Sequence[str], lex: Lexicon) -> list[int]:
    """The indices of the tokens that may open a cue (``folded``: the tokens' case-folded texts).

    A sentence read by several frame rules asks :func:`find_cue` many times over; with these
    positions each search visits only the few words that can open a cue, not every token.
    """
    openers = lex.cue_openers
    # the look-up first: it fails for nearly every token; then find_cue's own word test
    return [index for index, word in enumerate(folded) if word in openers and tokens[index].text[0].isalnum()]


def find_cue(
    tokens: Sequence[Token],
    lex: Lexicon,
    first: int = 0,
    last: int | None = None,
    *,
    speech_only: bool = False,
    from_end: bool = False,
    openings: Sequence[int] | None = None,
    folded: Sequence[str] | None = None,
) -> Cue | None:
    """Return the first (or last) cue among ``tokens[first:last]``.

    ``openings``, from :func:`cue_openings` over the same tokens, spares the scan of every token;
    ``folded``, the tokens' case-folded texts, spares folding them again.
    """
    stop = len(tokens) if last is None else min(last, len(tokens))
    if openings is not None:
        low, high = bisect.bisect_left(openings, first), bisect.bisect_left(openings, stop)
        indices: Iterable[int] = reversed(openings[low:high]) if from_end else openings[low:high]
        for index in indices:
            word = tokens[index].text.casefold() if folded is None else folded[index]
            cue = _cue_at(tokens, lex, index, first, word, folded, speech_only=speech_only)
            if cue is not None:
                return cue
        return None
    indices = range(stop - 1, first - 1, -1) if from_end else range(first, stop)
    cue_openers = lex.cue_openers
    for index in indices:
        text = tokens[index].text
        # Token.is_word, inlined: this loop sees every token; most words open no cue
        if text[0].isalnum():
            word = text.casefold() if folded is None else folded[index]
            if word in cue_openers:
                cue = _cue_at(tokens, lex, index, first, word, folded, speech_only=speech_only)
                if cue is not None:
                    return cue
    return None


def _cue_at(  # noqa: C901, PLR0911, PLR0912 - one branch per case
    tokens: Sequence[Token],
    lex: Lexicon,
    index: int,
    first: int,
    word: str,
    folded_tokens: Sequence[str] | None,
    *,
    speech_only: bool,
) -> Cue | None:
    """The cue ``tokens[index]`` opens (``word``, its case-folded text, is among ``lex.cue_openers``).

    ``folded_tokens``: every token's case-folded text, when the caller has them, else ``None``.
    """
    token = tokens[index]
    folded = word
    readings = lex.verbs.get(folded, ())
    if readings:
        if (
            token.is_capitalised
            and index > first
            and tokens[index - 1].text not in CLAUSE_END
            and tokens[index - 1].text not in QUOTE_MARKS
        ):
            return None  # mid-sentence a capitalised form is a noun (das Sagen) or a name (Counter)
        reading = readings[0]
        traits = lex.verb_traits[folded]
        if speech_only and not traits & SPEECH:
            return None
        if reading.lemma in lex.causative_only and not _causative_before(tokens, index, lex, first):
            return None  # richtete das Fest aus: no speech without "ließ … ausrichten"
        if reading.lemma in lex.other_sense_near and _in_other_sense(
            tokens, index, lex, reading.lemma, first
        ):
            return None  # Alles spricht dafür, Gegen ihn spreche die Höhe des Schadens: no speech
        if folded in lex.adverb_forms and _adverb_before_adjective(tokens, index, lex):
            return None  # gab sich betont gelassen: an adverb, not the verb
        if _in_relative_clause(tokens, index, first):
            return None  # Warren, who has not endorsed a candidate, told reporters
        before = (
            ""
            if index == 0
            else tokens[index - 1].text.casefold()
            if folded_tokens is None
            else folded_tokens[index - 1]
        )
        if not lex.capitalises_nouns and index > first and (before in lex.determiners or _possessive(before)):
            return None  # "the report stated", "the governor's remarks": after an article the form is a noun
        if traits & PARTICIPLE:
            nxt = (
                ""
                if index + 1 >= len(tokens)
                else tokens[index + 1].text.casefold()
                if folded_tokens is None
                else folded_tokens[index + 1]
            )
            if nxt in _PASSIVE or before in _PASSIVE:
                return None  # was called, wurde bezeichnet
            if nxt == "to" and not lex.capitalises_nouns and not traits & SPEECH:
                return None  # with the span expected to open, thought to be: no one's belief reported

        end = token.end
        # wies … zurück, wies … hin: the reading whose particle the clause holds
        particle_end = None
        for particle_reading in readings if traits & HAS_PARTICLE else ():
            if particle_reading.particle is not None:
                particle_end = _particle_end(tokens, index, particle_reading.particle, lex, folded_tokens)
                if particle_end is None and particle_reading.apart and before == particle_reading.particle:
                    particle_end = -1  # wie die Stadt bekannt gab: the particle right before the form
                if particle_end is not None:
                    reading = particle_reading
                    break
        start = token.start
        if particle_end == -1:
            start = tokens[index - 1].start
        elif particle_end is not None:
            end = particle_end
        elif traits & PARTICLE_ONLY:
            return None  # "teilte" without "mit" is no cue
        elif lex.capitalises_nouns and not reading.participle and _other_verbs_particle(tokens, index):
            return None  # sagte den Termin ab: absagen, not sagen
        speech = bool(traits & SPEECH)
        participle = reading.participle or (
            # betont, erklärt: a finite form and a participle; after hatte/hat it is the participle
            bool(traits & PARTICIPLE)
            and _auxiliary_before(tokens, index, max(first, index - 14), lex, folded_tokens)
        )
        return Cue(
            index=index,
            start=start,
            end=end,
            speech=speech,
            kind="participle" if participle else "verb",
            lemma=reading.lemma,
        )
    if folded in lex.frame_words and index > 0 and tokens[index - 1].text in {",", "—", "–", "-"}:
        return Cue(index=index, start=token.start, end=token.end, speech=True, kind="frame")
    if folded in lex.after_phrases:
        return Cue(index=index, start=token.start, end=token.end, speech=True, kind="after")
    for phrase in lex.before_by_first.get(folded, ()):
        if folded == phrase[0] and all(
            index + offset < len(tokens) and tokens[index + offset].text.casefold() == word
            for offset, word in enumerate(phrase[1:], 1)
        ):
            return Cue(
                index=index + len(phrase) - 1,
                start=token.start,
                end=tokens[index + len(phrase) - 1].end,
                speech=True,
                kind="before",
            )
    if folded in lex.nouns and not speech_only:
        return Cue(index=index, start=token.start, end=token.end, speech=False, kind="noun")
    return None


def speaker_of(tokens: Sequence[Token], cue: Cue, lex: Lexicon, floor: int = 0) -> Mention | None:  # noqa: C901, PLR0911, PLR0912, PLR0915 - one pass, one branch per case
    """Return the speaker a cue names, looking where the language puts it for this kind of cue."""
    floor = max(floor, after_dateline(tokens))  # OSLO, May 12 (Reuters) - …: the place speaks not
    index = cue.index
    if cue.kind in {"frame", "before"}:
        after = index + 1
        if (
            cue.kind == "before"
            and after < len(tokens)
            and tokens[after].text.casefold() in {"von", "of", "des", "der"}
        ):
            after += 1
        found = mention_after(tokens, after, lex, nominative=False)
        if cue.kind == "frame" and found is not None:
            return _owner_of_statement(tokens, found, lex) or found
        if found is not None and found.kind == "role":
            # according to a statement from Downing Street, laut einer Mitteilung der Stadt:
            # the owner of the source noun speaks
            head = token_at(tokens, found.end, after) - 1
            if tokens[head].text.casefold() in lex.nouns:
                owner = _noun_speaker(tokens, head, lex, floor)
                if owner is not None and owner.start >= found.end:
                    return owner
        return found
    if cue.kind == "after":
        return mention_before(tokens, index, lex, floor)
    if cue.kind == "noun":
        return _noun_speaker(tokens, index, lex, floor)
    if cue.kind == "verb" and (governor := governing_verb(tokens, index, lex, floor)) is not None:
        # Der Minister ließ über seinen Sprecher mitteilen: the governing verb's subject speaks
        return speaker_of(tokens, attrs.evolve(cue, index=governor), lex, floor)
    coordinated = _coordinated_subject(tokens, index, lex, floor)
    if coordinated is not None:
        return coordinated
    if cue.kind == "participle" and lex.capitalises_nouns:
        # hatte Rutte gesagt / Rutte hat gesagt: the subject sits next to the auxiliary
        for position in range(index - 1, max(floor, index - 14) - 1, -1):
            if tokens[position].text.casefold() in lex.auxiliaries:
                named = name_in_apposition_before(tokens, position, lex, floor)
                if named is not None:
                    return named  # Die Landrätin des Kreises, Brigitte Almer, hat … erklärt
                before = mention_before(tokens, position, lex, floor)
                if (
                    before is not None
                    and before.start == tokens[floor].start
                    and _subject_like(before, tokens, floor)
                ):
                    return before  # Stoiber hatte … betont: the subject fills the place before the verb
                found = mention_after(tokens, position + 1, lex) or before
                if found is not None:
                    return found
                break
    if (
        cue.lemma in lex.impersonal
        and index + 1 < len(tokens)
        and tokens[index + 1].text.casefold() in {"es", "it"}
    ):
        # heißt es in einer Erklärung / In dem Antrag heißt es: the document the quote is from;
        # hieß es nach Angaben des Ministeriums: the owner of the source noun
        return (
            _source_owner(tokens, index + 2, lex, floor)
            or _source_phrase(tokens, index + 2, lex)
            or _fronted_source(tokens, floor, index, lex)
        )
    if lex.capitalises_nouns:
        # German: the subject follows a fronted verb (sagte Rutte) or precedes it (Rutte sagte);
        # a name or pronoun filling the place before the verb is the subject (V2 order)
        # wie die Polizei bekannt gab: the particle written apart opens the cue
        opening = index - 1 if index > floor and cue.start < tokens[index].start else index
        before = _with_article(tokens, mention_before(tokens, opening, lex, floor), floor, lex)
        if (
            before is not None
            and before.start > tokens[floor].start
            and _after_preposition(tokens, before, lex)
            and mention_after(tokens, index + 1, lex) is None
        ):
            # Stadtrat Lorenz Zirngibl von den Freien Wählern forderte: the phrase after the
            # preposition belongs to the subject opening the clause (not: Wenige Stunden nach
            # einem Treffen mit Trump sagt Rutte: the subject follows the verb)
            fronted = clause_subject(tokens, lex, frozenset(), floor, index)
            if fronted is not None and fronted.start == tokens[floor].start:
                before = fronted
        # Streit um das Gesetz: Habeck verteidigt …: a colon opens a clause of its own
        clause_start = next((i + 1 for i in range(index - 1, floor, -1) if tokens[i].text == ":"), floor)
        if (
            before is not None
            and before.start in {tokens[floor].start, tokens[clause_start].start}
            and _subject_like(before, tokens, floor)
            and (before.kind != "name" or " " in before.name or index - clause_start <= 2)
        ):
            return with_apposition_name(tokens, before, lex)  # Der Chefarzt, Armin Sandvoß, sagte
        named = name_in_apposition_before(tokens, index, lex, floor)
        if named is not None:
            return named
        following = mention_after(tokens, index + 1, lex)
        if following is not None and following.kind == "pronoun" and following.name.casefold() in _OBJECT_TOO:
            # Der Sprecher des Vereins nannte sie „überzogen“: sie/es after the verb may be its
            # object; a person or role phrase opening the clause is the subject
            fronted = clause_subject(tokens, lex, frozenset(), floor, index)
            if fronted is not None and fronted.start == tokens[floor].start and _person_phrase(fronted, lex):
                return fronted
        if following is not None:
            return with_apposition_name(tokens, following, lex)
        if before is not None and _subject_like(before, tokens, floor):
            return before
        return _impersonal_subject(tokens, index, lex, floor)  # Es verwies darauf, dass …: das Gericht
    if tokens[index].text.endswith("ing") and index > floor:
        if (quoted := quoted_as_saying(tokens, index, lex, floor)) is not None:
            return quoted
        # X urged women to vote for Clinton, saying "…": the -ing form shares the clause's subject,
        # or that of the cue before it (…, Nefzi said, adding, "…")
        earlier = find_cue(tokens, lex, floor, index, speech_only=True, from_end=True)
        subject = None
        if (
            earlier is not None
            and earlier.index >= index - 3  # "Nefzi said, adding": the cue right before
            and not tokens[earlier.index].text.endswith("ing")
        ):
            subject = speaker_of(tokens, earlier, lex, floor)
        subject = subject or clause_subject(tokens, lex, frozenset(), floor, index)
        if subject is not None:
            return subject
    found = mention_before(tokens, index, lex, floor)
    if found is None and index > floor and tokens[index - 1].text.casefold() in lex.auxiliaries:
        found = mention_before(tokens, index - 1, lex, floor)
    if found is None:
        found = _impersonal_subject(tokens, index, lex, floor)
    elif not lex.capitalises_nouns:
        found = _english_subject(tokens, found, index, lex, floor)
    return found or _inverted_subject(tokens, index, lex)


def after_dateline(tokens: Sequence[Token]) -> int:
    """The index after a dateline opening the tokens (OSLO, May 12 (Reuters) - …), else 0.

    A few words, numbers and commas, the agency in brackets, then a dash.
    """
    opening = tokens[:_DATELINE_TOKENS]
    if not any(token.text == "(" for token in opening):
        return 0  # most sentences: no bracket near their start
    for index in range(len(opening)):
        text = tokens[index].text
        if text == "(":
            closing = next(
                (i for i in range(index + 1, min(len(tokens), index + 5)) if tokens[i].text == ")"), None
            )
            if closing is not None and closing + 1 < len(tokens) and tokens[closing + 1].text in _DASHES:
                return closing + 2
            return 0
        if not (tokens[index].is_word or text in {",", "."}):
            return 0
    return 0


#: The most tokens before a dateline's bracket, and the dashes after it
_DATELINE_TOKENS: Final = 9
_DASHES: Final = frozenset({"-", "–", "—"})


def _after_preposition(tokens: Sequence[Token], mention: Mention, lex: Lexicon) -> bool:
    """Whether a preposition (and an article) stands right before ``mention`` (von den Grünen)."""
    at = token_at(tokens, mention.start)
    if at > 0 and tokens[at - 1].text.casefold() in _OBLIQUE_ARTICLES:
        at -= 1
    return at > 0 and tokens[at - 1].text.casefold() in lex.prepositions


#: Articles after a preposition (von den, aus dem): the mention's own article is read with it
_OBLIQUE_ARTICLES: Final = frozenset({"den", "dem", "der", "des"})


def _inverted_subject(tokens: Sequence[Token], index: int, lex: Lexicon) -> Mention | None:
    """The subject after the verb (…," said Smith; said its chief, Ray Ocampo: the name)."""
    after = mention_after(tokens, index + 1, lex)
    return with_apposition_name(tokens, after, lex) if after is not None else None


def _english_subject(
    tokens: Sequence[Token], found: Mention, index: int, lex: Lexicon, floor: int
) -> Mention:
    """The English subject ``found`` right before the verb belongs to, or names.

    Jane Smith of the Brookings Institution said: the head before the preposition. The port
    authority's director, James Whitcombe, said: the name in apposition is the person, and the
    phrase before it (a role) the speaker's role.
    """
    found = _head_before_preposition(tokens, found, lex, floor) or found
    if found.kind != "role":
        return found
    named = name_in_apposition_before(tokens, index, lex, floor)
    if named is None or named.end <= found.end:
        return found
    return Mention(
        start=min(found.start, named.start),
        end=named.end,
        kind="name",
        name=named.name,
        role=found.role or found.name,
    )


#: Prepositions that attach a place or an employer to the speaker before them.
_HEAD_PREPOSITIONS: Final = frozenset({"of", "at", "for", "from", "with", "in"})


def _head_before_preposition(
    tokens: Sequence[Token], found: Mention, lex: Lexicon, floor: int
) -> Mention | None:
    """English: the speaker a prepositional phrase before the verb belongs to.

    "Jane Smith of the Brookings Institution said", "Officials at the Pentagon said", "The head
    of the agency said": the phrase next to the verb is where the speaker works, not who speaks.
    The head must itself be a name or a role phrase; the mention spans the whole phrase, and a
    named head keeps its name (Jane Smith).
    """
    position = token_at(tokens, found.start, floor) - 1
    if position > floor and tokens[position].text.casefold() in lex.determiners:
        position -= 1
    if position <= floor or tokens[position].text.casefold() not in _HEAD_PREPOSITIONS:
        return None
    head = mention_before(tokens, position, lex, floor)
    if head is None or head.kind == "pronoun" or head.end != tokens[position - 1].end:
        return None
    if head.kind == "name":
        head_at = token_at(tokens, head.start, floor)
        if tokens[head_at].text.casefold() not in lex.determiners and head_at > floor:
            head_at -= 1
        if found.kind == "name" and tokens[head_at].text.casefold() in lex.determiners:
            # the Office for National Statistics, the Institute for Fiscal Studies: one name (an
            # article before it: a person's name has none)
            words = [t.text for t in tokens[head_at + 1 :] if t.start < found.end]
            return Mention(start=head.start, end=found.end, kind="name", name=" ".join(words))
        return attrs.evolve(head, end=found.end)
    if not any(lex.is_role(word) for word in head.name.split()):
        return None
    phrase = " ".join(t.text for t in tokens if head.start <= t.start < found.end)
    return Mention(start=head.start, end=found.end, kind="role", name=phrase, role=head.role or head.name)


#: German pronouns that read as subject or object alike (sie, es); er is always the subject.
_OBJECT_TOO: Final = frozenset({"sie", "es"})


def _person_phrase(mention: Mention, lex: Lexicon) -> bool:
    """A full name (Anna Berger) or a phrase with a role noun (der Sprecher des Vereins)."""
    if mention.kind == "name" and " " in mention.name:
        return True
    return any(lex.is_role(word) for word in f"{mention.name} {mention.role or ''}".split())


def _owner_of_statement(tokens: Sequence[Token], found: Mention, lex: Lexicon) -> Mention | None:
    """German: so das Fazit der Betreiber — a noun for what was said, and its genitive owner speaks.

    Only when the phrase opens with an article and one noun that is no person (no role noun)
    and der/des follows it.
    """
    if not lex.capitalises_nouns:
        return None
    first = next((i for i, t in enumerate(tokens) if t.start >= found.start), None)
    if first is None or first + 3 >= len(tokens) or tokens[first].text.casefold() not in lex.determiners:
        return None
    noun, article = tokens[first + 1], tokens[first + 2]
    if not noun.is_capitalised or lex.is_role(noun.text) or article.text not in {"der", "des"}:
        return None
    owner = mention_after(tokens, first + 2, lex, nominative=False)
    return owner if owner is not None and owner.kind != "pronoun" else None


def _with_article(
    tokens: Sequence[Token], mention: Mention | None, floor: int, lex: Lexicon
) -> Mention | None:
    """Der österreichische Bundeskanzler Wolfgang Schüssel: take the article and adjectives along."""
    if mention is None or mention.kind == "pronoun" or tokens[floor].start >= mention.start:
        return mention
    first = tokens[floor]
    if first.text.casefold() not in lex.determiners:
        return mention
    for token in tokens[floor + 1 :]:
        if token.start >= mention.start:
            break
        if not token.is_word or token.is_capitalised or lex.cue(token.text):
            return mention
    return attrs.evolve(mention, start=first.start)


#: English "it" (the letter, the statement) and German "es" (das Gericht, das Unternehmen) speak
#: only as the subject right before a cue: "…," it read; Es verwies darauf, dass …
_IMPERSONAL_SUBJECTS: Final = frozenset({"it", "es"})


def _impersonal_subject(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    if any(reading.lemma in lex.impersonal for reading in lex.cue(tokens[index].text)):
        return None  # es hieß, hieß es: nobody
    if index + 1 < len(tokens) and tokens[index + 1].text.casefold() == "sich":
        return None  # Es erklärte sich von selbst: no one speaks
    position = index - 1
    while position >= floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position >= floor and tokens[position].text.casefold() in _IMPERSONAL_SUBJECTS:
        token = tokens[position]
        return Mention(start=token.start, end=token.end, kind="pronoun", name=token.text)
    return None


def only_skip_words(tokens: Sequence[Token], floor: int, index: int, lex: Lexicon) -> bool:
    """Whether nothing but punctuation, adverbs and the cue's own clitics stands before the cue.

    The clitics are pronouns a language writes before the verb (French « … », lui demanda X).
    """
    return all(
        not t.is_word
        or t.text.casefold() in lex.skip_words
        or t.text.casefold() in lex.auxiliaries
        or t.text.casefold() in lex.cue_clitics
        for t in tokens[floor:index]
    )


#: Words whose "'s" is no genitive before a cue word (he's said, let's say)
_NOT_POSSESSIVE: Final = CONTRACTING_WORDS | {"let"}


def _possessive(word: str) -> bool:
    """Whether an English word is a possessive (the governor's), not a contraction (he's)."""
    return word.endswith(POSSESSIVE_ENDINGS) and word[:-2] not in _NOT_POSSESSIVE


#: Conjunctions joining a second verb to the first one's subject (Lazar said … and added, "…";
#: said the worst was over, but warned that …).
COORDINATORS: Final = frozenset({"and", "und", "then", "dann", "but", "aber"})


def _coordinated_subject(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """Return the clause's subject when the cue is a second verb (… und fügte hinzu / … and added)."""
    position = index - 1
    while position > floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position <= floor or tokens[position].text.casefold() not in COORDINATORS:
        return None
    if lex.capitalises_nouns and index + 1 < len(tokens) and tokens[index + 1].is_word:
        following = tokens[index + 1].text.casefold()
        if (
            following in lex.pronouns or following in lex.determiners or tokens[index + 1].is_capitalised
        ) and mention_after(tokens, index + 1, lex) is not None:
            # … und sagte der Minister: the subject follows the verb (not: warfen der Regierung … vor)
            return None
    return clause_subject(tokens, lex, frozenset(), floor, position)


def _noun_speaker(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """Nach Angaben der Polizei / in a statement from X / seinen Worten: the owner of the noun."""
    after = index + 1
    if after < len(tokens) and tokens[after].text.casefold() in {"von", "des", "der", "from", "by", "of"}:
        return mention_after(tokens, after + 1, lex, nominative=False)
    owner = mention_before(tokens, index, lex, floor) if index > floor else None
    if (
        owner is not None
        and not lex.capitalises_nouns
        and owner.kind == "role"
        and owner.end == tokens[index - 1].end
    ):
        # X issued the following statement: the lower-case words are the noun's own, X speaks
        return clause_subject(tokens, lex, frozenset(), floor, index) or owner
    return owner


def known_name_near(
    tokens: Sequence[Token], index: int, known: frozenset[str], floor: int = 0
) -> Mention | None:
    """Return the nearest surname the document knows before ``tokens[index]`` (else after it)."""
    for position in range(index - 1, floor - 1, -1):
        token = tokens[position]
        if token.is_word and token.is_capitalised and token.text.casefold() in known:
            return Mention(start=token.start, end=token.end, kind="name", name=token.text)
    for position in range(index + 1, min(len(tokens), index + 6)):
        token = tokens[position]
        if token.is_word and token.is_capitalised and token.text.casefold() in known:
            return Mention(start=token.start, end=token.end, kind="name", name=token.text)
    return None


def _subject_like(mention: Mention, tokens: Sequence[Token], floor: int) -> bool:
    """Not an accusative or dative phrase (den Bericht, dem Minister) nor a bare function word."""
    first = next((t for t in tokens[floor:] if t.start >= mention.start), None)
    return first is None or first.text.casefold() not in {"den", "dem", "des", "einem", "einen", "eines"}


def _fronted_source(tokens: Sequence[Token], floor: int, index: int, lex: Lexicon) -> Mention | None:
    """In dem Antrag heißt es / Auf der Homepage heißt es: the fronted phrase up to a comma or the cue."""
    start = floor
    while start < index and (tokens[start].text.casefold() in lex.skip_words or not tokens[start].is_word):
        start += 1
    if start >= index or tokens[start].text.casefold() not in SOURCE_PREPOSITIONS:
        return None
    end = start + 1
    while end < index and end - start < 8 and tokens[end].text not in {",", ":", ";"}:
        end += 1
    if end - start < 2:
        return None
    phrase = " ".join(t.text for t in tokens[start:end])
    return Mention(start=tokens[start].start, end=tokens[end - 1].end, kind="role", name=phrase, role=None)


def _source_owner(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """Nach Angaben des Ministeriums, according to the statement of X: whose the source noun is."""
    while index < len(tokens) and tokens[index].text.casefold() in lex.skip_words:
        index += 1
    if index + 1 >= len(tokens) or tokens[index].text.casefold() not in lex.prepositions:
        return None
    noun = index + 1
    if tokens[noun].text.casefold() in lex.determiners and noun + 1 < len(tokens):
        noun += 1  # in einer Mitteilung der Gewerkschaft
    if tokens[noun].text.casefold() not in lex.nouns:
        return None
    owner = _noun_speaker(tokens, noun, lex, floor)
    return owner if owner is not None and owner.start > tokens[noun].start else None


def _source_phrase(tokens: Sequence[Token], index: int, lex: Lexicon) -> Mention | None:
    """In einer Erklärung / in a statement: the document a quote is taken from."""
    while index < len(tokens) and tokens[index].text.casefold() in lex.skip_words:
        index += 1
    if index >= len(tokens) or tokens[index].text.casefold() not in SOURCE_PREPOSITIONS:
        return None
    end = index + 1
    while (
        end < len(tokens)
        and end - index < 7
        and tokens[end].is_word
        and tokens[end].text.casefold() not in lex.complementizers
    ):
        end += 1
    if end - index < 2:
        return None
    if tokens[index].text.casefold() in _ISSUER_PREPOSITIONS:
        index += 1  # hieß es aus der Zentrale, vom Ministerium: who speaks, not where it is written
    phrase, phrase_end = without_acronym_stop(
        " ".join(t.text for t in tokens[index:end]), tokens[end - 1].end, tokens[end - 1].text, lex
    )
    return Mention(start=tokens[index].start, end=phrase_end, kind="role", name=phrase, role=None)


#: Source prepositions whose phrase names the speaker itself (aus der Zentrale, vom Ministerium),
#: not a document it is read in (in einer Erklärung)
_ISSUER_PREPOSITIONS: Final = frozenset({"aus", "von", "vom", "bei", "beim", "from"})
