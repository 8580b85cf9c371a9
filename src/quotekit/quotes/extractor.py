"""The built-in ``quotes`` extractor: quotations, their kind, speaker, cue, date and source."""

from __future__ import annotations

import bisect
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final, TypeAlias

import attrs

from quotekit.lang.segment import segmenter_for
from quotekit.model import Diagnostic, Document, Post, Quote, Span, Speaker, Timex
from quotekit.pipeline import MAX_DIAGNOSTICS_PER_KIND, left_out_diagnostic
from quotekit.quotes.appositions import with_apposition_name
from quotekit.quotes.candidate import Candidate, Context
from quotekit.quotes.clause_subject import STRONG, WEAK, bare_plural_opening, clause_subject, speaker_strength
from quotekit.quotes.direct import classify
from quotekit.quotes.entities import EntityTracker, ReferenceTables
from quotekit.quotes.frames import only_skip_words
from quotekit.quotes.incise import Incise, dialogue_quotes, find_incise, split_at_incise, with_turns
from quotekit.quotes.indirect import IndirectFinder
from quotekit.quotes.lexicon import FALLBACK_LANGUAGE, Lexicon, compile_lexicons
from quotekit.quotes.marks import MarkScanner, QuotedSpan, Stretches
from quotekit.quotes.names import NameIndex, NameWords, leading_non_names
from quotekit.quotes.parsed import reattribute
from quotekit.quotes.phrases import dateline_end
from quotekit.quotes.tokens import mention_after

if TYPE_CHECKING:
    from quotekit.lang import LanguageData
    from quotekit.lang.segment import Segmentation
    from quotekit.quotes.tokens import Mention

__all__ = ["QuoteAttributor"]

#: A quote standing alone inherits the last speaker only when that speaker spoke this close before.
INHERIT_DISTANCE: Final = 700
#: Closer than this, the last speaker goes on talking even when the sentence before names another.
RECENT_DISTANCE: Final = 250
_TIMEX_TYPES: Final = frozenset({"DATE", "TIME"})


