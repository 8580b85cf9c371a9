"""From a grammar match to TIMEX3 type and value, against the anchors the text provides.

The publication date anchors deictic expressions (heute, last week); the last date the text
mentioned anchors anaphoric ones (am Vortag, the following week). Without a publication date
deictic values stay underspecified (``XXXX-XX-XX``) rather than invented.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S
from quotekit.dates import _calendar as cal
from quotekit.dates import _scan
from quotekit.dates._lexicon import alternation, key
from quotekit.model import TIMEX_TYPES, TimexType

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from quotekit.dates._calendar import Tense
    from quotekit.dates._grammar import Grammar
    from quotekit.lang.segment import Segmentation

#: How far around an expression the tense of its clause is looked for, in characters.
_TENSE_REACH: Final = 160
#: A date in a future clause may lie this many days before the anchor (reports lag events).
_FUTURE_SLACK_DAYS: Final = 14
#: An explicit year mentioned this close before a bare month name sets that month's year.
_YEAR_REACH: Final = 300
_SENTENCE_MARKS: Final = ".!?;\n"
_SENTENCE_END = regex.compile(r"[.!?;\n]")
_TIMEX_TYPES: Final[dict[str, TimexType]] = {name: name for name in TIMEX_TYPES}
_NOT_A_YEAR_BEFORE = regex.compile(r"[$€£#]\s*$|\d[.,]$|Nr\.\s*$|No\.\s*$")
_FOLLOWING_WORD = regex.compile(r"\s*([^\s\d]+)")
_MONTH_CONTEXT_BEFORE = regex.compile(
    r"(?i)(?:\bin|\bof|\bsince|\buntil|\bby|\bthrough|\bfrom|\bduring|\bbefore|\bafter|\bend|\bearly|\blate)\s+$"
)
_OF_AFTER = regex.compile(r"\s+of(?![\w])")
_ARTICLE = regex.compile(r"(?i)(?:the|a|an|der|die|das|den|dem|des|ein|eine|einen|einem)\s+")
_AGE_BEFORE = regex.compile(r"(?i)(?<![\w])(?:mit|ab|im\s+alter\s+von|aged?)\s+$")
_HEDGE_TAILS: Final = frozenset({"least", "most"})
_TOKEN = regex.compile(r"\w+")
_NEXT_WORD = regex.compile(r"[^\S\n]*(\w+)")
#: An article or hedge opens a match only if a date word follows within this many words.
_OPENER_REACH: Final = 4
#: A regular English past form; after a form of "be" it is a passive or an adjective
#: ("will be named", "is expected"), which says nothing about the time of the clause.
_ENGLISH_PAST = regex.compile(
    r"(?<!\b(?:be|been|being|is|are|am|to|will|would|not)\s+)(?<![\w])(\w{3,}ed)(?![\w])", regex.IGNORECASE
)


def _hits(pattern: regex.Pattern[str], text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern`` in the bounded slice ``text[start:end]``."""
    hit = pattern.search(text, start, end, timeout=TIMEOUT_S)
    while hit is not None:
        yield hit
        hit = pattern.search(text, max(hit.end(), hit.start() + 1), end, timeout=TIMEOUT_S)


#: What may stand between a weekday and its date, or a date and its clock time:
#: "Fri, 12 Dec 2014", "April 9, 2013 at 6:11 a.m.", "18.10.14 um 22:56 Uhr", "Sep 03 2014 | 4:32 pm".
_DAY_JOINER = regex.compile(r"[ \t]*,?[ \t]*")
_CLOCK_JOINER = regex.compile(r"[ \t]*(?:,|\||@|-|–)?[ \t]*(?:(?:at|um|gegen|ab)[ \t]+)?")
#: A clock time right after a date needs no "at" or "Uhr" to be one: "15 May 2004 23:24".
_BARE_CLOCK = regex.compile(
    r"(?P<h>[01]?\d|2[0-4])[:.](?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:[ \t]*(?P<ap>[ap]\.?[ \t]?m\.?(?![\w])))?(?![\w:.]\d)",
    regex.IGNORECASE,
)


def _two_words(text: str, start: int, end: int) -> tuple[str | None, str, int]:
    """The word at ``start`` if white space follows it, the word after that, and where it starts."""
    index = start
    while index < end and (text[index].isalnum() or text[index] == "_"):
        index += 1
    if index == start or index >= end or not text[index].isspace():
        return None, "", start
    after = index
    while after < end and text[after].isspace():
        after += 1
    stop = after
    while stop < end and (text[stop].isalnum() or text[stop] == "_"):
        stop += 1
    return text[start:index], text[after:stop], after


#: Words after which an English past participle is passive or an infinitive, not a past event.
_BE_WORDS: Final = frozenset({"be", "been", "being", "is", "are", "am", "to", "will", "would", "not"})


