"""Reading dates as people and files write them: :func:`parse_date` ("490 BCE",
"c. 1200", "the 1930s", "1939-05-11"). Split from :mod:`timeline.dates` (which keeps the
date type and re-exports ``parse_date``) so that each module holds one concern.
"""
from __future__ import annotations

import re

from .dates import (MAX_YEARS_AGO, _MONTH_WORDS, _SEASON_WORDS, DateError, HistoricalDate, Precision,
                    _period_start)

__all__ = ["parse_date"]


_APPROX = re.compile(r"^(?:c\.|ca\.|circa|c(?=\s*\d)|~|about|around|approx\.?|approximately)\s*", re.I)
_ERA_SUFFIX = re.compile(r"\s*(B\.?C\.?E\.?|B\.?C\.?|C\.?E\.?|A\.?D\.?)$", re.I)
_ERA_PREFIX = re.compile(r"^(A\.?D\.?)\s+", re.I)
_ISO = re.compile(
    r"^(?P<year>[+-]?\d{1,12})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_ISO_SEASON = re.compile(r"^(?P<year>[+-]?\d{1,12})-(?P<season>SP|SU|FA|WI)$", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(?P<year>\d{1,12}0)'?s$", re.I)
_PERIOD = re.compile(
    r"^(?:the\s+)?(?P<n>\d{1,7})(?:st|nd|rd|th)\s+(?P<unit>century|millennium)$", re.I
)
_DEEP = re.compile(
    r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>billion|million|thousand)\s+years\s+ago$", re.I
)
_TRAILING_TIME = re.compile(r"(?:,\s*|\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})$")
_WORDS = re.compile(r"[A-Za-z]+\.?|\d+(?:st|nd|rd|th)?|,", re.I)


def parse_date(text: str) -> HistoricalDate:
    """Read a date as people and files write it.

    Accepts ISO 8601 with astronomical years ("1939-05-11", "-0489"), partial dates
    ("1939", "1939-05", "May 1939", "11 May 1939", "May 11, 1939"), eras ("490 BCE",
    "AD 33"), approximation ("c. 1200", "circa 1200"), decades ("the 1930s"),
    centuries ("the 15th century", "5th century BCE"), seasons ("summer 1939") and
    deep time ("13.8 billion years ago").
    """
    if not isinstance(text, str):
        raise DateError(f"expected a date as text, got {type(text).__name__}")
    raw = text
    s = " ".join(text.split())
    if not s:
        raise DateError("expected a date, got an empty value")
    if len(s) > 100:
        raise DateError(f"expected a date, got {len(s)} characters of text")
    approximate = False
    m = _APPROX.match(s)
    if m:
        approximate = True
        s = s[m.end():]
    if s.endswith("?"):
        approximate = True
        s = s[:-1].rstrip()
    time = _TRAILING_TIME.search(s)
    if time and not _ISO.match(s):
        s = s[: time.start()]
    try:
        date = _parse_plain(s)
        if date is not None and time and not _ISO.match(s):
            if date.precision is not Precision.DAY:
                raise DateError("a time of day needs a full date")
            date = HistoricalDate.of(date.year, date.month, date.day,
                                     int(time["hour"]), int(time["minute"]))
    except DateError as exc:
        raise DateError(f"{exc} (in {raw!r})") from None
    if date is None:
        raise DateError(
            f"expected a date such as 1939, 1939-05-11, 'May 1939', '490 BCE', "
            f"'c. 1200' or 'the 1930s', got {raw!r}"
        )
    if approximate:
        date = _replace(date, approximate=True)
    return date


def _replace(d: HistoricalDate, **changes) -> HistoricalDate:
    values = {name: getattr(d, name) for name in
              ("year", "month", "day", "hour", "minute", "precision", "approximate", "season")}
    values.update(changes)
    return HistoricalDate(**values)


