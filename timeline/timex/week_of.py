""""The week of March 6", "the weekend of Oct. 23": TIMEX3 names the calendar week (or
its weekend) that holds the day, 2000-W10 / 2000-W10-WE, not the day itself."""
from __future__ import annotations

import datetime as _dt
import re

from ..dates import DateError, HistoricalDate
from .model import Timex

__all__ = ["weeks_of_days"]

_WEEK_OF = re.compile(r"(?:the|that|this)\s(?P<unit>week|weekend)\sof\s\Z", re.I)
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)\Z")


def weeks_of_days(text: str, out: list[Timex]) -> None:
    """Widen a day date that follows "the week of" to that week, in place."""
    widened = []
    for i, t in enumerate(out):
        m = _DAY.match(t.value)
        if m is None or t.type != "DATE":
            continue
        w = _WEEK_OF.search(text, max(0, t.start - 20), t.start)
        if w is None:
            continue
        try:
            day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        year, week, weekday = day.isocalendar()
        value = f"{year:04d}-W{week:02d}"
        first = day - _dt.timedelta(days=weekday - 1)
        last = first + _dt.timedelta(days=6)
        if w.group("unit").lower() == "weekend":
            value += "-WE"
            first = first + _dt.timedelta(days=5)
        try:
            start = HistoricalDate.of(first.year, first.month, first.day)
            end = HistoricalDate.of(last.year, last.month, last.day)
        except DateError:
            continue
        fields = {name: getattr(t, name) for name in t.__slots__}
        fields.update(start=w.start(), text=text[w.start():t.end], value=value,
                      date=start, end_date=end, role=None)
        out[i] = Timex(**fields)
        widened.append(out[i])
    if widened:
        # an expression the scanner found inside a widened span ("the week") goes
        out[:] = [t for t in out if not any(w is not t and w.start <= t.start and t.end <= w.end for w in widened)]
