"""Calendar arithmetic and TIMEX3 value formatting (ISO 8601 with TimeML's extensions)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final, Literal, TypeAlias

Tense: TypeAlias = Literal["past", "future"]

#: TimeML duration letters per unit; time units go after the ``T``.
DURATION_UNITS: Final = {
    "Y": "Y",
    "M": "M",
    "W": "W",
    "D": "D",
    "DE": "DE",
    "CE": "CE",
    "Q": "Q",
    "WE": "WE",
    "HY": "M",
}
TIME_UNITS: Final = {"H": "H", "MIN": "M", "S": "S"}
SEASON_OF_MONTH: Final = {
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
    12: "WI",
}
SEASON_ORDER: Final = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


def day_value(day: dt.date) -> str:
    """``2025-03-14``."""
    return day.isoformat()


def week_value(day: dt.date) -> str:
    """The ISO week holding ``day``: ``2025-W11``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """``2025-03``."""
    return f"{year:04d}-{month:02d}"


def quarter_of(day: dt.date) -> int:
    """The quarter (1-4) holding ``day``."""
    return (day.month - 1) // 3 + 1


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` when the numbers do not make one (31 February, month 13)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The ``weekday`` (1 = Monday) nearest ``anchor`` in the direction news usage implies.

    Reported past (and unmarked news text) means the most recent such day, the anchor day
    included ("said Friday" in Friday's paper); future context means the next one.
    """
    if tense == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.isoweekday() - weekday) % 7)


def shift_unit(anchor: dt.date, unit: str, shift: int) -> str | None:  # noqa: PLR0911 - one return per unit
    """The value of the calendar ``unit`` holding ``anchor`` moved by ``shift`` units."""
    if unit == "D":
        return day_value(anchor + dt.timedelta(days=shift))
    if unit in ("W", "WE"):
        moved = anchor + dt.timedelta(weeks=shift)
        return week_value(moved) + ("-WE" if unit == "WE" else "")
    if unit == "M":
        moved = add_months(anchor, shift)
        return month_value(moved.year, moved.month)
    if unit == "Y":
        return f"{anchor.year + shift:04d}"
    if unit == "Q":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + shift
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "HY":
        index = anchor.year * 2 + (anchor.month - 1) // 6 + shift
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "DE":
        return f"{anchor.year // 10 + shift:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + shift:02d}"
    return None


#: Values for a calendar unit when no anchor is known (TimeML's underspecified forms).
UNDERSPECIFIED: Final = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Y": "XXXX",
    "Q": "XXXX-QX",
    "HY": "XXXX-HX",
    "DE": "XXX",
    "CE": "XX",
}


#: For a fractional amount: the next smaller unit and how many of it make one.
_SMALLER: Final = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "W": ("D", 7)}


def _with_fraction(amount: float, unit: str) -> str | None:
    """Put the fraction of ``amount`` into the next smaller unit: 5.5 hours -> ``PT5H30M``."""
    smaller, per = _SMALLER[unit]
    whole, rest = int(amount), round((amount - int(amount)) * per)
    small = duration_value(rest, smaller) or ""
    if not whole:
        return small
    big = duration_value(whole, unit) or ""
    if "T" in big:
        return big + small.split("T", 1)[1]
    return big + small[1:]


#: Units whose stretches are written in years.
_YEARS_PER: Final = {"DE": 10, "CE": 100}


def duration_value(amount: float | None, unit: str) -> str | None:
    """``P3Y``, ``PT2H``, ``PXW`` (``amount`` ``None`` = vague); ``None`` for unknown units."""
    if amount is not None and not float(amount).is_integer() and unit in _SMALLER:
        return _with_fraction(amount, unit)
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    if unit in TIME_UNITS:
        return f"PT{number}{TIME_UNITS[unit]}"
    if unit == "HY":
        return "PXM" if amount is None else f"P{amount * 6:g}M"
    if unit in _YEARS_PER:
        # TimeML writes stretches of decades and centuries in years ("two decades": P20Y)
        return "PXY" if amount is None else f"P{amount * _YEARS_PER[unit]:g}Y"
    if unit in DURATION_UNITS:
        return f"P{number}{DURATION_UNITS[unit]}"
    return None


def season_year(anchor: dt.date, season: str, shift: int | None, tense: Tense | None) -> int:
    """The year label of a season mentioned near ``anchor`` ("im Sommer", "last fall").

    Winter carries the year it starts in (December 2024 to February 2025 is ``2024-WI``).
    ``shift`` -1/+1 means the last/next such season, 0 the one of the current year; without
    one the nearest, a season behind preferred unless ``tense`` is future.
    """
    current_year = anchor.year - 1 if anchor.month <= 2 else anchor.year
    current = current_year * 4 + SEASON_ORDER[SEASON_OF_MONTH[anchor.month]]
    options = [
        (year, year * 4 + SEASON_ORDER[season] - current)
        for year in range(current_year - 1, current_year + 2)
    ]
    if shift is not None and shift < 0:
        return max(year for year, distance in options if distance < 0)
    if shift is not None and shift > 0:
        return min(year for year, distance in options if distance > 0)
    if shift == 0:
        return current_year
    ahead, behind = (1, 2) if tense == "future" else (2, 1)
    return min(options, key=lambda option: abs(option[1]) * (ahead if option[1] > 0 else behind))[0]


def month_year(anchor: dt.date, month: int, shift: int | None, tense: Tense | None) -> int:
    """The year of a month named without one ("im Juni", "last April", "next May")."""
    if shift is not None and shift < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if shift is not None and shift > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    if shift == 0 or tense is None:
        return anchor.year
    if tense == "past" and month > anchor.month:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    return anchor.year


def day_of(value: str) -> dt.date | None:
    """The calendar day a value starts with (``2025-03-13TEV`` -> 2025-03-13), if it names one."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
