"""The offline basemap: Natural Earth land, country borders, label points and (for the
physical map) the gazetteer's river courses as GeoJSON.

The TopoJSON (world-atlas, 110m) ships with the gazetteer; it is converted here once per
process, so the browser needs neither a tile server nor a TopoJSON library.
"""
from __future__ import annotations

import json
from functools import lru_cache

from gazetteer.naturalearth import basemap_topojson, label_point, topology_mesh, topology_to_features
from gazetteer.sources import curated_geometries

__all__ = ["basemap_geojson", "basemap_bytes", "basemap_script"]


def _label_point(geometry: dict) -> tuple[float, float] | None:
    if geometry["type"] not in ("Polygon", "MultiPolygon") or not geometry["coordinates"]:
        return None
    lat, lon = label_point(geometry)
    return round(lat, 3), round(lon, 3)


def _clip(ring: list, low: float, high: float) -> list:
    """Sutherland-Hodgman: the part of a ring between two meridians (a convex strip)."""
    for edge, inside in ((low, lambda x: x >= low), (high, lambda x: x <= high)):
        out = []
        for i, cur in enumerate(ring):
            prev = ring[i - 1]
            if inside(cur[0]) != inside(prev[0]):
                t = (edge - prev[0]) / (cur[0] - prev[0])
                out.append([edge, round(prev[1] + t * (cur[1] - prev[1]), 4)])
            if inside(cur[0]):
                out.append(cur)
        ring = out
        if not ring:
            return ring
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def _unwrap(ring: list) -> tuple[list, bool]:
    """The ring with no jump of more than 180 degrees between neighbours (-180 to 180
    becomes 180 to 180); False when it cannot close so (it goes round a pole)."""
    out = [list(ring[0])]
    for lon, lat in ring[1:]:
        lon += round((out[-1][0] - lon) / 360) * 360
        out.append([lon, lat])
    return out, abs(out[-1][0] - out[0][0]) < 1e-9


def split_antimeridian(polygon: list) -> list:
    """A polygon (outer ring, holes) whose edges jump across the antimeridian, as Natural
    Earth's Chukotka and Fiji do in world-atlas, cut into pieces on either side of it.

    Drawn as given, such an edge runs from 180 to -180 across the whole map: the thin
    horizontal seams at about 66 N and 16 S. A ring around a pole (Antarctica) is kept.
    """
    rings = []
    for ring in polygon:
        unwrapped, closed = _unwrap(ring)
        if not closed:
            return [polygon]
        rings.append(unwrapped)
    lons = [p[0] for p in rings[0]]
    if min(lons) >= -180 and max(lons) <= 180:
        return [polygon]
    pieces = []
    for shift in (-360, 0, 360):
        parts = [_clip([[x + shift, y] for x, y in ring], -180.0, 180.0) for ring in rings]
        if len(parts[0]) >= 4:
            pieces.append([parts[0]] + [h for h in parts[1:] if len(h) >= 4])
    return pieces


def _without_seams(features: list) -> list:
    for f in features:
        g = f["geometry"]
        polygons = ([g["coordinates"]] if g["type"] == "Polygon" else
                    g["coordinates"] if g["type"] == "MultiPolygon" else None)
        if polygons is None:
            continue
        cut = [piece for polygon in polygons for piece in split_antimeridian(polygon)]
        f["geometry"] = {"type": "MultiPolygon", "coordinates": cut}
    return features


def _rivers() -> dict:
    """The physical map's rivers: the gazetteer's curated river courses (coarse lines;
    the project ships no Natural Earth rivers layer). Lines only, no names."""
    lines = [{"type": "Feature", "properties": {}, "geometry": g}
             for g in curated_geometries().values() if g.get("type") in ("LineString", "MultiLineString")]
    return {"type": "FeatureCollection", "features": lines}


@lru_cache(maxsize=1)
def basemap_geojson() -> dict:
    """{"land": FeatureCollection, "borders": FeatureCollection, "labels": [...]}.

    Borders are the lines between countries only (coastlines are the land's outline):
    every map move redraws them, and full country polygons drew each coast twice.
    """
    topo = basemap_topojson()
    countries = topology_to_features(topo, "countries", digits=2)
    land = _without_seams(topology_to_features(topo, "land", digits=2) if "land" in topo["objects"] else [])
    labels = []
    for f in countries:
        point = _label_point(f["geometry"])
        name = f["properties"].get("name")
        if point and name:
            labels.append({"name": name, "lat": point[0], "lon": point[1]})
        f["properties"] = {"name": name}
    return {
        "land": {"type": "FeatureCollection", "features": land},
        "borders": {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": topology_mesh(topo, "countries", digits=2)}]},
        "rivers": _rivers(),
        "labels": labels,
        "attribution": "Natural Earth (public domain) · places: GeoNames (CC BY 4.0)",
    }


@lru_cache(maxsize=1)
def basemap_bytes() -> bytes:
    return json.dumps(basemap_geojson(), separators=(",", ":")).encode()


@lru_cache(maxsize=1)
def basemap_script() -> bytes:
    """The basemap as a classic script (``window.chronoatlasBasemap``).

    Loaded before the glue, the map is drawn with its land in the same task as its
    markers, where a fetched JSON file arrives only after the page's first long task (and
    works from ``file://`` too, where a static site cannot fetch). The JSON is kept a
    string for ``JSON.parse``, which V8 reads faster than an object literal this size.
    """
    text = basemap_bytes().decode()
    return b"window.chronoatlasBasemap = JSON.parse(" + json.dumps(text).encode() + b");\n"
