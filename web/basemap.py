"""The offline basemap: Natural Earth land, country borders and label points as GeoJSON.

The TopoJSON (world-atlas, 110m) ships with the gazetteer; it is converted here once per
process, so the browser needs neither a tile server nor a TopoJSON library.
"""
from __future__ import annotations

import json
from functools import lru_cache

from gazetteer.naturalearth import basemap_topojson, label_point, topology_to_features

__all__ = ["basemap_geojson", "basemap_bytes"]


def _label_point(geometry: dict) -> tuple[float, float] | None:
    if geometry["type"] not in ("Polygon", "MultiPolygon") or not geometry["coordinates"]:
        return None
    lat, lon = label_point(geometry)
    return round(lat, 3), round(lon, 3)


@lru_cache(maxsize=1)
def basemap_geojson() -> dict:
    """{"land": FeatureCollection, "countries": FeatureCollection, "labels": [...]}."""
    topo = basemap_topojson()
    countries = topology_to_features(topo, "countries", digits=2)
    land = topology_to_features(topo, "land", digits=2) if "land" in topo["objects"] else []
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
