"""Honest historical dates: any integer year, mixed precision, BCE without off-by-one.

Years are stored *astronomically*: year 0 is 1 BCE and year -489 is 490 BCE, as in
ISO 8601 expanded years. Every human-facing form ("490 BCE", "c. 1200", "the 1930s")
goes through :func:`parse_date` and :meth:`HistoricalDate.label`, so the conversion
lives in one place.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from enum import Enum
from functools import total_ordering

__all__ = [
    "DateError",
    "HistoricalDate",
    "Precision",
    "SEASONS",
    "parse_date",
    "from_timelinejs_year",
    "to_timelinejs_year",
]


# The age of the universe with room to spare, and as far ahead as anyone plans.
MAX_YEARS_AGO = 100_000_000_000
MAX_YEAR = 1_000_000_000


class DateError(ValueError):
    """A date that cannot be read; the message says what was expected."""


@total_ordering
class Precision(Enum):
    """How much of a date is known, coarsest first (the order is used for sorting)."""

    BILLION_YEARS = "billion_years"
    MILLION_YEARS = "million_years"
    MILLENNIUM = "millennium"
    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"

    @property
    def rank(self) -> int:
        return _PRECISION_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Precision):
            return NotImplemented
        return self.rank < other.rank


_PRECISION_ORDER = list(Precision)

# TimeML season codes, with the month each (northern, meteorological) season starts.
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_SEASON_WORDS = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]
_MONTH_WORDS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, start=1):
    _MONTH_WORDS[_name.lower()] = _i
    _MONTH_WORDS[_name[:3].lower()] = _i
_MONTH_WORDS["sept"] = 9


def _is_leap(year: int) -> bool:
    """Proleptic Gregorian leap year rule, valid for astronomical years incl. <= 0."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return calendar.mdays[month]


