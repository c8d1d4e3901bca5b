"""A story as an RFC 7946 GeoJSON FeatureCollection: one Point feature per event place.

Coordinates are [longitude, latitude] (RFC 7946 section 3.1.1), rounded to 5 decimals.
Places without coordinates cannot be features; they are listed, with their candidates,
in the foreign member ``unlocated`` so no event is lost on the way to a GIS.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Story
from .output import warn, write_text
from .places import COORD_DIGITS, PlaceTable, place_table

__all__ = ["story_to_geojson", "geojson_from_table", "dump_geojson", "export_geojson"]


def _iso(date) -> str | None:
    return date.isoformat() if date is not None else None


def story_to_geojson(story: Story) -> dict[str, Any]:
    """The FeatureCollection as a dict (features in the story's chronological order)."""
    return geojson_from_table(place_table(story))


def geojson_from_table(table: PlaceTable) -> dict[str, Any]:
    story = table.story
    features = []
    for lp in table.located:
        e, p = lp.event, lp.place
        r = p.resolved
        features.append({
            "type": "Feature",
            "id": f"{e.id}#{lp.index}",
            "geometry": {"type": "Point",
                         "coordinates": [round(lp.lon, COORD_DIGITS), round(lp.lat, COORD_DIGITS)]},
            "properties": {
                "id": e.id,
                "title": e.title,
                "start": _iso(e.start),
                "end": _iso(e.end),
                "precision": e.start.precision.value if e.start else None,
                "approximate": bool(e.start and e.start.approximate),
                "date": e.date_label(),
                "start_year": round(e.start.position, 4) if e.start else None,
                "end_year": round((e.end or e.start).end_position(), 4) if e.start else None,
                "group": e.group,
                "place": p.name,
                "place_resolved": r.name if r is not None else p.name,
                "country": r.country if r is not None else None,
                "geonameid": r.geonameid if r is not None else None,
                "status": lp.status,
                # found by geoparsing the event's words, not given by the file
                "inferred": p.inferred,
                "confidence": p.confidence,
                "zoom": p.zoom,
                "tags": list(e.tags),
                "sources": [{"url": s.url, "title": s.title} for s in e.sources],
            },
        })
    out: dict[str, Any] = {"type": "FeatureCollection"}
    if table.located:
        lons = [f["geometry"]["coordinates"][0] for f in features]
        lats = [f["geometry"]["coordinates"][1] for f in features]
        out["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    out["features"] = features
    # Foreign members (RFC 7946 section 6.1): the story and what could not be placed.
    out["title"] = story.title
    if story.slug:
        out["slug"] = story.slug
    out["unlocated"] = [u.as_dict() for u in table.unlocated]
    return out


def dump_geojson(story: Story | PlaceTable) -> str:
    table = story if isinstance(story, PlaceTable) else place_table(story)
    # allow_nan=False: RFC 8259 has no NaN; failing loudly beats writing invalid JSON.
    return json.dumps(geojson_from_table(table), ensure_ascii=False, indent=1,
                      allow_nan=False) + "\n"


def export_geojson(story: Story, out: Path | None) -> None:
    table = place_table(story)
    warn(table.warnings())
    write_text(dump_geojson(table), out)
