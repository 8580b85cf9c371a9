"""The date an embed prints under a post, in the embed's own language, normalized to ISO 8601.

An embed writes its date in the reader's language, not the post's: ``March 14, 2025``,
``14. März 2025``, ``17 de abril de 2020``, ``16 мая 2018 г.``, ``2018年6月6日``, and Bluesky adds
a time (``May 13, 2026 at 1:43 PM``). Month names and the small words between the parts come
from the ``post_months`` and ``post_date_words`` tables of every language, so a plugin that
adds a language's table makes its embed dates readable.
"""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from quotekit import _compiled
from quotekit._regex import TIMEOUT_S
from quotekit.lang import LanguageData

__all__ = ["EmbedDate", "EmbedDateParser"]


@attrs.frozen(kw_only=True)
class EmbedDate:
    """A date found at the start of a string: ISO ``value`` and the ``end`` of its text."""

    value: str
    end: int


def _alternation(words: set[str]) -> str:
    # Longest first, so "Sept" wins over "Sep" and "März" over "Mär".
    return "|".join(regex.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


class EmbedDateParser:
    """Reads an embed's date at the start of a string (see :meth:`match`)."""

    def __init__(self, data: LanguageData) -> None:
        self._months: dict[str, int] = {}
        between: set[str] = set()
        after: set[str] = set()
        time_words: set[str] = set()
        for lang in data.languages:
            for row in data.table(lang, "post_months"):
                if not isinstance(row, str) and isinstance(row.get("name"), str):
                    self._months[row["name"].casefold()] = int(row["month"])
            for row in data.table(lang, "post_date_words"):
                if isinstance(row, str) or not isinstance(row.get("word"), str):
                    continue
                {"between": between, "after": after, "time": time_words}.get(row.get("kind", ""), set()).add(
                    row["word"]
                )
        month = _alternation(set(self._months)) or r"(?!)"
        filler = rf"(?:(?:{_alternation(between)})\s+)?" if between else ""
        suffix = rf"(?:\s*(?:{_alternation(after)})(?!\w))?" if after else ""
        connector = rf"(?:\s*(?:,|·|{_alternation(time_words)})?)" if time_words else r"(?:\s*[,·]?)"
        time = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<half>[AaPp]\.?\s?[Mm]\.?)(?!\w))?"
        day = r"(?P<day>\d{1,2})"
        year = r"(?P<year>\d{4})"
        month_name = rf"(?P<month>{month})(?!\w)\.?"
        self._patterns = [
            _compiled.compile(rf"{month_name}\s*{day}(?:st|nd|rd|th)?,?\s+{year}(?!\d)", regex.I),
            _compiled.compile(rf"{day}\.?\s*{filler}{month_name},?\s+{filler}{year}(?!\d){suffix}", regex.I),
            _compiled.compile(
                r"(?P<year>\d{4})\s*[年년]\s*(?P<monthnum>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
            ),
            _compiled.compile(rf"{year}\.\s*{month_name}\s*{day}\.?", regex.I),
            _compiled.compile(r"(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})(?!\d)"),
        ]
        self._time_after = _compiled.compile(rf"{connector}\s*{time}", regex.I)
        self._time_before = _compiled.compile(rf"{time}\s*[·,]?\s*", regex.I)

    def match(self, text: str, start: int = 0, end: int | None = None) -> EmbedDate | None:
        """The date beginning at ``text[start]``, with a time when one follows; None if none.

        The ``value`` is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``; impossible dates are rejected.
        Nothing at or after ``end`` is read.
        """
        stop = len(text) if end is None else end
        time_first = self._time_before.match(text, start, stop, timeout=TIMEOUT_S)
        if time_first:
            found = self._date(text, time_first.end(), stop)
            if found is not None:
                return EmbedDate(value=found[0] + self._clock(time_first), end=found[1])
        found = self._date(text, start, stop)
        if found is None:
            return None
        value, date_end = found
        time_after = self._time_after.match(text, date_end, stop, timeout=TIMEOUT_S)
        if time_after:
            clock = self._clock(time_after)
            if clock:
                return EmbedDate(value=value + clock, end=time_after.end())
        return EmbedDate(value=value, end=date_end)

    def _date(self, text: str, start: int, stop: int) -> tuple[str, int] | None:
        for pattern in self._patterns:
            match = pattern.match(text, start, stop, timeout=TIMEOUT_S)
            if match is None:
                continue
            groups = match.groupdict()
            month = (
                int(groups["monthnum"])
                if groups.get("monthnum")
                else self._months.get(match.group("month").casefold(), 0)
            )
            try:
                date = dt.date(int(match.group("year")), month, int(match.group("day")))
            except ValueError:
                continue
            return date.isoformat(), match.end()
        return None

    @staticmethod
    def _clock(match: regex.Match[str]) -> str:
        hour, minute = int(match.group("hour")), int(match.group("minute"))
        half = (match.group("half") or "").replace(".", "").replace(" ", "").lower()
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return ""
        return f"T{hour:02d}:{minute:02d}"
