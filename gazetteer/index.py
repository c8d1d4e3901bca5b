"""The on-disk index: one SQLite file built once from every source.

Built into a temporary file and renamed into place, under a lock, so a half-written or
concurrent build is never opened; temporary files a killed build left behind are removed
by the next one (or the next open). ``meta`` records the schema version and a fingerprint
of the sources; a mismatch or an unreadable file means "rebuild". A build is checked in
full (``PRAGMA integrity_check``) before it is renamed into place, and a checksum of the
file beside it (``.crc32``) is compared at every open (about 60 ms for the 64 MB index),
so bytes damaged on disk mean a rebuild, not failing lookups. Trouble writing the cache
(read-only, full disk) is one :class:`IndexBuildError` line naming the directory and the
setting that moves it.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from . import memindex, naturalearth, sources, usatlas
from .errors import IndexBuildError, IndexCorruptError
from .integrity import (_check_full, _damage, _file_lock, _replace_with_checksum, cache_trouble,
                        clean_stale_temps, write_checksum)
from .normalize import normalize, skeleton
from .paths import cache_dir, imports_dir

SCHEMA_VERSION = 2
INDEX_NAME = f"gazetteer-v{SCHEMA_VERSION}.sqlite"
ALTERNATE_PENALTY = 0.8
BUILD_REVISION = 10  # bump when the build logic changes, so existing indexes are rebuilt
SKELETON_MIN_IMPORTANCE = 4.5

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT,
    kind TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    importance REAL NOT NULL,
    geonameid INTEGER,
    source TEXT NOT NULL,
    valid_from INTEGER,
    valid_to INTEGER
);
CREATE TABLE skeletons (skel TEXT NOT NULL, place INTEGER NOT NULL,
                        PRIMARY KEY (skel, place)) WITHOUT ROWID;
CREATE TABLE geometry (place INTEGER PRIMARY KEY, geojson TEXT NOT NULL);
CREATE TABLE demonyms (word TEXT PRIMARY KEY, country TEXT NOT NULL);
CREATE TABLE codes (code TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL,
                    admin1 TEXT, PRIMARY KEY (code, kind)) WITHOUT ROWID;
"""
POST_SCHEMA = "CREATE UNIQUE INDEX places_ref ON places(ref);"

Progress = Callable[[str, float], None]


def index_path() -> Path:
    return cache_dir() / INDEX_NAME


def import_files() -> list[Path]:
    folder = imports_dir()
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def current_fingerprint() -> str:
    build = f"{SCHEMA_VERSION}.{BUILD_REVISION}.{ALTERNATE_PENALTY}.{SKELETON_MIN_IMPORTANCE}"
    return sources.fingerprint(import_files(), build=build)