def _word_before(text: str, position: int) -> str:
    """The word that ends white space before ``position`` ("" when there is none)."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end] if begin < end < position else ""


def _after_past_auxiliary(text: str, position: int) -> bool:
    """Whether "was", "were" or "had been" stands right before ``position``."""
    word = _word_before(text, position).casefold()
    if word in ("was", "were"):
        return True
    return word == "been" and _word_before(text, text.rfind("been", 0, position)).casefold() == "had"


def _after_be(text: str, position: int) -> bool:
    """Whether the word before ``position`` is a form of "be" (or "to", "will", "not")."""
    return _word_before(text, position).casefold() in _BE_WORDS


def _is_day(item: Found) -> bool:
    return item.type == "DATE" and len(item.value) == 10 and item.value[:4].isdigit() and item.value[4] == "-"


def _with_clock(text: str, item: Found, limit: int) -> Found:
    """``item``, a day, stretched over a bare clock time right after it ("15 May 2004 23:24")."""
    gap = _CLOCK_JOINER.match(text, item.end, min(limit, item.end + 12), timeout=TIMEOUT_S)
    clock = _BARE_CLOCK.match(text, gap.end(), min(limit, gap.end() + 20), timeout=TIMEOUT_S) if gap else None
    if clock is None:
        return item
    hour, minute = int(clock.group("h")), int(clock.group("mi"))
    noon = (clock.group("ap") or "").casefold()[:1]
    if noon == "p" and hour < 12:
        hour += 12
    elif noon == "a" and hour == 12:
        hour = 0
    return attrs.evolve(item, end=clock.end(), type="TIME", value=f"{item.value}T{hour:02d}:{minute:02d}")


@attrs.frozen(kw_only=True)
class Found:
    """One resolved expression: offsets into the scanned text, TIMEX3 type, value and mod."""

    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None
    #: Counted from another expression (a year ago): never itself a reference for others.
    anaphor: bool = False


#: Rules whose match is a table phrase kept whole ("vor kurzem", "at present"); the others
#: may start with a preposition the annotation leaves out ("am Abend", "over the past year").
_UNTRIMMED: Final = frozenset({"dx"})
#: Up to this many possible rules are tried one by one, more in one call of the alternation:
#: each call arms a regex timeout, which costs more than a failed rule.
_SEPARATE_RULES: Final = 2
#: No temporal expression is longer than this many characters.
_LONGEST_EXPRESSION: Final = 240
#: Candidate starts between two looks at the clock.
_CLOCK_EVERY: Final = 64
#: Stretches of a business year that figures are reported for ("the first nine months").
_YEAR_SHARE_PERIODS: Final = frozenset({"P6M", "P9M", "P1Y", "P12M"})
#: After "the night" these words tie the part of day to a date or an event named next
#: ("the night of Oct. 23", "the night the plane went down"), not to a day already known.
_EVENT_CLAUSE_OPENERS: Final = frozenset({"of", "the", "a", "an", "when", "that"})
#: Words after which "a second" stays a stretch of time ("a second later", "a second or two");
#: before any other word it is the ordinal ("a second group").
_AFTER_A_SECOND: Final = frozenset(
    {"later", "earlier", "ago", "or", "and", "before", "after", "of", "to", "in", "longer", "more", "too"}
)
#: A time of day takes the date of a day mentioned this close before it, else the anchor's.
_TIME_REF_REACH: Final = 80


@attrs.define
class Context:
    """What resolution knows while walking one document left to right."""

    anchor: dt.date | None
    text: str
    ref: dt.date | None = None
    ref_at: int = -1
    year_mention: tuple[int, int] | None = None
    last_quarter: str | None = None
    #: The figures under discussion cover months of a year ("the first nine months"), not
    #: the last quarter named: "a year earlier" then means that year before.
    period_is_year: bool = False
    forced_tense: Tense | None = None
    cursor: int = 0
    #: The year and the month (its first day) of the last date mentioned at any precision:
    #: "in 1988 ... that year" counts from 1988 though no day was named.
    ref_year: int | None = None
    ref_month: dt.date | None = None
    #: The document's shared sentences (None for a lone expression: ``normalize``, datelines).
    segmentation: Segmentation | None = None


class Resolver:
    """Turns the matches of one language's :class:`Grammar` into :class:`Found` values."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.lex = grammar.lexicon
        tense_words = [w for w in self.lex.surface.get("date_tense", ()) if key(w) in self.lex.tense]
        self._tense = regex.compile(
            r"(?<![\w])(?:"
            + "|".join(regex.escape(w) for w in sorted(tense_words, key=len, reverse=True))
            + r")(?![\w])"
            if tense_words
            else "(?!)",
            regex.IGNORECASE,
        )
        # "the quarter ended July 31": the date a reported period ended on
        self._ended_on = regex.compile(
            r"[ \t]+(?:"
            + alternation(self.lex.period_ends)
            + r")[ \t]+(?P<m>"
            + self.lex.alt("date_months")
            + r")[ \t]+(?P<d>\d{1,2})(?!\d)",
            regex.IGNORECASE,
        )
        self._weekday_follows = regex.compile(
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
        timeout: float | None = None,
        *,
        join: bool = False,
    ) -> list[Found]:
        """Every expression in ``text[start:end]``, resolved in reading order.

        With ``join`` a weekday and its date, and a date and its clock time, come out as one
        expression, as a reader of one timestamp wants them; annotated news text (TimeML
        corpora) marks them apart, so the pipeline leaves them apart.
        """
        found: list[Found] = []
        stop = len(text) if end is None else end
        for match in self._matches(text, start, stop, timeout):
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

    def _matches(self, text: str, start: int, stop: int, timeout: float | None) -> Iterator[regex.Match[str]]:
        """The grammar's leftmost matches, tried only where the pre-scan says one can start.

        Every call carries the regex timeout. Besides, the clock is checked between attempts:
        a run of attempts taking longer than ``timeout`` (a rule gone wrong, not a long text)
        raises :class:`TimeoutError`, which the pipeline turns into a diagnostic.
        """
        grammar = self.grammar
        patterns = grammar.rule_patterns
        limit = TIMEOUT_S if timeout is None else min(timeout, TIMEOUT_S)
        checked = time.monotonic()
        position = start
        for count, (begin, _carrier) in enumerate(_scan.starts(grammar, text, start, stop)):
            if begin < position:
                continue
            if not count % _CLOCK_EVERY:
                now = time.monotonic()
                if now - checked > limit:
                    msg = f"{_CLOCK_EVERY} date attempts took more than {limit:.1f} s"
                    raise TimeoutError(msg)
                checked = now
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
            position = match.end()
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
        return attrs.evolve(item, start=start)

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
        if ctx.segmentation is not None:
            # the expression's sentence (am 3. Oktober, on Jan. 5: one sentence), cut at a semicolon
            sentence = ctx.segmentation.sentence_at(match.start())
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
        before = sorted(self._tense_hits(text, left, match.start()))
        if before:
            return before[-1][1]
        following = sorted(self._tense_hits(text, match.end(), right))
        return following[0][1] if following else None

    def _tense_hits(self, text: str, start: int, end: int) -> Iterator[tuple[int, Tense]]:
        # a loop of searches: on a sentence-sized slice cheaper than setting up a scanner
        english = self.lex.lang == "en"
        for hit in _hits(self._tense, text, start, end):
            word = key(hit.group())
            verdict = self.lex.tense.get(word)
            if verdict not in ("past", "future"):
                continue
            if verdict == "past" and english and _after_be(text, hit.start()):
                continue  # "will be held", "is paid": a participle, not a past event
            if verdict == "future" and english and _after_past_auxiliary(text, hit.start()):
                verdict = "past"  # "was scheduled", "had been expected": a plan of the past
            if english and word == "next" and text[hit.end() : hit.end() + 4].casefold() == " to ":
                continue  # "next to the embassy": a place, not a time to come
            yield hit.start(), verdict  # type: ignore[misc]
        if english:
            for hit in _hits(_ENGLISH_PAST, text, start, end):
                # a capital -ed word is a name ("United States", "Red Cross"), not a verb
                if hit.group(1)[:1].islower() and key(hit.group(1)) not in self.lex.tense:
                    yield hit.start(1), "past"

    @staticmethod
    def _same_sentence(ctx: Context, before: int, after: int, between: str) -> bool:
        """Whether ``before`` and ``after`` lie in one sentence, no semicolon between them."""
        if ctx.segmentation is None:
            return not _SENTENCE_END.search(between, timeout=TIMEOUT_S)
        index = ctx.segmentation.sentence_index
        return ";" not in between and index(max(0, before - 1)) == index(after)

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

    # ------------------------------------------------------------------ absolute
    def _rule_iso(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        found = self._date(m, ctx, "iso", int(m.group("iso_d")), int(m.group("iso_m")), m.group("iso_y"))
        if found and m.group("iso_h"):
            return [
                attrs.evolve(
                    found[0], type="TIME", value=f"{found[0].value}T{m.group('iso_h')}:{m.group('iso_mi')}"
                )
            ]
        return found

    def _rule_wdd(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        if self._weekday(m.group("wdd_wd")) is None:
            return None
        month = self._month(m.group("wdd_m")) if m.group("wdd_m") else int(m.group("wdd_mn") or 0)
        if not month:
            return None
        return self._date(m, ctx, "wdd", int(m.group("wdd_d")), month, m.group("wdd_y"))

    def _rule_drange(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        """Read "5. bis 22. November": the first day takes the second's month and year."""
        month = self._month(m.group("drange_m"))
        if month is None:
            return None
        second = self._date(m, ctx, "drange", int(m.group("drange_d2")), month, m.group("drange_y"))
        if not second:
            return None
        first_day = (
            cal.safe_date(int(second[0].value[:4]), month, int(m.group("drange_d1")))
            if second[0].value[:4].isdigit()
            else None
        )
        first_value = (
            cal.day_value(first_day) if first_day else f"XXXX-{month:02d}-{int(m.group('drange_d1')):02d}"
        )
        return [
            Found(start=m.start("drange_d1"), end=m.end("drange_d1") + 1, type="DATE", value=first_value),
            attrs.evolve(second[0], start=m.start("drange_d2")),
        ]

    def _rule_nd(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        if m.group("nd_y") is None and self.lex.lang != "en":
            # "3.4." without a year is a date only when both numbers fit one
            text = ctx.text
            if m.end() < len(text) and text[m.end() : m.end() + 1].isdigit():
                return None
        return self._date(m, ctx, "nd", int(m.group("nd_d")), int(m.group("nd_m")), m.group("nd_y"))

    def _rule_dm(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        month = self._month(m.group("dm_m"))
        if month is None:
            return None
        fuzzy = self._fuzzy(m.group("dm_f")) if "dm_f" in m.re.groupindex else None
        return self._date(m, ctx, "dm", int(m.group("dm_d")), month, m.group("dm_y"), fuzzy)

    def _rule_md(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        month = self._month(m.group("md_m"))
        if month is None:
            return None
        found = self._date(
            m, ctx, "md", int(m.group("md_d")), month, m.group("md_y"), self._fuzzy(m.group("md_f"))
        )
        if not found or "md_d2" not in m.re.groupindex or not m.group("md_d2"):
            return found
        # "April 24 and 25": two days of one month, marked apart
        first_day, second_day = int(m.group("md_d")), int(m.group("md_d2"))
        head = attrs.evolve(found[0], end=m.end("md_s") if m.group("md_s") else m.end("md_d"))
        year = found[0].value[:4]
        second = cal.safe_date(int(year), month, second_day) if year.isdigit() else None
        if first_day >= second_day or (second is None and year.isdigit()):
            return [head]  # "April 24 and 5 people": the number after is no day
        second_value = cal.day_value(second) if second else f"XXXX-{month:02d}-{second_day:02d}"
        return [head, Found(start=m.start("md_d2"), end=m.end("md"), type="DATE", value=second_value)]

    def _rule_my(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        month = self._month(m.group("my_m"))
        if month is None:
            return None
        year = int(m.group("my_y"))
        ctx.year_mention = (year, m.start("my"))
        return self._span(m, "my", "DATE", cal.month_value(year, month), self._fuzzy(m.group("my_f")))

    def _rule_dec(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        digits = m.group("dec_y")
        if "dec_w" in m.re.groupindex and m.group("dec_w"):
            tens = self.lex.decade_words.get(key(m.group("dec_w")))
            if tens is None:
                return None
            # the latest such decade that has begun by the anchor ("the nineties": 199)
            now = ctx.anchor.year if ctx.anchor else 1999
            start = now // 100 * 100 + tens * 10
            start -= 100 if start > now else 0
            return self._span(m, "dec", "DATE", f"{start // 10:03d}", self._fuzzy(m.group("dec_f2")))
        if digits is None and "dec_s" in m.re.groupindex and m.group("dec_s"):
            digits = m.group("dec_s")
        if digits is None:
            return None
        year = self._full_year(digits) if len(digits) == 2 else int(digits)
        if len(digits) == 2:
            year = 1900 + int(digits)
        if year % 10:
            return None
        return self._span(m, "dec", "DATE", f"{year // 10:03d}", self._fuzzy(m.group("dec_f")))

    def _rule_cen(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: ARG002 - one signature for every rule handler
        number = int(m.group("cen_c"))
        if not 1 <= number <= 21:
            return None
        return self._span(m, "cen", "DATE", f"{number - 1:02d}", self._fuzzy(m.group("cen_f")))

    def _quarter_year(self, ctx: Context, explicit: str | None) -> str:
        if explicit:
            return explicit
        return f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"

    def _rule_qtr(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        number = self.lex.ordinals.get(key(m.group("qtr_o")))
        if number is None:
            return None
        explicit = m.group("qtr_y") or (m.group("qtr_y2") if "qtr_y2" in m.re.groupindex else None)
        year = self._quarter_year(ctx, explicit)
        tense = self.tense(m, ctx)
        if not explicit and ctx.anchor is not None and not m.group("qtr_h"):
            start = cal.safe_date(ctx.anchor.year, 3 * number - 2, 1)
            if start is not None and start > ctx.anchor and tense == "past":
                # a quarter not yet begun, in a clause in the past, is last year's:
                # fourth-quarter profits reported in January
                year = f"{ctx.anchor.year - 1:04d}"
        mod = m.group("qtr_mod") if "qtr_mod" in m.re.groupindex else None
        if mod and key(mod) in ("year-ago", "year-earlier") and year.isdigit():
            year = f"{int(year) - 1:04d}"
        if m.group("qtr_h"):
            if not explicit and _OF_AFTER.match(
                ctx.text, m.end(), min(len(ctx.text), m.end() + 4), timeout=TIMEOUT_S
            ):
                return None  # "the last half of the '80s": a half of something else
            if key(m.group("qtr_o")) in self.lex.last_ordinals:
                number = 2  # "the last half": the last of two
            if number > 2:
                return None
            return self._span(m, "qtr", "DATE", f"{year}-H{number}")
        found = self._span(m, "qtr", "DATE", f"{year}-Q{number}")
        counted_back = mod is not None and key(mod) in ("year-ago", "year-earlier")
        if counted_back or not self._may_be_reported(ctx, tense, year, number):
            # a quarter counted back, or one a forecast speaks of ("will result in a
            # fourth-quarter charge"), is not the quarter whose figures are reported
            found = [attrs.evolve(f, anaphor=True) for f in found]
        if ctx.text[m.end("qtr_o") : m.end("qtr_o") + 1] == "-" and not mod:
            found = [
                attrs.evolve(f, start=self._after_article(ctx.text, f.start, m.start("qtr_o"))) for f in found
            ]
        return found

    @staticmethod
    def _may_be_reported(ctx: Context, tense: Tense | None, year: str, number: int) -> bool:
        """Whether quarter ``number`` of ``year`` can be the one whose figures the text reports.

        Not in a clause about the future; and a quarter not yet over by the calendar (a
        fiscal one may be) only in a clause in the past ("reported fourth-quarter
        earnings", not "no estimate of the impact on fourth-quarter results").
        """
        if tense == "future":
            return False
        if ctx.anchor is None or not year.isdigit():
            return True
        running = (int(year), number) >= (ctx.anchor.year, cal.quarter_of(ctx.anchor))
        return tense == "past" or not running

    def _rule_yq(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        shift = self.lex.relative.get(key(m.group("yq_rel")))
        if shift is None or ctx.anchor is None:
            return None
        year = ctx.anchor.year + shift
        number = self.lex.ordinals.get(key(m.group("yq_o"))) if m.group("yq_o") else None
        quarter = f"Q{number}" if number else (ctx.last_quarter[5:] if ctx.last_quarter else "QX")
        return self._span(m, "yq", "DATE", f"{year:04d}-{quarter}")

    def _rule_yp(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        year = m.group("yp_y")
        number = self.lex.ordinals.get(key(m.group("yp_o"))) if m.group("yp_o") else None
        if number:
            return self._span(m, "yp", "DATE", f"{year}-Q{number}")
        if ctx.last_quarter:
            return [
                attrs.evolve(f, anaphor=True)
                for f in self._span(m, "yp", "DATE", self._period_before(ctx, int(year)))
            ]
        return self._span(m, "yp", "DATE", year)

    def _rule_yap(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        base = ctx.last_quarter or (cal.shift_unit(ctx.anchor, "Q", -1) if ctx.anchor else None)
        if base is None:
            return self._span(m, "yap", "DATE", "XXXX-QX")
        return [
            attrs.evolve(f, anaphor=True)
            for f in self._span(m, "yap", "DATE", f"{int(base[:4]) - 1:04d}{base[4:]}")
        ]

    def _rule_mrel(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        month = self._month(m.group("mrel_m"))
        shift = self.lex.relative.get(key(m.group("mrel_rel")))
        if month is None or shift is None:
            return None
        year = f"{ctx.anchor.year + shift:04d}" if ctx.anchor else "XXXX"
        return self._span(m, "mrel", "DATE", f"{year}-{month:02d}")

    def _rule_timeday(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        if m.group("timeday_nm"):
            hour, minute = (12, 0) if key(m.group("timeday_nm")) == "noon" else (24, 0)
        else:
            hour, minute = int(m.group("timeday_h")), int(m.group("timeday_mi") or 0)
            if not 1 <= hour <= 12:
                return None
            ampm = m.group("timeday_ap").casefold()
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        if m.group("timeday_wd"):
            weekday = self._weekday(m.group("timeday_wd"))
            if weekday is None:
                return None
            day = self._weekday_value(m, ctx, weekday, None)
        else:
            month = self._month(m.group("timeday_m"))
            if month is None:
                return None
            found = self._date(m, ctx, "timeday", int(m.group("timeday_d")), month, m.group("timeday_y"))
            if not found:
                return None
            day = found[0].value
        return self._span(m, "timeday", "TIME", f"{day}T{hour:02d}:{minute:02d}")

    def _rule_weekof(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        """The ISO week holding the day named ("the week of March 6")."""
        month = self._month(m.group("weekof_m"))
        if month is None:
            return None
        found = self._date(m, ctx, "weekof", int(m.group("weekof_d")), month, m.group("weekof_y"))
        day = cal.day_of(found[0].value) if found else None
        if day is None:
            return None
        return self._span(m, "weekof", "DATE", cal.week_value(day))

    def _rule_qn(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: ARG002 - one signature for every rule handler
        return self._span(m, "qn", "DATE", f"{m.group('qn_y')}-Q{m.group('qn_q')}")

    def _rule_theq(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        mod = key(m.group("theq_mod") or "")
        if "theq_ago" in m.re.groupindex and m.group("theq_ago"):
            mod = "year-ago"  # "the quarter a year ago"
        if mod == "current" and ctx.anchor is not None:
            return self._span(m, "theq", "DATE", cal.shift_unit(ctx.anchor, "Q", 0) or "XXXX-QX")
        # a quarter named before (often a fiscal one: "its fiscal first quarter ended Sept.
        # 29") keeps its name; else the date it ended on says which quarter it is
        ended = (
            self._quarter_ended(ctx, m.end())
            if mod not in ("year-ago", "year-earlier") and not ctx.last_quarter
            else None
        )
        if ended is not None:
            return self._span(m, "theq", "DATE", ended)
        if ctx.last_quarter and mod not in ("year-ago", "year-earlier"):
            return self._span(m, "theq", "DATE", ctx.last_quarter)
        if ctx.anchor is None:
            return self._span(m, "theq", "DATE", "XXXX-QX")
        value = cal.shift_unit(ctx.anchor, "Q", -1) or "XXXX-QX"
        if mod in ("year-ago", "year-earlier"):
            base = ctx.last_quarter or value
            value = f"{int(base[:4]) - 1:04d}{base[4:]}"
            # counted back from the quarter under discussion: never itself that quarter
            return [attrs.evolve(f, anaphor=True) for f in self._span(m, "theq", "DATE", value)]
        return self._span(m, "theq", "DATE", value)

    def _quarter_ended(self, ctx: Context, end: int) -> str | None:
        """The calendar quarter of "the quarter ended July 31", if a period end follows ``end``.

        It is the quarter holding most of the three months up to that day (May to July: the
        second), in the latest year that day had come by the anchor.
        """
        hit = self._ended_on.match(ctx.text, end, min(len(ctx.text), end + 40), timeout=TIMEOUT_S)
        if hit is None or ctx.anchor is None:
            return None
        month = self._month(hit.group("m"))
        day = int(hit.group("d"))
        if month is None or not 1 <= day <= 31:
            return None
        anchor = ctx.anchor
        year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
        middle = (month - 2) % 12 or 12  # the middle month of the three
        return f"{year - (1 if middle > month else 0):04d}-Q{(middle - 1) // 3 + 1}"

    def _rule_year(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        digits = m.group("year_y")
        year = int(digits)
        prefixed = bool(m.group("year_j"))
        low, high = (1000, 2199) if prefixed else (1800, 2099)
        if not low <= year <= high:
            return None
        text = ctx.text
        before = text[max(0, m.start("year") - 3) : m.start("year")]
        if _NOT_A_YEAR_BEFORE.search(before, timeout=TIMEOUT_S):
            return None
        follow = _FOLLOWING_WORD.match(text, m.end(), min(len(text), m.end() + 30), timeout=TIMEOUT_S)
        if follow is not None:
            word = follow.group(1).rstrip(".,;:!?)").casefold()
            if word in self.lex.year_blockers or follow.group(1)[:1] in "%$€":
                return None
        ctx.year_mention = (year, m.start("year"))
        value = f"{year:04d}"
        if "year_y2" in m.re.groupindex and m.group("year_y2"):
            value = f"{year:04d}"
        return self._span(m, "year", "DATE", value, self._fuzzy(m.group("year_f")))

    def _rule_wyear(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        """A year in words: century and year of century ("nineteen ninety-six" is 1996)."""
        numbers = self.lex.numbers

        def number(field: str) -> int:
            word = m.group(f"wyear_{field}")
            return numbers.get(key(word), 0) if word else 0

        if m.group("wyear_c"):
            year = number("c") * 100 + (0 if m.group("wyear_h") else number("t") + number("u"))
        else:
            year = 2000 + number("k")
        if not 1000 <= year <= 2099:
            return None
        month = self._month(m.group("wyear_m")) if m.group("wyear_m") else None
        if m.group("wyear_m") and month is None:
            return None  # "may" the verb before a number
        ctx.year_mention = (year, m.start("wyear"))
        value = f"{year:04d}" if month is None else cal.month_value(year, month)
        return self._span(m, "wyear", "DATE", value)

    # ------------------------------------------------------------------ times
    def _time_value(
        self, ctx: Context, hour: int, minute: int, match: regex.Match[str] | None = None
    ) -> str | None:
        if not (0 <= hour <= 24 and 0 <= minute <= 59):
            return None
        day = (self._weekday_after(ctx, match) if match is not None else None) or self._time_day(ctx)
        prefix = cal.day_value(day) if day else "XXXX-XX-XX"
        return f"{prefix}T{hour:02d}:{minute:02d}"

    def _weekday_after(self, ctx: Context, match: regex.Match[str]) -> dt.date | None:
        """The day of a weekday right after a clock time, if there is one.

        "10:35 a.m. (0735 GMT) Friday": the pipeline marks the two apart (as annotated
        corpora do), but the time is that day's; a bracket may stand between them.
        """
        hit = self._weekday_follows.match(
            ctx.text, match.end(), min(len(ctx.text), match.end() + 40), timeout=TIMEOUT_S
        )
        if hit is None or ctx.anchor is None:
            return None
        weekday = self._weekday(hit.group("wd"))
        if weekday is None:
            return None
        return cal.weekday_near(ctx.anchor, weekday, self.tense(match, ctx))

    def _time_day(self, ctx: Context, at: int | None = None) -> dt.date | None:
        """A clock time belongs to a day named just before it ("Freitag, 20 Uhr"), else the anchor."""
        del at
        if ctx.ref is not None and ctx.ref_at >= 0 and ctx.cursor - ctx.ref_at <= _TIME_REF_REACH:
            return ctx.ref
        return ctx.anchor or ctx.ref

    def _rule_time(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        groups = m.re.groupindex
        hour_text = (
            m.group("time_h") or m.group("time_h2") or (m.group("time_h3") if "time_h3" in groups else None)
        )
        if hour_text is None and "time_h4" in groups and m.group("time_h4"):
            # "4 in the morning", "8 in the evening": the part of day says a.m. or p.m.
            hour = int(m.group("time_h4"))
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (0 if key(m.group("time_p4")) == "morning" else 12)
            value = self._time_value(ctx, hour, 0, m)
            return None if value is None else self._span(m, "time", "TIME", value)
        if hour_text is None:
            return None
        minute_text = m.group("time_mi") or m.group("time_mi2") or "0"
        hour, minute = int(hour_text), int(minute_text)
        ampm = (m.group("time_ap") or m.group("time_ap2")) if "time_ap" in groups else None
        if ampm:
            if not 1 <= hour <= 12:
                return None
            if ampm.casefold().startswith("p") and hour < 12:
                hour += 12
            elif ampm.casefold().startswith("a") and hour == 12:
                hour = 0
        value = self._time_value(ctx, hour, minute, m)
        return None if value is None else self._span(m, "time", "TIME", value)

    def _rule_trange(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        first = self._time_value(ctx, int(m.group("trange_h1")), int(m.group("trange_m1") or 0))
        second = self._time_value(ctx, int(m.group("trange_h2")), int(m.group("trange_m2") or 0))
        if first is None or second is None:
            return None
        first_end = m.end("trange_m1") if m.group("trange_m1") else m.end("trange_h1")
        return [
            Found(start=m.start("trange"), end=first_end, type="TIME", value=first),
            Found(start=m.start("trange_h2"), end=m.end("trange"), type="TIME", value=second),
        ]

    # ------------------------------------------------------------------ relative
    def _weekday_value(self, m: regex.Match[str], ctx: Context, weekday: int, shift: int | None) -> str:
        if ctx.anchor is None:
            return f"XXXX-WXX-{weekday}"
        if shift is None:
            day = cal.weekday_near(ctx.anchor, weekday, self.tense(m, ctx))
        elif shift < 0:
            day = cal.weekday_near(ctx.anchor - dt.timedelta(days=1), weekday, "past")
        elif shift > 0:
            day = cal.weekday_near(ctx.anchor + dt.timedelta(days=1), weekday, "future")
        else:
            monday = ctx.anchor - dt.timedelta(days=ctx.anchor.isoweekday() - 1)
            day = monday + dt.timedelta(days=weekday - 1)
        return cal.day_value(day)

    def _rule_wd(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        weekday = self._weekday(m.group("wd_wd"))
        if weekday is None:
            return None
        return self._span(
            m, "wd", "DATE", self._weekday_value(m, ctx, weekday, None), self._fuzzy(m.group("wd_f"))
        )

    def _rule_wdpod(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        weekday = self._weekday(m.group("wdpod_wd"))
        part = self.lex.parts_of_day.get(key(m.group("wdpod_p")))
        if weekday is None or part is None:
            return None
        return self._span(m, "wdpod", "TIME", f"{self._weekday_value(m, ctx, weekday, None)}T{part}")

    def _rule_relwd(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        weekday = self._weekday(m.group("relwd_wd"))
        shift = self.lex.relative.get(key(m.group("relwd_rel")))
        if weekday is None or shift is None:
            return None
        base = ctx.ref if key(m.group("relwd_rel")) in self.lex.anaphoric_relative and ctx.ref else None
        if base is not None and shift:
            # "the previous Friday": the one before the day last mentioned
            step = dt.timedelta(days=1 if shift > 0 else -1)
            day = cal.weekday_near(base + step, weekday, "future" if shift > 0 else "past")
            return self._span(m, "relwd", "DATE", cal.day_value(day))
        return self._span(m, "relwd", "DATE", self._weekday_value(m, ctx, weekday, shift))

    def _day_offset(self, ctx: Context, days: int, *, anaphoric: bool) -> str:
        base = self._day_anchor(ctx) if anaphoric else ctx.anchor
        if base is None:
            return "XXXX-XX-XX"
        return cal.day_value(base + dt.timedelta(days=days))

    def _rule_dxpod(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        row = self.lex.deictic.get(key(m.group("dxpod_dx")))
        part = self.lex.parts_of_day.get(key(m.group("dxpod_p")))
        if row is None or part is None or "days" not in row or not self.lex.case_ok(m.group("dxpod_dx")):
            return None
        value = self._day_offset(ctx, int(row["days"]), anaphoric=False)
        return self._span(m, "dxpod", "TIME", f"{value}T{part}")

    def _rule_pod(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        part = self.lex.parts_of_day.get(key(m.group("pod_p")))
        if part is None or not self.lex.case_ok(m.group("pod_p")):
            return None
        if self.lex.lang == "en" and key(m.group("pod_pre")) == "the":
            follow = _NEXT_WORD.match(ctx.text, m.end(), min(len(ctx.text), m.end() + 20), timeout=TIMEOUT_S)
            if follow is not None and key(follow.group(1)) in _EVENT_CLAUSE_OPENERS:
                return None  # "the night of Oct. 23", "the night the plane went down": an event's
        # "this morning" is the publication day's; "the morning" that of the day last mentioned
        day = ctx.anchor if key(m.group("pod_pre")) == "this" else self._day_anchor(ctx)
        prefix = cal.day_value(day) if day else "XXXX-XX-XX"
        return self._span(m, "pod", "TIME", f"{prefix}T{part}")

    def _rule_relm(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        month = self._month(m.group("relm_m"))
        shift = self.lex.relative.get(key(m.group("relm_rel")))
        if month is None or shift is None:
            return None
        day_text = m.group("relm_d") if "relm_d" in m.re.groupindex else None
        if ctx.anchor is None:
            value = f"XXXX-{month:02d}" + (f"-{int(day_text):02d}" if day_text else "")
            return self._span(m, "relm", "DATE", value)
        if day_text:
            # "last Oct. 23": that day in the year the relative word points to
            day = int(day_text)
            when = cal.safe_date(ctx.anchor.year, month, day)
            if when is None:
                return None
            year = ctx.anchor.year + (
                -1 if shift < 0 and when >= ctx.anchor else 1 if shift > 0 and when <= ctx.anchor else 0
            )
            when = cal.safe_date(year, month, day)
            return None if when is None else self._span(m, "relm", "DATE", cal.day_value(when))
        return self._span(
            m, "relm", "DATE", cal.month_value(cal.month_year(ctx.anchor, month, shift, None), month)
        )

    def _rule_month(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        word = m.group("month_m")
        month = self._month(word)
        if month is None:
            return None
        fuzzy = m.group("month_f")
        if key(word) in self.lex.ambiguous_months and fuzzy is None:
            before = ctx.text[max(0, m.start("month") - 12) : m.start("month")]
            if not _MONTH_CONTEXT_BEFORE.search(before, timeout=TIMEOUT_S):
                return None
        year = self._year_for(m, ctx, month)
        value = f"XXXX-{month:02d}" if year is None else cal.month_value(year, month)
        return self._span(m, "month", "DATE", value, self._fuzzy(fuzzy))

    def _unit_value(self, ctx: Context, unit: str, shift: int, *, anaphoric: bool = False) -> str:
        base = self._day_anchor(ctx) if anaphoric else ctx.anchor
        if base is None:
            return cal.UNDERSPECIFIED.get(unit, "XXXX")
        return cal.shift_unit(base, unit, shift) or cal.UNDERSPECIFIED.get(unit, "XXXX")

    def _anaphoric_unit_value(self, ctx: Context, unit: str, shift: int) -> str:
        """A year or month counted from the last one the text named.

        "That year", "the following month" count from the last year or month mentioned,
        whatever the precision of that mention ("in 1988"); other units from its day.
        """
        if unit == "Y" and ctx.ref_year is not None:
            return f"{ctx.ref_year + shift:04d}"
        if unit == "M" and ctx.ref_month is not None:
            moved = cal.add_months(ctx.ref_month, shift)
            return cal.month_value(moved.year, moved.month)
        return self._unit_value(ctx, unit, shift, anaphoric=True)

    def _rule_relu(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: PLR0911 - one early return per reading the shape allows
        unit = self._unit(m.group("relu_u"))
        shift = self.lex.relative.get(key(m.group("relu_rel")))
        if unit is None or shift is None or self._title_cased(m, "relu"):
            return None
        mod = self._fuzzy(m.group("relu_f"))
        if key(m.group("relu_u")) in self.lex.plural_units:
            # "in recent years", "in den kommenden Jahren": a vague stretch before or after now
            if key(m.group("relu_rel")) in self.lex.relative_durations:
                return self._span(m, "relu", "DURATION", cal.duration_value(None, unit) or "PXY")
            if shift == 0:
                return self._span(m, "relu", "DATE", "PRESENT_REF")
            return self._span(m, "relu", "DATE", "PAST_REF" if shift < 0 else "FUTURE_REF")
        if unit in ("H", "MIN", "S"):
            return None
        if unit == "Q" and ctx.last_quarter and shift == 0:
            return self._span(m, "relu", "DATE", ctx.last_quarter, mod)
        if key(m.group("relu_rel")) in self.lex.anaphoric_relative:
            # "the following year", "im folgenden Jahr": from the last date mentioned
            return self._span(m, "relu", "DATE", self._anaphoric_unit_value(ctx, unit, shift), mod)
        if unit == "Y" and shift < 0 and ctx.last_quarter and self._after_figure(ctx.text, m.start("relu")):
            # "compared with $3 million last year": the reported period a year back
            year = int(ctx.last_quarter[:4]) + shift
            found = self._span(m, "relu", "DATE", self._period_before(ctx, year))
            return [attrs.evolve(f, anaphor=True) for f in found]
        value = self._unit_value(ctx, unit, shift)
        return self._span(m, "relu", "DATE", value, mod)

    def _after_figure(self, text: str, start: int) -> bool:
        """Whether a figure ends, or a comparison begins, right before ``start``."""
        end = start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        begin = end
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
        word = text[begin:end]
        if word[-1:] in _SENTENCE_MARKS or word[-1:] == ":":
            return False  # the figure ends the sentence before
        word = word.rstrip(",")
        return any(c.isdigit() for c in word) or key(word) in self.lex.figure_words

    def _rule_fuzu(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        unit = self._unit(m.group("fuzu_u"))
        if unit is None:
            return None
        return self._span(
            m, "fuzu", "DATE", self._anaphoric_unit_value(ctx, unit, 0), self._fuzzy(m.group("fuzu_f"))
        )

    def _rule_wkend(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        pre = m.group("wkend_pre")
        shift = self.lex.relative.get(key(pre)) if pre else None
        if ctx.anchor is None:
            return self._span(m, "wkend", "DATE", "XXXX-WXX-WE")
        if shift is None:
            tense = self.tense(m, ctx)
            on_weekend = ctx.anchor.isoweekday() >= 6
            # news reports the weekend just past unless the clause looks ahead
            shift = -1 if tense != "future" and not on_weekend else 0
        return self._span(m, "wkend", "DATE", self._unit_value(ctx, "WE", shift))

    def _rule_ago(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: PLR0911 - one early return per reading the shape allows
        unit = self._unit(m.group("ago_u"))
        if unit is None:
            return None
        amount = self._number(m.group("ago_n"))
        word = key(m.group("ago_w"))
        if word in ("later", "after", "before"):
            # annotation convention: "two days after (the vote)" marks only the duration
            value = cal.duration_value(amount, unit)
            if value is None:
                return None
            return [Found(start=m.start("ago"), end=m.end("ago_u"), type="DURATION", value=value)]
        sign = 1 if word in ("later", "after", "from now", "hence") else -1
        anaphoric = word in ("earlier", "before", "later", "after")
        base = self._day_anchor(ctx) if anaphoric else ctx.anchor
        if amount is None or base is None or not float(amount).is_integer():
            return self._span(m, "ago", "DATE", cal.UNDERSPECIFIED.get(unit, "XXXX"))
        steps = int(amount) * sign
        if unit == "Y" and ctx.last_quarter:
            # "a year ago" beside a quarter's figures means that quarter a year before
            year = int(ctx.last_quarter[:4]) + steps
            return [
                attrs.evolve(f, anaphor=True)
                for f in self._span(m, "ago", "DATE", self._period_before(ctx, year))
            ]
        if unit == "D":
            return self._span(m, "ago", "DATE", cal.day_value(base + dt.timedelta(days=steps)))
        if unit in cal.TIME_UNITS:
            # the anchor is a day, not an instant: hours ago still lie on (about) that day
            seconds = {"H": 3600, "MIN": 60, "S": 1}[unit] * steps
            return self._span(m, "ago", "DATE", cal.day_value(base + dt.timedelta(seconds=seconds)))
        value = cal.shift_unit(base, unit, steps)
        return None if value is None else self._span(m, "ago", "DATE", value)

    # ------------------------------------------------------------------ durations and sets
    def _rule_durrel(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: ARG002 - one signature for every rule handler
        unit = self._unit(m.group("durrel_u"))
        if unit is None:
            return None
        value = cal.duration_value(self._number(m.group("durrel_n")), unit)
        return None if value is None else self._span(m, "durrel", "DURATION", value)

    def _rule_dur(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: PLR0911 - one early return per reading the shape allows
        unit = self._unit(m.group("dur_u"))
        if unit is None or self._title_cased(m, "dur"):
            return None
        amount_text = m.group("dur_n")
        if self.lex.lang == "en" and key(m.group("dur_u")) == "second" and key(amount_text) in ("a", "an"):
            follow = _NEXT_WORD.match(ctx.text, m.end(), min(len(ctx.text), m.end() + 20), timeout=TIMEOUT_S)
            if follow is not None and key(follow.group(1)) not in _AFTER_A_SECOND:
                return None  # "a second group", "a second betrayal": the ordinal
        upper = m.group("dur_n2") if "dur_n2" in m.re.groupindex else None
        amount = self._number(upper or amount_text)
        if amount is not None and "dur_half" in m.re.groupindex and m.group("dur_half"):
            amount += 0.5  # "a minute and a half"
        if amount is None and key(amount_text) not in self.lex.vague:
            return None
        if amount is not None and amount_text[:1].isdigit() and amount > 1000:
            return None
        if unit == "Y" and _AGE_BEFORE.search(
            ctx.text, max(0, m.start("dur") - 20), m.start("dur"), timeout=TIMEOUT_S
        ):
            return None  # "mit 16 Jahren", "at 52 years": an age, not a stretch of time
        if (
            unit == "Q"
            and key(amount_text) not in self.lex.vague
            and _OF_AFTER.match(
                ctx.text, m.end("dur"), min(len(ctx.text), m.end("dur") + 4), timeout=TIMEOUT_S
            )
        ):
            return None  # "a quarter of the shares": a fraction ("several quarters of losses" is time)
        if unit == "WE" and amount is not None:
            return self._span(m, "dur", "DURATION", f"P{int(amount)}WE")
        value = cal.duration_value(amount, unit)
        if value is None:
            return None
        found = self._span(m, "dur", "DURATION", value)
        if ctx.text[m.end("dur_n") : m.end("dur_n") + 1] == "-":
            # a hyphenated "two-week" is an adjective: its article belongs to the noun after it
            found = [
                attrs.evolve(f, start=max(f.start, self._after_article(ctx.text, f.start, m.start("dur_n"))))
                for f in found
            ]
        return found

    @staticmethod
    def _after_article(text: str, start: int, limit: int) -> int:
        piece = _ARTICLE.match(text, start, limit, timeout=TIMEOUT_S)
        return piece.end() if piece is not None else start

    def _rule_set(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: ARG002 - one signature for every rule handler
        weekday_word = m.group("set_wd")
        if weekday_word:
            weekday = self._weekday(weekday_word)
            if weekday is None:
                return None
            if "set_im" in m.re.groupindex and m.group("set_im"):
                return self._span(m, "set", "SET", "P1M")  # "jeden ersten Mittwoch im Monat"
            part_word = m.group("set_p") if "set_p" in m.re.groupindex else None
            part = self.lex.parts_of_day.get(key(part_word)) if part_word else None
            return self._span(m, "set", "SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
        if "set_m" in m.re.groupindex and m.group("set_m"):
            month = self._month(m.group("set_m"))
            return None if month is None else self._span(m, "set", "SET", f"XXXX-{month:02d}")
        unit = self._unit(m.group("set_u"))
        if unit is None:
            return None
        amount = self._number(m.group("set_n")) if m.group("set_n") else 1.0
        value = cal.duration_value(amount, unit)
        return None if value is None else self._span(m, "set", "SET", value)

    def _rule_times(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: ARG002 - one signature for every rule handler
        unit = self._unit(m.group("times_u"))
        value = cal.duration_value(1, unit) if unit else None
        return None if value is None else self._span(m, "times", "SET", value)

    def _rule_bare(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:  # noqa: ARG002 - one signature for every rule handler
        unit = self._unit(m.group("bare_u"))
        value = cal.duration_value(None, unit) if unit else None
        return None if value is None else self._span(m, "bare", "DURATION", value)

    def _rule_season(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        season = self.lex.seasons.get(key(m.group("season_s")))
        if season is None or not self.lex.case_ok(m.group("season_s")):
            return None
        rel = m.group("season_rel")
        pre = m.group("season_pre")
        shift = self.lex.relative.get(key(rel)) if rel else (self.lex.relative.get(key(pre)) if pre else None)
        if not (pre or rel or m.group("season_y") or m.group("season_f")):
            return None
        mod = self._fuzzy(m.group("season_f"))
        if m.group("season_y"):
            return self._span(m, "season", "DATE", f"{m.group('season_y')}-{season}", mod)
        if ctx.anchor is None:
            return self._span(m, "season", "DATE", f"XXXX-{season}", mod)
        year = cal.season_year(ctx.anchor, season, shift, self.tense(m, ctx) if shift is None else None)
        return self._span(m, "season", "DATE", f"{year:04d}-{season}", mod)

    def _rule_dx(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        word = m.group("dx_w")
        row: Mapping[str, Any] | None = self.lex.deictic.get(key(word))
        if row is None or not self._deictic_case_ok(word, m, ctx):
            return None
        kind = _TIMEX_TYPES.get(str(row.get("type", "DATE")))
        if kind is None:
            # a row of type NONE marks a phrase that holds a date word without being a
            # date: matching it whole keeps the word from being read on its own
            return None
        resolved = self._deictic_value(row, m, ctx)
        if resolved is None:
            return None
        value, mod, anaphor = resolved
        if row.get("ended") == "duration" and "unit" in row and self._period_end_follows(ctx.text, m.end()):
            # "the year ended Sept. 30" is the twelve months up to that day, not a calendar year
            return self._span(m, "dx", "DURATION", cal.duration_value(1, str(row["unit"])) or "PXY")
        if (
            "head" in row
            and self._word_follows(ctx.text, m.end())
            and self._in_apposition(ctx, m.start("dx"))
        ):
            # "Oct. 12, the day before the crash": the last word governs what follows, and
            # "the day" is the day just named
            head_end = m.start("dx_w") + len(str(row["head"]))
            day = self._day_anchor(ctx)
            return [
                Found(
                    start=m.start("dx"),
                    end=head_end,
                    type="DATE",
                    value=cal.day_value(day) if day else "XXXX-XX-XX",
                    anaphor=True,
                )
            ]
        if "part" in row and "days" in row:
            kind, value = "TIME", f"{value}T{row['part']}"
        found = self._span(m, "dx", kind, value, mod or self._fuzzy(m.group("dx_f")))
        return [attrs.evolve(f, anaphor=True) for f in found] if anaphor else found

    @staticmethod
    def _in_apposition(ctx: Context, start: int) -> bool:
        """Whether only a comma separates ``start`` from the day last mentioned."""
        return ctx.ref_at >= 0 and ctx.text[ctx.ref_at : start].strip() == ","

    @staticmethod
    def _word_follows(text: str, end: int) -> bool:
        """Whether a word (not punctuation or a line end) follows ``end`` on the same line."""
        index = end
        while index < len(text) and text[index] in " \t":
            index += 1
        return index > end and index < len(text) and text[index].isalnum()

    def _deictic_value(  # noqa: PLR0911 - one return per kind of table row
        self, row: Mapping[str, Any], m: regex.Match[str], ctx: Context
    ) -> tuple[str, str | None, bool] | None:
        """A ``date_deictic`` row's value, its own mod, and whether it counts from a quarter."""
        anaphoric = row.get("anchor") == "ref"
        shift = int(row.get("shift", 0))
        mod = str(row["mod"]) if "mod" in row else None
        if "value" in row:
            value = str(row["value"])
            if value.startswith("T") and value[1:2].isdigit():
                day = self._day_anchor(ctx)
                return (cal.day_value(day) if day else "XXXX-XX-XX") + value, mod, False
            return (self._thanksgiving(ctx) if value == "THANKSGIVING" else value), mod, False
        if "days" in row:
            return self._day_offset(ctx, int(row["days"]), anaphoric=anaphoric), mod, False
        if "unit" in row:
            if row["unit"] == "Y" and ctx.last_quarter and shift < 0 and not anaphoric:
                # "year-ago" beside a quarter's figures means that quarter a year before
                return self._period_before(ctx, int(ctx.last_quarter[:4]) + shift), mod, True
            if anaphoric:
                return self._anaphoric_unit_value(ctx, str(row["unit"]), shift), mod, False
            return self._unit_value(ctx, str(row["unit"]), shift), mod, False
        if "month" in row and "day" in row:
            # a holiday's year is read like that of a date without one ("The storm hit on
            # Christmas Eve", written in March, is last December's)
            month, day_of_month = int(row["month"]), int(row["day"])
            found_year = self._year_for(m, ctx, month, day_of_month)
            year = "XXXX" if found_year is None else f"{found_year:04d}"
            return f"{year}-{month:02d}-{day_of_month:02d}", mod, False
        return None

    def _period_end_follows(self, text: str, end: int) -> bool:
        follow = _NEXT_WORD.match(text, end, min(len(text), end + 30), timeout=TIMEOUT_S)
        return follow is not None and key(follow.group(1)) in self.lex.period_ends

    def _thanksgiving(self, ctx: Context) -> str:
        if ctx.anchor is None:
            return "XXXX-11-XX"

        def fourth_thursday(year: int) -> dt.date:
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(4 - first.isoweekday()) % 7 + 21)

        # the nearest one, one ahead counting double (news looks back more than forward)
        anchor = ctx.anchor
        candidates = [fourth_thursday(anchor.year - 1), fourth_thursday(anchor.year)]
        best = min(candidates, key=lambda day: abs((day - anchor).days) * (2 if day > anchor else 1))
        return cal.day_value(best)

    def _deictic_case_ok(self, word: str, m: regex.Match[str], ctx: Context) -> bool:
        """Table case, except that a sentence may start with a capital ("Morgen beginnt ...")."""
        if self.lex.case_ok(word):
            forms = self.lex.forms.get(key(word), ())
            if word[:1].isupper() and forms and all(f[:1].islower() for f in forms):
                return self._sentence_initial(ctx.text, m.start("dx"))
            return True
        return False

    @staticmethod
    def _sentence_initial(text: str, start: int) -> bool:
        before = text[max(0, start - 4) : start].rstrip(" \t\"'`„“»«(")
        return not before or before[-1] in ".!?:\n"
