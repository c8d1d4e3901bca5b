"""The offline basemap: Natural Earth land, country borders and label points as GeoJSON.

The TopoJSON (world-atlas, 110m) ships with the gazetteer; it is converted here once per
process, so the browser needs neither a tile server nor a TopoJSON library.
"""
from __future__ import annotations

import json
from functools import lru_cache

from gazetteer.naturalearth import basemap_topojson, label_point, topology_mesh, topology_to_features

__all__ = ["basemap_geojson", "basemap_bytes", "basemap_script"]


def _label_point(geometry: dict) -> tuple[float, float] | None:
    if geometry["type"] not in ("Polygon", "MultiPolygon") or not geometry["coordinates"]:
        return None
    lat, lon = label_point(geometry)
    return round(lat, 3), round(lon, 3)


@lru_cache(maxsize=1)
def basemap_geojson() -> dict:
    """{"land": FeatureCollection, "borders": FeatureCollection, "labels": [...]}.

    Borders are the lines between countries only (coastlines are the land's outline):
    every map move redraws them, and full country polygons drew each coast twice.
    """
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
        "borders": {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": topology_mesh(topo, "countries", digits=2)}]},
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