class QuoteAttributor:
    """Quotations and who said them: direct, partial, indirect and mixed quotes, with speakers.

    Needs ``Document.lang`` (and uses the per-block ``languages`` layer), and uses ``posts`` and
    ``timexes`` when earlier extractors provided them. Adds ``quotes`` and ``entities`` (the
    speakers with their mentions) and an ``unclosed-quote`` diagnostic per quotation mark that
    was never closed.
    """

    name = "quotes"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("quotes", "entities")
    after: tuple[str, ...] = ("posts", "timexes", "syntax")

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        self._segmenter = segmenter_for(data)
        self._lexicons = compile_lexicons(data)
        self._non_names = leading_non_names(self._lexicons)
        self._name_words = NameWords(self._lexicons)
        self._genders = {
            word: gender for lex in self._lexicons.values() for word, gender in lex.pronouns.items()
        }
        # one set for every language: "der Nato-Chef" may follow an English name, and the
        # endings do not clash across languages
        self._offices = tuple(sorted({role for lex in self._lexicons.values() for role in lex.office_roles}))
        self._references = ReferenceTables(
            nouns=frozenset().union(*(lex.anaphor_nouns for lex in self._lexicons.values())),
            suffixes=tuple(sorted({end for lex in self._lexicons.values() for end in lex.anaphor_suffixes})),
            # one map for every language: an English name may stand in a German article
            group_nouns=frozenset().union(*(lex.group_nouns for lex in self._lexicons.values())),
            group_suffixes=self._name_words.group_endings,
            name_adjectives={
                article: lex.name_adjective_endings
                for lex in self._lexicons.values()
                if lex.name_adjective_endings
                for article in lex.articles
            },
            body_suffixes={
                article: lex.body_suffixes
                for lex in self._lexicons.values()
                if lex.name_adjective_endings
                for article in lex.articles
            },
            first_names={
                name: gender for lex in self._lexicons.values() for name, gender in lex.first_names.items()
            },
        )
        pairs = []
        elisions: set[str] = set()
        spaced: set[str] = set()
        for lang in data.languages:
            elisions.update(data.words(lang, "quote_elisions"))
            for row in data.table(lang, "quote_marks"):
                if isinstance(row, Mapping):
                    opener, closer = row.get("open"), row.get("close")
                    if isinstance(opener, str) and isinstance(closer, str):
                        pairs.append((opener, closer))
                        if row.get("spaced") is True:
                            spaced.update((opener, closer))
        self._scanner = MarkScanner(pairs, elisions, spaced)
        self._indirect = {lang: IndirectFinder(lex) for lang, lex in self._lexicons.items()}
        #: whether any language opens dialogue turns with a dash (French — Nous reviendrons, dit-elle.)
        self._dialogue = any(lex.dialogue_marks for lex in self._lexicons.values())

    def _lexicon(self, lang: str) -> Lexicon | None:
        return self._lexicons.get(lang) or self._lexicons.get(FALLBACK_LANGUAGE)

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with its quotes, speaker entities and unclosed-quote diagnostics."""
        text = doc.text
        if not text or not self._lexicons:
            return doc
        languages = _LanguageIndex(doc)
        segmentation = self._segmenter.of(doc)
        newlines = _newlines(text)
        names = NameIndex(text, self._lexicons, self._non_names, self._name_words)
        candidates: list[Candidate] = []
        # the spans stream past: only the top-level ones' stretches, a window of five of them
        # and the first unclosed marks are kept (hostile text holds a span every two characters)
        quoted = Stretches()
        unclosed = _Unclosed()
        for neighbours in _top_level(self._scanner.spans(text), quoted, unclosed):
            span = neighbours[2]
            lex = self._lexicon(languages.at(span.open_at))
            if lex is None:
                continue
            ctx = _context(text, newlines, neighbours, names.surnames, segmentation)
            found = self._direct(span, ctx, lex)
            if found:
                candidates.extend(found)
        candidates = with_turns(candidates, self._dialogue_turns(segmentation, languages))
        direct = sorted((c.start, c.end) for c in candidates if c.kind == "direct")
        times = {timex.start: timex.end for timex in doc.timexes}
        # one stretch per language, neighbours of one language merged: a finder call each
        for start, end, lang in doc.language_segments():
            finder = self._indirect.get(lang) or self._indirect.get(FALLBACK_LANGUAGE)
            if finder is not None:
                block = _clipped(segmentation.sentences_between(start, end), start, end)
                for candidate in finder.find(segmentation, block, quoted, direct, times):
                    candidate.lang = lang
                    candidates.append(candidate)
        candidates = _without_frames_as_reports(candidates)
        _demote_inside_mixed(candidates)
        candidates.sort(key=lambda c: (c.start, c.end))
        for candidate in candidates:
            lex = self._lexicon(candidate.lang or languages.at(candidate.start))
            if lex is None:
                continue
            if candidate.mention is not None:
                candidate.mention = _likelier_speaker(segmentation, candidate, lex, names.surnames)
            elif candidate.kind == "direct" and not candidate.group_with_previous:
                candidate.mention = _signature(segmentation, candidate.end, lex)
        if doc.syntax is not None:  # a backend's parse names the cue verbs' subjects (quotes/parsed.py)
            reattribute(
                text, candidates, doc.syntax, lambda c: self._lexicon(c.lang or languages.at(c.start))
            )
        tracker = EntityTracker(text, names, self._genders, self._offices, self._references, quoted)
        return _build(doc, candidates, unclosed, tracker, languages)

    def _dialogue_turns(self, segmentation: Segmentation, languages: _LanguageIndex) -> list[Candidate]:
        """Turns of dialogue opened by a dash, where a language's ``quote_marks`` say so."""
        if not self._dialogue:
            return []
        return dialogue_quotes(segmentation, lambda offset: self._lexicon(languages.at(offset)))

    def _direct(self, span: QuotedSpan, ctx: Context, lex: Lexicon) -> list[Candidate]:
        """The quotes a quoted span makes: one per paragraph, cut around an incise it holds."""
        found = classify(span, ctx, lex)
        incise = _incise(ctx.segmentation, span, found, lex)
        if incise is not None and found is None:
            found = Candidate(start=span.start, end=span.end, kind="direct")  # the incise frames it
        if found is None:
            return []
        parts = self._paragraphs(span, ctx, lex, found)
        if incise is None:
            return parts
        return [
            piece
            for part in parts
            for piece in (
                split_at_incise(ctx.text, part, incise) if part.start <= incise.start < part.end else [part]
            )
        ]

    def _paragraphs(self, span: QuotedSpan, ctx: Context, lex: Lexicon, found: Candidate) -> list[Candidate]:
        """One quote per paragraph of ``found``, each with the speaker its paragraph has.

        "…¶"…," he said: the frame after a quote running over paragraphs names who speaks its
        last paragraph; the paragraphs before it keep what precedes the quote.
        """
        text = ctx.text
        parts = _split_paragraphs(text, found, self._scanner.openers)
        if len(parts) > 1 and found.frame[0] >= found.end:
            leading = classify(span, attrs.evolve(ctx, paragraph_end=span.outer_end), lex)
            if leading is not None:
                before = _split_paragraphs(text, leading, self._scanner.openers)
                if len(before) == len(parts):
                    parts = [*before[:-1], parts[-1]]
        return parts


