"""Where a clause's happening happened, chosen among the place names around it.

The order (issue 14): the clause's own place, else a place the sentence says it happened
in, else the sentence's subject place, else the seat of an institution it names, else
the article's setting (the dateline; background at the dateline's country). Actors
("the Kremlin said") are never venues.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..dates import HistoricalDate
from ..model import ResolvedPlace
from . import seats
from .segment import Span


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text; ``adjective`` mentions ("Mongolian") are weaker evidence."""

    start: int
    end: int
    text: str
    place: ResolvedPlace | None
    adjective: bool = False

    @property
    def located(self) -> bool:
        return self.place is not None and self.place.located and self.place.status in (
            "resolved", "pinned")


# More dates than this in one sentence make one spanning event (see extract()).

def _in(span_start: int, span_end: int, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mentions inside [span_start, span_end); ``mentions`` is sorted by start."""
    lo = bisect.bisect_left(mentions, span_start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, span_end, lo=lo, key=lambda m: m.start)
    return [m for m in mentions[lo:hi] if m.end <= span_end]


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across|throughout|around|into|"
                       r"on the streets of|off)\s+(?:the\s+)?$", re.I)


# "travel to Mongolia", "his visit to South Africa": a journey's end is where it happens.
_DESTINATION = re.compile(r"\b(?:travel\w*|fl(?:y|ew|ies|ying)|go(?:es|ing)?|went|arriv\w*|return\w*|"
                          r"c[ao]me|moved?|sent|head\w*|trips?|visits?|visited|journey\w*|"
                          r"deployed|flown|driven)\s+(?:\w+\s+)?(?:to|for)\s+(?:the\s+)?$", re.I)


@dataclass
class _Scene:
    """What place choice needs about the article: its text, where mentions are, which
    of them are actors ("the Kremlin said"), and the fallback place."""

    text: str
    mentions: list[PlaceMention]
    actors: set[tuple[int, int]]
    fallback: list[PlaceMention]
    # With a dateline: news of the last weeks happened there, older background in its
    # country ("KUALA LUMPUR: ... since independence in 1957" is Malaysia).
    dateline_country: list[PlaceMention] = field(default_factory=list)
    published: HistoricalDate | None = None

    def setting(self, when: HistoricalDate | None) -> list[PlaceMention]:
        if (self.dateline_country and when is not None and self.published is not None
                and abs(when.position - self.published.position) > 0.25):
            return list(self.dateline_country)
        return list(self.fallback)

    def venues(self, start: int, end: int) -> list[PlaceMention]:
        return [m for m in _in(start, end, self.mentions)
                if not m.adjective and (m.start, m.end) not in self.actors]

    def locative(self, m: PlaceMention) -> bool:
        return bool(_LOCATIVE.search(self.text[max(0, m.start - 24):m.start])
                    or _DESTINATION.search(self.text[max(0, m.start - 40):m.start]))


def _places_for(clause: tuple[int, int], sentence: Span, scene: _Scene,
                when: HistoricalDate | None = None) -> list[PlaceMention]:
    """Where the clause's happening happened: the clause's own place (one said with "in",
    "at"... first), else a place the sentence says it happened in, else the sentence's
    subject place, else the seat of an institution named, else the article's setting.
    Never every place around it; actors ("Washington said") are not venues."""
    own = scene.venues(*clause)
    envoy = _envoy_post(own or scene.venues(sentence.start, sentence.end), scene)
    if envoy:
        return [envoy]
    said_in = [m for m in scene.venues(sentence.start, sentence.end) if scene.locative(m)]
    if own and (any(scene.locative(m) for m in own) or not said_in):
        return [min(own, key=lambda m: (not scene.locative(m), m.start))]
    if said_in:
        # the clause names a place but not as where ("a New Zealand national ... at a
        # house in Edmonton"): the sentence's "in/at" place is the venue
        return [said_in[0]]
    head = [m for m in _in(sentence.start, min(sentence.end, sentence.start + 40), scene.mentions)
            if (m.start, m.end) not in scene.actors and m.located
            and m.place.kind not in ("continent", "region")]
    seat = _seat(clause, sentence, scene)
    if head and not (seat and head[0].adjective):
        # "Malaysian authorities ordered ..." in a report from Kuala Lumpur: the demonym
        # names the actor's country; the dateline city in it is the finer venue
        city = [m for m in scene.setting(when) if m.located and m.place.kind != "country"]
        if (head[0].adjective and scene.dateline_country and city
                and city[0].place.country == head[0].place.country):  # a dateline report
            return city[:1]
        return [head[0]]
    if seat:
        return [seat]
    return scene.setting(when)


def _seat_fits(place: ResolvedPlace, institution: str, scene: _Scene) -> bool:
    """A name several countries give their body ("House of Commons", "Congress") sits in
    the table's city only when the article is set in that country (or nowhere known):
    Ottawa's House of Commons is not in London."""
    if institution not in seats.SHARED_NAMES:
        return True
    setting = [m for m in scene.fallback if m.located]
    return not setting or setting[0].place.country == place.country


def _envoy_post(mentions: list[PlaceMention], scene: _Scene) -> PlaceMention | None:
    """'the ambassador to Turkey' works (and here, was shot) in Turkey's capital."""
    for m in mentions:
        if m.located and m.place.kind == "country" and seats.ENVOY_TO.search(
                scene.text[max(0, m.start - 30):m.start]):
            capital = seats.CAPITALS.get(m.place.country or "")
            place = seats.seat_place(capital) if capital else None
            if place is not None:
                return PlaceMention(m.start, m.end, capital, place)
    return None


def _seat(clause: tuple[int, int], sentence: Span, scene: _Scene) -> PlaceMention | None:
    """The seat of an institution the clause (else the sentence) names: the ICC -> The
    Hague, the Kremlin -> Moscow, a South Korean court -> Seoul."""
    for start, end in (clause, (sentence.start, sentence.end)):
        chunk = scene.text[start:end]
        for s0, s1, seat in seats.institutions(chunk, start):
            if not seats.acts_here(scene.text, s0, s1, start):
                continue  # "EU airlines", "the ICC's obligations": not the actor here
            place = seats.seat_place(seat)
            if place is not None and _seat_fits(place, scene.text[s0:s1], scene):
                return PlaceMention(s0, s1, seat, place)
        description = seats.described(scene.text, start, end)
        if description is not None:
            place = seats.seat_place(description[2])
            if place is not None:
                return PlaceMention(description[0], description[1], description[2], place)
        body = seats.NATIONAL_BODY.search(chunk)
        if body and seats.acts_here(scene.text, start + body.start(), start + body.end(), start):
            near = [m for m in _in(sentence.start, sentence.end, scene.mentions)
                    if m.located and m.place.kind in ("country", None) or m.adjective]
            for m in near:
                capital = seats.CAPITALS.get(m.place.country or "") if m.place else None
                place = seats.seat_place(capital) if capital else None
                if place is not None:
                    return PlaceMention(start + body.start(), start + body.end(), capital, place)
    return None
