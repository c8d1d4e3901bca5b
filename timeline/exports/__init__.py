"""Exports that need no web server: GeoJSON and KML, plus the place table they share.

The image and handout exports (``svg``, ``png``, ``map-svg``, ``map-png``, ``pdf``) render
charts, which is the web package's job: see :mod:`web.exports.static_export` and
:mod:`web.exports.handout` (the CLI maps those formats there, so ``timeline`` never imports ``web``).
"""
from __future__ import annotations

from .geojson import dump_geojson, export_geojson, geojson_from_table, story_to_geojson
from .kml import export_kml, kml_time, story_to_kml
from .output import write_bytes, write_text
from .places import LocatedPlace, PlaceTable, UnlocatedPlace, ensure_resolved, place_table

__all__ = [
    "dump_geojson", "export_geojson", "geojson_from_table", "story_to_geojson",
    "export_kml", "kml_time", "story_to_kml",
    "write_bytes", "write_text",
    "LocatedPlace", "PlaceTable", "UnlocatedPlace", "ensure_resolved", "place_table",
]
