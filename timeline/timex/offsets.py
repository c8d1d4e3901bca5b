"""Dates counted from a reference: "last year", "next week", "two days later",
"the following spring", "last Friday"."""
from __future__ import annotations

from ..dates import HistoricalDate, Precision
from . import values as V
from .points import SEASON_ORDER, SEASON_START, Point, Resolved, _hd
from .spec import Spec


class OffsetMixin:
    """Resolver methods for offsets from the DCT or the narrative anchor."""

    def _relative(self, spec: Spec) -> Resolved | None:
        ref, anchor = self._reference(spec)
        unit, off = spec.unit, spec.offset
        if ref is None:
            return Resolved(self._unknown_relative(spec), anchor=anchor)
        y = ref.year
        suffix = self._time_suffix(spec)
        if unit == "year":
            y += off
            if spec.quarter or spec.month or spec.season:
                return self._fields(spec, y, anchor)
            return Resolved(V.year_value(y), _hd(y), None, anchor, Point(y))
        if unit == "decade":
            first = (y // 10) * 10 + 10 * off
            return Resolved(V.decade_value(first), HistoricalDate(first, precision=Precision.DECADE), None, anchor)
        if unit == "century":
            first = ((y - 1) // 100) * 100 + 1 + 100 * off
            return Resolved(V.century_value(first), HistoricalDate(first, precision=Precision.CENTURY), None, anchor)
        if unit == "millennium":
            first = ((y - 1) // 1000) * 1000 + 1 + 1000 * off
            return Resolved(V.millennium_value(first), HistoricalDate(first, precision=Precision.MILLENNIUM), None, anchor)
        if unit == "quarter":
            if ref.month is None:
                return Resolved(f"{V.year_value(y)}-QX", anchor=anchor)
            qn = (ref.month - 1) // 3 + off
            y += qn // 4
            qn = qn % 4
            return Resolved(f"{V.year_value(y)}-Q{qn + 1}", _hd(y, qn * 3 + 1), _hd(y, qn * 3 + 3), anchor, Point(y, qn * 3 + 1))
        if unit == "season":
            return self._season(spec, ref, anchor)
        if unit == "monthname":
            m = spec.month
            if off == 0:
                yy = y
            elif ref.month is None:
                yy = y + off
            elif off < 0:
                yy = y if m < ref.month else y - 1
            else:
                yy = y if m > ref.month else y + 1
            if spec.day is not None and _hd(yy, m, spec.day) is not None:
                return Resolved(f"{V.year_value(yy)}-{m:02d}-{spec.day:02d}", _hd(yy, m, spec.day),
                                None, anchor, Point(yy, m, spec.day))
            return Resolved(f"{V.year_value(yy)}-{m:02d}", _hd(yy, m), None, anchor, Point(yy, m))
        if unit == "month":
            if ref.month is None:
                return Resolved(f"{V.year_value(y)}-XX", anchor=anchor)
            yy, mm = V.add_months(y, ref.month, off)
            return Resolved(f"{V.year_value(yy)}-{mm:02d}", _hd(yy, mm), None, anchor, Point(yy, mm))
        if ref.month is None or ref.day is None:
            ym = f"{V.year_value(y)}-{ref.month:02d}" if ref.month else f"{V.year_value(y)}-XX"
            if unit == "week":
                return Resolved(f"{V.year_value(y)}-WXX", anchor=anchor)
            if unit == "weekday":
                return Resolved(f"XXXX-WXX-{spec.weekday}{suffix}", anchor=anchor)
            return Resolved(f"{ym}-XX{suffix}", anchor=anchor)
        if unit == "week":
            yy, mm, dd = V.add_days(ref.year, ref.month, ref.day, 7 * off)
            (y1, m1, d1), (y2, m2, d2) = V.week_bounds(yy, mm, dd)
            value = V.week_value(yy, mm, dd) + ("-WE" if spec.weekend else "")
            if spec.weekend:
                (y1, m1, d1) = V.add_days(y2, m2, d2, -1)
            return Resolved(value, _hd(y1, m1, d1), _hd(y2, m2, d2), anchor, None)
        if unit == "weekday":
            here = V.weekday(ref.year, ref.month, ref.day)
            if off < 0:
                delta = -((here - spec.weekday) % 7 or 7)
            elif off > 0:
                delta = (spec.weekday - here) % 7 or 7
            else:
                delta = spec.weekday - here
            yy, mm, dd = V.add_days(ref.year, ref.month, ref.day, delta)
        else:  # day
            yy, mm, dd = V.add_days(ref.year, ref.month, ref.day, off)
        value = f"{V.year_value(yy)}-{mm:02d}-{dd:02d}{suffix}"
        return Resolved(value, _hd(yy, mm, dd), None, anchor, Point(yy, mm, dd))

    def _season(self, spec: Spec, ref: Point, anchor: str) -> Resolved:
        s, off, y = spec.season, spec.offset, ref.year
        if off != 0 and ref.month is not None:
            # the season the reference is in, counted in season-years starting in December
            cur_year = y + 1 if ref.month == 12 else y
            cur = SEASON_ORDER.index({12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                                      6: "SU", 7: "SU", 8: "SU"}.get(ref.month, "FA"))
            target = SEASON_ORDER.index(s)
            if off < 0:
                y = cur_year if target < cur else cur_year - 1
            else:
                y = cur_year if target > cur else cur_year + 1
            if s == "WI":
                y -= 1  # TimeML names a winter by the year it starts in
        elif off != 0:
            y += off
        d = HistoricalDate(y, precision=Precision.SEASON, season=s)
        return Resolved(f"{V.year_value(y)}-{s}", d, None, anchor, Point(y, SEASON_START[s]))

    @staticmethod
    def _unknown_relative(spec: Spec) -> str:
        unit = spec.unit
        return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "decade": "XXX",
                "century": "XX", "season": f"XXXX-{spec.season}", "monthname": f"XXXX-{spec.month or 0:02d}",
                "weekday": f"XXXX-WXX-{spec.weekday}"}.get(unit, "XXXX-XX-XX")
