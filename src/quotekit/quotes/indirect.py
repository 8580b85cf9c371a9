"""Indirect and mixed quotes: reported speech introduced by a cue, found sentence by sentence.

The frames (per language, from the lexicon):

- a cue and a complement clause: sagte Rutte, dass …; Smith said (that) …; X told Y that …
- a cue, a comma and a clause in Konjunktiv I: Er sagte, die Lage sei ernst.
- a clause and an inverted frame after it: Das bedeute nichts, ergänzte Trump. / …, he said.
- a source phrase: laut X …, nach Angaben von X …, X zufolge …, …, so X.; according to X, …
- wie X sagte, …

:class:`IndirectFinder` reads the text sentence by sentence and tries these frames in turn; a
cue verb's complement clause is read in :mod:`quotekit.quotes.complements`, a source phrase's
report in :mod:`quotekit.quotes.source_reports`, and the German reports no cue verb frames with
its speaker's clause (a speech act, a passive, a view held) in :mod:`quotekit.quotes.speech_acts`.

Reported content holding quoted material is ``mixed``; quoted material inside it is then a
``partial`` quote, not a direct one. Sentences are checked for a cue word with a set look-up
before any tokenizing, which keeps the pass cheap on text without reported speech.
"""

from __future__ import annotations

import bisect
from operator import itemgetter
from typing import TYPE_CHECKING, Final

from quotekit._regex import backtrack_free
from quotekit.quotes.appositions import with_apposition_name
from quotekit.quotes.candidate import Candidate
from quotekit.quotes.clauses import (
    NOT_KONJUNKTIV,
    coordinated_verb,
    has_finite_verb,
    has_predicate_word,
    holds_konjunktiv_form,
    konjunktiv_after_adverb,
    konjunktiv_after_noun,
    konjunktiv_after_pronoun,
    konjunktiv_opening,
    participle_clause,
)
from quotekit.quotes.complements import complement_report
from quotekit.quotes.cues import COORDINATORS, Cue, cue_openings, find_cue, relative_clause_cue
from quotekit.quotes.frames import speaker_of
from quotekit.quotes.relative import main_clause_comma, verb_before
from quotekit.quotes.reports import (
    back_reference_frame,
    colon_report,
    mixed_report_end,
    overlaps_direct,
    report_candidate,
    split_report,
    trim_report,
)
from quotekit.quotes.source_reports import SourcePhrases
from quotekit.quotes.speech_acts import held_view_report, passive_report, speech_act_report
from quotekit.quotes.subjects import GERMAN_SUBORDINATORS
from quotekit.quotes.tail_frame import MIN_CONTENT_WORDS, inserted_frame, tail_frame
from quotekit.quotes.tokens import Mention, Token, mention_after, token_at

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
#: How many speech verbs after a cue that frames nothing are tried in turn ("I don't know," she
#: said, and added that …: "know" inside the quote, then "said", then "added")
_SPEECH_VERBS_TRIED: Final = 3
#: The words at a sentence's opening among which a Konjunktiv I form goes on reporting after a
#: sentence of narration (Die Einigung sei ein Erfolg; Nur so könne man …)
_REPORTIVE_OPENING_WORDS: Final = 4
#: Words that close a frame by pointing back at the words before its comma (…, and the union says so)
_POINTING_BACK: Final = frozenset({"so", "it", "that", "this"})
#: Words a first constituent and the finite verb after it may take (Die Supermärkte der Umgebung gäben)
_OPENING_WORDS: Final = 8
#: How far after a German cue a comma and a second speech verb of its subject are looked for
_VERB_FOLLOWS_WITHIN: Final = 8


#: Words of a frame pointing back at a chain: So, the verb, es, the subject
_MANNER_FRAME_WORDS: Final = 4
#: Words after the placeholder that make the frame a second voice (So schilderte es auch X)
_TOO: Final = frozenset({"auch", "ebenfalls", "ebenso"})
#: The most sentences such a frame names the speaker of
_MANNER_CHAIN_SENTENCES: Final = 8
#: German words opening a subordinate or interrogative clause before the main clause's verb
_CLAUSE_OPENERS: Final = GERMAN_SUBORDINATORS | {
    "ob",
    "wie",
    "wann",
    "warum",
    "weshalb",
    "wieso",
    "wer",
    "was",
    "wo",
    "welche",
    "welcher",
    "welches",
    "dass",
}
#: How far past a clause's end its direct quote may close (the closing mark)
_QUOTE_CLOSE_SLACK: Final = 2


