""""The day before last Tuesday's hearing": a day counted from the date written next to
it, not from the narrative anchor that a bare "the day before" counts from."""
from __future__ import annotations

import re

from ..dates import DateError, HistoricalDate
from .anchors import Point, Resolved, Resolver
from .model import Timex
from .spec import Spec
from .values import add_days as _add_days, year_value

__all__ = ["appositive_days", "days_before_dates", "day_beside"]

_APPOSITIVE = re.compile(r"the\sday\s(?:before|after)\s(?:the|a|an|his|her|its|their)\s", re.I)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d\Z")


def days_before_dates(text: str, specs: list[Spec]) -> dict[int, int]:
    """"the day before last Tuesday's hearing", "the day after Christmas": the day
    counts from the date that follows, not from the narrative (id of spec -> id of date)."""
    pairs = {}
    for a, b in zip(specs, specs[1:]):
        if (a.kind == "daybefore" and b.start - a.end <= 3 and not text[a.end:b.start].strip()
                and b.type in ("DATE", "TIME") and b.value is None and (b.weekday is not None or b.day is not None
                                                                        or b.holiday is not None or b.kind == "word")):
            pairs[id(a)] = id(b)
    return pairs


def day_beside(resolver: Resolver, spec: Spec, date: Spec):
    """Resolve ``date`` and move a day from it; ``spec`` then spans both."""
    try:
        res = resolver.resolve(date)
    except (DateError, ValueError, OverflowError):
        return None
    if res is None or res.point is None or res.point.day is None:
        return None
    resolver.commit(date, res)
    p = res.point
    y, mo, d = year_day = _add_days(p.year, p.month, p.day, spec.offset)
    spec.end = date.end
    return Resolved(f"{year_value(y)}-{mo:02d}-{d:02d}", HistoricalDate.of(*year_day), None, res.anchor, Point(y, mo, d))


def appositive_days(text: str, out: list[Timex]) -> None:
    """"Oct. 12, the day before the crash": an appositive names the date it follows, so
    it takes that date's value, not the day before it."""
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if (b.type == "DATE" and _APPOSITIVE.match(text, b.start) and text[a.end:b.start] == ", "
                and a.type == "DATE" and _DAY_VALUE.match(a.value)):
            fields = {name: getattr(b, name) for name in b.__slots__}
            fields.update(value=a.value, date=a.date, end_date=None, anchor=a.anchor)
            out[i] = Timex(**fields)
