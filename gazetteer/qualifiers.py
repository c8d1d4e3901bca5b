"""Qualifiers: what "Moscow, Idaho", "Paris (TX)" or "Georgia (country)" asks of a
candidate, and what to answer when no candidate of the name lies where it says."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .evidence import KIND_WORDS, Constraint
from .memindex import Row
from .model import Resolution
from .normalize import normalize

if TYPE_CHECKING:
    from .resolve import Gazetteer

# A qualifier naming one of these is an area a place can be given as when the name is
# not known inside it ("Fife, Scotland"), with this confidence: flagged, never silent.
QUALIFIER_AREAS = frozenset({"country", "historical-state", "admin1", "admin2", "region"})
OUTSIDE_CONFIDENCE = 0.3


def interpret(gaz: Gazetteer, qualifier: str) -> list[Constraint]:
    """What a qualifier like "Idaho", "ID", "France" or "country" asks for."""
    q = qualifier.strip()
    key = normalize(q)
    out: list[Constraint] = []
    if key in KIND_WORDS:
        return [Constraint(kinds=frozenset(KIND_WORDS[key]))]
    if 2 <= len(q) <= 3 and q.isalpha() and q.isupper():
        for code, kind, cc, admin1 in gaz._query(
                "SELECT code, kind, country, admin1 FROM codes WHERE code = ?", (q.lower(),)):
            out.append(Constraint(country=cc, admin1=admin1))
    for row, prior in gaz._lookup(key)[:5] if key else ():
        if prior < 5.0 and out:
            continue
        if row.kind in ("country", "historical-state") and row.country:
            out.append(Constraint(country=row.country))
        elif row.kind == "admin1" and row.country:
            out.append(Constraint(country=row.country, admin1=row.admin1, point=(row.lat, row.lon)))
        else:
            out.append(Constraint(point=(row.lat, row.lon), country=None))
    return out


def outside_area(gaz: Gazetteer, query: str, scored: list, qualifiers: list[str],
                 constraints: list[list[Constraint]], year: int | None,
                 limit: int) -> Resolution | None:
    """"Fife, Scotland" when the only Fife known is in Washington State: the qualifier
    is surer than the namesake, so the place is given as the qualifier's area with a
    low confidence (flagged for review), the namesakes kept as alternatives. Not when
    the name is itself an area: "Colorado, Delaware" is a list of states."""
    if any(row.kind in QUALIFIER_AREAS or row.country is None for _, row, _ in scored):
        return None  # ... nor for a sea or a gulf, which no country holds ("the Gulf, Qatar")
    for qualifier, alternatives in zip(qualifiers, constraints):
        areas = [c for c in alternatives if c.country]
        if not areas or any(_within(row, c) for _, row, _ in scored for c in areas):
            continue
        area = gaz._resolve_plain(qualifier, None, year).best
        if area is None or area.kind not in QUALIFIER_AREAS:
            continue
        ranked = sorted(scored, key=lambda s: (-s[0], s[1].name, s[1].ref))[:limit - 1]
        best = replace(area, confidence=min(area.confidence, OUTSIDE_CONFIDENCE))
        others = [gaz._candidate(row, prior, 0.0, 0.0) for _, row, prior in ranked]
        return Resolution(query=query, status="ambiguous", best=None,
                          candidates=[best, *others])
    return None


def _within(row: Row, c: Constraint) -> bool:
    """Whether a candidate lies in the country (and division) a qualifier names."""
    return row.country == c.country and (c.admin1 is None or row.admin1 == c.admin1)
