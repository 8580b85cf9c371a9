"""The resolver's shared reading of a match: tense of its clause, year, fields, spans."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

import regex

from quotekit._regex import TIMEOUT_S
from quotekit.dates import _calendar as cal
from quotekit.dates._found import (
    _ARTICLE,
    _ENGLISH_PAST,
    _FUTURE_SLACK_DAYS,
    _SENTENCE_END,
    _SENTENCE_MARKS,
    _TENSE_REACH,
    _YEAR_REACH,
    Context,
    Found,
    _after_be,
    _after_comparison,
    _after_past_auxiliary,
    _hits,
    _word_before,
)
from quotekit.dates._lexicon import key
from quotekit.model import TimexType

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quotekit.dates._calendar import Tense
    from quotekit.dates._grammar import Grammar
    from quotekit.dates._lexicon import Lexicon
    from quotekit.dates._lowered import TenseWords


class ResolverBase:
    """What every rule handler of :class:`~quotekit.dates._resolve.Resolver` reads."""

    grammar: Grammar
    lex: Lexicon
    _tense: regex.Pattern[str]
    _tense_words: TenseWords
    _ended_on: regex.Pattern[str]
    _weekday_follows: regex.Pattern[str]

    # ------------------------------------------------------------------ context
    def tense(self, match: regex.Match[str], ctx: Context) -> Tense | None:
        """The tense of the clause around ``match``.

        The governing verb of a time adverbial usually precedes it ("said Friday", "will
        meet on Monday"), so the nearest tense word before the expression in its sentence
        decides; only without one does the nearest after it ("On Friday, the court ruled").
        """
        if ctx.forced_tense is not None:
            return ctx.forced_tense
        text = ctx.text
        left = max(0, match.start() - _TENSE_REACH)
        right = min(len(text), match.end() + _TENSE_REACH)
        if ctx.sentences is not None:
            # the expression's sentence (am 3. Oktober, on Jan. 5: one sentence), cut at a semicolon
            sentence = ctx.sentences.sentence_at(match.start())
            if sentence is not None:
                left, right = max(left, sentence[0]), min(right, sentence[1])
            left = max(left, text.rfind(";", left, match.start()) + 1)
            semicolon = text.find(";", match.end(), right)
            right = semicolon if semicolon >= 0 else right
        else:
            left = max(left, *(text.rfind(mark, left, match.start()) + 1 for mark in _SENTENCE_MARKS))
            after = _SENTENCE_END.search(text, match.end(), right, timeout=TIMEOUT_S)
            if after is not None:
                right = after.start()
        last = self._last_tense_before(text, left, match.start())
        if last is not None:
            return last
        # the nearest after: each kind of hit comes in text order, so the first of each will do
        firsts = [
            hit
            for hits in self._tense_searches(text, match.end(), right)
            for hit in itertools.islice(hits, 1)
        ]
        return min(firsts)[1] if firsts else None

    def _last_tense_before(self, text: str, start: int, end: int) -> Tense | None:
        """The tense of the last tense word or English past form in ``text[start:end]``.

        A past form before the last tense word cannot be the last hit: they are read from
        that word on (no word of the past forms holds its start, where a word begins).
        """
        hits = list(self._tense_word_hits(text, start, end))
        if self.lex.lang == "en":
            hits.extend(self._past_form_hits(text, hits[-1][0] if hits else start, end))
        return max(hits)[1] if hits else None

    def _tense_searches(self, text: str, start: int, end: int) -> tuple[Iterator[tuple[int, Tense]], ...]:
        """The tense words' hits and, in English, the past forms' hits, each in text order."""
        if self.lex.lang == "en":
            return self._tense_word_hits(text, start, end), self._past_form_hits(text, start, end)
        return (self._tense_word_hits(text, start, end),)

    def _tense_word_spans(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Where the tense words in ``text[start:end]`` stand, in order."""
        spans = self._tense_words.spans(text, start, end)
        if spans is not None:
            return spans
        # a loop of searches: on a sentence-sized slice cheaper than setting up a scanner
        return (hit.span() for hit in _hits(self._tense, text, start, end))

    def _tense_word_hits(self, text: str, start: int, end: int) -> Iterator[tuple[int, Tense]]:
        english = self.lex.lang == "en"
        for hit_start, hit_end in self._tense_word_spans(text, start, end):
            word = key(text[hit_start:hit_end])
            verdict = self.lex.tense.get(word)
            if verdict not in ("past", "future"):
                continue
            if verdict == "past" and english and _after_be(text, hit_start):
                continue  # "will be held", "is paid": a participle, not a past event
            if verdict == "future" and english and _after_comparison(text, hit_start):
                continue  # "fell more than expected", "as planned": a comparison, no tense
            if verdict == "future" and english and _after_past_auxiliary(text, hit_start):
                verdict = "past"  # "was scheduled", "had been expected": a plan of the past
            if english and word == "next" and text[hit_end : hit_end + 4].casefold() == " to ":
                continue  # "next to the embassy": a place, not a time to come
            yield hit_start, verdict  # type: ignore[misc]

    def _past_form_hits(self, text: str, start: int, end: int) -> Iterator[tuple[int, Tense]]:
        for hit in _hits(_ENGLISH_PAST, text, start, end):
            # a capital -ed word is a name ("United States", "Red Cross"), not a verb
            if hit.group(1)[:1].islower() and key(hit.group(1)) not in self.lex.tense:
                yield hit.start(1), "past"

    @staticmethod
    def _same_sentence(ctx: Context, before: int, after: int, between: str) -> bool:
        """Whether ``before`` and ``after`` lie in one sentence, no semicolon between them."""
        if ctx.sentences is None:
            return not _SENTENCE_END.search(between, timeout=TIMEOUT_S)
        return ";" not in between and ctx.sentences.same_sentence(max(0, before - 1), after)

    def _deadline_before(self, text: str, start: int) -> bool:
        """Whether a deadline word stands right before ``start`` ("payable Dec. 7", "by May")."""
        return self.lex.adjacent_tense.get(_word_before(text, start).casefold()) == "future"

    def _year_for(
        self, match: regex.Match[str], ctx: Context, month: int, day: int | None = None
    ) -> int | None:
        """The year of a month (and day) named without one (``day`` None: the whole month).

        A year the same sentence names wins unless the tense contradicts it ("joined in
        July 1997 and will join on March 12"). Else a future clause takes the first such
        date that is not over a fortnight before the anchor ("a mission in December"
        written in March is this December; reports lag events by days). Otherwise the
        year that puts the date closest to the anchor wins, a date ahead counting double:
        news reports the past more than it announces, and past tense is too weak a cue to
        decide alone ("said" governs the report, not the "Dec. 7" payment date it gives).
        """
        tense = self.tense(match, ctx)
        if ctx.year_mention is not None and match.start() - ctx.year_mention[1] <= _YEAR_REACH:
            between = ctx.text[ctx.year_mention[1] : match.start()]
            mentioned = ctx.year_mention[0]
            contradicts = ctx.anchor is not None and (
                (tense == "future" and mentioned < ctx.anchor.year)
                or (tense == "past" and mentioned > ctx.anchor.year)
            )
            if not contradicts and self._same_sentence(ctx, ctx.year_mention[1], match.start(), between):
                return mentioned
        if ctx.anchor is None:
            return None
        anchor = ctx.anchor
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        if tense == "future" or self._deadline_before(ctx.text, match.start()):
            # not over before the anchor (a report may lag the event by days)
            since = anchor - dt.timedelta(days=_FUTURE_SLACK_DAYS)
            return min(y for y in years if (y, month, day or 31) >= (since.year, since.month, since.day))
        candidates = []
        for year in years:
            when = cal.safe_date(year, month, min(day or 15, 28))
            if when is None:
                continue
            distance = (when - anchor).days
            candidates.append((abs(distance) * (2 if distance > 0 else 1), year))
        return min(candidates)[1]

    @staticmethod
    def _reported(item: Found, ctx: Context) -> bool:
        """Whether a quarter can hold reported figures.

        "A year ago" compares those, never the forecast for a later year ("losses through the
        third quarter of 1990"). Fiscal quarters run ahead of the calendar, so any quarter of
        the anchor's year may be done.
        """
        return ctx.anchor is None or int(item.value[:4]) <= ctx.anchor.year

    @staticmethod
    def _period_before(ctx: Context, year: int) -> str:
        """The reported period ``year`` stands for: the quarter under discussion, or the year."""
        if ctx.period_is_year or not ctx.last_quarter:
            return f"{year:04d}"
        return f"{year:04d}{ctx.last_quarter[4:]}"

    def _day_anchor(self, ctx: Context) -> dt.date | None:
        """The day a time of day or an anaphor hangs on: the last mentioned day, else the anchor."""
        return ctx.ref or ctx.anchor

    # ------------------------------------------------------------------ helpers
    def _g(self, match: regex.Match[str], rule: str, field: str) -> str | None:
        value: str | None = match.group(f"{rule}_{field}")
        return value

    def _span(
        self, match: regex.Match[str], rule: str, kind: TimexType, value: str, mod: str | None = None
    ) -> list[Found]:
        return [Found(start=match.start(rule), end=match.end(rule), type=kind, value=value, mod=mod)]

    def _number(self, word: str | None) -> float | None:
        if word is None:
            return None
        cleaned = key(word)
        half = 0.0
        for suffix in ("einhalb", " and a half", " 1/2"):
            if cleaned.endswith(suffix) and cleaned != suffix:
                cleaned, half = cleaned[: -len(suffix)].strip(), 0.5
        if cleaned.replace(",", ".").replace(".", "", 1).isdigit():
            return float(cleaned.replace(",", ".")) + half
        if cleaned in self.lex.numbers:
            return self.lex.numbers[cleaned] + half
        return None

    def _fuzzy(self, word: str | None) -> str | None:
        """The TIMEX3 ``mod`` of a hedge word (early -> START); ``NONE`` rows widen the extent only."""
        mod = None if word is None else self.lex.fuzzy.get(key(word))
        return None if mod == "NONE" else mod

    def _month(self, word: str | None) -> int | None:
        if word is None or not self.lex.case_ok(word.split()[0]):
            return None
        return self.lex.months.get(key(word))

    def _weekday(self, word: str | None) -> int | None:
        if word is None or not self.lex.case_ok(word):
            return None
        return self.lex.weekdays.get(key(word))

    def _unit(self, word: str | None) -> str | None:
        return None if word is None else self.lex.units.get(key(word))

    def _title_cased(self, m: regex.Match[str], rule: str) -> bool:
        """Whether the unit of ``rule``'s match is a capitalised word of a name.

        A unit the tables write in lower case but the text capitalises inside the expression
        is part of a name ("ABC's This Week", "60 Minutes"), not a stretch of time; opening
        the expression a capital only starts a sentence ("This week").
        """
        word = m.group(f"{rule}_u")
        forms = self.lex.forms.get(key(word), ())
        return (
            m.start(f"{rule}_u") > m.start(rule)
            and word[:1].isupper()
            and bool(forms)
            and all(form[:1].islower() for form in forms)
        )

    @staticmethod
    def _full_year(digits: str) -> int:
        year = int(digits)
        if len(digits) == 2:
            return 2000 + year if year < 50 else 1900 + year
        return year

    def _date(
        self,
        match: regex.Match[str],
        ctx: Context,
        rule: str,
        day: int,
        month: int,
        year_text: str | None,
        mod: str | None = None,
    ) -> list[Found] | None:
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if year_text is not None:
            year = self._full_year(year_text)
            ctx.year_mention = (year, match.start(rule))
        else:
            year_or_none = self._year_for(match, ctx, month, day)
            if year_or_none is None:
                return self._span(match, rule, "DATE", f"XXXX-{month:02d}-{day:02d}", mod)
            year = year_or_none
        when = cal.safe_date(year, month, day)
        if when is None:
            return None
        return self._span(match, rule, "DATE", cal.day_value(when), mod)

    def _weekday_value(self, m: regex.Match[str], ctx: Context, weekday: int, shift: int | None) -> str:
        if ctx.anchor is None:
            return f"XXXX-WXX-{weekday}"
        if shift is None:
            # by Friday, bis Mittwoch: a deadline lies ahead unless the clause is in the past
            tense = self.tense(m, ctx)
            if tense != "past" and self._deadline_before(ctx.text, m.start()):
                tense = "future"
            day = cal.weekday_near(ctx.anchor, weekday, tense)
        elif shift < 0:
            day = cal.weekday_near(ctx.anchor - dt.timedelta(days=1), weekday, "past")
        elif shift > 0:
            day = cal.weekday_near(ctx.anchor + dt.timedelta(days=1), weekday, "future")
        else:
            monday = ctx.anchor - dt.timedelta(days=ctx.anchor.isoweekday() - 1)
            day = monday + dt.timedelta(days=weekday - 1)
        return cal.day_value(day)

    @staticmethod
    def _after_article(text: str, start: int, limit: int) -> int:
        piece = _ARTICLE.match(text, start, limit, timeout=TIMEOUT_S)
        return piece.end() if piece is not None else start
