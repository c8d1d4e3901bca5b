"""From a scanner match to a :class:`Spec`: what the words say, before any anchoring.

A Spec records the calendar fields the text gives (a year may be missing), or an
offset from the document date or the narrative, or a fixed value (durations, sets,
PAST_REF). :mod:`.anchors` turns it into a TIMEX3 value. A handler returns an empty
list to reject a match ("may" the verb, "1500 troops").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DateError, HistoricalDate, days_in_month
from . import lexicon as L
from .periods import Period, lookup_period
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


def _year_part(text: str) -> int | None:
    """'1939' -> 1939, '480 BC' -> -479, 'AD 33' -> 33, "'45" -> 1945 (astronomical)."""
    t = text.strip()
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


# -- handlers ------------------------------------------------------------------------

def _calendar(m, kind, text, s, e) -> list[Spec]:
    pre = _g(m, kind, "pre") if kind == "calendar" else None
    for mk, dk, d2k, yk in (("m", "d", "d2", "y"), ("m2", "d3", "d4", "y2"), ("m3", None, None, "y3")):
        try:
            mword = _g(m, kind, mk)
        except IndexError:
            mword = None
        if mword:
            if mk == "m" and _g(m, kind, "d") is None:
                dk = "dw"
            break
    else:
        return []
    if not _cap(mword):
        return []
    month = _month(mword)
    day = _day(_g(m, kind, dk)) if dk and _g(m, kind, dk) else None
    day2 = _day(_g(m, kind, d2k)) if d2k and _g(m, kind, d2k) else None
    ytext = _g(m, kind, yk)
    year = _year_part(ytext) if ytext else None
    if ytext and year is None:
        return []
    spec = Spec(s, e, kind, mod=_mod(pre), month=month, day=day, gran="day" if day else "month")
    if day is None and year is None:
        # A month alone: abbreviations never, ambiguous words only after a cue.
        if mword.lower().rstrip(".") not in L.MONTHS:
            return []
        nxt = next_word(text, e)
        if (not pre and prev_word(text, s) not in MONTH_CUES and nxt[:1].isupper()
                and _month(nxt) is None and not _MONTH_RANGE_AHEAD.match(text, e)):
            return []  # "June Carter", "April Ryan": a name
        if mword.lower() in L.AMBIGUOUS_MONTHS and not pre:
            if (prev_word(text, s) not in MONTH_CUES or prev_word(text, s) == "the") and not _MONTH_RANGE_AHEAD.match(text, e):
                return []
            nxt = next_word(text, e).lower()
            if nxt in ("be", "have", "not", "also", "well", "I", "we", "you"):
                return []
    if day is not None:
        if day > days_in_month(year if year is not None else 2000, month):
            return []
        if day2 is not None and not (day < day2 <= days_in_month(year if year is not None else 2000, month)):
            day2 = None
        spec.end_day = day2
    if year is not None:
        spec.year = year
        spec.explicit_year = True
    else:
        spec.base = "ctx"
        ofrel = _g(m, kind, "ofrel") if kind == "calendar" else None
        if ofrel:
            _of_rel_year(spec, ofrel)
    if kind == "partdate":
        part = _g(m, kind, "part").lower().replace("-", "")
        spec.part = L.PARTS_OF_DAY.get(part, "NI")
        spec.type = "TIME"
        spec.gran = "day"
    if spec.end_day is not None and kind == "calendar":
        return _split_days(m, kind, spec, dk, d2k)
    return [spec]


def _split_days(m, kind, spec: Spec, dk: str, d2k: str) -> list[Spec]:
    """"6-7 January 1916" and "May 4 and 5": two dates, as TimeML annotates them."""
    d1s, d1e = m.span(f"{kind}__{dk}")
    d2s, d2e = m.span(f"{kind}__{d2k}")
    first = Spec(**{f: getattr(spec, f) for f in spec.__slots__})
    second = Spec(**{f: getattr(spec, f) for f in spec.__slots__})
    first.end_day = second.end_day = None
    second.day = _day(m.group(f"{kind}__{d2k}"))
    if dk in ("d",):       # day first: "6-7 January 1916" -> "6" | "7 January 1916"
        first.end = d1e
        second.start = d2s
    else:                  # month first: "March 5-9, 1918" -> "March 5" | "9, 1918"
        first.end = d1e
        second.start = d2s
    first.mod = None
    first.role, second.role, first.partner = "start", "end", second
    return [first, second]


def _of_rel_year(spec: Spec, ofrel: str) -> None:
    r = " ".join(ofrel.lower().split())
    spec.unit = "year"
    spec.base = "narr" if ("that" in r or "the" in r) else "dct"
    spec.offset = 1 if ("next" in r or "following" in r) else -1 if ("last" in r or "previous" in r or "preceding" in r) else 0


def _dayonly(m, kind, text, s, e):
    day = _day(_g(m, kind, "d"))
    if not day or day > 31:
        return []
    return [Spec(s, e, kind, base="ctx", day=day, gran="day")]


def _partof(m, kind, text, s, e):
    if _g(m, kind, "unit2"):
        det = (_g(m, kind, "det2") or "the").lower()
        unit = _g(m, kind, "unit2").lower()
        mod = _mod(_g(m, kind, "edge"))
    else:
        det = _g(m, kind, "det").lower()
        unit = _g(m, kind, "unit").lower()
        mod = _mod(_g(m, kind, "pre"))
    base = "narr" if det in ("the", "that") else "dct"
    offset = {"last": -1, "next": 1}.get(det, 0)
    return [Spec(s, e, kind, base=base, unit=unit, offset=offset, mod=mod)]


def _daybefore(m, kind, text, s, e):
    offset = -1 if _g(m, kind, "dir").lower() == "before" else 1
    return [Spec(s, e, kind, base="narr", unit="day", offset=offset)]


def _vague(m, kind, text, s, e):
    if _g(m, kind, "unit2"):
        return [Spec(s, e, kind, type="DURATION", value=_duration(None, _unit_name(_g(m, kind, "unit2"))))]
    post = _g(m, kind, "post").lower()
    unit = _unit_name(_g(m, kind, "unit"))
    if post in ("before", "after"):
        e = m.start(f"{kind}__post") - 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if prev_word(text, s) not in ("for", "within", "over", "in", "after", "and", "or", "only", "just", "mere"):
            return []
        return [Spec(s, e, kind, type="DURATION", value=_duration(None, unit))]
    value = "PAST_REF" if post in ("ago", "earlier") else "FUTURE_REF"
    return [Spec(s, e, kind, value=value)]


_MONTH_RANGE_AHEAD = re.compile(
    r"\s?(?:[-–]|to|and|or)\s?(?-i:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b", re.IGNORECASE)


def _iso(m, kind, text, s, e):
    y, mo, d = int(_g(m, kind, "y")), int(_g(m, kind, "m")), int(_g(m, kind, "d"))
    if not _valid_date(y, mo, d):
        return []
    spec = Spec(s, e, kind, year=y, month=mo, day=d, gran="day", explicit_year=True)
    if _g(m, kind, "h"):
        h, mi = int(_g(m, kind, "h")), int(_g(m, kind, "mi"))
        if h > 23:
            return []
        spec.hour, spec.minute, spec.type, spec.gran = h, mi, "TIME", "time"
    return [spec]


def _numeric(m, kind, text, s, e):
    a, b, y = int(_g(m, kind, "a")), int(_g(m, kind, "b")), _g(m, kind, "y")
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) >= 30 else 2000 + int(y))
    if _g(m, kind, "sep") == "/" and a <= 12:
        month, day = a, b          # US order first
    else:
        day, month = a, b
    if not _valid_date(year, month, day):
        month, day = day, month
        if not _valid_date(year, month, day):
            return []
    return [Spec(s, e, kind, year=year, month=month, day=day, gran="day", explicit_year=True)]


def _holiday(m, kind, text, s, e):
    name = " ".join(_g(m, kind, "name").lower().replace("’", "'").split())
    if not _cap(_g(m, kind, "name")):
        return []
    rule = L.HOLIDAYS.get(name)
    if rule is None:
        return []
    spec = Spec(s, e, kind, holiday=rule, gran="day")
    y = _g(m, kind, "y")
    if y:
        spec.year, spec.explicit_year = int(y), True
    else:
        spec.base = "ctx"
    return [spec]


def _clock(m, kind, text, s, e):
    t = m.group()
    if _g(m, kind, "named"):
        named = _g(m, kind, "named").lower()
        if named == "midnight":
            return [Spec(s, e, kind, type="TIME", base="ctx", gran="time", part="24:00")]
        return [Spec(s, e, kind, type="TIME", base="ctx", gran="time", hour=12, minute=0)]
    if _g(m, kind, "h") is not None:
        h, mi, ap = int(_g(m, kind, "h")), int(_g(m, kind, "mi")), (_g(m, kind, "ap") or "").lower()
        if "." in t.split()[0][:3] and ap not in ("a.m.", "p.m.", "am", "pm"):
            return []  # 3.45 is a number unless am/pm says otherwise
        twenty_four = len(_g(m, kind, "h")) == 2 and (h >= 13 or _g(m, kind, "h")[0] == "0")
        if not ap and not _g(m, kind, "tz") and not twenty_four and prev_word(text, s) not in _CLOCK_CUES:
            return []  # "ran it in 3:45": a time of day only after "at", "by", "until" ...
    elif _g(m, kind, "h2") is not None:
        h, mi, ap = int(_g(m, kind, "h2")), 0, _g(m, kind, "ap2").lower()
    else:
        word = _g(m, kind, "h3").lower()
        h = int(word) if word.isdigit() else L.CARDINALS[word]
        mi, ap = 0, ""
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    if h > 23:
        return []
    return [Spec(s, e, kind, type="TIME", base="ctx", gran="time", hour=h, minute=mi)]


_CLOCK_CUES = frozenset("""at by until till around about from to before after since between
and approximately circa c. ca. or as""".split())


def _decade(m, kind, text, s, e):
    dec = _g(m, kind, "dec").lower().replace("’", "'")
    era = _g(m, kind, "era")
    has_the = m.group().lower().lstrip().startswith("the") or bool(_g(m, kind, "pre"))
    if dec in L.DECADE_WORDS:
        if not has_the:
            return []
        n = 1900 + L.DECADE_WORDS[dec]
    elif dec.startswith("'"):
        n = 1900 + int(dec[1:3])
    else:
        digits = dec.rstrip("s").rstrip("'")
        n = int(digits)
        if len(digits) <= 2:
            if not has_the or era:
                return []
            n += 1900
    if era and _ERA_BC.search(era):
        first = 1 - (n + 9)
    else:
        first = n
    if n % 10:
        return []
    return [Spec(s, e, kind, year=first, gran="decade", mod=_mod(_g(m, kind, "pre")),
                 explicit_year=True)]


def _century(m, kind, text, s, e):
    n = L.ordinal_value(_g(m, kind, "n"))
    if not n or n > 99:
        return []
    unit = _g(m, kind, "unit").lower()
    size, gran = (100, "century") if unit == "century" else (1000, "millennium")
    bce = bool(_g(m, kind, "era") and _ERA_BC.search(_g(m, kind, "era")))
    first = 1 - n * size if bce else (n - 1) * size + 1
    return [Spec(s, e, kind, year=first, gran=gran, mod=_mod(_g(m, kind, "pre")),
                 explicit_year=True)]


def _centuries(m, kind, text, s, e):
    """"the 19th and 20th centuries": two timexes, as TimeML would tag them."""
    n1, n2 = L.ordinal_value(_g(m, kind, "n")), L.ordinal_value(_g(m, kind, "n2"))
    if not n1 or not n2 or n1 > 99 or n2 > 99:
        return []
    size, gran = (100, "century") if _g(m, kind, "unit").lower().startswith("cent") else (1000, "millennium")
    bce = bool(_g(m, kind, "era") and _ERA_BC.search(_g(m, kind, "era")))
    first = lambda n: 1 - n * size if bce else (n - 1) * size + 1  # noqa: E731
    a = Spec(s, m.end(f"{kind}__n"), kind, year=first(n1), gran=gran, explicit_year=True)
    b = Spec(m.start(f"{kind}__n2"), e, kind, year=first(n2), gran=gran, explicit_year=True)
    return [a, b]


def _yearseason(m, kind, text, s, e):
    year = int(_g(m, kind, "y"))
    if not 1000 <= year <= 2100:
        return []
    code = L.SEASONS[_g(m, kind, "season").lower()]
    return [Spec(s, e, kind, year=year, season=code, gran="season", explicit_year=True)]


_WHICH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
          "4th": 4}


def _partyear(m, kind, text, s, e):
    code = _g(m, kind, "code")
    if code:
        return [Spec(s, e, kind, year=int(_g(m, kind, "y2")), quarter=code.upper(),
                     gran="quarter", explicit_year=True)]
    which, part = _g(m, kind, "which").lower(), _g(m, kind, "part").lower()
    if text[m.end(f"{kind}__which")] == "-":
        s = m.start(f"{kind}__which")  # adjectival "the third-quarter report": "third-quarter"
    if part == "half":
        if not _g(m, kind, "y") and not _g(m, kind, "fy") and not _g(m, kind, "rel") and which not in ("first", "second", "1st", "2nd"):
            return []
        n = 1 if which in ("first", "1st") else 2 if which in ("second", "2nd", "latter", "last", "final") else None
        if n is None:
            return []
        q = f"H{n}"
    else:
        n = _WHICH.get(which, 4 if which in ("last", "final") else None)
        if n is None:
            return []
        q = f"Q{n}"
    spec = Spec(s, e, kind, quarter=q, gran="quarter")
    y = _g(m, kind, "y") or _g(m, kind, "fy") or _g(m, kind, "y0")
    rel = _g(m, kind, "rel")
    if y:
        spec.year, spec.explicit_year = int(y), True
    elif rel:
        r = rel.lower()
        spec.unit = "year"
        spec.base = "narr" if ("that" in r or "the" in r) else "dct"
        spec.offset = 1 if ("next" in r or "following" in r) else -1 if ("last" in r or "previous" in r) else 0
    else:
        if next_word(text, e).lower() == "of":
            return []  # "the first half of the war"
        spec.base = "ctx"
    return [spec]


def _plausible_year(n: int, text: str, s: int, e: int, strong: bool) -> bool:
    """Is a bare 4-digit number a year here? (not '1500 troops', '$2000', '2000.5')."""
    if not strong and not 1000 <= n <= 2100:
        return False
    if _STREET.match(text, e):
        return False  # "1600 Pennsylvania Avenue"
    nxt = next_word(text, e)
    low = nxt.lower()
    if low in L.COUNT_NOUNS or low.startswith("%") or low in ("per", "percent", "times"):
        return False
    if low in ("of", "to") and not strong and prev_word(text, s) in ("some", "about", "over", "nearly", "almost", "than"):
        return False
    prev = prev_word(text, s)
    if prev in ("some", "nearly", "almost", "than", "approximately", "additional",
                "extra", "another", "total", "no.", "number", "page", "p.", "pp.",
                "route", "flight", "room", "model", "rule", "resolution", "butcher", "kill",
                "killed", "lost", "with", "only", "just", "over", "under"):
        return False
    if (not strong and prev not in YEAR_PREPOSITIONS and low.endswith("s") and nxt[:1].islower()
            and low not in _NOT_PLURAL_NOUNS and prev not in ("the", "its", "his", "her", "their")):
        return False  # "1400 victims"
    return True


_STREET = re.compile(
    r"\s{1,3}(?:[A-Z][\w.’'-]*\s{1,3}){1,2}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.?|Boulevard|"
    r"Blvd\.?|Lane|Ln\.?|Drive|Dr\.|Way|Place|Pl\.|Square|Sq\.|Court|Ct\.|Highway|Hwy\.?)(?!\w)")
_NOT_PLURAL_NOUNS = frozenset("""is was has as its his this us thus was does was
campaigns elections offensives""".split()) - {"campaigns", "elections", "offensives"}


def _year(m, kind, text, s, e):
    pre, approx = _g(m, kind, "pre"), _g(m, kind, "approx")
    theyear = _g(m, kind, "theyear")
    era0, y0 = _g(m, kind, "era0"), _g(m, kind, "y0")
    y1, era1 = _g(m, kind, "y1"), _g(m, kind, "era1")
    y2, era2, dash = _g(m, kind, "y2"), _g(m, kind, "era2"), _g(m, kind, "dash")
    mod = "APPROX" if approx else _mod(pre)
    strong = bool(pre or approx or theyear)

    def make(start, end, digits, era, *, bare_ok=True) -> Spec | None:
        n = int(digits)
        if era:
            if n < 1:
                return None
            year = 1 - n if _ERA_BC.search(era) else n
            return Spec(start, end, kind, year=year, gran="year", mod=mod,
                        approximate=bool(approx), explicit_year=True)
        if len(digits) == 4 and (1000 <= n <= 2100 or strong):
            return Spec(start, end, kind, year=n, gran="year", mod=mod,
                        approximate=bool(approx), explicit_year=True)
        if bare_ok and 100 <= n <= 999 and len(digits) == 3 and not (approx and approx.strip().lower()[:1] in "ar"):
            return Spec(start, end, kind, year=n, gran="year", mod=mod,
                        approximate=bool(approx), explicit_year=True, bare_number=n)
        return None

    if y0:
        spec = make(s, e, y0, era0)
        return [spec] if spec else []
    if not y2:
        spec = make(s, e, y1, era1)
        if spec is None or (s >= 2 and text[s - 1] in "-–" and text[s - 2].isdigit()):
            return []  # "555-1234"
        if spec.bare_number is not None and not strong:
            era_range = _ERA_RANGE_AHEAD.match(text, e)
            if prev_word(text, s) not in YEAR_PREPOSITIONS and not era_range:
                return []
            nxt = next_word(text, e)
            if not era_range and nxt and nxt[0].isalpha() and nxt[0].islower() and nxt.lower() not in (
                    "and", "the", "when", "after", "before", "until", "to", "or", "through"):
                return []
        if not era1 and spec.bare_number is None and not _plausible_year(int(y1), text, s, e, strong):
            return []
        return [spec]
    # A range: 1939-1945, 1939–45, 499-493 BC, 1914/15.
    y2_digits = y2
    if len(y2) < len(y1) and not era1:
        y2_digits = y1[: len(y1) - len(y2)] + y2
    era_first = era1 or (era2 if not era1 else None)
    first_end = m.start(f"{kind}__y1") + len(y1) + (0 if not era1 else m.end(f"{kind}__era1") - m.start(f"{kind}__y1") - len(y1))
    if era1:
        first_end = m.end(f"{kind}__era1")
    second_start = m.start(f"{kind}__y2")
    a = make(s, first_end, y1, era_first, bare_ok=bool(era_first))
    b = make(second_start, e, y2_digits, era2 or era1, bare_ok=bool(era2 or era1))
    if a is None:
        return []
    if b is None or (dash == "/" and len(y2) == 4):
        a.end = first_end
        if not era_first and not _plausible_year(int(y1), text, s, first_end, strong):
            return []
        return [a]
    bc = a.year <= 0
    if (not bc and not a.year < b.year <= a.year + 300) or (bc and not a.year < b.year):
        if bc and b.year <= 0:
            return []
        a.end = first_end
        return [a]
    if not era_first and not era2 and not _plausible_year(int(y1), text, s, first_end, True):
        return []
    b.mod = None
    a.role, b.role, a.partner = "start", "end", b
    return [a, b]


_ERA_RANGE_AHEAD = re.compile(
    r"\s?(?:[-–—]|to|and|until|till)\s?\d{1,4}\s?(?-i:B\.\s?C\.?|BCE?)", re.IGNORECASE)


def _anniversary(m, kind, text, s, e):
    word = _g(m, kind, "word")
    if word:
        n = L.ANNIVERSARY_WORDS[word.lower()]
    else:
        raw = _g(m, kind, "n")
        n = L.ordinal_value(raw) or L.number_value(raw)
    if not n or n > 5000:
        return []
    return [Spec(s, e, kind, base="dct", unit="anniversary", gran="year", anniversary=int(n))]


_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "fortnightly": "P2W", "quarterly": "P3M",
    "biweekly": "P2W", "bi-weekly": "P2W", "semiannually": "P6M", "biannually": "P6M",
    "every day": "P1D", "everyday": "P1D",
}


_QUARTERLY_NOUN = re.compile(r"\s(?!and\b|or\b|basis\b|through\b)[a-z]")


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


def _set(m, kind, text, s, e):
    adv = _g(m, kind, "adv")
    if adv:
        key = " ".join(adv.lower().split())
        if key == "quarterly" and _QUARTERLY_NOUN.match(text, e):
            return []  # "its quarterly dividend", "quarterly results": a report's kind, not a set
        return [Spec(s, e, kind, type="SET", value=_SET_ADVERBS.get(key, "P1D"))]
    wds = _g(m, kind, "wds")
    if wds:
        if not _cap(wds):
            return []
        return [Spec(s, e, kind, type="SET", value=f"XXXX-WXX-{L.WEEKDAYS[wds.lower()[:-1]]}")]
    unit = _g(m, kind, "unit") or _g(m, kind, "unit2")
    if unit:
        u = "year" if unit.lower() == "annum" else _unit_name(unit)
        return [Spec(s, e, kind, type="SET", value=_duration(1, u))]
    what = _g(m, kind, "what")
    w = what.lower().rstrip(".")
    num = _g(m, kind, "num")
    n = L.number_value(num) if num else 1
    u = _unit_name(w)
    if u:
        return [Spec(s, e, kind, type="SET", value=_duration(n if n else 1, u))]
    if w in L.WEEKDAYS or w[:3] in L.WEEKDAY_ABBR:
        wd = L.WEEKDAYS.get(w) or L.WEEKDAY_ABBR.get(w)
        return [Spec(s, e, kind, type="SET", value=f"XXXX-WXX-{wd}")]
    if _month(w):
        return [Spec(s, e, kind, type="SET", value=f"XXXX-{_month(w):02d}")]
    if w in L.SEASONS:
        return [Spec(s, e, kind, type="SET", value=f"XXXX-{L.SEASONS[w]}")]
    part = L.PARTS_OF_DAY.get(w.replace("-", ""))
    if part:
        return [Spec(s, e, kind, type="SET", value=f"XXXX-XX-XXT{part}")]
    return []


_BACK = {"last", "past", "previous", "preceding", "prior", "this past"}
_AHEAD = {"next", "coming", "following", "subsequent", "succeeding", "ensuing",
          "upcoming", "this coming", "very next"}
_ANAPHORIC = {"following", "subsequent", "succeeding", "ensuing", "preceding", "previous",
              "prior", "same", "that", "that same", "very same", "very next"}


def _relative(m, kind, text, s, e):
    rel = " ".join(_g(m, kind, "rel").lower().split())
    what = _g(m, kind, "what")
    w = what.lower().rstrip(".")
    the = m.group().lower().startswith("the")
    offset = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    base = "narr" if (rel in _ANAPHORIC or (the and rel in ("next",))) else "dct"
    part_word = _g(m, kind, "part")
    spec = Spec(s, e, kind, base=base, offset=offset)
    if part_word:
        spec.part = L.PARTS_OF_DAY.get(part_word.lower().replace("-", ""))
        spec.type = "TIME"
    unit = _unit_name(w)
    if unit:
        plural = w != unit
        if plural and rel == "last" and not the:
            s = m.start(f"{kind}__what")  # "could last months": the verb
        if plural or rel in ("recent", "intervening"):
            return [Spec(s, e, kind, type="DURATION", value=_duration(None, unit))]
        if the and rel in ("last", "past"):
            return [Spec(s, e, kind, type="DURATION", value=_duration(1, unit))]
        if rel in ("recent", "current", "intervening") and unit not in ("year", "month", "week", "day", "century", "decade", "quarter"):
            return []
        if unit in ("hour", "minute", "second"):
            if rel == "same" or rel == "that":
                return []
            return [Spec(s, e, kind, type="DURATION", value=_duration(1, unit))]
        if unit == "night":
            spec.unit, spec.part, spec.type = "day", "NI", "TIME"
            if rel == "last":
                spec.offset = -1
            return [spec]
        if unit == "fortnight":
            return [Spec(s, e, kind, type="DURATION", value="P2W")]
        if unit == "weekend":
            spec.unit, spec.weekend = "week", True
            return [spec]
        spec.unit = unit
        return [spec]
    if rel in ("recent", "intervening", "current") and unit is None:
        return []
    wd = L.WEEKDAYS.get(w) or L.WEEKDAY_ABBR.get(w)
    if wd:
        if not _cap(what):
            return []
        spec.unit, spec.weekday, spec.gran = "weekday", wd, "day"
        return [spec]
    mo = _month(w)
    if mo:
        if not _cap(what):
            return []
        spec.unit, spec.month = "monthname", mo
        return [spec]
    if w in L.SEASONS:
        spec.unit, spec.season = "season", L.SEASONS[w]
        return [spec]
    part = L.PARTS_OF_DAY.get(w.replace("-", ""))
    if part:
        spec.unit, spec.part, spec.type = "day", part, "TIME"
        if rel == "last" and part == "NI":
            spec.offset = -1
        elif rel == "last" or (rel == "next" and not the):
            return []
        elif rel in ("next", "following"):
            spec.base, spec.offset = "narr", 1
        return [spec]
    return []


def _earlylater(m, kind, text, s, e):
    rel = " ".join(_g(m, kind, "rel").lower().split())
    unit = _g(m, kind, "unit").lower()
    base = "narr" if rel in ("that", "the same", "in the") else "dct"
    offset = -1 if rel == "last" else 1 if rel == "next" else 0
    if unit in L.SEASONS:
        return [Spec(s, e, kind, base=base, offset=offset, unit="season", season=L.SEASONS[unit])]
    u = _unit_name(unit)
    if u not in ("year", "month", "week", "day", "decade", "century"):
        return []
    return [Spec(s, e, kind, base=base, offset=offset, unit=u)]


_QMOD = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "about": "APPROX", "around": "APPROX",
    "almost": "APPROX", "nearly": "APPROX", "some": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "close to": "APPROX", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}


def _quantity(m, kind, text, s, e):
    qpre = " ".join((_g(m, kind, "qpre") or "").lower().split())
    num = " ".join(_g(m, kind, "num").lower().split())
    unit_word = _g(m, kind, "unit")
    unit = _unit_name(unit_word)
    post = (_g(m, kind, "post") or "").lower()
    hyphen = _g(m, kind, "hy") == "-"
    if unit is None:
        return []
    if _g(m, kind, "ofdate") and qpre not in ("the first", "the last", "the final", "the early", "the past", "the opening", "the closing", "the remaining"):
        e = m.end(f"{kind}__unit")  # "three months of 1940" without "the first": only the duration
    if num in ("the", "recent", "a number of") or (qpre in ("the",) and num in ("a", "an", "some")):
        return []
    n = L.number_value(num)
    if _g(m, kind, "half") and n is not None:
        n += 0.5  # "a year and a half"
    plural = unit_word.lower() != unit
    if num in ("a", "an") and plural:
        return []
    if n is not None and n == 0:
        return []
    if unit == "second" and num in ("a", "an", "one") and not post and qpre not in ("a full", "another", "just", "only", "about", "almost", "nearly", "less than", "more than", "over", "under"):
        return []  # "a second attack"
    if unit == "quarter" and not post and (num in ("three", "3", "a", "some", "many", "most", "all", "other", "certain") or text.startswith((" of the", " of a", " of all", " of its", " of their"), e)):
        return []  # "three quarters of the troops"
    if num == "one" and unit == "night" and not qpre and not post:
        return []  # "one night": a night, not a duration (see partday)
    if qpre == "the" and n is None and not plural:
        return []
    # 'since', 'before', 'after', 'prior', 'back', 'on' are signals: not in the extent.
    if post in ("since", "before", "after", "prior", "back", "on", "previously"):
        e = m.start(f"{kind}__post")
        while e > s and text[e - 1].isspace():
            e -= 1
        s_post = post
        post = ""
    else:
        s_post = ""
    if qpre in ("these", "those", "all", "the same") and n is None:
        return []
    mod = _QMOD.get(qpre)
    if hyphen and qpre in ("the", "these", "those") and not post:
        s = m.start(f"{kind}__num")  # "the two-year contract": TimeML tags "two-year"
    if post in ("ago", "later", "earlier", "afterwards", "afterward", "hence", "from now"):
        if n is None:
            if post in ("ago", "earlier"):
                return [Spec(s, e, kind, value="PAST_REF", mod=mod)]
            return [Spec(s, e, kind, value="FUTURE_REF", mod=mod)]
        if n != int(n) or unit in ("hour", "minute", "second", "quarter", "night", "weekend", "fortnight"):
            if unit in ("night",):
                unit = "day"
            elif unit == "fortnight":
                unit, n = "week", n * 2
            else:
                return [Spec(s, e, kind, type="DURATION", value=_duration(n, unit), mod=mod)]
        if n != int(n):
            return [Spec(s, e, kind, type="DURATION", value=_duration(n, unit), mod=mod)]
        sign = -1 if post in ("ago", "earlier") else 1
        base = "dct" if post in ("ago", "hence", "from now") else "narr"
        return [Spec(s, e, kind, base=base, unit=unit, offset=sign * int(n), mod=mod)]
    spec = Spec(s, e, kind, type="DURATION", value=_duration(n, unit), mod=mod)
    if post in ("old", "of age") or (hyphen and text.startswith(("-old", "-olds"), e)):
        spec.age = True
    if s_post == "since":
        spec.unit = "since"
    return [spec]


def _word(m, kind, text, s, e):
    deictic = _g(m, kind, "deictic")
    if deictic:
        d = deictic.lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[d]
        before = _g(m, kind, "before")
        if before:
            offset += -1 if "before" in before.lower() else 1
        spec = Spec(s, e, kind, base="now", unit="day", offset=offset)
        part = _g(m, kind, "part")
        if d == "tonight":
            spec.part, spec.type = "NI", "TIME"
        if part:
            spec.part, spec.type = L.PARTS_OF_DAY.get(part.lower().replace("-", ""), "NI"), "TIME"
        return [spec]
    ref = " ".join(_g(m, kind, "ref").lower().replace("’", "'").split())
    value = L.REFERENCES.get(ref)
    if value is None:
        return []
    if ref in ("the present", "the past", "the future") and next_word(text, e).lower() in ("tense", "participle", "perfect", "simple", "continuous"):
        return []
    return [Spec(s, e, kind, value=value, base="ref")]


def _bare(m, kind, text, s, e):
    unit = _unit_name(_g(m, kind, "unit"))
    return [Spec(s, e, kind, type="DURATION", value=_duration(None, unit))]


def _weekday(m, kind, text, s, e):
    wd_text = _g(m, kind, "wd").rstrip(".")
    if not _cap(wd_text) or wd_text.lower() not in L.WEEKDAYS:
        return []
    spec = Spec(s, e, kind, base="ctx", weekday=L.WEEKDAYS[wd_text.lower()], gran="day",
                mod=_mod(_g(m, kind, "pre")))
    part = _g(m, kind, "part")
    if part:
        spec.part, spec.type = L.PARTS_OF_DAY.get(part.lower().replace("-", ""), "NI"), "TIME"
    return [spec]


_ORD_UNIT_VALUES = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                    "month": "XXXX-XX", "year": "XXXX"}


def _ordunit(m, kind, text, s, e):
    """"the first day (of the war)", "the third evening": a day of a story whose
    calendar place the words do not give."""
    unit = _g(m, kind, "unit").lower()
    if unit == "hour":
        return [Spec(s, e, kind, type="TIME", value="XXXX-XX-XXTXX")]
    part = L.PARTS_OF_DAY.get(unit)
    if part:
        return [Spec(s, e, kind, type="TIME", value=f"XXXX-XX-XXT{part}")]
    return [Spec(s, e, kind, value=_ORD_UNIT_VALUES[unit])]


def _weekend(m, kind, text, s, e):
    return [Spec(s, e, kind, base="ctx", unit="week", weekend=True, gran="week")]


def _season(m, kind, text, s, e):
    word = _g(m, kind, "season")
    code = L.SEASONS[word.lower()]
    y = _g(m, kind, "y")
    pre = _g(m, kind, "pre")
    spec = Spec(s, e, kind, season=code, gran="season", mod=_mod(pre))
    if y:
        year = _year_part(y)
        if year is None:
            return []
        spec.year, spec.explicit_year = year, True
        return [spec]
    the = m.group().lower().startswith("the")
    nxt = next_word(text, e)
    ofrel = _g(m, kind, "ofrel")
    if ofrel:
        spec.base = "ctx"
        _of_rel_year(spec, ofrel)
        return [spec]
    if nxt.lower() == "of" or nxt.lower() in (
            "olympics", "games", "palace", "solstice", "equinox", "school", "camp",
            "break", "league", "collection", "festival", "wheat", "crop", "crops",
            "sky", "sun", "water", "waters", "fashion", "holiday", "holidays", "house",
            "houses", "residence", "capital", "clothes", "jacket", "coat", "term",
            "semester", "session", "sports", "storm", "storms", "tyres", "tires"):
        return []
    prev = prev_word(text, s)
    if word.lower() == "fall" and not (the and prev in ("in", "by", "during", "until", "since", "through", "throughout", "early", "late")):
        return []
    if word.lower() == "spring" and not (pre or _cap(word) or (prev in SEASON_CUES and prev != "the")
                                         or nxt.lower() in ("and", "or")):
        return []
    spec.base = "ctx"
    return [spec]


def _partday(m, kind, text, s, e):
    t = m.group().lower()
    word = t.split()[-1]
    part = L.PARTS_OF_DAY.get(word.replace("-", ""), "NI")
    base = "narr" if (t.startswith("that") or t.startswith("the same")) else "ctx"
    return [Spec(s, e, kind, type="TIME", base=base, unit="day", part=part, gran="day")]


def _fiscal(m, kind, text, s, e):
    """The quarter a company report is about, and the same quarter a year before."""
    if _g(m, kind, "ended"):
        return [Spec(s, e, kind, type="DURATION", value="P1Y")]  # "the year ended June 30"
    if _g(m, kind, "fyear") or _g(m, kind, "fyear2"):
        return [Spec(s, e, kind, base="dct", unit="year", offset=0)]  # "sales for the full year"
    which = " ".join((_g(m, kind, "which") or "").lower().split())
    unit = _g(m, kind, "unit") or _g(m, kind, "unit2")
    if which in ("latest", "most recent") and not unit:
        return []
    if _g(m, kind, "fy4"):  # "the 1988 period": the quarter reported on, in 1988
        return [Spec(s, e, kind, base="narr", unit="fquarter", gran="quarter", year=int(_g(m, kind, "fy4")))]
    if not unit and m.group()[:4].lower() == "the ":
        s += 4  # "the year-ago results": "the" belongs to "results"
    offset = -4 if which.startswith("year-") else 0
    ordinal = _g(m, kind, "ord")
    quarter = f"Q{_WHICH[ordinal.lower()]}" if ordinal and unit and unit.lower() == "quarter" else None
    unit_name = "flatest" if which in ("latest", "most recent") else "fquarter"
    return [Spec(s, e, kind, base="narr", unit=unit_name, offset=offset, gran="quarter", quarter=quarter)]


_SPOKEN_CENTURY = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def _spokenyear(m, kind, text, s, e):
    if _g(m, kind, "k"):
        y = 2000
    else:
        tens = L.number_value(_g(m, kind, "t").replace("-", " "))
        if tens is None:
            return []
        y = _SPOKEN_CENTURY[_g(m, kind, "c").lower()] + int(tens)
    return [Spec(s, e, kind, year=y, gran="year", explicit_year=True)]


def _period(m, kind, text, s, e):
    period = lookup_period(m.group())
    if period is None:
        return []
    return [Spec(s, e, kind, period=period, gran="period")]


HANDLERS = {
    "partdate": _calendar, "calendar": _calendar, "iso": _iso, "numeric": _numeric,
    "holiday": _holiday, "clock": _clock, "decade": _decade, "century": _century,
    "partyear": _partyear, "year": _year, "anniversary": _anniversary, "set": _set,
    "earlylater": _earlylater, "relative": _relative, "quantity": _quantity,
    "word": _word, "bare": _bare, "weekday": _weekday, "season": _season,
    "partday": _partday, "period": _period, "dayonly": _dayonly, "partof": _partof,
    "daybefore": _daybefore, "vague": _vague, "weekend": _weekend,
    "centuries": _centuries, "fiscal": _fiscal, "spokenyear": _spokenyear, "yearseason": _yearseason, "ordunit": _ordunit,
}


def specs_for(m: re.Match, text: str) -> list[Spec]:
    """The Specs a scanner match stands for (none if the words are not temporal here)."""
    kind = m.lastgroup[2:]
    return HANDLERS[kind](m, kind, text, m.start(), m.end())
