"""Frames that follow their report or stand inside it, between commas.

The tail frame (…, ergänzte Trump. / …, so Rutte. / …, he said): a comma near the end of the
sentence, a cue after it and the cue's speaker; the words before the comma are the report. Most
of this module says when that reading is wrong: the frame opens a report after it (a colon,
"that", a subject pronoun), or the words before the comma are the verb's own subject with its
appositions (Rüdiger Pohl, the bank's chief, said …).

The inserted frame (Die Lage, so Müller, sei ernst. / The plan, the minister said, would cost
billions.): a frame of a few words between two commas inside the sentence; the words on both
sides are the report, each part a report of its own, as an interrupted direct quote is two.
"""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING, Final, Literal

from quotekit.quotes.appositions import opens_age, with_apposition_name
from quotekit.quotes.cues import Cue, find_cue, opens_relative_clause
from quotekit.quotes.frames import speaker_of
from quotekit.quotes.phrases import attached_phrases_end, phrase_fills
from quotekit.quotes.subjects import GERMAN_SUBORDINATORS
from quotekit.quotes.tokens import (
    MAX_NAME_TOKENS,
    Mention,
    Token,
    mention_after,
    mention_before,
    token_at,
    written,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from quotekit.quotes.lexicon import Lexicon

#: What a stretch between commas after a tail frame's speaker is: a noun phrase in apposition
#: (or a participle: defending), a phrase of time, place or source (am Montag, in a statement),
#: or a relative clause
SegmentKind = Literal["noun", "place", "relative"]

#: Fewest words a reported clause has
MIN_CONTENT_WORDS: Final = 3

#: Marks that open a quotation
OPENING_MARKS: Final = frozenset({"“", '"', "‘"})
#: Marks that close a quotation
CLOSING_MARKS: Final = frozenset({"”", '"', "’", "'", "»", "«", "“"})


#: How many tokens a tail frame may hold after its comma: the cue, the speaker, a name in marks
#: and a source (…, sagte Johanna Moser vom „Queer Kollektiv“ in einem Interview mit der Zeitung
#: „Neues Deutschland“)
_TAIL_FRAME_TOKENS: Final = 22
#: English frames are shorter (…, said Ann Lee, a spokeswoman): a longer reach finds commas of
#: the report's own (polnear: 91 more predictions, precision 0.822 → 0.818)
_TAIL_FRAME_TOKENS_EN: Final = 14
#: How far after its comma a tail frame's cue may stand: a speaker of up to five words before it
#: (…, the Office for National Statistics said)
_TAIL_CUE_REACH: Final = 7
#: Words an English inverted tail frame may carry after its speaker (…, said Smith on Tuesday)
_TAIL_WORDS_AFTER_SPEAKER: Final = 2
#: How far before a closing cue a speaker with its apposition may reach (…, the director, Leon Abara, added)
_TAIL_APPOSITION_REACH: Final = 16
#: The most words of a role phrase before a speaker's name in a closing frame (the chief executive of Acme)
_TAIL_ROLE_WORDS: Final = 8
#: Words after a comma that open a part of a group, not an apposition naming who speaks
_INCLUDING: Final = frozenset({"including", "among", "such"})
#: Words of a speaker phrase before the part a mention reads (the county's public …)
_TAIL_PHRASE_WORDS: Final = 4


#: English nouns that sum up a report in an apposition after it (the city was safe, a claim
#: disputed by police data)
_RESUMPTIVE_NOUNS: Final = frozenset(
    {"claim", "assertion", "allegation", "charge", "accusation", "statement", "view", "position"}
    | {"argument", "prediction", "assessment", "remark", "comment", "contention", "promise", "pledge"}
)


def resumes_the_report(tokens: list[Token], index: int) -> bool:
    """Whether ``tokens[index:]`` opens "a claim …" / "an assertion …" summing up what came before."""
    if tokens[index].text.casefold() not in {"a", "an"}:
        return False
    following = tokens[index + 1 : index + 3]
    return any(token.text.casefold() in _RESUMPTIVE_NOUNS for token in following)


def _tail_cue(
    tokens: list[Token], folded: list[str], comma: int, lex: Lexicon, openings: list[int]
) -> Cue | None:
    """The cue of a frame after ``comma``: a verb after a source noun (…, the statement added)."""
    reach = min(len(tokens), comma + _TAIL_CUE_REACH)
    if comma + 1 < len(tokens) and folded[comma + 1] in lex.as_words:
        # …, wie das Unternehmen am Donnerstag in Weilstetten mitteilte.: the clause ends in its
        # verb, however many words stand before it
        reach = len(tokens)
    cue = find_cue(tokens, lex, comma + 1, reach, openings=openings, folded=folded)
    if cue is not None and cue.kind == "noun":
        # the source noun is the subject of the verb after it
        cue = find_cue(tokens, lex, cue.index + 1, reach, openings=openings, folded=folded) or cue
    return cue


def _age_comma(tokens: list[Token], comma: int) -> bool:
    """Whether ``tokens[comma]`` opens or closes an age in apposition (Anna Weber, 54, sagte)."""
    return opens_age(tokens, comma) or (
        comma >= 2 and tokens[comma - 2].text == "," and opens_age(tokens, comma - 2)
    )


def tail_frame(  # noqa: C901, PLR0911, PLR0912 - one return per way the frame is refused
    tokens: list[Token], folded: list[str], lex: Lexicon, openings: list[int]
) -> tuple[int, Cue, Mention | None] | None:
    """…, ergänzte Trump. / …, so Rutte. / …, he said. — the comma index, cue and speaker."""
    last = len(tokens) - 1
    while last > 0 and not tokens[last].is_word:
        last -= 1
    reach = _TAIL_FRAME_TOKENS if lex.capitalises_nouns else _TAIL_FRAME_TOKENS_EN
    # …, sagte Ursula Castrup, die Leiterin der Fachstelle.: the frame stands before the phrases
    # about its speaker, and its reach counts from there
    apposition_comma = _speaker_phrases_start(tokens, folded, last, lex, openings)
    frame_end = last if apposition_comma is None else apposition_comma
    for comma in range(frame_end - 1, max(0, frame_end - reach), -1):
        if tokens[comma].text != "," or _age_comma(tokens, comma):
            continue  # sagte Anna Weber, 54, am Montag: the commas of an age in apposition
        if comma < MIN_CONTENT_WORDS:
            return None
        if last - comma > _TAIL_FRAME_TOKENS_EN and _second_predicate(tokens, comma, last, lex):
            continue  # …, lobte dabei die Arbeit … und versprach …: a second verb of the subject, no frame
        cue = _tail_cue(tokens, folded, comma, lex, openings)
        if cue is None and _name_closes(tokens, comma, last, lex):
            continue  # …, said the professor, Prof. Helen Ray.: the frame is before the name
        # In a statement, the ministry said it regretted …; Asked about it, Biden said: „…“: a
        # frame that opens its own report leaves no content before the comma; nor does a
        # subject with its apposition (Rüdiger Pohl, the bank's chief, said the figures …)
        if (
            cue is None
            or cue.kind in {"noun", "after"}
            or resumes_the_report(tokens, comma + 1)  # …, an assertion critics rejected: no speaker
            or _opens_report_after(tokens, folded, cue, lex)
            or _subject_phrase_only(tokens, comma, lex)
        ):
            return None
        if not lex.capitalises_nouns and cue.index == comma + 1 and cue.index >= last - 1:
            # …, the county's health director, Dr. Leon Abara, added.: the comma closes the
            # speaker's apposition; the report ends at the comma before the speaker
            return _speaker_with_apposition(tokens, cue, lex)
        mention = speaker_of(tokens, cue, lex, comma + 1)
        if lex.capitalises_nouns and _not_a_report_before(tokens, folded, comma, mention, lex):
            return None
        if cue.kind == "before" and mention is not None and token_at(tokens, mention.end) < last - 1:
            return None  # sagte, nach Angaben der Polizei habe …: the source opens a clause, no frame
        # …, hieß es.: reported, by no one the text names
        impersonal = (
            mention is None
            and cue.lemma in lex.impersonal
            and folded[cue.index + 1 : cue.index + 2] == ["es"]
        )
        if mention is not None and not lex.capitalises_nouns and mention.start > cue.start:
            # Greene, who voted against it, said the budget relied on …: what follows "said" is
            # its clause, not an inverted speaker (…, said Greene on Tuesday)
            following = tokens[token_at(tokens, mention.end) :]
            clause = next((i for i, t in enumerate(following) if not t.is_word), len(following))
            if clause > _TAIL_WORDS_AFTER_SPEAKER or any(
                t.text.casefold() in lex.auxiliaries for t in following[:clause]
            ):
                return None  # …, 67, said his street had been …: "his street" opens a clause
        if mention is not None and mention.name.split(" ", 1)[0].casefold() in lex.complementizers:
            mention = None  # hinted that he would …: the clause after the verb, not its subject
        if not impersonal and (
            mention is None
            or (
                lex.capitalises_nouns
                and mention.start < cue.start
                and folded[comma + 1] not in lex.as_words
                # …, hatte Koch-Mehrin damals gesagt: the auxiliary right after the comma inverts
                and not (
                    cue.kind == "participle"
                    and folded[comma + 1] in lex.auxiliaries
                    and folded[comma - 2] != "zu"  # Die Forderung, die Löhne zu erhöhen, hat X …
                )
            )
        ):
            # Der Fraktionschef, Jonas Weber, kritisierte den Zeitplan / Brown, the governor,
            # hinted that …: without a subject after the verb the comma closes an apposition,
            # not a reported clause ("Fed holds rates, signals cuts": two predicates of a
            # headline). Der Autor sagte, er schreibe weiter: German inverts its tail frame
            # (…, sagte er; …, wie er sagte); a subject before the verb opens a clause of its own
            return None
        if apposition_comma is not None and (
            mention is None or not _speaker_reaches(tokens, mention, apposition_comma, lex)
        ):
            # the phrases after the frame tell about no speaker of it; a speaker named in
            # apposition (said the company's chief executive, John Smith) spans them
            return None
        return comma, cue, mention
    return None


def _speaker_reaches(tokens: list[Token], mention: Mention, comma: int, lex: Lexicon) -> bool:
    """Whether ``mention``, its attached phrases and an age in apposition reach ``comma``.

    …, said a spokesman for Acme Corp., which is based in Ohio / …, said Omar Haddad, 35, a
    nurse: the phrases after the comma are about the speaker the mention reads.
    """
    after = token_at(tokens, attached_phrases_end(tokens, mention.end, lex))
    while after < comma and not tokens[after].is_word and tokens[after].text != ",":
        after += 1  # Acme Corp.: the stop of an abbreviation
    if after < comma and opens_age(tokens, after):
        after += 2  # Anna Weber, 54, Leiterin der Schule
    return after >= comma


def _speaker_phrases_start(
    tokens: list[Token], folded: list[str], last: int, lex: Lexicon, openings: list[int]
) -> int | None:
    """The comma opening phrases about a tail frame's speaker that close the sentence, or None.

    …, sagte Ursula Castrup, die Leiterin der Fachstelle, am Montag / …, said Ann Lee, who
    chairs the association: noun phrases in apposition, then phrases of time or place, each
    between commas, or one relative clause to the end; none holds a cue or a verb of a clause of
    its own (…, sagte Müller, die Lage sei ernst: reported too). Each segment is read once,
    from the end, so the look stays linear however many commas the sentence holds.
    """
    start = None
    end = last + 1
    for comma in range(last - 1, 0, -1):
        if tokens[comma].text != ",":
            continue
        kind = segment_kind(tokens, folded, comma + 1, end, lex, openings)
        if kind is None or (kind == "relative" and end != last + 1):
            break
        cue = (
            None
            if kind == "relative" or end - comma <= 2
            else _tail_cue(tokens, folded, comma, lex, openings)
        )
        if cue is not None and not (kind == "place" and cue.kind == "noun"):  # …, in a statement
            break  # …, so Rutte / …, teilte die Polizei mit: a frame, not a phrase about one
        if kind != "place":
            start = comma  # a phrase of time or place follows a speaker's apposition, never opens
        end = comma
    return start


def attached_phrases(
    tokens: list[Token], folded: list[str], first: int, closing: int, lex: Lexicon, openings: list[int]
) -> bool:
    """Whether ``tokens[first:closing]`` only tells more about a speaker named before it.

    Noun phrases in apposition and phrases of time or place after them, between commas, or one
    relative clause (…, said X, the company's chief; sagte Anna Weber, die das Amt seit 2019
    führt).
    """
    # each stretch read once and the first that decides ends the look: the inserted frame's
    # loop asks this of every pair of commas
    opening = first - 1
    number = 0
    while opening < closing:
        end = next((i for i in range(opening + 1, closing) if tokens[i].text == ","), closing)
        kind = segment_kind(tokens, folded, opening + 1, end, lex, openings)
        if kind == "relative":
            return number == 0 and end == closing
        if kind is None or (number == 0 and kind != "noun"):
            return False
        opening, number = end, number + 1
    return True


def segment_kind(  # noqa: PLR0911 - one return per kind of stretch
    tokens: list[Token], folded: list[str], start: int, end: int, lex: Lexicon, openings: list[int]
) -> SegmentKind | None:
    """What ``tokens[start:end]``, one stretch between commas, is: "noun", "place", "relative" or None.

    A noun phrase with phrases attached (die Leiterin der Fachstelle); a short phrase opening
    with a preposition (am Montag in Bielefeld); a relative clause (who chairs it, die das Amt
    führt); None for anything else, a clause with its verb above all.
    """
    if start >= end:
        return None
    if end - start == 1 and folded[start].endswith("ing") and not tokens[start].is_capitalised:
        return "noun"  # …, said Gary Linton, defending: the part he plays in court, no cue
    if opens_relative_clause(tokens, start):
        # …, said Beck, who said there were …: a relative clause with a speech verb reports too
        speech = find_cue(tokens, lex, start, end, speech_only=True, openings=openings, folded=folded)
        return "relative" if speech is None or speech.kind not in {"verb", "participle"} else None
    if end - start > _PHRASE_TOKENS:
        return None  # a stretch this long between commas is a clause, no phrase about a speaker
    first = folded[start]
    if not (
        tokens[start].is_capitalised
        or first in lex.determiners
        or first in lex.possessives
        or first in lex.prepositions
        or first in lex.skip_words
        or lex.is_role(tokens[start].text)
    ):
        return None  # …, sagte er / …, said the minister: a verb opens the stretch (most tail frames)
    words = folded[start:end]
    if any(word in lex.subjunctive or word in lex.auxiliaries or lex.cue(word) for word in words):
        return None
    if words[0] in lex.prepositions:
        return "place" if end - start <= _ATTACHED_PHRASE_TOKENS else None
    return "noun" if phrase_fills(tokens, start, end, lex) else None


#: Most tokens of a noun phrase in apposition after a tail frame's speaker (, die Leiterin der
#: Bielefelder Fachstelle für Suchtvorbeugung)
_PHRASE_TOKENS: Final = 20
#: Most tokens of a phrase of time or place after a tail frame's speaker (, am Montag in Bielefeld)
_ATTACHED_PHRASE_TOKENS: Final = 7


def _second_predicate(tokens: list[Token], comma: int, last: int, lex: Lexicon) -> bool:
    """Whether "und" and a lower-case word (a verb of the same subject) stand after ``comma``."""
    return any(
        tokens[position].text.casefold() in _AND
        and tokens[position + 1].text.islower()
        and tokens[position + 1].text.casefold() not in lex.function_words
        for position in range(comma + 1, last)
    )


#: Words joining a second predicate (…, lobte die Arbeit und versprach …)
_AND: Final = frozenset({"und", "sowie"})


def _speaker_with_apposition(
    tokens: list[Token], cue: Cue, lex: Lexicon
) -> tuple[int, Cue, Mention | None] | None:
    """English: the speaker and its apposition between the report's comma and a closing cue."""
    named = _role_then_name(tokens, cue, lex)
    if named is not None:
        return named
    mention = mention_before(tokens, cue.index, lex, max(0, cue.index - _TAIL_APPOSITION_REACH))
    if mention is None:
        return None
    opening = token_at(tokens, mention.start) - 1
    # the county's public health director: words of the phrase the mention leaves out
    reach = opening - _TAIL_PHRASE_WORDS
    while opening > reach and tokens[opening].is_word and not lex.cue(tokens[opening].text):
        opening -= 1
    if opening < MIN_CONTENT_WORDS or tokens[opening].text != ",":
        return None
    if tokens[opening + 1].text.casefold() in _INCLUDING:
        return None  # …, analysts, including John Smith, warned: the group speaks, not one of it
    return opening, cue, with_apposition_name(tokens, mention, lex)


def _role_then_name(tokens: list[Token], cue: Cue, lex: Lexicon) -> tuple[int, Cue, Mention | None] | None:
    """…, the chief executive of Acme, John Smith, added.: a role phrase, then the name, each after a comma.

    The role phrase holds a role word and no verb; the report ends at the comma before it.
    """
    name_comma = cue.index - 1
    name_opening = _comma_before(tokens, name_comma, MAX_NAME_TOKENS + 2)
    if name_opening is None:
        return None
    name = mention_after(tokens, name_opening + 1, lex)
    if name is None or name.kind != "name" or " " not in name.name or name.end != tokens[name_comma - 1].end:
        return None
    role_opening = _comma_before(tokens, name_opening, _TAIL_ROLE_WORDS)
    if role_opening is None or role_opening < MIN_CONTENT_WORDS:
        return None
    phrase = tokens[role_opening + 1 : name_opening]
    if not any(lex.is_role(t.text) for t in phrase) or any(
        lex.cue(t.text) or t.text.casefold() in lex.auxiliaries for t in phrase
    ):
        return None
    named = Mention(start=phrase[0].start, end=name.end, kind="name", name=name.name, role=written(phrase))
    return role_opening, cue, named


def _not_a_report_before(
    tokens: list[Token], folded: list[str], comma: int, mention: Mention | None, lex: Lexicon
) -> bool:
    """German: the words before a tail frame's comma are no report.

    Als die Feuerwehr eintraf, warnte der Sprecher: a clause of time (in the indicative) says
    when; Semra Aydın zeigte sich erleichtert, forderte aber eine Garantie: the phrase after the
    verb names no one who speaks (no role, no name), so the verb is the subject's second one.
    """
    if folded[0] in GERMAN_SUBORDINATORS and lex.subjunctive.isdisjoint(folded[:comma]):
        return True
    if mention is None or mention.kind == "pronoun":
        return False
    words = [*mention.name.split(), *(mention.role or "").split()]
    at = token_at(tokens, mention.start)
    head = words[0].casefold() if mention.kind == "name" else words[-1].casefold()
    return (
        folded[at] in _INDEFINITE_ARTICLES
        and folded[at - 1] in _GOING_ON  # forderte aber eine Garantie; sagte aber eine Passantin speaks
        and lex.subjunctive.isdisjoint(folded[:comma])  # a Konjunktiv before the comma is reported
        and not any(lex.is_role(word) for word in words)
        and head.endswith((*lex.abstract_suffixes, *_THING_ENDINGS))  # a thing, not a person
    )


#: Adverbs after a second verb of the same subject (…, forderte aber eine Garantie)
_GOING_ON: Final = frozenset({"aber", "jedoch", "zudem", "außerdem", "dann", "auch"})
#: Endings of nouns for things, besides the lexicon's abstract ones (Garantie, Erklärung)
_THING_ENDINGS: Final = ("ie", "ung", "ur", "tät", "ment")
#: German indefinite articles: "eine Garantie" after a verb is its object, "ein Sprecher" a speaker
_INDEFINITE_ARTICLES: Final = frozenset(
    {"ein", "eine", "einen", "einem", "einer", "eines", "keine", "keinen"}
)


def _name_closes(tokens: list[Token], comma: int, last: int, lex: Lexicon) -> bool:
    """Whether the words after ``comma`` to the sentence's last word are one full name."""
    name = mention_after(tokens, comma + 1, lex)
    # "Ray." keeps its stop as an abbreviation would: the name may end one character short
    return name is not None and name.kind == "name" and " " in name.name and name.end >= tokens[last].end - 1


def _comma_before(tokens: list[Token], index: int, reach: int) -> int | None:
    """The index of the nearest comma before ``tokens[index]`` within ``reach`` tokens."""
    return next((i for i in range(index - 1, max(-1, index - reach - 1), -1) if tokens[i].text == ","), None)


def _subject_phrase_only(tokens: list[Token], comma: int, lex: Lexicon) -> bool:
    """Whether the words before ``comma`` are a subject with its appositions, not a clause.

    Die Vorsitzende Richterin am Landgericht, Beate Kühn, verkündete das Urteil / Dana Whitfield,
    the Labour MP, said the cuts … / Dr. Amelia Grant, who leads the trial, said …: a phrase,
    then phrases in apposition or a relative clause, each after a comma, then the verb. Without
    a predicate of its own the opening is the verb's subject, and what follows the verb its
    object, never an inverted speaker (…, sagte die Richterin).
    """
    bounds = [-1, *(i for i in range(comma) if tokens[i].text == ","), comma]
    if len(bounds) < 3:
        return False  # one phrase alone: Die Lage sei ernst, sagte sie
    for number, (opening, closing) in enumerate(itertools.pairwise(bounds)):
        first = opening + 1
        if first >= closing:
            return False
        if number > 0 and opens_relative_clause(tokens, first):
            continue
        if number > 0 and opens_age(tokens, opening):
            continue  # Eleanor Voss, 91, still remembers …: an age in apposition
        if not phrase_fills(tokens, first, closing, lex):
            return False
    return True


def _opens_report_after(
    tokens: list[Token], folded: list[str], cue: Cue, lex: Lexicon, until: int | None = None
) -> bool:
    """Whether the cue opens a report after it, so that no report stands before it.

    Right after the cue: a colon, an opening mark, "that" or a subject pronoun; further on (up
    to ``until``), a colon (rief er mit lauter Stimme: „…“ / the manager said calmly: “…”).
    """
    after = cue.index + 1
    while after < len(tokens) and tokens[after].end <= cue.end:
        after += 1  # a cue of several tokens (teilte … mit)
    if after >= len(tokens):
        return False
    word = folded[after]
    return (
        word in {":", *OPENING_MARKS}
        or word in lex.complementizers
        or opens_clause(word)
        or ":" in folded[after:until]
    )


#: Subject pronouns that open a clause after a time or place phrase (said on Monday it would …).
_SUBJECT_PRONOUNS_EN: Final = frozenset({"he", "she", "it", "they", "we", "i", "you", "there"})


def opens_clause(word: str, pronouns: Collection[str] = _SUBJECT_PRONOUNS_EN) -> bool:
    """Whether ``word`` is one of ``pronouns``, contracted or not (it, they'd, he’s)."""
    return word.replace("’", "'").split("'", 1)[0] in pronouns


#: Most tokens an inserted frame holds between its commas (, so der Sprecher am Montag weiter,)
_INSERTED_FRAME_TOKENS: Final = 9
#: Words an inserted frame may hold besides its cue and its speaker (weiter, am Montag)
_INSERTED_FRAME_EXTRA_WORDS: Final = 3


def inserted_frame(  # noqa: PLR0912 - one branch per way the frame is refused
    tokens: list[Token], folded: list[str], lex: Lexicon, openings: list[int]
) -> tuple[int, int | None, Cue, Mention] | None:
    """Die Lage, so Müller, sei ernst. / The plan, the minister said, would cost billions.

    Returns the two commas' indices, the cue and the speaker. The frame between the commas is a
    cue and its speaker and at most a few more words; the speaker stands where the language puts
    an inserted frame's (German: after the verb or "so"; English: on either side of "said");
    a relative clause (, who said nothing,) or a frame that opens a report of its own (, he
    said, that …) is no inserted frame.
    """
    if folded.count(",") < 2 or not openings:
        return None  # most sentences: counted in C
    commas = [i for i, word in enumerate(folded) if word == "," and 0 < i < len(tokens) - 2]
    for first, second in itertools.pairwise(commas):
        # the cheap tests first: most comma pairs hold no cue opening at all
        if second - first - 1 > _INSERTED_FRAME_TOKENS or second - first < 3:
            continue
        low = bisect.bisect_right(openings, first)
        if low >= len(openings) or openings[low] >= second:
            continue
        if tokens[first - 1].text in CLOSING_MARKS or folded[first + 1] in lex.complementizers:
            continue  # "…," said X, the company's chief: the frame of a quote, with its apposition
        if opens_relative_clause(tokens, first + 1):
            continue
        if not all(tokens[i].is_word or tokens[i].text == "." for i in range(first + 1, second)):
            continue  # „…“, sagte X, der …: a mark or dash inside is a direct quote's frame
        cue = find_cue(tokens, lex, first + 1, second, openings=openings, folded=folded)
        if cue is None or cue.kind in {"noun", "after", "before"} or cue.end > tokens[second].start:
            continue
        mention = speaker_of(tokens, cue, lex, first + 1)
        if mention is None or mention.start < tokens[first].end or mention.end > tokens[second].start:
            continue
        if lex.capitalises_nouns and mention.start < cue.start:
            continue  # German inverts the inserted frame too: , sagte sie, / , so Müller,
        inside = range(first + 1, second)
        frame_words = sum(
            1
            for i in inside
            if tokens[i].is_word
            and not (cue.start <= tokens[i].start < cue.end or mention.start <= tokens[i].start < mention.end)
        )
        if frame_words > _INSERTED_FRAME_EXTRA_WORDS or _opens_report_after(tokens, folded, cue, lex, second):
            continue
        if _age_comma(tokens, second):
            continue  # sagte Anna Weber, 54, am Montag: the commas of an age, read as a tail frame
        if attached_phrases(tokens, folded, second + 1, len(tokens) - 1, lex, openings):
            # …, said X, the company's chief; sagte X, die das Amt seit 2019 führt: phrases about
            # the speaker, no second part
            return first, None, cue, mention
        return first, second, cue, mention
    return None