def _incise(
    segmentation: Segmentation, span: QuotedSpan, found: Candidate | None, lex: Lexicon
) -> Incise | None:
    """The frame inside a direct quote whose marks may hold one (« Nous, dit-il, refusons »)."""
    if span.opener not in lex.incise_marks or (found is not None and found.kind != "direct"):
        return None
    return find_incise(segmentation.tokens(span.start, span.end), lex)


def _clipped(sentences: Sequence[tuple[int, int]], start: int, end: int) -> Sequence[tuple[int, int]]:
    """``sentences`` cut to one language block: a block may begin or end inside a sentence."""
    if sentences and (sentences[0][0] < start or sentences[-1][1] > end):
        return [(max(s, start), min(e, end)) for s, e in sentences if min(e, end) > max(s, start)]
    return sentences


def _newlines(text: str) -> array[int]:
    """The offsets of the line breaks in ``text``: ``str.find`` needs no regex match per break."""
    offsets = array("q")
    append = offsets.append
    find = text.find
    at = find("\n")
    while at >= 0:
        append(at)
        at = find("\n", at + 1)
    return offsets


class _LanguageIndex:
    """The language at an offset, in O(log n)."""

    def __init__(self, doc: Document) -> None:
        self.at = doc.language_lookup()


#: A top-level span with the two before it and the two after it (None where there is none).
_Neighbours: TypeAlias = tuple[
    QuotedSpan | None, QuotedSpan | None, QuotedSpan, QuotedSpan | None, QuotedSpan | None
]


#: The neighbours' window: two spans, the one read, two more.
_WINDOW: Final = 5


def _top_level(spans: Iterable[QuotedSpan], quoted: Stretches, unclosed: _Unclosed) -> Iterator[_Neighbours]:
    """Each top-level span of ``spans`` with its neighbours, once the two after it are read.

    On the way it records each top-level span's stretch in ``quoted`` and every span never
    closed in ``unclosed``; nothing else of the spans outlives this window.
    """
    window: deque[QuotedSpan | None] = deque((None, None), maxlen=_WINDOW)
    for span in spans:
        if span.close_at is None:
            unclosed.add(span.open_at)
        if span.parent is not None:
            continue
        quoted.append(span.open_at, span.outer_end)
        window.append(span)
        if len(window) == _WINDOW:
            yield _around(window)
    for _ in range(2):  # the last two have no spans after them
        window.append(None)
        if len(window) == _WINDOW:
            yield _around(window)


def _around(window: deque[QuotedSpan | None]) -> _Neighbours:
    before_previous, previous, span, following, after_following = window
    assert span is not None  # noqa: S101 - the window is full only around a span
    return before_previous, previous, span, following, after_following


