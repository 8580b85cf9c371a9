"""From a grammar match to TIMEX3 type and value, against the anchors the text provides.

The publication date anchors deictic expressions (heute, last week); the last date the text
mentioned anchors anaphoric ones (am Vortag, the following week). Without a publication date
deictic values stay underspecified (``XXXX-XX-XX``) rather than invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from quotekit import _compiled
from quotekit._regex import TIMEOUT_S
from quotekit.dates import _calendar as cal
from quotekit.dates import _scan
from quotekit.dates._budget import Budget
from quotekit.dates._found import (
    _CLOCK_JOINER,
    _DAY_JOINER,
    _HEDGE_TAILS,
    _LONGEST_EXPRESSION,
    _SEPARATE_RULES,
    _UNTRIMMED,
    _YEAR_SHARE_PERIODS,
    Context,
    Found,
    _is_day,
    _two_words,
    _with_clock,
)
from quotekit.dates._lexicon import alternation, key, literal_trie
from quotekit.dates._lowered import TenseWords
from quotekit.dates._rules_absolute import AbsoluteRules
from quotekit.dates._rules_relative import RelativeRules

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from quotekit.dates._grammar import Grammar

__all__ = ["Context", "Found", "Resolver"]


class Resolver(AbsoluteRules, RelativeRules):
    """Turns the matches of one language's :class:`Grammar` into :class:`Found` values."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.lex = grammar.lexicon
        tense_words = [w for w in self.lex.surface.get("date_tense", ()) if key(w) in self.lex.tense]
        # a prefix tree: the search tries it at every place of a sentence, and a flat list of
        # a hundred words costs a step per word at each
        self._tense = _compiled.compile(
            r"(?<![\w])" + literal_trie(tense_words) + r"(?![\w])" if tense_words else "(?!)",
            regex.IGNORECASE,
        )
        # the same search as a scan of lower-cased text, where its characters allow it
        self._tense_words = TenseWords.build(tense_words)
        # "the quarter ended July 31": the date a reported period ended on
        self._ended_on = _compiled.compile(
            r"[ \t]+(?:"
            + alternation(self.lex.period_ends)
            + r")[ \t]+(?P<m>"
            + self.lex.alt("date_months")
            + r")[ \t]+(?P<d>\d{1,2})(?!\d)",
            regex.IGNORECASE,
        )
        self._weekday_follows = _compiled.compile(
            r"[ \t]*(?:\([^()\n]{0,24}\)[ \t]*|\([^()\n]{0,24}?[ \t])?(?:on[ \t]+)?(?P<wd>"
            + self.lex.alt("date_weekdays")
            + r")(?![\w])",
            regex.IGNORECASE,
        )
        self._handlers: Mapping[str, Callable[[regex.Match[str], Context], list[Found] | None]] = {
            name: getattr(self, f"_rule_{name}") for name in grammar.rules
        }

    # ------------------------------------------------------------------ driving
    def scan(
        self,
        text: str,
        ctx: Context,
        start: int = 0,
        end: int | None = None,
        *,
        join: bool = False,
        budget: Budget | None = None,
    ) -> list[Found]:
        """Every expression in ``text[start:end]``, resolved in reading order.

        With ``join`` a weekday and its date, and a date and its clock time, come out as one
        expression, as a reader of one timestamp wants them; annotated news text (TimeML
        corpora) marks them apart, so the pipeline leaves them apart. ``budget`` (a fresh one
        by default, see :mod:`quotekit.dates._budget`) limits the match attempts of each line;
        ``budget.skipped`` says which stretches were left unread.
        """
        found: list[Found] = []
        stop = len(text) if end is None else end
        if budget is None:
            budget = Budget(text, stop)
        for match in self._matches(text, start, stop, budget):
            rule = match.lastgroup
            if rule is None:
                continue
            ctx.cursor = match.start()
            results = self._handlers[rule](match, ctx)
            if not results:
                continue
            for item in results:
                trimmed = item if rule in _UNTRIMMED else self._trim(text, item)
                if trimmed is None:
                    continue
                found.append(trimmed)
                self._remember(trimmed, ctx)
        return self._join(text, found, stop) if join else found

    def _join(self, text: str, found: list[Found], stop: int) -> list[Found]:
        """Make one expression of a weekday and its date, and of a date and its clock time.

        "Fri, 12 Dec 2014" is one date and "April 9, 2013 at 6:11 a.m." one TIME: TimeML
        marks the whole point in time where the rules read the pieces apart.
        """
        joined: list[Found] = []
        for item in found:
            previous = joined[-1] if joined else None
            if previous is not None and previous.end <= item.start:
                between = (previous.end, item.start)
                if (
                    _is_day(item)
                    and self._weekday(text[previous.start : previous.end]) is not None
                    and _DAY_JOINER.fullmatch(text, *between, timeout=TIMEOUT_S) is not None
                ):
                    joined[-1] = attrs.evolve(item, start=previous.start)
                    continue
                if (
                    _is_day(previous)
                    and item.type == "TIME"
                    and item.value.startswith(previous.value + "T")
                    and _CLOCK_JOINER.fullmatch(text, *between, timeout=TIMEOUT_S) is not None
                ):
                    joined[-1] = attrs.evolve(item, start=previous.start)
                    continue
            joined.append(item)
        return [
            _with_clock(text, item, joined[index + 1].start if index + 1 < len(joined) else stop)
            if _is_day(item)
            else item
            for index, item in enumerate(joined)
        ]

    def _matches(self, text: str, start: int, stop: int, budget: Budget) -> Iterator[regex.Match[str]]:
        """The grammar's leftmost matches, tried only where the pre-scan says one can start.

        Each attempt spends one unit of ``budget``; when it runs out the scan ends there (the
        count, not a clock, decides, so the result is the same on any machine). Every call
        still carries the regex timeout, the last guard against a pathological pattern.
        """
        grammar = self.grammar
        patterns = grammar.rule_patterns
        position = start
        cursor = _scan.Cursor(start)
        for begin, _carrier in _scan.starts(grammar, text, start, stop, cursor):
            if begin < position:
                continue
            if not budget.spend(begin):
                continue
            # a rule that needs a literal ("Uhr") looks for it up to the end it is given:
            # ending the slice a long expression's length away keeps each attempt short
            end = min(stop, begin + _LONGEST_EXPRESSION)
            match = None
            if begin > start and text[begin - 1] == "'":
                match = self._first_rule(text, begin - 1, end)  # '90s
            if match is None:
                possible = grammar.rules_at(text, begin)
                if len(possible) > _SEPARATE_RULES:
                    # the rules that can begin with a digit in one alternation without the others
                    whole = grammar.digit_pattern if possible == grammar.digit_rules else grammar.pattern
                    match = whole.match(text, begin, end, timeout=TIMEOUT_S)
                else:
                    for index in possible:
                        match = patterns[index].match(text, begin, end, timeout=TIMEOUT_S)
                        if match is not None:
                            break
            if match is None:
                continue
            position = cursor.at = match.end()
            yield match

    def _first_rule(self, text: str, start: int, stop: int) -> regex.Match[str] | None:
        return self.grammar.pattern.match(text, start, stop, timeout=TIMEOUT_S)

    def _trim(self, text: str, item: Found) -> Found | None:
        """Drop leading prepositions (am, im, on) the annotation conventions leave outside."""
        start = item.start
        while True:
            first, second, after = _two_words(text, start, item.end)
            if first is None or key(first) not in self.lex.strip:
                break
            if second and key(second) in _HEDGE_TAILS:
                break  # "at least", "at most" hedge the expression and belong to it
            start = after
        while item.end > start and text[item.end - 1].isspace():
            return attrs.evolve(item, start=start, end=item.end - 1)
        if start >= item.end:
            return None
        return item if start == item.start else attrs.evolve(item, start=start)

    def _remember(self, item: Found, ctx: Context) -> None:
        day = cal.day_of(item.value)
        if day is not None and item.type in ("DATE", "TIME"):
            ctx.ref = day
            ctx.ref_at = item.end
        if item.type in ("DATE", "TIME") and item.value[:4].isdigit() and item.value[4:5] in ("", "-"):
            ctx.ref_year = int(item.value[:4])
            month = item.value[5:7]
            has_month = month.isdigit() and item.value[7:8] != "W"
            ctx.ref_month = cal.safe_date(ctx.ref_year, int(month), 1) if has_month else None
        if "-Q" in item.value and item.value[:4].isdigit() and not item.anaphor and self._reported(item, ctx):
            ctx.last_quarter = item.value[:7]
            ctx.period_is_year = False
        elif item.type == "DURATION" and item.value in _YEAR_SHARE_PERIODS:
            ctx.period_is_year = True
