""""The day before last Tuesday's hearing": a day counted from the date written next to
it, not from the narrative anchor that a bare "the day before" counts from."""
from __future__ import annotations

from ..dates import DateError, HistoricalDate
from .anchors import Point, Resolved, Resolver
from .spec import Spec
from .values import add_days as _add_days, year_value

__all__ = ["days_before_dates", "day_beside"]


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
