"""What a scanner match says, before any anchoring: :class:`Spec`, and the small readers
the handlers share (months, days, years with eras, neighbouring words, units).

A Spec records the calendar fields the text gives (a year may be missing), or an
offset from the document date or the narrative, or a fixed value (durations, sets,
PAST_REF). :mod:`.anchors` turns it into a TIMEX3 value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DateError, HistoricalDate
from . import lexicon as L
from .periods import Period
from .values import duration_value


@dataclass(slots=True)
class Spec:
    start: int
    end: int
    kind: str
    type: str = "DATE"
    value: str | None = None      # a fixed value: durations, sets, PAST_REF ...
    year: int | None = None       # astronomical; None: from context
    month: int | None = None
    day: int | None = None
    season: str | None = None
    part: str | None = None       # TimeML part of day: MO AF EV NI DT
    hour: int | None = None
    minute: int | None = None
    weekday: int | None = None
    quarter: str | None = None    # Q1..Q4, H1, H2
    gran: str = "year"            # millennium century decade year quarter season month week day time
    base: str | None = None       # None: absolute; "ctx": fields from context; "dct"; "narr"
    unit: str | None = None       # unit of a relative offset
    offset: int = 0
    approximate: bool = False
    mod: str | None = None
    explicit_year: bool = False
    bare_number: int | None = None  # a year written without era ("in 492")
    end_day: int | None = None      # "3-5 September"
    anniversary: int | None = None
    period: Period | None = None
    holiday: object = None
    role: str | None = None
    partner: "Spec | None" = None
    weekend: bool = False
    age: bool = False               # "52 years old", "a 6-year-old": not TIMEX3 in TimeML news
    rate: bool = False              # "$17.9 million annually": not TIMEX3 in TimeML news
    news_previous: str | None = None  # "the past year": in TimeML news the previous year
    news_duration: tuple[int, str] | None = None  # (end, value) of "three days" in "three days later"


def _g(m: re.Match, kind: str, name: str) -> str | None:
    return m.group(f"{kind}__{name}")


# -- small readers -------------------------------------------------------------------

def _mod(pre: str | None) -> str | None:
    if not pre:
        return None
    p = pre.lower()
    if any(w in p for w in ("early", "beginning", "start", "dawn", "first")):
        return "START"
    if any(w in p for w in ("mid", "middle", "height", "course")):
        return "MID"
    if any(w in p for w in ("late", "end", "close", "turn", "last", "final", "latter",
                            "second", "remainder", "rest")):
        return "END"
    return None


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return L.MONTHS.get(w) or L.MONTH_ABBR.get(w)


def _day(text: str) -> int | None:
    return L.ordinal_value(text)


_ERA_BC = re.compile(r"B\.?\s?C", re.I)


_SPOKEN_CENTURY = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def spoken_year(text: str) -> int | None:
    """'nineteen ninety-four' -> 1994 (how broadcast transcripts write years)."""
    c, _, tens = re.sub(r"[\s-]+", " ", text.strip().lower()).partition(" ")
    n = L.number_value(tens)
    if c not in _SPOKEN_CENTURY or n is None or not 10 <= n <= 99:
        return None
    return _SPOKEN_CENTURY[c] + n


def _year_part(text: str) -> int | None:
    """'1939' -> 1939, '480 BC' -> -479, 'AD 33' -> 33, "'45" -> 1945 (astronomical)."""
    t = text.strip()
    if t[:1].isalpha() and not _ERA_BC.match(t) and not t[:2].isupper():
        return spoken_year(t)
    if t[0] in "'’":
        n = int(t[1:])
        return 1900 + n if n >= 30 else 2000 + n
    digits = re.search(r"\d+", t).group()
    n = int(digits)
    if _ERA_BC.search(t):
        return None if n < 1 else 1 - n
    if re.search(r"[A-Za-z]", t) and n < 1:
        return None
    return n


def _cap(word: str) -> bool:
    return word[:1].isupper()


_PREV_WORD = re.compile(r"([\w’'.]+)[\s,]{0,3}$")


def prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 24), start)
    return m.group(1).lower() if m else ""


def next_word(text: str, end: int) -> str:
    m = re.compile(r"\s{0,3}([\w’'.%]+)").match(text, end, end + 30)
    return m.group(1) if m else ""


MONTH_CUES = frozenset("""in on of by until till since from to through during early late mid
before after between and last next this that each every the end beginning middle
around about circa until throughout into or as""".split())
SEASON_CUES = MONTH_CUES | {"the"}
YEAR_PREPOSITIONS = frozenset("in since until till from before after around by during c. ca. circa".split())


def _valid_date(year, month, day) -> bool:
    try:
        HistoricalDate.of(year, month, day)
        return True
    except DateError:
        return False


def _unit_name(word: str) -> str | None:
    w = word.lower()
    w = L.UNIT_PLURALS.get(w, w)
    return w if w in L.UNITS else None


def _duration(n, unit: str) -> str:
    if unit == "fortnight":
        return duration_value(None if n is None else n * 2, "W", False)
    if unit == "weekend":
        return duration_value(n, "WE", False)
    designator, is_time = L.UNITS[unit]
    return duration_value(n, designator, is_time)
