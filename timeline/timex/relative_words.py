"""Handlers for words that count from a reference: "last week", "the following year",
"that morning", "the day before", "today", "the past", "the first day"."""
from __future__ import annotations

import re

from . import lexicon as L
from .spec import Spec, _cap, _duration, _g, _mod, _month, _unit_name, next_word, prev_word


def _partof(m, kind, text, s, e):
    if _g(m, kind, "ye"):  # "by year-end": the last day of the year the context gives
        return [Spec(s, e, kind, base="ctx", month=12, day=31, gran="day")]
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
    vague = _g(m, kind, "unit2") or _g(m, kind, "unit3") or _g(m, kind, "unit4")
    if vague:  # "weeks-long", "in the weeks ahead", "over the years"
        return [Spec(s, e, kind, type="DURATION", value=_duration(None, _unit_name(vague)))]
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


_BACK = {"last", "past", "previous", "preceding", "prior", "this past"}
_AHEAD = {"next", "coming", "following", "subsequent", "succeeding", "ensuing",
          "upcoming", "this coming", "very next"}
_ANAPHORIC = {"following", "subsequent", "succeeding", "ensuing", "preceding", "previous",
              "prior", "same", "that", "that same", "very same", "very next"}


_ATTRIBUTIVE = re.compile(r"\s{1,3}(?:[a-z][\w-]*|\d)")
_GENERIC_TODAY = re.compile(r"['’]s\s(?:world|youth|society|generation|children|kids|young|standards|"
                            r"economy|technology|culture|politics|teenagers|students|families)\b", re.I)
_DAY_AFTER = re.compile(r"\s{1,3}(\d{1,2})(?:st|nd|rd|th)?(?![\w,]\d|[\d:%]|,?\s{1,3}\d{4})")


def _is_title(words: str, text: str, s: int) -> bool:
    """ABC's "This Week", "Last Year at Marienbad": words all capitalised after an
    opening quote or a possessive name a programme or a work, not a time."""
    if not all(w[:1].isupper() for w in words.split()):
        return False
    before = text[max(0, s - 3):s].rstrip()
    return before.endswith(('"', "“", "``", "'s", "’s", "s'"))


def _relative(m, kind, text, s, e):
    rel = " ".join(_g(m, kind, "rel").lower().split())
    what = _g(m, kind, "what")
    w = what.lower().rstrip(".")
    the = m.group().lower().startswith("the")
    if _is_title(m.group(), text, s):
        return []
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
            dur = Spec(s, e, kind, type="DURATION", value=_duration(1, unit))
            if unit in ("year", "month", "quarter"):
                dur.news_previous = unit  # TimeML news: the previous year, month ...
            return [dur]
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
        day = _DAY_AFTER.match(text, spec.end)
        if day and 1 <= int(day.group(1)) <= 31:  # "last Oct. 23"
            spec.day, spec.end, spec.gran = int(day.group(1)), day.end(), "day"
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


def _word(m, kind, text, s, e):
    deictic = _g(m, kind, "deictic")
    if deictic:
        d = deictic.lower()
        if d == "today" and _GENERIC_TODAY.match(text, e):
            return []  # "today's world", "today's youth": nowadays, not the DCT
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[d]
        before = _g(m, kind, "before")
        if before:
            offset += -1 if "before" in before.lower() else 1
        spec = Spec(s, e, kind, base="now", unit="day", offset=offset)
        part = _g(m, kind, "part") or (_g(m, kind, "mpart") or "")[3:].strip(" -")  # "mid-afternoon yesterday"
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
    if ref in ("current", "recent") and not _ATTRIBUTIVE.match(text, e):
        return []  # "the ocean current", "most recent,": only an adjective before its noun
    return [Spec(s, e, kind, value=value, base="ref")]


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
    if unit == "day" and _TODAY_IS.search(text, max(0, s - 16), s):
        # "Today is the eighth day of the blockade", "It's the second day of the strike":
        # the words say which day of the story it is, and it is the day of the report
        return [Spec(s, e, kind, base="now", unit="day", offset=0)]
    return [Spec(s, e, kind, value=_ORD_UNIT_VALUES[unit])]


_TODAY_IS = re.compile(r"\b(?:(?:today|it|this)\s(?:is|marks)|(?:today|it)['’]s)\s\Z", re.I)
