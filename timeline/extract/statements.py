"""Which sentences state happenings, and how their dates are read.

Time stamps, credit lines, questions, quotes and commentary give no events; a lede's
present perfect is the day's news; two days said as one stretch make one range.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from ..dates import HistoricalDate, Precision
from .segment import Span


def _day(d: HistoricalDate | None) -> HistoricalDate | None:
    if d is not None and d.precision in (Precision.HOUR, Precision.MINUTE):
        return HistoricalDate.of(d.year, d.month, d.day, approximate=d.approximate)
    return d


_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_PAIR = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s*(?:on\s+)?\Z", re.I)


def _pairs(text: str, usable: list) -> list:
    """Two days said as one stretch ("on Christmas Day and Boxing Day", "Saturday to
    Sunday"): the first becomes a range ending on the second, which is dropped."""
    out: list = []
    for t in usable:
        prev = out[-1] if out else None
        if (prev is not None and prev.date is not None and t.date is not None
                and prev.date.precision is t.date.precision is Precision.DAY
                and -0.02 < t.date.position - prev.date.position < 0
                and _PAIR.match(text[prev.end:t.start]) and _WEEKDAY.match(t.text)):
            # "from Saturday until Sunday": the Sunday after, not the one before
            d = _dt.date(t.date.year, t.date.month, t.date.day) + _dt.timedelta(days=7)
            t = replace(t, date=HistoricalDate.of(d.year, d.month, d.day))
        if (prev is not None and prev.date is not None and t.date is not None
                and _day(prev.date) == _day(t.date) and prev.end_date is None
                and re.fullmatch(r"\s*(?:on|,)?\s*", text[prev.end:t.start])):
            out[-1] = t  # "midday on Saturday": one day, said twice
            continue
        if (prev is not None and isinstance(prev, tuple) is False and prev.date is not None
                and t.date is not None and prev.end_date is None and t.end_date is None
                and prev.date.precision is t.date.precision is Precision.DAY
                and 0 < t.date.position - prev.date.position < 0.02
                and _PAIR.match(text[prev.end:t.start])):
            out[-1] = replace(prev, end_date=t.date)
            continue
        out.append(t)
    return out


_LEDE_NEWS = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?:\w+ed|found|won|lost|made|taken|"
                        r"given|told|shot|struck|hit|sent|left|held|begun|become|broken|"
                        r"brought|built|chosen|driven|fallen|fought|frozen|known|led|met|"
                        r"paid|put|run|said|seen|sold|spoken|stolen|thrown|written)\b")

# A date right after a verb of saying dates the attribution ("officials said on Wednesday",
# "told reporters Sunday"); statements are news only when they are the story.
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|tells|added|reported|according to)"
                          r"(?:\s+(?:reporters|journalists|the\s+\w+(?:\s+\w+)?|him|her|them))?"
                          r"\s+(?:on\s+|late\s+|early\s+)?\Z", re.I)

_BOILERPLATE = re.compile(
    r"^(?:copyright\b|©|\(c\)\s|all rights reserved|image (?:caption|copyright)|photo:|"
    r"pictured:|follow us|sign up|read more|related:|click here|share this|"
    r"(?:getty|reuters|ap|afp) (?:images|photo))|all rights reserved\.?$", re.I)
# Quotes, opinions and states are not happenings the article recalls.
_NOT_A_HAPPENING = re.compile(
    r"^[\"“‘']|^(?:it|there|this|that|these|those|we|i|you)\b(?!['’]s\s+\w+\s+(?:was|were))|"
    r"\b(?:is|are)\s+(?:seen|considered|expected|likely|unclear|clear|believed|thought)\b", re.I)
_COMMENTARY = re.compile(r"\b(?:remains?|underscores?|reflects?|highlights?|signals?|means?)\b", re.I)
# A recalled happening inside commentary ("the case of X, who was not detained during
# his visit to Y, highlights ...") keeps the sentence.
_PAST_HAPPENING = re.compile(r"\b(?:was|were)\s+(?:not\s+)?\w+(?:ed|en)\b|\b(?:visited|"
                             r"attacked|killed|arrested|signed|won|lost|fled|invaded)\b", re.I)


# Conditions, forecasts, states and the present of a profile ("If ...", "they will not
# decrease", "He is a passionate ...", "he lowers his voice") recall no happening.
_NOT_RECALLED = re.compile(
    r"^(?:if|unless|whatever|whoever|whenever|here['’]s|here\s+is)\b|"
    r"^(?:[\w’'-]+\s+){1,3}(?:is|are|am)\s+(?:a|an|one|not|very|still|also|now|often|"
    r"always|never)\b|^(?:[\w’'-]+\s+){1,3}(?:may|might|could|can)\s+(?!have\b)|"
    r"^(?:he|she|it)\s+(?:\w+ly\s+)?(?!was\b|has\b|is\b)\w+[^s\W]s\b", re.I)


def _recalls_happening(sentence: str) -> bool:
    sentence = sentence.strip()
    if _NOT_A_HAPPENING.search(sentence) or sentence.endswith("?") or _NOT_RECALLED.search(sentence):
        return False
    return not _COMMENTARY.search(sentence) or bool(_PAST_HAPPENING.search(sentence))


def _words_outside(sentence: Span, timexes: list) -> int:
    """Words of the sentence outside its temporal expressions."""
    text = sentence.text
    for t in sorted(timexes, key=lambda t: -t.start):
        text = text[:t.start - sentence.start] + " " + text[t.end - sentence.start:]
    return len(re.findall(r"[A-Za-z]{2,}", text))
