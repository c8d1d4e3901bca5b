"""Regenerate ``us_counties.csv`` and ``us_states.csv`` from the us-atlas npm package.

    npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    python gazetteer/data/us_atlas/make_us_areas.py package/counties-10m.json

us-atlas (Mike Bostock, ISC licence) is the US Census Bureau's cartographic boundary
files (public domain) as TopoJSON. Each county's and state's point is the area-weighted
centroid of its largest polygon: gazetteers (GeoNames among them) place an area near its
middle, not at its biggest town, which is what a county or state mention should get.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from gazetteer.naturalearth import label_point, topology_to_features  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    states = {}
    rows = []
    for f in topology_to_features(topo, "states"):
        lat, lon = label_point(f["geometry"])
        states[f["id"]] = f["properties"]["name"]
        rows.append((f["id"], f["properties"]["name"], round(lat, 4), round(lon, 4)))
    with open(HERE / "us_states.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write("# US states: centroid of the largest polygon of us-atlas 3.0.1 (US Census Bureau, public domain)\n")
        w = csv.writer(fh)
        w.writerow(["fips", "name", "lat", "lon"])
        w.writerows(sorted(rows))
    rows = []
    for f in topology_to_features(topo, "counties"):
        if f["geometry"] is None:
            continue
        lat, lon = label_point(f["geometry"])
        rows.append((f["id"], f["properties"]["name"], states.get(f["id"][:2], ""),
                     round(lat, 4), round(lon, 4)))
    with open(HERE / "us_counties.csv", "w", newline="", encoding="utf-8") as fh:
        fh.write("# US counties: centroid of the largest polygon of us-atlas 3.0.1 (US Census Bureau, public domain)\n")
        w = csv.writer(fh)
        w.writerow(["fips", "name", "state", "lat", "lon"])
        w.writerows(sorted(rows))


if __name__ == "__main__":
    main(sys.argv[1])
