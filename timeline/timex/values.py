"""TimeML TIMEX3 value strings, and calendar arithmetic valid for any year.

BCE years follow the TIDES/TIMEX2 convention that TimeML corpora (WikiWars included)
use: ``BC0490`` is 490 BCE (the era year, not the astronomical one, which lives in
``HistoricalDate.year`` as -489). Decades and centuries are written by their leading
digits: ``193`` (the 1930s), ``19`` (the 20th century, 1901-2000 by ordinal count,
1900-1999 by TimeML's digit convention), ``BC047`` (the 470s BCE).
"""
from __future__ import annotations

import datetime as _dt

from ..dates import DateError, HistoricalDate, Precision, days_in_month

_CYCLE_DAYS = 146_097  # days in 400 Gregorian years: calendars repeat every 400 years


def year_value(year: int) -> str:
    """Astronomical year -> '1939', 'BC0490' (year -489), '0033'."""
    if year <= 0:
        return f"BC{1 - year:04d}"
    if year > 9999:
        return f"+{year}"
    return f"{year:04d}"


def decade_value(first_year: int) -> str:
    """1930 -> '193'; the 470s BCE (astronomical -478, first year 479 BCE) -> 'BC047'."""
    if first_year > 0:
        return str(first_year // 10)
    last_era = 1 - (first_year + 9)  # the round year that names a BCE decade
    return f"BC{last_era // 10:03d}"


def century_value(first_year: int) -> str:
    """The 15th century (first year 1401) -> '14'; 4th century BCE (-399) -> 'BC03'."""
    if first_year > 0:
        return f"{(first_year - 1) // 100:02d}"
    era_first = 1 - first_year  # 400 for the 4th century BCE
    return f"BC{(era_first - 1) // 100:02d}"


def millennium_value(first_year: int) -> str:
    if first_year > 0:
        return str((first_year - 1) // 1000)
    return f"BC{(1 - first_year - 1) // 1000}"


def date_value(d: HistoricalDate) -> str:
    """The TIMEX3 value of a HistoricalDate (no time zone)."""
    p = d.precision
    if p is Precision.DECADE:
        return decade_value(d.year)
    if p is Precision.CENTURY:
        return century_value(d.year)
    if p is Precision.MILLENNIUM:
        return millennium_value(d.year)
    y = year_value(d.year)
    if p is Precision.YEAR or p in (Precision.MILLION_YEARS, Precision.BILLION_YEARS):
        return y
    if p is Precision.SEASON:
        return f"{y}-{d.season}"
    if p is Precision.MONTH:
        return f"{y}-{d.month:02d}"
    if p is Precision.DAY:
        return f"{y}-{d.month:02d}-{d.day:02d}"
    return f"{y}-{d.month:02d}-{d.day:02d}T{d.hour or 0:02d}:{d.minute or 0:02d}"


# -- day arithmetic for any astronomical year ----------------------------------------

def _shift_cycles(year: int) -> int:
    """How many 400-year cycles to add to bring ``year`` into datetime's 1..9999."""
    if year >= 1:
        return 0 if year <= 9999 else -((year - 9000) // 400 + 1)
    return (1 - year) // 400 + 1


def to_ordinal(year: int, month: int, day: int) -> int:
    """Proleptic Gregorian day number, extended to years outside 1..9999."""
    k = _shift_cycles(year)
    if month < 1 or month > 12 or day < 1 or day > days_in_month(year, month):
        raise DateError(f"no such day: {year}-{month}-{day}")
    return _dt.date(year + 400 * k, month, day).toordinal() - k * _CYCLE_DAYS


def from_ordinal(n: int) -> tuple[int, int, int]:
    k = 0
    if n < 1:
        k = (1 - n) // _CYCLE_DAYS + 1
    elif n > _dt.date.max.toordinal():
        k = -((n - _dt.date.max.toordinal()) // _CYCLE_DAYS + 1)
    d = _dt.date.fromordinal(n + k * _CYCLE_DAYS)
    return d.year - 400 * k, d.month, d.day


def add_days(year: int, month: int, day: int, n: int) -> tuple[int, int, int]:
    return from_ordinal(to_ordinal(year, month, day) + n)


def weekday(year: int, month: int, day: int) -> int:
    """ISO weekday, Monday = 1."""
    return (to_ordinal(year, month, day) - 1) % 7 + 1


def iso_week(year: int, month: int, day: int) -> tuple[int, int]:
    """(ISO week-numbering year, week number)."""
    n = to_ordinal(year, month, day)
    thursday = n + 4 - ((n - 1) % 7 + 1)
    ty, _, _ = from_ordinal(thursday)
    first = to_ordinal(ty, 1, 1)
    return ty, (thursday - first) // 7 + 1


def week_value(year: int, month: int, day: int) -> str:
    wy, wn = iso_week(year, month, day)
    return f"{year_value(wy)}-W{wn:02d}"


def week_bounds(year: int, month: int, day: int) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """Monday and Sunday of the ISO week holding the day."""
    n = to_ordinal(year, month, day)
    monday = n - ((n - 1) % 7)
    return from_ordinal(monday), from_ordinal(monday + 6)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def easter(year: int) -> tuple[int, int]:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm), month and day."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return month, day


def nth_weekday(year: int, month: int, iso_wd: int, n: int) -> int:
    """Day of the month of the nth given weekday (Thanksgiving: 4th Thursday)."""
    first = weekday(year, month, 1)
    return 1 + (iso_wd - first) % 7 + 7 * (n - 1)


def duration_value(number: float | None, designator: str, is_time: bool) -> str:
    """(2, 'Y') -> 'P2Y'; (None, 'D') -> 'PXD'; (3, 'H', time) -> 'PT3H'; 1.5 years -> P18M."""
    if number is None:
        n = "X"
    elif number != int(number):
        n = f"{number:g}"  # ISO 8601 allows a decimal fraction: P1.5Y
    else:
        n = str(int(number))
    return f"PT{n}{designator}" if is_time else f"P{n}{designator}"
