"""Cues: the words that report speech (sagte, erklärte, so, laut, said, according to), found in a clause.

:func:`find_cue` finds the first (or last) cue of a clause's tokens, :class:`Cue` is what it
finds: a cue verb with its separable particle (teilte … mit), a participle, a cue noun or a
source phrase. A verb form counts as a cue only where it reports speech: not as a noun after an
article, not in another sense (spricht dafür, gab sich betont gelassen), not inside a relative
clause, and a causative-only verb only under its causative (ließ … ausrichten).
:mod:`quotekit.quotes.frames` reads the speaker of the cues found here.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

import attrs

from quotekit.quotes.appositions import apposition_end
from quotekit.quotes.clause_subject import CLAUSE_BREAKS, CLAUSE_END, QUOTE_MARKS
from quotekit.quotes.lexicon import HAS_PARTICLE, PARTICIPLE, PARTICLE_ONLY, SPEECH
from quotekit.quotes.tokens import CONTRACTING_WORDS, POSSESSIVE_ENDINGS, Token

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from quotekit.quotes.lexicon import Lexicon


__all__ = [
    "COORDINATORS",
    "Cue",
    "cue_openings",
    "find_cue",
    "governing_verb",
    "opens_relative_clause",
    "relative_clause_cue",
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
        if token.text in CLAUSE_BREAKS:
            break
        if token.text.casefold() in kept_by:
            return False  # sprach … von einem Durchbruch, sprach sich dafür aus: speech
    near = lex.other_sense_near.get(lemma, frozenset())
    opening = lex.other_sense_opening.get(lemma, frozenset())
    for step in (-1, 1):
        for position in range(index + step, index + step * (_OTHER_SENSE_REACH + 1), step):
            if position < floor or position >= len(tokens) or tokens[position].text in CLAUSE_BREAKS:
                break
            if tokens[position].text.casefold() in near:
                return True
    start = index
    while (
        start > floor
        and index - start < _CLAUSE_OPENING_REACH
        and tokens[start - 1].text not in CLAUSE_BREAKS
    ):
        start -= 1
    # the clause must open there: the text's start or a clause break, not the reach or the floor;
    # and the preposition governs a pronoun or an article (Für ihn, Gegen die Reform), not a time
    # (Gegen Mitternacht, Für Sonntag, Gegen 20 Uhr)
    opens_clause = start == 0 or tokens[start - 1].text in CLAUSE_BREAKS
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
    return after in CLAUSE_BREAKS or after in COORDINATORS


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


#: Words whose "'s" is no genitive before a cue word (he's said, let's say)
_NOT_POSSESSIVE: Final = CONTRACTING_WORDS | {"let"}


def _possessive(word: str) -> bool:
    """Whether an English word is a possessive (the governor's), not a contraction (he's)."""
    return word.endswith(POSSESSIVE_ENDINGS) and word[:-2] not in _NOT_POSSESSIVE


#: Conjunctions joining a second verb to the first one's subject (Lazar said … and added, "…";
#: said the worst was over, but warned that …).
COORDINATORS: Final = frozenset({"and", "und", "then", "dann", "but", "aber"})