class _Unclosed:
    """The first opening marks never closed (as many as a document keeps diagnostics), and the count."""

    def __init__(self) -> None:
        self.first: list[int] = []
        self.count = 0

    def add(self, offset: int) -> None:
        if self.count < MAX_DIAGNOSTICS_PER_KIND:
            self.first.append(offset)
        self.count += 1


def _context(
    text: str,
    newlines: Sequence[int],
    neighbours: _Neighbours,
    known: frozenset[str],
    segmentation: Segmentation,
) -> Context:
    before_previous, previous, span, following, after_following = neighbours
    line = bisect.bisect_left(newlines, span.open_at)
    # a frame hard-wrapped onto the quote's line (erklärte in seiner¶Rede: „…“) starts its paragraph
    steps = 0
    while line > 0 and steps < _WRAPPED_LINES and _wraps(text, newlines, line - 1):
        line -= 1
        steps += 1
    paragraph_start = newlines[line - 1] + 1 if line > 0 else 0
    # the paragraph the quote ends in: a quote running over paragraphs has its frame after the last
    last_line = bisect.bisect_left(newlines, span.outer_end, line)
    paragraph_end = newlines[last_line] if last_line < len(newlines) else len(text)
    # “…,” he 'said', “…”: one word in single marks between two quotes is no quote that
    # bounds their frames (looking one span further keeps this O(1) per quote)
    if before_previous is not None and previous is not None and _marked_word(text, previous):
        previous = before_previous
    if after_following is not None and following is not None and _marked_word(text, following):
        following = after_following
    return Context(
        text=text,
        paragraph_start=paragraph_start,
        paragraph_end=max(paragraph_end, span.outer_end),
        previous_end=previous.outer_end if previous is not None else -1,
        next_start=following.open_at if following is not None else len(text),
        segmentation=segmentation,
        known_names=known,
    )


def _likelier_speaker(
    segmentation: Segmentation, candidate: Candidate, lex: Lexicon, known: frozenset[str]
) -> Mention | None:
    """Return the frame's subject when the mention found beside the cue names no one who speaks.

    The phrase next to a cue is often its object (Den Unmut der CDU brachte die Sprecherin … zum
    Ausdruck: „…“); the subject of the frame's clause, when it looks more like a speaker, wins.
    """
    text = segmentation.text
    mention = candidate.mention
    start, end = candidate.frame
    if (
        mention is None
        or end <= start
        or mention.kind == "pronoun"
        # Der Spiegel zitiert einen Insider: „…“: whom the verb quotes speaks
        or (
            candidate.cue is not None
            and mention.start >= candidate.cue[1]
            and _quoting_verb(text, candidate, lex)
        )
    ):
        return mention
    # Hamburg (dpa) - …: the place of a dateline is no subject of the frame
    start = min(end, dateline_end(text, start) or start)
    after_cue = candidate.cue is not None and mention.start >= candidate.cue[1]
    # the common case, judged on the mention alone (English needs only its words, German its tokens)
    own_tokens = segmentation.tokens(mention.start, mention.end) if lex.capitalises_nouns else ()
    if (lex.capitalises_nouns or not after_cue) and speaker_strength(
        mention, own_tokens, lex, known
    ) == STRONG:
        return mention
    tokens = [t for t in segmentation.tokens(start, end) if not candidate.start <= t.start < candidate.end]
    if not lex.capitalises_nouns and candidate.cue is not None and after_cue:
        # English puts the subject after the cue only when the cue opens the frame ("…," said
        # Smith); after "Clinton seemed ready, telling the crowd" the phrase is the object
        cue_at = next((i for i, t in enumerate(tokens) if t.start >= candidate.cue[0]), len(tokens))
        opens_at = min(cue_at, next((i for i, t in enumerate(tokens) if t.start >= candidate.end), 0))
        clause_at = max(
            (i + 1 for i in range(opens_at, cue_at) if tokens[i].text in {",", ":", ";"}), default=opens_at
        )
        if not only_skip_words(tokens, clause_at, cue_at, lex):
            return clause_subject(tokens, lex, known, opens_at, cue_at)
    strength = speaker_strength(mention, tokens, lex, known)
    if strength == STRONG:
        return mention
    at = next((i for i, t in enumerate(tokens) if t.start == mention.start), None)
    if strength == 0 and at is not None and bare_plural_opening(tokens, at, mention, lex):
        strength = WEAK  # Datenschützer äußerten Bedenken und warfen der Regierung „…“ vor
    subject = clause_subject(tokens, lex, known)
    if subject is not None and speaker_strength(subject, tokens, lex, known) > strength:
        # Die Vorsitzende des Betriebsrats, Gisela Maurer, die …, sagte: the name in apposition
        return with_apposition_name(tokens, subject, lex)
    # sagt Niemand, sagte Takt: a common noun beside the cue names no one
    return None if strength == 0 and _bare_common_noun(text, mention, lex, known) else mention


