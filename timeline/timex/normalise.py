"""From a scanner match to a :class:`Spec`: what the words say, before any anchoring.

A Spec records the calendar fields the text gives (a year may be missing), or an
offset from the document date or the narrative, or a fixed value (durations, sets,
PAST_REF). :mod:`.anchors` turns it into a TIMEX3 value. A handler returns an empty
list to reject a match ("may" the verb, "1500 troops").
"""
from __future__ import annotations

import re

from .calendar_words import (_calendar, _clock, _dayonly, _holiday, _iso, _numeric, _partday,
                             _season, _weekday, _weekend)
from .durations import _bare, _quantity, _set
from .periods import lookup_period
from .relative_words import _daybefore, _earlylater, _ordunit, _partof, _relative, _vague, _word
from .spec import Spec
from .years import (_anniversary, _centuries, _century, _decade, _fiscal, _partyear, _spokenyear,
                    _year, _yearseason)

__all__ = ["Spec", "specs_for"]


def _period(m, kind, text, s, e):
    period = lookup_period(m.group())
    if period is None:
        return []
    return [Spec(s, e, kind, period=period, gran="period")]


HANDLERS = {
    "partdate": _calendar, "calendar": _calendar, "iso": _iso, "numeric": _numeric,
    "holiday": _holiday, "clock": _clock, "decade": _decade, "century": _century,
    "partyear": _partyear, "year": _year, "anniversary": _anniversary, "set": _set,
    "earlylater": _earlylater, "relative": _relative, "quantity": _quantity,
    "word": _word, "bare": _bare, "weekday": _weekday, "season": _season,
    "partday": _partday, "period": _period, "dayonly": _dayonly, "partof": _partof,
    "daybefore": _daybefore, "vague": _vague, "weekend": _weekend,
    "centuries": _centuries, "fiscal": _fiscal, "spokenyear": _spokenyear, "yearseason": _yearseason, "ordunit": _ordunit,
}


def specs_for(m: re.Match, text: str) -> list[Spec]:
    """The Specs a scanner match stands for (none if the words are not temporal here)."""
    kind = m.lastgroup[2:]
    return HANDLERS[kind](m, kind, text, m.start(), m.end())
