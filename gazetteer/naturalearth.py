"""Natural Earth country shapes (world-atlas 2.0.2 TopoJSON, public domain).

Decoding happens only while the index is built; at run time shapes come from the index.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

DATA = "data/naturalearth"
LICENCE = "Natural Earth: public domain (world-atlas 2.0.2 TopoJSON, ISC)"

# world-atlas features without an ISO numeric id
_NAMED_WITHOUT_ID = {"Kosovo": "XK"}


def _read(name: str) -> dict[str, Any]:
    path = resources.files("gazetteer").joinpath(f"{DATA}/{name}")
    with path.open("rb") as fh:
        return json.load(fh)


def data_path(name: str):
    return resources.files("gazetteer").joinpath(f"{DATA}/{name}")


@lru_cache(maxsize=1)
def basemap_topojson() -> dict[str, Any]:
    """The countries-110m TopoJSON as a dict: the web app's offline basemap.

    Cached: callers must not mutate it (copy it first if they need to).
    """
    return _read("countries-110m.json")


def _decode_arcs(topology: dict[str, Any], digits: int = 5) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((round(x * sx + tx, digits), round(y * sy + ty, digits)))
        else:
            points = [(round(float(p[0]), digits), round(float(p[1]), digits)) for p in arc]
        arcs.append(points)
    return arcs


def _ring(arcs, indexes: list[int]) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(pts[1:] if ring else pts)
    return [list(p) for p in ring]


def _geometry(obj: dict[str, Any], arcs) -> dict[str, Any] | None:
    kind = obj.get("type")
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(arcs, r) for r in obj["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon",
                "coordinates": [[_ring(arcs, r) for r in poly] for poly in obj["arcs"]]}
    if kind == "LineString":
        return {"type": "LineString", "coordinates": _ring(arcs, obj["arcs"])}
    if kind == "MultiLineString":
        return {"type": "MultiLineString", "coordinates": [_ring(arcs, r) for r in obj["arcs"]]}
    return None


def topology_to_features(topology: dict[str, Any], name: str, *, digits: int = 5) -> list[dict[str, Any]]:
    """GeoJSON features of one TopoJSON object, coordinates rounded to ``digits``."""
    arcs = _decode_arcs(topology, digits)
    obj = topology["objects"][name]
    geoms = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    features = []
    for geom in geoms:
        g = _geometry(geom, arcs)
        if g is not None:
            features.append({"type": "Feature", "id": geom.get("id"),
                             "properties": dict(geom.get("properties") or {}), "geometry": g})
    return features


def topology_mesh(topology: dict[str, Any], name: str, *, digits: int = 5) -> dict[str, Any]:
    """The borders between the geometries of one TopoJSON object, as a MultiLineString:
    each arc two of them share, once (TopoJSON's ``mesh`` with the "internal" filter).
    Coastlines are left to the land outline, so a border map draws half the points."""
    arcs = _decode_arcs(topology, digits)
    obj = topology["objects"][name]
    geoms = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    owners: dict[int, set[int]] = {}
    for g, geom in enumerate(geoms):
        rings = geom.get("arcs") or []
        if geom.get("type") == "Polygon":
            rings = [rings]
        elif geom.get("type") != "MultiPolygon":
            continue
        for polygon in rings:
            for ring in polygon:
                for i in ring:
                    owners.setdefault(i if i >= 0 else ~i, set()).add(g)
    lines = [[list(p) for p in arcs[i]] for i in sorted(owners) if len(owners[i]) > 1]
    return {"type": "MultiLineString", "coordinates": lines}


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area), cx / (6 * area), cy / (6 * area)


def label_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lon) of the centroid of the largest outer ring: a country's main body."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best = max((_ring_area_centroid(_unwrap(p[0])) for p in polys if p and p[0]), key=lambda t: t[0])
    lon = (best[1] + 180) % 360 - 180
    return round(best[2], 4), round(lon, 4)


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    """Shift a ring that crosses the antimeridian (Russia, Fiji) onto 0..360."""
    xs = [p[0] for p in ring]
    if max(xs) - min(xs) <= 180:
        return ring
    return [[x + 360 if x < 0 else x, y] for x, y in ring]


def bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a Polygon/MultiPolygon/LineString geometry."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for sub in c:
                walk(sub)

    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def country_shapes(name: str = "countries-50m.json") -> dict[str, tuple[str, dict[str, Any]]]:
    """ISO numeric code (or alpha-2 for the few without one) -> (NE name, GeoJSON geometry)."""
    topology = _read(name)
    arcs = _decode_arcs(topology)
    shapes = {}
    for obj in topology["objects"]["countries"]["geometries"]:
        geometry = _geometry(obj, arcs)
        if geometry is None:
            continue
        key = obj.get("id") or _NAMED_WITHOUT_ID.get(obj.get("properties", {}).get("name", ""))
        if not key:
            continue
        # Australia and "Ashmore and Cartier Is." share 036: the main body keeps the key
        prior = shapes.get(str(key))
        if prior is None or _area(geometry) > _area(prior[1]):
            shapes[str(key)] = (obj.get("properties", {}).get("name", ""), geometry)
    return shapes


def _area(geometry: dict[str, Any]) -> float:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return sum(_ring_area_centroid(_unwrap(p[0]))[0] for p in polys if p and p[0])


def _in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def distance_to_shape_km(lat: float, lon: float, geometry: dict[str, Any]) -> float:
    """0 when (lat, lon) is inside the (Multi)Polygon, else the distance to its nearest
    vertex: a check that a curated representative point belongs to its shape."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        if poly and poly[0] and _in_ring(lon, lat, poly[0]) and not any(
                _in_ring(lon, lat, hole) for hole in poly[1:]):
            return 0.0
    return min(haversine_km(lat, lon, y, x) for poly in polys for ring in poly[:1] for x, y in ring)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))
