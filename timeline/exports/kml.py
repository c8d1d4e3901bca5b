"""A story as KML 2.2: one Placemark per event place, with TimeStamp or TimeSpan.

Google Earth's time slider plays the placemarks. Dates are written as XML Schema
``gYear``/``gYearMonth``/``date``/``dateTime``, as coarse as the event's precision.

BCE years: KML 2.2 (OGC 07-147r2) takes its date types from XML Schema 1.0, which has no
year 0000 and counts 1 BCE as "-0001". Our model is astronomical (year 0 = 1 BCE, as ISO
8601 and XML Schema 1.1), so an astronomical year ``y <= 0`` is written ``-(1 - y)``:
490 BCE (astronomical -489) is ``-0490``. The exact astronomical ISO form travels beside
it in ExtendedData (``start``, ``end``), with the human label (``date``), so nothing is
lost whichever convention a reader follows.

Events whose places have no coordinates still get a Placemark (without geometry; KML
allows that), flagged in ExtendedData ``status``, so every event survives the trip.
All text goes through ElementTree (XML-escaped) after characters XML 1.0 cannot hold
(controls, lone surrogates) are dropped. Google Earth renders ``name``, ExtendedData
``value`` and ``description`` as HTML in its balloons, so story text in them is
HTML-escaped too (``html.unescape`` gives it back exactly): markup stays text.
"""
from __future__ import annotations

import html
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..dates import HistoricalDate, Precision, days_in_month
from ..model import Event, Story
from .output import warn, write_text
from .places import COORD_DIGITS, PlaceTable, place_table

__all__ = ["KML_NS", "story_to_kml", "kml_from_table", "kml_time", "export_kml", "xsd10_year"]

KML_NS = "http://www.opengis.net/kml/2.2"
_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22", "#7f7f7f"]


def xsd10_year(year: int) -> str:
    """An astronomical year in XML Schema 1.0 form: 1939 -> "1939", -489 -> "-0490"."""
    if year > 0:
        return f"{year:04d}"
    return f"-{1 - year:04d}"


def _last_year(date: HistoricalDate) -> int:
    span = {Precision.DECADE: 10, Precision.CENTURY: 100, Precision.MILLENNIUM: 1000,
            Precision.MILLION_YEARS: 1_000_000, Precision.BILLION_YEARS: 1_000_000_000}
    return date.year + span[date.precision] - 1


def _when(date: HistoricalDate, *, end: bool = False) -> str:
    """The XSD value for a date; ``end`` picks the last instant a coarse period covers."""
    p = date.precision
    y = xsd10_year(date.year)
    if p is Precision.YEAR:
        return y
    if p in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM,
             Precision.MILLION_YEARS, Precision.BILLION_YEARS):
        return xsd10_year(_last_year(date)) if end else y
    if p is Precision.SEASON:
        month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[date.season]
        if end:  # a season is three months; winter runs into the next year
            month += 2
            year = date.year + (month - 1) // 12
            return f"{xsd10_year(year)}-{(month - 1) % 12 + 1:02d}"
        return f"{y}-{month:02d}"
    if p is Precision.MONTH:
        return f"{y}-{date.month:02d}"
    if p is Precision.DAY:
        return f"{y}-{date.month:02d}-{date.day:02d}"
    return f"{y}-{date.month:02d}-{date.day:02d}T{date.hour or 0:02d}:{date.minute or 0:02d}:00"


def kml_time(event: Event) -> tuple[str, dict[str, str]] | None:
    """("TimeStamp", {"when": ...}) or ("TimeSpan", {"begin": ..., "end": ...}) or None."""
    start, end = event.start, event.end
    if start is None:
        return None
    coarse = start.precision in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM,
                                 Precision.MILLION_YEARS, Precision.BILLION_YEARS, Precision.SEASON)
    if end is None or end == start:
        if coarse:
            return "TimeSpan", {"begin": _when(start), "end": _when(start, end=True)}
        return "TimeStamp", {"when": _when(start)}
    return "TimeSpan", {"begin": _when(start), "end": _when(end, end=True)}


def _kml_colour(hex_rgb: str) -> str:
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"ff{b}{g}{r}"  # KML is aabbggrr


