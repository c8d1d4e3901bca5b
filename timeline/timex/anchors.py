"""Resolving Specs against the document date (DCT) and the narrative.

Two references move through a document: the DCT, fixed, and the *narrative anchor*,
the last date the text set ("In June 1941 ... two days later"). Deictic words ("last
year", "next week", "yesterday") count from the DCT; anaphoric ones ("the following
year", "that summer", "two days later") from the narrative anchor. Expressions that
leave the year out ("in March", "on Tuesday") take it from the DCT in news, with the
direction given by tense ("will visit on September 3" looks ahead, "was arrested in
March" looks back), and from the narrative anchor in histories (:func:`detect_mode`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DateError, HistoricalDate, Precision
from . import values as V
from .normalise import Spec
from .tense import tense

_FEAST_MONTH = {"thanks": 11, "easter": 4}
SEASON_ORDER = ["WI", "SP", "SU", "FA"]  # by start month within a season-year: Dec, Mar, Jun, Sep
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+[\"'“‘(]*[A-Z]")
NEARBY = 250  # characters: how far back a news text's narrative anchor still holds
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(slots=True)
class Point:
    """A position in time with unknown parts left as None."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_date(cls, d: HistoricalDate) -> "Point":
        if d.precision in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM):
            return cls(d.year)
        month = d.month
        if month is None and d.season:
            month = SEASON_START[d.season]
        return cls(d.year, month, d.day)


