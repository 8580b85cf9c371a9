"""Indirect and mixed quotes: reported speech introduced by a cue, found sentence by sentence.

The frames (per language, from the lexicon):

- a cue and a complement clause: sagte Rutte, dass …; Smith said (that) …; X told Y that …
- a cue, a comma and a clause in Konjunktiv I: Er sagte, die Lage sei ernst.
- a clause and an inverted frame after it: Das bedeute nichts, ergänzte Trump. / …, he said.
- a source phrase: laut X …, nach Angaben von X …, X zufolge …, …, so X.; according to X, …
- wie X sagte, …

Reported content holding quoted material is ``mixed``; quoted material inside it is then a
``partial`` quote, not a direct one. Sentences are checked for a cue word with a set look-up
before any tokenizing, which keeps the pass cheap on text without reported speech.
"""

from __future__ import annotations

import bisect
from operator import itemgetter
from typing import TYPE_CHECKING, Final

import attrs

from quotekit._regex import backtrack_free
from quotekit.quotes.candidate import Candidate
from quotekit.quotes.clauses import (
    COMPLEMENTIZER,
    RIGHT_AFTER,
    after_a_quote,
    before_relative_clause,
    clause_opening,
    coordinated_verb,
    has_finite_verb,
    in_embedded_clause,
    konjunktiv_after_pronoun,
    opens_quantity,
    participle_clause,
    reported_clause_end,
    text_after,
)
from quotekit.quotes.frames import (
    COORDINATORS,
    Cue,
    cue_openings,
    find_cue,
    relative_clause_cue,
    speaker_of,
)
from quotekit.quotes.relative import main_clause_comma, relative_antecedent, relative_pronoun, verb_before
from quotekit.quotes.reports import (
    back_reference_frame,
    colon_report,
    fact_demonstrative,
    mixed_report_end,
    overlaps_direct,
    report_candidate,
    trim_report,
)
from quotekit.quotes.sources import own_phrase_end, own_subject, source_after
from quotekit.quotes.subjects import GERMAN_SUBORDINATORS, sentence_subject
from quotekit.quotes.tail_frame import (
    MIN_CONTENT_WORDS,
    OPENING_MARKS,
    inserted_frame,
    opens_clause,
    tail_frame,
)
from quotekit.quotes.tokens import Mention, Token, mention_after, mention_before, token_at

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from quotekit.lang.segment import Segmentation
    from quotekit.quotes.lexicon import Lexicon

__all__ = ["IndirectFinder"]

#: The words of a sentence, for the trigger look-up that decides whether to read it at all.
#: Backtrack-free, so the per-sentence scan skips the timeout's clock (see quotekit._regex).
_WORD = backtrack_free(r"\p{L}++")
#: A token's text (Token is a tuple: start, end, text).
_TEXT: Final = itemgetter(2)
#: Sentences longer than this are lists or run-ons; reading them as one report would mislead.
MAX_SENTENCE: Final = 1500
#: An "as" frame (Wie ein Sprecher mitteilte, …) closes with its comma within this many tokens.
_AS_FRAME_WORDS: Final = 16
_AS_FRAME_MIN_TOKENS: Final = 6
#: Words of a time or place phrase between "said" and its clause: said at a news conference he …
_ADVERBIAL_WORDS: Final = 6
#: Words of the addressee phrase before the report: told the two reporters he …
_ADDRESSEE_WORDS: Final = 4
_CLAUSE_STARTERS_EN: Final = frozenset(
    {
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "there",
        "this",
        "that",
        "his",
        "her",
        "their",
        "our",
        "its",
        "no",
        "some",
        "many",
        "most",
        "all",
        "if",
    }
)


#: How many speech verbs after a cue that frames nothing are tried in turn ("I don't know," she
#: said, and added that …: "know" inside the quote, then "said", then "added")
_SPEECH_VERBS_TRIED: Final = 3
#: The words at a sentence's opening among which a Konjunktiv I form goes on reporting after a
#: sentence of narration (Die Einigung sei ein Erfolg; Nur so könne man …)
_REPORTIVE_OPENING_WORDS: Final = 4
#: Tokens that end the clause a speech verb opens
_CLAUSE_ENDS: Final = frozenset({",", ".", ";", ":", "!", "?", "(", ")"})
#: Endings a past form shares with an adjective before its noun (eine oft beklagte Lücke)
_ADJECTIVE_ENDINGS: Final = ("e", "en", "er", "es", "em")
#: Words that, closing a speech verb's clause, say nothing was said (äußerte sich nicht)
_NEGATIONS: Final = frozenset({"nicht", "nie", "niemals", "keineswegs"})
#: How far after a German cue a comma and a second speech verb of its subject are looked for
_VERB_FOLLOWS_WITHIN: Final = 8


#: The most words an apposition after a source may have (the agency's chief financial officer)
_SOURCE_APPOSITION_WORDS: Final = 8


#: Words in -e after a pronoun that are no verb in Konjunktiv I (sie beide, sie alle, er selbst)
_NOT_KONJUNKTIV: Final = frozenset({"beide", "alle", "selbe", "einzige", "erste", "letzte", "spie"})


#: The most characters between a direct quote's end and the next sentence (closing mark, stop, spaces)
_QUOTE_TO_SENTENCE: Final = 4


#: German forms of "werden" before a participle in the passive (wird vorgeworfen, wurde befürchtet)
_PASSIVE_AUXILIARIES: Final = frozenset({"wird", "wurde", "werde", "würde", "wurden", "werden"})
#: How many tokens before the participle the passive auxiliary may stand (wird unter anderem vorgeworfen)
_PASSIVE_REACH: Final = 4


#: German modal verbs whose subject an infinitive cue right after them shares (wollte wissen)
_MODALS: Final = frozenset(
    {"will", "wollte", "wollten", "möchte", "möchten", "muss", "musste", "kann", "konnte"}
)


