"""Wrong types in TimelineJS (and StoryMapJS) JSON become located problems, not crashes.

The format is loose: TimelineJS shows a number where it expected text, and so do we
(``"group": 5`` is the group "5"). What cannot mean anything (a list where a date
object belongs, a latitude "x", NaN) is reported with its path, which the collector
maps to a line. Each function returns a cleaned value or None.
"""
from __future__ import annotations

import math
from typing import Any

from ._collect import Collector

_STRINGLIKE = (str, int, float)


def text(c: Collector, value: Any, field: str) -> str | None:
    """A text member: strings as they are, numbers as TimelineJS shows them."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, _STRINGLIKE):
        c.add("wrong type", field=field, found=type(value).__name__, expected="text")
        return None
    if isinstance(value, float) and not math.isfinite(value):
        c.add("not a finite number", field=field, found=repr(value), expected="text")
        return None
    return value if isinstance(value, str) else str(value)


def obj(c: Collector, value: Any, field: str) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        c.add("wrong type", field=field, found=type(value).__name__, expected="an object {...}")
        return None
    return value


def items(c: Collector, value: Any, field: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        c.add("wrong type", field=field, found=type(value).__name__, expected="a list [...]")
        return []
    return value


def number(c: Collector, value: Any, field: str, low: float, high: float) -> float | None:
    """A finite number in range; numeric strings ("51.5") are numbers, as in a sheet."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, bool):
            raise ValueError
        result = float(value)
    except (TypeError, ValueError, OverflowError):
        c.add("not a number", field=field, found=str(value)[:60], expected=f"a number {low:g} to {high:g}")
        return None
    if not math.isfinite(result) or not low <= result <= high:
        c.add("out of range", field=field, found=str(value), expected=f"a number {low:g} to {high:g}")
        return None
    return result


def text_obj(c: Collector, value: Any, field: str) -> tuple[str, str]:
    """A TimelineJS ``text`` member: (headline, text)."""
    data = obj(c, value, field) or {}
    return (text(c, data.get("headline"), f"{field}.headline") or "",
            text(c, data.get("text"), f"{field}.text") or "")


_MEDIA_FIELDS = ("caption", "credit", "alt", "thumbnail", "title", "link", "link_target")


def media(c: Collector, value: Any, field: str) -> dict | None:
    data = obj(c, value, field)
    if not data:
        return None
    url = text(c, data.get("url"), f"{field}.url")
    out = {k: text(c, data.get(k), f"{field}.{k}") or None for k in _MEDIA_FIELDS}
    return {"url": url, **out} if url else None


def background(c: Collector, value: Any, field: str) -> dict | None:
    data = obj(c, value, field)
    if not data:
        return None
    out = {}
    for key in ("url", "color"):
        checked = text(c, data.get(key), f"{field}.{key}")
        if checked:
            out[key] = checked
    return out or None


def places(c: Collector, value: Any, field: str) -> list:
    """``chronoatlas.places``: names, or objects with a name and optional lat/lon."""
    result = []
    for i, item in enumerate(items(c, value, field)):
        path = f"{field}[{i}]"
        if isinstance(item, str):
            if item.strip():
                result.append(item)
            continue
        data = obj(c, item, path)
        if data is None:
            continue
        name = text(c, data.get("name"), f"{path}.name")
        if not name or not name.strip():
            c.add("a place needs a name", field=f"{path}.name")
            continue
        before = len(c.problems)
        lat = number(c, data.get("lat"), f"{path}.lat", -90, 90)
        lon = number(c, data.get("lon"), f"{path}.lon", -180, 180)
        if len(c.problems) > before:
            continue
        if (lat is None) != (lon is None):
            c.add("lat and lon come together", field=f"{path}.lat", expected="both or neither")
            continue
        adjective = text(c, data.get("adjective"), f"{path}.adjective")
        zoom = number(c, data.get("zoom"), f"{path}.zoom", 0, 20)
        result.append({"name": name, "lat": lat, "lon": lon, "adjective": adjective,
                       "zoom": None if zoom is None else int(zoom),
                       "inferred": data.get("inferred") is True,
                       "confidence": confidence(c, data.get("confidence"), f"{path}.confidence")})
    return result


def strings(c: Collector, value: Any, field: str) -> list[str]:
    return [s for i, item in enumerate(items(c, value, field))
            if (s := text(c, item, f"{field}[{i}]"))]


def sources(c: Collector, value: Any, field: str) -> list:
    result = []
    for i, item in enumerate(items(c, value, field)):
        if isinstance(item, str):
            result.append(item)
        elif (data := obj(c, item, f"{field}[{i}]")) is not None:
            result.append({"url": text(c, data.get("url"), f"{field}[{i}].url"),
                           "title": text(c, data.get("title"), f"{field}[{i}].title")})
    return result


def confidence(c: Collector, value: Any, field: str) -> float | None:
    return number(c, value, field, 0, 1)


def provenance(c: Collector, value: Any, field: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if (isinstance(value, list) and len(value) == 2 and
            all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)):
        return value[0], value[1]
    c.add("wrong type", field=field, found=repr(value)[:60], expected="[start, end] character offsets")
    return None
