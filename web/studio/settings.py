"""Story settings the studio edits (theme, basemap, tile layer) and the choices the
operator allows: the viewer's themes, the offline basemaps, the operator's ``TILES``."""
from __future__ import annotations

from typing import Any

from flask import current_app

__all__ = ["BASEMAPS", "choices", "problems"]

BASEMAPS = ("physical", "political")  # what web.exports.mapbuilder.default_basemap reads


def _themes() -> tuple[str, ...]:
    from ..views.embed import THEMES
    return THEMES


def choices() -> dict[str, Any]:
    """What the settings form offers: nothing the server would not show."""
    from timeline.tiles import PRESETS
    tiles = []
    for item in current_app.config.get("TILES") or ():
        if isinstance(item, str) and item in PRESETS:
            tiles.append({"item": item, "label": PRESETS[item].get("name", item)})
        elif isinstance(item, dict) and isinstance(item.get("url"), str):
            tiles.append({"item": {k: item[k] for k in ("url", "name", "attribution", "max_zoom") if k in item},
                          "label": str(item.get("name") or item["url"])[:200]})
    return {"themes": list(_themes()), "basemaps": list(BASEMAPS), "tiles": tiles}


def problems(document: Any) -> list:
    """Located problems of the settings the studio writes (the schema leaves them open)."""
    from timeline.errors import Problem
    settings = document.get("settings") if isinstance(document, dict) else None
    if not isinstance(settings, dict):
        return []
    out = []
    for key, allowed in (("theme", _themes()), ("basemap", BASEMAPS)):
        value = settings.get(key)
        if value is not None and value not in allowed:
            out.append(Problem("not a choice this server offers", file="story",
                               field=f"settings.{key}", found=str(value)[:100],
                               expected="one of " + ", ".join(allowed)))
    return out
