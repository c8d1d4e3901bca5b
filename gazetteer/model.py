"""The values the gazetteer hands out: candidates and resolutions."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Status = Literal["resolved", "ambiguous", "unresolved"]


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to.

    ``id`` is stable across index rebuilds: ``geonames:<geonameid>`` for GeoNames
    places and countries, ``curated:<slug>`` for the curated supplement and
    ``user:<file>:<key>`` for imported places. ``geonameid`` is None when the place
    is not from GeoNames.
    """

    name: str
    lat: float
    lon: float
    country: str | None
    kind: str
    geonameid: int | None
    score: float = 0.0
    confidence: float = 0.0
    population: int = 0
    source: str = ""
    id: str = ""
    admin1: str | None = None
    valid_from: int | None = None
    valid_to: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a candidate in ``geocode --json``."""
        return {
            "name": self.name,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "country": self.country,
            "kind": self.kind,
            "geonameid": self.geonameid,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to; ``best`` is None unless ``status == "resolved"``."""

    query: str
    status: Status
    best: Candidate | None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        if self.best is not None:
            return self.best.confidence
        return self.candidates[0].confidence if self.candidates else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON object of issue 3."""
        return {
            "query": self.query,
            "status": self.status,
            "best": self.best.to_dict() if self.best is not None else None,
            "candidates": [c.to_dict() for c in self.candidates],
        }


class AreaNames(NamedTuple):
    """The names a candidate's codes stand for, to label it ("Paris, Île-de-France,
    France"): countries by ISO alpha-2 code, first-level divisions by (country, admin1
    code). Read-only views."""

    countries: Mapping[str, str]
    regions: Mapping[tuple[str, str], str]
