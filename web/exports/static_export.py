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

from pathlib import Path
from typing import Any

import vl_convert as vlc

from timeline.exports.output import warn, write_bytes, write_text
from timeline.exports.places import PlaceTable, place_table
from timeline.model import Story

from .static_map import map_spec
from .static_style import ATTRIBUTION, FONT, SCHEMA, text_width
from .static_timeline import timeline_spec, year_ticks

__all__ = [
    "timeline_spec", "map_spec", "render", "timeline_svg", "timeline_png", "map_svg", "map_png",
    "export_timeline_svg", "export_timeline_png", "export_map_svg", "export_map_png",
    "year_ticks", "text_width", "FONT", "ATTRIBUTION", "SCHEMA",
]


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
