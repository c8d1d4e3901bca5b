"""What the tagger returns: TIMEX3 expressions, and dates they imply (anniversaries)."""
from __future__ import annotations

from dataclasses import dataclass

from ..dates import HistoricalDate

__all__ = ["Implied", "Timex", "TYPES", "ANCHORS"]

TYPES = ("DATE", "TIME", "DURATION", "SET")
ANCHORS = ("absolute", "dct", "narrative")


@dataclass(frozen=True, slots=True)
class Implied:
    """A date an expression implies for another phrase of the text.

    "the 85th anniversary of the victory" in 2024 implies that "the victory" happened
    in 1939: ``date`` is 1939, ``start``/``end``/``text`` locate "the victory" (the
    words after "of", "commemorating", "marking"... up to the end of the clause).
    """

    date: HistoricalDate
    value: str
    start: int
    end: int
    text: str
    years: int

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "value": self.value, "years": self.years}


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: where it is, its TIMEX3 type and value, and its date.

    ``date`` is the HistoricalDate the value names (None for durations, sets, PAST_REF
    and values with unknown parts such as XXXX-09-03). ``end_date`` is set when the
    expression names a span: a week (Monday..Sunday), a named period, a quarter, or
    the first expression of a range ("from May to September 1939": the "May" timex has
    ``end_date`` September 1939 and ``role`` "start"; the "September 1939" timex has
    ``role`` "end"). ``anchor`` says what the value was resolved against: "absolute"
    (the text says it all), "dct" (the document date) or "narrative" (the last date the
    text set). ``mod`` is the TIMEX3 mod attribute (START, MID, END, APPROX,
    MORE_THAN, ...).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    date: HistoricalDate | None = None
    end_date: HistoricalDate | None = None
    anchor: str = "absolute"
    mod: str | None = None
    role: str | None = None
    implies: Implied | None = None
    period: str | None = None

    def to_dict(self) -> dict:
        """The TIMEX3 core, as the JSON lines batch mode writes it."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value}

    def to_full_dict(self) -> dict:
        """Everything, with dates in HistoricalDate.isoformat() form."""
        out = self.to_dict()
        out.update({
            "date": self.date.isoformat() if self.date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "anchor": self.anchor, "mod": self.mod, "role": self.role,
            "implies": self.implies.to_dict() if self.implies else None,
            "period": self.period,
        })
        return out
