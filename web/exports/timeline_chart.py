"""The timeline as a Vega-Lite spec built with altair: lean, with data supplied by the page.

The spec names its datasets ("events", "eras") but carries no rows: the glue script adds
the page's JSON rows before embedding, so story text never passes through
``Chart.to_html`` and a 100,000-event story costs one copy of the data, not two.

Time is a quantitative axis of decimal years (:attr:`HistoricalDate.position`), because
Vega's temporal scales cannot reach BCE or deep time; the tick labels are computed by a
Vega expression ("490 BCE", "May 1939", "66 m years ago").
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

import altair as alt

from ..views.data import PALETTE

__all__ = ["timeline_spec", "lighten_vega", "AXIS_LABEL_EXPR", "DATASETS", "ROW_PX", "LABEL_PX"]

# the datasets the page fills (see static/js/timeline.js, rowsFor)
DATASETS = ("events", "labels", "labelsLeft", "ranges", "fuzzy", "flagged", "cur", "hist", "eras")


def _year_label(y: str) -> str:
    # the wording of timeline.dates' labels: "13.8 billion years ago", "66 million years
    # ago", "490 BCE"; the glue puts ticks at round values of the same wording
    return (
        f"({y} < -999999999 ? format((1950 - {y}) / 1e9, '.3~f') + ' billion years ago' : "
        f"{y} < -999999 ? format((1950 - {y}) / 1e6, '.3~f') + ' million years ago' : "
        f"{y} <= 0 ? format(1 - {y}, ',') + ' BCE' : "
        f"{y} >= 10000 ? format({y}, ',') + ' CE' : '' + {y})"
    )


_V = "datum.value"
_MONTHS = "['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec']"
_M12 = f"(({_V} - floor({_V})) * 12)"
AXIS_LABEL_EXPR = (
    f"abs({_V} - round({_V})) < 1e-6 ? {_year_label(f'round({_V})')} : "
    f"(abs({_M12} - round({_M12})) < 0.02 ? '' : "
    f"format(floor(({_M12} - floor({_M12} + 1e-9)) * 30.44) + 1, 'd') + ' ') + "
    f"{_MONTHS}[min(11, floor({_M12} + 0.02))] + ' ' + {_year_label(f'floor({_V})')}"
)


# Pixels of one label row; the glue packs headlines into rows of this height.
ROW_PX = 18
# Longest label drawn, in pixels (the glue measures and packs with the same cap).
LABEL_PX = 320


def timeline_spec(groups: Sequence[str], extent: tuple[float, float], *,
                  height: int = 220, overview_height: int = 44,
                  layers: Iterable[str] = DATASETS) -> dict[str, Any]:
    """A vconcat of the detail view (lanes per group, eras, labelled points, ranges,
    fuzzy marks) and an overview strip with a brush named ``brush``.

    Each group's lane holds ``rows`` rows of :data:`ROW_PX` pixels; the glue places every
    event in a row of its lane (field ``y``: lane index plus a fraction) so that its
    headline (dataset ``labels``) fits beside its mark without overlapping another, and
    leaves out the labels that cannot fit at the current zoom.

    ``layers`` names the datasets that have rows: a layer with nothing to draw is left
    out (each costs the browser a pipeline of operators to parse and run). Events,
    labels, the selection ring and the overview are always there.

    Signals the glue uses: ``wmin``/``wmax`` (the detail window), ``xticks`` (the axis'
    tick values, round in the calendar the labels use), ``cur`` (the selected event id),
    ``rows`` (rows per lane), ``brush`` (the overview selection).
    """
    wanted = set(layers) | {"events", "cur", "hist", "labels", "labelsLeft"}
    lo, hi = extent
    if hi <= lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.03
    lo, hi = lo - pad, hi + pad
    n = max(1, len(groups))
    lanes = [g or "Events" for g in groups] or ["Events"]
    era_px = 16 if "eras" in wanted else 0  # the era names' strip at the top
    detail_height = max(height, 4 * ROW_PX * n + era_px)
    rows = max(1, (detail_height - era_px) // (ROW_PX * n))
    top = -0.5 - era_px / (rows * ROW_PX)
    colour = alt.Color("g:N", scale=alt.Scale(domain=list(range(n)),
                                              range=[PALETTE[i % len(PALETTE)] for i in range(n)]),
                       legend=None)
    xscale = alt.Scale(domain=[alt.ExprRef("wmin"), alt.ExprRef("wmax")], zero=False, nice=False)
    x = alt.X("s:Q", title=None, scale=xscale,
              axis=alt.Axis(labelExpr=AXIS_LABEL_EXPR, labelOverlap=True, grid=True,
                            values=alt.ExprRef("xticks")))
    y = alt.Y("y:Q", title=None, scale=alt.Scale(domain=[top, n - 0.5], reverse=True, zero=False, nice=False),
              axis=alt.Axis(values=list(range(n)), labelExpr="lanes[datum.value] || ''", labelLimit=140,
                            ticks=False, domain=False, grid=False))

    # Each layer reads its own dataset, filled (and thinned to what the pixels can show)
    # by the glue: no per-datum filter, bin or aggregate runs in the browser, where Vega
    # evaluates expressions through vega-interpreter (the CSP allows no eval).
    eras = alt.Data(name="eras")

    def chart(name):
        return alt.Chart(alt.Data(name=name))

    era_band = alt.Chart(eras).mark_rect(opacity=0.13, clip=True).encode(
        x=alt.X("s:Q", scale=xscale), x2="e:Q", color=alt.Color("c:N", scale=None),
    )
    era_label = alt.Chart(eras).mark_text(align="left", baseline="top", dx=3, dy=2, fontSize=10,
                                          color="#444", clip=True, limit=160).encode(
        x="s:Q", text="t:N", y=alt.value(0))
    ranges = chart("ranges").mark_bar(height=7, cornerRadius=3, opacity=0.75, clip=True,
                                      cursor="pointer").encode(x=x, x2="e:Q", y=y, color=colour)
    # circa dates: a soft halo (wide, faint, blurred edge) around the point
    fuzzy = chart("fuzzy").mark_point(filled=True, size=300, opacity=0.2, clip=True, strokeWidth=6,
                                      strokeOpacity=0.12).encode(x=x, y=y, color=colour, stroke=colour)
    points = chart("events").mark_point(filled=True, size=80, opacity=0.9, stroke="white", strokeWidth=1,
                                        clip=True, cursor="pointer").encode(
        x=x, y=y, color=colour, shape=alt.value("circle"))
    labels = chart("labels").mark_text(align="left", baseline="middle", dx=8, fontSize=11, color="#333",
                                       clip=True, limit=LABEL_PX, cursor="pointer").encode(
        x=x, y=y, text="t:N")
    # headlines that would run past the plot's right end, drawn left of their marks
    labels_left = chart("labelsLeft").mark_text(align="right", baseline="middle", dx=-8, fontSize=11,
                                                color="#333", clip=True, limit=LABEL_PX).encode(
        x=x, y=y, text="t:N")
    flagged = chart("flagged").mark_point(shape="diamond", filled=False, size=200, stroke="#B00020",
                                          strokeWidth=1.5, clip=True).encode(x=x, y=y)
    current = chart("cur").mark_point(shape="circle", filled=False, size=300, stroke="#111",
                                      strokeWidth=3, clip=True).encode(x=x, y=y)

    drawn = [(era_band, "eras"), (era_label, "eras"), (ranges, "ranges"), (fuzzy, "fuzzy"),
             (points, "events"), (labels, "labels"), (labels_left, "labelsLeft"), (flagged, "flagged"), (current, "cur")]
    detail = alt.layer(*[layer for layer, name in drawn if name in wanted]).properties(
        height=detail_height, width=600)

    brush = alt.selection_interval(name="brush", encodings=["x"])
    # a histogram binned by the glue (HIST_BINS equal bins over [lo, hi]): b0, b1, n
    overview = chart("hist").mark_bar(color="#7a8a99").encode(
        x=alt.X("b0:Q", title=None, scale=alt.Scale(domain=[lo, hi], zero=False, nice=False),
                axis=alt.Axis(labelExpr=AXIS_LABEL_EXPR, labelOverlap="greedy", grid=False,
                              values=alt.ExprRef("oticks"))),
        x2="b1:Q",
        y=alt.Y("n:Q", title=None, axis=None),
    ).add_params(brush).properties(height=overview_height, width=600)

    chart = alt.vconcat(detail, overview, spacing=8).add_params(
        alt.param(name="wmin", value=lo),
        alt.param(name="wmax", value=hi),
        alt.param(name="xticks", value=[]),
        alt.param(name="oticks", value=[]),
        alt.param(name="cur", value=""),
        alt.param(name="rows", value=rows),
        alt.param(name="lanes", value=lanes),
    ).configure_view(stroke=None).configure_axis(labelFontSize=11).configure(aria=False)
    return chart.to_dict(validate=True)


# Datasets whose marks answer clicks and hover (the glue reads the datum's id, or an era's
# title): Vega-Lite leaves every mark out of picking once the spec has a selection (the
# brush) unless the mark's unit has one, so the compiled Vega is marked by hand.
INTERACTIVE_DATASETS = ("events", "labels", "labelsLeft", "ranges", "eras")


def lighten_vega(vega: dict[str, Any]) -> dict[str, Any]:
    """Trim the compiled Vega of work the browser would do for nothing.

    Drops the ``isValid(...) && isFinite(...)`` filters Vega-Lite adds in front of every
    mark (the page's rows always carry numbers, and each filter is one interpreted
    expression per row per mark), and makes the marks of :data:`INTERACTIVE_DATASETS`
    pickable (point selections would do it too, at the cost of eight signals, two stores
    and their event handlers to parse and run). Marks read the page's datasets directly,
    not through the copies Vega-Lite derives from them, and what a row's mark shows apart
    from its place is encoded once, when the mark is made (see :func:`_encode_once`).
    """
    for d in vega.get("data", []):
        if "transform" in d:
            d["transform"] = [t for t in d["transform"]
                              if not (t.get("type") == "filter" and str(t.get("expr", "")).startswith("isValid("))]
            if not d["transform"]:
                del d["transform"]
    _read_sources_directly(vega)
    sources = {d["name"]: d.get("source", d["name"]) for d in vega.get("data", [])}
    for group in vega.get("marks", []):
        for mark in group.get("marks", []):
            data = (mark.get("from") or {}).get("data")
            if data and sources.get(data) in INTERACTIVE_DATASETS and mark.get("type") != "text":
                mark["interactive"] = True
    for group in vega.get("marks", []):
        for mark in group.get("marks", []):
            if (mark.get("from") or {}).get("data") in DATASETS:
                _encode_once(mark.get("encode") or {})
    # When the overview's scale changes (the view is resized), Vega-Lite moves the brush
    # to its data extent, reading ``brush_b0[0]`` even when nothing is brushed: guard it.
    for mark in vega.get("marks", []):
        for signal in mark.get("signals", []):
            for handler in signal.get("on", []):
                events = handler.get("events")
                update = handler.get("update", "")
                if (isinstance(events, dict) and str(events.get("signal", "")).endswith("_scale_trigger")
                        and signal["name"].endswith("_x") and "[0]" in update):
                    store = signal["name"][:-2]
                    field = re.search(r"(\w+)\[0\]", update).group(1)
                    handler["update"] = f"isArray({field}) ? {update} : {store}_x"
    return vega


def _read_sources_directly(vega: dict[str, Any]) -> None:
    """Point every reference to a dataset that only relays another (``data_0`` with
    ``source: "events"`` and no transform) at its source, and drop the relay: each one is
    operators that take in every row the glue adds or removes at each frame of a zoom."""
    relays = {d["name"]: d["source"] for d in vega.get("data", [])
              if set(d) == {"name", "source"} and isinstance(d["source"], str)}
    if not relays:
        return

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "data" and isinstance(v, str) and v in relays:
                    node[k] = relays[v]
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    vega["data"] = [d for d in vega["data"] if d["name"] not in relays]
    walk({k: v for k, v in vega.items() if k != "data"})


# Encoding channels that follow the time window or the row a mark is laid out in.
_MOVING = ("x", "x2", "xc", "y", "y2", "yc", "width", "height")


def _encode_once(encode: dict[str, Any]) -> None:
    """Move a mark's channels that do not change while it is shown (constants, and fields
    of the row through the fixed colour scales) from ``update``, run for every kept mark
    at every zoom step, to ``enter``, run when the mark is made: Vega evaluates encoders
    through vega-interpreter here, a few microseconds a channel. The headline's text is
    read as the field it is (the rows always carry text)."""
    update = encode.get("update")
    if not isinstance(update, dict):
        return
    text = update.get("text")
    plain = isinstance(text, dict) and "signal" in text and re.fullmatch(
        r'isValid\(datum\["(\w+)"\]\) \? datum\["\1"\] : ""\+datum\["\1"\]', text["signal"])
    if plain:
        update["text"] = {"field": plain.group(1)}
    enter = encode.setdefault("enter", {})
    for channel in list(update):
        rule = update[channel]
        if channel in _MOVING or not isinstance(rule, dict) or "signal" in rule or "test" in rule:
            continue
        if "value" in rule or ("field" in rule and rule.get("scale") in (None, "color", "stroke")):
            enter[channel] = update.pop(channel)
