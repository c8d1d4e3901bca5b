"""US states and counties for the index, from GeoNames' state list and the us-atlas /
US Census Bureau tables in ``gazetteer/data/us_atlas`` (points at the middle of shapes)."""
from __future__ import annotations

import statistics
from collections.abc import Iterator
from importlib import resources

from .sources import ADMIN1_FAME, US_ATLAS, _csv_rows, _geonames_file, _load_json


def _us_atlas_rows(name: str) -> list[dict]:
    path = resources.files("gazetteer").joinpath(f"{US_ATLAS}/{name}")
    return list(_csv_rows(path.read_text(encoding="utf-8")))


def us_states(admin_points: dict) -> Iterator[dict]:
    """GeoNames' US states, each at the middle of its area (us-atlas, US Census Bureau):
    the median of a state's towns leans towards its cities (Texas by 180 km)."""
    data = _load_json(_geonames_file("us_states.json"))
    centres = {r["fips"]: (float(r["lat"]), float(r["lon"])) for r in _us_atlas_rows("us_states.csv")}
    for code, s in data.items():
        pts = admin_points.get(("US", code))
        if not pts:
            continue
        source = "GeoNames; point: centre of the US Census Bureau's shape (us-atlas)"
        if s.get("fips") in centres:
            lat, lon = centres[s["fips"]]
        else:
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            source = "GeoNames (point: median of the state's places)"
        yield {
            "ref": f"geonames:{s['geonameid']}", "name": s["name"], "lat": round(lat, 4),
            "lon": round(lon, 4), "country": "US", "admin1": code, "kind": "admin1",
            "population": 0, "importance": ADMIN1_FAME, "geonameid": int(s["geonameid"]),
            "source": source, "valid_from": None,
            "valid_to": None, "names": [(s["name"], True), (f"{s['name']} State", False)],
            "geometry": None,
        }


US_COUNTY_FAME = 5.0
# what a second-level division is called in these states (elsewhere: "County")
_COUNTY_WORD = {"Louisiana": "Parish", "Alaska": "Borough"}


def us_counties() -> Iterator[dict]:
    """US counties, parishes and boroughs (names from us-atlas / Census, points at the
    middle of their shapes), named with their generic word: "Laurel County", "Rapides
    Parish". The bare name stays the town's: only "X County" says county."""
    codes = {s["name"]: code for code, s in _load_json(_geonames_file("us_states.json")).items()}
    for r in _us_atlas_rows("us_counties.csv"):
        state = r["state"].strip()
        code = codes.get(state)
        if code is None:
            continue
        base = r["name"].strip()
        word = _COUNTY_WORD.get(state, "County")
        if base.lower().endswith((" city", " borough", " census area", " municipality")):
            continue  # Virginia's independent cities are towns already; Alaska's areas
        name = f"{base} {word}"
        names = [(name, True), (f"{base} Co.", False)]
        if word != "County":
            names.append((f"{base} County", False))
        yield {
            "ref": f"usatlas:{r['fips']}", "name": name, "lat": float(r["lat"]),
            "lon": float(r["lon"]), "country": "US", "admin1": code, "kind": "admin2",
            "population": 0, "importance": US_COUNTY_FAME, "geonameid": None,
            "source": "US Census Bureau via us-atlas 3.0.1 (public domain; point: shape centre)",
            "valid_from": None, "valid_to": None, "names": names, "geometry": None,
        }
