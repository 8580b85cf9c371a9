# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""Which lines are article content: a jusText-style classifier with a positional pass.

1. Each line gets a class from its own measurements (jusText's scheme): ``bad`` when a phrase
   table or a structural rule names it furniture, ``short`` under 70 characters, else ``good``
   or ``near-good`` by stop-word density (prose is dense in function words; menus, captions and
   link lists are not). A language without a stop-word list is judged by shape: long lines
   that end like sentences.
2. Short and near-good lines take the class of their neighbours (jusText's smoothing), so a
   heading between paragraphs is content and a short item between menu entries is not.
3. The article is the stretch of lines with the highest total evidence (Kadane's maximum
   sub-array over +good/-bad scores): page furniture before and after it is cut off even when a
   footer blurb or a teaser reads like prose. Inside the stretch only lines named by a rule are
   boilerplate, so "Ja." or a one-word heading inside the article stays.

Everything is one or two passes over the lines: linear in the text.
"""

from __future__ import annotations

from collections import Counter
from enum import Enum
from typing import TYPE_CHECKING, Final, NamedTuple

from quotekit.boilerplate.lexicon import PHOTO_CREDIT, PhraseMatch

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quotekit.boilerplate.lines import Line

__all__ = ["Decision", "Verdict", "classify"]

LENGTH_LOW: Final = 70
LENGTH_HIGH: Final = 150
STOPWORDS_LOW: Final = 0.22
STOPWORDS_HIGH: Final = 0.27
#: Below this mean stop-word density over long lines, the page is not in a language the lists
#: know (a Norwegian page detected as English): judge its lines by shape instead.
LANGUAGE_FIT_MIN: Final = 0.12
_LONG_LINE_WORDS: Final = 12
#: Without stop words, a line of this many words ending like a sentence reads as prose.
_SENTENCE_WORDS: Final = 8
# Scores of the article-stretch search. A good line adds 1 plus up to 2.5 for its length; a
# line a rule names costs 1; a short unnamed line costs a little (a table cell, a heading); a
# long line of thin prose counts a little in favour: list items and spec tables sit inside
# articles, menus sit outside them.
GOOD_SCORE: Final = 1.0
GOOD_CHARS: Final = 400
RULE_PENALTY: Final = -1.0
BAD_PENALTY: Final = -0.15
LONG_BAD_SCORE: Final = 0.5
#: Furniture that publishers place between an article's paragraphs (captions with their
#: credits, ad labels) says nothing about where the article ends: it costs the stretch nothing.
INSIDE_ARTICLE_REASONS: Final = frozenset({PHOTO_CREDIT, "advertisement"})
#: A short line that reads as a sentence (words, a stop word, a full stop) counts a little in
#: favour: a short article of one-line paragraphs is still an article.
SENTENCE_SCORE: Final = 0.02
_SENTENCE_MIN_WORDS: Final = 3
#: A sentence ends in a full stop, question or exclamation mark, or a closing quotation mark.
_SENTENCE_ENDS: Final = frozenset(".!?\"“”»«’'")


def _is_sentence(line: Line) -> bool:
    # No stop-word test: whether a line is a sentence must not hang on language detection,
    # which may judge the stripped body differently (idempotence).
    return line.words >= _SENTENCE_MIN_WORDS and line.lettered and line.ends_with(_SENTENCE_ENDS)


class Kind(Enum):
    """jusText's paragraph classes."""

    GOOD = "good"
    NEAR_GOOD = "near-good"
    SHORT = "short"
    BAD = "bad"


class Verdict(Enum):
    """What the classifier decided about a line."""

    CONTENT = "content"
    #: Furniture recognised by its words (the line's rule gives the reason).
    RULE = "rule"
    #: Outside the article's stretch of lines.
    OUTSIDE = "outside"


def _stopwords_fit(lines: Sequence[Line]) -> bool:
    long_lines = [line for line in lines if line.words >= _LONG_LINE_WORDS and line.judged_by_stopwords]
    if not long_lines:
        return any(line.judged_by_stopwords for line in lines)
    total_words = sum(line.words for line in long_lines)
    return sum(line.stopwords for line in long_lines) / total_words >= LANGUAGE_FIT_MIN


def _by_density(line: Line, *, by_stopwords: bool) -> Kind:
    """Classify a line of 70 characters or more by how much it reads like prose."""
    if by_stopwords:
        prose = line.density >= STOPWORDS_HIGH
        thin_prose = line.density >= STOPWORDS_LOW
    else:
        prose = line.terminal and line.words >= _SENTENCE_WORDS
        thin_prose = line.chars >= LENGTH_HIGH
    if prose:
        return Kind.GOOD if line.chars >= LENGTH_HIGH else Kind.NEAR_GOOD
    return Kind.NEAR_GOOD if thin_prose else Kind.BAD


def _initial(line: Line, *, by_stopwords: bool) -> Kind:
    if line.rule is not None:
        return Kind.BAD
    if line.chars < LENGTH_LOW:
        return Kind.SHORT
    return _by_density(line, by_stopwords=by_stopwords)


def _nearest(kinds: Sequence[Kind], order: range) -> tuple[list[Kind | None], list[Kind | None]]:
    """For each line, the nearest good-or-bad class and the nearest non-short class in ``order``.

    ``None`` is the edge of the text. jusText counts the edge as bad; so does quotekit for
    short lines, but a near-good line (a short paragraph) next to the edge is judged by its
    other neighbour alone: article text starts with its first paragraph.
    """
    strict: list[Kind | None] = [None] * len(kinds)
    loose: list[Kind | None] = [None] * len(kinds)
    last_strict: Kind | None = None
    last_loose: Kind | None = None
    for i in order:
        strict[i], loose[i] = last_strict, last_loose
        if kinds[i] is not Kind.SHORT:
            last_loose = kinds[i]
            if kinds[i] is not Kind.NEAR_GOOD:
                last_strict = kinds[i]
    return strict, loose


def _short_kind(before: Kind | None, after: Kind | None, *, near_good_beside_bad: bool) -> Kind:
    # A short line at the edge of a page dump is a menu item far more often than a heading.
    before = Kind.BAD if before is None else before
    after = Kind.BAD if after is None else after
    if before is after:
        return before
    return Kind.GOOD if near_good_beside_bad else Kind.BAD


def _smooth(kinds: list[Kind]) -> list[Kind]:
    """Let short, then near-good lines follow their neighbours (jusText's context pass).

    The nearest neighbours are precomputed in both directions, which keeps the pass linear.
    """
    prev_strict, prev_loose = _nearest(kinds, range(len(kinds)))
    next_strict, next_loose = _nearest(kinds, range(len(kinds) - 1, -1, -1))
    result = list(kinds)
    for i, kind in enumerate(kinds):
        before, after = prev_strict[i], next_strict[i]
        if kind is Kind.SHORT:
            near_good_beside_bad = (before is Kind.BAD and prev_loose[i] is Kind.NEAR_GOOD) or (
                after is Kind.BAD and next_loose[i] is Kind.NEAR_GOOD
            )
            result[i] = _short_kind(before, after, near_good_beside_bad=near_good_beside_bad)
        elif kind is Kind.NEAR_GOOD:
            result[i] = Kind.BAD if before is Kind.BAD and after is Kind.BAD else Kind.GOOD
    return result


def _best_stretch(lines: Sequence[Line], kinds: Sequence[Kind]) -> tuple[int, int]:
    """Find the [first, last] indices of the best-scoring stretch (Kadane); (0, -1) if none."""
    best, best_span = 0.0, (0, -1)
    running, start = 0.0, 0
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind is Kind.GOOD:
            score = GOOD_SCORE + min(line.chars, 1000) / GOOD_CHARS
        elif line.rule is not None:
            score = 0.0 if line.rule.reason in INSIDE_ARTICLE_REASONS else RULE_PENALTY
        elif line.chars >= LENGTH_LOW:
            score = LONG_BAD_SCORE
        elif _is_sentence(line):
            score = SENTENCE_SCORE
        else:
            score = BAD_PENALTY
        if running <= 0:
            running, start = score, i
        else:
            running += score
        if running > best:
            best, best_span = running, (start, i)
    return best_span


REPEATED: Final = PhraseMatch("repeated furniture", whole_line=True)
FIGURES: Final = PhraseMatch("figures", whole_line=True)
#: A short line met this often on one page is a menu item, a button or a gallery caption.
REPEAT_MIN: Final = 2
#: A line met this often is furniture wherever it stands.
REPEAT_ALONE: Final = 3
#: Shorter repeated lines are left alone: "Ja." may well be said twice.
REPEAT_MIN_CHARS: Final = 4
#: A repeated sentence of this many words is prose, not furniture.
REPEAT_SENTENCE_WORDS: Final = 5
#: A line ending in one of these announces what follows it: repeated, it labels the parts of a
#: repeated structure ("Pros:", "Key Features:", "Price:"), which belongs to the article.
_LABEL_ENDS: Final = frozenset(":")


def _with_page_rules(lines: Sequence[Line]) -> list[Line]:
    """Add the rules that need the whole page.

    A short line repeated on the page is furniture when a neighbour is furniture too (or
    repeated): teaser blocks, button rows and menus repeat as blocks, while the "Pros" and
    "Cons" headings of a review repeat with different text around them. A repeated label
    ending in a colon ("Key Features:") introduces the text after it each time: content. A line of bare
    figures (a price, a score, a page counter) is furniture too.
    """
    counts = Counter(line.key for line in lines if line.key)

    def repeated(index: int) -> bool:
        line = lines[index]
        if _is_sentence(line) and line.words >= REPEAT_SENTENCE_WORDS:
            # A sentence said twice is still said; repeated teasers and buttons are not
            # sentences. (By shape alone, like _is_sentence, for idempotence.)
            return False
        if line.ends_with(_LABEL_ENDS):
            return False
        return len(line.key) >= REPEAT_MIN_CHARS and counts[line.key] >= REPEAT_MIN

    def furniture_beside(index: int) -> bool:
        for other in (index - 1, index + 1):
            if 0 <= other < len(lines) and (lines[other].rule is not None or repeated(other)):
                return True
        return False

    marked = []
    for index, line in enumerate(lines):
        if (
            line.rule is None
            and repeated(index)
            and (counts[line.key] >= REPEAT_ALONE or furniture_beside(index))
        ):
            line = line._replace(rule=REPEATED)  # noqa: PLW2901 - the marked copy replaces it
        elif line.rule is None and not line.lettered:
            line = line._replace(rule=FIGURES)  # noqa: PLW2901
        marked.append(line)
    return marked


#: At most this many lines (author, date, picture credit and caption) between lede and body.
_BYLINE_BLOCK: Final = 12
_HEADLINE_WORDS: Final = range(3, 26)
#: The headline is at most this many lines above the lede (kicker, author and date between).
_HEADLINE_BLOCK: Final = 5
#: The nearest headline-like line above the lede is kept too when it has this many words.
_FULL_HEADLINE_WORDS: Final = 5
#: A headline ends without a full stop (a question or exclamation mark is fine).
_HEADLINE_ENDS: Final = frozenset(".:;,")


def _is_headline(line: Line) -> bool:
    return (
        line.rule is None
        and line.words in _HEADLINE_WORDS
        and line.chars < LENGTH_HIGH
        and not line.ends_with(_HEADLINE_ENDS)
    )


def _headline_and_lede(lines: Sequence[Line], initial: Sequence[Kind], first: int) -> set[int]:
    """Find the headline and lede above the article stretch, across a block of byline lines.

    News pages put the headline and lede above the author, date and picture lines; those cost
    the stretch more than the lede brings, yet headline and lede are article (and the issue
    forbids marking them). Walking up from the stretch over at most a few named, short or
    prose lines (a caption reads like prose), the topmost prose line is the lede; the headline
    is found above it (or above the stretch, for a body that starts with its lede). The lines
    walked over stay outside.
    """
    lede = None
    position = first - 1
    while position >= 0 and first - position <= _BYLINE_BLOCK:
        line = lines[position]
        if line.rule is None and initial[position] in (Kind.GOOD, Kind.NEAR_GOOD):
            lede = position
        elif line.rule is None and initial[position] is Kind.BAD:
            break
        position -= 1
    top = first if lede is None else lede
    found = set() if lede is None else {lede}
    found.update(_headline_above(lines, initial, top))
    return found


def _headline_above(lines: Sequence[Line], initial: Sequence[Kind], top: int) -> set[int]:
    """The headline among the few lines above ``top``.

    Author, date and kicker lines may sit between headline and lede, and a page may print a
    longer title (the one search engines see) above the headline. Menu items are shorter than
    either, so the wordiest headline-like line is kept, and with it the nearest one when the
    nearest is of a headline's length: one of the two is the headline.
    """
    wordiest: int | None = None
    nearest: int | None = None
    position = top - 1
    while position >= 0 and top - position <= _HEADLINE_BLOCK:
        line = lines[position]
        if line.rule is None and initial[position] is Kind.GOOD:
            break
        if _is_headline(line):
            if nearest is None:
                nearest = position
            if wordiest is None or line.words > lines[wordiest].words:
                wordiest = position
        position -= 1
    found = set() if wordiest is None else {wordiest}
    if nearest is not None and lines[nearest].words >= _FULL_HEADLINE_WORDS:
        found.add(nearest)
    return found


class Decision(NamedTuple):
    """The verdict on one line and, for furniture named by a rule, the rule's reason."""

    verdict: Verdict
    reason: str | None


#: The decisions without a reason, made once: a page has hundreds of them.
_CONTENT: Final = Decision(Verdict.CONTENT, None)
_OUTSIDE: Final = Decision(Verdict.OUTSIDE, None)


def classify(lines: Sequence[Line]) -> list[Decision]:
    """One decision per line."""
    by_stopwords = _stopwords_fit(lines)
    initial = [_initial(line, by_stopwords=by_stopwords) for line in lines]
    kinds = _smooth(initial)
    first, last = _best_stretch(lines, kinds)
    if first > last:
        # No line reads like article prose (a one-line note, a list of short sentences): there
        # is no stretch to cut the page down to, so only the rules decide.
        first, last = 0, len(lines) - 1
    joined = _headline_and_lede(lines, initial, first) if first <= last else set()
    # Repeated lines and bare figures are judged after the stretch is found: a price or a
    # repeated heading inside a product list says nothing about where the article ends.
    page_ruled = _with_page_rules(lines)
    decisions = []
    for i, line in enumerate(page_ruled):
        if i in joined and lines[i].rule is None:
            # A headline is often repeated on its page (breadcrumb, share text): still article.
            decisions.append(_CONTENT)
        elif line.rule is not None:
            decisions.append(Decision(Verdict.RULE, line.rule.reason))
        elif first <= i <= last or i in joined:
            decisions.append(_CONTENT)
        else:
            decisions.append(_OUTSIDE)
    return decisions
