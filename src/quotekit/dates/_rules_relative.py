"""Rule handlers for times of day, weekdays, relative and deictic expressions, durations and sets."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import regex

from quotekit._regex import TIMEOUT_S
from quotekit.dates import _calendar as cal
from quotekit.dates._found import (
    _AFTER_A_SECOND,
    _AGE_BEFORE,
    _EVENT_CLAUSE_OPENERS,
    _MONTH_CONTEXT_BEFORE,
    _NEXT_WORD,
    _OF_AFTER,
    _SENTENCE_MARKS,
    _TIME_REF_REACH,
    _TIMEX_TYPES,
    Context,
    Found,
)
from quotekit.dates._lexicon import key
from quotekit.dates._resolver_base import ResolverBase

if TYPE_CHECKING:
    from collections.abc import Mapping


class RelativeRules(ResolverBase):
    """Handlers of the rules read against an anchor: clock times, weekdays, "last week", spans."""

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

    def _rule_relwd(self, m: regex.Match[str], ctx: Context, rule: str = "relwd") -> list[Found] | None:
        weekday = self._weekday(m.group(f"{rule}_wd"))
        relative = key(m.group(f"{rule}_rel"))
        shift = self.lex.relative.get(relative)
        if weekday is None or shift is None:
            return None
        base = ctx.ref if relative in self.lex.anaphoric_relative and ctx.ref else None
        if base is not None and shift:
            # "the previous Friday": the one before the day last mentioned
            step = dt.timedelta(days=1 if shift > 0 else -1)
            day = cal.weekday_near(base + step, weekday, "future" if shift > 0 else "past")
            return self._span(m, rule, "DATE", cal.day_value(day))
        return self._span(m, rule, "DATE", self._weekday_value(m, ctx, weekday, shift))

    def _rule_wdrel(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        """The relative word after the weekday (French mardi dernier): read as relwd."""
        return self._rule_relwd(m, ctx, "wdrel")

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

    def _rule_relm(self, m: regex.Match[str], ctx: Context, rule: str = "relm") -> list[Found] | None:
        month = self._month(m.group(f"{rule}_m"))
        shift = self.lex.relative.get(key(m.group(f"{rule}_rel")))
        if month is None or shift is None:
            return None
        day_text = m.group(f"{rule}_d") if f"{rule}_d" in m.re.groupindex else None
        if ctx.anchor is None:
            value = f"XXXX-{month:02d}" + (f"-{int(day_text):02d}" if day_text else "")
            return self._span(m, rule, "DATE", value)
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
            return None if when is None else self._span(m, rule, "DATE", cal.day_value(when))
        return self._span(
            m, rule, "DATE", cal.month_value(cal.month_year(ctx.anchor, month, shift, None), month)
        )

    def _rule_dmrel(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        """A day and month with the relative word after them (French le 3 février dernier)."""
        return self._rule_relm(m, ctx, "dmrel")

    def _rule_mthrel(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        """The relative word after the month (French mars prochain): read as relm."""
        return self._rule_relm(m, ctx, "mthrel")

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

    def _rule_relu(self, m: regex.Match[str], ctx: Context, rule: str = "relu") -> list[Found] | None:  # noqa: PLR0911 - one early return per reading the shape allows
        unit = self._unit(m.group(f"{rule}_u"))
        shift = self.lex.relative.get(key(m.group(f"{rule}_rel")))
        if unit is None or shift is None or self._title_cased(m, rule):
            return None
        mod = self._fuzzy(m.group(f"{rule}_f"))
        if key(m.group(f"{rule}_u")) in self.lex.plural_units:
            # "in recent years", "in den kommenden Jahren": a vague stretch before or after now
            if key(m.group(f"{rule}_rel")) in self.lex.relative_durations:
                return self._span(m, rule, "DURATION", cal.duration_value(None, unit) or "PXY")
            if shift == 0:
                return self._span(m, rule, "DATE", "PRESENT_REF")
            return self._span(m, rule, "DATE", "PAST_REF" if shift < 0 else "FUTURE_REF")
        if unit in ("H", "MIN", "S"):
            return None
        if unit == "Q" and ctx.last_quarter and shift == 0:
            return self._span(m, rule, "DATE", ctx.last_quarter, mod)
        if key(m.group(f"{rule}_rel")) in self.lex.anaphoric_relative:
            # "the following year", "im folgenden Jahr": from the last date mentioned
            return self._span(m, rule, "DATE", self._anaphoric_unit_value(ctx, unit, shift), mod)
        if unit == "Y" and shift < 0 and ctx.last_quarter and self._after_figure(ctx.text, m.start(rule)):
            # "compared with $3 million last year": the reported period a year back
            year = int(ctx.last_quarter[:4]) + shift
            found = self._span(m, rule, "DATE", self._period_before(ctx, year))
            return [attrs.evolve(f, anaphor=True) for f in found]
        value = self._unit_value(ctx, unit, shift)
        return self._span(m, rule, "DATE", value, mod)

    def _rule_urel(self, m: regex.Match[str], ctx: Context) -> list[Found] | None:
        """The relative word after the unit (French la semaine dernière): read as relu."""
        return self._rule_relu(m, ctx, "urel")

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
