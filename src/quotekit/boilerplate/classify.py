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
from collections.abc import Sequence
from enum import Enum
from typing import Final, NamedTuple

from quotekit.boilerplate.lexicon import PhraseMatch
from quotekit.boilerplate.lines import Line

__all__ = ["Decision", "Verdict", "classify"]

LENGTH_LOW: Final = 70
LENGTH_HIGH: Final = 200
STOPWORDS_LOW: Final = 0.22
STOPWORDS_HIGH: Final = 0.27
#: Below this mean stop-word density over long lines, the page is not in a language the lists
#: know (a Norwegian page detected as English): judge its lines by shape instead.
LANGUAGE_FIT_MIN: Final = 0.12
_LONG_LINE_WORDS: Final = 12
GOOD_SCORE = 1.0
GOOD_CHARS = 400
RULE_PENALTY = -1.0
BAD_PENALTY = -0.2
INNER_SMOOTHED = False
LONG_BAD_SCORE = -0.2


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


def _initial(line: Line, *, by_stopwords: bool) -> Kind:
    if line.rule is not None:
        return Kind.BAD
    if line.chars < LENGTH_LOW:
        return Kind.SHORT
    if by_stopwords:
        density = line.density
        if density >= STOPWORDS_HIGH:
            return Kind.GOOD if line.chars >= LENGTH_HIGH else Kind.NEAR_GOOD
        if density >= STOPWORDS_LOW:
            return Kind.NEAR_GOOD
        return Kind.BAD
    if line.terminal and line.words >= 8:
        return Kind.GOOD if line.chars >= LENGTH_HIGH else Kind.NEAR_GOOD
    return Kind.NEAR_GOOD if line.chars >= LENGTH_HIGH else Kind.BAD


def _neighbour(kinds: Sequence[Kind], index: int, step: int, *, skip_near_good: bool) -> Kind:
    """The nearest non-short class in direction ``step`` (``BAD`` past the edge, as jusText)."""
    position = index + step
    while 0 <= position < len(kinds):
        kind = kinds[position]
        if kind is Kind.GOOD or kind is Kind.BAD:
            return kind
        if kind is Kind.NEAR_GOOD and not skip_near_good:
            return kind
        position += step
    return Kind.BAD


def _smooth(kinds: list[Kind]) -> list[Kind]:
    """jusText's context-sensitive pass: short, then near-good lines follow their neighbours.

    Neighbour look-ups skip runs of short lines; precomputing the nearest neighbours in both
    directions keeps it linear.
    """
    count = len(kinds)
    prev_strict: list[Kind] = [Kind.BAD] * count
    prev_loose: list[Kind] = [Kind.BAD] * count
    last_strict, last_loose = Kind.BAD, Kind.BAD
    for i in range(count):
        prev_strict[i], prev_loose[i] = last_strict, last_loose
        if kinds[i] in (Kind.GOOD, Kind.BAD):
            last_strict = last_loose = kinds[i]
        elif kinds[i] is Kind.NEAR_GOOD:
            last_loose = kinds[i]
    next_strict: list[Kind] = [Kind.BAD] * count
    next_loose: list[Kind] = [Kind.BAD] * count
    last_strict, last_loose = Kind.BAD, Kind.BAD
    for i in range(count - 1, -1, -1):
        next_strict[i], next_loose[i] = last_strict, last_loose
        if kinds[i] in (Kind.GOOD, Kind.BAD):
            last_strict = last_loose = kinds[i]
        elif kinds[i] is Kind.NEAR_GOOD:
            last_loose = kinds[i]
    result = list(kinds)
    for i, kind in enumerate(kinds):
        if kind is not Kind.SHORT:
            continue
        before, after = prev_strict[i], next_strict[i]
        if before is after:
            result[i] = before
        elif (before is Kind.BAD and prev_loose[i] is Kind.NEAR_GOOD) or (
            after is Kind.BAD and next_loose[i] is Kind.NEAR_GOOD
        ):
            result[i] = Kind.GOOD
        else:
            result[i] = Kind.BAD
    for i, kind in enumerate(kinds):
        if kind is Kind.NEAR_GOOD:
            both_bad = prev_strict[i] is Kind.BAD and next_strict[i] is Kind.BAD
            result[i] = Kind.BAD if both_bad else Kind.GOOD
    return result


def _best_stretch(lines: Sequence[Line], kinds: Sequence[Kind]) -> tuple[int, int]:
    """The [first, last] line indices of the maximum-scoring stretch (Kadane); (0, -1) if none."""
    best, best_span = 0.0, (0, -1)
    running, start = 0.0, 0
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if kind is Kind.GOOD:
            score = GOOD_SCORE + min(line.chars, 1000) / GOOD_CHARS
        elif line.rule is not None:
            score = RULE_PENALTY
        elif line.chars >= LENGTH_LOW:
            score = LONG_BAD_SCORE
        else:
            score = BAD_PENALTY
        if running <= 0:
            running, start = score, i
        else:
            running += score
        if running > best:
            best, best_span = running, (start, i)
    return best_span


REPEATED = PhraseMatch("repeated furniture", whole_line=True)
FIGURES = PhraseMatch("figures", whole_line=True)
REPEAT_MIN = 2
MARK_FIGURES = True


def _with_page_rules(lines: Sequence[Line]) -> list[Line]:
    """Lines with rules that need the whole page: a short line repeated on it is furniture."""
    counts = Counter(line.key for line in lines if line.key)
    marked = []
    for line in lines:
        if line.rule is None and line.key and counts[line.key] >= REPEAT_MIN:
            line = line._replace(rule=REPEATED)  # noqa: PLW2901 - the marked copy replaces it
        elif line.rule is None and MARK_FIGURES and not line.lettered:
            line = line._replace(rule=FIGURES)  # noqa: PLW2901
        marked.append(line)
    return marked


class Decision(NamedTuple):
    """The verdict on one line and, for furniture named by a rule, the rule's reason."""

    verdict: Verdict
    reason: str | None


def classify(lines: Sequence[Line]) -> list[Decision]:
    """One decision per line."""
    by_stopwords = _stopwords_fit(lines)
    initial = [_initial(line, by_stopwords=by_stopwords) for line in lines]
    kinds = _smooth(initial)
    first, last = _best_stretch(lines, kinds)
    # Repeated lines and bare figures are judged after the stretch is found: a price or a
    # repeated heading inside a product list says nothing about where the article ends.
    lines = _with_page_rules(lines)
    decisions = []
    for i, line in enumerate(lines):
        if line.rule is not None:
            decisions.append(Decision(Verdict.RULE, line.rule.reason))
        elif first <= i <= last and (not INNER_SMOOTHED or kinds[i] is Kind.GOOD or initial[i] is Kind.SHORT):
            decisions.append(Decision(Verdict.CONTENT, None))
        else:
            decisions.append(Decision(Verdict.OUTSIDE, None))
    return decisions
