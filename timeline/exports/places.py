"""Which event places can go on a map, and which cannot (and why): shared by every export.

Exports never drop a place silently: a place without coordinates (unresolved, ambiguous,
or the gazetteer unavailable) is reported as *unlocated*, with its candidates, so the
writer can list it in the file and warn about it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..model import Event, PlaceRef, ResolvedPlace, Story

__all__ = ["LocatedPlace", "UnlocatedPlace", "PlaceTable", "ensure_resolved", "place_table"]

COORD_DIGITS = 5  # ~1 m at the equator: more is noise for a gazetteer point


@dataclass(frozen=True)
class LocatedPlace:
    event: Event
    place: PlaceRef
    lat: float
    lon: float
    status: str  # "resolved" or "pinned"
    index: int = 0  # position of the place in event.places


@dataclass(frozen=True)
class UnlocatedPlace:
    event: Event
    place: PlaceRef | None  # None: the event names no place at all
    status: str  # "ambiguous", "unresolved", "no-place"
    reason: str

    def as_dict(self) -> dict:
        out: dict = {"event": self.event.id, "title": self.event.title}
        if self.place is None:
            out.update(place=None, status=self.status, reason=self.reason)
            return out
        out.update(place=self.place.name, status=self.status, reason=self.reason)
        resolved = self.place.resolved
        if resolved is not None and resolved.candidates:
            out["candidates"] = [
                {"name": c.name, "lat": round(c.lat, COORD_DIGITS), "lon": round(c.lon, COORD_DIGITS),
                 "country": c.country, "score": c.score}
                for c in resolved.candidates
            ]
        return out


@dataclass(frozen=True)
class PlaceTable:
    """Every event of a story in chronological order (undated last), split by place."""

    story: Story
    located: list[LocatedPlace]
    unlocated: list[UnlocatedPlace]
    gazetteer_problem: str | None = None

    def warnings(self) -> list[str]:
        out = []
        if self.gazetteer_problem:
            out.append(f"warning: places were not looked up: {self.gazetteer_problem}")
        for u in self.unlocated:
            if u.place is None:
                continue  # an event without a place is not a problem of the export
            what = f"{u.place.name!r} ({u.event.id})"
            out.append(f"warning: {what} has no coordinates: {u.reason}")
        return out


def _needs_resolving(story: Story) -> bool:
    return any(p.resolved is None and not p.pinned for e in story.events for p in e.places)


def ensure_resolved(story: Story) -> tuple[Story, str | None]:
    """The story with every place resolved, running the gazetteer only when needed.

    Returns the story and, when the gazetteer could not be used, why (the unpinned places
    are then marked unresolved rather than lost).
    """
    if not _needs_resolving(story):
        return story, None
    from ..resolve import resolve_story

    try:
        return resolve_story(story), None
    except ImportError as exc:  # the offline gazetteer is not installed or not built yet
        problem = f"the gazetteer is unavailable ({exc})"

    def place(p: PlaceRef) -> PlaceRef:
        if p.resolved is not None:
            return p
        if p.pinned:
            return replace(p, resolved=ResolvedPlace(status="pinned", name=p.name, lat=p.lat, lon=p.lon))
        return replace(p, resolved=ResolvedPlace(status="unresolved"))

    events = (replace(e, places=tuple(place(p) for p in e.places)) if e.places else e
              for e in story.events)
    return story.with_events(events), problem


def _finite(p) -> bool:
    return all(v is None or (isinstance(v, (int, float)) and math.isfinite(v))
               for v in (p.lat, p.lon))


def place_table(story: Story) -> PlaceTable:
    """Resolve (if needed) and sort every event place into located and unlocated."""
    story, problem = ensure_resolved(story)
    located: list[LocatedPlace] = []
    unlocated: list[UnlocatedPlace] = []
    for event in story.dated_events + story.undated_events:
        if not event.places:
            unlocated.append(UnlocatedPlace(event, None, "no-place", "the event names no place"))
            continue
        for i, p in enumerate(event.places):
            r = p.resolved
            if not _finite(p) or (r is not None and not _finite(r)):
                # Loaders refuse NaN and Infinity; a Story built in code may still hold them.
                unlocated.append(UnlocatedPlace(event, p, "unresolved",
                                                "its coordinates are not finite numbers"))
            elif p.pinned:
                located.append(LocatedPlace(event, p, float(p.lat), float(p.lon), "pinned", i))
            elif r is not None and r.status in ("resolved", "pinned") and r.located:
                located.append(LocatedPlace(event, p, float(r.lat), float(r.lon), r.status, i))
            else:
                status = r.status if r is not None else "unresolved"
                if status == "ambiguous":
                    reason = "ambiguous: several places have this name (see candidates)"
                elif problem:
                    reason = problem
                else:
                    reason = "not found in the gazetteer"
                unlocated.append(UnlocatedPlace(event, p, status, reason))
    return PlaceTable(story, located, unlocated, problem)
