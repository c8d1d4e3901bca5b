"""The archive index on disk: Parquet tables, written so a crash never leaves half of one.

```
INDEX/
  archive.json                    manifest: version, source, partitions, counts
  parts/000012/                   one finished partition (the checkpoint): written into
    articles.parquet                parts/000012.tmp-<id>/ and renamed when complete,
    events.parquet                  so a partition is there whole or not at all
    mentions.parquet
    done.json                       the partition's source fingerprint and counts
  tables/                         rebuilt from parts/ after every build (DuckDB)
    articles/articles.parquet
    events/century=20/*.parquet     hive-partitioned by century, sorted by country, date
    mentions/mentions.parquet
```
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

VERSION = 1

ARTICLES = pa.schema([
    ("article_id", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("published", pa.string()), ("where", pa.string()), ("words", pa.int64()),
    ("events", pa.int64()), ("error", pa.string()), ("notes", pa.string()),
])
EVENTS = pa.schema([
    ("article_id", pa.string()), ("event_id", pa.string()), ("headline", pa.string()),
    ("quote", pa.string()), ("start", pa.string()), ("end", pa.string()),
    ("start_pos", pa.float64()), ("end_pos", pa.float64()), ("precision", pa.string()),
    ("century", pa.int64()), ("place_name", pa.string()), ("place_status", pa.string()),
    ("geonameid", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("country", pa.string()), ("admin1", pa.string()), ("confidence", pa.float64()),
    ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
])
MENTIONS = pa.schema([
    ("article_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("text", pa.string()), ("kind", pa.string()), ("status", pa.string()),
    ("place_name", pa.string()), ("geonameid", pa.int64()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("country", pa.string()),
])
SCHEMAS = {"articles": ARTICLES, "events": EVENTS, "mentions": MENTIONS}


class ArchiveIndexError(ValueError):
    """INDEX is not an archive index (or one of a newer layout)."""


def part_dir(index: Path, number: int) -> Path:
    return index / "parts" / f"{number:06d}"


def done_marker(index: Path, number: int) -> dict[str, Any] | None:
    """The checkpoint of a finished partition, or None when it must be (re)done."""
    try:
        return json.loads((part_dir(index, number) / "done.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_part(index: Path, number: int, tables: dict[str, list[dict]], marker: dict) -> None:
    """Write one partition's tables and marker, then make them visible in one rename."""
    final = part_dir(index, number)
    tmp = final.with_name(f"{final.name}.tmp-{uuid.uuid4().hex[:8]}")
    tmp.mkdir(parents=True)
    try:
        for name, schema in SCHEMAS.items():
            table = pa.Table.from_pylist(tables.get(name, []), schema=schema)
            pq.write_table(table, tmp / f"{name}.parquet")
        (tmp / "done.json").write_text(json.dumps(marker), encoding="utf-8")
        if final.exists():
            # A worker that was thought dead may finish after its task was re-run: the
            # two outputs are the same partition, so keeping either loses nothing.
            old = final.with_name(f"{final.name}.old-{uuid.uuid4().hex[:8]}")
            os.replace(final, old)
            shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def clean_stale(index: Path, keep: int) -> None:
    """Remove temp folders of killed workers and partitions past the source's end."""
    parts = index / "parts"
    if not parts.is_dir():
        return
    for entry in parts.iterdir():
        name = entry.name
        if ".tmp-" in name or ".old-" in name:
            shutil.rmtree(entry, ignore_errors=True)
        elif name.isdigit() and int(name) >= keep:
            shutil.rmtree(entry, ignore_errors=True)


def finalise(index: Path, count: int) -> dict[str, int]:
    """Rebuild ``tables/`` from the finished partitions (idempotent); returns row counts."""
    import duckdb

    tmp = index / f"tables.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    counts: dict[str, int] = {}
    con = duckdb.connect()
    try:
        for name in SCHEMAS:
            files = [str(part_dir(index, n) / f"{name}.parquet") for n in range(count)]
            files = [f for f in files if os.path.exists(f)]
            out = tmp / name
            out.mkdir()
            if not files:
                pq.write_table(pa.Table.from_pylist([], schema=SCHEMAS[name]), out / f"{name}.parquet")
                counts[name] = 0
                continue
            con.read_parquet(files).create_view("src", replace=True)
            counts[name] = con.execute("SELECT count(*) FROM src").fetchone()[0]
            if name == "events":
                con.execute(f"COPY (SELECT * FROM src ORDER BY century, country, start_pos) "
                            f"TO '{_sql_path(out)}' (FORMAT parquet, PARTITION_BY (century), "
                            f"OVERWRITE_OR_IGNORE)")
            else:
                con.execute(f"COPY (SELECT * FROM src ORDER BY article_id) "
                            f"TO '{_sql_path(out / (name + '.parquet'))}' (FORMAT parquet)")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        con.close()
    final = index / "tables"
    if final.exists():
        old = index / f"tables.old-{uuid.uuid4().hex[:8]}"
        os.replace(final, old)
        shutil.rmtree(old, ignore_errors=True)
    os.replace(tmp, final)
    return counts


def _sql_path(path: Path) -> str:
    """A path inside a SQL string literal: DuckDB's COPY TO takes no parameter there."""
    return str(path).replace("'", "''")


def write_manifest(index: Path, manifest: dict) -> None:
    tmp = index / "archive.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(tmp, index / "archive.json")


def read_manifest(index: Path) -> dict:
    try:
        manifest = json.loads((index / "archive.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArchiveIndexError(f"{index}: not an archive index (no archive.json); build one with "
                          f"'chronoatlas archive build SOURCE --index {index}'") from None
    except (OSError, ValueError) as exc:
        raise ArchiveIndexError(f"{index}/archive.json: unreadable ({exc})") from None
    if manifest.get("version") != VERSION:
        raise ArchiveIndexError(f"{index}: index layout version {manifest.get('version')!r}; this "
                          f"chronoatlas reads version {VERSION}: rebuild it")
    return manifest