class StderrProgress:
    """A dependency-free progress bar on stderr (one line per stage when not a TTY)."""

    def __init__(self, stream=None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last_stage = None
        self.start = time.monotonic()

    def __call__(self, stage: str, fraction: float) -> None:
        fraction = max(0.0, min(1.0, fraction))
        if self.tty:
            filled = int(self.width * fraction)
            bar = "#" * filled + "-" * (self.width - filled)
            end = "\n" if fraction >= 1.0 and stage == "done" else ""
            self.stream.write(f"\rbuilding gazetteer index [{bar}] {fraction:4.0%} {stage:<24}{end}")
            self.stream.flush()
        elif stage != self.last_stage:
            self.stream.write(f"building gazetteer index: {fraction:4.0%} {stage}\n")
            self.stream.flush()
        self.last_stage = stage


def _insert(conn: sqlite3.Connection, records: Iterable[dict], next_id: list[int],
            names: dict, skels: set, geoms: list, known: dict[str, int] | None = None
            ) -> dict[str, int]:
    """Insert place records; a record whose ref is already ``known`` (an imported GeoNames
    dump overlapping cities500) only adds its names to the existing place."""
    rows = []
    ids = {}
    known = known if known is not None else {}
    for r in records:
        if r["ref"] in known or r["ref"] in ids:
            pid = known.get(r["ref"]) or ids[r["ref"]]
            _add_names(pid, r["importance"], r["names"], names, skels)
            continue
        pid = next_id[0]
        next_id[0] += 1
        ids[r["ref"]] = pid
        rows.append((pid, r["ref"], r["name"], r["lat"], r["lon"], r["country"], r["admin1"],
                     r["kind"], r["population"], r["importance"], r["geonameid"], r["source"],
                     r["valid_from"], r["valid_to"]))
        _add_names(pid, r["importance"], r["names"], names, skels)
        if r.get("geometry"):
            geoms.append((pid, json.dumps(r["geometry"], separators=(",", ":"))))
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return ids


def _add_names(pid: int, importance: float, names, out: dict, skels: set) -> None:
    for name, primary in names:
        key = normalize(name)
        if not key:
            continue
        prior = importance - (0.0 if primary else ALTERNATE_PENALTY)
        k = (key, pid)
        if out.get(k, -1e9) < prior:
            out[k] = prior
        if importance >= SKELETON_MIN_IMPORTANCE:
            skel = skeleton(key)
            if skel:
                skels.add((skel, pid))


def build(path: Path | None = None, *, progress: Progress | None = None) -> Path:
    """Build the index at ``path`` (default: the cache dir) and return the path."""
    path = Path(path) if path else index_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(path.with_suffix(".lock")):
            clean_stale_temps(path, locked=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                _build_into(tmp, progress or (lambda stage, fraction: None))
                _check_full(tmp)
                _replace_with_checksum(tmp, path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
    except (OSError, sqlite3.OperationalError) as exc:
        raise cache_trouble(path, exc) from exc
    return path


def _build_into(tmp: Path, progress: Progress) -> None:
    started = time.monotonic()
    fingerprint = current_fingerprint()
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;")
        conn.executescript(SCHEMA)
        progress("reading cities", 0.02)
        city_records, admin_points = sources.cities(
            lambda i: progress("reading cities", 0.02 + 0.35 * i / 235000))
        progress("country shapes", 0.40)
        shapes = naturalearth.country_shapes()
        capitals = sources.capitals_of(city_records)
        countries = list(sources.countries(shapes, capitals))
        iso_numeric = {}
        for c in sources._load_json(sources._geonames_file("countries.json")).values():
            if c.get("isonumeric"):
                iso_numeric[c["iso"]] = f"{int(c['isonumeric']):03d}"
        names: dict[tuple[str, int], float] = {}
        skels: set[tuple[str, int]] = set()
        geoms: list[tuple[int, str]] = []
        next_id = [1]
        refs: dict[str, int] = {}
        progress("countries", 0.45)
        refs.update(_insert(conn, countries, next_id, names, skels, geoms))
        refs.update(_insert(conn, sources.continents(), next_id, names, skels, geoms))
        refs.update(_insert(conn, usatlas.us_states(admin_points), next_id, names, skels, geoms))
        refs.update(_insert(conn, usatlas.us_counties(), next_id, names, skels, geoms))
        progress("cities", 0.50)
        refs.update(_insert(conn, city_records, next_id, names, skels, geoms))
        big_cities: dict[tuple[str, str], float] = {}
        for r in city_records:
            if r["population"] >= 50_000 and r["country"]:
                for n, _ in r["names"]:
                    k = (r["country"], normalize(n))
                    big_cities[k] = max(big_cities.get(k, 0.0), r["importance"])
        del city_records
        progress("curated places", 0.62)
        curated = list(sources.curated_places(shapes, iso_numeric))
        refs.update(_insert(conn, curated, next_id, names, skels, geoms))
        taken: dict[str, list[tuple[float, float]]] = {}
        for r in curated + [dict(c, names=[(c["name"], True)]) for c in countries]:
            for n, _ in r["names"]:
                taken.setdefault(normalize(n), []).append((r["lat"], r["lon"]))
        for lat, lon, name in conn.execute("SELECT lat, lon, name FROM places WHERE kind = 'admin1'"):
            taken.setdefault(normalize(name), []).append((lat, lon))
        del curated
        progress("admin-1 divisions", 0.66)
        refs.update(_insert(conn, sources.admin1(big_cities, taken, admin_points), next_id, names, skels, geoms,
                            known=refs))
        _apply_aliases(conn, refs, countries, names, skels)
        _apply_area_points(conn)
        for f in import_files():
            refs.update(_insert(conn, _read_import(f), next_id, names, skels, geoms, known=refs))
        progress("names", 0.70)
        progress("lookup arrays", 0.78)
        memindex.write_blobs(conn, memindex.entries_from_names(names))
        progress("skeletons", 0.85)
        conn.executemany("INSERT INTO skeletons VALUES (?,?)", skels)
        conn.executemany("INSERT INTO geometry VALUES (?,?)", geoms)
        conn.executemany("INSERT INTO demonyms VALUES (?,?)", sources.demonyms().items())
        _insert_codes(conn, countries)
        progress("indexing", 0.90)
        conn.executescript(POST_SCHEMA)
        meta = {
            "schema": str(SCHEMA_VERSION), "fingerprint": fingerprint,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "build_seconds": f"{time.monotonic() - started:.1f}",
            "places": str(next_id[0] - 1), "names": str(len(names)),
            "imports": json.dumps([f.name for f in import_files()]),
            "complete": "1",
        }
        conn.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
        progress("done", 1.0)
    finally:
        conn.close()


def _apply_aliases(conn, refs: dict[str, int], countries: list[dict], names: dict, skels: set) -> None:
    """Rows of aliases.csv add names to (and may rename) places from other sources."""
    by_iso = {c["country"]: c["ref"] for c in countries}
    importance = dict(conn.execute("SELECT id, importance FROM places"))
    for row in sources.curated_aliases():
        ref = row["ref"]
        if ref.startswith("country:"):
            ref = by_iso.get(ref.split(":", 1)[1], "")
        pid = refs.get(ref)
        if pid is None:
            raise IndexBuildError(f"aliases.csv: unknown place {row['ref']!r}")
        conn.execute("UPDATE places SET name = ? WHERE id = ?", (row["name"], pid))
        _add_names(pid, importance[pid], [(row["name"], True)] + [(a, True) for a in row["aliases"]],
                   names, skels)


AREA_POINT_BLEND_KM = 320.0


def _apply_area_points(conn) -> None:
    """Areas take GeoNames' points (their shapes stay for drawing). Where GeoNames' point
    and the conventional centre we had lie within 320 km of each other, the midpoint
    serves both (each within 161 km); farther apart (Canada), GeoNames' point wins."""
    updates = []
    for ref, (lat, lon) in sources.area_points().items():
        row = conn.execute("SELECT lat, lon, source FROM places WHERE ref = ?", (ref,)).fetchone()
        if row is None:
            continue
        source = f"{row[2]}; point: GeoNames"
        if naturalearth.haversine_km(lat, lon, row[0], row[1]) < AREA_POINT_BLEND_KM:
            lat, lon = (lat + row[0]) / 2, (lon + row[1]) / 2
            source = f"{row[2]}; point: midway to GeoNames'"
        updates.append((round(lat, 4), round(lon, 4), source, ref))
    conn.executemany("UPDATE places SET lat = ?, lon = ?, source = ? WHERE ref = ?", updates)


def _insert_codes(conn, countries: list[dict]) -> None:
    rows = []
    for c in countries:
        rows.append((c["country"].lower(), "iso2", c["country"], None))
        if c.get("iso3"):
            rows.append((c["iso3"].lower(), "iso3", c["country"], None))
    for code, in conn.execute("SELECT admin1 FROM places WHERE kind='admin1' AND country='US'").fetchall():
        rows.append((code.lower(), "us-state", "US", code))
    rows.append(("uk", "iso2", "GB", None))
    conn.executemany("INSERT OR IGNORE INTO codes VALUES (?,?,?,?)", rows)


def _read_import(path: Path) -> Iterable[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            rec["names"] = [tuple(n) for n in rec["names"]]
            yield rec


def read_meta(path: Path) -> dict[str, str]:
    """The index's meta table; raises IndexCorruptError when the file is not a readable index."""
    if not path.is_file():
        raise FileNotFoundError(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            conn.execute("SELECT id FROM places LIMIT 1").fetchall()
            conn.execute("SELECT name FROM blobs LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise IndexCorruptError(f"gazetteer index {path} is unreadable ({exc})") from exc
    if meta.get("complete") != "1":
        raise IndexCorruptError(f"gazetteer index {path} is incomplete")
    return meta


def ensure_index(path: Path | None = None, *, progress: Progress | None = None,
                 notify: Callable[[str], None] | None = None) -> Path:
    """Return a usable index path, building or rebuilding it when needed."""
    path = Path(path) if path else index_path()
    notify = notify or (lambda msg: print(msg, file=sys.stderr))
    reason = _stale_reason(path)
    if reason is None:
        clean_stale_temps(path)
        return path
    try:
        with _file_lock(path.with_suffix(".lock")):
            reason = _stale_reason(path)  # another process may have built it meanwhile
            if reason is None:
                return path
    except OSError as exc:
        raise cache_trouble(path, exc) from exc
    notify(f"gazetteer: {reason}; building the index at {path} (once, about a minute)")
    return build(path, progress=progress or StderrProgress())


def _stale_reason(path: Path) -> str | None:
    try:
        meta = read_meta(path)
    except FileNotFoundError:
        return "no index yet"
    except IndexCorruptError as exc:
        return f"{exc}, rebuilding"
    if meta.get("schema") != str(SCHEMA_VERSION):
        return "index schema changed"
    if meta.get("fingerprint") != current_fingerprint():
        return "a source changed"
    return _damage(path)


def add_import(path: Path, records: list[dict], import_name: str) -> dict[str, int]:
    """Add imported records to an up-to-date index in place (seconds, not a full build).

    The caller has already written the import file, so the stored fingerprint is updated
    to the current one; a later full build gives the same index.
    """
    with _file_lock(path.with_suffix(".lock")):
        conn = sqlite3.connect(path)
        try:
            known = dict(conn.execute("SELECT ref, id FROM places"))
            next_id = [max(known.values(), default=0) + 1]
            names: dict[tuple[str, int], float] = {}
            skels: set[tuple[str, int]] = set()
            geoms: list[tuple[int, str]] = []
            before = next_id[0]
            _insert(conn, records, next_id, names, skels, geoms, known=known)
            conn.executemany("INSERT OR IGNORE INTO skeletons VALUES (?,?)", skels)
            conn.executemany("INSERT OR REPLACE INTO geometry VALUES (?,?)", geoms)
            old = memindex.MemIndex(conn)
            entries = list(zip(old.hashes, old.places, old.priors))
            del old
            entries += memindex.entries_from_names(names)
            conn.execute("DROP TABLE blobs")
            memindex.write_blobs(conn, entries)
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            imports = sorted(set(json.loads(meta.get("imports", "[]"))) | {import_name})
            updates = {"fingerprint": current_fingerprint(), "places": str(next_id[0] - 1),
                       "names": str(len(entries)), "imports": json.dumps(imports)}
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", updates.items())
            conn.commit()
        finally:
            conn.close()
        write_checksum(path)  # the file changed in place: its checksum follows
    return {"places": next_id[0] - before, "names": len(names)}