def _parse_plain(s: str) -> HistoricalDate | None:
    bce = None
    m = _ERA_SUFFIX.search(s)
    if m and m.start() > 0:
        bce = m.group(1).upper().replace(".", "").startswith("B")
        s = s[: m.start()].rstrip()
    else:
        m = _ERA_PREFIX.match(s)
        if m:
            bce = False
            s = s[m.end():]

    if bce is None:
        m = _ISO.match(s)
        if m:
            return _from_iso(m)
        m = _ISO_SEASON.match(s)
        if m:
            return HistoricalDate(int(m["year"]), precision=Precision.SEASON,
                                  season=m["season"].upper())
        m = _DEEP.match(s)
        if m:
            factor = {"billion": 1e9, "million": 1e6, "thousand": 1e3}[m["unit"].lower()]
            ago = float(m["n"]) * factor
            if not ago <= MAX_YEARS_AGO:
                raise DateError(f"year out of range (at most {MAX_YEARS_AGO:,} years ago)")
            precision = (Precision.BILLION_YEARS if ago >= 1e9 else
                         Precision.MILLION_YEARS if ago >= 1e6 else Precision.MILLENNIUM)
            return HistoricalDate(int(round(1950 - ago)), precision=precision)

    m = _DECADE.match(s)
    if m:
        start = int(m["year"])
        if bce:
            # "the 190s BCE" runs 199-190 BCE: astronomical -198 .. -189.
            return HistoricalDate(1 - (start + 9), precision=Precision.DECADE)
        return HistoricalDate(start, precision=Precision.DECADE)
    m = _PERIOD.match(s)
    if m:
        n = int(m["n"])
        if n < 1:
            raise DateError("centuries and millennia count from 1")
        size, precision = ((100, Precision.CENTURY) if m["unit"].lower() == "century"
                           else (1000, Precision.MILLENNIUM))
        return HistoricalDate(_period_start(n, size, bool(bce)), precision=precision)

    if bce is not None and re.fullmatch(r"\d{1,12}", s):
        year = int(s)
        if year < 1:
            raise DateError("there is no year 0 in BCE/CE counting")
        return HistoricalDate.of(1 - year if bce else year)

    return _parse_words(s, bce)


def _from_iso(m: re.Match) -> HistoricalDate:
    year = int(m["year"])
    parts = [int(v) if v is not None else None
             for v in (m["month"], m["day"], m["hour"], m["minute"])]
    return HistoricalDate.of(year, *parts)


def _parse_words(s: str, bce: bool | None) -> HistoricalDate | None:
    """"May 1939", "11 May 1939", "May 11, 1939", "summer 1939", "May 490 BCE"."""
    tokens = [t.rstrip(".").lower() for t in _WORDS.findall(s) if t != ","]
    if not tokens or "".join(_WORDS.findall(s)).replace(",", "") != s.replace(" ", "").replace(",", ""):
        return None
    month = season = day = year = None
    for tok in tokens:
        if tok in _MONTH_WORDS and month is None:
            month = _MONTH_WORDS[tok]
        elif tok in _SEASON_WORDS and season is None:
            season = _SEASON_WORDS[tok]
        elif tok.isdigit() or re.fullmatch(r"\d+(st|nd|rd|th)", tok):
            number = int(re.match(r"\d+", tok).group())
            ordinal = not tok.isdigit()
            if day is None and month is not None and year is None and number <= 31 and (
                    ordinal or len(tokens) == 3):
                day = number
            elif day is None and month is None and year is None and number <= 31 and (
                    ordinal or len(tokens) == 3):
                day = number
            elif year is None and not ordinal:
                year = number
            else:
                return None
        else:
            return None
    if year is None or (month is None and season is None):
        return None
    if bce:
        if year < 1:
            raise DateError("there is no year 0 in BCE/CE counting")
        year = 1 - year
    if season is not None:
        if month is not None or day is not None:
            return None
        return HistoricalDate(year, precision=Precision.SEASON, season=season)
    return HistoricalDate.of(year, month, day)