def _quoting_verb(text: str, candidate: Candidate, lex: Lexicon) -> bool:
    """Whether the candidate's cue is a verb whose object speaks (zitiert, ``"speaker": "object"``)."""
    if candidate.cue is None or not lex.object_speakers:
        return False
    words = text[candidate.cue[0] : candidate.cue[1]].split(maxsplit=1)
    return bool(words) and any(
        reading.lemma in lex.object_speakers for reading in lex.verbs.get(words[0].casefold(), ())
    )


def _bare_common_noun(text: str, mention: Mention, lex: Lexicon, known: frozenset[str]) -> bool:
    """A single capitalised word, no article, that the lexicon knows as a common noun.

    After an article or a preposition (der Student, nach Angaben des Ministeriums, Dem Bericht
    zufolge) the noun is a phrase's head, and the phrase may speak.
    """
    before = text[max(0, mention.start - _WORD_BEFORE_CHARS) : mention.start].split()
    previous = before[-1].casefold() if before else ""
    return (
        previous not in lex.determiners
        and previous not in _OBLIQUE_ARTICLES
        and previous not in lex.prepositions
        and mention.kind == "name"
        and mention.end - mention.start == len(mention.name)  # no article: der Student speaks
        and mention.role is None
        and mention.name.casefold() not in known
        and lex.is_common_noun(mention.name)
    )


#: Articles of the other cases (des Ministeriums, dem Bericht): a noun after one heads a phrase.
_OBLIQUE_ARTICLES: Final = frozenset({"des", "dem", "den", "einem", "einen", "eines", "einer"})
#: How far back the word before a mention is looked for.
_WORD_BEFORE_CHARS: Final = 24
_DASHES: Final = frozenset("-–—―")
#: A signature line ("- Hillary Clinton.") is short: longer lines are text of their own.
SIGNATURE_CHARS: Final = 80


def _signature(segmentation: Segmentation, end: int, lex: Lexicon) -> Mention | None:
    text = segmentation.text
    """Return the name on a dash line right below a quote (“…” ¶ – Hillary Clinton, Iowa)."""
    position = end
    limit = min(len(text), end + 12)
    while position < limit and not text[position].isalnum() and text[position] not in _DASHES:
        position += 1
    if position >= limit or text[position] not in _DASHES or "\n" not in text[end:position]:
        return None
    line_end = text.find("\n", position, position + SIGNATURE_CHARS)
    if line_end == -1:
        if len(text) - position > SIGNATURE_CHARS:
            return None
        line_end = len(text)
    tokens = segmentation.tokens(position, line_end)
    mention = mention_after(tokens, 1, lex) if len(tokens) > 1 else None
    return mention if mention is not None and mention.kind == "name" else None


#: How many wrapped lines a frame before a quote may run back over
_WRAPPED_LINES: Final = 3
#: A line shorter than this that stops without punctuation is a heading, not a wrapped line
_SHORTEST_WRAPPED: Final = 50