@dataclass(frozen=True, slots=True)
class HistoricalDate:
    """A point in history known to a given precision.

    ``year`` is astronomical (0 = 1 BCE). For decade/century/millennium precision it is
    the first year of the period (1930 for "the 1930s"; 1401 for "the 15th century").
    ``season`` is a TimeML code (SP, SU, FA, WI) for season precision.
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    precision: Precision | None = None
    approximate: bool = False
    season: str | None = field(default=None)

    def __post_init__(self) -> None:
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            raise DateError(f"year must be an integer, got {self.year!r}")
        if not -MAX_YEARS_AGO <= self.year <= MAX_YEAR:
            # Beyond these, exports (plots, XML dates, floats) stop meaning anything.
            raise DateError(f"year out of range (at most {MAX_YEARS_AGO:,} years ago or "
                            f"{MAX_YEAR:,} CE)")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month must be 1-12, got {self.month}")
        if self.day is not None:
            if self.month is None:
                raise DateError("a day needs a month")
            limit = days_in_month(self.year, self.month)
            if not 1 <= self.day <= limit:
                raise DateError(
                    f"day must be 1-{limit} for {MONTH_NAMES[self.month - 1]} "
                    f"{_era_year(self.year)}, got {self.day}"
                )
        if self.hour is not None and not 0 <= self.hour <= 23:
            raise DateError(f"hour must be 0-23, got {self.hour}")
        if self.minute is not None and not 0 <= self.minute <= 59:
            raise DateError(f"minute must be 0-59, got {self.minute}")
        if self.season is not None and self.season not in SEASONS:
            raise DateError(f"season must be one of {', '.join(SEASONS)}, got {self.season!r}")
        finest = _implied_precision(self.month, self.day, self.hour, self.minute, self.season)
        if self.precision is None:
            object.__setattr__(self, "precision", finest)
        elif not isinstance(self.precision, Precision):
            object.__setattr__(self, "precision", Precision(self.precision))
        p = self.precision
        if p <= Precision.YEAR and finest is not Precision.YEAR:
            raise DateError(f"{p.value} precision cannot carry a month, day, season or time")
        if p > Precision.YEAR and p is not finest and not (
                p is Precision.HOUR and finest is Precision.MINUTE):
            raise DateError(f"{p.value} precision does not match the fields given")

    # -- constructors -------------------------------------------------------------
    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None,
           hour: int | None = None, minute: int | None = None, *,
           approximate: bool = False) -> "HistoricalDate":
        """A date whose precision is the finest field given."""
        return cls(year, month, day, hour, minute, None, approximate)

    @classmethod
    def bce(cls, year: int, **kwargs) -> "HistoricalDate":
        """``HistoricalDate.bce(490)`` is 490 BCE (astronomical year -489)."""
        if year < 1:
            raise DateError(f"a BCE year must be 1 or more, got {year}")
        return cls.of(1 - year, **kwargs)

    # -- views --------------------------------------------------------------------
    @property
    def is_bce(self) -> bool:
        return self.year <= 0

    @property
    def era_year(self) -> int:
        """The year as people write it (490 for 490 BCE)."""
        return _era_year(self.year)

    def sort_key(self) -> tuple:
        """Exact order: by start instant, coarser precision first at equal starts."""
        month = self.month or (SEASONS[self.season] if self.season else 0)
        return (
            self.year,
            month,
            self.day or 0,
            -1 if self.hour is None else self.hour,
            -1 if self.minute is None else self.minute,
            self.precision.rank,
            self.approximate,  # exact before "circa" at the same start: keeps the order total
        )

    def __lt__(self, other: "HistoricalDate") -> bool:
        if not isinstance(other, HistoricalDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: "HistoricalDate") -> bool:
        return self == other or self < other

    def __gt__(self, other: "HistoricalDate") -> bool:
        if not isinstance(other, HistoricalDate):
            return NotImplemented
        return other < self

    def __ge__(self, other: "HistoricalDate") -> bool:
        return self == other or self > other

    @property
    def position(self) -> float:
        """Decimal year of the start, for plotting (2024-07-02 is about 2024.5)."""
        month = self.month or (SEASONS[self.season] if self.season else None)
        if month is None:
            return float(self.year)
        days_year = 366 if _is_leap(self.year) else 365
        doy = sum(days_in_month(self.year, m) for m in range(1, month)) + (self.day or 1) - 1
        fraction = doy + ((self.hour or 0) * 60 + (self.minute or 0)) / 1440
        return self.year + fraction / days_year

    def end_position(self) -> float:
        """Decimal year where the period this date names ends (exclusive)."""
        span = {
            Precision.BILLION_YEARS: 1e9, Precision.MILLION_YEARS: 1e6,
            Precision.MILLENNIUM: 1000, Precision.CENTURY: 100, Precision.DECADE: 10,
            Precision.YEAR: 1,
        }.get(self.precision)
        if span is not None:
            return self.year + span
        if self.precision is Precision.SEASON:
            return self.position + 0.25
        if self.precision is Precision.MONTH:
            return self.position + days_in_month(self.year, self.month) / (366 if _is_leap(self.year) else 365)
        if self.precision is Precision.DAY:
            return self.position + 1 / (366 if _is_leap(self.year) else 365)
        return self.position

    def isoformat(self) -> str:
        """The machine form stored in story files; :func:`parse_date` reads it back.

        ISO 8601 with astronomical years ("-0489" is 490 BCE) where ISO can say it;
        "1930s", "15th century", "summer 1939" otherwise; "c. " marks approximation.
        """
        p = self.precision
        if p in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM):
            text = self.label(approx=False)
        elif p is Precision.SEASON:
            text = f"{_iso_year(self.year)}-{self.season}"
        elif p in (Precision.MILLION_YEARS, Precision.BILLION_YEARS):
            text = _deep_time_label(self.year)
        elif p is Precision.YEAR:
            text = _iso_year(self.year)
        elif p is Precision.MONTH:
            text = f"{_iso_year(self.year)}-{self.month:02d}"
        elif p is Precision.DAY:
            text = f"{_iso_year(self.year)}-{self.month:02d}-{self.day:02d}"
        else:
            text = (f"{_iso_year(self.year)}-{self.month:02d}-{self.day:02d}"
                    f"T{self.hour or 0:02d}:{self.minute or 0:02d}")
        return f"c. {text}" if self.approximate else text

    def label(self, *, approx: bool = True) -> str:
        """The human form: "490 BCE", "11 May 1939", "the 1930s", "c. 1200"."""
        p = self.precision
        year = _year_label(self.year)
        if p is Precision.BILLION_YEARS or p is Precision.MILLION_YEARS:
            text = _deep_time_label(self.year)
        elif p is Precision.MILLENNIUM:
            n = _ordinal_period(self.year, 1000)
            text = f"{_ordinal(abs(n))} millennium" + (" BCE" if n < 0 else "")
        elif p is Precision.CENTURY:
            n = _ordinal_period(self.year, 100)
            text = f"{_ordinal(abs(n))} century" + (" BCE" if n < 0 else "")
        elif p is Precision.DECADE:
            if self.year > 0:
                text = f"{self.year}s"
            else:
                # Astronomical -199..-190 is 200-191 BCE: "the 190s BCE".
                text = f"{_era_year(self.year + 9)}s BCE"
        elif p is Precision.YEAR:
            text = year
        elif p is Precision.SEASON:
            text = f"{_SEASON_NAMES[self.season]} {year}"
        elif p is Precision.MONTH:
            text = f"{MONTH_NAMES[self.month - 1]} {year}"
        elif p is Precision.DAY:
            text = f"{self.day} {MONTH_NAMES[self.month - 1]} {year}"
        else:
            text = f"{self.day} {MONTH_NAMES[self.month - 1]} {year}, {self.hour or 0:02d}:{self.minute or 0:02d}"
        return f"c. {text}" if (approx and self.approximate) else text

    def __str__(self) -> str:
        return self.label()


def _era_year(year: int) -> int:
    return year if year > 0 else 1 - year


def _iso_year(year: int) -> str:
    if 0 <= year <= 9999:
        return f"{year:04d}"
    if year < 0:
        return f"-{-year:04d}"
    return f"+{year}"


def _year_label(year: int) -> str:
    if year > 0:
        return str(year) if year < 10_000 else f"{year:,} CE"
    era = 1 - year
    return f"{era} BCE" if era < 10_000 else f"{era:,} BCE"


def _deep_time_label(year: int) -> str:
    ago = 1950 - year  # "before present" as geologists count it
    if ago >= 1e9:
        return f"{ago / 1e9:g} billion years ago"
    return f"{ago / 1e6:g} million years ago"


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _ordinal_period(first_year: int, size: int) -> int:
    """1401 -> 15 (15th century); -499 (500 BCE) -> -5 (5th century BCE)."""
    if first_year > 0:
        return (first_year - 1) // size + 1
    return -((1 - first_year - 1) // size + 1)


def _period_start(n: int, size: int, bce: bool) -> int:
    """Astronomical first year of the nth century/millennium, CE or BCE."""
    if not bce:
        return (n - 1) * size + 1
    # The 5th century BCE runs 500-401 BCE: its first year is 500 BCE.
    return 1 - n * size


def _implied_precision(month, day, hour, minute, season) -> Precision:
    if minute is not None or hour is not None:
        return Precision.MINUTE
    if day is not None:
        return Precision.DAY
    if month is not None:
        return Precision.MONTH
    if season is not None:
        return Precision.SEASON
    return Precision.YEAR


# -- TimelineJS ----------------------------------------------------------------------

def from_timelinejs_year(year: int) -> int:
    """TimelineJS counts BCE as negative historical years: -490 is 490 BCE (-489)."""
    if year == 0:
        raise DateError("TimelineJS has no year 0: use -1 for 1 BCE or 1 for 1 CE")
    return year + 1 if year < 0 else year


def to_timelinejs_year(year: int) -> int:
    """Astronomical year -> TimelineJS year (-489 -> -490)."""
    return year - 1 if year <= 0 else year


def __getattr__(name: str):
    """``parse_date`` lives in :mod:`timeline.date_parse` (imported on first use, since
    that module builds on the types here); ``from timeline.dates import parse_date`` works."""
    if name == "parse_date":
        from .date_parse import parse_date
        globals()["parse_date"] = parse_date  # later look-ups skip this hook
        return parse_date
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