#: The most characters between a direct quote's end and the next sentence (closing mark, stop, spaces)
_QUOTE_TO_SENTENCE: Final = 4


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
        #: the source phrases (laut X, nach Angaben von X …) and the reports they frame
        self._sources = SourcePhrases(lex)
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
        seen: list[tuple[int, int]] = []  # the sentences read so far, for a chain named after it
        for s_start, s_end in sentences:
            two_back, before, last_sentence = before, last_sentence, (s_start, s_end)
            seen.append((s_start, s_end))
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
                reporting_until >= 0 and s_start - reporting_until <= 3 and self._opens_in_report(words)
            )
            if words and words[0].casefold() in self._lex.manner_back_references:
                named = self._chain_named_after(segmentation, words, seen, found)
                if named:
                    reporting_until = s_end
                    continue
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
                and reporting_until >= max(0, two_back[1] - 3)
                and "\n" not in text[reporting_until:s_start]
                and self._opens_in_konjunktiv(text, s_start, s_end, words)
            ):
                # Konjunktiv I goes on reporting what the last speaker said (free indirect speech)
                sentence = self._sentence(segmentation, s_start, s_end)
                if not sentence:
                    self._go_on(text, (s_start, s_end), found, reporting_until)
                    reporting_until = s_end
                    continue
            else:
                sentence = self._sentence(segmentation, s_start, s_end)
            for candidate in sentence:
                reporting_until = s_end
                if overlaps_direct(candidate, direct) and not self._reported_around(text, candidate, direct):
                    continue
                self._close(segmentation, candidate, quoted)
                found.append(candidate)
        return found

    def _chain_named_after(
        self,
        segmentation: Segmentation,
        words: list[str],
        seen: list[tuple[int, int]],
        found: list[Candidate],
    ) -> bool:
        """So schilderte es X: the Konjunktiv sentences right before, in the paragraph, are X's.

        The sentence opens with a ``quote_manner_back_references`` word, a speech verb, the
        word's placeholder (es) and the subject. Each sentence of the chain before it (one with a
        Konjunktiv form) becomes a report of that subject, the reports already read there take
        it as their speaker. Returns whether the sentence was such a frame.
        """
        text = segmentation.text
        sentence = seen[-1]
        framed = self._manner_frame(segmentation, words, sentence)
        if framed is None:
            return False
        cue, mention = framed
        # the candidates of the last few sentences: found is in text order, the chain is its end
        tail = len(found)
        while tail > 0 and found[tail - 1].end > seen[max(0, len(seen) - 1 - _MANNER_CHAIN_SENTENCES)][0]:
            tail -= 1
        chain = self._chain_before(text, seen, found[tail:])
        if not chain:
            return False
        added: list[Candidate] = []
        for (p_start, p_end), covering in reversed(chain):
            content = trim_report(text, p_start, p_end)
            for candidate in covering:
                # the frame is the sentence that names the speaker, whatever the sentence's own
                # words seemed to frame (a clause read as a report of its own: weil … sei)
                candidate.mention, candidate.inherit, candidate.antecedent = mention, False, None
                candidate.cue, candidate.frame = (cue.start, cue.end), sentence
                if p_start <= candidate.start and candidate.end <= p_end:
                    candidate.start, candidate.end = content
            if not covering:
                added.append(
                    Candidate(
                        start=content[0],
                        end=content[1],
                        kind="indirect",
                        mention=mention,
                        cue=(cue.start, cue.end),
                        frame=sentence,
                    )
                )
        found[tail:] = sorted(found[tail:] + added, key=lambda c: (c.start, c.end))
        return True

    def _manner_frame(
        self, segmentation: Segmentation, words: list[str], sentence: tuple[int, int]
    ) -> tuple[Cue, Mention] | None:
        """The speech verb and the subject of "So schilderte es X", or ``None`` for another shape."""
        placeholder = self._lex.manner_back_references[words[0].casefold()]
        if len(words) < _MANNER_FRAME_WORDS or words[2].casefold() != placeholder:
            return None
        if words[3].casefold() in _TOO:
            return None  # So schilderte es auch ein Zeuge: X said the same, the words stay theirs
        tokens = segmentation.tokens(*sentence)
        cue = find_cue(tokens, self._lex, 1, 3, speech_only=True)
        if cue is None or cue.index != 1 or cue.kind != "verb":
            return None
        mention = mention_after(tokens, 3, self._lex)
        if mention is None:
            return None
        # der Vormann der Station, Sönke Boysen: the name in apposition is who spoke
        return cue, with_apposition_name(tokens, mention, self._lex)

    def _chain_before(
        self, text: str, seen: list[tuple[int, int]], recent: list[Candidate]
    ) -> list[tuple[tuple[int, int], list[Candidate]]]:
        """The Konjunktiv sentences right before the last of ``seen``, each with the reports on it.

        Empty when a sentence of the chain names its own speaker (Die Polizei sagte, …; Laut
        Polizei sei …; a direct quote): that speaker goes on in the chain, the frame after it is a
        second voice.
        """
        chain: list[tuple[tuple[int, int], list[Candidate]]] = []
        next_start = seen[-1][0]
        for position in range(len(seen) - 2, max(-1, len(seen) - 2 - _MANNER_CHAIN_SENTENCES), -1):
            p_start, p_end = seen[position]
            if "\n" in text[p_end:next_start]:
                break
            previous_words = [w.casefold() for w in _WORD.findall(text, p_start, p_end)]
            if not holds_konjunktiv_form(previous_words, self._lex):
                break
            covering = [c for c in recent if c.start < p_end and p_start < c.end]
            if any(self._framed_here(text, c, (p_start, p_end)) for c in covering) or overlaps_direct(
                Candidate(start=p_start, end=p_end, kind="indirect"), self._direct
            ):
                return []
            chain.append(((p_start, p_end), covering))
            next_start = p_start
        return chain

    def _framed_here(self, text: str, candidate: Candidate, sentence: tuple[int, int]) -> bool:
        """Whether ``candidate`` names its speaker by a speech verb or a source phrase in ``sentence``.

        A clause a verb of belief seemed to frame (… gefunden, weil … sei) does not count.
        """
        if candidate.mention is None or candidate.inherit or candidate.cue is None:
            return False
        if not sentence[0] <= candidate.cue[0] < sentence[1]:
            return False
        readings = self._lex.cue(text[candidate.cue[0] : candidate.cue[1]].split(maxsplit=1)[0])
        return not readings or any(reading.speech for reading in readings)

    def _close(
        self, segmentation: Segmentation, candidate: Candidate, quoted: Sequence[tuple[int, int]]
    ) -> None:
        """Where a report ends: after the quoted words it holds (a mixed quote), or at a semicolon."""
        mixed_end = mixed_report_end(candidate, quoted)
        if mixed_end is not None:
            candidate.kind = "mixed"
            candidate.end = mixed_end
        else:
            self._end_at_semicolon(segmentation, candidate)

    def _has_verb(self, tokens: list[Token], end: int) -> bool:
        """Whether ``tokens[:end]`` hold a verb: German a lower-case content word, English a finite one."""
        if self._lex.capitalises_nouns:
            return has_predicate_word(tokens, 0, end, self._lex)
        return end > 0 and has_finite_verb(tokens, 0, tokens[end - 1].end, self._lex)

    def _end_at_semicolon(self, segmentation: Segmentation, candidate: Candidate) -> None:
        """End a report before a semicolon that opens the writer's own clause.

        Der Minister sagte, die Lage sei ernst; die Opposition widersprach: the clause after the
        semicolon is narration. Not a list (food, blankets; medicine; and …), a clause before its
        tail frame (…; wages will not keep pace, the economist said), a bracket, a "that"/"dass"
        clause repeated, nor a German clause in Konjunktiv (…; man prüfe nun …).
        """
        text = segmentation.text
        semicolon = text.find(";", candidate.start, candidate.end)
        if semicolon < 0 or (candidate.cue is not None and candidate.cue[0] >= semicolon):
            return
        if text.count("(", candidate.start, semicolon) > text.count(")", candidate.start, semicolon):
            return  # the levels (nitrogen dioxide; fine dust) were …: inside a bracket
        tokens = segmentation.tokens(semicolon + 1, candidate.end)
        words = [token.text for token in tokens if token.is_word]
        if not words:
            return
        lex = self._lex
        first = words[0].casefold()
        if first in lex.complementizers or first in COORDINATORS:
            return  # …; that it would be funded; and that …: the report goes on
        if not self._has_verb(tokens, len(tokens)):
            return  # …; medicine; and baby formula: a list item
        if lex.capitalises_nouns and (
            holds_konjunktiv_form([word.casefold() for word in words], lex) or self._opens_in_report(words)
        ):
            return  # Konjunktiv: still the speaker's
        candidate.end = trim_report(text, candidate.start, semicolon)[1]

    def _opens_in_report(self, words: list[str]) -> bool:
        """German: whether a sentence right after a report opens in Konjunktiv (er prüfe, Das sei …).

        A pronoun, an adverb or an article and noun before a verb in -e, or any first
        constituent before a verb the tables know (``konjunktiv_opening``).
        """
        if len(words) < 2:  # a subject and its verb at least
            return False
        lex = self._lex
        short_opening = (
            konjunktiv_after_pronoun([word.casefold() for word in words[:2]], lex)
            or konjunktiv_after_adverb(words[:3], lex)
            or konjunktiv_after_noun(words[:4], lex)
        )
        return (
            (
                short_opening
                # er drehte sich um: a past, not Konjunktiv I (but man halte, es gelte: the table's)
                and (not words[1].endswith("te") or words[1].casefold() in lex.reportive)
                and words[1].casefold() not in NOT_KONJUNKTIV  # Sie beide gingen
            )
            or konjunktiv_opening(words[:_OPENING_WORDS], lex)
        )

    def _opens_in_konjunktiv(self, text: str, s_start: int, s_end: int, words: list[str]) -> bool:
        """German: whether the sentence's main clause opens in Konjunktiv I (Die Einigung sei …).

        After a leading subordinate or interrogative clause the main verb follows its comma (Wie
        lange sie ausfalle, sei noch offen; Ob es Verletzte gebe, sei unklar).
        """
        if not self._lex.reportive.isdisjoint(words[:_REPORTIVE_OPENING_WORDS]):
            return True
        if not words or words[0].casefold() not in _CLAUSE_OPENERS:
            return False
        comma = text.find(",", s_start, s_end)
        after = _WORD.search(text, comma + 1, s_end) if comma >= 0 else None
        return after is not None and after.group().casefold() in self._lex.reportive

    def _go_on(
        self, text: str, sentence: tuple[int, int], found: list[Candidate], reporting_until: int
    ) -> None:
        """Add ``sentence``, a Konjunktiv sentence with no frame, as the last speaker's report going on.

        It extends the report before it when that one ends right before it in the paragraph, else
        it is a report of its own that inherits its speaker. A sentence inside a direct quote is
        the speaker's own words (… als sei das ein Naturgesetz.“), no report.
        """
        s_start, s_end = sentence
        end = trim_report(text, s_start, s_end)[1]
        if overlaps_direct(Candidate(start=s_start, end=end, kind="indirect"), self._direct):
            return
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.kind == "indirect"
            and previous.inherit
            and previous.end >= reporting_until - 2
            and s_start - reporting_until <= 3
            and "\n" not in text[previous.end : s_start]  # a paragraph starts a quote
        ):
            previous.end = end
        else:
            found.append(
                Candidate(start=s_start, end=end, kind="indirect", inherit=True, frame=(s_start, s_end))
            )

    def _reported_around(self, text: str, candidate: Candidate, direct: Sequence[tuple[int, int]]) -> bool:
        """German: whether a Konjunktiv clause ends in a direct quote (Die Regierung habe „versagt“, sagte X).

        The quote is the speaker's words inside the reported clause: the clause is reported too
        (wikinews-de annotates both), as a mixed quote around the direct one. Only a quote wholly
        inside the clause, after words with a Konjunktiv form (the tables', or a verb in -e after
        a pronoun or an article and its noun).
        """
        if not self._lex.capitalises_nouns:
            return False
        # the direct spans are sorted: bisect to those that may overlap (a document holds many)
        low = max(0, bisect.bisect_left(direct, (candidate.start, -1)) - 1)
        high = bisect.bisect_left(direct, (candidate.end, -1))
        inside = [
            (start, end) for start, end in direct[low:high] if start < candidate.end and candidate.start < end
        ]
        if len(inside) != 1:
            return False
        start, end = inside[0]
        # the quote closes the clause, the frame follows (not: Auf die Frage, ob …, antwortete
        # der Zeuge: „…“, where the clause is the frame)
        if not (candidate.start < start and abs(end - candidate.end) <= _QUOTE_CLOSE_SLACK):
            return False
        if not text[end : end + _QUOTE_CLOSE_SLACK + 1].lstrip("“”„«»‘’‚\"' ").startswith(","):
            return False  # er sprach: »…«: a colon frame's quote, no clause's end before a tail frame
        before = _WORD.findall(text, candidate.start, start)
        folded = [word.casefold() for word in before]
        return (
            holds_konjunktiv_form(folded, self._lex)
            or konjunktiv_after_pronoun(folded[:2], self._lex)
            or konjunktiv_after_noun(before[:4], self._lex)
        )

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
        return any(mark in sentence for mark in self._frame_marks) or self._sources.compound_source(words)

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
                more = complement_report(text, tokens, folded, cue, self._lex, self._times, speaker=shared)
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
        source = self._sources.report(text, tokens, folded, self._pending)
        if source is not None:
            return source
        # Wie ein Sprecher mitteilte, …; ist der Meinung, dass …; Die Lage, so Müller, sei ernst:
        # frames before, around or inside the report
        fronted = (
            self._as_frame(text, tokens, folded, openings)
            or held_view_report(text, tokens, folded, lex)
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
            return self._relative_report(text, tokens, folded, openings) or passive_report(
                text, tokens, folded, lex, openings
            )
        found = complement_report(text, tokens, folded, cue, lex, self._times)
        if found is None:
            found = self._relative_report(text, tokens, folded, openings)
        # sagte nichts, fügte aber hinzu, dass …: the second verb's report, else the sentence
        follows = found is None and lex.capitalises_nouns and self._verb_follows(tokens, folded, cue)
        if found is None and lex.capitalises_nouns and not follows:
            found = speech_act_report(text, tokens, folded, cue, lex)
        if found is None and (not lex.capitalises_nouns or cue.lemma in lex.naming or follows):
            # against the plan, said the budget …: "plan" reads as a verb; Asked about it, Voss's
            # office said …: the fronted participle frames nothing; nannte die Entscheidung
            # enttäuschend und kündigte an, …: a naming verb frames no clause; a speech verb after
            # it may still frame one
            found = self._later_speech_verb(text, tokens, folded, cue, openings)
        if found is None and follows:
            found = speech_act_report(text, tokens, folded, cue, lex)
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
            found = complement_report(text, tokens, folded, speech, lex, self._times, speaker=subject)
            if found is not None:
                if subject is not None and found.mention is not None and found.mention.end <= previous.start:
                    found.mention = subject  # "I …," she said, and added: not a word of the quote
                return found
            previous = speech
        return None

    def _verb_follows(self, tokens: list[Token], folded: list[str], cue: Cue) -> bool:
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
            # Berichte über …, Angaben zu …: a capitalised word is a noun, not the subject's next verb
            return (
                after < len(folded)
                and not tokens[after].is_capitalised
                and not lex.subjunctive.intersection(folded[after + 1 : after + 2])  # erklären könne er
                and any(reading.speech for reading in lex.verbs.get(folded[after], ()))
            )
        return False

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
        report = complement_report(text, tokens, folded, cue, self._lex, self._times, speaker=speaker)
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
            clause = complement_report(text, tokens, folded, cue, self._lex, self._times)
            if clause is not None:
                return clause
            last_word = next((word for word in reversed(folded) if word[:1].isalnum()), "")
            if folded[comma + 1] in COORDINATORS and last_word not in _POINTING_BACK:
                # …, and the group hopes to sell out: a second main clause, no frame (but: …,
                # and the union says so)
                return None
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
        if comma is None or comma + 1 >= len(tokens):
            return None  # Wie die Stadt mitteilte,¶…: a paragraph break ends the sentence at the comma
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
        if second is None:  # phrases about the frame's speaker follow it, no second part
            if before is None or not self._has_verb(tokens, first):
                return None  # Der Grund, so die Polizei, ein Defekt: no clause before the frame
            before.frame = (tokens[0].start, tokens[-1].end)
            return before
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
            and self._lex.subjunctive.isdisjoint(folded[:first])  # Weil die Kosten gestiegen seien, …
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
        return split_report(before, after, self._pending)
