"""The timeline image as a Vega-Lite spec: round year ticks in every era, eras as bands, and
labels laid out in rows in Python, because the x scale is linear with a fixed domain so
every mark's pixel position is known before rendering."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from timeline.dates import HistoricalDate
from timeline.model import Event, Story

from ..views.data import PALETTE  # the web's colour-blind-safe palette: images match the page
from .static_style import FONT, SCHEMA, text_width, truncate

__all__ = ["timeline_spec", "year_ticks"]

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
        name = truncate(era.title, 10, min(240.0, max(60.0, width - (s - lo) * px - 6)))
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
            text = truncate(it.event.title, 11, 260)
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
                          "t": truncate(lane or "Events", 11, width / 2), "lane": li})
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
        spec["title"] = {"text": truncate(story.title, 16, width), "subtitle": sub,
                         "anchor": "start", "fontSize": 16, "font": FONT, "subtitleFont": FONT,
                         "subtitleColor": "#555", "offset": 10}
    return spec
