"""Handlers for amounts of time and repetitions: durations ("three years", "two days
later", "the two-year contract") and sets ("every week", "daily", "per annum")."""
from __future__ import annotations

import re

from . import lexicon as L
from .spec import Spec, _cap, _duration, _g, _month, _unit_name


_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "fortnightly": "P2W", "quarterly": "P3M",
    "biweekly": "P2W", "bi-weekly": "P2W", "semiannually": "P6M", "biannually": "P6M",
    "every day": "P1D", "everyday": "P1D",
}


# "$17.9 million annually", "rise 8.5% annually": a rate of an amount
_AMOUNT_BEFORE = re.compile(r"(?:\d|%|\b(?:percent|million|billion|thousand|units))[^.;:!?\d]{0,3}(?:\S+\s){0,1}\Z", re.I)
_QUARTERLY_NOUN = re.compile(r"\s(?!and\b|or\b|basis\b|through\b)[a-z]")


def _set(m, kind, text, s, e):
    adv = _g(m, kind, "adv")
    if adv:
        key = " ".join(adv.lower().split())
        if key == "quarterly" and _QUARTERLY_NOUN.match(text, e):
            return []  # "its quarterly dividend", "quarterly results": a report's kind, not a set
        spec = Spec(s, e, kind, type="SET", value=_SET_ADVERBS.get(key, "P1D"))
        spec.rate = bool(_AMOUNT_BEFORE.search(text, max(0, s - 30), s))
        return [spec]
    wdp = _g(m, kind, "wdp")
    if wdp:  # "Tuesday nights": every Tuesday night
        if not _cap(wdp):
            return []
        part = L.PARTS_OF_DAY.get(_g(m, kind, "parts").lower()[:-1], "NI")
        wd = L.WEEKDAYS.get(wdp.lower().rstrip(".")) or L.WEEKDAY_ABBR.get(wdp.lower().rstrip("."))
        return [Spec(s, e, kind, type="SET", value=f"XXXX-WXX-{wd}T{part}")]
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
    if unit is None or text.startswith(("-earlier", "-ago"), e):
        return []  # "a year-earlier loss": "year-earlier" is the period (see fiscal)
    if _g(m, kind, "ofdate") and qpre not in ("the first", "the last", "the final", "the early", "the past", "the opening", "the closing", "the remaining"):
        e = m.end(f"{kind}__unit")  # "three months of 1940" without "the first": only the duration
    if num in ("the", "recent", "a number of") or (qpre in ("the",) and num in ("a", "an", "some")):
        return []
    half = num.endswith(" 1/2")  # "5 1/2 hours"
    n = L.number_value(num[:-4] if half else num)
    ofdate = _g(m, kind, "ofdate")
    if (unit == "quarter" and qpre in ("the first", "the last", "the final") and ofdate and ofdate.isdigit()
            and n == 2):  # "the first two quarters of 1990": its first half
        return [Spec(s, e, kind, year=int(ofdate), quarter="H1" if qpre == "the first" else "H2",
                     gran="quarter", explicit_year=True)]
    if (half or _g(m, kind, "half")) and n is not None:
        n += 0.5  # "a year and a half"
    plural = unit_word.lower() != unit
    if num in ("a", "an") and plural:
        return []
    if n is not None and n == 0:
        return []
    if unit == "second" and num in ("a", "an", "one") and not post and qpre not in ("a full", "another", "just", "only", "about", "almost", "nearly", "less than", "more than", "over", "under"):
        return []  # "a second attack"
    if unit == "quarter" and not post and not qpre.startswith(("the next", "the past", "the last", "the first")) and (num in ("three", "3", "a", "some", "many", "most", "all", "other", "certain") or text.startswith((" of the", " of a", " of all", " of its", " of their"), e)):
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
    mod = _QMOD.get(qpre) or ("APPROX" if _g(m, kind, "orso") else None)  # "a week or so ago"
    if hyphen and qpre in ("the", "these", "those") and not post:
        s = m.start(f"{kind}__num")  # "the two-year contract": TimeML tags "two-year"
    if post in ("ago", "later", "earlier", "afterwards", "afterward", "hence", "from now"):
        specs = _counted(m, kind, text, s, e, n, unit, post, mod)
        if post in ("later", "afterwards", "afterward"):
            # TimeML news tags "three days" in "three days later" as a duration, the
            # adverb outside; histories (ACE style) date the whole phrase
            d_end = m.start(f"{kind}__post")
            while d_end > s and text[d_end - 1].isspace():
                d_end -= 1
            for spec in specs:
                spec.news_duration = (d_end, _duration(n, unit))
        return specs
    spec = Spec(s, e, kind, type="DURATION", value=_duration(n, unit), mod=mod)
    if post in ("old", "of age") or (hyphen and text.startswith(("-old", "-olds"), e)):
        spec.age = True
    if s_post == "since":
        spec.unit = "since"
    return [spec]


def _bare(m, kind, text, s, e):
    unit = _unit_name(_g(m, kind, "unit"))
    return [Spec(s, e, kind, type="DURATION", value=_duration(None, unit))]


def _counted(m, kind, text, s, e, n, unit, post, mod) -> list[Spec]:
    """"two days later", "a year ago": a date counted from the narrative or the DCT."""
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
