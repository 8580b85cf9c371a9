"""What resolution produces and walks with (:class:`Found`, :class:`Context`).

The text helpers the resolver's parts share live here too.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S
from quotekit.model import TIMEX_TYPES, TimexType

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quotekit.dates._calendar import Tense
    from quotekit.dates._sentences import Sentences


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
#: The cheap look-behind first: inside a word it fails before the long one is tried.
_ENGLISH_PAST = regex.compile(
    r"(?<![\w])(?<!\b(?:be|been|being|is|are|am|to|will|would|not)\s+)(\w{3,}ed)(?![\w])", regex.IGNORECASE
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


#: Words after which a word of plans (expected, planned, forecast) compares, not announces.
_COMPARING_WORDS: Final = frozenset({"than", "as"})


def _after_comparison(text: str, position: int) -> bool:
    """Whether "than" or "as" stands right before ``position`` (fell more than expected)."""
    return _word_before(text, position).casefold() in _COMPARING_WORDS


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
#: each call arms a regex timeout, but the alternation tries its branches of every rule, and
#: on the dates dev corpus one to nine rules cost less alone (three: 12 us against 32 us an
#: attempt; ten: 24 against 18; the opener "the", 28 rules: 82 against 37).
_SEPARATE_RULES: Final = 9
#: No temporal expression is longer than this many characters.
_LONGEST_EXPRESSION: Final = 240
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
    sentences: Sentences | None = None
