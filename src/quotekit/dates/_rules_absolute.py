"""Rule handlers for calendar expressions: dates, months, years, quarters, decades, centuries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from quotekit._regex import TIMEOUT_S
from quotekit.dates import _calendar as cal
from quotekit.dates._found import (
    _FOLLOWING_WORD,
    _NOT_A_YEAR_BEFORE,
    _OF_AFTER,
    Context,
    Found,
)
from quotekit.dates._lexicon import key
from quotekit.dates._resolver_base import ResolverBase

if TYPE_CHECKING:
    from quotekit.dates._calendar import Tense


class AbsoluteRules(ResolverBase):
    """Handlers of the rules that name a point or stretch of the calendar."""

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
