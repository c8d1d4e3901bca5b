"""Import user places: a GeoNames dump (allCountries.txt / cities*.txt, optionally with
alternateNamesV2.txt) or a CSV of custom places (name, lat, lon, kind, aliases).

Every line is checked first; if any is broken, nothing is imported and every problem is
reported with file, line, field, what was found and what was expected.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from .errors import ImportFileError, Problem
from .paths import imports_dir
from .sources import KIND_FAME, city_importance

GEONAMES_COLUMNS = [
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature class", "feature code", "country code", "cc2", "admin1 code", "admin2 code",
    "admin3 code", "admin4 code", "population", "elevation", "dem", "timezone",
    "modification date",
]
ALTNAME_COLUMNS = ["alternateNameId", "geonameid", "isolanguage", "alternate name",
                   "isPreferredName", "isShortName", "isColloquial", "isHistoric", "from", "to"]
_SKIP_LANGS = {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "fr_1793", "abbr"}

# GeoNames feature code -> our kind
FEATURE_KINDS = {
    "A.PCLI": "country", "A.PCLD": "country", "A.PCLF": "country", "A.PCLS": "country",
    "A.PCLH": "historical-state", "A.ADM1": "admin1", "A.ADM1H": "admin1", "A.ADM2": "admin2",
    "P.PPLC": "capital", "P.PPLCH": "capital", "H.STM": "river", "H.STMH": "river",
    "H.LK": "lake", "H.LKS": "lake", "H.SEA": "sea", "H.OCN": "ocean", "H.GULF": "gulf",
    "H.BAY": "gulf", "H.STRT": "strait", "H.CNL": "canal", "T.MT": "mountain",
    "T.PK": "mountain", "T.MTS": "mountain-range", "T.DSRT": "desert", "T.PEN": "peninsula",
    "T.ISL": "island", "T.ISLS": "island", "L.RGN": "region", "L.AREA": "region",
    "S.HSTS": "historical-site", "S.BTL": "battlefield", "S.CSTL": "landmark",
    "S.MNMT": "landmark", "S.PAL": "landmark",
}
CSV_REQUIRED = ["name", "lat", "lon"]
_KIND_RE = re.compile(r"^[a-z][a-z0-9-]{0,30}$")


def feature_kind(fclass: str, fcode: str) -> str:
    kind = FEATURE_KINDS.get(f"{fclass}.{fcode}")
    if kind:
        return kind
    return {"P": "city", "A": "admin", "H": "water", "T": "terrain", "S": "landmark",
            "L": "region", "V": "forest", "R": "road", "U": "undersea"}.get(fclass, "feature")


def _float(problems, file, line, field, text, lo, hi) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        problems.append(Problem(file, line, field, str(text), f"a number from {lo} to {hi}"))
        return None
    if not math.isfinite(value) or not lo <= value <= hi:
        problems.append(Problem(file, line, field, str(text), f"a number from {lo} to {hi}"))
        return None
    return value


def parse_geonames(path: str | Path, *, alternate_names: str | Path | None = None,
                   limit_problems: int = 10_000) -> list[dict[str, Any]]:
    path = Path(path)
    file = path.name
    problems: list[Problem] = []
    records: list[dict[str, Any]] = []
    with open(path, encoding="utf-8", errors="strict", newline="") as fh:
        try:
            lines = fh.read().split("\n")
        except UnicodeDecodeError as exc:
            raise ImportFileError([Problem(file, 1, "(encoding)", repr(exc.object[exc.start:exc.end]),
                                           "UTF-8 text")], file=file) from exc
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.rstrip("\r").split("\t")
        if len(cols) != 19:
            problems.append(Problem(file, lineno, "(columns)", f"{len(cols)} tab-separated columns",
                                    "19 columns (GeoNames dump layout)"))
            continue
        c = dict(zip(GEONAMES_COLUMNS, cols))
        ok = True
        if not c["geonameid"].isdigit():
            problems.append(Problem(file, lineno, "geonameid", c["geonameid"], "a positive integer"))
            ok = False
        if not c["name"].strip():
            problems.append(Problem(file, lineno, "name", c["name"], "a non-empty name"))
            ok = False
        lat = _float(problems, file, lineno, "latitude", c["latitude"], -90, 90)
        lon = _float(problems, file, lineno, "longitude", c["longitude"], -180, 180)
        if c["country code"] and not re.fullmatch(r"[A-Z]{2}", c["country code"]):
            problems.append(Problem(file, lineno, "country code", c["country code"],
                                    "an ISO 3166-1 alpha-2 code like 'MN' or empty"))
            ok = False
        pop_text = c["population"].strip() or "0"
        if not re.fullmatch(r"-?\d+", pop_text) or int(pop_text) < 0:
            problems.append(Problem(file, lineno, "population", c["population"], "a whole number ≥ 0"))
            ok = False
        if not ok or lat is None or lon is None:
            continue
        kind = feature_kind(c["feature class"], c["feature code"])
        pop = int(pop_text)
        importance = (city_importance(pop) + (0.6 if kind == "capital" else 0.0)
                      if c["feature class"] == "P" else KIND_FAME.get(kind, 5.0))
        names = [(c["name"], True)]
        if c["asciiname"]:
            names.append((c["asciiname"], True))
        names += [(a, False) for a in c["alternatenames"].split(",") if a.strip()]
        records.append({
            "ref": f"geonames:{int(c['geonameid'])}", "name": c["name"], "lat": lat, "lon": lon,
            "country": c["country code"] or None, "admin1": c["admin1 code"] or None,
            "kind": kind, "population": pop, "importance": round(importance, 3),
            "geonameid": int(c["geonameid"]), "source": f"GeoNames dump ({file})",
            "valid_from": None, "valid_to": None, "names": names, "geometry": None,
        })
        if len(problems) >= limit_problems:
            break
    if alternate_names:
        _add_alternate_names(records, Path(alternate_names), problems)
    if problems:
        raise ImportFileError(problems, file=str(path))
    return records


def _add_alternate_names(records: list[dict], path: Path, problems: list[Problem]) -> None:
    by_id = {r["geonameid"]: r for r in records}
    file = path.name
    extra: dict[int, list] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            cols = raw.rstrip("\r\n").split("\t")
            if len(cols) not in (8, 10):
                problems.append(Problem(file, lineno, "(columns)", f"{len(cols)} tab-separated columns",
                                        "10 columns (alternateNamesV2 layout) or 8 (alternateNames)"))
                continue
            if not cols[1].isdigit():
                problems.append(Problem(file, lineno, "geonameid", cols[1], "a positive integer"))
                continue
            gid = int(cols[1])
            if gid in by_id and cols[2] not in _SKIP_LANGS and cols[3].strip():
                extra[gid].append((cols[3], cols[4] == "1"))
    for gid, names in extra.items():
        by_id[gid]["names"] += names


def parse_csv(path: str | Path, *, import_name: str) -> list[dict[str, Any]]:
    path = Path(path)
    file = path.name
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError([Problem(file, 1, "(encoding)", repr(exc.object[exc.start:exc.end]),
                                       "UTF-8 text")], file=str(path)) from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        raise ImportFileError([Problem(file, 1, "(header)", ",".join(reader.fieldnames or []),
                                       "columns name, lat, lon and optionally kind, aliases, country")],
                              file=str(path))
    records = []
    for raw_row in reader:
        lineno = reader.line_num
        if None in raw_row:
            problems.append(Problem(file, lineno, "(columns)",
                                    f"{len(header) + len(raw_row[None])} values",
                                    f"{len(header)} columns as in the header"))
            continue
        row = {(k or "").strip().lower(): (v if isinstance(v, str) else "") for k, v in raw_row.items()}
        name = row.get("name", "").strip()
        if not name:
            problems.append(Problem(file, lineno, "name", row.get("name", ""), "a non-empty name"))
        lat = _float(problems, file, lineno, "lat", row.get("lat", "").strip(), -90, 90)
        lon = _float(problems, file, lineno, "lon", row.get("lon", "").strip(), -180, 180)
        kind = (row.get("kind") or "").strip().lower() or "place"
        if not _KIND_RE.match(kind):
            problems.append(Problem(file, lineno, "kind", row.get("kind", ""),
                                    "a lower-case word like city, river, battlefield"))
        country = (row.get("country") or "").strip().upper() or None
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            problems.append(Problem(file, lineno, "country", row.get("country", ""),
                                    "an ISO 3166-1 alpha-2 code like 'MN' or empty"))
        if not name or lat is None or lon is None:
            continue
        aliases = [a.strip() for a in re.split(r"[;|]", row.get("aliases") or "") if a.strip()]
        records.append({
            "ref": f"user:{import_name}:{lineno}", "name": name, "lat": lat, "lon": lon,
            "country": country, "admin1": None, "kind": kind, "population": 0,
            "importance": KIND_FAME.get(kind, 6.0), "geonameid": None,
            "source": f"user import {import_name} ({file}:{lineno})", "valid_from": None,
            "valid_to": None, "names": [(name, True)] + [(a, True) for a in aliases],
            "geometry": None,
        })
    if problems:
        raise ImportFileError(problems, file=str(path))
    return records


def detect_format(path: Path) -> str:
    with open(path, encoding="utf-8", errors="replace") as fh:
        first = fh.readline()
    return "geonames" if first.count("\t") >= 10 else "csv"


def import_file(path: str | Path, *, fmt: str = "auto", alternate_names: str | Path | None = None,
                name: str | None = None, progress: bool = False) -> dict[str, Any]:
    """Validate ``path``, store it as an import and add it to the index."""
    from .index import add_import, ensure_index, index_path

    path = Path(path)
    import_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", name or path.stem).strip("-.") or "import"
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt == "geonames":
        records = parse_geonames(path, alternate_names=alternate_names)
    else:
        records = parse_csv(path, import_name=import_name)
    folder = imports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{import_name}.jsonl"
    idx = index_path()
    # bring the index up to date *before* the new file exists, then add the file in place
    ensure_index(idx)
    tmp = target.with_suffix(".jsonl.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    replaced = target.exists()
    tmp.replace(target)
    if replaced:  # re-importing a file: its old places must go, so rebuild fully
        ensure_index(idx)
        added = {"places": len(records), "names": sum(len(r["names"]) for r in records)}
    else:
        added = add_import(idx, records, target.name)
    return {"name": import_name, "file": str(target), **added}
