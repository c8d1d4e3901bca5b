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

from ..dates import HistoricalDate, Precision
from . import values as V
from .contextual import ContextualMixin
from .mode import detect_mode, focus
from .offsets import OffsetMixin
from .points import SEASON_START, Point, Resolved, _hd
from .spec import Spec
from .tense import tense

__all__ = ["Point", "Resolved", "Resolver", "detect_mode", "focus"]

_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+[\"'“‘(]*[A-Z]")
NEARBY = 250  # characters: how far back a news text's narrative anchor still holds
QUARTER_REACH = 2500  # characters: how long a named quarter stays the one reported on
# "For the nine months, net rose to $9 million from $7 million a year earlier": a span
# of months that is no quarter, so the comparison is with the year before, not its quarter
_MONTHS_SPAN = re.compile(r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})[-\s]months?"
                          r"|(?:first|second)\s+half|half[-\s]year|year[-\s]to[-\s]date)\b", re.I)
DAY_PART_REACH = 600  # characters: how far a named day lends itself to "in the morning"


# -- resolution ----------------------------------------------------------------------

class Resolver(ContextualMixin, OffsetMixin):
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
                self.mode == "narrative" or self._narrative_nearby(spec)
                or self._day_part_of_last_day(spec))) else "dct"
        if (base == "narr" and spec.kind == "partof" and self.mode == "news" and self.narr is not None
                and self.dct is not None and not self._narrative_nearby(spec)):
            base = "dct"  # "by the end of the year" in news: the DCT's year unless a story is told
        if base == "narr":
            if self.narr is not None:
                return self.narr, "narrative"
            base = "dct"
        if self.dct is not None:
            return self.dct, "dct"
        if self.narr is not None:
            return self.narr, "narrative"
        return None, "dct"

    def _day_part_of_last_day(self, spec: Spec) -> bool:
        """"closed lower Friday ... overnight losses", "in the morning", "at 10:35 a.m.":
        a part of day or clock time without a day is on the last day the text named
        nearby, in news too."""
        return (spec.kind in ("partday", "clock") and self.narr.day is not None
                and spec.start - self.narr_end <= DAY_PART_REACH)

    def _narrative_nearby(self, spec: Spec) -> bool:
        """In news, a date without a year continues the story the text was just telling
        ("On 1 September 1939 ... by early October") when the anchor was set in the
        last sentence or two of the same paragraph and nothing points to the future."""
        gap = spec.start - self.narr_end
        if gap > NEARBY or "\n\n" in self.text[self.narr_end:spec.start]:
            return False
        if not self.narr_told or (self.dct is not None and self.narr.year == self.dct.year):
            return False
        if spec.month is not None and self.narr.month is None:
            return False  # "a buyback approved in 1987 had bought shares through Sept. 29": a bare year is background
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
            if spec.offset == -4 and not spec.quarter and self.text[spec.start:spec.end].lower() in ("year-earlier", "year-ago") \
                    and self.quarter is not None and self._months_span_before(spec):
                y = self.quarter[0] - 1  # "For the nine months, ... compared with year-earlier net of $9 million"
                return Resolved(V.year_value(y), _hd(y), None, "narrative")
            return self._fiscal_quarter(spec)
        if spec.unit == "year" and spec.kind == "quantity" and spec.offset in (-1, 1) and self._quarter_nearby(spec) \
                and not self._months_span_before(spec):
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

    def _months_span_before(self, spec: Spec) -> bool:
        """Whether the sentence before ``spec`` names a span of months ("the nine months")."""
        head = self.text[max(0, spec.start - 300):spec.start]
        ends = list(_SENTENCE_END.finditer(head))
        if ends:
            head = head[ends[-1].end() - 1:]
        return _MONTHS_SPAN.search(head) is not None

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
            if ended is not None and ended < (y, q):
                # "the latest quarter", "the year-ago period" count from the quarter
                # reported on, which has ended, whatever the forecasts said
                y, q = ended
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
        if rule == "election":  # US: the Tuesday after the first Monday in November
            return 11, V.nth_weekday(y, 11, 1, 1) + 1
        if rule == "thanksgiving":
            return 11, V.nth_weekday(y, 11, 4, 4)
        return None
