"""Handlers for dates written with calendar words: "June 5, 1998", "5/6/98", "Monday",
"next weekend"'s weekend, seasons, holidays, clock times and parts of days."""
from __future__ import annotations

import re

from ..dates import days_in_month
from . import lexicon as L
from .spec import MONTH_CUES, SEASON_CUES, Spec, _cap, _day, _g, _mod, _month, _valid_date, _year_part, next_word, prev_word


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
        if named == "noon" and prev_word(text, s) == "high":
            return []  # "High Noon": a moment of decision, not a clock time
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
    elif _g(m, kind, "h4") is not None:  # "at 4 in the morning", "at 9 in the evening"
        h, mi = int(_g(m, kind, "h4")), 0
        ap = "a" if _g(m, kind, "p4").lower() == "morning" else "p"
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


_SHARED_PARTS = re.compile(r"\s{1,3}(?:and|or)\s{1,3}(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s{1,3}"
                           r"(mornings|afternoons|evenings|nights)\b")


def _weekday(m, kind, text, s, e):
    wd_text = _g(m, kind, "wd").rstrip(".")
    if not _cap(wd_text) or wd_text.lower() not in L.WEEKDAYS:
        return []
    part = _g(m, kind, "part")
    shared = None if part else _SHARED_PARTS.match(text, e)
    if shared:  # "on Monday and Tuesday nights": every Monday night too
        p = L.PARTS_OF_DAY.get(shared.group(1).lower()[:-1], "NI")
        return [Spec(s, e, kind, type="SET", value=f"XXXX-WXX-{L.WEEKDAYS[wd_text.lower()]}T{p}")]
    spec = Spec(s, e, kind, base="ctx", weekday=L.WEEKDAYS[wd_text.lower()], gran="day",
                mod=_mod(_g(m, kind, "pre")))
    if part:
        spec.part, spec.type = L.PARTS_OF_DAY.get(part.lower().replace("-", ""), "NI"), "TIME"
    return [spec]


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
    if word.startswith("mid"):
        word = word[3:]  # "by mid-afternoon": the afternoon of the day the story is on
    part = L.PARTS_OF_DAY.get(word.replace("-", ""), "NI")
    base = "narr" if (t.startswith("that") or t.startswith("the same")) else "ctx"
    return [Spec(s, e, kind, type="TIME", base=base, unit="day", part=part, gran="day")]
