"""The offline basemap: Natural Earth land, country borders and label points as GeoJSON.

The TopoJSON (world-atlas, 110m) ships with the gazetteer; it is converted here once per
process, so the browser needs neither a tile server nor a TopoJSON library.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["basemap_geojson", "basemap_bytes", "topology_to_features"]

_DATA = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "naturalearth"


def _load_topology() -> dict:
    try:  # the gazetteer's accessor, once it exists; the raw file otherwise
        from gazetteer.naturalearth import basemap_topojson  # type: ignore
    except ImportError:
        basemap_topojson = None
    if basemap_topojson is not None:
        topo = basemap_topojson()
        if isinstance(topo, (str, bytes)):
            topo = json.loads(topo)
        if isinstance(topo, dict) and "countries" in topo.get("objects", {}):
            return topo
    return json.loads((_DATA / "countries-110m.json").read_text(encoding="utf-8"))


def _decode_arcs(topo: dict, digits: int) -> list[list[tuple[float, float]]]:
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((round(x * sx + tx, digits), round(y * sy + ty, digits)))
        else:
            points = [(round(p[0], digits), round(p[1], digits)) for p in arc]
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[list[float]]:
    coords: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        coords.extend(points[1:] if coords else points)
    return [list(p) for p in coords]


def _geometry(arcs: list, geom: dict) -> dict | None:
    kind = geom.get("type")
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(arcs, r) for r in geom["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon",
                "coordinates": [[_ring(arcs, r) for r in poly] for poly in geom["arcs"]]}
    if kind == "LineString":
        return {"type": "LineString", "coordinates": _ring(arcs, geom["arcs"])}
    if kind == "MultiLineString":
        return {"type": "MultiLineString", "coordinates": [_ring(arcs, r) for r in geom["arcs"]]}
    return None


def topology_to_features(topo: dict, name: str, *, digits: int = 2) -> list[dict]:
    """GeoJSON features of one TopoJSON object (a GeometryCollection)."""
    arcs = _decode_arcs(topo, digits)
    obj = topo["objects"][name]
    geoms = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    features = []
    for geom in geoms:
        g = _geometry(arcs, geom)
        if g is not None:
            features.append({"type": "Feature", "id": geom.get("id"),
                             "properties": dict(geom.get("properties") or {}), "geometry": g})
    return features


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def _label_point(geometry: dict) -> tuple[float, float] | None:
    polys = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
             else geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [])
    best = None
    for poly in polys:
        if poly and len(poly[0]) > 2:
            ring = poly[0]
            if max(p[0] for p in ring) - min(p[0] for p in ring) > 180:  # cut at 180°
                ring = [[x + 360 if x < 0 else x, y] for x, y in ring]
            area, x, y = _ring_area_centroid(ring)
            if best is None or area > best[0]:
                best = (area, x, y)
    if best is None:
        return None
    return round(best[2], 3), round((best[1] + 180) % 360 - 180, 3)


@lru_cache(maxsize=1)
def basemap_geojson() -> dict:
    """{"land": FeatureCollection, "countries": FeatureCollection, "labels": [...]}."""
    topo = _load_topology()
    countries = topology_to_features(topo, "countries")
    land = topology_to_features(topo, "land") if "land" in topo["objects"] else []
    labels = []
    for f in countries:
        point = _label_point(f["geometry"])
        name = f["properties"].get("name")
        if point and name:
            labels.append({"name": name, "lat": point[0], "lon": point[1]})
        f["properties"] = {"name": name}
    return {
        "land": {"type": "FeatureCollection", "features": land},
        "countries": {"type": "FeatureCollection", "features": countries},
        "labels": labels,
        "attribution": "Natural Earth (public domain) · places: GeoNames (CC BY 4.0)",
    }


@lru_cache(maxsize=1)
def basemap_bytes() -> bytes:
    return json.dumps(basemap_geojson(), separators=(",", ":")).encode()
