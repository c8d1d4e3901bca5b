"""Static images of a story: the timeline and the map, as Vega-Lite rendered by vl-convert.

No browser and no network: every spec carries its data inline (the Natural Earth basemap
included) and is rendered with ``allowed_base_urls=[]``, so a spec that named a URL would
fail rather than fetch. Story text reaches the images only as Vega text marks, which the
renderer writes as escaped SVG text.

Layout (label rows on the timeline, label sides on the map) is computed here, in Python,
because Vega-Lite has no label collision avoidance: the x scale of the timeline is linear
with a fixed domain, and the map's projection is Equal Earth fitted with d3's rule, so the
pixel position of every mark is known before rendering.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vl_convert as vlc

from timeline.dates import HistoricalDate
from timeline.exports.output import warn, write_bytes, write_text
from timeline.exports.places import PlaceTable, place_table

from ..views.data import PALETTE  # the web's colour-blind-safe palette: images match the page
from timeline.model import Event, Story

__all__ = [
    "timeline_spec", "map_spec", "render", "timeline_svg", "timeline_png", "map_svg", "map_png",
    "export_timeline_svg", "export_timeline_png", "export_map_svg", "export_map_png",
    "year_ticks", "text_width", "FONT",
]

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
ATTRIBUTION = "Basemap: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."

# Helvetica/Arial advance widths (1/1000 em) for printable ASCII; Liberation Sans shares them.
_W = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
      556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
      1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
      667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
      333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
      556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in px of ``text`` set in ``FONT`` at ``size`` px."""
    total = 0
    for ch in text:
        o = ord(ch)
        if 32 <= o <= 126:
            total += _W[o - 32]
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            total += 1000
        elif unicodedata.combining(ch):
            continue
        else:
            total += 600
    return total / 1000 * size * (1.07 if bold else 1.0)


def _truncate(text: str, size: float, limit: float) -> str:
    text = " ".join(text.split())
    if text_width(text, size) <= limit:
        return text
    while text and text_width(text + "…", size) > limit:
        text = text[:-1]
    return text.rstrip() + "…"


# -- rendering -------------------------------------------------------------------------

def render(spec: dict[str, Any], fmt: str, *, scale: float = 1.0) -> str | bytes:
    """Render a Vega-Lite spec offline: "svg" gives text, "png" and "pdf" bytes."""
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec, allowed_base_urls=[])
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])
    if fmt == "pdf":
        return vlc.vegalite_to_pdf(spec, allowed_base_urls=[])
    raise ValueError(f"unknown image format {fmt!r}; expected svg, png or pdf")


# -- the timeline ----------------------------------------------------------------------

_NICE = [1, 2, 5]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _nice_step(span: float, target: int) -> float:
    raw = span / max(1, target)
    exp = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in _NICE + [10]:
        if m * exp >= raw:
            return m * exp
    return 10 * exp


def year_ticks(lo: float, hi: float, *, target: int = 8) -> list[tuple[float, str]]:
    """Tick positions (decimal years) with labels as people write them ("490 BCE").

    Ticks fall on round *era* years (500 BCE, 400 BCE, ..., 1 CE, 100, 200), so BCE ticks
    sit at astronomical years 1 - n (500 BCE is -499), never on "501 BCE". Spans under
    three years get month ticks; deep time gets "N million years ago".
    """
    span = hi - lo
    if span <= 0:
        return []
    out: list[tuple[float, str]] = []
    if span < 3:
        months_total = span * 12
        step = next((s for s in (1, 2, 3, 6) if months_total / s <= target), 12)
        m = math.floor(lo * 12)
        while m <= hi * 12:
            year, month0 = divmod(m, 12)
            if month0 % step == 0:
                pos = HistoricalDate.of(year, month0 + 1).position
                if lo <= pos <= hi:
                    label = _MONTHS[month0] + " " + HistoricalDate.of(year).label()
                    out.append((round(pos, 6), label))
            m += 1
        return out
    if hi < -100_000:  # deep time: ticks in years before present
        ago_hi, ago_lo = 1950 - lo, 1950 - hi
        step = _nice_step(ago_hi - ago_lo, target)
        k = math.ceil(ago_lo / step)
        while k * step <= ago_hi:
            ago = k * step
            label = (f"{ago / 1e9:g} billion years ago" if ago >= 1e9 else
                     f"{ago / 1e6:g} million years ago" if ago >= 1e6 else f"{ago:,.0f} years ago")
            out.append((1950 - ago, label))
            k += 1
        return sorted(out)
    step = _nice_step(span, target)
    step = max(1, round(step))
    # Era-signed tick values: negative n means n BCE (astronomical 1 + n).
    era_lo = lo if lo > 0 else lo - 1
    k = math.ceil(era_lo / step)
    while True:
        n = k * step
        k += 1
        pos = n if n > 0 else 1 + n
        if pos > hi:
            break
        if n == 0 or pos < lo:
            continue
        out.append((float(pos), HistoricalDate.of(int(pos)).label()))
    return out