def _wraps(text: str, newlines: Sequence[int], index: int) -> bool:
    """Whether line break ``newlines[index]`` wraps a long line that stops mid-sentence."""
    at = newlines[index]
    line_start = newlines[index - 1] + 1 if index > 0 else 0
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + 1] if at + 1 < len(text) else "\n"
    return at - line_start >= _SHORTEST_WRAPPED and (before.isalnum() or before in ",;-") and after.isalnum()


def _without_frames_as_reports(candidates: list[Candidate]) -> list[Candidate]:
    """Drop indirect reports that hold a direct quote's cue: the frame of that quote, not a report.

    Der Sprecher sagte:¶„…“ — a line break after the colon frame made the frame a sentence of
    its own for the indirect rules; the direct quote already reads it.
    """
    cues = sorted(c.cue[0] for c in candidates if c.kind == "direct" and c.cue is not None)
    if not cues:
        return candidates
    kept = []
    for candidate in candidates:
        if candidate.kind == "indirect":
            at = bisect.bisect_left(cues, candidate.start)
            if at < len(cues) and cues[at] < candidate.end:
                continue
        kept.append(candidate)
    return kept


def _marked_word(text: str, span: QuotedSpan) -> bool:
    """Whether ``span`` is one word in single marks ('said')."""
    return (
        span.opener in _SINGLE_OPENERS
        and span.closed
        and span.end - span.start <= _LONGEST_MARKED_WORD
        and text[span.start : span.end].isalpha()
    )


#: Single opening marks, and the longest word in them that a frame reads through
_SINGLE_OPENERS: Final = frozenset({"'", "‘", "`", "‚", "›"})
_LONGEST_MARKED_WORD: Final = 20


def _split_paragraphs(text: str, found: Candidate, openers: frozenset[str]) -> list[Candidate]:
    """Split a quote running over paragraphs, each re-opening the mark: one quote per paragraph, one group."""
    if "\n" not in text[found.start : found.end]:
        return [found]
    parts: list[Candidate] = []
    start = found.start
    search_from = start
    while start < found.end:
        newline = text.find("\n", search_from, found.end)
        if newline != -1 and not _opens_paragraph(text, newline, found.end, openers):
            search_from = newline + 1  # a hard-wrapped line: the quote goes on in the same paragraph
            continue
        end = found.end if newline == -1 else newline
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            parts.append(
                attrs.evolve(
                    found, start=start, end=stop, group_with_previous=found.group_with_previous or bool(parts)
                )
            )
        if newline == -1:
            break
        start = newline + 1
        while start < found.end and text[start].isspace():
            start += 1
        if start < found.end and text[start] in openers:
            start += 1
        search_from = start
    return parts or [found]


def _opens_paragraph(text: str, newline: int, end: int, openers: frozenset[str]) -> bool:
    """Whether the line break at ``newline`` starts a paragraph of the quote (re-opened mark, blank line)."""
    position = newline + 1
    blank = False
    while position < end and text[position].isspace():
        blank = blank or text[position] == "\n"
        position += 1
    if position >= end:
        return blank
    # a line going on in lower case continues the sentence, past a blank line too (double spacing)
    return text[position] in openers or (blank and not text[position].islower())


def _demote_inside_mixed(candidates: list[Candidate]) -> None:
    """Quoted words inside a mixed quote are part of it: partial quotes of its speaker.

    English news annotates the quoted words as part of the mixed quote; German news (and this
    library's seed) keep a full direct quote inside reported speech as a quote of its own. A
    partial quote, in either language, speaks with the report that holds it (told analysts the
    company needed to "get leaner": the quoted words are the chief executive's).
    """
    mixed = sorted((c for c in candidates if c.kind == "mixed"), key=lambda c: (c.start, c.end))
    if not mixed:
        return
    starts = [c.start for c in mixed]
    for candidate in candidates:
        if candidate.kind not in {"direct", "partial"}:
            continue
        index = bisect.bisect_right(starts, candidate.start) - 1
        if index < 0 or mixed[index].end < candidate.end - 1:
            continue
        holder = mixed[index]
        if candidate.kind == "direct" and holder.lang == "de":
            continue
        candidate.kind = "partial"
        candidate.mention, candidate.cue, candidate.fallback = holder.mention, holder.cue, None