class IndirectFinder:
    """Finds indirect and mixed quotes in one language's text."""

    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex
        # "so" and "as" are too common to trigger a look; the frame ", so X" is checked apart
        words: set[str] = set(lex.verbs) | set(lex.after_phrases)
        self._frame_marks = tuple(f", {word} " for word in lex.frame_words)
        # a phrase triggers a look by its rarest word (statement, Angaben), not by "in" or "nach"
        words.update(max(phrase, key=len) for phrase in lex.before_phrases)
        words.update(lex.reportive)
        words.update(lex.hearsay)
        words.update(lex.opinion_nouns)
        # the table forms are case-folded (ß as ss): look for äußerte and heißt as written
        words.update(word.replace("ss", "ß") for word in list(words) if "ss" in word)
        # sentence-initial capitals (Laut, Demnach, Said) too, so sentences need no lower-casing
        self._trigger = frozenset(
            words | {word.capitalize() for word in words} | {word.upper() for word in words}
        )
        self._source_nouns = tuple(sorted(lex.nouns, key=len, reverse=True))
        #: the words that can open a source phrase: _source_phrase skips every other word
        self._source_openers = frozenset(lex.after_phrases).union(lex.before_by_first, {"nach"})
        #: reports found on the way to the first one of a sentence (the part before "laut X")
        self._pending: list[Candidate] = []
        #: the document's time expressions, start -> end (set by find)
        self._times: Mapping[int, int] = {}
        #: the document's direct quotes, (start, end) sorted (set by find): no cue inside one frames a report
        self._direct: Sequence[tuple[int, int]] = ()

    def find(
        self,
        segmentation: Segmentation,
        sentences: Iterable[tuple[int, int]],
        quoted: Sequence[tuple[int, int]],
        direct: Sequence[tuple[int, int]],
        times: Mapping[int, int] | None = None,
    ) -> list[Candidate]:
        """Indirect and mixed quotes in ``sentences``, some of ``segmentation``'s.

        ``quoted`` holds the (start, end) of the quoted stretches, ``direct`` those of the
        direct quotes found already, each sorted: the caller sorts them once per document,
        not once per language block. ``times`` maps the start of each time expression to its
        end (said Tuesday it would …: the report begins after it).
        """
        self._times = times or {}
        self._direct = direct
        text = segmentation.text
        found: list[Candidate] = []
        reporting_until = -1  # the end of the last sentence that reported speech
        last_sentence = (-1, -1)  # the sentence before this one
        before = two_back = (-1, -1)  # the sentence before this one's predecessor
        for s_start, s_end in sentences:
            two_back, before, last_sentence = before, last_sentence, (s_start, s_end)
            if s_end - s_start < 12 or s_end - s_start > MAX_SENTENCE:
                continue
            # Der Laborleiter erklärte: „…“ Es gebe Kunden, …: a direct quote ending right before
            # the sentence has its speaker talking, as a report would
            reporting_until = max(reporting_until, self._direct_end_before(text, s_start))
            # a list, not a set: most sentences fail the look-up, and isdisjoint takes any iterable
            words = _WORD.findall(text, s_start, s_end)
            # Man prüfe nun andere Standorte: Konjunktiv I of any verb after er/sie/es/man goes on
            # reporting (the table of forms that trigger a look holds the common verbs only)
            going_on = (
                reporting_until >= 0
                and s_start - reporting_until <= 3
                and konjunktiv_after_pronoun([word.casefold() for word in words[:2]], self._lex)
                and not words[1].endswith("te")  # er drehte sich um: a past, not Konjunktiv I
                and words[1].casefold() not in _NOT_KONJUNKTIV  # Sie beide gingen
            )
            if not going_on and not self._may_report(text, s_start, s_end, words):
                continue
            # Dies bestätigte der Parteichef am Abend: the sentence before is the report
            pointing = self._pointing_back(segmentation, words, (s_start, s_end), before, reporting_until)
            if pointing is not None:
                reports, cue_end = pointing
                # a report reaching into a direct quote is dropped before it counts as reporting;
                # … und fügte hinzu, …: what the sentence reports after its own cue
                sentence = [c for c in reports if not overlaps_direct(c, direct)]
                sentence += [c for c in self._sentence(segmentation, s_start, s_end) if c.start >= cue_end]
            elif (
                reporting_until >= 0
                and s_start - reporting_until <= 3
                and (
                    going_on
                    or not self._lex.reportive.isdisjoint(words)
                    or self._hearsay(words)
                    or not self._lex.hearsay.keys().isdisjoint(words[:_REPORTIVE_OPENING_WORDS])
                )
            ) or (
                # Die Einigung sei ein Erfolg: a Konjunktiv I opening a sentence reports the last
                # speaker even after one sentence of narration, within the paragraph
                self._lex.capitalises_nouns
                and reporting_until >= two_back[1] - 3
                and "\n" not in text[reporting_until:s_start]
                and not self._lex.reportive.isdisjoint(words[:_REPORTIVE_OPENING_WORDS])
            ):
                # Konjunktiv I goes on reporting what the last speaker said (free indirect speech)
                sentence = self._sentence(segmentation, s_start, s_end)
                if not sentence:
                    previous = found[-1] if found else None
                    if (
                        previous is not None
                        and previous.kind == "indirect"
                        and previous.inherit
                        and previous.end >= reporting_until - 2
                        and s_start - reporting_until <= 3
                    ):
                        previous.end = trim_report(text, s_start, s_end)[1]
                    else:
                        found.append(
                            Candidate(
                                start=s_start,
                                end=trim_report(text, s_start, s_end)[1],
                                kind="indirect",
                                inherit=True,
                                frame=(s_start, s_end),
                            )
                        )
                    reporting_until = s_end
                    continue
            else:
                sentence = self._sentence(segmentation, s_start, s_end)
            for candidate in sentence:
                reporting_until = s_end
                if overlaps_direct(candidate, direct):
                    continue
                mixed_end = mixed_report_end(candidate, quoted)
                if mixed_end is not None:
                    candidate.kind = "mixed"
                    candidate.end = mixed_end
                found.append(candidate)
        return found

    def _pointing_back(
        self,
        segmentation: Segmentation,
        words: list[str],
        sentence: tuple[int, int],
        before: tuple[int, int],
        reported_until: int,
    ) -> tuple[list[Candidate], int] | None:
        """Das kündigte Minister X am Mittwoch an: a back reference, a speech verb, its subject.

        The sentence opens with a ``quote_back_references`` word (das, dies) and its finite
        verb (or an auxiliary before a participle: Das hat der Minister bestätigt), then the
        subject: what was said is the sentence before, in the same paragraph. Returns ``None``
        when the sentence has another shape; else the report (none when the sentence before
        cannot be it: none in the paragraph, too short, or read as a report already, ending
        after ``reported_until``) and where the cue ends.
        """
        if words[0].casefold() not in self._lex.back_references:
            return None
        text = segmentation.text
        framed = back_reference_frame(segmentation.tokens(*sentence), self._lex)
        if framed is None:
            return None
        cue, mention = framed
        p_start, p_end = before
        if p_start < 0 or p_start < reported_until or "\n" in text[p_end : sentence[0]]:
            return [], cue.end
        content = trim_report(text, p_start, p_end)
        if len(_WORD.findall(text, *content)) < MIN_CONTENT_WORDS:
            return [], cue.end
        report = Candidate(
            start=content[0],
            end=content[1],
            kind="indirect",
            mention=mention,
            cue=(cue.start, cue.end),
            frame=(p_start, sentence[1]),
        )
        return [report], cue.end

    def _hearsay(self, words: list[str]) -> bool:
        """Es soll sich um einen Unfall gehandelt haben: a modal of hearsay, a past infinitive last.

        "soll" alone may be a plan (Die Brücke soll 2027 fertig werden); with a participle and
        haben/sein closing the sentence it says what others say happened.
        """
        hearsay = self._lex.hearsay
        if len(words) < 4 or hearsay.keys().isdisjoint(words):
            return False
        closing, before = words[-1].casefold(), words[-2]
        # a participle before haben/sein (getrunken, gehandelt, worden), not an adjective (fertig sein)
        participle = before.islower() and (before.startswith("ge") or before.endswith(("t", "en")))
        return (
            participle
            and before != "zu"
            and any(closing in hearsay[word] for word in words if word in hearsay)
        )

    def _may_report(self, text: str, start: int, end: int, words: list[str]) -> bool:
        """Whether the sentence has a trigger word, a frame mark (", so ") or a compound source."""
        if not self._trigger.isdisjoint(words):
            return True
        sentence = text[start:end]
        return any(mark in sentence for mark in self._frame_marks) or self._compound_source(words)

    def _compound_source(self, words: list[str]) -> bool:
        """Nach Polizeiangaben, nach ersten Schätzungen: "nach" with a word ending in a source noun."""
        return (
            self._lex.capitalises_nouns
            and ("nach" in words or "Nach" in words)
            and any(word.casefold().endswith(self._source_nouns) for word in words)
        )

    def _sentence(self, segmentation: Segmentation, start: int, end: int) -> list[Candidate]:
        """Every report in one sentence (Als X darauf bestand, dass …, fügte Y hinzu, dass …)."""
        text = segmentation.text
        tokens = segmentation.tokens(start, end)
        if len(tokens) < 4:
            return []
        self._pending.clear()
        # folded once per sentence (in C, by map): _first and every further cue read the same tokens
        folded = list(map(str.casefold, map(_TEXT, tokens)))
        # where cues may open, found once: every frame rule below searches among these only
        openings = self._outside_direct(tokens, cue_openings(tokens, folded, self._lex))
        first = self._first(text, tokens, folded, openings)
        if first is None:
            return []
        found = [*self._pending, first]
        self._pending.clear()
        if first.kind == "indirect" and first.cue is not None:
            # said the worst was over, but warned that …: the first report ends before the verb
            # its subject goes on with, which frames a report of its own
            first.end = self._before_coordinated_cue(text, tokens, folded, first, openings)
            first.frame = (first.frame[0], min(first.frame[1], max(first.end, first.cue[1])))
            position = token_at(tokens, first.end)
            while position < len(tokens) - 3 and len(found) < 4:
                cue = find_cue(tokens, self._lex, position, None, openings=openings, folded=folded)
                while cue is not None and cue.kind not in {"verb", "participle"}:
                    cue = find_cue(tokens, self._lex, cue.index + 1, None, openings=openings, folded=folded)
                if cue is None:
                    break
                # English reports in one sentence share its subject (said that … and suggested that …);
                # German ones go on with the last speaker, who may have spoken in between
                shared = None if self._lex.capitalises_nouns else found[-1].mention
                more = self._complement(text, tokens, folded, cue, speaker=shared)
                if more is None or more.start < found[-1].end:
                    position = cue.index + 1
                    continue
                found.append(more)
                position = token_at(tokens, more.end)
            one_word_end = token_at(tokens, first.start) + 1
            if (
                len(found) > 1
                and token_at(tokens, first.end) == one_word_end
                and participle_clause(folded, one_word_end, self._lex)
            ):
                # said nothing, adding that …: one word before the participle clause reports nothing
                found.remove(first)
        return found

    def _direct_end_before(self, text: str, offset: int) -> int:
        """The end of a direct quote closing the text right before ``offset``, else -1.

        Only marks, a stop and spaces may stand between the quote and ``offset``.
        """
        direct = self._direct
        index = bisect.bisect_left(direct, (offset, -1)) - 1
        if index < 0:
            return -1
        end = direct[index][1]
        gap = text[end:offset]
        return (
            end
            if end <= offset and len(gap) <= _QUOTE_TO_SENTENCE and not any(c.isalnum() for c in gap)
            else -1
        )

    def _outside_direct(self, tokens: list[Token], openings: list[int]) -> list[int]:
        """``openings`` without those inside a direct quote („Ich weiß es nicht“, sagte sie: not "weiß")."""
        direct = self._direct
        if not openings or not direct:
            return openings
        first = max(0, bisect.bisect_left(direct, (tokens[openings[0]].start, -1)) - 1)
        last = bisect.bisect_left(direct, (tokens[openings[-1]].end, -1))
        inside = direct[first:last]  # only the quotes reaching this sentence: linear over a document
        if not inside:
            return openings
        return [i for i in openings if not any(s <= tokens[i].start < e for s, e in inside)]

    def _before_coordinated_cue(
        self, text: str, tokens: list[Token], folded: list[str], report: Candidate, openings: list[int]
    ) -> int:
        """Where ``report`` ends: before ", but warned" / ", und fügte hinzu" inside it, else its end.

        Also before ", adding that …" (see clauses.participle_clause). Only a report after its
        cue is cut: a speech act reported whole (Er kritisierte den Plan
        und forderte …) is one sentence; and only before a second speech verb of the subject
        (see clauses.coordinated_verb), not before one inside the report (the gunman entered the
        store and told customers …).
        """
        if report.cue is None or report.start < report.cue[1]:
            return report.end
        first, last = token_at(tokens, report.start), token_at(tokens, report.end)
        if COORDINATORS.isdisjoint(folded[first + 2 : last]) and (
            self._lex.capitalises_nouns or "," not in folded[first + 1 : last]
        ):
            return report.end  # most reports: looked over in C
        # called the decision disappointing and said …: what a naming verb frames has no verb
        # of its own, so any speech verb joined to it is the subject's
        cue_word = folded[token_at(tokens, report.cue[0])]
        naming = any(reading.lemma in self._lex.naming for reading in self._lex.verbs.get(cue_word, ()))
        for index in range(first + 1, min(last, len(tokens) - 1)):
            if index == first + 1 and not participle_clause(folded, index, self._lex):
                continue  # said nothing, adding that …: only a participle clause may follow one word
            if not (
                coordinated_verb(folded, index, self._lex)
                or participle_clause(folded, index, self._lex)
                or (naming and folded[index] in COORDINATORS)
            ):
                continue
            cue = find_cue(
                tokens, self._lex, index + 1, index + 2, speech_only=True, openings=openings, folded=folded
            )
            if cue is None or cue.kind not in {"verb", "participle"}:
                continue
            # said the strike was over and then announced …: the "and" before "then" goes too
            cut = index - 1 if folded[index - 1] in COORDINATORS else index
            return trim_report(text, report.start, tokens[cut].start)[1]
        return report.end

    def _first(
        self, text: str, tokens: list[Token], folded: list[str], openings: list[int]
    ) -> Candidate | None:
        lex = self._lex
        source = self._source_phrase(text, tokens, folded)
        if source is not None:
            return source
        # Wie ein Sprecher mitteilte, …; ist der Meinung, dass …; Die Lage, so Müller, sei ernst:
        # frames before, around or inside the report
        fronted = (
            self._as_frame(text, tokens, folded, openings)
            or self._view_held(text, tokens, folded)
            or self._inserted(text, tokens, folded, openings)
            or (colon_report(text, tokens, folded, lex) if lex.capitalises_nouns else None)
        )
        if fronted is not None:
            return fronted
        # an inverted frame at the end: …, ergänzte Trump. / …, so Rutte. / …, he said. / …, according to X.
        tail = tail_frame(tokens, folded, lex, openings)
        if tail is not None:
            return self._tail_report(text, tokens, folded, tail)
        # a cue with its complement clause
        cue = find_cue(tokens, lex, 0, None, openings=openings, folded=folded)
        while cue is not None and cue.kind not in {"verb", "participle"}:
            cue = find_cue(tokens, lex, cue.index + 1, None, openings=openings, folded=folded)
        if cue is None:
            return self._relative_report(text, tokens, folded, openings) or self._passive_report(
                text, tokens, folded, openings
            )
        found = self._complement(text, tokens, folded, cue)
        if found is None:
            found = self._relative_report(text, tokens, folded, openings)
        # sagte nichts, fügte aber hinzu, dass …: the second verb's report, else the sentence
        follows = found is None and lex.capitalises_nouns and self._verb_follows(folded, cue)
        if found is None and lex.capitalises_nouns and not follows:
            found = self._reported(text, tokens, cue)
        if found is None and (not lex.capitalises_nouns or cue.lemma in lex.naming or follows):
            # against the plan, said the budget …: "plan" reads as a verb; Asked about it, Voss's
            # office said …: the fronted participle frames nothing; nannte die Entscheidung
            # enttäuschend und kündigte an, …: a naming verb frames no clause; a speech verb after
            # it may still frame one
            found = self._later_speech_verb(text, tokens, folded, cue, openings)
        if found is None and follows:
            found = self._reported(text, tokens, cue)
        return found

    def _later_speech_verb(
        self, text: str, tokens: list[Token], folded: list[str], cue: Cue, openings: list[int]
    ) -> Candidate | None:
        """The report of one of the next speech verbs after ``cue``, which framed none."""
        lex = self._lex
        previous = cue
        for _ in range(_SPEECH_VERBS_TRIED):
            speech = find_cue(
                tokens, lex, previous.index + 1, None, speech_only=True, openings=openings, folded=folded
            )
            if speech is None or speech.kind not in {"verb", "participle"}:
                return None
            # "…," she said, and added that …; nannte … und kündigte an, …: the verb before's
            # subject goes on speaking when this one has none of its own
            subject = speaker_of(tokens, previous, lex) if previous.speech else None
            found = self._complement(text, tokens, folded, speech, speaker=subject)
            if found is not None:
                if subject is not None and found.mention is not None and found.mention.end <= previous.start:
                    found.mention = subject  # "I …," she said, and added: not a word of the quote
                return found
            previous = speech
        return None

    def _verb_follows(self, folded: list[str], cue: Cue) -> bool:
        """German: a speech verb of the same subject follows the cue's clause.

        Sie sagte nichts, fügte aber hinzu, dass …

        A comma, or "und"/"aber" after one, then a finite speech verb: the subject goes on with a
        second verb, whose report is the sentence's, not the first verb's words.
        """
        lex = self._lex
        end = min(len(folded) - 1, cue.index + _VERB_FOLLOWS_WITHIN)
        for index in range(cue.index + 1, end):
            if folded[index] in {".", ";", ":"}:
                return False
            if folded[index] != ",":
                continue
            after = index + 2 if folded[index + 1] in COORDINATORS else index + 1
            return after < len(folded) and any(reading.speech for reading in lex.verbs.get(folded[after], ()))
        return False

    def _passive_report(
        self, text: str, tokens: list[Token], folded: list[str], openings: list[int]
    ) -> Candidate | None:
        """German: Ihr wird vorgeworfen, …; Es wurde befürchtet, dass …: a speech verb in the passive.

        The participle of a verb of speaking or belief after a form of "werden", then its comma:
        the clause after it is reported, by no one the sentence names.
        """
        lex = self._lex
        if not lex.capitalises_nouns:
            return None
        for index in openings:
            if index + 2 >= len(tokens) or folded[index + 1] != ",":
                continue
            if not any(
                reading.participle and (reading.particle is None or reading.particle == folded[index - 1])
                for reading in lex.verbs.get(folded[index], ())
            ):
                continue  # wurde ihm gegeben, …: "gegeben" is a cue only after "bekannt"
            if _PASSIVE_AUXILIARIES.isdisjoint(folded[max(0, index - _PASSIVE_REACH) : index]):
                continue
            content = (tokens[index + 2].start, reported_clause_end(tokens, index + 2, lex))
            found = report_candidate(
                text, tokens, content, None, (tokens[index].start, tokens[index].end), "indirect"
            )
            if found is not None:
                found.inherit = False  # nobody said it in this sentence: the last speaker does not stand in
            return found
        return None

    def _relative_report(
        self, text: str, tokens: list[Token], folded: list[str], openings: list[int]
    ) -> Candidate | None:
        """Senator Holt, who said that the cuts would hurt …: the antecedent is the speaker.

        The cue of a relative clause is skipped when the sentence's own frame is looked for
        (Warren, who has not endorsed anyone, told reporters …); when the sentence has no
        other cue, the clause's report is the sentence's, spoken by whom the pronoun means.
        Inside the subject (Mayor Reyes, who warned that the budget was unsustainable, voted
        against it) the report ends where the main clause goes on.
        """
        found = relative_clause_cue(tokens, folded, self._lex, openings)
        if found is None:
            return None
        cue, opening_comma = found
        pronoun = tokens[opening_comma + 1]
        speaker = Mention(start=pronoun.start, end=pronoun.end, kind="pronoun", name=pronoun.text)
        report = self._complement(text, tokens, folded, cue, speaker=speaker)
        if report is None or report.antecedent is None:
            return None
        # inside the subject (no verb before the pronoun's comma) the main clause goes on after
        # a comma and its verb; The reporter interviewed Senator Lee, who said …: at the end
        first, last = token_at(tokens, report.start), token_at(tokens, report.end)
        in_subject = not verb_before(tokens, opening_comma, self._lex)
        closing_comma = main_clause_comma(tokens, folded, first, last, self._lex) if in_subject else None
        if closing_comma is not None:
            report.end = trim_report(text, report.start, tokens[closing_comma].start)[1]
            if not has_finite_verb(tokens, first, report.end, self._lex):
                return None  # The clerk, who said nothing at all, closed …: an object, no clause
        return report

    def _tail_report(
        self, text: str, tokens: list[Token], folded: list[str], tail: tuple[int, Cue, Mention | None]
    ) -> Candidate | None:
        """The report before a tail frame (Die Lage sei ernst, sagte sie / …, he said on Monday)."""
        comma, cue, mention = tail
        if not self._lex.capitalises_nouns and mention is not None and mention.start < cue.start:
            # After the vote, Whitcombe said the deal was fair: a clause after the verb is what
            # was said, and the words before the comma are no report
            clause = self._complement(text, tokens, folded, cue)
            if clause is not None:
                return clause
        content = (tokens[0].start, tokens[comma].start)
        found = report_candidate(text, tokens, content, mention, (cue.start, cue.end), "indirect")
        if found is not None and mention is None and cue.lemma in self._lex.impersonal:
            found.inherit = False  # …, hieß es: nobody said it, the last speaker does not stand in
        return found

    def _as_frame(
        self, text: str, tokens: list[Token], folded: list[str], openings: list[int]
    ) -> Candidate | None:
        """Read "Wie ein Sprecher mitteilte, bleibt die Brücke gesperrt" and "As the mayor said, …".

        A sentence opening with the "as" word of the language, a speech verb and a comma: the
        main clause after the comma is the report, the phrase after the "as" word its speaker.
        """
        lex = self._lex
        if len(tokens) < _AS_FRAME_MIN_TOKENS or folded[0] not in lex.as_words:
            return None
        comma = next((i for i in range(2, min(len(tokens), _AS_FRAME_WORDS)) if folded[i] == ","), None)
        if comma is None:
            return None
        cue = find_cue(tokens, lex, 1, comma, speech_only=True, openings=openings, folded=folded)
        if cue is None or cue.kind not in {"verb", "participle"}:
            return None
        mention = mention_after(tokens, 1, lex, nominative=False)
        if mention is None or mention.end > tokens[cue.index].start:
            return None
        content = (tokens[comma + 1].start, tokens[-1].end)
        return report_candidate(text, tokens, content, mention, (cue.start, cue.end), "indirect")

    def _inserted(
        self, text: str, tokens: list[Token], folded: list[str], openings: list[int]
    ) -> Candidate | None:
        """Die Lage, so Müller, sei ernst: the parts before and after an inserted frame, each a report."""
        found = inserted_frame(tokens, folded, self._lex, openings)
        if found is None:
            return None
        first, second, cue, mention = found
        cue_span = (cue.start, cue.end)
        # a part may be short (Die Lage, sagte Müller, sei ernst und …): the frame vouches for it
        before = report_candidate(
            text,
            tokens,
            (tokens[0].start, tokens[first].start),
            mention,
            cue_span,
            "indirect",
            min_words=1,
        )
        after = report_candidate(
            text,
            tokens,
            (tokens[second + 1].start, tokens[-1].end),
            mention,
            cue_span,
            "indirect",
            min_words=1,
        )
        if (
            before is not None
            and folded[0] in GERMAN_SUBORDINATORS
            and folded[0] != "da"  # Da habt ihr sie, sagte er, …: "there", not "since"
            and second + 1 < len(folded)
            and (
                folded[second + 1] in self._lex.determiners
                or folded[second + 1] in self._lex.pronouns
                or folded[second + 1] in {"man", "es"}
            )
        ):
            # Als die Feuerwehr eintraf, erklärte ein Sprecher, das Feuer sei gelöscht: the part
            # after the frame opens a clause of its own, so the clause before says when, not what;
            # in a report split by the frame the part after goes on with its verb (Wenn es so
            # weitergehe, sagte Müller, drohe die Pleite)
            before = None
        # each part's frame is the inserted frame and the part itself: the other part is report,
        # and its subject (Sein Rivale McCain, so Obama, würde …) must not be read as the speaker
        if before is not None:
            before.frame = (tokens[0].start, tokens[second].end)
        if after is not None:
            after.frame = (tokens[first].start, tokens[-1].end)
        return self._split_report(before, after)

    def _split_report(self, before: Candidate | None, after: Candidate | None) -> Candidate | None:
        """The parts of a report split by a frame or a source phrase: both kept, in text order.

        The sentence's first report is the part after; the part before waits in ``_pending``.
        A part too short to be a report leaves the other one standing alone.
        """
        if before is not None and after is not None:
            self._pending.append(before)
        return after or before

    def _view_held(self, text: str, tokens: list[Token], folded: list[str]) -> Candidate | None:
        """Der Verband ist der Meinung, dass …; sie vertritt die Ansicht, die Reform komme zu spät.

        A noun of a view held (``quote_opinion_nouns``) after its article, then a comma and a
        dass-clause or a clause in Konjunktiv: that clause is the view reported, and the subject
        of the clause before the noun holds it.
        """
        lex = self._lex
        if lex.opinion_nouns.isdisjoint(folded):
            return None
        for index in range(1, len(tokens) - 2):
            if folded[index] not in lex.opinion_nouns or folded[index + 1] != ",":
                continue
            if folded[index - 1] not in {"der", "die"} or index < 2:
                continue
            if folded[index - 2] not in lex.copulas and folded[index - 2] not in lex.opinion_verbs:
                continue  # widersprach der Ansicht, fragte nach der Meinung: a view not held
            clause_end = reported_clause_end(tokens, index + 2, lex)
            clause = folded[index + 2 : token_at(tokens, clause_end)]
            if not clause or (clause[0] not in lex.complementizers and lex.subjunctive.isdisjoint(clause)):
                continue
            holder = sentence_subject(tokens[: index - 1], lex, frozenset())
            if holder is None:
                continue
            content = (tokens[index + 2].start, clause_end)
            cue = (tokens[index - 1].start, tokens[index].end)
            return report_candidate(text, tokens, content, holder, cue, "indirect")
        return None

    def _reported(self, text: str, tokens: list[Token], cue: Cue) -> Candidate | None:
        """Die Armeeleitung sprach von einem Absturz: a speech act reported without its words.

        German news reports speech acts in one sentence (warnte vor, sprach von, kritisierte);
        the sentence is the report. Only finite speech verbs with a subject count.
        """
        lex = self._lex
        if (
            not cue.speech
            or cue.kind != "verb"
            or cue.lemma in lex.naming
            or in_embedded_clause(tokens, cue.index)
        ):
            return None
        if not self._act_reported(tokens, cue):
            return None
        mention = speaker_of(tokens, cue, lex)
        if (
            mention is None
            or (
                mention.kind == "role"
                and tokens[0].text.casefold() not in lex.determiners
                # Da warnte der Minister vor …: the subject right after the fronted verb
                and not (cue.index + 1 < len(tokens) and mention.start == tokens[cue.index + 1].start)
            )
            or mention.name.casefold() in lex.back_references  # Das sagte nichts aus: no speaker
        ):
            return None
        return report_candidate(
            text,
            tokens,
            (tokens[0].start, tokens[-1].end),
            None,
            (cue.start, cue.end),
            "indirect",
            speaker=mention,
        )

    def _act_reported(self, tokens: list[Token], cue: Cue) -> bool:
        """Whether the sentence around a speech verb reports that something was said.

        Not when the verb is negated at its clause's end (äußerte sich nicht, gab … nicht
        bekannt), stands in brackets (Wikinews berichtete), is an adjective before its noun
        (eine oft beklagte Lücke), or lacks the word its speech reading needs (besteht aus, not
        bestand darauf: ``act_needs`` in the cue-verb table).
        """
        lex = self._lex
        folded = [token.text.casefold() for token in tokens]
        index = cue.index
        clause_end = next(
            (i for i in range(index + 1, len(folded)) if folded[i] in _CLAUSE_ENDS), len(folded)
        )
        clause = folded[index + 1 : clause_end]
        needs = lex.act_needs.get(cue.lemma)
        if needs is not None and needs.isdisjoint(clause):
            return False
        last = len(clause) - 1
        if last >= 0 and clause[last] in lex.particles and cue.end > tokens[index].end:
            last -= 1  # gab … nicht bekannt: the particle closes the clause
        if last >= 0 and clause[last] in _NEGATIONS:
            return False
        if "(" in folded[:index] and ")" not in folded[folded.index("(") : index]:
            return False
        return not (
            index + 1 < len(tokens)
            and folded[index].endswith(_ADJECTIVE_ENDINGS)
            and tokens[index + 1].is_capitalised
            and index >= 2
            and (folded[index - 1] in lex.determiners or folded[index - 2] in lex.determiners)
            and not tokens[index - 1].is_capitalised
        )

    def _source_phrase(self, text: str, tokens: list[Token], folded: list[str]) -> Candidate | None:  # noqa: C901, PLR0912 - one pass, one branch per case
        """Laut X …, nach Angaben von X …, X zufolge …, according to X, … / …, according to X."""
        lex = self._lex
        openers = self._source_openers
        # the few positions where a source phrase may open, found in one pass (most sentences: none)
        for index in [i for i, word in enumerate(folded[:-1]) if word in openers]:
            word = folded[index]
            phrase_end = -1
            if word in lex.after_phrases and index > 0:
                mention = mention_before(tokens, index, lex)
                if mention is None:
                    continue
                cue = (mention.start, tokens[index].end)
                content = text_after(tokens, tokens[index].end)
                if content[1] - content[0] < 2:
                    content = (tokens[0].start, mention.start)
                return report_candidate(text, tokens, content, mention, cue, "indirect")
            # only the phrases this word opens, longest first as in before_phrases
            for phrase in lex.before_by_first.get(word, ()):
                if tuple(folded[index : index + len(phrase)]) == phrase:
                    phrase_end = index + len(phrase)
                    break
            if phrase_end < 0 and lex.capitalises_nouns and word == "nach":
                # nach Armeeangaben, nach ersten Schätzungen, nach Medienberichten
                for ahead in range(index + 1, min(len(tokens), index + 4)):
                    if folded[ahead].endswith(self._source_nouns):
                        phrase_end = ahead + 1
                        break
                    if tokens[ahead].is_capitalised or not tokens[ahead].is_word:
                        break
            if phrase_end < 0:
                continue
            source = source_after(tokens, folded, index, phrase_end, lex)
            if source is None:
                continue
            mention, source_end = source
            # nach eigenen Angaben, according to its own figures: the subject speaks, and may
            # stand inside the report
            own = own_subject(tokens, folded, index, phrase_end, lex)
            if own is not None:
                mention, source_end = (
                    own,
                    max(tokens[phrase_end - 1].end, own_phrase_end(tokens, folded, phrase_end)),
                )
            cue = (tokens[index].start, tokens[phrase_end - 1].end)
            content = text_after(tokens, source_end)
            if lex.lang == "en":  # the finite-verb test is English
                content = self._past_apposition(tokens, folded, content, named=mention.kind == "name")
            if content[1] - content[0] < 2 and index > MIN_CONTENT_WORDS:
                content = (tokens[0].start, tokens[index].start)  # …, according to the police.
            elif index > 1 and lex.capitalises_nouns and folded[index - 1] != ",":
                # Grund für den Brand waren laut Ministerium Arbeiten …: the report runs on both sides
                before = report_candidate(
                    text,
                    tokens,
                    (tokens[0].start, tokens[index].start),
                    mention,
                    cue,
                    "indirect",
                    speaker=own,
                    min_words=1,
                )
                # Zwei Menschen wurden laut Angaben verletzt; Alle sind laut BBC britische
                # Staatsbürger: the source vouches for short parts on either side
                after = report_candidate(
                    text, tokens, content, mention, cue, "indirect", speaker=own, min_words=1
                )
                return self._split_report(
                    *(self._sourced(part, cue, mention, own) for part in (before, after))
                )
            return self._sourced(
                report_candidate(text, tokens, content, mention, cue, "indirect", speaker=own),
                cue,
                mention,
                own,
            )
        return None

    @staticmethod
    def _sourced(
        candidate: Candidate | None, cue: tuple[int, int], mention: Mention, own: Mention | None
    ) -> Candidate | None:
        """A report by a source phrase, its frame narrowed to the phrase (the sentence's subject is report).

        Der Verdächtige wurde nach Angaben von Interpol gefasst: Interpol speaks, not the subject;
        nach eigenen Angaben leaves the frame whole, since the subject is who speaks.
        """
        if candidate is not None and own is None:
            candidate.frame = (min(cue[0], mention.start), max(cue[1], mention.end))
        return candidate

    def _past_apposition(
        self, tokens: list[Token], folded: list[str], content: tuple[int, int], *, named: bool
    ) -> tuple[int, int]:
        """English: the report after a source, past an apposition to it; empty when there is none.

        According to Ellen Park, the agency's director, the numbers are rising: the words up to
        the next comma hold no finite verb, the words after it do. "…," according to Ellen Park,
        the agency's director.: nothing after the source holds one, so nothing is reported.
        """
        first = token_at(tokens, content[0])
        if not has_finite_verb(tokens, first, content[1], self._lex):
            return content[0], content[0]
        comma = next((i for i in range(first + 1, len(tokens)) if folded[i] == ","), None)
        if (
            named  # According to police, the suspect, a 34-year-old man, fled: the report's own subject
            and comma is not None
            and comma - first <= _SOURCE_APPOSITION_WORDS
            and not has_finite_verb(tokens, first, tokens[comma].start, self._lex)
            and has_finite_verb(tokens, comma + 1, content[1], self._lex)
        ):
            return text_after(tokens, tokens[comma].end)
        return content

    def _complement(  # noqa: PLR0911, PLR0912 - one return per way the frame fails
        self,
        text: str,
        tokens: list[Token],
        folded: list[str],
        cue: Cue,
        *,
        speaker: Mention | None = None,
    ) -> Candidate | None:
        """Return the report a verb cue introduces; ``speaker`` stands in when the cue names none."""
        lex = self._lex
        if lex.capitalises_nouns and cue.lemma in lex.naming and cue.lemma not in lex.impersonal:
            return None  # wie ihn Lokalblätter nennen, …: naming verbs report no clause
        cue_end_index = cue.index
        while cue_end_index + 1 < len(tokens) and tokens[cue_end_index + 1].end <= cue.end:
            cue_end_index += 1
        # Es hieß, …; Zunächst hieß es, …: an impersonal frame reports with no one as its speaker
        impersonal = cue.lemma in lex.impersonal and "es" in folded[max(0, cue.index - 1) : cue.index + 2]
        if impersonal and cue_end_index + 1 < len(tokens) and folded[cue_end_index + 1] == "es":
            cue_end_index += 1  # hieß es, man prüfe …: the clause opens right after "es"
        # Where the reported clause opens does not depend on who speaks: it is read first, and
        # the speaker (the dearest step) only looked for after a cue that opens one (most
        # sentences with a cue word report nothing: "want to", "see the point")
        opening = clause_opening(tokens, folded, cue, cue_end_index, lex)
        after = -1
        if opening is None:
            if lex.capitalises_nouns:
                return None
            after = self._clause_after(tokens, folded, cue, cue_end_index)
            if after < 0:
                return None
        mention = self._speaker(tokens, folded, cue, speaker)
        # Senator Holt, who said …; Ministerin Roth, die sagte, …: the pronoun is the mention, the
        # phrase before its comma whom it means (a pronoun meaning no one frames no report)
        pronoun = relative_pronoun(tokens, folded, mention)
        antecedent = (
            None if pronoun is None else relative_antecedent(tokens, token_at(tokens, pronoun.start) - 1, lex)
        )
        if pronoun is not None and antecedent is None:
            return None
        mention = pronoun or mention
        if fact_demonstrative(mention, tokens, cue, lex) or (
            mention is None
            and not (
                lex.capitalises_nouns
                and cue.index + 2 < len(tokens)
                and folded[cue.index + 1 : cue.index + 3] == [",", "dass"]
            )
            and not (cue.end > tokens[cue.index].end)
            and not impersonal
        ):
            # no speaker, unless the cue plainly opens a dass-clause (fügte aber hinzu, dass …)
            return None
        if opening is not None:
            index, kind, clause_end = opening
            if kind == RIGHT_AFTER and (mention is None or impersonal):
                # Nun heißt es, die Daumen zu drücken; Das heißt es, wenn …: an impersonal frame
                # reports only a clause in Konjunktiv or with dass
                return None
            start_token = index + 1 if kind != COMPLEMENTIZER or not lex.capitalises_nouns else index
            content = (tokens[start_token].start, clause_end)
            found = report_candidate(
                text, tokens, content, mention, (cue.start, cue.end), "indirect", antecedent=antecedent
            )
            if found is not None and impersonal and mention is None:
                found.inherit = False  # nobody said it: the last speaker does not stand in
            return found
        # English: said + clause (the speaker precedes the cue)
        if mention is None or mention.end > tokens[cue.index].start:
            return None
        content = (tokens[after].start, reported_clause_end(tokens, after, lex))
        if not has_finite_verb(tokens, after, content[1], lex):
            return None  # recalled its yoghurts on Friday: an object, not a clause
        return report_candidate(
            text, tokens, content, mention, (cue.start, cue.end), "indirect", antecedent=antecedent
        )

    def _speaker(
        self, tokens: list[Token], folded: list[str], cue: Cue, speaker: Mention | None
    ) -> Mention | None:
        """Who speaks by a verb cue: its subject, else ``speaker`` or the one before a clause."""
        lex = self._lex
        mention = speaker_of(tokens, cue, lex)
        if (
            mention is None
            and cue.kind == "verb"
            and any(r.participle for r in lex.cue(tokens[cue.index].text))
        ):
            # Das Land hatte erklärt, …: "erklärt" is finite and participle alike; read as the
            # participle, the subject sits by the auxiliary
            mention = speaker_of(tokens, attrs.evolve(cue, kind="participle"), lex)
        if mention is None and lex.capitalises_nouns and cue.index > 1 and folded[cue.index - 1] in _MODALS:
            # Ein Zuhörer wollte wissen, wann …: the infinitive's subject is the modal's
            mention = speaker_of(tokens, attrs.evolve(cue, index=cue.index - 1, kind="verb"), lex)
        if mention is not None and speaker is not None and mention.end > tokens[cue.index].start:
            mention = None  # the cue's phrase after it is an object (and suggested that …)
        if mention is None and speaker is None and cue.index > 0 and folded[cue.index - 1] == ",":
            if not lex.capitalises_nouns:
                speaker = before_relative_clause(tokens, folded, cue.index - 1, lex) or sentence_subject(
                    tokens, lex, frozenset()
                )  # Greene, who voted no, said …; …, saying a penalty was needed
            elif cue.kind == "verb" and cue.speech and folded[0] not in GERMAN_SUBORDINATORS:
                # Die Sprecherin schwieg, betonte aber, …: a finite verb after the comma goes on
                # with the subject of the clause before it (the last one, when commas join several)
                opening = cue.index - 1
                while opening > 0 and folded[opening - 1] != ",":
                    opening -= 1
                speaker = sentence_subject(tokens[opening : cue.index - 1], lex, frozenset())
        return mention or speaker

    def _clause_after(self, tokens: list[Token], folded: list[str], cue: Cue, cue_end_index: int) -> int:
        """English: the token opening the clause after "said" (past a time, place, addressee), or -1."""
        lex = self._lex
        after = cue_end_index + 1
        if after >= len(tokens):
            return -1
        if after_a_quote(tokens, cue.index, lex):
            return -1  # "…," said Mark Ortiz, an analyst: an inverted frame names its speaker
        time_end = self._times.get(tokens[after].start)
        quantity = opens_quantity(folded, after) and cue.lemma not in lex.addressee_verbs
        if time_end is not None:
            # said Tuesday it would …, said last week the plan …: the report follows the time
            after = token_at(tokens, time_end)
            if after >= len(tokens):
                return -1
        elif quantity:
            pass  # said about half of the cuts …, said more than 40 people …: the clause opens here
        elif folded[after] in lex.prepositions and folded[after] not in {"that", "as", "than", "like"}:
            # said on Monday it would cut jobs / said in a statement they had agreed: the clause
            # after the time or place phrase, opened by a subject pronoun
            window = range(after + 1, min(len(tokens), after + _ADVERBIAL_WORDS + 1))
            opening = next(
                (
                    i
                    for i in window
                    # decided against raising it: a pronoun after an -ing form is its object
                    if (opens_clause(folded[i]) and not folded[i - 1].endswith("ing"))
                    or not tokens[i].is_word
                ),
                None,
            )
            if opening is not None and tokens[opening].is_word:
                after = opening
        if cue.lemma in lex.addressee_verbs:
            # told reporters he was confident: the phrase after the verb is whom it was told to,
            # and the report is the clause a subject pronoun opens after it ("that" was found
            # above); "told reporters after the meeting" reports nothing
            window = range(after, min(len(tokens), after + _ADDRESSEE_WORDS + 1))
            after = next(
                (
                    i
                    for i in window
                    if opens_clause(folded[i], lex.pronouns)
                    # told reporters the deal was dead: an article after the addressee, not
                    # after a preposition (told reporters at the meeting)
                    or (
                        i > after
                        and folded[i] in {"the", "a", "an"}
                        and tokens[i - 1].is_word
                        and folded[i - 1] not in lex.prepositions
                        and folded[i - 1] not in lex.function_words
                    )
                ),
                len(tokens),
            )
            if after >= len(tokens):
                return -1
        if (
            quantity
            or tokens[after].text in OPENING_MARKS
            or (
                tokens[after].is_word
                and (
                    folded[after] in lex.pronouns
                    or folded[after] in _CLAUSE_STARTERS_EN
                    or (
                        folded[after] not in lex.function_words
                        and not lex.cue(tokens[after].text)
                        and not folded[after].endswith("ly")
                    )
                )
            )
        ):
            return after
        return -1