def _label_expr(ticks: list[tuple[float, str]]) -> str:
    import json

    values = json.dumps([t[0] for t in ticks])
    labels = json.dumps([t[1] for t in ticks], ensure_ascii=True)
    return f"{labels}[indexof({values}, datum.value)] || ''"


@dataclass
class _Item:
    event: Event
    lane: int
    s: float
    e: float
    ranged: bool


def timeline_spec(story: Story, *, width: int = 900, title: bool = True,
                  max_rows: int = 8) -> dict[str, Any]:
    """A Vega-Lite spec of the story's dated events: lanes per group, ranges as bars,
    points for single dates (hollow when approximate), era bands, labelled events."""
    events = story.dated_events
    lanes: list[str | None] = []
    for ev in events:
        if ev.group not in lanes:
            lanes.append(ev.group)
    if not events:
        lo, hi = 2000.0, 2001.0
    else:
        lo = min(ev.start.position for ev in events)
        hi = max((ev.end or ev.start).end_position() if ev.end else ev.start.position
                 for ev in events)
    if hi - lo < 1 / 12:
        mid = (hi + lo) / 2
        lo, hi = mid - 1 / 24, mid + 1 / 24
    pad = (hi - lo) * 0.04
    lo, hi = lo - pad, hi + pad
    px = width / (hi - lo)  # pixels per year

    items = []
    for ev in events:
        s = ev.start.position
        if ev.end is not None and ev.end != ev.start:
            e, ranged = ev.end.end_position(), True
        else:
            e = ev.start.end_position()
            ranged = (e - s) * px >= 6  # a coarse date wider than a dot: show its extent
            if not ranged:
                e = s
        items.append(_Item(ev, lanes.index(ev.group), s, e, ranged))

    # Eras (clipped to the view), each title in the first free row of the top strip.
    era_rows: list[list[tuple[float, float]]] = []
    era_data = []
    for era in story.eras:
        s, e = era.start.position, era.end.end_position()
        if e < lo or s > hi:
            continue
        s, e = max(s, lo), min(e, hi)
        name = _truncate(era.title, 10, min(240.0, max(60.0, width - (s - lo) * px - 6)))
        x0, x1 = (s - lo) * px, (s - lo) * px + text_width(name, 10) + 8
        row = next((i for i, r in enumerate(era_rows) if all(x0 >= b or x1 <= a for a, b in r)), None)
        if row is None:
            era_rows.append([])
            row = len(era_rows) - 1
        era_rows[row].append((x0, x1))
        era_data.append({"s": s, "e": e, "t": name, "c": era.colour or "#dddddd", "row": row})

    ROW, LANE_HEAD, LANE_GAP = 20, 16, 8
    top = 14 * len(era_rows) + (6 if era_rows else 0)
    marks, labels_right, labels_left, lane_data = [], [], [], []
    y = top
    for li, lane in enumerate(lanes):
        rows: list[list[tuple[float, float]]] = []
        lane_items = [it for it in items if it.lane == li]
        placed = []
        for it in lane_items:
            text = _truncate(it.event.title, 11, 260)
            tw = text_width(text, 11)
            x_s, x_e = (it.s - lo) * px, (it.e - lo) * px
            right_x = max(x_e, x_s) + 8
            if right_x + tw <= width:
                span, side = (x_s - 6, right_x + tw + 4), "r"
            else:
                span, side = (x_s - tw - 12, max(x_e, x_s) + 6), "l"
            row = next((i for i, r in enumerate(rows)
                        if all(span[0] >= b or span[1] <= a for a, b in r)), None)
            if row is None:
                if len(rows) < max_rows:
                    rows.append([])
                    row = len(rows) - 1
                else:  # too crowded to label everything: keep the mark, drop the label
                    row, side = len(placed) % max_rows, None
            if side:
                rows[row].append(span)
            placed.append((it, row, side, text))
        n_rows = max(1, len(rows))
        lane_data.append({"y": y, "y2": y + LANE_HEAD + n_rows * ROW + 4,
                          "t": _truncate(lane or "Events", 11, width / 2), "lane": li})
        for it, row, side, text in placed:
            cy = y + LANE_HEAD + row * ROW + ROW / 2
            approx = bool(it.event.start.approximate)
            marks.append({"s": it.s, "e": max(it.e, it.s + 2 / px), "y": cy,
                          "lane": it.lane, "ranged": it.ranged, "fill": 0.15 if approx else 1.0,
                          "id": it.event.id})
            if side == "r":
                labels_right.append({"x": max(it.e, it.s) + 8 / px, "y": cy, "t": text, "lane": it.lane})
            elif side == "l":
                labels_left.append({"x": it.s - 8 / px, "y": cy, "t": text, "lane": it.lane})
        y += LANE_HEAD + n_rows * ROW + 4 + LANE_GAP
    height = max(y, top + 40)

    ticks = year_ticks(lo, hi, target=max(3, width // 80))
    xscale = {"domain": [lo, hi], "zero": False, "nice": False}
    x = {"field": "s", "type": "quantitative", "scale": xscale, "title": None,
         "axis": {"values": [t[0] for t in ticks], "labelExpr": _label_expr(ticks),
                  "grid": True, "gridColor": "#e6e6e6", "labelFont": FONT, "labelFontSize": 11,
                  "labelOverlap": True, "labelFlush": True, "domainColor": "#888"}}
    ypx = {"field": "y", "type": "quantitative", "scale": None, "axis": None}
    colour = {"field": "lane", "type": "ordinal", "legend": None,
              "scale": {"domain": list(range(max(1, len(lanes)))),
                        "range": [PALETTE[i % len(PALETTE)] for i in range(max(1, len(lanes)))]}}
    layers: list[dict[str, Any]] = []
    if era_data:
        layers.append({"data": {"values": era_data},
                       "mark": {"type": "rect", "opacity": 0.45},
                       "encoding": {"x": x, "x2": {"field": "e"},
                                    "y": {"value": 0}, "y2": {"value": height},
                                    "color": {"field": "c", "type": "nominal", "scale": None}}})
        layers.append({"data": {"values": [dict(d, ty=d["row"] * 14 + 2) for d in era_data]},
                       "mark": {"type": "text", "align": "left", "baseline": "top", "dx": 3,
                                "fontSize": 10, "font": FONT, "color": "#333"},
                       "encoding": {"x": {"field": "s", "type": "quantitative", "scale": xscale},
                                    "y": {"field": "ty", "type": "quantitative", "scale": None},
                                    "text": {"field": "t"}}})
    if lane_data:
        layers.append({"data": {"values": lane_data},
                       "mark": {"type": "rule", "color": "#bbb", "strokeDash": [2, 3]},
                       "encoding": {"y": ypx, "x": {"value": 0}, "x2": {"value": width}}})
        layers.append({"data": {"values": lane_data},
                       "mark": {"type": "text", "align": "left", "baseline": "top", "dx": 2, "dy": 3,
                                "fontSize": 11, "fontWeight": "bold", "font": FONT},
                       "encoding": {"x": {"value": 0}, "y": ypx, "text": {"field": "t"},
                                    "color": colour}})
    ranged = [m for m in marks if m["ranged"]]
    points = [m for m in marks if not m["ranged"]]
    if ranged:
        layers.append({"data": {"values": ranged},
                       "mark": {"type": "rect", "cornerRadius": 3, "height": 9},
                       "encoding": {"x": x, "x2": {"field": "e"}, "y": ypx, "color": colour,
                                    "fillOpacity": {"field": "fill", "type": "quantitative",
                                                    "scale": None},
                                    "stroke": colour}})
    if points:
        layers.append({"data": {"values": points},
                       "mark": {"type": "point", "filled": False, "size": 70, "strokeWidth": 1.6},
                       "encoding": {"x": x, "y": ypx, "color": colour,
                                    "fill": colour,
                                    "fillOpacity": {"field": "fill", "type": "quantitative",
                                                    "scale": None}}})
    for data, align in ((labels_right, "left"), (labels_left, "right")):
        if data:
            layers.append({"data": {"values": data},
                           "mark": {"type": "text", "align": align, "baseline": "middle",
                                    "fontSize": 11, "font": FONT, "color": "#222"},
                           "encoding": {"x": {"field": "x", "type": "quantitative", "scale": xscale},
                                        "y": ypx, "text": {"field": "t"}}})
    if not (ranged or points):
        # An axis still needs one layer with data on the x scale.
        layers.append({"data": {"values": [{"s": lo}]}, "mark": {"type": "tick", "opacity": 0},
                       "encoding": {"x": x}})
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "width": width,
        "height": height,
        "background": "white",
        "padding": 12,
        "config": {"view": {"stroke": None}, "font": FONT},
        "layer": layers,
    }
    if title:
        first, last = (events[0], events[-1]) if events else (None, None)
        sub = f"{len(events)} dated event{'s' if len(events) != 1 else ''}"
        if first is not None:
            sub += f", {first.start.label()} to {(last.end or last.start).label()}"
        if story.undated_events:
            sub += f"; {len(story.undated_events)} undated not shown"
        spec["title"] = {"text": _truncate(story.title, 16, width), "subtitle": sub,
                         "anchor": "start", "fontSize": 16, "font": FONT, "subtitleFont": FONT,
                         "subtitleColor": "#555", "offset": 10}
    return spec


# -- the map ---------------------------------------------------------------------------

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
        text = _truncate(s["t"], size, 180)
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
        spec["title"] = {"text": _truncate(story.title, 16, width), "subtitle": sub,
                         "anchor": "start", "fontSize": 16, "font": FONT, "subtitleFont": FONT,
                         "subtitleColor": "#555", "offset": 8}
    return spec


# -- values and exports ----------------------------------------------------------------

def timeline_svg(story: Story, **kw) -> str:
    return render(timeline_spec(story, **kw), "svg")


def timeline_png(story: Story, *, scale: float = 2.0, **kw) -> bytes:
    return render(timeline_spec(story, **kw), "png", scale=scale)


def map_svg(story: Story | PlaceTable, **kw) -> str:
    return render(map_spec(story, **kw), "svg")


def map_png(story: Story | PlaceTable, *, scale: float = 2.0, **kw) -> bytes:
    return render(map_spec(story, **kw), "png", scale=scale)


def export_timeline_svg(story: Story, out: Path | None) -> None:
    write_text(timeline_svg(story), out)


def export_timeline_png(story: Story, out: Path | None) -> None:
    write_bytes(timeline_png(story), out, what="PNG")


def export_map_svg(story: Story, out: Path | None) -> None:
    table = place_table(story)
    warn(table.warnings())
    write_text(map_svg(table), out)


def export_map_png(story: Story, out: Path | None) -> None:
    table = place_table(story)
    warn(table.warnings())
    write_bytes(map_png(table), out, what="PNG")
