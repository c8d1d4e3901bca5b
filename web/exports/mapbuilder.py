"""The map with folium: the Leaflet map, the offline basemap layers, areas and rivers from
the gazetteer's shapes, and opt-in tile layers.

Markers are not folium objects: the glue script draws them from the page's JSON (one
folium Marker per event would put story text into folium templates and make a
100,000-event page megabytes of script). folium owns the map and the layer skeleton;
:func:`build_map` returns the pieces and the global names the glue script looks up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import folium
import nh3

from timeline.model import Story
from timeline.tiles import PRESETS

from ..views.data import PALETTE, place_coords
from ..vendor import localize_folium

__all__ = ["MapParts", "build_map", "TILE_PRESETS", "tile_hosts"]

# The presets are the tile sources an operator may allow by name (timeline.tiles).
TILE_PRESETS = PRESETS


@dataclass
class MapParts:
    html: str
    script: str
    names: dict[str, Any] = field(default_factory=dict)


def _tile_specs(tiles) -> list[dict]:
    specs = []
    for t in tiles or ():
        if isinstance(t, str):
            if t in TILE_PRESETS:
                specs.append(TILE_PRESETS[t])
        elif isinstance(t, dict) and t.get("url", "").startswith("https://"):
            specs.append({"name": t.get("name") or urlsplit(t["url"]).hostname,
                          "url": t["url"],
                          # Leaflet writes attribution as HTML: keep links, nothing else.
                          "attribution": nh3.clean(str(t.get("attribution") or ""), tags={"a"},
                                                   attributes={"a": {"href"}},
                                                   url_schemes={"https"}),
                          "max_zoom": int(t.get("max_zoom", 18))})
    return specs


def tile_hosts(tiles) -> list[str]:
    """CSP ``img-src`` sources for the configured tile layers ({s} becomes a wildcard)."""
    hosts = []
    for spec in _tile_specs(tiles):
        host = urlsplit(spec["url"].replace("{s}", "SUB")).hostname or ""
        host = host.replace("sub.", "*.")
        hosts.append(f"https://{host}")
    return sorted(set(hosts))


def _areas(story: Story) -> dict:
    """Shapes the gazetteer gave for event places: properties carry ids only, no text."""
    features = []
    seen: dict[str, dict] = {}
    for event in story.events:
        for place in event.places:
            r = place.resolved
            if r is None or not r.geometry:
                continue
            geom = r.geometry.get("geometry", r.geometry) if r.geometry.get("type") == "Feature" else r.geometry
            if geom.get("type") not in ("Polygon", "MultiPolygon", "LineString", "MultiLineString"):
                continue
            key = f"{r.geonameid or r.name}:{geom.get('type')}"
            if key in seen:
                seen[key]["properties"]["events"].append(event.id)
                continue
            line = geom["type"].endswith("LineString")
            feature = {"type": "Feature", "geometry": geom,
                       "properties": {"events": [event.id], "line": line}}
            seen[key] = feature
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def _placeholder() -> dict:
    """An empty layer folium can still style: Leaflet skips a feature with no geometry,
    but folium needs one feature to write the layer's style function."""
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": None, "properties": {}}]}


def _centre(story: Story) -> tuple[list[float], int]:
    points = [place_coords(p) for e in story.events for p in e.places]
    points = [(lat, lon) for lat, lon in points if lat is not None]
    if not points:
        return [30.0, 20.0], 2
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2], 3


PHYSICAL_BEFORE = 1800.0  # a story wholly before this year opens on the physical basemap


def default_basemap(story: Story) -> str:
    """``"physical"`` (land and water, no modern borders or names) or ``"political"``:
    the story's ``settings.basemap`` when it names one, else physical for a story whose
    dated events all end before :data:`PHYSICAL_BEFORE`."""
    chosen = story.settings.get("basemap") if isinstance(story.settings, dict) else None
    if chosen in ("physical", "political"):
        return chosen
    ends = [(e.end or e.start).end_position() for e in story.events if e.start is not None]
    return "physical" if ends and max(ends) <= PHYSICAL_BEFORE else "political"


def build_map(story: Story, *, tiles=(), static_url: str = "/static/") -> MapParts:
    """folium renders the map skeleton; the glue script fills markers, basemap data and route."""
    localize_folium(static_url)
    centre, zoom = _centre(story)
    m = folium.Map(location=centre, zoom_start=zoom, tiles=None, prefer_canvas=True,
                   control_scale=True, world_copy_jump=True, min_zoom=1, max_zoom=18,
                   zoom_control=True)
    # Offline basemap: empty GeoJSON layers styled here, filled by the glue from
    # /basemap.json (or an inline block in a single-file export).
    base = folium.FeatureGroup(name="Natural Earth (offline)", control=False).add_to(m)
    land = folium.GeoJson(_placeholder(), name="land",
                          style_function=lambda f: {"fillColor": "#e8e4d8", "fillOpacity": 1,
                                                    "color": "#c9c2ad", "weight": 0.5},
                          interactive=False, control=False).add_to(base)
    borders = folium.GeoJson(_placeholder(), name="borders",
                             style_function=lambda f: {"fill": False, "color": "#9c947c", "weight": 0.8},
                             interactive=False, control=False).add_to(base)
    areas_fc = _areas(story)
    areas = folium.GeoJson(
        areas_fc if areas_fc["features"] else _placeholder(),
        name="Areas and rivers",
        style_function=lambda f: (
            {"color": "#2b7bb9", "weight": 3, "opacity": 0.8, "fill": False}
            if f["properties"].get("line") else
            {"color": PALETTE[0], "weight": 1, "fillColor": PALETTE[0], "fillOpacity": 0.15}),
        control=False,
    ).add_to(m)
    tile_layers = {}
    for spec in _tile_specs(tiles):
        layer = folium.TileLayer(spec["url"], attr=spec["attribution"], name=spec["name"],
                                 max_zoom=spec["max_zoom"], show=False, overlay=False, control=False)
        layer.add_to(m)
        tile_layers[spec["name"]] = layer.get_name()
    root = m.get_root()
    root.render()
    return MapParts(
        html=root.html.render(),
        script=root.script.render(),
        names={"map": m.get_name(), "land": land.get_name(), "borders": borders.get_name(),
               "basemap": base.get_name(), "areas": areas.get_name(), "tiles": tile_layers,
               "basemapStyle": default_basemap(story)},
    )