def detect_mode(dct: HistoricalDate | None, explicit_years: list[int], *,
                deictic: int = 0, words: int = 0) -> str:
    """'news' when the document talks from its own date, else 'narrative'.

    A news story counts from its date: "said Tuesday", "yesterday", "last week" come
    every few hundred words, even in a story full of history ("NATO, founded in 1949,
    ... said on Thursday"). A history writes such deictic words about once in a
    thousand words, if at all; only then do the years it writes decide (narrative
    when most lie more than a year before the DCT)."""
    if dct is None:
        return "narrative"
    if words and deictic * 1000 >= DEICTIC_PER_1000 * words:
        return "news"
    if not explicit_years:
        return "news"
    if len(explicit_years) < 3:
        return "news"
    ordered = sorted(explicit_years)
    median = ordered[len(ordered) // 2]
    return "narrative" if median < dct.year - 1 else "news"


DEICTIC_PER_1000 = 1.7  # deictic expressions per 1,000 words that make a text news


def focus(explicit_years: list[int]) -> tuple[int, int] | None:
    """The span of years a text is about: Tukey's fences around the years it writes
    (quartiles -/+ 1.5 interquartile ranges, a decade at least). Dates outside it do
    not move the narrative anchor."""
    if len(explicit_years) < 8:
        return None
    ordered = sorted(explicit_years)
    q1 = ordered[len(ordered) // 4]
    q3 = ordered[(len(ordered) * 3) // 4]
    reach = max(FOCUS_MARGIN, (q3 - q1) * 3 // 2)
    return q1 - reach, q3 + reach


FOCUS_MARGIN = 10
# in month*40 units: how far ahead the nearest date may lie in a past-tense sentence;
# news reports future dates with past verbs ("said the deal is expected in December")
TENSE_FLIP = 120
QUARTER_REACH = 2500  # characters: how long a named quarter stays the one reported on


# -- resolution ----------------------------------------------------------------------

@dataclass(slots=True)
class Resolved:
    value: str
    date: HistoricalDate | None = None
    end_date: HistoricalDate | None = None
    anchor: str = "absolute"
    point: Point | None = None   # what the narrative anchor becomes, if anything


def _hd(year, month=None, day=None, *, approximate=False, hour=None, minute=None) -> HistoricalDate | None:
    try:
        return HistoricalDate(year, month, day, hour, minute, None, approximate)
    except DateError:
        return None


class Resolver:
    """Resolves Specs in text order, moving the narrative anchor as it goes."""

    def __init__(self, text: str, dct: HistoricalDate | None, mode: str,
                 years: list[int] | None = None):
        self.text = text
        self.dct = Point(dct.year, dct.month, dct.day) if dct is not None else None
        self.mode = mode
        self.narr: Point | None = None
        self.narr_end = 0  # where the expression that set the narrative anchor ends
        self.narr_told = False
        self.focus = focus(years or [])
        self.quarter: tuple[int, int, int] | None = None  # (year, quarter, where) last reported

    # which reference a spec counts from
    def _reference(self, spec: Spec) -> tuple[Point | None, str]:
        base = spec.base
        if base in ("dct", "now") and self.dct is None:
            # "last year" in a text of unknown date: a guess from the narrative would
            # look like knowledge, so the value keeps its unknown parts (XXXX).
            return None, "dct"
        if base == "dct" and self.mode == "narrative" and self.narr is not None:
            base = "narr"
        if base == "now":  # today, yesterday, tomorrow: the DCT in any story
            base = "dct"
        if base == "ctx":
            base = "narr" if (self.narr is not None and (
                self.mode == "narrative" or self._narrative_nearby(spec))) else "dct"
        if base == "narr":
            if self.narr is not None:
                return self.narr, "narrative"
            base = "dct"
        if self.dct is not None:
            return self.dct, "dct"
        if self.narr is not None:
            return self.narr, "narrative"
        return None, "dct"

    def _narrative_nearby(self, spec: Spec) -> bool:
        """In news, a date without a year continues the story the text was just telling
        ("On 1 September 1939 ... by early October") when the anchor was set in the
        last sentence or two of the same paragraph and nothing points to the future."""
        gap = spec.start - self.narr_end
        if gap > NEARBY or "\n\n" in self.text[self.narr_end:spec.start]:
            return False
        if not self.narr_told or (self.dct is not None and self.narr.year == self.dct.year):
            return False
        if spec.weekday is not None and self.narr.day is None:
            return False  # "in 1982 ... said Friday": a weekday needs a day to count from
        if _SENTENCE_END.search(self.text, self.narr_end, spec.start):
            return False  # news counts from its date: an earlier sentence's date is background
        return tense(self.text, spec.start, spec.end) <= 0

    def resolve(self, spec: Spec) -> Resolved | None:
        if spec.period is not None:
            p = spec.period
            return Resolved(f"{V.year_value(p.start.year)}/{V.year_value(p.end.year)}",
                            p.start, p.end, "absolute")
        if spec.value is not None:
            anchor = "dct" if spec.base == "ref" else "absolute"
            return Resolved(spec.value, anchor=anchor)
        if spec.base is None:
            return self._absolute(spec)
        if spec.unit in ("fquarter", "flatest"):
            return self._fiscal_quarter(spec)
        if spec.unit == "year" and spec.kind == "quantity" and spec.offset in (-1, 1) and self._quarter_nearby(spec):
            # "third-quarter profit of $5 million, up from $4 million a year earlier":
            # a year from a quarter is that quarter of the year before
            y, q, _ = self.quarter
            return Resolved(f"{V.year_value(y + spec.offset)}-Q{q}", _hd(y + spec.offset, q * 3 - 2),
                            _hd(y + spec.offset, q * 3), "narrative")
        if spec.unit == "anniversary":
            ref, anchor = self._reference(spec)
            if ref is None:
                return Resolved("XXXX", anchor=anchor)
            return Resolved(V.year_value(ref.year), _hd(ref.year), None, anchor)
        if spec.base == "ctx":
            return self._contextual(spec)
        return self._relative(spec)

    def _quarter_nearby(self, spec: Spec) -> bool:
        return self.quarter is not None and spec.start - self.quarter[2] <= QUARTER_REACH

    def _fiscal_quarter(self, spec: Spec) -> Resolved:
        ended = None
        if self.dct is not None and self.dct.month is not None:
            # the last quarter that ended before the report
            ended = (self.dct.year, (self.dct.month - 1) // 3)
            if ended[1] == 0:
                ended = (ended[0] - 1, 4)
        if self.quarter is not None:
            y, q = self.quarter[:2]
            if spec.unit == "flatest" and ended is not None and ended < (y, q):
                y, q = ended  # "the latest quarter" has ended, whatever the forecasts said
        elif ended is not None:
            y, q = ended
        else:
            return Resolved("XXXX-QX", anchor="dct")
        anchor = "narrative" if self.quarter is not None else "dct"
        if spec.quarter:  # "the year-ago third quarter"
            q = int(spec.quarter[1])
        if spec.year is not None:
            return Resolved(f"{V.year_value(spec.year)}-Q{q}", _hd(spec.year, q * 3 - 2), _hd(spec.year, q * 3), anchor)
        if spec.offset == -4:
            y -= 1
        else:
            self.quarter = (y, q, spec.end)
        return Resolved(f"{V.year_value(y)}-Q{q}", _hd(y, q * 3 - 2), _hd(y, q * 3), anchor)

    def commit(self, spec: Spec, res: Resolved) -> None:
        """Move the narrative anchor; looking back ("the previous year", "two years
        ago") is a digression and leaves it where it is."""
        if spec.quarter and spec.unit != "fquarter" and spec.quarter[0] == "Q" and res.value[:4].isdigit() and res.value[4:6] == "-Q":
            if spec.unit != "year" or spec.offset == 0:
                self.quarter = (int(res.value[:4]), int(spec.quarter[1]), spec.end)
        if res.point is None or spec.type not in ("DATE", "TIME"):
            return
        if spec.base in ("dct", "narr", "now") and spec.offset < 0:
            return
        if self.focus and not self.focus[0] <= res.point.year <= self.focus[1]:
            return  # "declassified in 2005" in a history of the 1960s: an aside
        self.narr = res.point
        self.narr_end = spec.end
        # a date the text told (not one counted from the DCT) starts a story
        self.narr_told = res.anchor != "dct"

    # -- absolute -------------------------------------------------------------------
    def _absolute(self, spec: Spec) -> Resolved | None:
        y = spec.year
        if spec.bare_number is not None and self.narr is not None and self.narr.year <= 0:
            era_anchor = 1 - self.narr.year
            if abs(era_anchor - spec.bare_number) <= 150:
                y = 1 - spec.bare_number
                spec.year = y
        return self._fields(spec, y, "absolute")

    def _fields(self, spec: Spec, y: int, anchor: str) -> Resolved | None:
        g = spec.gran
        approx = spec.approximate
        if g == "decade":
            d = HistoricalDate(y, precision=Precision.DECADE)
            return Resolved(V.decade_value(y), d, None, anchor, None)
        if g == "century":
            d = HistoricalDate(y, precision=Precision.CENTURY)
            return Resolved(V.century_value(y), d, None, anchor, None)
        if g == "millennium":
            d = HistoricalDate(y, precision=Precision.MILLENNIUM)
            return Resolved(V.millennium_value(y), d, None, anchor, None)
        if spec.holiday is not None:
            md = self._holiday(spec.holiday, y)
            if md is None:
                return Resolved(f"{V.year_value(y)}-XX-XX", anchor=anchor)
            spec.month, spec.day = md
        if spec.quarter:
            q = spec.quarter
            n = int(q[1])
            first, last = ((n - 1) * 3 + 1, n * 3) if q[0] == "Q" else ((n - 1) * 6 + 1, n * 6)
            return Resolved(f"{V.year_value(y)}-{q}", _hd(y, first), _hd(y, last), anchor, Point(y, first))
        if spec.season and spec.month is None:
            d = HistoricalDate(y, precision=Precision.SEASON, season=spec.season, approximate=approx)
            return Resolved(f"{V.year_value(y)}-{spec.season}", d, None, anchor,
                            Point(y, SEASON_START[spec.season]))
        if spec.month is None:
            if spec.part or spec.hour is not None:
                return Resolved(f"{V.year_value(y)}-XX-XX{self._time_suffix(spec)}", anchor=anchor, point=Point(y))
            d = _hd(y, approximate=approx)
            return Resolved(V.year_value(y), d, None, anchor, Point(y))
        if spec.day is None:
            d = _hd(y, spec.month, approximate=approx)
            return Resolved(f"{V.year_value(y)}-{spec.month:02d}", d, None, anchor, Point(y, spec.month))
        d = _hd(y, spec.month, spec.day, approximate=approx)
        if d is None:
            return None
        value = f"{V.year_value(y)}-{spec.month:02d}-{spec.day:02d}"
        end = _hd(y, spec.month, spec.end_day) if spec.end_day else None
        if spec.hour is not None:
            d = _hd(y, spec.month, spec.day, hour=spec.hour, minute=spec.minute) or d
        value += self._time_suffix(spec)
        return Resolved(value, d, end, anchor, Point(y, spec.month, spec.day))

    @staticmethod
    def _time_suffix(spec: Spec) -> str:
        if spec.hour is not None:
            return f"T{spec.hour:02d}:{spec.minute or 0:02d}"
        if spec.part:
            return f"T{spec.part}"
        return ""

    @staticmethod
    def _holiday(rule, y: int) -> tuple[int, int] | None:
        if isinstance(rule, tuple):
            return rule
        if rule is None:
            return None
        if rule.startswith("easter"):
            mo, d = V.easter(y)
            shift = int(rule[6:] or 0)
            yy, mo, d = V.add_days(y, mo, d, shift)
            return mo, d
        if rule == "thanksgiving":
            return 11, V.nth_weekday(y, 11, 4, 4)
        return None

    # -- year from context ------------------------------------------------------------
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
        elif direction < 0 and delta > TENSE_FLIP:
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
            if delta > 3:
                delta -= 7
        y, mo, d = V.add_days(ref.year, ref.month, ref.day, delta)
        value = f"{V.year_value(y)}-{mo:02d}-{d:02d}{suffix}"
        return Resolved(value, _hd(y, mo, d), None, anchor, Point(y, mo, d))

    # -- offsets ----------------------------------------------------------------------
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
