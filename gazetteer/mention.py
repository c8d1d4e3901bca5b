"""The geoparser's result value: one place (or demonym) mention in a text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .model import Candidate, Resolution

__all__ = ["Mention"]


@dataclass(frozen=True)
class Mention:
    """One place (or demonym) mention: ``text == document[start:end]``."""

    start: int
    end: int
    text: str
    kind: Literal["place", "adjective"]
    resolution: Resolution

    @property
    def best(self) -> Candidate | None:
        """The best candidate, also when the resolver is unsure (then ``confidence`` is
        low and ``status`` is ``ambiguous``): a mention is flagged, never left without a
        place. ``resolution.best`` stays None unless the name is resolved."""
        r = self.resolution
        return r.best or (r.candidates[0] if r.candidates else None)

    @property
    def confidence(self) -> float:
        return self.resolution.confidence

    @property
    def alternatives(self) -> list[Candidate]:
        """The other candidates, most likely first."""
        best = self.best
        return [c for c in self.resolution.candidates if c is not best and c.id != (best.id if best else None)]

    @property
    def status(self) -> str:
        return self.resolution.status

    def to_dict(self) -> dict[str, Any]:
        """``{"start","end","text","name","lat","lon","country","kind","geonameid","score",
        "status","confidence","alternatives"}`` from the best candidate (nulls only when
        the gazetteer has no candidate at all). ``kind`` is ``demonym`` for demonyms
        ("Russian"), whose place is their country (``place_kind``)."""
        b = self.best
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "name": b.name if b else None,
            "lat": round(b.lat, 5) if b else None,
            "lon": round(b.lon, 5) if b else None,
            "country": b.country if b else None,
            "kind": ("demonym" if self.kind == "adjective" else b.kind if b else None),
            "place_kind": b.kind if b else None,
            "geonameid": b.geonameid if b else None,
            "score": round(b.score, 4) if b else None,
            "status": self.resolution.status,
            "confidence": round(self.confidence, 3),
            "alternatives": [c.to_dict() for c in self.alternatives[:4]],
        }
