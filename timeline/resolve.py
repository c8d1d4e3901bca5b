"""Resolve a story's place names through the gazetteer, with the whole story as context.

Pinned coordinates always win. Names the gazetteer is unsure of stay in the story as
``ambiguous`` (with candidates) or ``unresolved``: shown and flagged, never dropped.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from .model import Candidate, Event, PlaceRef, ResolvedPlace, Story


def _context_text(story: Story) -> str:
    parts = [story.title, story.summary or ""]
    parts += [e.title for e in story.events]
    return "\n".join(p for p in parts if p)


def resolved_from(resolution: Any, geometry: dict | None = None) -> ResolvedPlace:
    """A gazetteer Resolution as the model's ResolvedPlace (timeline does not own the type)."""
    best = resolution.best
    candidates = tuple(
        Candidate(name=c.name, lat=c.lat, lon=c.lon, country=c.country, kind=c.kind,
                  geonameid=c.geonameid, score=round(float(c.score), 3))
        for c in resolution.candidates[:5]
    )
    if best is None or resolution.status == "unresolved":
        return ResolvedPlace(status=resolution.status, candidates=candidates)
    return ResolvedPlace(
        status=resolution.status, name=best.name, lat=best.lat, lon=best.lon,
        country=best.country, kind=best.kind, geonameid=best.geonameid,
        score=round(float(best.score), 3), candidates=candidates, geometry=geometry,
    )


def resolve_story(story: Story, *, gazetteer: Any = None, with_geometry: bool = True) -> Story:
    """A copy of ``story`` with every PlaceRef's ``resolved`` filled in."""
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    names: list[str] = []
    years: list[int | None] = []
    seen: set[str] = set()
    for event in story.dated_events + story.undated_events:
        for place in event.places:
            if not place.pinned and place.name not in seen:
                seen.add(place.name)
                names.append(place.name)
                years.append(event.start.year if event.start else None)
    results = gazetteer.resolve_all(names, context_text=_context_text(story), years=years) if names else []
    by_name: dict[str, ResolvedPlace] = {}
    for name, resolution in zip(names, results):
        geometry = None
        if with_geometry and resolution.best is not None and resolution.status == "resolved":
            geometry = gazetteer.geometry(resolution.best)
        by_name[name] = resolved_from(resolution, geometry)

    def place(p: PlaceRef) -> PlaceRef:
        if p.pinned:
            return replace(p, resolved=ResolvedPlace(status="pinned", name=p.name, lat=p.lat,
                                                     lon=p.lon))
        return replace(p, resolved=by_name.get(p.name, ResolvedPlace(status="unresolved")))

    def event(e: Event) -> Event:
        return replace(e, places=tuple(place(p) for p in e.places)) if e.places else e

    return story.with_events(event(e) for e in story.events)


def unresolved_places(story: Story) -> list[tuple[Event, PlaceRef]]:
    """Every (event, place) whose name did not resolve with confidence, for review."""
    return [(e, p) for e in story.events for p in e.places
            if p.resolved is None or p.resolved.status in ("ambiguous", "unresolved")]
