"""Values the resolver passes around: :class:`Point` (a position in time with unknown
parts), :class:`Resolved` (a TIMEX3 value with its dates), and season arithmetic."""
from __future__ import annotations

from dataclasses import dataclass

from ..dates import DateError, HistoricalDate, Precision


SEASON_ORDER = ["WI", "SP", "SU", "FA"]  # by start month within a season-year: Dec, Mar, Jun, Sep


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