def _description(event: Event, place_note: str | None) -> str:
    """HTML for the balloon, from escaped pieces only."""
    parts = [f"<p><b>{html.escape(event.date_label())}</b></p>"]
    if place_note:
        parts.append(f"<p><i>{html.escape(place_note)}</i></p>")
    for para in (event.text or "").strip().split("\n\n"):
        if para.strip():
            parts.append(f"<p>{html.escape(' '.join(para.split()))}</p>")
    for s in event.sources:
        label = html.escape(s.title or s.url or "source")
        if s.url and s.url.lower().startswith(("https://", "http://")):
            parts.append(f'<p>Source: <a href="{html.escape(s.url, quote=True)}">{label}</a></p>')
        else:
            parts.append(f"<p>Source: {label}</p>")
    return "\n".join(parts)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{KML_NS}}}{tag}", {k: _xml_safe(v) for k, v in attrib.items()})
    if text is not None:
        el.text = _xml_safe(text)
    return el


def _shown(text: str) -> str:
    """Text for an element Google Earth displays as HTML."""
    return html.escape(text, quote=True)


def _data(ext: ET.Element, name: str, value) -> None:
    if value is None or value == "":
        return
    d = _sub(ext, "Data", name=name)
    _sub(d, "value", str(value).lower() if isinstance(value, bool) else _shown(str(value)))


def kml_from_table(table: PlaceTable) -> ET.ElementTree:
    story = table.story
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    doc = _sub(root, "Document")
    _sub(doc, "name", _shown(story.title))
    if story.summary:
        _sub(doc, "description", html.escape(" ".join(story.summary.split())))
    groups: list[str] = []
    for e in story.dated_events + story.undated_events:
        if (e.group or "") not in groups:
            groups.append(e.group or "")
    for i, g in enumerate(groups):
        style = _sub(doc, "Style", id=f"group-{i}")
        icon = _sub(style, "IconStyle")
        _sub(icon, "color", _kml_colour(_PALETTE[i % len(_PALETTE)]))

    # Interleave located and unlocated entries in chronological order.
    entries: list[tuple] = [(lp.event, lp.place, lp, None) for lp in table.located]
    entries += [(u.event, u.place, None, u) for u in table.unlocated]
    order = {e.id: i for i, e in enumerate(story.dated_events + story.undated_events)}
    entries.sort(key=lambda t: (order[t[0].id], t[0].places.index(t[1]) if t[1] is not None else -1))

    for event, place, lp, un in entries:
        pm = _sub(doc, "Placemark")
        _sub(pm, "name", _shown(event.title))
        note = None
        if place is not None:
            note = place.name if lp is not None else f"{place.name} (not located: {un.reason})"
        _sub(pm, "description", _description(event, note))
        t = kml_time(event)
        if t is not None:
            tag, values = t
            el = _sub(pm, tag)
            for k, v in values.items():
                _sub(el, k, v)
        _sub(pm, "styleUrl", f"#group-{groups.index(event.group or '')}")
        ext = _sub(pm, "ExtendedData")
        _data(ext, "id", event.id)
        _data(ext, "start", event.start.isoformat() if event.start else None)
        _data(ext, "end", event.end.isoformat() if event.end else None)
        _data(ext, "precision", event.start.precision.value if event.start else None)
        _data(ext, "approximate", bool(event.start and event.start.approximate))
        _data(ext, "date", event.date_label())
        _data(ext, "group", event.group)
        _data(ext, "place", place.name if place is not None else None)
        _data(ext, "status", lp.status if lp is not None else un.status)
        if lp is not None and math.isfinite(lp.lon) and math.isfinite(lp.lat):
            point = _sub(pm, "Point")
            _sub(point, "coordinates",
                 f"{round(lp.lon, COORD_DIGITS)},{round(lp.lat, COORD_DIGITS)}")
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def story_to_kml(story: Story | PlaceTable) -> str:
    """The KML document as text (UTF-8 XML declaration included)."""
    table = story if isinstance(story, PlaceTable) else place_table(story)
    tree = kml_from_table(table)
    return ET.tostring(tree.getroot(), encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"])


def export_kml(story: Story, out: Path | None) -> None:
    table = place_table(story)
    warn(table.warnings())
    write_text(story_to_kml(table), out)
