"""The evidence that adds to a candidate's importance: what a qualifier asks for
("Paris, Texas", "Georgia (country)") and what the other places of the story say
(shared country and region, nearness), each bounded so that it informs, not overrules."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .memindex import Row
from .model import Candidate
from .naturalearth import haversine_km

CONTEXT_CAP = 4.0
SINGLE_ANCHOR_CAP = 0.8  # most one co-occurring place may add (see context_bonus)
_FAR_DEGREES = 1000.0 / 111.0 + 0.01   # latitude gap beyond which 1,000 km or more

KIND_WORDS = {
    "country": {"country", "historical-state"}, "nation": {"country", "historical-state"},
    "state": {"admin1", "country", "historical-state"}, "us state": {"admin1"},
    "province": {"admin1"}, "region": {"region", "admin1"}, "city": {"city", "capital"},
    "town": {"city"}, "village": {"city"}, "capital": {"capital"}, "river": {"river"},
    "lake": {"lake"}, "sea": {"sea"}, "island": {"island"}, "mountain": {"mountain"},
    "mountains": {"mountain-range"}, "desert": {"desert"}, "battle": {"battlefield"},
    "battlefield": {"battlefield"}, "empire": {"historical-state"}, "continent": {"continent"},
}


@dataclass(frozen=True)
class Anchor:
    """A known place in the surrounding story or text, with how sure we are of it."""

    lat: float
    lon: float
    country: str | None
    admin1: str | None
    weight: float
    country_only: bool = False
    key: str = ""  # the normalised name it came from: no evidence for that same name


@dataclass(frozen=True)
class Constraint:
    """What a qualifier asks of a candidate: a kind, a country (and division), a place near."""

    kinds: frozenset[str] = frozenset()
    country: str | None = None
    admin1: str | None = None
    point: tuple[float, float] | None = None


def constraint_bonus(row: Row, c: Constraint) -> float:
    """How well ``row`` meets one qualifier's constraint (negative when it does not)."""
    bonus = 0.0
    if c.kinds:
        bonus += 4.0 if row.kind in c.kinds else -1.0
    if c.country:
        if row.country == c.country:
            bonus += 4.0
            if c.admin1:
                bonus += 3.0 if row.admin1 == c.admin1 else -2.0
        else:
            bonus -= 1.0
    elif c.point:
        d = haversine_km(row.lat, row.lon, *c.point)
        bonus += 4.0 if d < 100 else 2.5 if d < 500 else 0.0
    return bonus


_radians, _cos, _sin, _asin, _sqrt = math.radians, math.cos, math.sin, math.asin, math.sqrt


def context_bonus(row: Row, anchors: tuple[Anchor, ...], corroborate: bool = False) -> float:
    """What the other places say for ``row``: shared country, shared first-level division,
    nearness, each weighed by the anchor's own confidence.

    With ``corroborate`` (places that merely co-occur in a story, not context a user gave)
    one agreeing place is weak evidence: it may add at most ``SINGLE_ANCHOR_CAP``, not
    enough to overturn a large importance gap ("Alamo" alone does not make "Odessa"
    Texan); the cap rises to ``CONTEXT_CAP`` as a second independent place agrees.
    """
    bonus = 0.0
    support = 0.0
    lat, lon, country, admin1 = row.lat, row.lon, row.country, row.admin1
    p1 = _radians(lat)
    cos_p1 = _cos(p1)
    for a in anchors:
        b = 0.0
        if country and a.country == country:
            b += 1.0
            if a.admin1 and admin1 == a.admin1 and not a.country_only:
                b += 1.5
        if not a.country_only:
            # a latitude gap alone puts it past 1,000 km (111 km a degree): no distance
            # term, and no haversine (this loop is the resolver's hot spot, so the
            # haversine is inline: haversine_km(lat, lon, a.lat, a.lon), step for step)
            if abs(lat - a.lat) > _FAR_DEGREES:
                d = 1000.0
            else:
                p2 = _radians(a.lat)
                dp, dl = p2 - p1, _radians(a.lon - lon)
                h = _sin(dp / 2) ** 2 + cos_p1 * _cos(p2) * _sin(dl / 2) ** 2
                d = 6371.0088 * 2 * _asin(min(1.0, _sqrt(h)))
            if d < 1.0:
                continue  # the same place seen twice is not independent evidence
            b += 1.0 if d < 300 else 0.5 if d < 1000 else 0.0
        if b > 0.0:
            bonus += a.weight * b
            support += a.weight
            if bonus >= CONTEXT_CAP and (not corroborate or support >= 2.0):
                return CONTEXT_CAP
    if corroborate:
        cap = SINGLE_ANCHOR_CAP + (CONTEXT_CAP - SINGLE_ANCHOR_CAP) * max(0.0, support - 1.0)
        return min(bonus, cap, CONTEXT_CAP)
    return min(bonus, CONTEXT_CAP)


def anchor_of(c: Candidate, weight: float) -> Anchor:
    country_only = c.kind in ("country", "continent", "ocean", "historical-state")
    return Anchor(c.lat, c.lon, c.country, c.admin1, max(0.0, min(1.0, weight)), country_only)
