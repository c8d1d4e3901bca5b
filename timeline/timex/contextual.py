"""Dates whose words leave the year (or more) to context: "in March", "on Tuesday",
"that weekend". The year comes from the reference, nearest to it, tense deciding ties."""
from __future__ import annotations

from . import values as V
from .points import SEASON_START, Point, Resolved, _hd
from .spec import Spec
from .tense import tense

_FEAST_MONTH = {"thanks": 11, "easter": 4, "electi": 11}
# in month*40 units: how far ahead the nearest date may lie in a past-tense sentence;
# news reports future dates with past verbs ("said the deal is expected in December")
TENSE_FLIP = 120
# ... and when the past verb follows the date ("In January, the firm bought"): one month
EVENT_FLIP = 40
# news mostly reports what has happened: with no tense cue a month more than four months
# ahead is last year's
UNTENSED_AHEAD = 160


class ContextualMixin:
    """Resolver methods for dates with fields from context."""

    def _contextual(self, spec: Spec) -> Resolved | None:
        ref, anchor = self._reference(spec)
        if ref is None:
            res = self._unknown_year(spec)
            res.anchor = anchor
            return res
        direction = 0
        if anchor == "dct":
            direction = tense(self.text, spec.start, spec.end)
        if spec.weekday is not None:
            return self._weekday(spec, ref, anchor, direction)
        if spec.weekend:
            if ref.day is None:
                return Resolved("XXXX-WXX-WE", anchor=anchor)
            here = V.weekday(ref.year, ref.month, ref.day)
            shift = -7 if (direction < 0 and here < 6) else 0
            yy, mm, dd = V.add_days(ref.year, ref.month, ref.day, shift)
            _, (y2, m2, d2) = V.week_bounds(yy, mm, dd)
            y1, m1, d1 = V.add_days(y2, m2, d2, -1)
            return Resolved(V.week_value(yy, mm, dd) + "-WE", _hd(y1, m1, d1), _hd(y2, m2, d2), anchor)
        if spec.gran == "time" or (spec.part and spec.month is None):
            if ref.day is None:
                ym = f"{V.year_value(ref.year)}-{ref.month:02d}" if ref.month else f"{V.year_value(ref.year)}-XX"
                return Resolved(f"{ym}-XX{self._time_suffix(spec)}", anchor=anchor)
            d = _hd(ref.year, ref.month, ref.day, hour=spec.hour, minute=spec.minute) if spec.hour is not None else _hd(ref.year, ref.month, ref.day)
            value = f"{V.year_value(ref.year)}-{ref.month:02d}-{ref.day:02d}{self._time_suffix(spec)}"
            return Resolved(value, d, None, anchor, Point(ref.year, ref.month, ref.day))
        y = ref.year
        if spec.day is not None and spec.month is None:
            if ref.month is None:
                return Resolved(f"{V.year_value(y)}-XX-{spec.day:02d}", anchor=anchor)
            spec.month = ref.month
            if _hd(y, spec.month, spec.day) is None:
                return None
            return self._fields(spec, y, anchor)
        month = spec.month
        if month is None and spec.season:
            month = SEASON_START[spec.season]
        if month is None and spec.holiday is not None:
            # a movable feast's usual month is enough to pick the nearest year
            month = spec.holiday[0] if isinstance(spec.holiday, tuple) else _FEAST_MONTH.get(spec.holiday[:6])
        if month is not None and ref.month is not None and anchor == "dct":
            y = self._pick_year(ref, month, spec.day or 15 if spec.day else None, direction)
        elif month is not None and ref.month is not None and anchor == "narrative" and spec.season is None:
            y = ref.year
        elif month is None and spec.quarter and spec.quarter[0] == "Q" and ref.month is not None and anchor == "dct":
            # "announced a drop in profits for the fourth quarter" in January: last year's
            # (one "expects to report" is still the quarter just ended)
            first = (int(spec.quarter[1]) - 1) * 3 + 1
            if direction <= 0 and first > ref.month:
                y -= 1
        return self._fields(spec, y, anchor)

    @staticmethod
    def _pick_year(ref: Point, month: int, day: int | None, direction: int) -> int:
        """The year of the nearest such month (and day) to the reference; tense moves
        it a year only when that nearest one lies more than a month the other way
        ("will visit in March" written in August is next March; "was scheduled for
        Oct. 15" written on Oct. 28 stays this year)."""
        here = ref.month * 40 + (ref.day or 15)
        there = month * 40 + (day or 15)
        # distance in 'month*40' units; ties stay in the same year
        _, _, year = min((abs(k * 480 + there - here), abs(k), ref.year + k) for k in (-1, 0, 1))
        delta = (year - ref.year) * 480 + there - here
        if direction > 0 and delta < -40:
            year += 1
        elif direction < 0 and delta > {-1: TENSE_FLIP, -3: EVENT_FLIP}.get(direction, 0):
            year -= 1
        elif direction == 0 and delta > UNTENSED_AHEAD:
            year -= 1
        return year

    def _unknown_year(self, spec: Spec) -> Resolved:
        suffix = self._time_suffix(spec)
        if spec.weekday is not None:
            return Resolved(f"XXXX-WXX-{spec.weekday}{suffix}")
        if spec.season and spec.month is None:
            return Resolved(f"XXXX-{spec.season}")
        if spec.quarter:
            return Resolved(f"XXXX-{spec.quarter}")
        if spec.month is None and spec.holiday is not None and isinstance(spec.holiday, tuple):
            spec.month, spec.day = spec.holiday
        if spec.month is None:
            return Resolved(f"XXXX-XX-XX{suffix}")
        if spec.day is None:
            return Resolved(f"XXXX-{spec.month:02d}")
        return Resolved(f"XXXX-{spec.month:02d}-{spec.day:02d}{suffix}")

    def _weekday(self, spec: Spec, ref: Point, anchor: str, direction: int) -> Resolved:
        suffix = self._time_suffix(spec)
        if ref.day is None:
            return Resolved(f"XXXX-WXX-{spec.weekday}{suffix}", anchor=anchor)
        here = V.weekday(ref.year, ref.month, ref.day)
        if self.text.startswith(("'s", "’s"), spec.end):
            direction = -1  # "Wednesday's ruling": a day that has been
        if direction > 0:
            delta = (spec.weekday - here) % 7
        elif direction < 0:
            delta = -((here - spec.weekday) % 7)
        else:
            delta = (spec.weekday - here) % 7
            if delta > 2:
                delta -= 7
        y, mo, d = V.add_days(ref.year, ref.month, ref.day, delta)
        value = f"{V.year_value(y)}-{mo:02d}-{d:02d}{suffix}"
        return Resolved(value, _hd(y, mo, d), None, anchor, Point(y, mo, d))
