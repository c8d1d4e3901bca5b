"""Datelines: where a report was filed ("MOSCOW:", "Kuala Lumpur:", "DETROIT The ..."),
found in the first paragraph and kept out of the headlines of the sentence they open.

The dateline place is the article's setting, not an event's venue by itself; it is
taken only when the gazetteer knows the name as a place.
"""
from __future__ import annotations

import re

from . import seats
from .article import Article, place_name
from .segment import Span
from .venues import PlaceMention

_TITLE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z][\w.'’-]*(?:\s[A-Z][\w.'’-]+){0,2})(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"
    r"(?:\s*\([^)]{1,30}\))?\s*(?::|—|–| - )\s")


# "DETROIT The U.S. Transportation Department ...": a capitals dateline run into the text.
_CAPS_DATELINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})(?:,\s*[A-Z][\w.]+)?\s+"
                            r"(?=(?:The|A|An)\s|[A-Z][a-z]+\s+[a-z])")


def title_case_dateline(article: Article, mentions: list[PlaceMention]) -> Span | None:
    """ "Kuala Lumpur: Malaysian authorities ..." - a dateline written in title case, taken
    only when the gazetteer knows the name as a place."""
    if not article.body:
        return None
    first = article.body[0]
    m = _TITLE_DATELINE.match(first.text)
    caps = None if m else _CAPS_DATELINE.match(first.text)
    if caps:
        # the spotter may not read capitals: the gazetteer is asked for the name itself
        start, end = first.start + caps.start("place"), first.start + caps.end("place")
        if any(p.start == start and p.end == end and p.located for p in mentions):
            return Span(start, end, caps.group("place"))
        place = seats.seat_place(place_name(caps.group("place")))
        if place is None:
            return None
        mentions.append(PlaceMention(start, end, place_name(caps.group("place")), place))
        mentions.sort(key=lambda p: p.start)
        return Span(start, end, caps.group("place"))
    if not m:
        return None
    start, end = first.start + m.start("place"), first.start + m.end("place")
    if any(p.start == start and p.end == end and p.located for p in mentions):
        return Span(start, end, m.group("place"))
    return None


def after_dateline(text: str, sentence: Span, dateline: Span | None) -> Span:
    """The sentence without the dateline that opens it ("MOSCOW: ", "DETROIT "), so that
    headlines and clauses start at the news."""
    if dateline is None or not sentence.start <= dateline.start <= sentence.start + 2 \
            or dateline.end >= sentence.end:
        return sentence
    rest = re.match(r"(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?(?:\s*\([^)]{1,40}\))?\s*"
                    r"(?::|—|–|--| - )?\s*", text[dateline.end:sentence.end])
    start = dateline.end + rest.end()
    return Span(start, sentence.end, text[start:sentence.end]) if start < sentence.end else sentence
