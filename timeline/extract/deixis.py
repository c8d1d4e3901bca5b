"""Deictic dates in news, read against the publication date and the clause's tense.

A news report's "three years ago", "earlier this year", "on Friday" and "in July" point
from the day it was published, whatever year the story last mentioned ("independence
in 1957 ... the scandal erupted three years ago" is three years before publication).
The tagger may anchor such words to the narrative when a text mentions many years; for
an article with a publication date, extraction re-reads them here: past tense looks
back (the most recent Friday, the last July), the future looks ahead.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..dates import HistoricalDate

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_AGO = re.compile(r"^(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                  r"eleven|twelve)\s+(?P<unit>year|month|week|day)s?\s+ago$", re.I)
_THIS = re.compile(r"^(?:(?:earlier|later)\s+)?(?P<which>this|last|next)\s+(?P<unit>year|month)$",
                   re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_WEEKDAY = re.compile(r"^(?P<day>" + "|".join(_WEEKDAYS) + r")(?:['’]s)?"
                      r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)
_MONTH = re.compile(r"^(?:early\s+|late\s+|mid-?)?(?P<month>" + "|".join(_MONTHS) + r")$", re.I)
_FUTURE = re.compile(r"\b(?:will|’ll|'ll|shall|is|are)\s+(?:\w+\s+)?(?:expected|due|set|"
                     r"scheduled|going|planned|poised|likely)\b|\bwill\b|\bto be held\b|"
                     r"\b(?:plans?|intends?|aims?)\s+to\b|\btakes office\b|\bupcoming\b|"
                     r"\bahead of\b", re.I)


def _date(d: dt.date, precision: str) -> HistoricalDate:
    if precision == "year":
        return HistoricalDate.of(d.year)
    if precision == "month":
        return HistoricalDate.of(d.year, d.month)
    return HistoricalDate.of(d.year, d.month, d.day)


def _future(clause: str) -> bool:
    return bool(_FUTURE.search(clause))


def reread(timex, text: str, published: HistoricalDate | None, clause: str):
    """The timex with its date re-read against ``published``, or unchanged."""
    if published is None or published.day is None or timex.type not in ("DATE", "TIME"):
        return timex
    words = " ".join(timex.text.split())
    dct = dt.date(published.year, published.month, published.day)
    date = None
    m = _AGO.match(words)
    if m and timex.anchor != "dct":
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n").lower()]
        unit = m.group("unit").lower()
        if unit == "year":
            date = HistoricalDate.of(dct.year - n)
        elif unit == "month":
            y, mo = divmod(dct.year * 12 + dct.month - 1 - n, 12)
            date = HistoricalDate.of(y, mo + 1)
        else:
            date = _date(dct - dt.timedelta(days=n * (7 if unit == "week" else 1)), "day")
    m = m or None
    if date is None and (m := _THIS.match(words)) and timex.anchor != "dct":
        shift = {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
        if m.group("unit").lower() == "year":
            date = HistoricalDate.of(dct.year + shift)
        else:
            y, mo = divmod(dct.year * 12 + dct.month - 1 + shift, 12)
            date = HistoricalDate.of(y, mo + 1)
    if date is None and (m := _WEEKDAY.match(words)) and (timex.date is None or timex.anchor != "dct"):
        target = _WEEKDAYS.index(m.group("day").lower())
        if _future(clause):
            delta = (target - dct.weekday()) % 7
        else:
            delta = -((dct.weekday() - target) % 7)
        date = _date(dct + dt.timedelta(days=delta), "day")
    if date is None and (m := _MONTH.match(words)):
        month = _MONTHS.index(m.group("month").lower()) + 1
        year = dct.year
        if _future(clause):
            year += month < dct.month
        else:
            year -= month > dct.month
        candidate = HistoricalDate.of(year, month)
        if timex.date is None or timex.anchor != "absolute":
            date = candidate
    if date is None or date == timex.date:
        return timex
    return replace(timex, date=date, end_date=None, anchor="dct")
