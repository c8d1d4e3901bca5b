"""The map image as a Vega-Lite spec: the Natural Earth basemap inline, Equal Earth fitted
with d3's rule so label sides can be chosen in Python without collisions."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from timeline.exports.places import PlaceTable, place_table
from timeline.model import Story

from ..views.data import PALETTE  # the web's colour-blind-safe palette: images match the page
from .static_style import ATTRIBUTION, FONT, SCHEMA, text_width, truncate

__all__ = ["map_spec"]

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def _equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """d3.geoEqualEarth's raw projection (unit scale), y pointing up."""
    lam, phi = math.radians(lon), math.radians(lat)
    l = math.asin(_M * math.sin(phi))
    l2 = l * l
    l6 = l2 * l2 * l2
    x = lam * math.cos(l) / (_M * (_A1 + 3 * _A2 * l2 + l6 * (7 * _A3 + 9 * _A4 * l2)))
    y = l * (_A1 + _A2 * l2 + l6 * (_A3 + _A4 * l2))
    return x, y


def _fit_box(points: list[tuple[float, float]]) -> list[list[float]]:
    """Corners (lon, lat) of a padded box around the points: what the projection fits."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    w, s, e, n = min(lons), min(lats), max(lons), max(lats)
    pad_x = max(4.0, (e - w) * 0.12)
    pad_y = max(3.0, (n - s) * 0.15)
    w, e = max(-180.0, w - pad_x), min(180.0, e + pad_x)
    s, n = max(-85.0, s - pad_y), min(85.0, n + pad_y)
    # Equal Earth's meridians bow outwards towards the equator: a box's widest points are
    # on its sides at the latitude nearest 0, not at its corners (without them, places
    # near the equator at the box's east and west edges fell outside the map)
    c = min(max(0.0, s), n)
    return [[w, s], [e, s], [e, n], [w, n], [(w + e) / 2, n], [(w + e) / 2, s], [w, c], [e, c]]


def _d3_winding(geometry: dict) -> dict | None:
    """GeoJSON polygons in d3's winding (exterior rings clockwise), else d3 fills the
    rest of the globe instead of the shape."""
    def area(ring):
        return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:]))

    def fix(poly):
        out = []
        for i, ring in enumerate(poly):
            ring = [list(p[:2]) for p in ring]
            clockwise = area(ring) < 0
            if clockwise != (i == 0):
                ring = ring[::-1]
            out.append(ring)
        return out

    t = geometry.get("type")
    if t == "Polygon":
        return {"type": "Polygon", "coordinates": fix(geometry["coordinates"])}
    if t == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [fix(p) for p in geometry["coordinates"]]}
    return None


def _basemap() -> dict:
    try:
        from gazetteer.naturalearth import basemap_topojson
        return basemap_topojson()
    except ImportError:  # pragma: no cover - the file ships with the package either way
        import json
        path = Path(__file__).resolve().parents[2] / "gazetteer/data/naturalearth/countries-110m.json"
        return json.loads(path.read_text(encoding="utf-8"))


def _rects_overlap(a, b) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def map_spec(story: Story | PlaceTable, *, width: int = 900, height: int | None = None,
             title: bool = True) -> dict[str, Any]:
    """A Vega-Lite map: the offline basemap, areas named by the story shaded, one dot per
    distinct location, named where the name fits without covering another (the most
    mentioned first), Equal Earth fitted to the story's places."""
    table = story if isinstance(story, PlaceTable) else place_table(story)
    story = table.story
    # One marker per location; the label is the place as the story names it.
    spots: dict[tuple[float, float], dict[str, Any]] = {}
    areas: dict[str, dict] = {}
    lanes: list[str | None] = []
    for ev in story.dated_events + story.undated_events:
        if ev.group not in lanes:
            lanes.append(ev.group)
    for lp in table.located:
        key = (round(lp.lon, 3), round(lp.lat, 3))
        spot = spots.setdefault(key, {"lon": key[0], "lat": key[1], "t": lp.place.name,
                                      "n": 0, "lane": lanes.index(lp.event.group)})
        spot["n"] += 1
        r = lp.place.resolved
        if r is not None and r.geometry and r.name not in areas:
            fixed = _d3_winding(r.geometry)
            if fixed is not None:
                areas[r.name or lp.place.name] = {"type": "Feature", "geometry": fixed,
                                                   "properties": {}}
    points = [(s["lon"], s["lat"]) for s in spots.values()]
    box = _fit_box(points) if points else [[-170, -60], [170, -60], [170, 80], [-170, 80]]
    projected = [_equal_earth(lon, lat) for lon, lat in box]
    xs, ys = [p[0] for p in projected], [p[1] for p in projected]
    bw, bh = max(xs) - min(xs), max(ys) - min(ys)
    if height is None:
        height = int(min(max(width * bh / bw if bw else width * 0.55, width * 0.45), width * 0.9))
    # d3's fitSize: uniform scale k, bounds centred in the view.
    k = min(width / bw, height / bh) if bw and bh else 1.0
    ox = (width - k * bw) / 2 - k * min(xs)
    oy = (height - k * bh) / 2 + k * max(ys)

    def to_px(lon, lat):
        x, y = _equal_earth(lon, lat)
        return ox + k * x, oy - k * y

    # Greedy label placement: right, left, above, below; never over a dot or a label.
    size = 11
    taken = []
    for s in spots.values():
        x, y = to_px(s["lon"], s["lat"])
        taken.append((x - 5, y - 5, x + 5, y + 5))
    by_side: dict[str, list] = {"r": [], "l": [], "t": [], "b": []}
    unlabelled = 0
    for s in sorted(spots.values(), key=lambda s: -s["n"]):
        x, y = to_px(s["lon"], s["lat"])
        text = truncate(s["t"], size, 180)
        w, h = text_width(text, size), size + 2
        options = {"r": (x + 7, y - h / 2, x + 7 + w, y + h / 2),
                   "l": (x - 7 - w, y - h / 2, x - 7, y + h / 2),
                   "t": (x - w / 2, y - 7 - h, x + w / 2, y - 7),
                   "b": (x - w / 2, y + 7, x + w / 2, y + 7 + h)}
        inside = {k_: r for k_, r in options.items()
                  if r[0] >= 0 and r[2] <= width and r[1] >= 0 and r[3] <= height}
        side = next((k_ for k_, r in inside.items() if not any(_rects_overlap(r, t) for t in taken)),
                    None)
        if side is None:
            # Crowded: a label laid over others would hide them and be unreadable itself.
            # Its dot stays, the name is in the event list, and the subtitle counts these.
            unlabelled += 1
            continue
        taken.append(options[side])
        by_side[side].append({"lon": s["lon"], "lat": s["lat"], "t": text})

    fit = {"type": "Feature", "properties": {},
           "geometry": {"type": "MultiPoint", "coordinates": box}}
    lonlat = {"longitude": {"field": "lon", "type": "quantitative"},
              "latitude": {"field": "lat", "type": "quantitative"}}
    layers: list[dict[str, Any]] = [
        {"data": {"sphere": True}, "mark": {"type": "geoshape", "fill": "#dbe9f4"}},
        {"data": {"graticule": {"step": [15, 15]}},
         "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.5, "filled": False,
}},
        {"data": {"values": _basemap(), "format": {"type": "topojson", "feature": "countries"}},
         "mark": {"type": "geoshape", "fill": "#f4f1ea", "stroke": "#a8a39a",
                  "strokeWidth": 0.5}},
    ]
    if areas:
        layers.append({"data": {"values": {"type": "FeatureCollection",
                                           "features": list(areas.values())},
                                "format": {"type": "json", "property": "features"}},
                       "mark": {"type": "geoshape", "fill": "#f6c85f", "fillOpacity": 0.35,
                                "stroke": "#c99a2e", "strokeWidth": 0.8}})
    if spots:
        layers.append({"data": {"values": list(spots.values())},
                       "mark": {"type": "circle", "stroke": "white", "strokeWidth": 1.2,
                                "opacity": 1},
                       "encoding": {**lonlat,
                                    "size": {"field": "n", "type": "quantitative", "legend": None,
                                             "scale": {"domain": [1, 6], "range": [60, 200],
                                                       "clamp": True}},
                                    "color": {"field": "lane", "type": "ordinal", "legend": None,
                                              "scale": {"domain": list(range(max(1, len(lanes)))),
                                                        "range": [PALETTE[i % len(PALETTE)]
                                                                  for i in range(max(1, len(lanes)))]}}}})
    text_mark = {"type": "text", "fontSize": size, "font": FONT, "color": "#1a1a1a",
                 "stroke": "white", "strokeWidth": 3, "strokeOpacity": 0.8, "strokeJoin": "round"}
    for side, props in (("r", {"align": "left", "baseline": "middle", "dx": 7}),
                        ("l", {"align": "right", "baseline": "middle", "dx": -7}),
                        ("t", {"align": "center", "baseline": "bottom", "dy": -7}),
                        ("b", {"align": "center", "baseline": "top", "dy": 7})):
        if by_side[side]:
            # Halo first, then the text over it: vega draws stroke over fill in one mark.
            layers.append({"data": {"values": by_side[side]}, "mark": {**text_mark, **props},
                           "encoding": {**lonlat, "text": {"field": "t"}}})
            layers.append({"data": {"values": by_side[side]},
                           "mark": {**text_mark, **props, "strokeWidth": 0},
                           "encoding": {**lonlat, "text": {"field": "t"}}})
    layers.append({"data": {"values": [{"t": ATTRIBUTION}]},
                   "mark": {"type": "text", "align": "right", "baseline": "bottom", "fontSize": 9,
                            "font": FONT, "color": "#555", "dx": -4, "dy": -3},
                   "encoding": {"x": {"value": width}, "y": {"value": height},
                                "text": {"field": "t"}}})
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "width": width,
        "height": height,
        "background": "white",
        "padding": 8,
        "config": {"view": {"stroke": "#999"}, "font": FONT},
        # clipExtent clips while projecting (cheap); mark "clip" makes the renderer clip
        # every path (about 5x slower for the basemap).
        "projection": {"type": "equalEarth", "fit": fit,
                       "clipExtent": [[0, 0], [width, height]]},
        "layer": layers,
    }
    if title:
        n_un = sum(1 for u in table.unlocated if u.place is not None)
        sub = f"{len(spots)} place{'s' if len(spots) != 1 else ''}"
        if unlabelled:
            sub += f", {unlabelled} unnamed where names would overlap"
        if n_un:
            sub += f"; {n_un} not located (see the event list)"
        spec["title"] = {"text": truncate(story.title, 16, width), "subtitle": sub,
                         "anchor": "start", "fontSize": 16, "font": FONT, "subtitleFont": FONT,
                         "subtitleColor": "#555", "offset": 8}
    return spec
