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


# "a day before", "two weeks after", "a year later": a duration said against the last date
# the narrative set. The tagger reads the duration alone; the relation is read here.
_DURATION = re.compile(r"^(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"eleven|twelve)\s+(?P<unit>day|week|month|year)s?$", re.I)
_RELATION = re.compile(r"\s+(?P<rel>later|earlier|afterwards?|before|after|prior\s+to)\b"
                       r"(?P<that>\s+(?:that|this|then)\b)?(?P<np>(?:\s+[\w’'-]+){0,4})", re.I)
# "It came a day before a meeting": the subject is the last happening, so the meeting is
# the one the duration dates.
_ANAPHORIC_SUBJECT = re.compile(r"(?:^|[.!?]\s+)(?:it|this|that|the\s+\w+)\s+(?:came|was|happened|"
                                r"occurred|took\s+place|followed|preceded)\s+(?:just\s+|only\s+)?$",
                                re.I)
def _names_last(np: str, text: str, last, t_start: int) -> bool:
    """Whether "after <np>" names the happening the last date was said of: a word of
    the phrase (the attack, the vote) is in that sentence."""
    words = {w for w in re.findall(r"[a-z]{4,}", np.lower())} - {"that", "this", "their", "with"}
    lo = max(0, last.start - 300)
    start = max(text.rfind(". ", lo, last.start), text.rfind("\n", lo, last.start), lo - 1) + 1
    stop = text.find(". ", last.end, last.end + 300)
    around = text[start:min(stop if stop >= 0 else len(text), t_start)].lower()
    return any(re.search(rf"\b{w}", around) for w in words)


_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}
CHAIN_REACH = 400  # characters back to the date a duration counts from


def chain(timexes: list, text: str) -> list:
    """Durations related to the narrative's last date become dates: "a day later" after
    19 December is 20 December; "It came a day before the meeting" dates the meeting
    the day after. A date at a coarser precision than the unit stays unresolved."""
    out, dated = [], []
    for t in timexes:
        if t.type == "DURATION" and dated and t.start - dated[-1].end <= CHAIN_REACH:
            resolved = _chained(t, text, dated)
            if resolved is not None:
                t = resolved
        if t.type in ("DATE", "TIME") and t.date is not None and t.role != "end":
            dated.append(t)
        out.append(t)
    return out


def _chained(t, text: str, dated: list):
    last = dated[-1]
    m, rel = _DURATION.match(" ".join(t.text.split())), _RELATION.match(text, t.end)
    if not m or not rel:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n").lower()]
    unit = m.group("unit").lower()
    word = rel.group("rel").lower()
    forward = word in ("later", "after", "afterward", "afterwards")
    if (word in ("before", "after") or word.startswith("prior")) and not rel.group("that"):
        if _ANAPHORIC_SUBJECT.search(text, max(0, t.start - 60), t.start):
            forward = not forward  # the object is the later (earlier) happening
            # "It" is the last sentence's happening; when that sentence gives no date,
            # the story's own (its first date, the lede's)
            lo = max(0, t.start - 2 * CHAIN_REACH)
            here = max(text.rfind(". ", lo, t.start), text.rfind("\n", lo, t.start))
            before = max(text.rfind(". ", lo, here), text.rfind("\n", lo, here)) if here > lo else lo
            if last.start < before:
                last = dated[0]
        else:
            # "three days after the attack": from the date the attack was told with
            said = None
            for d in reversed(dated):
                if t.start - d.end > 2 * CHAIN_REACH:
                    break
                if _names_last(rel.group("np"), text, d, t.start):
                    said = d
                    break
            if said is None:
                return None  # "two days before the summit": some other happening's date
            last = said
    base = last.date
    need = {"day": 3, "month": 2, "year": 1}[_UNIT_PRECISION[unit]]
    have = 3 if base.day is not None else 2 if base.month is not None else 1
    if have < need:
        return None
    sign = 1 if forward else -1
    if unit in ("day", "week"):
        d = dt.date(base.year, base.month, base.day) + sign * dt.timedelta(days=n * (7 if unit == "week" else 1))
        date = _date(d, "day")
    elif unit == "month":
        y, mo = divmod(base.year * 12 + base.month - 1 + sign * n, 12)
        date = HistoricalDate.of(y, mo + 1)
    else:
        date = HistoricalDate.of(base.year + sign * n)
    return replace(t, type="DATE", date=date, end_date=None, anchor="narrative")