def _build(
    doc: Document,
    candidates: list[Candidate],
    unclosed: _Unclosed,
    tracker: EntityTracker,
    languages: _LanguageIndex,
) -> Document:
    text = doc.text
    timexes = sorted((t for t in doc.timexes if t.type in _TIMEX_TYPES), key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    posts = list(doc.posts)
    quotes: list[Quote] = []
    last_speaker: Speaker | None = None
    last_speaker_end = -1
    last_group: int | None = None
    groups = 0
    for candidate in candidates:
        speaker: Speaker | None = None
        mention = candidate.mention
        recent = last_speaker is not None and candidate.start - last_speaker_end <= RECENT_DISTANCE
        if (
            mention is None
            and candidate.fallback is not None
            and (
                not recent
                or _introduces_someone(candidate.fallback)
                or _named_since_paragraph_break(text, candidate.fallback, last_speaker_end)
            )
            and not candidate.group_with_previous
        ):
            mention = candidate.fallback
        if mention is not None:
            speaker = _speaker(text, tracker, mention, candidate.antecedent, candidate.start)
        elif (
            (candidate.inherit or candidate.group_with_previous)
            and last_speaker is not None
            and (candidate.start - last_speaker_end <= INHERIT_DISTANCE)
        ):
            speaker = last_speaker
            if speaker.entity is not None:
                tracker.remember(speaker.entity)
        post_index = _post_at(posts, candidate.start)
        source = "article"
        if post_index is not None:
            source = "post"
            post = posts[post_index]
            named_in_post = (
                speaker is not None
                and speaker.mention is not None
                and post.start <= speaker.mention.start < post.end
                and (mention is None or mention.kind != "pronoun")
            )
            if not named_in_post:  # she wrote, or nobody: the post's author speaks
                author = post.author.name or post.author.handle
                if author:
                    speaker = Speaker(name=author, mention=None, role=None, entity=None)
        if candidate.group_with_previous and last_group is not None:
            group = last_group
        else:
            groups += 1
            group = groups - 1
        if candidate.kind != "partial":
            last_group = group
        cue = Span.of(text, *candidate.cue) if candidate.cue is not None else None
        date = _date_in(timexes, timex_starts, candidate) or _same_occasion(
            text, quotes[-1] if quotes else None, speaker, candidate.start
        )
        quotes.append(
            Quote(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                kind=candidate.kind,  # type: ignore[arg-type]
                speaker=speaker,
                cue=cue,
                date=date,
                source=source,  # type: ignore[arg-type]
                post=post_index,
                lang=languages.at(candidate.start),
                group=group,
            )
        )
        if speaker is not None and candidate.kind in {"direct", "indirect", "mixed"}:
            last_speaker = speaker
            last_speaker_end = candidate.end
    return doc.evolve(
        quotes=tuple(quotes),
        entities=tracker.entities(),
        diagnostics=(*doc.diagnostics, *_unclosed_diagnostics(unclosed)),
    )


def _unclosed_diagnostics(unclosed: _Unclosed) -> list[Diagnostic]:
    """An ``unclosed-quote`` diagnostic for each of the first unclosed marks, and a count of the rest."""
    diagnostics = [
        Diagnostic(
            severity="warning",
            code="unclosed-quote",
            message="a quotation mark is never closed; the quote was cut at the paragraph or sentence end",
            extractor="quotes",
            start=at,
            end=at + 1,
        )
        for at in unclosed.first
    ]
    if unclosed.count > len(unclosed.first):
        # made here, not by the pipeline, so a million unclosed marks are never a million objects
        diagnostics.append(
            left_out_diagnostic("unclosed-quote", unclosed.count - len(unclosed.first), "quotes")
        )
    return diagnostics


def _speaker(
    text: str, tracker: EntityTracker, mention: Mention, antecedent: Mention | None, quote_start: int
) -> Speaker:
    """The speaker a mention names, resolved to its entity; ``quote_start`` is where its quote starts."""
    if mention.kind == "pronoun" and antecedent is not None:
        # the frame says whom the pronoun means: that entity, with the pronoun as its mention
        entity, name = tracker.resolve(antecedent, quote_start)
        tracker.add_mention(entity, mention)
    else:
        entity, name = tracker.resolve(mention, quote_start)
    return Speaker(
        name=name,
        mention=Span.of(text, mention.start, mention.end),
        role=mention.role or tracker.role_of(entity),
        entity=entity,
    )


def _introduces_someone(mention: Mention) -> bool:
    """A sentence naming someone in full (Der Bruder des Papstes, Georg Ratzinger, war …) before a quote."""
    return mention.kind == "name" and " " in mention.name


def _named_since_paragraph_break(text: str, mention: Mention, last_speaker_end: int) -> bool:
    """Santos shrugs. „…“ in a new paragraph: a name opening the paragraph's sentence before the quote.

    A paragraph break after the last speaker's quote and a named subject before this one: the
    text has turned to that person, so the last speaker does not go on.
    """
    if mention.kind != "name" or not 0 <= last_speaker_end <= mention.start:
        return False
    if "\n" not in text[last_speaker_end : mention.start]:
        return False
    # the name opens its sentence (Santos shrugs.), not: Ihr Team schlug Real Madrid
    before = text[max(last_speaker_end, mention.start - _OPENING_REACH) : mention.start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS


#: How far back an opening mark is looked for before a name (a quotation mark, a dash)
_OPENING_REACH: Final = 4
#: What may stand right before a name that opens its sentence
_SENTENCE_OPENERS: Final = frozenset('\n.!?:;"“„»«')


def _post_at(posts: list[Post], offset: int) -> int | None:
    for index, post in enumerate(posts):
        if post.start <= offset < post.end:
            return index
    return None


def _date_in(timexes: list[Timex], starts: list[int], candidate: Candidate) -> str | None:
    """Return the value of the temporal expression in the quote's frame, outside the quote itself.

    A speech act reported whole (Die Ministerin verteidigte am Donnerstag die Pläne) holds its
    cue: its own time expressions date it. Values that name no time (PRESENT_REF for "jetzt")
    date nothing.
    """
    frame_start, frame_end = candidate.frame
    if frame_end <= frame_start:
        return None
    cue = candidate.cue
    whole = cue is not None and candidate.start <= cue[0] < candidate.end
    index = bisect.bisect_left(starts, frame_start)
    while index < len(timexes) and timexes[index].start < frame_end:
        timex = timexes[index]
        if whole and cue is not None:
            # verteidigte am Donnerstag die Pläne: a time before the verb or right after it; not
            # one inside the object (kündigte Steuersenkungen für 2027 an, die Entscheidung vom
            # 3. Mai 2019)
            outside = timex.end <= cue[0] or 0 <= timex.start - cue[1] <= _TIME_AFTER_VERB
        else:
            outside = not (candidate.start <= timex.start < candidate.end)
        if outside and not timex.value.endswith("_REF"):
            return timex.value
        index += 1
    return None


#: How far after the verb of a speech act reported whole its time may start (sagte am Freitag)
_TIME_AFTER_VERB: Final = 6


def _same_occasion(text: str, previous: Quote | None, speaker: Speaker | None, start: int) -> str | None:
    """The date of ``previous`` when it is the same speaker's, in the same paragraph, else None.

    „…“, sagte Lemke am Donnerstag. „…“, fügte sie hinzu: what a speaker goes on to say in
    the paragraph was said on the same occasion.
    """
    if previous is None or previous.date is None or speaker is None or previous.speaker is None:
        return None
    same = (
        previous.speaker.entity == speaker.entity
        if speaker.entity is not None
        else previous.speaker.name == speaker.name
    )
    if not same or "\n" in text[previous.end : start]:
        return None
    return previous.date
